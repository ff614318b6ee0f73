import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, connect, paths, waitFor, workspaceWithSite } from '../../test/helpers';
import { getDb } from '../db/client';
import { InboxQuery } from '../../../protocol';
import { inboxQuery } from './inbox';

type Conv = { id: string };

/** A conversation whose visitor has a profile and wrote `body`, found by search before returning. */
async function saying(
  site: { key: string; id: string },
  token: string,
  body: string,
  user: { name?: string; email?: string },
) {
  const v = await api('/api/widget/session', {
    body: { siteKey: site.key, user: { id: crypto.randomUUID(), hash: '', ...user } },
  });
  const conv = (await api('/api/widget/conversations', { token: v.body.token, body: {} })).body.conversation as Conv;
  const ws = await connect(paths.visitor(conv.id), v.body.token);
  ws.send({ type: 'send', clientId: 'c', body });
  await ws.next((f) => f.type === 'ack');
  ws.close();
  await waitFor(async () => (await search(token, site.id, body.split(' ')[0]!)).includes(conv.id));
  return conv;
}

async function search(token: string, siteId: string, q: string, extra = '') {
  const res = await api(`/api/sites/${siteId}/conversations?q=${encodeURIComponent(q)}${extra}`, { token });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return (res.body.conversations as Conv[]).map((c) => c.id);
}

