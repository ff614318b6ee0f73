// Formatted message bodies as Preact nodes (docs/formatting.md): the console renders with it directly, the widget
// through Body (the parser loaded on demand).
import { type ComponentChild, createElement as el } from 'preact';
import type { FormatNode } from '../../../protocol/format';

// Links open in a new tab that cannot reach back (no opener), send no referrer and vouch for nothing (nofollow).
/** The parser's tree as Preact nodes: text nodes and the formatting's elements, never HTML. */
export const toNodes = (n: FormatNode): ComponentChild =>
  typeof n == 'string'
    ? n
    : el(
        n.t,
        n.href ? { href: n.href, target: '_blank', rel: 'noopener noreferrer nofollow' } : { start: n.n },
        ...n.c.map(toNodes),
      );
