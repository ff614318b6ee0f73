// The blocks feature's public surface for other features.
export type { Suspect } from './queries';
