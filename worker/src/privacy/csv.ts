// CSV as RFC 4180 says (comma, CRLF, quotes doubled), made safe to open in a spreadsheet: a cell a user typed
// that starts like a formula (= + - @, tab, CR) gets a leading apostrophe, so Excel or Sheets never runs it.

const FORMULA = /^[=+\-@\t\r]/;

/** One cell: null and undefined are empty; arrays and objects as JSON. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated. */
export const csvRow = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;
