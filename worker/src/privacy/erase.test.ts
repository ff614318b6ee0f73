import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, connect, paths, visitorSession } from '../../test/helpers';
import { runRetention } from './retention';
import { d1Traces, doTraces, uniqueWord, visitorWhoWrote } from './test-helpers';

const erase = (token: string, visitorId: string, confirm = visitorId) =>
  api(`/api/privacy/visitors/${visitorId}/erase`, { token, body: { confirm } });

describe('POST /api/privacy/visitors/:id/erase', () => {
  it('leaves no trace of their words in D1, the word indexes, the search route, the DOs and R2', async () => {
    const word = uniqueWord();
    const { owner, site, visitor, conversationId, messageId } = await visitorWhoWrote(word);
    const agent = { token: owner.token };
    const vid = visitor.visitor.id;
    const conversationStub = env.CONVERSATIONS.getByName(conversationId);
    const visitorStub = env.VISITORS.getByName(vid);
    // The word really is everywhere first (so each check below can fail).
    expect((await d1Traces(word)).length).toBeGreaterThan(5);
    expect(await doTraces(conversationStub, word)).toEqual(
      expect.arrayContaining(['messages.body', 'message_revisions.body', 'meta.notes', 'meta.visitor_email']),
    );
    expect(await doTraces(visitorStub, word)).toContain('client_keys.result');
    expect((await env.UPLOADS.list({ prefix: `${conversationId}/` })).objects).toHaveLength(1);
    const before = (await api(`/api/conversations/${conversationId}`, agent)).body.conversation;

    const res = await erase(owner.token, vid);
    expect(res.status).toBe(200);
    expect(res.body.erasure).toMatchObject({ visitorId: vid, conversations: 1, files: 1 });
    expect(res.body.erasure.messages).toBeGreaterThanOrEqual(5);

    // Unreachable at once; the word index's segments keep the bytes until the scheduled job compacts them.
    for (const t of await d1Traces(word)) expect(t).toMatch(/^(message|visitor)_words_data\.block$/);
    expect((await runRetention(env)).compacted).toBe(true);
    expect(await d1Traces(word)).toEqual([]);
    expect(await doTraces(conversationStub, word)).toEqual([]);
    expect(await doTraces(visitorStub, word)).toEqual([]);
    const search = await api(`/api/sites/${site.id}/conversations?q=${word}`, agent);
    expect(search.body.conversations).toEqual([]);
    expect((await env.UPLOADS.list({ prefix: `${conversationId}/` })).objects).toEqual([]);
    // Through the agent's routes and socket: every message is there (same seqs), emptied.
    const history = await api(`/api/conversations/${conversationId}/messages?limit=100`, agent);
    expect(JSON.stringify(history.body)).not.toContain(word);
    expect(history.body.messages.every((m: any) => m.body === '' && m.deletedAt && !m.file)).toBe(true);
    expect(
      (await api(`/api/conversations/${conversationId}/messages/${messageId}/revisions`, agent)).body,
    ).not.toContain(word);
    const a = await connect(paths.agent(conversationId, 0), owner.token);
    await a.next((f) => f.type === 'message' && f.message.seq === before.lastSeq);
    expect(JSON.stringify(a.frames)).not.toContain(word);
    a.close();
    // The placeholder keeps what the statistics count.
    const after = (await api(`/api/conversations/${conversationId}`, agent)).body.conversation;
    expect(after).toMatchObject({
      id: conversationId,
      status: before.status,
      lastSeq: before.lastSeq,
      messageCount: before.messageCount,
      assigneeId: before.assigneeId,
      timings: before.timings,
      rating: { score: 4, comment: null },
      notes: '',
      visitor: { id: vid, name: null, email: null },
    });
    // Recorded, without what was erased.
    const log = await api('/api/audit?action=privacy.erase', agent);
    expect(log.body.entries).toHaveLength(1);
    expect(log.body.entries[0]).toMatchObject({ target: { type: 'visitor', id: vid }, actor: { id: owner.agent.id } });
    expect(JSON.stringify(log.body)).not.toContain(word);
    // Run again (a retry after a crash): it finishes the same way.
    const again = await erase(owner.token, vid);
    expect(again.status).toBe(200);
    expect(again.body.erasure).toMatchObject({ conversations: 1, files: 0 });
    expect(await d1Traces(word)).toEqual([]);
    // Their old token starts a new, empty visitor.
    const back = await visitorSession(site.key, visitor.token);
    expect(back.visitor.id).not.toBe(vid);
    expect(back.conversations).toEqual([]);
  });

  it("is for owners and admins of the visitor's workspace, with the typed confirmation", async () => {
    const word = uniqueWord();
    const { owner, visitor } = await visitorWhoWrote(word);
    const vid = visitor.visitor.id;
    const { teamMember, patchAgent } = await import('../../test/team-helpers');
    const member = await teamMember(owner.token, 'agent');
    const admin = await teamMember(owner.token, 'admin');
    const other = await visitorWhoWrote(uniqueWord());
    const cases: [string | undefined, number, string][] = [
      [undefined, 401, 'unauthorized'],
      [visitor.token, 403, 'forbidden'],
      [member.token, 403, 'forbidden'],
      [other.owner.token, 404, 'not_found'],
    ];
    for (const [token, status, code] of cases) {
      const res = await api(`/api/privacy/visitors/${vid}/erase`, { token, body: { confirm: vid } });
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    expect(await patchAgent(owner.token, admin.agent.id, { active: false })).toMatchObject({ status: 200 });
    const deactivated = await erase(admin.token, vid);
    expect([deactivated.status, deactivated.body.error.code]).toEqual([401, 'unauthorized']);
    // Bad input: the wrong confirmation, none at all, an unknown visitor.
    const wrong = await erase(owner.token, vid, 'vi_other');
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'confirmation_mismatch']);
    const missing = await api(`/api/privacy/visitors/${vid}/erase`, { token: owner.token, body: {} });
    expect([missing.status, missing.body.error.code]).toEqual([400, 'bad_request']);
    const unknown = await erase(owner.token, 'vi_nobody');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    // Nothing was erased by any of these.
    expect((await d1Traces(word)).length).toBeGreaterThan(0);
  });
});

