import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import {
  api,
  connect,
  conversationFixture,
  openSocket,
  paths,
  registerOwner,
  visitorSession,
  waitFor,
} from '../../test/helpers';

// These tests are about delivery, so agents' replies do not claim (reply-claims.test.ts covers claiming).
const send = (clientId: string, body = `body of ${clientId}`, kind?: 'text' | 'note') => ({
  type: 'send',
  clientId,
  body,
  claim: false,
  ...(kind ? { kind } : {}),
});

describe('ConversationDO: messages', () => {
  it('acks, then broadcasts to every socket, in one gapless order under concurrent senders', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a1 = await connect(paths.agent(conversation.id), owner.token);
    const a2 = await connect(paths.agent(conversation.id), owner.token);
    // The visitor sends its whole burst (5) while both agents send 10 each, interleaved.
    for (let i = 0; i < 10; i++) {
      if (i < 5) v.send(send(`v${i}`));
      a1.send(send(`a${i}`));
      a2.send(send(`b${i}`));
    }
    for (const c of [v, a1, a2]) await c.next((f) => f.type === 'message' && f.message.seq === 25, 10_000);
    const seqs = (c: typeof v) => c.of('message').map((f) => f.message.seq);
    const expected = Array.from({ length: 25 }, (_, i) => i + 1);
    expect(seqs(v)).toEqual(expected);
    expect(seqs(a1)).toEqual(expected);
    expect(seqs(a2)).toEqual(expected);
    // Every socket saw the same message at the same seq, and each sender's own order is kept.
    expect(a1.of('message').map((f) => f.message.id)).toEqual(v.of('message').map((f) => f.message.id));
    const visitorBodies = v
      .of('message')
      .filter((f) => f.message.sender.type === 'visitor')
      .map((f) => f.message.clientId);
    expect(visitorBodies).toEqual(Array.from({ length: 5 }, (_, i) => `v${i}`));
    expect(v.of('error')).toEqual([]);
    // The ack comes before the sender's own copy of the message.
    const ackAt = v.frames.findIndex((f) => f.type === 'ack' && f.clientId === 'v0');
    const msgAt = v.frames.findIndex((f) => f.type === 'message' && f.message.clientId === 'v0');
    expect(ackAt).toBeGreaterThan(-1);
    expect(ackAt).toBeLessThan(msgAt);
    for (const c of [v, a1, a2]) c.close();
  });

  it('stores a retried clientId once and answers with the same ack', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    v.send(send('same', 'hello'));
    const first = await v.next((f) => f.type === 'ack');
    v.close();
    // A retry after a reconnect.
    const again = await connect(paths.visitor(conversation.id), visitor.token);
    again.send(send('same', 'hello'));
    const second = await again.next((f) => f.type === 'ack');
    expect(second).toEqual(first);
    const history = await api(`/api/conversations/${conversation.id}/messages`, { token: owner.token });
    expect(history.body.messages).toHaveLength(1);
    expect(again.of('message')).toHaveLength(0);
    again.close();
  });

  it('resumes after a gap: ?after=N on the URL and the resume frame replay exactly what was missed', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const a = await connect(paths.agent(conversation.id), owner.token);
    for (let i = 1; i <= 5; i++) a.send(send(`a${i}`));
    await a.next((f) => f.type === 'ack' && f.seq === 5);
    const v = await connect(paths.visitor(conversation.id, 2), visitor.token);
    await v.next((f) => f.type === 'message' && f.message.seq === 5);
    expect(v.frames[0]).toMatchObject({ type: 'hello', lastSeq: 5, you: { role: 'visitor', id: visitor.visitor.id } });
    expect(v.of('message').map((f) => f.message.seq)).toEqual([3, 4, 5]);
    const from = v.frames.length;
    v.send({ type: 'resume', afterSeq: 3 });
    await v.next((f) => f.type === 'message' && f.message.seq === 5, 5000, from);
    expect(v.frames.slice(from).map((f) => f.message.seq)).toEqual([4, 5]);
    a.close();
    v.close();
  });

  it('never delivers internal notes to visitors: not live, not on replay, not in history', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    a.send(send('n1', 'secret note', 'note'));
    a.send(send('t1', 'public reply'));
    // An agent's clientId is internal: the visitor gets the message without it.
    await v.next((f) => f.type === 'message' && f.message.body === 'public reply');
    await a.next((f) => f.type === 'message' && f.message.clientId === 't1');
    expect(a.of('message').map((f) => f.message.kind)).toEqual(['note', 'text']);
    expect(v.of('message').map((f) => f.message.kind)).toEqual(['text']);
    const replay = await connect(paths.visitor(conversation.id, 0), visitor.token);
    await replay.next((f) => f.type === 'message' && f.message.body === 'public reply');
    expect(JSON.stringify(replay.frames)).not.toContain('secret note');
    const history = await api(`/api/widget/conversations/${conversation.id}/messages`, { token: visitor.token });
    expect(JSON.stringify(history.body)).not.toContain('secret note');
    // ...and the inbox preview (agents only) never shows a note.
    const inbox = await connect(paths.agent(conversation.id), owner.token);
    expect(inbox.frames[0].conversation.lastMessagePreview).toBe('public reply');
    for (const c of [v, a, replay, inbox]) c.close();
  });

  it('rate limits a visitor to about one message a second with a burst of 5', async () => {
    const { visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    for (let i = 0; i < 8; i++) v.send(send(`r${i}`));
    await v.next((f) => f.type === 'error' && f.clientId === 'r7');
    const acked = v.of('ack').map((f) => f.clientId);
    const limited = v
      .of('error')
      .filter((f) => f.code === 'rate_limited')
      .map((f) => f.clientId);
    expect(acked).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(limited).toEqual(['r5', 'r6', 'r7']);
    expect(v.closed).toBeNull();
    v.close();
  });

  it('answers typing to the other side only and read markers to everyone', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    v.send({ type: 'typing', on: true });
    const typing = await a.next((f) => f.type === 'typing');
    expect(typing).toMatchObject({ sender: { type: 'visitor', id: visitor.visitor.id }, on: true });
    a.send(send('a1', 'hi'));
    await v.next((f) => f.type === 'message');
    v.send({ type: 'read', seq: 1 });
    expect(await a.next((f) => f.type === 'read')).toEqual({ type: 'read', by: 'visitor', seq: 1 });
    expect(v.of('typing')).toHaveLength(0);
    const hello = await connect(paths.agent(conversation.id), owner.token);
    expect(hello.frames[0].conversation).toMatchObject({ visitorReadSeq: 1, visitorUnread: 0 });
    for (const c of [v, a, hello]) c.close();
  });

  it('answers the exact ping frame with pong', async () => {
    const { visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    v.send('{"type":"ping"}');
    await v.next((f) => f.type === 'pong');
    v.close();
  });

  it('a visitor message to an archived conversation restores it', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    await api(`/api/conversations/${conversation.id}/archive`, { method: 'POST', token: owner.token });
    const a = await connect(paths.agent(conversation.id), owner.token);
    expect(a.frames[0].conversation.archivedAt).not.toBeNull();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    v.send(send('back', 'I am back'));
    const update = await a.next((f) => f.type === 'conversation');
    expect(update.conversation.archivedAt).toBeNull();
    a.close();
    v.close();
  });
});

