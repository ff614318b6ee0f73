// Pure helpers of the Data & privacy page: the export's query and file name, and counting rows as they stream.
import type { ExportQuery } from '../../../protocol';

/** What the export form holds. */
export type ExportForm = { siteId: string; from: string; to: string; format: 'jsonl' | 'csv' };

/** The files an export form downloads: one for JSON Lines, two for CSV. */
export function exportFiles(form: ExportForm): { name: string; query: ExportQuery }[] {
  const base: ExportQuery = {
    format: form.format,
    ...(form.siteId ? { siteId: form.siteId } : {}),
    ...(form.from ? { from: form.from } : {}),
    ...(form.to ? { to: form.to } : {}),
  };
  if (form.format === 'jsonl') return [{ name: 'conversations.jsonl', query: base }];
  return (['conversations', 'messages'] as const).map((part) => ({ name: `${part}.csv`, query: { ...base, part } }));
}

/** The query string of an export. */
export const exportSearch = (q: ExportQuery) =>
  new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined) as [string, string][]).toString();

/**
 * Rows seen so far in a stream of text: line ends counted chunk by chunk (a CSV body may hold a line break in
 * quotes, so this is progress, capped at the total the server announced, not an exact count).
 */
export function rowCounter(format: 'jsonl' | 'csv', total: number) {
  let rows = format === 'csv' ? -1 : 0; // the CSV header is not a row
  return (chunk: string) => {
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) rows++;
    return Math.max(0, Math.min(rows, total));
  };
}

/** Whether the search text is an email (else it is a visitor id). */
export const findBy = (text: string): { email: string } | { id: string } =>
  text.includes('@') ? { email: text.trim() } : { id: text.trim() };
