// Unit test of Turnstile in the widget, with a fake of Cloudflare's explicit-render API: the script loads only for a
// site key, runs invisibly, its token goes with a new visitor's session; a failure shows and is not retried.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicWidgetConfig } from '../../protocol/settings';
import { createChat } from './chat';
import { challenge } from './turnstile';

const SITE_KEY = '1x00000000000000000000BB';
const DUMMY = 'XXXX.DUMMY.TOKEN.XXXX';
const SESSION = { token: 'tok', visitor: { id: 'v1', name: null, email: null }, conversations: [] };

let scripts: { src: string; onload?: () => void; onerror?: () => void }[];
let rendered: Record<string, unknown>[];
let outcome: 'pass' | 'error';
let fetch: ReturnType<typeof vi.fn>;
const sessionBodies = () =>
  fetch.mock.calls.filter(([u]) => String(u).endsWith('/session')).map(([, init]) => JSON.parse(init.body));

beforeEach(() => {
  vi.useFakeTimers();
  scripts = [];
  rendered = [];
  outcome = 'pass';
  const el = () => ({ style: {}, remove: vi.fn() });
  const turnstile = {
    render: (_el: unknown, o: Record<string, (v?: string) => void>) => {
      rendered.push(o);
      queueMicrotask(() => (outcome == 'pass' ? o.callback!(DUMMY) : o['error-callback']!('300030')));
    },
  };
  vi.stubGlobal('window', { turnstile });
  vi.stubGlobal('document', {
    title: 'Cart',
    referrer: '',
    visibilityState: 'visible',
    addEventListener: () => undefined,
    createElement: (tag: string) => (tag == 'script' ? { src: '' } : el()),
    // The "script" loads at once.
    head: { append: (s: (typeof scripts)[0]) => (scripts.push(s), queueMicrotask(() => s.onload?.())) },
    body: { append: () => undefined },
  });
  vi.stubGlobal('location', { href: 'https://shop.example/', origin: 'https://shop.example' });
  vi.stubGlobal('addEventListener', () => undefined);
  vi.stubGlobal('history', { pushState: () => undefined, replaceState: () => undefined });
  const stored = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => stored.set(k, v),
    removeItem: () => undefined,
  });
  vi.stubGlobal('fetch', (fetch = vi.fn()));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const json = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
/** A chat whose config carries (or not) a Turnstile site key; `token`: a returning visitor's stored token. */
function chat(siteKey?: string, token?: string) {
  if (token) localStorage.setItem('parley:pk_1:token', token);
  const cfg = { turnstileSiteKey: siteKey } as PublicWidgetConfig;
  return createChat('https://parley.example', 'pk_1', cfg);
}

describe('Turnstile in the widget', () => {
  it('loads nothing without a site key', async () => {
    const SESSION_OK = () => json(200, SESSION);
    fetch.mockImplementation(SESSION_OK);
    await chat(undefined).start();
    expect(sessionBodies()[0].turnstileToken).toBeUndefined();
    expect(scripts).toHaveLength(0);
  });

  it('loads the explicit-render script once and runs the widget invisibly', async () => {
    expect(await challenge(SITE_KEY)).toBe(DUMMY);
    expect(await challenge(SITE_KEY)).toBe(DUMMY);
    expect(scripts.map((s) => s.src)).toEqual([
      'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit',
    ]);
    expect(rendered[0]).toMatchObject({ sitekey: SITE_KEY, appearance: 'interaction-only', execution: 'render' });
  });

  it("sends the token with a new visitor's session, and none with a stored token", async () => {
    fetch.mockImplementation(() => json(200, SESSION));
    await chat(SITE_KEY).start();
    expect(sessionBodies()[0]).toMatchObject({ siteKey: 'pk_1', turnstileToken: DUMMY });
    fetch.mockClear();
    await chat(SITE_KEY, 'stored').start();
    expect(sessionBodies()[0].turnstileToken).toBeUndefined();
    expect(sessionBodies()[0].token).toBe('stored');
  });

  it('a stored token the server no longer knows: challenged once, as a new visitor', async () => {
    fetch.mockImplementation((_u: string, init: { body: string }) =>
      JSON.parse(init.body).turnstileToken
        ? json(200, SESSION)
        : json(403, { error: { code: 'turnstile_required', message: '' } }),
    );
    await chat(SITE_KEY, 'stale').start();
    expect(sessionBodies().map((b) => [b.token, b.turnstileToken])).toEqual([
      ['stale', undefined],
      [undefined, DUMMY],
    ]);
    expect(localStorage.getItem('parley:pk_1:token')).toBe('tok');
  });

  it('shows the failure, without retrying, when siteverify says no', async () => {
    fetch.mockImplementation(() => json(403, { error: { code: 'turnstile_failed', message: '' } }));
    const c = chat(SITE_KEY);
    await c.start();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sessionBodies()).toHaveLength(1);
    expect(c.view()).toMatchObject({ hidden: false, mode: 'denied', denied: 'turnstile_failed' });
  });

  it('shows the same failure when the challenge itself fails in the browser', async () => {
    outcome = 'error';
    const c = chat(SITE_KEY);
    await c.start();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(fetch).not.toHaveBeenCalled();
    expect(c.view().denied).toBe('turnstile_failed');
  });
});
