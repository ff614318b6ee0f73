// dist/widget.js: the small classic script sites embed. It installs the Parley queue, draws the launcher in a
// shadow root (themed from the public config), and loads the app (widget-app.js, an ES module next to this
// script) on first interaction, when the browser is idle, or at once when an 'open' is already queued.
import type { PublicWidgetConfig } from '../../protocol/settings';
import { loaderCss } from './loader.css';
import { pickLocale } from './locale';
import { textOn } from './theme';
import type { Boot } from './boot';

/**
 * Adds CSS to a shadow root without inline styles, which a strict Content-Security-Policy blocks: a constructable
 * stylesheet; where the browser has none (Safari before 16.4), a <style> carrying the nonce of the widget's script.
 */
function addCss(shadow: ShadowRoot, css: string, nonce?: string) {
  try {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, s];
  } catch {
    const s = document.createElement('style');
    if (nonce) s.nonce = nonce;
    s.textContent = css;
    shadow.append(s);
  }
}

type Stub = ((...a: unknown[]) => void) & { q?: ArrayLike<unknown>[]; loaded?: boolean };

// "Open chat" in every language, so that the button is labelled correctly before the app arrives.
const OPEN: Record<string, string> = {
  en: 'Open chat',
  es: 'Abrir el chat',
  fr: 'Ouvrir le chat',
  de: 'Chat öffnen',
  pt: 'Abrir o chat',
  zh: '打开聊天',
};
const CHAT =
  'M12 3C6.5 3 2 6.9 2 11.7c0 2.4 1.1 4.6 3 6.2-.2 1.3-.8 2.6-1.8 3.6 2.1 0 3.9-.7 5.2-1.7 1.1.3 2.3.5 3.6.5 5.5 0 10-3.9 10-8.6S17.5 3 12 3z';
const svg = (cls: string, d: string, attrs: string) =>
  `<svg class="${cls}" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" ${attrs}><path d="${d}"/></svg>`;

// Captured during the script's top-level evaluation: document.currentScript is null afterwards.
const script = document.currentScript as HTMLScriptElement | null;

(() => {
  const w = window as unknown as { Parley?: Stub };
  const el = script || document.querySelector<HTMLScriptElement>('script[data-site][src*="widget"]');
  const site = el?.getAttribute('data-site');
  // One widget per page, even if the snippet was pasted twice.
  if (!el || !site || w.Parley?.loaded || document.getElementById('parley-widget')) return;
  const src = new URL(el.src, location.href);
  const base = src.origin;
  const q: ArrayLike<unknown>[] = w.Parley?.q || [];

  const host = document.createElement('div');
  host.id = 'parley-widget';
  // Inline, so that it beats every (non-!important) host rule matching the element, `* {…}` included; `:host` would not.
  host.style.cssText = 'all:initial';
  const shadow = host.attachShadow({ mode: 'open' });
  addCss(shadow, loaderCss, el.nonce);
  shadow.innerHTML =
    `<button type="button" class="p-launcher" data-parley="launcher" aria-haspopup="dialog" aria-expanded="false">` +
    svg('ic', CHAT, 'fill="currentColor"') +
    svg('ix', 'M6 6l12 12M18 6 6 18', 'fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"') +
    '<span class="lt"></span></button>';
  const btn = shadow.querySelector('button')!;
  const label = (l?: string) =>
    btn.setAttribute('aria-label', OPEN[pickLocale([l, document.documentElement.lang, navigator.language])]);
  label();

  const apply = (cfg: PublicWidgetConfig | null) => {
    const s = cfg?.settings;
    if (!s) return;
    host.style.setProperty('--parley-accent', s.color);
    host.style.setProperty('--parley-accent-text', textOn(s.color));
    host.setAttribute('data-pos', s.position);
    btn.lastChild!.textContent = s.launcherText || '';
    const a = cfg.availability;
    // offline 'hide': no button while nobody can answer (the app keeps it visible while the panel is open).
    btn.hidden =
      s.offline === 'hide' && !(a.agentsOnline && a.withinHours) && btn.getAttribute('aria-expanded') !== 'true';
  };
  const config = fetch(base + '/api/widget/config/' + encodeURIComponent(site), { credentials: 'omit' })
    .then((r) => (r.ok ? (r.json() as Promise<PublicWidgetConfig>) : null))
    .catch(() => null);
  config.then((c) => {
    apply(c);
    if (c && !w.Parley?.loaded) label(c.settings.locale || undefined);
  });

  let loading: Promise<unknown> | undefined;
  const load = () =>
    (loading ||= Promise.all([
      import(/* @vite-ignore */ new URL('widget-app.js', src).href),
      // The app's styles come with it (a file, not inline: see addCss), adopted before anything renders.
      fetch(new URL('widget-app.css', src)).then((r) => (r.ok ? r.text() : Promise.reject(r.status))),
    ])
      .then(([m, css]: [{ start: (b: Boot) => void }, string]) => {
        addCss(shadow, css, el.nonce);
        m.start({ site, base, host, shadow, btn, config, q, apply, hide, cont });
      })
      .catch((e) => {
        loading = undefined;
        console.error('[parley] could not load the widget', e);
      }));

  // Inline style: the [hidden] attribute would lose to the inline all:initial; 'inline' is display's initial value.
  const hide = (h?: boolean) => (host.style.display = h ? 'none' : 'inline');
  // What the loader itself does with a call, queued or not: opening loads the app at once; hide/show apply at once.
  const early = (cmd: unknown) => {
    if (cmd == 'open' || cmd == 'toggle') load();
    if (cmd == 'hide' || cmd == 'show') hide(cmd == 'hide');
  };
  // Calls before the app loads are queued (in the snippet's own array, so nothing is lost).
  const stub: Stub = (...args: unknown[]) => {
    q.push(args);
    early(args[0]);
  };
  stub.q = q;
  w.Parley = stub;
  // The "Continue the conversation" link of emails (docs/email.md): open at once, and drop the marker (and the
  // continuation token it may carry, handed to the app) from the URL before anything else can read or share it.
  const h = location.hash;
  const cont = h.startsWith('#parley_continue=') ? h.slice(17) : undefined;
  if (h == '#parley-open' || cont) {
    q.push(['open']);
    history.replaceState(history.state, '', location.href.split('#')[0]);
  }
  for (const c of Array.from(q)) early(c[0]);

  for (const ev of ['pointerenter', 'focus', 'touchstart']) btn.addEventListener(ev, load, { passive: true });
  // Always through window.Parley: queued (and loading) before the app exists, handled by it afterwards.
  btn.addEventListener('click', () => w.Parley!('toggle'));

  const mount = () => document.body.appendChild(host);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  // Otherwise when the browser is idle (a no-op when already loading).
  const idle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(() => load(), { timeout: 4000 }) : setTimeout(load, 2000);
  if (document.readyState == 'complete') idle();
  else addEventListener('load', idle);
})();
