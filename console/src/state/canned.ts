// Pure helpers of canned responses: ranking, matching a `/query`, and finding and replacing the
// `/token` under the caret, so the composer picker's rules are unit-tested without a DOM.
import type { CannedResponse } from '../../../worker/src/protocol';

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
    (c) => !c.shortcut.toLowerCase().startsWith(q) && [c.shortcut, c.title, c.content].some((f) => f.toLowerCase().includes(q)),
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
export function replaceRange(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}

/** Replaces a `/token` with a response's content. */
export function applyCanned(text: string, token: SlashToken, content: string): { text: string; caret: number } {
  return replaceRange(text, token.start, token.end, content);
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
  return body.split('\n').map((line) => `> ${line}`).join('\n') + '\n\n';
}
