import { truncateText } from '../../../protocol/text';

/** Lines where quoted history or a signature starts in common mail clients. */
const CUTS = [
  /^On .{0,300}wrote:\s*$/i, // Gmail, Apple Mail ("On Mon, 1 Jan 2026 at 10:00, Ann <…> wrote:")
  /^Le .{0,300}a écrit\s*:\s*$/i, // the same, in French
  /^Am .{0,300}schrieb .{0,200}:\s*$/i, // and German
  /^-{2,}\s*Original Message\s*-{2,}/i,
  /^_{10,}\s*$/, // Outlook's separator
  /^From:\s.+/i, // Outlook's header block
  /^>/, // quoted lines
  /^--\s?$/, // signature delimiter
  /^Sent from my /i,
  /^Get Outlook for /i,
];

/** The new text of a reply: everything before the quoted history and the signature block. */
export function stripReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Gmail wraps a long "On … wrote:" over two lines.
    const joined = `${line} ${lines[i + 1] ?? ''}`.trim();
    if (CUTS.some((re) => re.test(line.trim())) || (/^On\s/i.test(line.trim()) && /wrote:\s*$/i.test(joined))) break;
    out.push(line);
  }
  return truncateText(out.join('\n').trim(), 4000);
}
