// Issue 13 item 4: one result shape for Durable Object calls, one status table for its errors.
import { expect, it } from 'vitest';
import { ERROR_CODES, STATUS_OF } from '../../../protocol';
import { done, refused, unwrap } from './do-result';
import { ApiError } from './errors';

const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('did not throw');
};

it('unwraps a value and throws a refusal as the ApiError with the status of the one table', () => {
  expect(unwrap(done(42))).toBe(42);
  const notFound = thrown(() => unwrap(refused('not_found', 'Conversation not found')));
  expect(notFound).toBeInstanceOf(ApiError);
  expect([notFound.status, notFound.code, notFound.message]).toEqual([404, 'not_found', 'Conversation not found']);
  expect(thrown(() => unwrap(refused('not_your_message', 'no'))).status).toBe(403);
  expect(thrown(() => unwrap(refused('invalid_transition', 'no'))).status).toBe(409);
  const limited = thrown(() => unwrap(refused('rate_limited', 'slow down', 30)));
  expect([limited.status, limited.retryAfter]).toEqual([429, 30]);
});

it('gives every code a 4xx or 5xx status, each code listed once', () => {
  expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  expect(Object.keys(STATUS_OF).sort()).toEqual([...ERROR_CODES].sort());
  for (const code of ERROR_CODES) expect(STATUS_OF[code]).toBeGreaterThanOrEqual(400);
});
