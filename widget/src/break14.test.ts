// Issue 14 break tests (an outside tester's): the widget's side of continuation links.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChat } from './chat/chat';
import { conversation, json, server, session, stubPage } from './chat/fakes';

let fetch: ReturnType<typeof stubPage>;
beforeEach(() => {
  vi.useFakeTimers();
  fetch = stubPage();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('break14: a link someone else sent', () => {
  it('does not silently replace this device’s own visitor (and its conversations) with the link’s', async () => {
    // Mallory asks for "email me a link" on her own chat and sends the page URL with her token to Kim. Kim's
    // browser already has its own visitor; opening the URL makes Kim's widget Mallory's visitor without a word,
    // so what Kim types next lands in Mallory's conversation, which Mallory reads.
    localStorage.setItem('parley:k1:token', 'kims-own');
    server(fetch, {
      '/continue': () => json(200, session([conversation({ id: 'cv_mallory' })], 'mallory-scoped', 'v_mallory')),
      '/session': () => json(200, session([conversation({ id: 'cv_kim' })], 'kims-own', 'v_kim')),
      '/messages': () => json(200, { messages: [], hasMore: false }),
    });
    const c = createChat('https://parley.example', 'k1', null, undefined, 'mallorys.link.token');
    await c.start();
    expect(localStorage.getItem('parley:k1:token')).toBe('kims-own');
  });
});
