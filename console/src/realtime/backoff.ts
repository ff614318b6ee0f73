// Reconnect delays: exponential so a down server is not hammered, jittered so a deploy
// that drops every socket at once does not bring them all back in the same instant.

/** Backoff tuning. */
export type BackoffOptions = { baseMs: number; maxMs: number };

/** Default: 0.5 s doubling up to 30 s. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

/** Delay before reconnect attempt `attempt` (0-based): "equal jitter", between half and all of the capped exponential. */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
