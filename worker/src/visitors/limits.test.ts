import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { VISITOR_QUOTAS } from '../../../protocol/limits';
import { EDGE_LIMITS } from '../lib/ratelimit';
import { api, connect, ORIGIN, paths, visitorSession, waitFor, workspaceWithSite } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';

const outbox = async (token: string) =>
  (await api('/api/dev/outbox', { token })).body.emails as { to: string; subject: string }[];
const start = (token: string, body: object = {}, headers?: Record<string, string>) =>
  api('/api/widget/conversations', { token, body, headers });

/** Resolve a conversation and wait until D1 (what the next start reads) says so. */
async function resolve(ownerToken: string, id: string) {
  expect((await api(`/api/conversations/${id}/resolve`, { token: ownerToken, method: 'POST' })).status).toBe(200);
  await waitFor(
    async () => (await api(`/api/conversations/${id}`, { token: ownerToken })).body.conversation?.status === 'resolved',
  );
}

describe('per-visitor limits', () => {
  it('limits one visitor to burst + rate across all their conversations', async () => {
    const { owner, site } = await workspaceWithSite();
    const v = await visitorSession(site.key);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await start(v.token);
      expect(res.status).toBe(201);
      ids.push(res.body.conversation.id);
      await resolve(owner.token, res.body.conversation.id);
    }
    const sockets = await Promise.all(ids.map((id) => connect(paths.visitor(id), v.token)));
    const began = Date.now();
    // 4 each: within every conversation's own burst, but 12 for the visitor.
    for (let i = 0; i < 4; i++)
      sockets.forEach((s, j) => {
        s.send({ type: 'send', clientId: `m${j}-${i}`, body: `hello ${i}` });
      });
    const answers = async () =>
      sockets
        .flatMap((s) => s.frames)
        .filter((f) => f.type === 'ack' || (f.type === 'error' && f.code === 'rate_limited'));
    await waitFor(async () => (await answers()).length === 12);
    const seconds = (Date.now() - began) / 1000;
    const acked = (await answers()).filter((f) => f.type === 'ack').length;
    expect(acked).toBeGreaterThanOrEqual(5);
    expect(acked).toBeLessThanOrEqual(5 + Math.ceil(seconds));
    for (const s of sockets) s.close();
  });

  it('counts files against the same budget: a burst in one conversation refuses an upload in another', async () => {
    const { owner, site } = await workspaceWithSite();
    const v = await visitorSession(site.key);
    const first = (await start(v.token)).body.conversation.id;
    await resolve(owner.token, first);
    const second = (await start(v.token)).body.conversation.id;
    const ws = await connect(paths.visitor(first), v.token);
    // Past the burst: the last answers are refusals, so the budget is empty right now.
    for (let i = 0; i < 8; i++) ws.send({ type: 'send', clientId: `b${i}`, body: `burst ${i}` });
    await waitFor(async () => ws.of('ack').length + ws.of('error').length === 8);
    expect(ws.frames.filter((f) => f.type === 'ack' || f.type === 'error').at(-1).code).toBe('rate_limited');
    const res = await exports.default.fetch(`https://parley.test/api/widget/conversations/${second}/files`, {
      method: 'POST',
      body: 'notes',
      headers: {
        Authorization: `Bearer ${v.token}`,
        'Content-Type': 'text/plain',
        'X-Filename': 'a.txt',
        Origin: ORIGIN,
      },
    });
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    ws.close();
  });

  it('refuses the visitor a new conversation beyond the quota; returning the open one is free', async () => {
    const { owner, site } = await workspaceWithSite();
    const v = await visitorSession(site.key);
    for (let i = 0; i < VISITOR_QUOTAS.starts; i++) {
      const first = await start(v.token);
      expect(first.status).toBe(201);
      const again = await start(v.token);
      expect(again.status).toBe(200);
      expect(again.body.conversation.id).toBe(first.body.conversation.id);
      await resolve(owner.token, first.body.conversation.id);
    }
    const over = await start(v.token);
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
  });

  it('limits conversation starts per IP (a bot can mint new visitors)', async () => {
    const { site } = await workspaceWithSite();
    const ip = { 'CF-Connecting-IP': `192.0.2.${Math.floor(Math.random() * 250)}` };
    const statuses: number[] = [];
    // EDGE_LIMITS.startsPerIpPerMinute (wrangler.toml, CONVERSATION_LIMITER), each from a new visitor.
    const n = EDGE_LIMITS.startsPerIpPerMinute;
    for (let i = 0; i <= n; i++) statuses.push((await start((await visitorSession(site.key)).token, {}, ip)).status);
    expect(statuses.slice(0, n)).toEqual(Array(n).fill(201));
    expect(statuses[n]).toBe(429);
  });

  it('caps offline messages per visitor and emails the team once per conversation', async () => {
    const { owner, site } = await workspaceWithSite();
    await teamMember(owner.token);
    const v = await visitorSession(site.key);
    const statuses: number[] = [];
    for (let i = 0; i <= VISITOR_QUOTAS.offlinePerHour; i++) {
      statuses.push((await start(v.token, { email: 'lee@example.com', message: `Please call me back (${i})` })).status);
    }
    expect(statuses.filter((s) => s === 200 || s === 201)).toHaveLength(VISITOR_QUOTAS.offlinePerHour);
    expect(statuses.at(-1)).toBe(429);
    // Two agents, one conversation: two emails, however many messages.
    await waitFor(async () => (await outbox(owner.token)).length >= 2);
    const session = await visitorSession(site.key, v.token);
    expect(session.conversations).toHaveLength(1);
    const history = await api(`/api/conversations/${session.conversations[0]!.id}/messages`, { token: owner.token });
    expect(history.body.messages.filter((m: { sender: { type: string } }) => m.sender.type === 'visitor')).toHaveLength(
      VISITOR_QUOTAS.offlinePerHour,
    );
    expect(await outbox(owner.token)).toHaveLength(2);
  });
});

