// The chat core under fake timers, a fake socket and a fake server: the offline outbox is sent exactly once, a
// reconnect resumes after the last seq held, an expired token is renewed, a failed message can be retried.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  callsTo,
  conversation,
  FakeSocket,
  fire,
  json,
  makeChat,
  message,
  refusal,
  server,
  session,
  stubPage,
} from './fakes';

let fetch: ReturnType<typeof stubPage>;
const sockets = () => FakeSocket.all;
const sends = (s: FakeSocket) => s.sent.filter((f) => f.type == 'send');
const conv = conversation();
const noHistory = () => json(200, { messages: [], hasMore: false });

beforeEach(() => {
  vi.useFakeTimers();
  fetch = stubPage();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A chat booted into conversation cv_1, its first socket accepted. */
async function online(history = noHistory) {
  server(fetch, { '/session': () => json(200, session([conv])), '/messages': history });
  const c = makeChat();
  await c.start();
  await vi.advanceTimersByTimeAsync(0);
  sockets()[0]!.accept();
  return c;
}

describe('the offline outbox', () => {
  it('a message written while the socket is down is sent once, after the next hello, and never again once acked', async () => {
    const c = await online();
    sockets()[0]!.drop();
    expect(c.view().status).toBe('offline');
    expect(c.send('written offline')).toBe(true);
    expect(c.view().items.at(-1)).toMatchObject({ body: 'written offline', state: 'sending' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets()).toHaveLength(2);
    expect(sends(sockets()[1]!)).toHaveLength(0);
    sockets()[1]!.accept();
    expect(c.view().status).toBe('online');
    const [sent] = sends(sockets()[1]!);
    expect(sent).toMatchObject({ body: 'written offline', kind: 'text' });
    // A second hello on the same socket (the server's own resend) must not send it twice before the ack either...
    sockets()[1]!.frame({ type: 'ack', clientId: sent!.clientId, id: 'm1', seq: 1 });
    expect(c.view().items.at(-1)!.state).toBe('sent');
    // ...and after the ack, a reconnect sends nothing.
    sockets()[1]!.drop();
    await vi.advanceTimersByTimeAsync(1000);
    sockets()[2]!.accept();
    expect(sockets().flatMap(sends)).toHaveLength(1);
  });

  it('written before the conversation exists: one conversation is created and the message goes once', async () => {
    server(fetch, {
      '/session': () => json(200, session()),
      '/api/widget/conversations': () => json(201, { conversation: conv }),
      '/messages': noHistory,
    });
    const c = makeChat();
    c.send('first words');
    await c.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(callsTo(fetch, '/api/widget/conversations')).toHaveLength(1);
    sockets()[0]!.accept();
    expect(
      sockets()
        .flatMap(sends)
        .map((f) => f.body),
    ).toEqual(['first words']);
  });

  it('survives a reload: the unacked outbox is stored and sent by the next page', async () => {
    server(fetch, { '/session': () => json(200, session([conv])), '/messages': noHistory });
    const first = makeChat();
    first.send('before reload');
    // The same localStorage, a new page.
    const c = makeChat();
    await c.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets()[0]!.accept();
    expect(sends(sockets()[0]!).map((f) => f.body)).toEqual(['before reload']);
  });

  it('a long queue is paced like the server bucket: five at once, then about one a second', async () => {
    const c = await online();
    sockets()[0]!.drop();
    for (let i = 0; i < 8; i++) c.send('m' + i);
    await vi.advanceTimersByTimeAsync(1000);
    sockets()[1]!.accept();
    expect(sends(sockets()[1]!)).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(1100);
    expect(sends(sockets()[1]!)).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(2200);
    expect(sends(sockets()[1]!).map((f) => f.body)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
  });
});

describe("the browser's network events", () => {
  it('offline drops the socket at once; online dials again without waiting out the backoff', async () => {
    const c = await online();
    fire('offline');
    expect(c.view().status).toBe('offline');
    expect(sockets()[0]!.closed).toBe(true);
    // Several failures make a long backoff...
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(30_000);
      sockets().at(-1)!.drop();
    }
    const before = sockets().length;
    // ...which the network coming back cuts short.
    fire('online');
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets()).toHaveLength(before + 1);
    sockets().at(-1)!.accept();
    expect(c.view().status).toBe('online');
  });
});

describe('resume', () => {
  it('reconnects after the highest seq held, and the replayed gap merges without duplicates', async () => {
    const c = await online(() => json(200, { messages: [message(1), message(2), message(3)], hasMore: false }));
    // Before any hello, since is the newest server time among the messages of the history load.
    expect(sockets()[0]!.url).toBe(
      'wss://parley.example/api/widget/conversations/cv_1/ws?after=3&since=2026-01-01T00:00:00.000Z',
    );
    sockets()[0]!.frame({ type: 'message', message: message(4) });
    sockets()[0]!.drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets()[1]!.url).toMatch(/\?after=4&since=2026-01-01T00:10:00.000Z$/);
    // The server replays what came after 4; a duplicate of 4 is harmless.
    sockets()[1]!.accept();
    sockets()[1]!.frame({ type: 'message', message: message(4) });
    sockets()[1]!.frame({ type: 'message', message: message(5) });
    expect(c.view().items.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('an edit and a deletion made while away: since is the last hello, and their replays replace the held copies', async () => {
    const held = [message(1, { body: 'refund is 10' }), message(2, { body: 'wrong link' }), message(3)];
    const c = await online(() => json(200, { messages: held, hasMore: false }));
    sockets()[0]!.drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets()[1]!.url).toMatch(/\?after=3&since=2026-01-01T00:10:00.000Z$/);
    sockets()[1]!.accept(conv, 3, '2026-01-01T00:20:00.000Z');
    sockets()[1]!.frame({
      type: 'message',
      message: message(1, { body: 'refund is 12', editedAt: '2026-01-01T00:15:00.000Z' }),
    });
    sockets()[1]!.frame({ type: 'message', message: message(2, { body: '', deletedAt: '2026-01-01T00:16:00.000Z' }) });
    expect(c.view().items.map((i) => [i.seq, i.body])).toEqual([
      [1, 'refund is 12'],
      [2, ''],
      [3, 'reply 3'],
    ]);
    expect(c.view().items[1]).toMatchObject({ deletedAt: '2026-01-01T00:16:00.000Z' });
    // The next resume starts at the new hello.
    sockets()[1]!.drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets()[2]!.url).toMatch(/\?after=3&since=2026-01-01T00:20:00.000Z$/);
  });

  it('loads older history before the oldest message shown', async () => {
    const pages = [
      { messages: [message(51)], hasMore: true },
      { messages: [message(50)], hasMore: false },
    ];
    const c = await online(() => json(200, pages.shift()));
    expect(c.view().hasMore).toBe(true);
    c.loadOlder();
    await vi.advanceTimersByTimeAsync(0);
    expect(String(callsTo(fetch, '/messages')[1]![0])).toContain('before=51');
    expect(c.view()).toMatchObject({ hasMore: false, items: [{ seq: 50 }, { seq: 51 }] });
  });
});

describe('token renewal', () => {
  it('a REST call answered 401 renews the session once and runs again with the new token', async () => {
    const tokens = ['old', 'new'];
    server(fetch, {
      '/session': () => json(200, session([conv], tokens.shift())),
      '/messages': (_b, auth) => (auth == 'Bearer new' ? noHistory() : refusal(401, 'unauthorized')),
    });
    const c = makeChat();
    await c.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(callsTo(fetch, '/session')).toHaveLength(2);
    expect(callsTo(fetch, '/messages').map(([, init]) => init.headers.authorization)).toEqual([
      'Bearer old',
      'Bearer new',
    ]);
    // The socket authenticates with the renewed token (a subprotocol: tokens never go in URLs).
    expect(sockets()[0]!.protocols[1]).toMatch(/new$/);
    expect(c.view().status).not.toBe('offline');
  });

  it('a socket that fails before its hello asks for a fresh session before trying again', async () => {
    await online();
    sockets()[0]!.drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(callsTo(fetch, '/session')).toHaveLength(1);
    sockets()[1]!.drop();
    await vi.advanceTimersByTimeAsync(2000);
    expect(callsTo(fetch, '/session')).toHaveLength(2);
    expect(sockets()).toHaveLength(3);
  });
});

describe('a failed message', () => {
  it('is marked failed with the reason, and Retry sends it again (once)', async () => {
    const c = await online();
    c.send('too fast');
    const [first] = sends(sockets()[0]!);
    sockets()[0]!.frame({ type: 'error', code: 'rate_limited', message: 'slow down', clientId: first!.clientId });
    expect(c.view()).toMatchObject({ notice: 'rate_limited', items: [{ state: 'failed', error: 'rate_limited' }] });
    c.retry(first!.clientId as string);
    expect(c.view().items[0]!.state).toBe('sending');
    expect(sends(sockets()[0]!).map((f) => f.clientId)).toEqual([first!.clientId, first!.clientId]);
    // Retrying what is not failed does nothing.
    c.retry(first!.clientId as string);
    expect(sends(sockets()[0]!)).toHaveLength(2);
  });
});

describe('the page', () => {
  it('hears agent replies and the unread count, and reading them while open sends read', async () => {
    const c = await online();
    const heard: unknown[] = [];
    c.events.on('message', (m) => heard.push(m.body));
    c.events.on('unread', (n) => heard.push(n));
    sockets()[0]!.frame({ type: 'message', message: message(1) });
    expect(heard).toEqual(['reply 1', 1]);
    c.open(true);
    expect(sockets()[0]!.sent.at(-1)).toEqual({ type: 'read', seq: 1 });
    expect(heard).toEqual(['reply 1', 1, 0]);
  });

  it('the typing indicator goes away on its own when "typing off" is lost', async () => {
    const c = await online();
    sockets()[0]!.frame({ type: 'typing', sender: { type: 'agent', name: 'Ann' }, on: true });
    expect(c.view().typing).toBe('Ann');
    await vi.advanceTimersByTimeAsync(8000);
    expect(c.view().typing).toBeNull();
  });

  it('editing: the composer gets the message, Send sends an edit frame (not a new message), Cancel stops', async () => {
    const c = await online();
    const mine = message(1, { sender: { type: 'visitor' }, clientId: 'c1', body: 'my order 1234' });
    sockets()[0]!.frame({ type: 'message', message: mine });
    expect(c.view().items[0]).toMatchObject({ editable: true, edited: false });
    c.edit('m1');
    expect(c.view().editing).toEqual({ id: 'm1', body: 'my order 1234' });
    c.edit();
    expect(c.view().editing).toBeNull();
    c.edit('m1');
    expect(c.send('  my order 5678 ')).toBe(true);
    expect(c.view().editing).toBeNull();
    const frame = sockets()[0]!.sent.at(-1);
    expect(frame).toMatchObject({ type: 'edit', messageId: 'm1', body: 'my order 5678' });
    expect(sends(sockets()[0]!)).toHaveLength(0);
    sockets()[0]!.frame({ type: 'message', message: { ...mine, body: 'my order 5678', editedAt: 'e' } });
    expect(c.view().items).toHaveLength(1);
    expect(c.view().items[0]).toMatchObject({ body: 'my order 5678', edited: true });
    // A refusal comes back as an error frame with the edit's clientId: a notice, nothing pending fails.
    sockets()[0]!.frame({
      type: 'error',
      code: 'already_replied',
      message: '',
      clientId: frame!.clientId as string,
    });
    expect(c.view().notice).toBe('already_replied');
  });
});
