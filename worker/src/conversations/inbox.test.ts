import { describe, expect, it } from 'vitest';
import { api, connect, paths, visitorSession, waitFor, workspaceWithSite } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';
import { ftsQuery } from './inbox';

type Conv = { id: string };

/** A conversation with one visitor message, projected to D1 before returning. */
async function conversationSaying(
  siteKey: string,
  ownerToken: string,
  siteId: string,
  body: string,
  profile: { name?: string; email?: string } = {},
) {
  const v = await api('/api/widget/session', { body: { siteKey, user: { id: 'x', hash: '', ...profile } } });
  const conv = (await api('/api/widget/conversations', { token: v.body.token, body: {} })).body.conversation;
  const ws = await connect(paths.visitor(conv.id), v.body.token);
  ws.send({ type: 'send', clientId: 'c', body });
  await ws.next((f) => f.type === 'ack');
  ws.close();
  await waitFor(async () =>
    (await list(ownerToken, siteId, `q=${encodeURIComponent(body.split(' ')[0]!)}`)).some((c) => c.id === conv.id),
  );
  return conv as Conv;
}

async function list(token: string, siteId: string, query: string): Promise<Conv[]> {
  const res = await api(`/api/sites/${siteId}/conversations?${query}`, { token });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body.conversations;
}
const ids = (cs: Conv[]) => cs.map((c) => c.id).sort();

describe('inbox filters and search', () => {
  it('filters by status, assignee, priority, tag and date, and searches text, name and email', async () => {
    const { owner, site } = await workspaceWithSite();
    const bob = await teamMember(owner.token);
    const refund = await conversationSaying(site.key, owner.token, site.id, 'Refund for my broken teapot please', {
      name: 'Zed Quill',
    });
    const shipping = await conversationSaying(site.key, owner.token, site.id, 'Where is the parcel?', {
      email: 'olga@example.org',
    });
    const other = await conversationSaying(site.key, owner.token, site.id, 'Hello there');
    await api(`/api/conversations/${refund.id}/claim`, { token: owner.token, method: 'POST' });
    await api(`/api/conversations/${shipping.id}/assign`, {
      token: owner.token,
      method: 'POST',
      body: { agentId: bob.agent.id },
    });
    await api(`/api/conversations/${shipping.id}`, {
      token: owner.token,
      method: 'PATCH',
      body: { priority: 'urgent', tags: ['shipping'] },
    });
    await api(`/api/conversations/${other.id}/resolve`, { token: owner.token, method: 'POST' }).catch(() => null);
    await waitFor(async () => (await list(owner.token, site.id, 'priority=urgent')).length === 1);

    expect(ids(await list(owner.token, site.id, 'assignee=me'))).toEqual([refund.id]);
    expect(ids(await list(bob.token, site.id, 'assignee=me'))).toEqual([shipping.id]);
    expect(ids(await list(owner.token, site.id, `assignee=${bob.agent.id}`))).toEqual([shipping.id]);
    expect(ids(await list(owner.token, site.id, 'assignee=unassigned'))).toEqual([other.id]);
    expect(ids(await list(owner.token, site.id, 'status=active'))).toEqual(ids([refund, shipping]));
    expect(ids(await list(owner.token, site.id, 'priority=urgent&tag=Shipping'))).toEqual([shipping.id]);
    expect(await list(owner.token, site.id, 'tag=nothing')).toEqual([]);
    // Search: message text (by word prefix, any case), the visitor's name, the visitor's email.
    expect(ids(await list(owner.token, site.id, 'q=TEAP'))).toEqual([refund.id]);
    expect(ids(await list(owner.token, site.id, 'q=broken%20refund'))).toEqual([refund.id]);
    expect(ids(await list(owner.token, site.id, 'q=quill'))).toEqual([refund.id]);
    expect(ids(await list(owner.token, site.id, 'q=olga@example'))).toEqual([shipping.id]);
    // FTS5 operators are only words ("OR" would find olga@example.org by its word "org": NOT finds nothing here).
    expect(await list(owner.token, site.id, 'q=%22%20NOT%20*')).toEqual([]);
    // Dates: a bare "to" date includes that whole day.
    const today = new Date().toISOString().slice(0, 10);
    expect(await list(owner.token, site.id, `from=${today}&to=${today}`)).toHaveLength(3);
    expect(await list(owner.token, site.id, 'to=2000-01-01')).toEqual([]);
  });

  it('keeps cursor pages stable while new conversations arrive', async () => {
    const { owner, site } = await workspaceWithSite();
    const start = async () =>
      (await api('/api/widget/conversations', { token: (await visitorSession(site.key)).token, body: {} })).body
        .conversation as Conv;
    const made: Conv[] = [];
    for (let i = 0; i < 5; i++) made.push(await start());
    const first = await api(`/api/sites/${site.id}/conversations?limit=2`, { token: owner.token });
    await start();
    await start(); // newer ones arrive between pages
    const seen = [...first.body.conversations];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await api(`/api/sites/${site.id}/conversations?limit=2&cursor=${encodeURIComponent(cursor)}`, {
        token: owner.token,
      });
      seen.push(...page.body.conversations);
      cursor = page.body.nextCursor;
    }
    expect(seen.map((c) => c.id)).toEqual(made.map((c) => c.id).reverse());
  });

  it('validates filters', async () => {
    const { owner, site } = await workspaceWithSite();
    for (const q of ['status=open', 'priority=asap', 'from=yesterday', `q=${'x'.repeat(201)}`]) {
      const res = await api(`/api/sites/${site.id}/conversations?${q}`, { token: owner.token });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
  });

  it('turns user text into a safe FTS5 query', () => {
    expect(ftsQuery('  broken   teapot ')).toBe('"broken"* "teapot"*');
    expect(ftsQuery('say "hi" OR *')).toBe('"say"* """hi"""* "OR"* "*"*');
    expect(ftsQuery('a\u0000b NEAR( -x')).toBe('"a"* "b"* "NEAR("* "-x"*');
    expect(ftsQuery('   ')).toBeNull();
  });
});
