// The privacy feature's public surface: the Worker's scheduled handler (worker/src/index.ts).
export { scheduled } from './scheduled';
