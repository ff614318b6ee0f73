import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

// User text in SQL searches. No LIKE patterns: D1 caps a LIKE pattern at 50 bytes, so a pasted sentence
// answered 500; instr() has no such limit and no wildcards to escape.

/** ASCII-only lower case, the same folding as SQLite's lower(). */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());

/** Whether a column contains `text`, ASCII case-insensitively (what LIKE '%…%' did, without its length limit). */
export const contains = (column: SQLiteColumn | SQL, text: string): SQL =>
  sql`instr(lower(${column}), ${asciiLower(text)}) > 0`;

/** The words of user text: control characters separate words; at most 10. */
export function searchWords(q: string): string[] {
  // eslint-disable-next-line no-control-regex
  return q
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 10);
}

/**
 * User text as an FTS5 query: every word must appear, as a prefix. Each word is an FTS5 string literal
 * ("…" with inner quotes doubled), so operators (AND, NEAR(, -, *, :, ^) are only text. At most 10 words.
 */
export function ftsQuery(q: string): string | null {
  const words = searchWords(q);
  return words.length ? words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ') : null;
}

/**
 * The words as the FTS5 tokenizer (unicode61) stores them, when that is certain: each word is one run of
 * ASCII letters and digits (lower-cased). Otherwise null (punctuation inside, other scripts, diacritics).
 */
export function plainWords(q: string): string[] | null {
  // Leading and trailing punctuation is no part of a word ("refund?"); punctuation alone is left to FTS5.
  const words = searchWords(q).map((w) => asciiLower(w).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ''));
  return words.length && words.every((w) => /^[a-z0-9]+$/.test(w)) ? words : null;
}
