import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, connect, openSocket, paths, visitorSession, waitFor, workspaceWithSite } from '../../test/helpers';
import { continuationToken } from '../auth/continuation';
import { monthsBefore, runRetention } from '../privacy/retention';
import { d1Traces, doTraces, uniqueWord } from '../privacy/test-helpers';

// Break tests for issue 15's export, data subject requests, erasure and retention (docs/privacy.md).

const erase = (token: string, visitorId: string) =>
  api(`/api/privacy/visitors/${visitorId}/erase`, { token, body: { confirm: visitorId } });

/** Whether D1's copy of the messages has the word yet (the projection is asynchronous). */
const inD1Messages = async (word: string) =>
  (
    await env.DB.prepare('SELECT COUNT(*) AS n FROM messages WHERE instr(body, ?) > 0')
      .bind(word)
      .first<{ n: number }>()
  )?.n;

/** A site with a visitor who started a conversation writing `word` (name, email, message). */
async function visitorWith(word: string) {
  const { owner, site } = await workspaceWithSite();
  const visitor = await visitorSession(site.key);
  const started = await api('/api/widget/conversations', {
    token: visitor.token,
    body: { name: `Kim ${word}`, email: `${word}@example.com`, message: `hello ${word}` },
  });
  if (started.status !== 201) throw new Error(`start failed: ${JSON.stringify(started.body)}`);
  await waitFor(async () => !!(await inD1Messages(word)), 15_000);
  return { owner, site, visitor, vid: visitor.visitor.id, conversationId: started.body.conversation.id as string };
}

