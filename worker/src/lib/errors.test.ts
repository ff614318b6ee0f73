// Issue 9 item 6: a UNIQUE constraint no route foresaw (a race between two inserts) answers 409 conflict, not 500.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorHandler, isUniqueViolation } from './errors';

const d1Error = (index: string) => new Error(`D1_ERROR: UNIQUE constraint failed: ${index}: SQLITE_CONSTRAINT`);

describe('UNIQUE constraint races', () => {
  it('isUniqueViolation matches the index, also through a wrapping error (drizzle puts D1 errors in cause)', () => {
    expect(isUniqueViolation(d1Error('agents.email'), 'agents.email')).toBe(true);
    expect(
      isUniqueViolation(new Error('Failed query: insert …', { cause: d1Error('agents.email') }), 'agents.email'),
    ).toBe(true);
    expect(isUniqueViolation(d1Error('visitors.site_id, visitors.external_id'), 'agents.email')).toBe(false);
    expect(isUniqueViolation(new Error('no such table'))).toBe(false);
  });

  it('the error handler answers an unforeseen UNIQUE violation with 409 conflict in the one envelope', async () => {
    const app = new Hono()
      .get('/', () => {
        throw d1Error('sites.key');
      })
      .onError(errorHandler);
    const res = await app.request('/');
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: 'conflict', message: expect.any(String) } });
  });
});
