// Unit tests of the page tracker with a fake history and window (no DOM): SPA navigations, debounce, duplicates.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clip, trackPages, type Page } from './pageTracker';

/** A fake window whose pushState changes the url, like the real one. */
function fakeEnv(title = 'Home') {
  const page = { url: 'https://shop.test/', title };
  const listeners: Record<string, (() => void)[]> = {};
  const history = {
    pushState: vi.fn((_d: unknown, _u: string, url?: string | URL | null) => {
      if (url) page.url = String(url);
    }),
    replaceState: vi.fn((_d: unknown, _u: string, url?: string | URL | null) => {
      if (url) page.url = String(url);
    }),
  };
  const env = {
    history,
    addEventListener: (t: string, f: () => void) => (listeners[t] ||= []).push(f),
    read: () => ({ ...page }),
  };
  const fire = (t: string) => {
    for (const f of listeners[t] ?? []) f();
  };
  return { page, env, history, fire };
}

describe('trackPages', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports a pushState navigation once, after the debounce, with the title set afterwards', () => {
    const { page, env, history } = fakeEnv();
    const orig = history.pushState;
    const seen: Page[] = [];
    trackPages(env.history, env.addEventListener, env.read, (p) => seen.push(p));
    env.history.pushState({}, '', '/products');
    expect(orig).toHaveBeenCalledOnce();
    page.title = 'Products'; // the SPA sets the title after pushState
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(seen).toEqual([{ url: '/products', title: 'Products' }]);
    vi.advanceTimersByTime(5000);
    expect(seen).toHaveLength(1);
  });

  it('debounces a burst of navigations into one report of the latest page', () => {
    const { env } = fakeEnv();
    const seen: Page[] = [];
    trackPages(env.history, env.addEventListener, env.read, (p) => seen.push(p));
    env.history.pushState({}, '', '/a');
    vi.advanceTimersByTime(100);
    env.history.replaceState({}, '', '/b');
    vi.advanceTimersByTime(100);
    env.history.pushState({}, '', '/c');
    vi.advanceTimersByTime(2000);
    expect(seen.map((p) => p.url)).toEqual(['/c']);
  });

  it('reports popstate and hashchange, and catches a title that settles late', () => {
    const { page, env, fire } = fakeEnv();
    const seen: Page[] = [];
    trackPages(env.history, env.addEventListener, env.read, (p) => seen.push(p));
    page.url = 'https://shop.test/back';
    fire('popstate');
    vi.advanceTimersByTime(300);
    page.title = 'Back page'; // data loaded, title set a second later
    vi.advanceTimersByTime(1500);
    page.url = 'https://shop.test/back#faq';
    fire('hashchange');
    vi.advanceTimersByTime(2000);
    expect(seen).toEqual([
      { url: 'https://shop.test/back', title: 'Home' },
      { url: 'https://shop.test/back', title: 'Back page' },
      { url: 'https://shop.test/back#faq', title: 'Back page' },
    ]);
  });

  it('skips navigations that change neither url nor title (the landing page counts as reported)', () => {
    const { env, fire } = fakeEnv();
    const seen: Page[] = [];
    trackPages(env.history, env.addEventListener, env.read, (p) => seen.push(p));
    env.history.replaceState({ scroll: 1 }, '');
    fire('popstate');
    vi.advanceTimersByTime(2000);
    expect(seen).toEqual([]);
    env.history.pushState({}, '', '/x');
    vi.advanceTimersByTime(2000);
    env.history.pushState({}, '', '/x');
    vi.advanceTimersByTime(2000);
    expect(seen).toHaveLength(1);
  });

  it('never throws into the page: a failing report or read is swallowed, the original history still runs', () => {
    const { env, history } = fakeEnv();
    const orig = history.pushState;
    let broken = true;
    trackPages(env.history, env.addEventListener, env.read, () => {
      throw new Error('boom');
    });
    const read = env.read;
    env.read = () => {
      if (broken) throw new Error('no location');
      return read();
    };
    expect(() => env.history.pushState({}, '', '/y')).not.toThrow();
    expect(() => vi.advanceTimersByTime(2000)).not.toThrow();
    broken = false;
    env.history.pushState({}, '', '/z');
    expect(() => vi.advanceTimersByTime(2000)).not.toThrow();
    expect(orig).toHaveBeenCalledTimes(2);
  });

  it('lets the original pushState error propagate as it would without the widget', () => {
    const { env, history } = fakeEnv();
    history.pushState.mockImplementation(() => {
      throw new DOMException('cross-origin', 'SecurityError');
    });
    trackPages(env.history, env.addEventListener, env.read, () => undefined);
    expect(() => env.history.pushState({}, '', 'https://other.test/')).toThrow('cross-origin');
  });
});

describe('clip', () => {
  it('trims to the server limits and drops an empty referrer', () => {
    const p = clip({ url: 'u'.repeat(3000), title: 't'.repeat(400), referrer: '' });
    expect(p.url).toHaveLength(2000);
    expect(p.title).toHaveLength(300);
    expect('referrer' in p).toBe(false);
  });
});
