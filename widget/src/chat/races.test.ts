// Issue 13 break tests: what happens when the page's calls (reset, identify) and the browser's events (online) land
// while a request is still on its way, and when the server repeats a frame. Each case failed before its fix.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callsTo, conversation, FakeSocket, fire, json, makeChat, message, server, session, stubPage } from './fakes';

let fetch: ReturnType<typeof stubPage>;
const sockets = () => FakeSocket.all;
const sends = (s: FakeSocket) => s.sent.filter((f) => f.type == 'send');
const conv = conversation();
const noHistory = () => json(200, { messages: [], hasMore: false });
const TOKEN = 'parley:site_key_1:token';
/** The bodies of the session requests so far. */
const sessionBodies = () => callsTo(fetch, '/session').map(([, init]) => JSON.parse(init.body));

/** Session answers the test releases one by one: `answers[i]()` answers the i-th request. */
function heldSessions(answer: (body: Record<string, unknown>) => unknown) {
  const answers: (() => void)[] = [];
  server(fetch, {
    '/session': (body) => new Promise((r) => answers.push(() => r(json(200, answer(body!))))),
    '/messages': noHistory,
  });
  return answers;
}

beforeEach(() => {
  vi.useFakeTimers();
  fetch = stubPage();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a request on its way when the visitor changes', () => {
  it("reset() during the first session: the forgotten visitor's answer is dropped and its token never comes back", async () => {
    localStorage.setItem(TOKEN, 'tok_old');
    // The stored token gets the old visitor back; no token, a new one.
    const answers = heldSessions((b) =>
      b.token ? session([conv], 'tok_old', 'v_old') : session([], 'tok_new', 'v_new'),
    );
    const c = makeChat();
    void c.start();
    await vi.advanceTimersByTimeAsync(0);
    c.reset();
    await vi.advanceTimersByTimeAsync(0);
    // The new visitor's session answers first, the old one's last.
    answers[1]!();
    await vi.advanceTimersByTimeAsync(0);
    answers[0]!();
    await vi.advanceTimersByTimeAsync(100);
    for (const a of answers.slice(2)) a();
    await vi.advanceTimersByTimeAsync(100);
    expect(localStorage.getItem(TOKEN)).toBe('tok_new');
    expect(
      sessionBodies()
        .slice(2)
        .filter((b) => b.token == 'tok_old'),
    ).toEqual([]);
    expect(c.view().conv?.status).toBeUndefined();
    expect(sockets()).toHaveLength(0);
  });

  it("reset() while the conversation is being started: the old visitor's conversation is not adopted nor dialled", async () => {
    let answerStart!: () => void;
    server(fetch, {
      '/session': (b) => json(200, b?.token ? session([], 'tok_old', 'v_old') : session([], 'tok_new', 'v_new')),
      '/api/widget/conversations': () => new Promise((r) => (answerStart = () => r(json(201, { conversation: conv })))),
      '/messages': noHistory,
    });
    localStorage.setItem(TOKEN, 'tok_old');
    const c = makeChat();
    await c.start();
    c.send('private words');
    await vi.advanceTimersByTimeAsync(0);
    c.reset();
    await vi.advanceTimersByTimeAsync(0);
    answerStart();
    await vi.advanceTimersByTimeAsync(100);
    expect(c.view()).toMatchObject({ items: [] });
    expect(c.view().conv?.status).toBeUndefined();
    expect(sockets()).toHaveLength(0);
    // The new visitor's first message starts a conversation of their own (not the old start's promise).
    c.send('hello again');
    await vi.advanceTimersByTimeAsync(0);
    expect(callsTo(fetch, '/api/widget/conversations')).toHaveLength(2);
  });

  it('identify() while the first session is on its way: the next session carries the user', async () => {
    const answers = heldSessions((b) => session([], 't', b.user ? 'v_user' : 'v_anon'));
    const c = makeChat();
    void c.start();
    await vi.advanceTimersByTimeAsync(0);
    c.identify({ userId: 'u1', userHash: 'h1' });
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 3; i++) {
      for (const a of answers.splice(0)) a();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(sessionBodies().at(-1)!.user).toEqual({ id: 'u1', hash: 'h1' });
  });

  it("the browser's online event during the first boot joins it (no second, anonymous visitor)", async () => {
    const answers = heldSessions(() => session([], 't', 'v1'));
    const c = makeChat();
    void c.start();
    await vi.advanceTimersByTimeAsync(0);
    fire('online');
    await vi.advanceTimersByTimeAsync(0);
    expect(callsTo(fetch, '/session')).toHaveLength(1);
    answers[0]!();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.view().status).toBe('online');
  });
  it('reset() queued before start (a logout page): one new visitor, not two', async () => {
    localStorage.setItem(TOKEN, 'tok_old');
    // A token brings its visitor back; no token, a new visitor each time.
    let visitors = 0;
    server(fetch, {
      '/session': (b) => {
        const id = b?.token ? String(b.token).slice(4) : `v${++visitors}`;
        return json(200, session([], `tok_${id}`, id));
      },
    });
    const c = makeChat();
    c.reset();
    await c.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(sessionBodies()).toHaveLength(1);
    expect(sessionBodies()[0]!.token).toBeUndefined();
  });
});