describe('starting a conversation is idempotent per visitor', () => {
  it('two tabs starting at once get one conversation', async () => {
    const { site } = await workspaceWithSite();
    const v = await visitorSession(site.key);
    const results = await Promise.all([start(v.token), start(v.token), start(v.token)]);
    expect(new Set(results.map((r) => r.body.conversation.id)).size).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect((await visitorSession(site.key, v.token)).conversations).toHaveLength(1);
  });

  it('a retried offline form (same client key) stores one message and sends one email per agent', async () => {
    const { owner, site } = await workspaceWithSite();
    const v = await visitorSession(site.key);
    const body = { email: 'lee@example.com', message: 'Is my order shipped?', clientKey: 'k-1' };
    const [a, b] = await Promise.all([start(v.token, body), start(v.token, body)]);
    const c = await start(v.token, body);
    expect(a.status).toBe(201);
    for (const r of [b, c]) expect(r.body.conversation).toEqual(a.body.conversation);
    const history = await api(`/api/conversations/${a.body.conversation.id}/messages`, { token: owner.token });
    expect(history.body.messages.filter((m: { body: string }) => m.body === 'Is my order shipped?')).toHaveLength(1);
    await waitFor(async () => (await outbox(owner.token)).length >= 1);
    expect(await outbox(owner.token)).toHaveLength(1);
  });

  it('a message retried while the first is still pending gets the same ack', async () => {
    const { site } = await workspaceWithSite();
    const v = await visitorSession(site.key);
    const id = (await start(v.token)).body.conversation.id;
    const ws = await connect(paths.visitor(id), v.token);
    ws.send({ type: 'send', clientId: 'twice', body: 'Hello' });
    ws.send({ type: 'send', clientId: 'twice', body: 'Hello' });
    await waitFor(async () => ws.of('ack').length === 2);
    const [x, y] = ws.of('ack');
    expect(y).toEqual(x);
    expect(ws.of('message').filter((f) => f.message.clientId === 'twice')).toHaveLength(1);
    ws.close();
  });
});
