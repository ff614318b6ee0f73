// The timing rules both apps share: one liveness rule, one backoff, one typing timeout.
// Plain numbers (not an object) so the widget's bundler inlines them.

/** A live socket sends {"type":"ping"} this often (idle proxies keep it open; the server's 90 s sweep stays quiet). */
export const PING_EVERY_MS = 25_000;
/** No frame at all (a pong or anything else) this long after a ping or a dial: the link is dead, replace it. */
export const DEAD_AFTER_MS = 10_000;
/** First reconnect delay ceiling; it doubles per failed attempt... */
export const BACKOFF_BASE_MS = 500;
/** ...up to this cap. */
export const BACKOFF_MAX_MS = 30_000;
/** A "typing on" with no "off" or message after it fades after this long (a lost "off" must not stick). */
export const TYPING_TIMEOUT_MS = 8_000;