describe('a frame the server repeats', () => {
  it('a second hello on the same socket does not send the outbox again', async () => {
    server(fetch, { '/session': () => json(200, session([conv])), '/messages': noHistory });
    const c = makeChat();
    await c.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets()[0]!.drop();
    c.send('written offline');
    await vi.advanceTimersByTimeAsync(1000);
    sockets()[1]!.accept();
    sockets()[1]!.accept();
    expect(sends(sockets()[1]!).map((f) => f.body)).toEqual(['written offline']);
  });
});

describe('a reconnect', () => {
  it('learns of a reply deleted while the socket was down (from the replay, and the latest page too)', async () => {
    let page = [message(1)];
    server(fetch, {
      '/session': () => json(200, session([conv])),
      '/messages': () => json(200, { messages: page, hasMore: false }),
    });
    const c = makeChat();
    await c.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets()[0]!.accept();
    expect(c.view().items[0]).toMatchObject({ seq: 1, deleted: false });
    sockets()[0]!.drop();
    // The agent deletes the reply meanwhile: only its stored copy says so.
    page = [message(1, { body: '', deletedAt: '2026-01-01T00:01:00.000Z' })];
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets()[1]!.url).toMatch(/\?after=1&since=/);
    sockets()[1]!.accept();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.view().items[0]).toMatchObject({ seq: 1, deleted: true, body: '' });
    // The first connection needed no second look: the boot had just loaded the page.
    expect(callsTo(fetch, '/messages')).toHaveLength(2);
  });

  it('its second look at the latest page keeps what older pages said (no "load earlier" once all is loaded)', async () => {
    const pages = [
      { messages: [message(51)], hasMore: true },
      { messages: [message(50)], hasMore: false },
      { messages: [message(51)], hasMore: true },
    ];
    server(fetch, {
      '/session': () => json(200, session([conv])),
      '/messages': () => json(200, pages.shift()),
    });
    const c = makeChat();
    await c.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets()[0]!.accept();
    c.loadOlder();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.view().hasMore).toBe(false);
    sockets()[0]!.drop();
    await vi.advanceTimersByTimeAsync(1000);
    sockets()[1]!.accept();
    await vi.advanceTimersByTimeAsync(0);
    expect(pages).toEqual([]);
    expect(c.view()).toMatchObject({ hasMore: false, items: [{ seq: 50 }, { seq: 51 }] });
  });

  it('a file sent over REST while the socket was down does not hide the reply before it (the resume starts after it)', async () => {
    const reply = message(2);
    const file = message(3, { sender: { type: 'visitor' }, kind: 'file', body: 'a.png' });
    let page = [message(1)];
    server(fetch, {
      '/session': () => json(200, session([conv])),
      '/messages': () => json(200, { messages: page, hasMore: false }),
    });
    // The upload's XMLHttpRequest answers with the stored file message at once.
    vi.stubGlobal(
      'XMLHttpRequest',
      class {
        upload = {};
        status = 201;
        response = { message: file };
        onload = () => {};
        open() {}
        setRequestHeader() {}
        send() {
          this.onload();
        }
      },
    );
    const c = makeChat();
    await c.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets()[0]!.accept();
    sockets()[0]!.drop();
    // Meanwhile an agent replies (seq 2) and the visitor uploads a file (seq 3): the REST answer brings only 3.
    page = [message(1), reply, file];
    await c.upload({ name: 'a.png', type: 'image/png', size: 10 } as File);
    expect(c.view().items.map((i) => i.seq)).toEqual([1, 3]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets()[1]!.url).toMatch(/\?after=3&since=/);
    sockets()[1]!.accept();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.view().items.map((i) => i.seq)).toEqual([1, 2, 3]);
  });
});
