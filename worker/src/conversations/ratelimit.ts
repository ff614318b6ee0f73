import { LIMITS } from '../../../protocol/limits';

/**
 * Exact per-sender token bucket: `rate` messages a second with a burst of `burst`.
 * Kept in memory: the object only hibernates after it has been idle, and by then
 * every bucket would have refilled, so losing it loses nothing.
 */
export class TokenBuckets {
  #buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly rate: number = LIMITS.visitorRatePerSecond,
    readonly burst: number = LIMITS.visitorBurst,
  ) {}

  /** Take one token for `key`; false when the bucket is empty. */
  take(key: string, now = Date.now()): boolean {
    const b = this.#buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.rate);
    b.at = now;
    this.#buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
