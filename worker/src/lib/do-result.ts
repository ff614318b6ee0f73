import type { ErrorCode } from '../../../protocol';
import { apiError } from './errors';

/** Why a Durable Object refused a call: a code of the one list, a message for people, and when to retry if known. */
export type DoError = { code: ErrorCode; message: string; retryAfter?: number };

/**
 * What every Durable Object RPC method that can refuse answers (docs/architecture.md "Durable Object results"):
 * its value, or one error. The caller turns an error into its REST answer with `unwrap` (status from STATUS_OF).
 */
export type DoResult<T> = { ok: true; value: T } | { ok: false; error: DoError };

/** A successful result. */
export const done = <T>(value: T): DoResult<T> => ({ ok: true, value });

/** A refused result. */
export const refused = (code: ErrorCode, message: string, retryAfter?: number): { ok: false; error: DoError } => ({
  ok: false,
  error: { code, message, ...(retryAfter === undefined ? {} : { retryAfter }) },
});

/** The value of a result; a refusal is thrown as the ApiError with the status the one table gives its code. */
export function unwrap<T>(result: DoResult<T>): T {
  if (result.ok) return result.value;
  throw apiError(result.error.code, result.error.message, result.error.retryAfter);
}
