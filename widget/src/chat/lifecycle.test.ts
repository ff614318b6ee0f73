// The boot's retry policy under fake timers: a transient failure retries with backoff; a refusal no retry can change
// (the page's origin not allowed, an unknown site key, identity required) stops every retry, of the boot and of the
// socket. And the lazy conversation start: a refusal shows its notice, every retry carries the page's clientKey.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callsTo, conversation, FakeSocket, json, makeChat, refusal, server, session, stubPage } from './fakes';

let fetch: ReturnType<typeof stubPage>;
let error: ReturnType<typeof vi.spyOn>;
const sessions = () => callsTo(fetch, '/api/widget/session').length;

beforeEach(() => {
  vi.useFakeTimers();
  fetch = stubPage();
  error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('boot after a refusal', () => {
  it('retries a transient failure with backoff', async () => {
    fetch.mockImplementation(() => refusal(503, 'unavailable'));
    await makeChat().start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sessions()).toBeGreaterThan(2);
    expect(error).not.toHaveBeenCalled();
  });

  it('stops for good when the origin is not allowed, tells the developer where to allow it, and hides', async () => {
    fetch.mockImplementation(() => refusal(403, 'origin_not_allowed'));
    const c = makeChat();
    await c.start();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sessions()).toBe(1);
    expect(error).toHaveBeenCalledTimes(1);
    const text = String(error.mock.calls[0]![0]);
    expect(text).toContain('https://shop.example');
    expect(text).toContain("Add https://shop.example to the site's allowed origins in the console's Settings page");
    expect(c.view()).toMatchObject({ hidden: true, status: 'offline' });
  });

  it('stops for good on an unknown site key, naming the key', async () => {
    fetch.mockImplementation(() => refusal(404, 'not_found'));
    const c = makeChat();
    await c.start();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sessions()).toBe(1);
    expect(String(error.mock.calls[0]![0])).toContain('"site_key_1"');
    expect(c.view().hidden).toBe(true);
  });

  it('stops on identity_required without hiding: the panel asks the visitor to sign in', async () => {
    fetch.mockImplementation(() => refusal(403, 'identity_required'));
    const c = makeChat();
    await c.start();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sessions()).toBe(1);
    expect(error).not.toHaveBeenCalled();
    expect(c.view()).toMatchObject({ hidden: false, mode: 'denied', denied: 'identity_required' });
  });

  it('identify after identity_required boots again, as that user', async () => {
    fetch.mockImplementation(() => refusal(403, 'identity_required'));
    const c = makeChat();
    await c.start();
    server(fetch, { '/session': () => json(200, session()) });
    c.identify({ userId: 'u1', userHash: 'h', email: 'a@b.co', name: 'A' });
    await vi.advanceTimersByTimeAsync(0);
    expect(JSON.parse(callsTo(fetch, '/session')[1]![1].body).user).toEqual({
      id: 'u1',
      hash: 'h',
      email: 'a@b.co',
      name: 'A',
    });
    expect(c.view()).toMatchObject({ denied: null, mode: 'chat' });
  });
});

describe('the socket after a refusal', () => {
  it('stops reconnecting once the session says the origin is refused for good', async () => {
    const answers = [json(200, session([conversation()])), refusal(403, 'origin_not_allowed')];
    server(fetch, {
      '/session': () => answers.shift()!,
      '/messages': () => json(200, { messages: [], hasMore: false }),
    });
    const c = makeChat();
    await c.start();
    // Upgrades refused by the worker: the browser only sees a socket that closes.
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(2_000);
      FakeSocket.all.at(-1)!.drop();
    }
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    // A dial that never reached hello renews the session before the next (client/connection.ts): it refuses, and
    // nothing follows.
    expect(sessions()).toBe(2);
    expect(FakeSocket.all.length).toBe(1);
    expect(c.view().hidden).toBe(true);
  });
});

describe('the lazy conversation start', () => {
  it('shows rate_limited when the start is refused, fails the message, and retries with the same clientKey', async () => {
    const bodies: Record<string, unknown>[] = [];
    server(fetch, {
      '/session': () => json(200, session()),
      '/api/widget/conversations': (b) => (bodies.push(b!), refusal(429, 'rate_limited')),
    });
    const c = makeChat();
    c.send('Hi');
    await c.start();
    expect(c.view()).toMatchObject({ notice: 'rate_limited', items: [{ state: 'failed', error: 'rate_limited' }] });
    // Nothing retries it on its own: the message has its Retry button.
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(bodies).toHaveLength(1);
    expect(await c.begin({ email: 'a@b.co', message: 'Hi' })).toBe(false);
    expect(bodies[1]).toEqual({ email: 'a@b.co', message: 'Hi', clientKey: bodies[0]!.clientKey });
    expect(typeof bodies[0]!.clientKey).toBe('string');
  });

  it('leaves the notice alone on a network failure (the offline status says it), and tries again', async () => {
    server(fetch, {
      '/session': () => json(200, session()),
      '/api/widget/conversations': () => Promise.reject(new TypeError('network')),
    });
    const c = makeChat();
    c.send('Hi');
    await c.start();
    expect(c.view()).toMatchObject({ notice: null, status: 'offline' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(callsTo(fetch, '/api/widget/conversations').length).toBeGreaterThan(1);
    expect(c.view().items[0]!.state).toBe('sending');
  });
});

describe('reset', () => {
  it('forgets the token, the outbox and the conversation, then starts anonymous again', async () => {
    const tokens = ['t1', 't2'];
    const ids = ['v1', 'v2'];
    server(fetch, {
      '/session': () => json(200, session(tokens.length == 2 ? [conversation()] : [], tokens.shift(), ids.shift())),
      '/messages': () => json(200, { messages: [], hasMore: false }),
    });
    const c = makeChat();
    await c.start();
    await vi.advanceTimersByTimeAsync(0);
    FakeSocket.all[0]!.drop();
    c.send('unsent');
    c.reset();
    await vi.advanceTimersByTimeAsync(0);
    const [, second] = callsTo(fetch, '/session');
    expect(JSON.parse(second![1].body).token).toBeUndefined();
    expect(c.view().items).toEqual([]);
    expect(c.view().conv).toBeUndefined();
    expect(localStorage.getItem('parley:site_key_1:outbox')).toBeNull();
    expect(localStorage.getItem('parley:site_key_1:token')).toBe('t2');
  });
});
