// Unit test of refusals a visitor can meet, with fake responses and a fake socket: a blocked visitor (403
// chat_unavailable from any request, or the socket's error frame and close 4403) sees "Chat is unavailable." and
// nothing retries; every rate limit shows its notice instead of failing silently or retrying forever.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VisitorConversation as Conversation } from '../../protocol';
import { createApi } from './api';
import { boot, ensureConversation } from './boot';
import { Chat } from './chat';
import { sendTranscript, startConversation, upload } from './features';
import { connect } from './socket';
import { strings } from './strings';
import { makeView } from './view';

const json = (status: number, body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
const refusal = (status: number, code: string) => json(status, { error: { code, message: code } });
const SESSION = { token: 'tok', visitor: { id: 'v1', name: null, email: null }, conversations: [] };

let fetch: ReturnType<typeof vi.fn>;
const calls = (path: string) => fetch.mock.calls.filter(([url]) => String(url).includes(path)).length;
const chat = () => new Chat(createApi('https://parley.example'), 'site_key_1', 'wss://parley.example');
/** A chat with a session and a conversation, as after boot. */
function booted() {
  const c = chat();
  c.sess.token = 'tok';
  c.booted = true;
  c.conv = { id: 'cv_1', status: 'active', visitorReadSeq: 0, agentReadSeq: 0 } as Conversation;
  return c;
}

/** A socket the test drives: `sockets` lists every one opened. */
let sockets: FakeSocket[];
class FakeSocket {
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  readyState = 0;
  constructor() {
    sockets.push(this);
  }
  send() {}
  close() {}
  frame(f: object) {
    this.onmessage?.({ data: JSON.stringify(f) });
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('location', { href: 'https://shop.example/cart', origin: 'https://shop.example' });
  vi.stubGlobal('document', { title: 'Cart', referrer: '', visibilityState: 'visible' });
  vi.stubGlobal('addEventListener', () => undefined);
  vi.stubGlobal('removeEventListener', () => undefined);
  vi.stubGlobal('fetch', (fetch = vi.fn()));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a blocked visitor', () => {
  it('shows "Chat is unavailable." when the session is refused, keeps the launcher, and never retries', async () => {
    fetch.mockImplementation(() => refusal(403, 'chat_unavailable'));
    const c = chat();
    await boot(c);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls('/api/widget/session')).toBe(1);
    expect(makeView(c)).toMatchObject({ hidden: false, mode: 'denied', denied: 'chat_unavailable' });
    expect(strings.notice.chat_unavailable).toBe('Chat is unavailable.');
  });

  it('stops on a 403 chat_unavailable from any other request (a new conversation here)', async () => {
    fetch.mockImplementation(() => refusal(403, 'chat_unavailable'));
    const c = booted();
    c.conv = undefined;
    await expect(ensureConversation(c)).rejects.toThrow();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(makeView(c)).toMatchObject({ hidden: false, mode: 'denied' });
  });

  it('stops reconnecting after the error frame and the close 4403', async () => {
    const c = booted();
    connect(c);
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.frame({ type: 'error', code: 'chat_unavailable', message: 'Chat is unavailable' });
    sockets[0]!.onclose?.({ code: 4403 });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sockets).toHaveLength(1);
    expect(c.conn).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
    expect(makeView(c)).toMatchObject({ mode: 'denied', denied: 'chat_unavailable' });
  });

  it('stops on a close 4403 alone (an upgrade refused before any frame got through)', async () => {
    const c = booted();
    connect(c);
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.onclose?.({ code: 4403 });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sockets).toHaveLength(1);
    expect(makeView(c).denied).toBe('chat_unavailable');
  });

  it('still reconnects after an ordinary close', async () => {
    const c = booted();
    fetch.mockImplementation(() => json(200, SESSION));
    connect(c);
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.onclose?.({ code: 1006 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sockets.length).toBeGreaterThan(1);
    c.conn?.stop();
  });
});

describe('rate limits show a notice', () => {
  it('a message refused over the socket: failed with Retry, and the notice', async () => {
    const c = booted();
    c.send('hello');
    connect(c);
    await vi.advanceTimersByTimeAsync(0);
    const id = c.s.pending[0]!.clientId;
    sockets[0]!.frame({ type: 'error', code: 'rate_limited', message: 'slow down', clientId: id });
    expect(c.s.pending[0]).toMatchObject({ state: 'failed', error: 'rate_limited' });
    expect(makeView(c).notice).toBe('rate_limited');
    c.conn?.stop();
  });

  it('a new conversation started by a first message: failed with Retry, and no retry loop', async () => {
    fetch.mockImplementation((url: string) => (url.endsWith('/session') ? json(200, SESSION) : refusal(429, 'rate_limited')));
    const c = chat();
    c.send('hello');
    await boot(c);
    expect(c.notice).toBe('rate_limited');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls('/api/widget/conversations')).toBe(1);
    expect(c.s.pending[0]).toMatchObject({ state: 'failed', error: 'rate_limited' });
  });

  it('a server error on that start is no refusal: the message stays queued and the widget tries again', async () => {
    fetch.mockImplementation((url: string) => (url.endsWith('/session') ? json(200, SESSION) : refusal(503, 'internal')));
    const c = chat();
    c.send('hello');
    await boot(c);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls('/api/widget/conversations')).toBeGreaterThan(1);
    expect(c.s.pending[0]!.state).toBe('sending');
  });

  it('the offline form', async () => {
    fetch.mockImplementation(() => refusal(429, 'rate_limited'));
    const c = booted();
    c.conv = undefined;
    expect(await startConversation(c, { email: 'a@b.co', message: 'Hi' })).toBe(false);
    expect(c.notice).toBe('rate_limited');
    expect(c.offlineSent).toBeFalsy();
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
    const c = booted();
    c.conn = { send: () => true, stop: () => undefined };
    await upload(c, { name: 'a.png', type: 'image/png', size: 10 } as File);
    expect(c.notice).toBe('rate_limited');
    expect(c.upload).toBeNull();
  });

  it('a transcript', async () => {
    fetch.mockImplementation(() => refusal(429, 'rate_limited'));
    const c = booted();
    expect(await sendTranscript(c, 'a@b.co')).toBe(false);
    expect(c.notice).toBe('rate_limited');
  });

  it('the session (too many from this network): the notice, not "offline", while it backs off', async () => {
    fetch.mockImplementation(() => refusal(429, 'rate_limited'));
    const c = chat();
    await boot(c);
    expect(makeView(c).notice).toBe('rate_limited');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls('/api/widget/session')).toBeGreaterThan(1);
  });
});
