// Pure helpers of canned responses: ranking, matching a `/query`, and finding and replacing the
// `/token` under the caret, so the composer picker's rules are unit-tested without a DOM.
import type { CannedResponse } from '../../../protocol';

/** Most used first, then most recently used, then by title, as the server lists them. */
export function sortCanned(list: readonly CannedResponse[]): CannedResponse[] {
  return [...list].sort(
    (a, b) =>
      b.usageCount - a.usageCount ||
      (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? '') ||
      a.title.localeCompare(b.title),
  );
}

/** Responses whose shortcut, title or content contain the query (case-insensitive), shortcut prefixes first, most used first. */
export function matchCanned(list: readonly CannedResponse[], query: string, limit = 8): CannedResponse[] {
  const q = query.trim().toLowerCase();
  const sorted = sortCanned(list);
  if (!q) return sorted.slice(0, limit);
  // An exact or prefix shortcut match is what the agent is typing towards: it leads whatever its usage.
  const prefix = sorted.filter((c) => c.shortcut.toLowerCase().startsWith(q));
  const rest = sorted.filter(
    (c) =>
      !c.shortcut.toLowerCase().startsWith(q) &&
      [c.shortcut, c.title, c.content].some((f) => f.toLowerCase().includes(q)),
  );
  return [...prefix, ...rest].slice(0, limit);
}

/** A `/query` at the start of a word, ending at the caret: [start, end) covers the slash and the query. */
export type SlashToken = { start: number; end: number; query: string };

/** The `/token` the caret is at the end of, or null; a slash inside a word (a URL, "and/or") does not count. */
export function slashToken(text: string, caret: number): SlashToken | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([^\s/]*)$/.exec(before);
  if (!match) return null;
  const start = caret - match[2].length - 1;
  return { start, end: caret, query: match[2] };
}

/** Puts `insert` in place of [start, end) and returns the new text and the caret right after the insertion. */
export function replaceRange(
  text: string,
  start: number,
  end: number,
  insert: string,
): { text: string; caret: number } {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}

/** Replaces a `/token` with a response's content. */
export function applyCanned(text: string, token: SlashToken, content: string): { text: string; caret: number } {
  return replaceRange(text, token.start, token.end, content);
}

/** What a canned response's variables are filled with; null when unknown (an anonymous visitor). */
export type CannedVars = { name: string | null; email: string | null; agent: string | null };

// `{name}`, `{ first_name | there }`, `{{email}}`: one or two braces, spaces and case do not matter.
const VARIABLE = /\{\{?\s*(name|first_name|email|agent|agent_first_name)\s*(?:\|([^{}]*))?\}\}?/gi;

/**
 * Fills `{name}`, `{first_name}`, `{email}` (the visitor), `{agent}` and `{agent_first_name}`. A missing value
 * takes the fallback after `|`, else becomes empty and takes the space before it along ("Hi {name}," → "Hi,").
 * Unknown `{words}` stay as written: braces may be meant literally.
 */
export function fillCanned(content: string, vars: CannedVars): string {
  const first = (v: string | null) => v?.trim().split(/\s+/)[0] ?? '';
  const values: Record<string, string> = {
    name: vars.name?.trim() ?? '',
    first_name: first(vars.name),
    email: vars.email?.trim() ?? '',
    agent: vars.agent?.trim() ?? '',
    agent_first_name: first(vars.agent),
  };
  let out = '';
  let last = 0;
  for (const m of content.matchAll(VARIABLE)) {
    const value = values[m[1].toLowerCase()] || (m[2] ?? '').trim();
    let head = content.slice(last, m.index);
    const next = content.charAt(m.index! + m[0].length);
    if (!value && / $/.test(head) && (next === '' || /[\s,.!?;:)]/.test(next))) head = head.slice(0, -1);
    out += head + value;
    last = m.index! + m[0].length;
  }
  return out + content.slice(last);
}

/** What a key does while the picker is open: nothing (null) lets the composer have it. */
export type PickerAction = 'dismiss' | 'up' | 'down' | 'insert' | 'swallow' | null;

/**
 * The picker's keys. Enter with no match is swallowed: the agent was typing a shortcut, and sending the
 * literal "/ref" to the customer is never what they meant (Escape closes the picker, then Enter sends).
 */
export function pickerAction(key: string, shift: boolean, matchCount: number): PickerAction {
  if (key === 'Escape') return 'dismiss';
  if (key === 'Enter' && !shift) return matchCount ? 'insert' : 'swallow';
  if (!matchCount) return null;
  if (key === 'ArrowDown') return 'down';
  if (key === 'ArrowUp') return 'up';
  return key === 'Tab' && !shift ? 'insert' : null;
}

/** Inserts a snippet (a link, an excerpt, a quote) at the caret, on its own paragraph when text surrounds it. */
export function insertSnippet(text: string, caret: number | null, snippet: string): { text: string; caret: number } {
  const at = caret ?? text.length;
  const head = text.slice(0, at);
  const tail = text.slice(at);
  const lead = head && !/\n\n$/.test(head) ? (head.endsWith('\n') ? '\n' : '\n\n') : '';
  const trail = tail && !/^\n/.test(tail) ? '\n' : '';
  return replaceRange(text, at, at, lead + snippet + trail);
}

/** A message quoted Markdown-style: every line prefixed with "> ", then an empty line to write under. */
export function quoteText(body: string): string {
  return (
    body
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n') + '\n\n'
  );
}
