import { truncateText } from '../../../protocol/text';

// Text hygiene for everything users write (issue 9, item 5). Input: NUL is refused (no legitimate text has it,
// and C-based tools cut strings there), a lone surrogate becomes U+FFFD (browsers and JSON produce them from
// cut emoji; refusing would lose the whole message). Output: header and log values become one plain line.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Bidirectional controls: U+202E can make `invoice‮fdp.exe` read as `invoiceexe.pdf`. */
const BIDI = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/** The string with every lone surrogate replaced by U+FFFD (String.prototype.toWellFormed, ES2024). */
export const wellFormed = (s: string) => s.replace(LONE_SURROGATE, '\ufffd');

/** Whether a string holds a NUL character. */
export const hasNul = (s: string) => s.includes('\u0000');

/** How deeply JSON input may nest: real inputs nest a few levels; deeper ones only exist to exhaust the stack. */
export const MAX_DEPTH = 32;

/**
 * Every string in a parsed JSON value (keys included) made well-formed, or why the value is refused: a NUL in a
 * string, or nesting deeper than MAX_DEPTH (the walk stops there, so no input can overflow the stack).
 * Returns new objects rather than mutating, so a cached request body is not changed under its reader.
 */
export function cleanInput(value: unknown): { value: unknown } | { error: string } {
  let error = '';
  const walk = (v: unknown, depth: number): unknown => {
    if (error) return undefined;
    if (typeof v === 'string') {
      if (hasNul(v)) error = 'Text may not contain NUL characters';
      return wellFormed(v);
    }
    if (!v || typeof v !== 'object') return v;
    if (depth >= MAX_DEPTH) {
      error = `JSON may nest at most ${MAX_DEPTH} levels`;
      return undefined;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [walk(k, depth) as string, walk(x, depth + 1)]));
  };
  const out = walk(value, 0);
  return error ? { error } : { value: out };
}

/** Text that came from outside with no one to refuse it to (inbound email): NUL and other controls but tab and newline dropped. */
// eslint-disable-next-line no-control-regex
export const plainText = (s: string) => wellFormed(s).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');

/**
 * One line safe for an email header (subject, from name, reply-to, to) or a log line: every control character,
 * CR and LF included, and the Unicode line and paragraph separators become a space, so no header can be added.
 */
export const headerText = (s: string) => wellFormed(s).replace(CONTROLS, ' ').replace(/ {2,}/g, ' ').trim();

/** A user-written value for a log line: one line, quoted, at most 200 characters. */
export const logText = (s: unknown) => JSON.stringify(truncateText(headerText(String(s)), 200, '…'));

/** A file name without bidirectional controls, so the extension shown is the real one. */
export const stripBidi = (s: string) => s.replace(BIDI, '');
