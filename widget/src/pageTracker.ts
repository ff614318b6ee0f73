// Follows the visitor's page, single-page-app navigations included, without ever throwing into the host page.
// DOM-free: the history and window are passed in (positionally: fewer bytes than an object), so it is unit tested in
// plain node.

/** Where the visitor is (the body of POST /api/widget/page). */
export type Page = { url: string; title: string; referrer?: string };

/** The parts of `window` the tracker touches. */
export type PageEnv = {
  history: Pick<History, 'pushState' | 'replaceState'>;
  addEventListener: (type: string, f: () => void) => void;
  /** The current url and title (already clipped). */
  read: () => Page;
};

/** Trims to the server's limits (url 2000, title 300) so that a long URL is not refused with a 400. */
export function clip(p: Page): Page {
  const out: Page = { url: p.url.slice(0, 2000), title: p.title.slice(0, 300) };
  if (p.referrer) out.referrer = p.referrer.slice(0, 2000);
  return out;
}

/**
 * Calls `report` with the new page after each navigation (pushState, replaceState, popstate, hashchange),
 * debounced by `delay` and skipped when url and title did not change. The page at install time counts as
 * reported (it goes with the session). Checks again a little later because SPAs set the title after pushState.
 */
export function trackPages(
  history: PageEnv['history'],
  listen: PageEnv['addEventListener'],
  read: PageEnv['read'],
  report: (p: Page) => void,
  delay = 300,
): void {
  const key = (p: Page) => p.url + '\n' + p.title;
  let last = '';
  const timers: ReturnType<typeof setTimeout>[] = [];
  const check = () => {
    try {
      const p = read();
      const k = key(p);
      if (k !== last) {
        last = k;
        report(p);
      }
    } catch {
      /* a broken read or report must not surface in the host page */
    }
  };
  const schedule = () => {
    timers.forEach(clearTimeout);
    timers[0] = setTimeout(check, delay);
    timers[1] = setTimeout(check, delay * 5);
  };
  try {
    last = key(read());
    const h = history;
    for (const name of ['pushState', 'replaceState'] as const) {
      const orig = h[name];
      // The original runs first and its own errors propagate as they would without us (schedule cannot throw).
      h[name] = function (this: History, ...args: Parameters<History['pushState']>) {
        const r = orig.apply(this, args);
        schedule();
        return r;
      };
    }
    listen('popstate', schedule);
    listen('hashchange', schedule);
  } catch {
    /* a frozen history object: page tracking is off, the chat still works */
  }
}