describe('retention: N months before', () => {
  it('one month before 31 March is not 3 March (a visitor seen 29 days ago is kept)', () => {
    const now = Date.parse('2027-03-31T12:00:00.000Z');
    // setUTCMonth(1) on the 31st rolls over to 3 March: visitors seen 1-2 March (29-30 days ago) are erased.
    expect(monthsBefore(now, 1) <= '2027-02-28T12:00:00.000Z').toBe(true);
  });

  it('the cron does not erase a visitor seen 29 days before, with 1 month of retention', async () => {
    const { owner, site } = await workspaceWithSite();
    const vid = `vi_recent_${uniqueWord()}`;
    await env.DB.prepare(
      'INSERT INTO visitors (id, site_id, name, email, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
      .bind(vid, site.id, 'Recent', `${vid}@example.com`, '2027-03-02T12:00:00.000Z', '2027-03-02T12:00:00.000Z')
      .run();
    const put = await api(`/api/privacy/retention/${site.id}`, {
      token: owner.token,
      method: 'PUT',
      body: { months: 1 },
    });
    expect(put.status).toBe(200);
    await runRetention(env, Date.parse('2027-03-31T12:00:00.000Z'));
    const row = await env.DB.prepare('SELECT erased_at FROM visitors WHERE id = ?')
      .bind(vid)
      .first<{ erased_at: string | null }>();
    expect(row?.erased_at).toBeNull();
  });
});

describe('an erasure cut short, resumed', () => {
  it('erases a conversation the visitor started meanwhile whose id sorts before the cursor', async () => {
    const { owner, site } = await workspaceWithSite();
    const visitor = await visitorSession(site.key);
    const vid = visitor.visitor.id;
    // A run cut short (subrequests, a crash) had finished a conversation with a high id; the visitor is not
    // anonymised yet, so they are still chatting. Conversation ids are random: a new one sorts anywhere.
    await env.DB.prepare(
      `INSERT INTO erasures (visitor_id, workspace_id, site_id, reason, requested_at, requested_by, attempts, cursor, conversations)
       VALUES (?, ?, ?, 'request', ?, ?, 1, ?, 1)`,
    )
      .bind(
        vid,
        owner.agent.workspaceId,
        site.id,
        new Date(Date.now() - 3_600_000).toISOString(),
        owner.agent.id,
        `cv_${'f'.repeat(32)}`,
      )
      .run();
    const word = uniqueWord();
    const started = await api('/api/widget/conversations', {
      token: visitor.token,
      body: { name: `Kim ${word}`, email: `${word}@example.com`, message: `hello ${word}` },
    });
    expect(started.status).toBe(201);
    const conversationId = started.body.conversation.id as string;
    await waitFor(async () => !!(await inD1Messages(word)), 15_000);

    const run = await runRetention(env);
    expect(run.resumed).toBeGreaterThanOrEqual(1);
    const row = await env.DB.prepare('SELECT completed_at FROM erasures WHERE visitor_id = ?')
      .bind(vid)
      .first<{ completed_at: string | null }>();
    expect(row?.completed_at).toBeTruthy();
    // Completed, so every word of the person must be gone.
    expect(await doTraces(env.CONVERSATIONS.getByName(conversationId), word)).toEqual([]);
    expect(await d1Traces(word)).toEqual([]);
  });
});

describe('after erasure, the old token', () => {
  it('does not write a name and email back onto the erased visitor', async () => {
    const word = uniqueWord();
    const { owner, visitor, vid } = await visitorWith(word);
    expect((await erase(owner.token, vid)).status).toBe(200);
    // The widget still open in a tab holds the old token: its offline form / pre-chat posts a start.
    const again = uniqueWord();
    await api('/api/widget/conversations', {
      token: visitor.token,
      body: { name: `Kim ${again}`, email: `${again}@example.com`, message: `back ${again}` },
    });
    const row = await env.DB.prepare('SELECT name, email, erased_at FROM visitors WHERE id = ?')
      .bind(vid)
      .first<{ name: string | null; email: string | null; erased_at: string | null }>();
    // Either refused, or a new visitor: an "erased" row must not hold a person's name and email again.
    expect(row).toMatchObject({ name: null, email: null });
  });

  // Fixed at the source: the erased visitor's old token cannot start or write a conversation any more (401, the
  // widget renews into a new visitor), so nothing lands on the anonymised row for retention to miss.
  it('whatever it writes afterwards is still reached by retention (it can write nothing)', async () => {
    const word = uniqueWord();
    const { owner, visitor, vid } = await visitorWith(word);
    expect((await erase(owner.token, vid)).status).toBe(200);
    const again = uniqueWord();
    const back = await api('/api/widget/conversations', {
      token: visitor.token,
      body: { name: `Kim ${again}`, email: `${again}@example.com`, message: `back ${again}` },
    });
    expect([back.status, back.body.error?.code]).toEqual([401, 'unauthorized']);
    expect(await d1Traces(again)).toEqual([]);
  });
});

describe('the audit log after an erasure', () => {
  it('keeps no address of the erased visitor once the block that named it is gone', async () => {
    const word = uniqueWord();
    const { owner, site, vid } = await visitorWith(word);
    const email = `${word}@example.com`;
    const block = await api(`/api/sites/${site.id}/blocks`, {
      token: owner.token,
      body: { kind: 'email', value: email, reason: `spam from Kim ${word}` },
    });
    expect(block.status).toBe(201);
    const removed = await api(`/api/sites/${site.id}/blocks/${block.body.block.id}`, {
      token: owner.token,
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    expect((await erase(owner.token, vid)).status).toBe(200);
    await runRetention(env);
    // docs/privacy.md: the action is recorded without the erased data, and nothing else holds their words.
    expect(await d1Traces(word)).toEqual([]);
  });
});

describe('the JSON Lines export', () => {
  it('keeps one record per line for readers that also break lines at U+2028 / U+2029', async () => {
    const { owner, site } = await workspaceWithSite();
    const cid = `cv_ls_${uniqueWord()}`;
    const now = '2025-06-01T12:00:00.000Z';
    await env.DB.batch([
      env.DB.prepare('INSERT INTO visitors (id, site_id, name, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').bind(
        `vi_${cid}`,
        site.id,
        'Line\u2028Sep',
        now,
        now,
      ),
      env.DB.prepare(
        `INSERT INTO conversations (id, workspace_id, site_id, visitor_id, status, created_at, updated_at, last_seq,
           message_count, visitor_unread, agent_unread, visitor_read_seq, agent_read_seq, rev)
         VALUES (?, ?, ?, ?, 'resolved', ?, ?, 1, 1, 0, 0, 0, 0, 1)`,
      ).bind(cid, owner.agent.workspaceId, site.id, `vi_${cid}`, now, now),
      env.DB.prepare(
        `INSERT INTO messages (conversation_id, seq, id, sender_type, kind, body, created_at)
         VALUES (?, 1, 'msg_ls', 'visitor', 'text', ?, ?)`,
      ).bind(cid, 'one\u2028two\u2029three', now),
    ]);
    const res = await exports.default.fetch(`https://parley.test/api/privacy/export?format=jsonl&siteId=${site.id}`, {
      headers: { Authorization: `Bearer ${owner.token}` },
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    // JavaScript's line terminators (and Python's str.splitlines) include U+2028 and U+2029.
    const records = text.split(/\r\n|\n|\r|\u2028|\u2029/).filter(Boolean);
    expect(records).toHaveLength(2);
    for (const line of records) expect(() => JSON.parse(line)).not.toThrow();
  });
});

describe('a continuation link after erasure', () => {
  it('does not resume the erased visitor, even on a device where it was already used', async () => {
    const word = uniqueWord();
    const { owner, site, vid, conversationId } = await visitorWith(word);
    const token = await continuationToken(env, { visitorId: vid, siteId: site.id, conversationId });
    const device = (d: string) => `device-${d}-0123456789abcdef`;
    const first = await api('/api/widget/continue', { body: { siteKey: site.key, token, device: device('a') } });
    expect(first.status).toBe(200);
    // Used once: another device is refused (the VisitorDO's ledger remembers the jti).
    const second = await api('/api/widget/continue', { body: { siteKey: site.key, token, device: device('b') } });
    expect(second.body.error?.code).toBe('continuation_used');
    expect((await erase(owner.token, vid)).status).toBe(200);
    // The link is still in the person's mailbox (or a forwarded mail): it must not open a session of the erased
    // visitor (docs/privacy.md: "the erased one is never resumed").
    const after = await api('/api/widget/continue', { body: { siteKey: site.key, token, device: device('b') } });
    expect(after.status).not.toBe(200);
    const row = await env.DB.prepare('SELECT user_agent, last_ip FROM visitors WHERE id = ?')
      .bind(vid)
      .first<{ user_agent: string | null; last_ip: string | null }>();
    expect(row).toEqual({ user_agent: null, last_ip: null });
  });
});

describe('a visitor socket open during the erasure', () => {
  it('does not write the erased name back into the conversation with the next message', async () => {
    const word = uniqueWord();
    const { owner, visitor, vid, conversationId } = await visitorWith(word);
    const v = await connect(paths.visitor(conversationId), visitor.token);
    const stub = env.CONVERSATIONS.getByName(conversationId);
    expect(await doTraces(stub, word)).toContain('messages.sender_name');
    expect((await erase(owner.token, vid)).status).toBe(200);
    expect(await doTraces(stub, word)).toEqual([]);
    // The tab's socket held the name it connected with: erasure closes it (1012, reconnect). A tab that reconnects
    // with its old token is refused (401: the widget renews into a new visitor, which carries no name); changed
    // from "reconnects and sends" by the issue 15 fixes (docs/decisions.md): the old token reaches nothing now.
    expect((await v.waitClosed()).code).toBe(1012);
    const again = await openSocket(paths.visitor(conversationId), visitor.token);
    expect([again.client, again.res.status]).toEqual([null, 401]);
    expect(await doTraces(stub, word)).toEqual([]);
  });
});

describe("a visitor's data export", () => {
  it('holds the words of theirs Parley keeps: the bodies their edits replaced too', async () => {
    const word = uniqueWord();
    const { owner, visitor, vid, conversationId } = await visitorWith(uniqueWord());
    const v = await connect(paths.visitor(conversationId), visitor.token);
    v.send({ type: 'send', clientId: 'r1', body: `my order ${word}` });
    const ack = await v.next((f) => f.type === 'ack' && f.clientId === 'r1');
    v.send({ type: 'edit', clientId: 'r2', messageId: ack.id, body: 'my order' });
    await v.next((f) => f.type === 'message' && f.message.id === ack.id && f.message.editedAt);
    v.close();
    // Agents can read the replaced body (and erasure must remove it: message_revisions)...
    const revisions = await api(`/api/conversations/${conversationId}/messages/${ack.id}/revisions`, {
      token: owner.token,
    });
    expect(JSON.stringify(revisions.body)).toContain(word);
    // ...so the person's copy of "everything about them" has it as well.
    const res = await exports.default.fetch(`https://parley.test/api/privacy/visitors/${vid}/export`, {
      headers: { Authorization: `Bearer ${owner.token}` },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(word);
  });
});
