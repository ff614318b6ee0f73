import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, visitorSession, workspaceWithSite } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';
import { app } from '../app';
import { CONVERSATION_PAGE, MESSAGE_PAGE } from './export';
import { seedConversations } from './seed';

/** GET the export as text, with its row total header. */
async function download(token: string | undefined, query: string) {
  const res = await exports.default.fetch(`https://parley.test/api/privacy/export?${query}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return {
    status: res.status,
    total: Number(res.headers.get('X-Export-Rows')),
    type: res.headers.get('Content-Type'),
    text: new TextDecoder().decode(await res.arrayBuffer()),
  };
}
const lines = (text: string) => text.split('\n').filter(Boolean);

/** A workspace with a site and `n` seeded conversations. */
async function seeded(n: number, per = 2) {
  const { owner, site } = await workspaceWithSite();
  const seed = await seedConversations({ id: site.id, workspaceId: owner.agent.workspaceId }, n, {
    perConversation: per,
  });
  return { owner, site, ...seed };
}

describe('GET /api/privacy/export', () => {
  it('streams every conversation and message of the workspace as JSON Lines and CSV, and nothing of another', async () => {
    const { owner, prefix } = await seeded(250);
    const other = await seeded(3);
    const jsonl = await download(owner.token, 'format=jsonl');
    expect(jsonl.status).toBe(200);
    expect(jsonl.type).toContain('application/x-ndjson');
    const rows = lines(jsonl.text).map((l) => JSON.parse(l));
    expect(rows.filter((r) => r.type === 'conversation')).toHaveLength(250);
    expect(rows.filter((r) => r.type === 'message')).toHaveLength(500);
    expect(jsonl.total).toBe(750);
    expect(jsonl.text).not.toContain(other.prefix);
    // Each conversation's line comes before its messages.
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.type === 'conversation') seen.add(r.id);
      else expect(seen.has(r.conversationId)).toBe(true);
    }
    expect(rows[0]).toMatchObject({ type: 'conversation', visitor: { name: expect.stringMatching(/^Visitor/) } });
    expect(rows[0].workspaceId).toBeUndefined();

    const conversations = await download(owner.token, 'format=csv&part=conversations');
    expect(conversations.type).toContain('text/csv');
    expect(conversations.total).toBe(250);
    const convLines = conversations.text.split('\r\n').filter(Boolean);
    expect(convLines).toHaveLength(251);
    expect(convLines[0]).toMatch(/^id,site_id,visitor_id,/);
    // A cell that starts like a formula is neutralised; quotes are doubled.
    expect(conversations.text).toContain(`"'=notes, ""${prefix}"" 0"`);
    const messages = await download(owner.token, 'format=csv&part=messages');
    expect(messages.total).toBe(500);
    // Bodies hold a newline inside quotes: count records by their id cell.
    expect(messages.text.match(new RegExp(`msg_${prefix}_`, 'g'))).toHaveLength(500);
    expect(messages.text).not.toContain(other.prefix);
  });

  it('filters by site and by days (both ends included)', async () => {
    const { owner, site } = await seeded(10);
    const second = await api('/api/sites', {
      token: owner.token,
      body: { name: 'Second', allowedOrigins: ['https://b.example'] },
    });
    await seedConversations({ id: second.body.site.id, workspaceId: owner.agent.workspaceId }, 4);
    expect(
      lines((await download(owner.token, 'format=jsonl')).text).filter((l) => l.includes('"conversation"')),
    ).toHaveLength(14);
    const one = await download(owner.token, `format=csv&siteId=${site.id}`);
    expect(one.text.split('\r\n').filter(Boolean)).toHaveLength(11);
    // Seeded one a day from 2025-01-01: the 2nd to the 4th are three days.
    const days = await download(owner.token, `format=csv&siteId=${site.id}&from=2025-01-02&to=2025-01-04`);
    expect(days.total).toBe(3);
    expect(days.text.split('\r\n').filter(Boolean)).toHaveLength(4);
  });

  it('reads D1 a page at a time through the route: page statements grow with the pages, each one bounded', async () => {
    // 6 messages each: a page of conversations needs two pages of messages.
    const { owner, site } = await seeded(250, 6);
    // The route runs against a D1 binding that records each statement with its parameters.
    const runs: { query: string; values: unknown[] }[] = [];
    const recording = new Proxy(env.DB, {
      get(target, key) {
        if (key === 'prepare')
          return (query: string) => {
            const stmt = target.prepare(query);
            return new Proxy(stmt, {
              get(s, k) {
                if (k === 'bind') return (...values: unknown[]) => (runs.push({ query, values }), s.bind(...values));
                const v = (s as any)[k];
                return typeof v === 'function' ? v.bind(s) : v;
              },
            });
          };
        const v = (target as any)[key];
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const res = await app.request(
      `/api/privacy/export?format=jsonl&siteId=${site.id}`,
      { headers: { Authorization: `Bearer ${owner.token}` } },
      { ...env, DB: recording },
    );
    expect(res.status).toBe(200);
    const rows = lines(new TextDecoder().decode(await res.arrayBuffer())).map((l) => JSON.parse(l));
    expect(rows).toHaveLength(250 + 1500);
    // Every message once, right after its conversation's line (the pages join without a gap or a repeat).
    expect(new Set(rows.filter((r) => r.type === 'message').map((r) => r.id)).size).toBe(1500);
    let current = '';
    for (const r of rows) {
      if (r.type === 'conversation') current = r.id;
      else expect(r.conversationId).toBe(current);
    }
    expect(CONVERSATION_PAGE).toBeLessThan(250);
    const conversationPages = runs.filter((r) => /order by "conversations"."created_at"/i.test(r.query));
    const messagePages = runs.filter((r) => /FROM messages m/.test(r.query));
    // One statement per page of conversations (the last one short), then their messages' pages.
    expect(conversationPages).toHaveLength(Math.ceil(250 / CONVERSATION_PAGE));
    const perPage = Math.ceil((CONVERSATION_PAGE * 6) / MESSAGE_PAGE);
    expect(perPage).toBeGreaterThan(1);
    expect(messagePages.length).toBeGreaterThan(conversationPages.length);
    expect(messagePages.length).toBeLessThanOrEqual(conversationPages.length * perPage);
    for (const r of conversationPages) expect(r.values.at(-1)).toBe(CONVERSATION_PAGE);
    for (const r of messagePages) expect(r.values.at(-1)).toBe(MESSAGE_PAGE);
  });

  it('is for owners and admins, and refuses bad input with its code', async () => {
    const { owner, site } = await workspaceWithSite();
    const admin = await teamMember(owner.token, 'admin');
    expect((await download(admin.token, 'format=jsonl')).status).toBe(200);
    const member = await teamMember(owner.token, 'agent');
    const visitor = await visitorSession(site.key);
    const other = await workspaceWithSite();
    for (const [token, status] of [
      [undefined, 401],
      [visitor.token, 403],
      [member.token, 403],
    ] as const)
      expect((await download(token, 'format=jsonl')).status).toBe(status);
    const foreign = await api(`/api/privacy/export?siteId=${site.id}`, { token: other.owner.token });
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'not_found']);
    for (const q of [
      'format=xml',
      'part=visitors',
      'from=2025-13-01',
      'to=2025-02-30',
      'from=2025-02-01&to=2025-01-01',
      'to=yesterday',
    ]) {
      const res = await api(`/api/privacy/export?${q}`, { token: owner.token });
      expect([res.status, res.body.error.code], q).toEqual([400, 'bad_request']);
    }
    const { entries } = (await api('/api/audit?action=privacy.export', { token: owner.token })).body;
    expect(entries[0]).toMatchObject({ actor: { id: admin.agent.id }, detail: { format: 'jsonl', rows: 0 } });
  });
});
