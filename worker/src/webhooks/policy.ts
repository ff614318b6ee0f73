// The delivery rules in one place (docs/integrations.md "Retries, order and disabling").

/** Each attempt waits this long for an answer (WEBHOOK_TIMEOUT_MS may shorten it, for tests). */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** First retry after about 30 s, then doubling… */
const BACKOFF_BASE_MS = 30_000;
/** …up to one hour between attempts. */
const BACKOFF_MAX_MS = 3_600_000;
/** A delivery is retried for 3 days from its first attempt (or its "send again"), then given up. */
export const RETRY_WINDOW_MS = 3 * 86_400_000;
/** A webhook whose deliveries have all failed for 3 days (no success since the first failure) is turned off. */
export const DISABLE_AFTER_MS = 3 * 86_400_000;
/** Delivered and failed entries stay in the log this long. */
export const LOG_KEEP_MS = 7 * 86_400_000;
/** What the object remembers of a conversation is forgotten after this long without a projection. */
export const BASELINE_KEEP_MS = 30 * 86_400_000;
/** Attempts at once, each for a different conversation (one conversation's deliveries go one at a time). */
export const PARALLEL = 10;

/** The wait before attempt `attempt + 1`: exponential, capped, with jitter (half fixed, half random). */
export function backoff(attempt: number, random = Math.random()): number {
  const d = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_MAX_MS);
  return Math.round(d / 2 + (d / 2) * random);
}

/** What an attempt's outcome means: done, try again later, or give up now. */
export type Verdict = 'delivered' | 'retry' | 'give_up';

/**
 * 2xx: delivered. 410 Gone: the receiver says this endpoint is no more: given up at once ("send again" remains).
 * Anything else is retried with backoff for the retry window: a timeout, a network error, 408, 429, 5xx, and also
 * 3xx and the other 4xx, because they are as often the receiver's passing state as a final word: a 400/401/403 for
 * a signature made with a secret rotated a moment ago (the docs' own example answers 400), a 404 or a redirect
 * while the receiver deploys or its URL is being changed. A fix on either side (URL, secret, receiver) then
 * applies to the next attempt, since every attempt reads the webhook's current configuration.
 */
export function verdict(status: number | null): Verdict {
  if (status !== null && status >= 200 && status < 300) return 'delivered';
  if (status === 410) return 'give_up';
  return 'retry';
}
