import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorBody, type ErrorCode, STATUS_OF } from '../../../protocol';
import { log } from './log';
import { requestIdOf } from './request-log';

/** An error a client may see: HTTP status plus a stable machine-readable code. */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  /** Seconds until the same request may succeed: sent as Retry-After and as `error.retryAfter`. */
  readonly retryAfter?: number;
  constructor(status: ContentfulStatusCode, code: ErrorCode, message: string, retryAfter?: number) {
    super(status, { message });
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/** An ApiError with the status the one table (protocol/errors.ts STATUS_OF) gives its code. */
export const apiError = (code: ErrorCode, message: string, retryAfter?: number) =>
  new ApiError(STATUS_OF[code] as ContentfulStatusCode, code, message, retryAfter);

/** Shorthands for the errors every feature raises. */
export const errors = {
  badRequest: (message: string, code: ErrorCode = 'bad_request') => new ApiError(400, code, message),
  unauthorized: (message = 'A valid token is required') => new ApiError(401, 'unauthorized', message),
  forbidden: (message = 'You may not do this', code: ErrorCode = 'forbidden') => new ApiError(403, code, message),
  notFound: (what = 'Resource') => new ApiError(404, 'not_found', `${what} not found`),
  conflict: (code: ErrorCode, message: string) => new ApiError(409, code, message),
  rateLimited: () => new ApiError(429, 'rate_limited', 'Too many requests, slow down'),
};

/** The code of an HTTPException Hono itself raised (a validator's 400, the body limit's 413), by its status. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'too_large',
  429: 'rate_limited',
};

/**
 * Whether an error is SQLite's UNIQUE constraint refusing a row (optionally on `index`, e.g. "agents.email"):
 * the race behind a check-then-insert that passed its pre-check. Looks through drizzle's wrapping (cause).
 */
export function isUniqueViolation(err: unknown, index = ''): boolean {
  for (let e = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const message = String((e as Error).message ?? e);
    if (message.includes(`UNIQUE constraint failed: ${index}`)) return true;
  }
  return false;
}

/** The one onError: every failure leaves as {error:{code,message}}, never with a stack. */
export function errorHandler(err: Error, c: Context) {
  if (err instanceof ApiError) {
    if (err.retryAfter === undefined)
      return c.json<ErrorBody>({ error: { code: err.code, message: err.message } }, err.status);
    c.header('Retry-After', String(err.retryAfter));
    return c.json<ErrorBody>(
      { error: { code: err.code, message: err.message, retryAfter: err.retryAfter } },
      err.status,
    );
  }
  if (err instanceof HTTPException) {
    const code = CODE_BY_STATUS[err.status] ?? (err.status < 500 ? 'bad_request' : 'internal');
    return c.json<ErrorBody>({ error: { code, message: err.message || code } }, err.status as ContentfulStatusCode);
  }
  // A race no route foresaw still answers like one: the other request won; never a 500.
  if (isUniqueViolation(err))
    return c.json<ErrorBody>(
      { error: { code: 'conflict', message: 'This was created at the same time by another request' } },
      409,
    );
  log.error('request.error', { requestId: requestIdOf(c.req.raw), method: c.req.method, path: c.req.path, error: err });
  return c.json<ErrorBody>({ error: { code: 'internal', message: 'Something went wrong' } }, 500);
}

/** 404 for unknown API paths, in the same envelope. */
export function notFoundHandler(c: Context) {
  return c.json<ErrorBody>({ error: { code: 'not_found', message: 'No such route' } }, 404);
}
