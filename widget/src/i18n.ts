// The current language: its string table (English bundled, the others loaded on demand) and Intl date formatting.
import { LOCALES, pickLocale, type Lang } from './locale';
import { strings, type Strings } from './strings';

/** The current string table; components read it at render time (an ES live binding). */
export let t: Strings = strings;
/** The current language code, for Intl and the lang attribute. */
export let lang: Lang = 'en';

// Explicit imports so that the bundler emits one small chunk per language.
const tables: Record<Exclude<Lang, 'en'>, () => Promise<{ default: Strings }>> = {
  es: () => import('./locales/es'),
  fr: () => import('./locales/fr'),
  de: () => import('./locales/de'),
  pt: () => import('./locales/pt'),
  zh: () => import('./locales/zh'),
};

/** The language to start with: the site's setting, else the page's lang, else the browser's. */
export const initialLang = (setting?: string | null): Lang =>
  pickLocale([setting, document.documentElement.lang, ...(navigator.languages || []), navigator.language]);

/** Switches language (unknown codes are ignored); resolves once the table is loaded, false on a bad code or failed load. */
export async function setLang(code: string): Promise<boolean> {
  const l = String(code).slice(0, 2).toLowerCase() as Lang;
  if (!LOCALES.includes(l)) return false;
  try {
    const table = l === 'en' ? strings : (await tables[l]()).default;
    t = table;
    lang = l;
    return true;
  } catch {
    return false;
  }
}

const DAY = 86400000;

/** A message time: "14:05" today, "yesterday, 14:05" (in the current language), else "3 Mar, 14:05". */
export function when(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  const time = d.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
  const days = Math.round((new Date(now).setHours(0, 0, 0, 0) - new Date(d).setHours(0, 0, 0, 0)) / DAY);
  if (!days) return time;
  const day = days === 1 ? new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-1, 'day') : d.toLocaleDateString(lang, { day: 'numeric', month: 'short' });
  return day + ', ' + time;
}
