// Language picking, shared by the loader and the app: no imports, so the loader stays tiny.

/** Languages the widget speaks (the same list as Locale in protocol/settings.ts). */
export const LOCALES = ['en', 'es', 'fr', 'de', 'pt', 'zh'] as const;
/** One of LOCALES. */
export type Lang = (typeof LOCALES)[number];

/** The first candidate the widget speaks ('pt-BR' → 'pt', 'zh-Hans' → 'zh'), else English. */
export function pickLocale(candidates: readonly (string | null | undefined)[]): Lang {
  for (const c of candidates) {
    const l = (c || '').slice(0, 2).toLowerCase() as Lang;
    if (LOCALES.includes(l)) return l;
  }
  return 'en';
}
