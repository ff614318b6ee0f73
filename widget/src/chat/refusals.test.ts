// Refusals a visitor can meet, with a fake server and a fake socket: a blocked visitor (403 chat_unavailable from any
// request, or the socket's error frame and close 4403) sees "Chat is unavailable." and nothing retries; every rate
// limit shows its notice instead of failing silently or retrying forever.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { strings } from '../strings';
import { callsTo, conversation, FakeSocket, json, makeChat, refusal, server, session, stubPage } from './fakes';

let fetch: ReturnType<typeof stubPage>;
const sockets = () => FakeSocket.all;
const noHistory = () => json(200, { messages: [], hasMore: false });

beforeEach(() => {
  vi.useFakeTimers();
  fetch = stubPage();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A chat with a session and an open socket to conversation cv_1. */
async function online() {
  server(fetch, { '/session': () => json(200, session([conversation()])), '/messages': noHistory });
  const c = makeChat();
  await c.start();
  await vi.advanceTimersByTimeAsync(0);
  sockets()[0]!.accept();
  fetch.mockClear();
  return c;
}

/** A chat with a session and no conversation yet. */
async function fresh(routes: Parameters<typeof server>[1] = {}) {
  server(fetch, { '/session': () => json(200, session()), ...routes });
  const c = makeChat();
  await c.start();
  return c;
}

describe('a blocked visitor', () => {
  it('shows "Chat is unavailable." when the session is refused, keeps the launcher, and never retries', async () => {
    fetch.mockImplementation(() => refusal(403, 'chat_unavailable'));
    const c = makeChat();
    await c.start();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(callsTo(fetch, '/api/widget/session')).toHaveLength(1);
    expect(c.view()).toMatchObject({ hidden: false, mode: 'denied', denied: 'chat_unavailable' });
    expect(strings.notice.chat_unavailable).toBe('Chat is unavailable.');
  });

  it('stops on a 403 chat_unavailable from any other request (a new conversation here)', async () => {
    const c = await fresh({ '/api/widget/conversations': () => refusal(403, 'chat_unavailable') });
    expect(await c.begin({ name: 'A' })).toBe(false);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(c.view()).toMatchObject({ hidden: false, mode: 'denied' });
  });

  it('stops reconnecting after the error frame and the close 4403', async () => {
    const c = await online();
    sockets()[0]!.frame({ type: 'error', code: 'chat_unavailable', message: 'Chat is unavailable' });
    sockets()[0]!.drop(4403);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sockets()).toHaveLength(1);
    expect(fetch).not.toHaveBeenCalled();
    expect(c.view()).toMatchObject({ mode: 'denied', denied: 'chat_unavailable' });
  });

  it('stops on a close 4403 alone (an upgrade refused before any frame got through)', async () => {
    server(fetch, { '/session': () => json(200, session([conversation()])), '/messages': noHistory });
    const c = makeChat();
    await c.start();
    await vi.advanceTimersByTimeAsync(0);
    sockets()[0]!.drop(4403);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sockets()).toHaveLength(1);
    expect(c.view().denied).toBe('chat_unavailable');
  });

  it('still reconnects after an ordinary close', async () => {
    await online();
    sockets()[0]!.drop(1006);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sockets().length).toBeGreaterThan(1);
  });
});

describe('rate limits show a notice', () => {
  it('a new conversation started by a first message: failed with Retry, and no retry loop', async () => {
    server(fetch, {
      '/session': () => json(200, session()),
      '/api/widget/conversations': () => refusal(429, 'rate_limited'),
    });
    const c = makeChat();
    c.send('hello');
    await c.start();
    expect(c.view().notice).toBe('rate_limited');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(callsTo(fetch, '/api/widget/conversations')).toHaveLength(1);
    expect(c.view().items[0]).toMatchObject({ state: 'failed', error: 'rate_limited' });
  });

  it('a server error on that start is no refusal: the message stays queued and the widget tries again', async () => {
    server(fetch, {
      '/session': () => json(200, session()),
      '/api/widget/conversations': () => refusal(503, 'internal'),
    });
    const c = makeChat();
    c.send('hello');
    await c.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(callsTo(fetch, '/api/widget/conversations').length).toBeGreaterThan(1);
    expect(c.view().items[0]!.state).toBe('sending');
  });

  it('the offline form', async () => {
    const c = await fresh({ '/api/widget/conversations': () => refusal(429, 'rate_limited') });
    expect(await c.begin({ email: 'a@b.co', message: 'Hi' })).toBe(false);
    expect(c.view()).toMatchObject({ notice: 'rate_limited', mode: 'chat' });
  });

  it('an upload', async () => {
    class Xhr {
      status = 429;
      statusText = 'Too Many Requests';
      response = { error: { code: 'rate_limited', message: 'slow down' } };
      upload = {};
      onload?: () => void;
      open() {}
      setRequestHeader() {}
      send() {
        queueMicrotask(() => this.onload?.());
      }
    }
    vi.stubGlobal('XMLHttpRequest', Xhr);
    const c = await online();
    await c.upload({ name: 'a.png', type: 'image/png', size: 10 } as File);
    expect(c.view()).toMatchObject({ notice: 'rate_limited', upload: null });
  });

  it('a transcript', async () => {
    const c = await online();
    server(fetch, { '/transcript': () => refusal(429, 'rate_limited') });
    expect(await c.transcript('a@b.co')).toBe(false);
    expect(c.view().notice).toBe('rate_limited');
  });

  it('the session (too many from this network): the notice, not "offline", while it backs off', async () => {
    fetch.mockImplementation(() => refusal(429, 'rate_limited'));
    const c = makeChat();
    await c.start();
    expect(c.view().notice).toBe('rate_limited');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(callsTo(fetch, '/api/widget/session').length).toBeGreaterThan(1);
  });
});
