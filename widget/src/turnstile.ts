// Cloudflare Turnstile for a new visitor's session on sites that require it: Cloudflare's script loads only then, and
// runs invisibly (it shows itself only if it needs the visitor to interact). docs/widget.md, Turnstile.
import { fault } from './api';

type Turnstile = { render: (el: HTMLElement, options: object) => unknown };
let script: Promise<Turnstile> | undefined;

/** The visitor failed the check, or it could not run (script blocked or unreachable): shown, not retried. */
const failed = () => fault(403, 'turnstile_failed', 'Turnstile');

/** A Turnstile token for `sitekey` (called only for a new visitor of a site that requires Turnstile). */
export function challenge(sitekey: string): Promise<string> {
  script ||= new Promise((ok, no) => {
    const s = document.createElement('script');
    s.src = 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';
    s.onload = () => ok((window as unknown as { turnstile: Turnstile }).turnstile);
    s.onerror = () => no(((script = undefined), failed()));
    document.head.append(s);
  });
  return script.then(
    (t) =>
      new Promise((ok, no) => {
        // In the page, not the shadow root: Cloudflare's iframe, visible only when it asks for interaction.
        const el = document.createElement('div');
        el.style.cssText = 'position:fixed;bottom:90px;right:16px;z-index:2147483647';
        document.body.append(el);
        const end = (f: (v: never) => void, v: unknown) => (el.remove(), f(v as never), true);
        t.render(el, {
          sitekey,
          appearance: 'interaction-only',
          execution: 'render',
          callback: (token: string) => end(ok, token),
          'error-callback': () => end(no, failed()),
          'timeout-callback': () => end(no, failed()),
        });
      }),
  );
}
