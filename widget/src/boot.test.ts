// The retry policy under fake timers: a transient failure retries with backoff; a refusal no retry can change (the
// page's origin not allowed, an unknown site key, identity required) stops every retry, of the boot and of the socket.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VisitorConversation as Conversation } from '../../protocol';
import { createApi } from './api';
import { boot } from './boot';
import { Chat } from './chat';
import { connect } from './socket';
import { makeView } from './view';

const refusal = (status: number, code: string) => () =>
  Promise.resolve(new Response(JSON.stringify({ error: { code, message: code } }), { status, headers: { 'content-type': 'application/json' } }));

let fetch: ReturnType<typeof vi.fn>;
let error: ReturnType<typeof vi.spyOn>;
const sessions = () => fetch.mock.calls.filter(([url]) => String(url).endsWith('/api/widget/session')).length;
const chat = () => new Chat(createApi('https://parley.example'), 'site_key_1', 'wss://parley.example');

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('location', { href: 'https://shop.example/cart', origin: 'https://shop.example' });
  vi.stubGlobal('document', { title: 'Cart', referrer: '', visibilityState: 'visible' });
  vi.stubGlobal('addEventListener', () => undefined);
  vi.stubGlobal('removeEventListener', () => undefined);
  vi.stubGlobal('fetch', (fetch = vi.fn()));
  error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('boot after a refusal', () => {
  it('retries a transient failure with backoff', async () => {
    fetch.mockImplementation(refusal(503, 'unavailable'));
    await boot(chat());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sessions()).toBeGreaterThan(2);
    expect(error).not.toHaveBeenCalled();
  });

  it('stops for good when the origin is not allowed, tells the developer where to allow it, and hides', async () => {
    fetch.mockImplementation(refusal(403, 'origin_not_allowed'));
    const c = chat();
    await boot(c);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sessions()).toBe(1);
    expect(error).toHaveBeenCalledTimes(1);
    const text = String(error.mock.calls[0]![0]);
    expect(text).toContain('https://shop.example');
    expect(text).toContain("Add https://shop.example to the site's allowed origins in the console's Settings page");
    expect(makeView(c)).toMatchObject({ hidden: true, status: 'offline' });
  });

  it('stops for good on an unknown site key, naming the key', async () => {
    fetch.mockImplementation(refusal(404, 'not_found'));
    const c = chat();
    await boot(c);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sessions()).toBe(1);
    expect(String(error.mock.calls[0]![0])).toContain('"site_key_1"');
    expect(makeView(c).hidden).toBe(true);
  });

  it('stops on identity_required without hiding: the panel asks the visitor to sign in', async () => {
    fetch.mockImplementation(refusal(403, 'identity_required'));
    const c = chat();
    await boot(c);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sessions()).toBe(1);
    expect(error).not.toHaveBeenCalled();
    expect(makeView(c)).toMatchObject({ hidden: false, mode: 'denied', denied: 'identity_required' });
  });
});

describe('the socket after a refusal', () => {
  it('stops reconnecting once the session says the origin is refused for good', async () => {
    // Upgrades refused by the worker: the browser only sees a socket that closes.
    const sockets: string[] = [];
    class RefusedSocket {
      onopen = null;
      onmessage = null;
      onclose: ((e: { code: number }) => void) | null = null;
      readyState = 0;
      constructor(url: string) {
        sockets.push(url);
        queueMicrotask(() => this.onclose?.({ code: 1006 }));
      }
      close() {}
    }
    vi.stubGlobal('WebSocket', RefusedSocket);
    fetch.mockImplementation(refusal(403, 'origin_not_allowed'));
    const c = chat();
    c.sess.token = 'visitor-token';
    c.conv = { id: 'cv_1', visitorReadSeq: 0, agentReadSeq: 0 } as Conversation;
    connect(c);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    // The first failures retry the socket as they are; then the session is asked once, refuses, and nothing follows.
    expect(sessions()).toBe(1);
    expect(sockets.length).toBe(2);
    expect(c.conn).toBeUndefined();
    expect(makeView(c).hidden).toBe(true);
  });
});
