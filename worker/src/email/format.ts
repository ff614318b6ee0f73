// A message body as email HTML, with the widget's and the console's formatting rules (docs/formatting.md): the same
// tree (protocol/format.ts) written out as HTML, every text escaped. Links carry the same rel and target.
import { type FormatNode, parse } from '../../../protocol/format';
import { escapeHtml } from '../lib/html';

// Mail clients ignore stylesheets unevenly: the few styles the tags need are inline.
const STYLE: Partial<Record<string, string>> = {
  pre: 'margin:4px 0;padding:6px 8px;background:#f3f4f6;border-radius:4px;white-space:pre-wrap;font:13px/1.4 monospace',
  code: 'padding:1px 4px;background:#f3f4f6;border-radius:4px;font:13px monospace',
  ul: 'margin:4px 0;padding-left:20px',
  ol: 'margin:4px 0;padding-left:20px',
  a: 'color:#4338ca',
};

function html(n: FormatNode): string {
  // Text keeps its line breaks as <br>, except in a code block (pre keeps them itself).
  if (typeof n === 'string') return escapeHtml(n).replace(/\n/g, '<br>');
  const attrs = [
    n.href && ` href="${escapeHtml(n.href)}" target="_blank" rel="noopener noreferrer nofollow"`,
    n.n !== undefined && n.n !== 1 && ` start="${n.n}"`,
    STYLE[n.t] && ` style="${STYLE[n.t]}"`,
  ]
    .filter(Boolean)
    .join('');
  const inner = n.t === 'pre' ? escapeHtml(n.c.join('')) : n.c.map(html).join('');
  return `<${n.t}${attrs}>${inner}</${n.t}>`;
}

/** A message body as escaped, formatted HTML for an email. */
export const formatHtml = (body: string) => parse(body).map(html).join('');