/** `n` conversations of `perConv` messages each written straight to D1 (the search reads only D1). */
async function seed(
  siteId: string,
  workspaceId: string,
  n: number,
  perConv: number,
  text: (i: number, seq: number) => string,
) {
  const base = Date.parse('2026-01-01T00:00:00Z');
  const at = (ms: number) => new Date(base + ms).toISOString();
  const tag = crypto.randomUUID().slice(0, 8);
  const ids = Array.from({ length: n }, (_, i) => `cv_${tag}_${String(i).padStart(3, '0')}`);
  const stmts = ids.flatMap((id, i) => [
    env.DB.prepare('INSERT INTO visitors (id, site_id, name, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').bind(
      `vi_${id}`,
      siteId,
      i === 0 ? 'Lantern Jones' : 'Pat',
      at(0),
      at(0),
    ),
    env.DB.prepare(
      'INSERT INTO conversations (id, workspace_id, site_id, visitor_id, created_at, updated_at, last_message_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).bind(id, workspaceId, siteId, `vi_${id}`, at(0), at(i * 60_000), at(i * 60_000)),
    ...Array.from({ length: perConv }, (_, s) =>
      env.DB.prepare(
        "INSERT INTO messages (conversation_id, seq, id, sender_type, kind, body, created_at) VALUES (?, ?, ?, 'visitor', 'text', ?, ?)",
      ).bind(id, s + 1, `ms_${id}_${s}`, text(i, s), at(i * 60_000)),
    ),
  ]);
  for (let i = 0; i < stmts.length; i += 500) await env.DB.batch(stmts.slice(i, i + 500));
  return ids.reverse(); // newest activity first
}

/** The query plan of an inbox search, as SQLite reports it. */
async function plan(siteId: string, agentId: string, q: string | Record<string, string>) {
  const query = (
    await inboxQuery(getDb(env.DB), siteId, InboxQuery.parse(typeof q === 'string' ? { q } : q), agentId)
  ).query.toSQL();
  const rows = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
    .bind(...query.params)
    .all<{ detail: string }>();
  return rows.results.map((r) => r.detail).join('\n');
}

describe('inbox search', () => {
  it('finds a visitor by name or email, by word prefix, any case or accent; a pasted sentence finds its message', async () => {
    const { owner, site } = await workspaceWithSite();
    const olga = await saying(site, owner.token, 'Where is the parcel?', {
      name: 'Olga Müller',
      email: 'Olga.Lopez@Example.org',
    });
    const other = await saying(
      site,
      owner.token,
      'Hello, my "order" #42 never arrived; I would like (politely) a refund: thanks!',
      { name: 'Sam Rye' },
    );
    for (const q of [
      'olga.lopez@example.org',
      'olga.lo',
      'OLGA.LOPEZ@EXAMPLE',
      'lopez@exa',
      'muller',
      'MÜLL',
      'olga müller',
    ]) {
      expect(await search(owner.token, site.id, q), q).toEqual([olga.id]);
    }
    // Words match from their start: inside a word is no match.
    expect(await search(owner.token, site.id, 'pez')).toEqual([]);
    // Every word must match: in one message or in the visitor.
    expect(await search(owner.token, site.id, 'olga sam')).toEqual([]);
    const pasted = 'Hello, my "order" #42 never arrived; I would like (politely) a refund: thanks!';
    expect(await search(owner.token, site.id, pasted)).toEqual([other.id]);
    expect(await search(owner.token, site.id, 'my parcel never arrived')).toEqual([]);
    expect(await search(owner.token, site.id, 'never arrived', '&assignee=unassigned')).toEqual([other.id]);
    // A changed name is found by its new words only (the index follows the visitors row).
    const { visitor_id: visitorId } = (await env.DB.prepare('SELECT visitor_id FROM conversations WHERE id = ?')
      .bind(other.id)
      .first<{ visitor_id: string }>())!;
    await env.DB.prepare('UPDATE visitors SET name = ? WHERE id = ?').bind('Samantha Ryeson', visitorId).run();
    expect(await search(owner.token, site.id, 'samantha')).toEqual([other.id]);
    expect(await search(owner.token, site.id, 'sam rye')).toEqual([other.id]);
    expect(await search(owner.token, site.id, 'rye sam')).toEqual([other.id]);
    await env.DB.prepare('UPDATE visitors SET name = ? WHERE id = ?').bind('Kim Lee', visitorId).run();
    expect(await search(owner.token, site.id, 'samantha')).toEqual([]);
  });

  it('pages through many hits in inbox order, walking the inbox; few hits drive the query by the word index', async () => {
    const { owner, site } = await workspaceWithSite();
    // 60 conversations of 40 messages that all say "lanterns": more hits than the query lets drive it.
    const ids = await seed(
      site.id,
      owner.agent.workspaceId,
      60,
      40,
      (i, s) => `lanterns for sale ${i === 17 && s === 3 ? 'zephyrine' : ''}`,
    );
    const first = await api(`/api/sites/${site.id}/conversations?q=lantern&limit=25`, { token: owner.token });
    const second = await api(
      `/api/sites/${site.id}/conversations?q=lantern&limit=100&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { token: owner.token },
    );
    expect([...first.body.conversations, ...second.body.conversations].map((c: Conv) => c.id)).toEqual(ids);
    expect(await search(owner.token, site.id, 'zephyr')).toEqual([ids[60 - 1 - 17]]);
    expect(await search(owner.token, site.id, 'lantern jones')).toEqual([ids.at(-1)]);
    expect(await search(owner.token, site.id, 'lantern sale zeph')).toEqual([ids[60 - 1 - 17]]);
    // Many hits: the site's inbox index in order, no sort. Few: a lookup per hit, never a scan of the site.
    const many = await plan(site.id, owner.agent.id, 'lantern');
    expect(many).toMatch(/SEARCH conversations USING (COVERING )?INDEX conversations_inbox/);
    expect(many).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    for (const q of ['zephyr', 'lantern jones', 'lantern sale zeph', 'pat']) {
      const few = await plan(site.id, owner.agent.id, q);
      expect(few, q).toMatch(/SEARCH conversations USING INTEGER PRIMARY KEY/);
      expect(few, q).not.toMatch(/SCAN conversations|conversations_inbox/);
    }
  });

  it('serves inbox pages and filters by walking an index in order, never sorting the site', async () => {
    const { owner, site } = await workspaceWithSite();
    const cursor = btoa('2026-01-01T00:00:00.000Z|cv_x');
    for (const q of [
      {},
      { cursor },
      { status: 'waiting' },
      { assignee: 'me' },
      { assignee: 'unassigned' },
      { tag: 'vip' },
      { priority: 'urgent' },
      { department: 'dp_x' },
      { from: '2026-01-01', to: '2026-01-31' },
      { archived: 'true' },
    ] as Record<string, string>[]) {
      const p = await plan(site.id, owner.agent.id, q);
      expect(p, JSON.stringify(q)).toMatch(/SEARCH conversations USING (COVERING )?INDEX/);
      expect(p, JSON.stringify(q)).not.toMatch(/TEMP B-TREE FOR ORDER BY|SCAN conversations/);
    }
  });
});
