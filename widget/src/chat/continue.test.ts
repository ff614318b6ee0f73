// A continuation link in the chat core: the first session exchanges the token (with this device's key) and adopts
// the link's conversation; a refused link says why and the device goes on as itself; "email me a link".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../api';
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

const chatWith = (cont?: string) =>
  createChat({ api: createApi('https://parley.example'), site: 'k1', wsBase: 'wss://parley.example', cfg: null, cont });
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
