import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, connect, conversationFixture, paths, waitFor } from '../../test/helpers';
import { app } from '../app';
import { getDb } from '../db/client';

/** The counters routes with PARLEY_COUNTERS=1, as the bench's wrangler dev has it. */
async function counters(path = '', method = 'GET') {
  const res = await app.request(`/api/dev/counters${path}`, { method }, { ...env, PARLEY_COUNTERS: '1' });
  expect(res.status).toBe(200);
  return ((await res.json()) as { counters: Record<string, number> }).counters;
}

describe('dev counters', () => {
  it('are unknown routes unless PARLEY_COUNTERS is "1"', async () => {
    for (const [path, method] of [
      ['/api/dev/counters', 'GET'],
      ['/api/dev/counters/reset', 'POST'],
    ] as const) {
      const res = await api(path, { method, origin: null });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('count D1 statements (a batch as one call), stored messages and SiteDO calls', async () => {
    await counters('/reset', 'POST');
    // Other test files may run meanwhile: lower bounds only.
    const [a, b] = await getDb(env.DB).batch([getDb(env.DB).run(sql`SELECT 1`), getDb(env.DB).run(sql`SELECT 2`)]);
    expect(a && b).toBeTruthy();
    const afterBatch = await counters();
    expect(afterBatch['d1.statements']).toBeGreaterThanOrEqual(2);
    expect(afterBatch['d1.calls']).toBeGreaterThanOrEqual(1);

    const { visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    v.send({ type: 'send', clientId: 'c1', body: 'counted' });
    await v.next((f) => f.type === 'ack');
    // The D1 projection and the SiteDO publish run after the ack (waitUntil).
    await waitFor(async () => {
      const c = await counters();
      return (
        (c.messages ?? 0) >= 1 &&
        (c['site.calls'] ?? 0) >= 1 &&
        (c['d1.statements'] ?? 0) > afterBatch['d1.statements']!
      );
    });
    v.close();
  });
});