describe('an erasure cut short', () => {
  it('is finished by the scheduled job', async () => {
    const word = uniqueWord();
    const { owner, visitor, conversationId } = await visitorWhoWrote(word);
    const vid = visitor.visitor.id;
    // Half-way: the erasure was begun and the conversation's object erased, then the Worker stopped.
    await env.DB.prepare(
      `INSERT INTO erasures (visitor_id, workspace_id, site_id, reason, requested_at, requested_by, attempts)
       VALUES (?, ?, ?, 'request', ?, ?, 1)`,
    )
      .bind(
        vid,
        owner.agent.workspaceId,
        visitor.visitor.siteId,
        new Date(Date.now() - 3_600_000).toISOString(),
        owner.agent.id,
      )
      .run();
    await env.CONVERSATIONS.getByName(conversationId).erase();
    expect((await d1Traces(word)).length).toBeGreaterThan(0);
    const run = await runRetention(env);
    expect(run.resumed).toBeGreaterThanOrEqual(1);
    expect(await d1Traces(word)).toEqual([]);
    const row = await env.DB.prepare('SELECT completed_at, attempts FROM erasures WHERE visitor_id = ?')
      .bind(vid)
      .first();
    expect(row).toMatchObject({ attempts: 2 });
    expect(row!.completed_at).toBeTruthy();
  });

  it('goes on after the last conversation a run cut short had finished, keeping its counts', async () => {
    const word = uniqueWord();
    const done = uniqueWord();
    const { owner, visitor } = await visitorWhoWrote(word);
    const vid = visitor.visitor.id;
    // A first conversation (first in (created_at, id) order) the cut-short run had finished: its row still holds
    // `done`, so erasing it again would show; the cursor (its created_at and id) says it is behind us.
    const first = `cv_${'f'.repeat(32)}${vid.slice(-6)}`;
    const now = '2020-01-01T00:00:00.000Z';
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO conversations (id, workspace_id, site_id, visitor_id, status, created_at, updated_at, last_seq,
           message_count, visitor_unread, agent_unread, visitor_read_seq, agent_read_seq, rev)
         VALUES (?, ?, ?, ?, 'closed', ?, ?, 1, 1, 0, 0, 0, 0, 1)`,
      ).bind(first, owner.agent.workspaceId, visitor.visitor.siteId, vid, now, now),
      env.DB.prepare(
        `INSERT INTO messages (conversation_id, seq, id, sender_type, kind, body, created_at)
         VALUES (?, 1, 'msg_first', 'visitor', 'text', ?, ?)`,
      ).bind(first, done, now),
      env.DB.prepare(
        `INSERT INTO erasures (visitor_id, workspace_id, site_id, reason, requested_at, attempts, cursor, conversations, messages)
         VALUES (?, ?, ?, 'request', ?, 1, ?, 1, 1)`,
      ).bind(
        vid,
        owner.agent.workspaceId,
        visitor.visitor.siteId,
        new Date(Date.now() - 3_600_000).toISOString(),
        `${now} ${first}`,
      ),
    ]);
    expect((await runRetention(env)).resumed).toBeGreaterThanOrEqual(1);
    expect(await d1Traces(word)).toEqual([]);
    expect(await d1Traces(done)).toContain('messages.body'); // skipped: it was behind the cursor
    const row = await env.DB.prepare('SELECT conversations, completed_at FROM erasures WHERE visitor_id = ?')
      .bind(vid)
      .first<{ conversations: number; completed_at: string | null }>();
    expect(row).toMatchObject({ conversations: 2 });
    expect(row!.completed_at).toBeTruthy();
  });
});