describe('ConversationDO: bad frames', () => {
  const cases: [string, unknown, string][] = [
    ['not JSON', '{nope', 'bad_request'],
    ['an unknown type', { type: 'dance' }, 'bad_request'],
    ['a missing clientId', { type: 'send', body: 'x' }, 'bad_request'],
    ['a clientId over 64 chars', { type: 'send', clientId: 'c'.repeat(65), body: 'x' }, 'bad_request'],
    ['an empty body', { type: 'send', clientId: 'e', body: '   ' }, 'bad_request'],
    ['a body over 4000 chars', { type: 'send', clientId: 'long', body: 'x'.repeat(4001) }, 'too_large'],
    ['an unknown kind', { type: 'send', clientId: 'k', body: 'x', kind: 'system' }, 'bad_request'],
    ['a frame over 16 KiB', JSON.stringify({ type: 'typing', on: true, pad: 'x'.repeat(17_000) }), 'too_large'],
    ['a negative read seq', { type: 'read', seq: -1 }, 'bad_request'],
    ['a resume without afterSeq', { type: 'resume' }, 'bad_request'],
    ['a note from a visitor', { type: 'send', clientId: 'note', body: 'x', kind: 'note' }, 'forbidden'],
  ];

  it.each(cases)(
    'answers %s with an error frame, keeps the socket open and stores nothing',
    async (_name, frame, code) => {
      const { owner, visitor, conversation } = await conversationFixture();
      const v = await connect(paths.visitor(conversation.id), visitor.token);
      v.send(frame);
      const error = await v.next((f) => f.type === 'error');
      expect(error.code).toBe(code);
      expect(error.message).toBeTypeOf('string');
      v.send(send('after', 'still works'));
      await v.next((f) => f.type === 'ack' && f.clientId === 'after');
      const history = await api(`/api/conversations/${conversation.id}/messages`, { token: owner.token });
      expect(history.body.messages.map((m: { clientId: string }) => m.clientId)).toEqual(['after']);
      v.close();
    },
  );

  it('answers a binary frame with bad_request', async () => {
    const { visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    v.ws.send(new Uint8Array([1, 2, 3]));
    expect((await v.next((f) => f.type === 'error')).code).toBe('bad_request');
    v.close();
  });

  it('closes with 1008 a socket that keeps sending bad frames', async () => {
    const { visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    for (let i = 0; i < 25; i++) v.send('garbage');
    expect((await v.waitClosed()).code).toBe(1008);
  });
});

describe('ConversationDO: upgrade authorisation', () => {
  it('refuses missing or bad tokens, foreign visitors and agents, and wrong origins before upgrading', async () => {
    const { site, visitor, conversation } = await conversationFixture();
    const other = await visitorSession(site.key);
    const stranger = await registerOwner('Eve');
    const refused = async (path: string, token: string | null, opts = {}) =>
      (await openSocket(path, token, opts)).res.status;
    expect(await refused(paths.visitor(conversation.id), null)).toBe(401);
    expect(await refused(paths.visitor(conversation.id), 'not-a-token')).toBe(401);
    expect(
      await refused(paths.visitor(conversation.id), visitor.token, { protocols: [`bearer.${visitor.token}`] }),
    ).toBe(401);
    expect(await refused(paths.visitor(conversation.id), visitor.token, { origin: 'https://evil.example' })).toBe(403);
    expect(await refused(paths.visitor(conversation.id), other.token)).toBe(404);
    expect(await refused(paths.agent(conversation.id), visitor.token)).toBe(403);
    expect(await refused(paths.agent(conversation.id), stranger.token)).toBe(404);
    const ok = await openSocket(paths.visitor(conversation.id), visitor.token);
    expect(ok.res.status).toBe(101);
    expect(ok.res.headers.get('Sec-WebSocket-Protocol')).toBe('parley.v1');
    ok.client?.close();
  });
});

describe('ConversationDO: durability', () => {
  it('keeps its sockets through eviction to hibernation', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    v.send(send('before'));
    await a.next((f) => f.type === 'message' && f.message.clientId === 'before');
    const stub = env.CONVERSATIONS.getByName(conversation.id);
    await evictDurableObject(stub);
    v.send('{"type":"ping"}');
    await v.next((f) => f.type === 'pong');
    v.send(send('after'));
    const msg = await a.next((f) => f.type === 'message' && f.message.clientId === 'after');
    expect(msg.message.seq).toBe(2);
    expect(msg.message.sender).toMatchObject({ type: 'visitor', id: visitor.visitor.id });
    v.close();
    a.close();
  });

  it('catches D1 up through the outbox after a failed write', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const stub = env.CONVERSATIONS.getByName(conversation.id);
    // The runtime's console, watched: the failure and the recovery are logged (worker/src/lib/log.ts).
    const lines: any[] = [];
    const watch = (...args: unknown[]) => {
      try {
        lines.push(JSON.parse(String(args[0])));
      } catch {
        /* not a log line */
      }
    };
    vi.spyOn(console, 'warn').mockImplementation(watch);
    vi.spyOn(console, 'log').mockImplementation(watch);
    // Make D1 refuse the projection for real: the table projections are written to is gone for a moment
    // (renaming conversations or messages would not do: SQLite renames them inside the trigger too).
    await env.DB.exec('ALTER TABLE projection_batches RENAME TO projection_batches_away');
    try {
      v.send(send('m1', 'while D1 is down'));
      v.send(send('m2', 'still down'));
      await v.next((f) => f.type === 'ack' && f.clientId === 'm2');
      // Wait until the object has recorded the failed projection and scheduled its retry.
      await waitFor(() =>
        runInDurableObject(
          stub,
          (_o, state) =>
            state.storage.sql
              .exec<{ a: number }>("SELECT COALESCE(MAX(attempts), 0) AS a FROM schedule WHERE job = 'projection'")
              .one().a > 0,
        ),
      );
    } finally {
      await env.DB.exec('ALTER TABLE projection_batches_away RENAME TO projection_batches');
    }
    const stale = await env.DB.prepare('SELECT count(*) AS n FROM messages WHERE conversation_id = ?')
      .bind(conversation.id)
      .first<{ n: number }>();
    expect(stale?.n).toBe(0);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const rows = await env.DB.prepare('SELECT seq, body FROM messages WHERE conversation_id = ? ORDER BY seq')
      .bind(conversation.id)
      .all();
    expect(rows.results).toEqual([
      { seq: 1, body: 'while D1 is down' },
      { seq: 2, body: 'still down' },
    ]);
    const mine = lines.filter((l) => l.conversationId === conversation.id);
    expect(mine.find((l) => l.event === 'projection.failed')).toMatchObject({
      level: 'warn',
      attempt: 1,
      retryInMs: 1000,
      error: expect.stringContaining('projection_batches'),
    });
    expect(mine.find((l) => l.event === 'projection.recovered')).toMatchObject({
      level: 'info',
      attempt: expect.any(Number),
    });
    expect(mine.filter((l) => l.event === 'message.committed').map((l) => l.seq)).toEqual([1, 2]);
    expect(JSON.stringify(lines)).not.toContain('while D1 is down');
    vi.restoreAllMocks();
    const inbox = await api(`/api/sites/${site.id}/conversations`, { token: owner.token });
    expect(inbox.body.conversations[0]).toMatchObject({
      id: conversation.id,
      lastSeq: 2,
      messageCount: 2,
      agentUnread: 2,
      lastMessagePreview: 'still down',
    });
    // Running the alarm again is harmless: nothing is left and nothing is doubled.
    await runDurableObjectAlarm(stub);
    const again = await env.DB.prepare('SELECT count(*) AS n FROM messages WHERE conversation_id = ?')
      .bind(conversation.id)
      .first<{ n: number }>();
    expect(again?.n).toBe(2);
    v.close();
  });
});
