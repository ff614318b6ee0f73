import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, connect, paths, registerOwner, visitorSession, waitFor, workspaceWithSite } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';
import { getDb } from '../db/client';
import { statsQueries } from './stats';

/** Start a conversation where the visitor writes first; returns its id and the visitor's socket. */
async function started(siteKey: string) {
  const v = await visitorSession(siteKey);
  const id = (await api('/api/widget/conversations', { token: v.token, body: {} })).body.conversation.id as string;
  const ws = await connect(paths.visitor(id), v.token);
  ws.send({ type: 'send', clientId: 'q', body: 'Hi' });
  await ws.next((f) => f.type === 'ack');
  return { id, ws };
}

/** Pretend the first response took `seconds`: the timings the DO projects come from these stamps. */
const setFirstResponse = (id: string, seconds: number) =>
  env.DB.prepare('UPDATE conversations SET first_response_seconds = ? WHERE id = ?').bind(seconds, id).run();

describe('GET /api/sites/:id/stats', () => {
  it('counts open, waiting, resolved today, missed, agents online, response and resolution times, per agent', async () => {
    const { owner, site } = await workspaceWithSite();
    const bob = await teamMember(owner.token);
    const console1 = await connect(paths.site(site.id), owner.token);
    const answered = await Promise.all([started(site.key), started(site.key), started(site.key)]);
    const waiting = await started(site.key);
    const missed = await started(site.key);
    const agentWs = await Promise.all(answered.map((c) => connect(paths.agent(c.id), owner.token)));
    for (const [i, c] of answered.entries()) {
      await api(`/api/conversations/${c.id}/assign`, {
        token: owner.token,
        method: 'POST',
        body: { agentId: i === 2 ? bob.agent.id : owner.agent.id },
      });
      agentWs[i]!.send({ type: 'send', clientId: 'r', body: 'Hello!' });
      await agentWs[i]!.next((f) => f.type === 'ack');
    }
    await api(`/api/conversations/${answered[0]!.id}/resolve`, { token: owner.token, method: 'POST' });
    await api(`/api/conversations/${missed.id}/close`, { token: owner.token, method: 'POST' });
    // Wait for the projections, then fix the measured first responses to known values.
    await waitFor(
      async () =>
        (await api(`/api/sites/${site.id}/conversations?status=closed`, { token: owner.token })).body.conversations
          .length === 1 &&
        (await api(`/api/sites/${site.id}/conversations?status=resolved`, { token: owner.token })).body.conversations
          .length === 1 &&
        (await env.DB.prepare(
          'SELECT COUNT(*) AS n FROM conversations WHERE site_id = ? AND first_agent_reply_at IS NOT NULL',
        )
          .bind(site.id)
          .first<{ n: number }>())!.n === 3,
    );
    await setFirstResponse(answered[0]!.id, 10);
    await setFirstResponse(answered[1]!.id, 20);
    await setFirstResponse(answered[2]!.id, 60);

    const res = await api(`/api/sites/${site.id}/stats`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.stats).toMatchObject({
      open: 3,
      waiting: 1,
      resolvedToday: 1,
      resolved: 1,
      missed: 1,
      agentsOnline: 1,
      avgFirstResponseSeconds: 30,
      medianFirstResponseSeconds: 20,
    });
    expect(res.body.stats.avgResolutionSeconds).toBeGreaterThanOrEqual(0);
    const perAgent = Object.fromEntries(res.body.stats.perAgent.map((a: { agentId: string }) => [a.agentId, a]));
    expect(perAgent[owner.agent.id]).toMatchObject({ assigned: 2, open: 1, resolved: 1, avgFirstResponseSeconds: 15 });
    expect(perAgent[bob.agent.id]).toMatchObject({ assigned: 1, open: 1, resolved: 0, avgFirstResponseSeconds: 60 });
    // A range before today has none of it.
    const past = await api(`/api/sites/${site.id}/stats?from=2001-01-01&to=2001-01-31`, { token: owner.token });
    expect(past.body.stats).toMatchObject({
      resolved: 0,
      missed: 0,
      avgFirstResponseSeconds: null,
      medianFirstResponseSeconds: null,
    });
    for (const s of [console1, waiting.ws, missed.ws, ...answered.map((c) => c.ws), ...agentWs]) s.close();
  });

  it('refuses bad ranges and other callers', async () => {
    const { owner, site } = await workspaceWithSite();
    const bad = await api(`/api/sites/${site.id}/stats?from=last-week`, { token: owner.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    const stranger = await registerOwner('Eve');
    expect((await api(`/api/sites/${site.id}/stats`, { token: stranger.token })).status).toBe(404);
    const v = await visitorSession(site.key);
    expect((await api(`/api/sites/${site.id}/stats`, { token: v.token })).status).toBe(403);
    expect((await api(`/api/sites/${site.id}/stats`)).status).toBe(401);
  });

  it('reads every figure from a covering index range, never the rows of the site', async () => {
    const { site } = await workspaceWithSite();
    const queries = statsQueries(getDb(env.DB), site.id, '2026-01-01T00:00:00.000Z', '2026-01-08T00:00:00.000Z');
    for (const query of queries.slice(0, -1)) {
      // the last one reads the workspace's agents
      const { sql, params } = query.toSQL();
      const plan = (
        await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .bind(...params)
          .all<{ detail: string }>()
      ).results
        .map((r) => r.detail)
        .join('\n');
      expect(plan, sql).toMatch(/SEARCH conversations USING COVERING INDEX/);
      expect(plan, sql).not.toMatch(/SCAN conversations|SEARCH conversations USING INDEX/);
    }
  });
});
