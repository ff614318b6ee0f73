// A continuation link and several conversations in the chat core: the first session exchanges the token (with this
// device's key) and adopts the link's conversation; a refused link says why; "email me a link"; pick and fresh.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChat } from './chat';
import { callsTo, conversation, json, refusal, server, session, stubPage } from './fakes';

let fetch: ReturnType<typeof stubPage>;
beforeEach(() => {
  vi.useFakeTimers();
  fetch = stubPage();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const chatWith = (cont?: string) => createChat('https://parley.example', 'k1', null, undefined, cont);
const noHistory = () => json(200, { messages: [], hasMore: false });
const bodyOf = (call: unknown[]) => JSON.parse((call[1] as { body: string }).body);

describe('a continuation link', () => {
  it('is exchanged once, with the same device key every time, for the link’s visitor and conversation', async () => {
    const linked = conversation({ id: 'cv_9' });
    server(fetch, {
      '/continue': () => json(200, session([linked], 'scoped', 'v9')),
      '/session': () => json(200, session([], 'own', 'v1')),
      '/messages': noHistory,
    });
    const c = chatWith('a.b.c');
    await c.start();
    const [call] = callsTo(fetch, '/continue');
    const sent = bodyOf(call!);
    expect(sent).toMatchObject({ siteKey: 'k1', token: 'a.b.c' });
    expect(sent.device).toBe(localStorage.getItem('parley:device'));
    expect(localStorage.getItem('parley:k1:token')).toBe('scoped');
    expect(callsTo(fetch, '/session')).toHaveLength(0);
    expect(callsTo(fetch, '/conversations/cv_9/messages')).toHaveLength(1);
    // A second page load with a link uses the same device key.
    const again = chatWith('a.b.c');
    await again.start();
    expect(bodyOf(callsTo(fetch, '/continue')[1]!).device).toBe(sent.device);
  });

  it('offers no list and no new conversation in the session it opened, even once its conversation is resolved', async () => {
    server(fetch, {
      '/continue': () => json(200, session([conversation({ id: 'cv_9', status: 'resolved' })], 'scoped', 'v9')),
      '/messages': noHistory,
    });
    const c = chatWith('a.b.c');
    await c.start();
    expect(c.view()).toMatchObject({ cid: 'cv_9', many: false });
  });

  it('keeps the device’s own visitor stored: the link’s session is the page’s only', async () => {
    localStorage.setItem('parley:k1:token', 'own');
    server(fetch, {
      '/continue': () => json(200, session([conversation({ id: 'cv_9' })], 'scoped', 'v9')),
      '/messages': noHistory,
    });
    const c = chatWith('a.b.c');
    await c.start();
    expect(c.view().cid).toBe('cv_9');
    expect(localStorage.getItem('parley:k1:token')).toBe('own');
  });

  it('refused (expired, used elsewhere): the notice says so and the device opens its own session', async () => {
    server(fetch, {
      '/continue': () => refusal(409, 'continuation_used'),
      '/session': () => json(200, session([], 'own', 'v1')),
    });
    const c = chatWith('a.b.c');
    await c.start();
    expect(c.view().notice).toBe('continuation_used');
    expect(callsTo(fetch, '/session')).toHaveLength(1);
    expect(localStorage.getItem('parley:k1:token')).toBe('own');
  });

  it('asks for a link by email: the address it went to, or false with the reason', async () => {
    let answer = () => json(202, { sent: true, to: 'kim@example.com' });
    server(fetch, {
      '/session': () => json(200, session([conversation()])),
      '/messages': noHistory,
      '/conversations/cv_1/link': () => answer(),
    });
    const c = chatWith();
    await c.start();
    expect(await c.link()).toBe('kim@example.com');
    answer = () => refusal(429, 'rate_limited');
    expect(await c.link()).toBe(false);
    expect(c.view().notice).toBe('rate_limited');
  });
});

describe('several conversations', () => {
  it('pick opens another conversation (history, socket); fresh starts a new one under a new clientKey', async () => {
    const old = conversation({ id: 'cv_0', status: 'resolved' });
    const starts: Record<string, unknown>[] = [];
    server(fetch, {
      '/session': () => json(200, session([conversation({ status: 'resolved' }), old])),
      // Longer than the list's key, so these win for history pages.
      '/api/widget/conversations/cv_0/messages': noHistory,
      '/api/widget/conversations/cv_1/messages': noHistory,
      '/api/widget/conversations': (body) =>
        body
          ? (starts.push(body), json(201, { conversation: conversation({ id: 'cv_2', status: 'waiting' }) }))
          : json(200, { conversations: [old] }),
    });
    const c = chatWith();
    await c.start();
    expect(c.view()).toMatchObject({ cid: 'cv_1', many: true });
    expect(await c.list()).toEqual([old]);
    c.pick(old);
    await vi.advanceTimersByTimeAsync(0);
    expect(c.view().cid).toBe('cv_0');
    expect(callsTo(fetch, '/conversations/cv_0/messages')).toHaveLength(1);
    c.fresh();
    expect(c.view().cid).toBeUndefined();
    c.send('a new question');
    await vi.advanceTimersByTimeAsync(0);
    expect(c.view().cid).toBe('cv_2');
    c.fresh();
    c.send('and another');
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toHaveLength(2);
    expect(starts[0]!.clientKey).not.toBe(starts[1]!.clientKey);
  });
});
