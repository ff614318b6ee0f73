// The two server limits the widget needs, as plain constants: importing LIMITS would ship the whole object.
import type { LIMITS } from '../../protocol/limits';

/** LIMITS.bodyMax (the type check keeps the copy equal). */
export const BODY_MAX: typeof LIMITS.bodyMax = 4000;
/** LIMITS.editWindowMs: how long after sending the visitor's Edit button shows (the server decides). */
export const EDIT_MS: typeof LIMITS.editWindowMs = 900_000;
/** LIMITS.visitorBurst: messages the server accepts at once before pacing at ~1/s. */
export const BURST: typeof LIMITS.visitorBurst = 5;
