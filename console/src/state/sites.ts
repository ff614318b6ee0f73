// Pure helpers for the site forms.

/** Splits the origins textarea: one per line (commas tolerated), blanks and stray spaces ignored, duplicates dropped. */
export function parseOrigins(text: string): string[] {
  const origins = text
    .split(/[\n,]+/)
    .map((line) => line.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return [...new Set(origins)];
}
