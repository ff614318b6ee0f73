// The privacy feature's public surface: the scheduled retention job (worker/src/index.ts).
export { runRetention } from './retention';
