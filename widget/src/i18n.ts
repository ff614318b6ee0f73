// The current language: its string table (English bundled, the others fetched as JSON data) and Intl date formatting.
import { LOCALES, type Lang } from './locale';
import { fromList, strings, type Strings } from './strings';

/** The current string table; components read it at render time (an ES live binding). */
export let t: Strings = strings;
/** The current language code, for Intl and the lang attribute. */
export let lang: Lang = 'en';

/**
 * Switches to the first of `codes` the widget speaks ('pt-BR' → 'pt'); false when none (English stays). A translation
 * that fails to load falls back to English. The app starts with (the site's setting, the page's lang, the browser's).
 */
export async function setLang(...codes: unknown[]): Promise<boolean> {
  const l = codes
    .map((c) =>
      String(c || '')
        .slice(0, 2)
        .toLowerCase(),
    )
    .find((c) => LOCALES.includes(c as Lang)) as Lang;
  if (!l) return false;
  let table = strings;
  let to: Lang = 'en';
  if (l != 'en') {
    try {
      // Translations are data, not code: dist/widget-lang-xx.json next to this module (emitted by vite.config.ts).
      // Concatenated, not a template: vite would turn `new URL(`...${l}`, import.meta.url)` into a glob of assets.
      const r = await fetch(new URL('widget-lang-' + l + '.json', import.meta.url));
      if (!r.ok) throw r;
      table = fromList(await r.json());
      to = l;
    } catch {
      /* network or server failure: English */
    }
  }
  t = table;
  lang = to;
  return true;
}

const DAY = 86400000;

/** A message time: "14:05" today, "yesterday, 14:05" (in the current language), else "3 Mar, 14:05". */
export function when(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(+d)) return '';
  const time = d.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
  const days = Math.round((new Date(now).setHours(0, 0, 0, 0) - new Date(d).setHours(0, 0, 0, 0)) / DAY);
  if (!days) return time;
  const day =
    days === 1
      ? new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-1, 'day')
      : d.toLocaleDateString(lang, { day: 'numeric', month: 'short' });
  return day + ', ' + time;
}
