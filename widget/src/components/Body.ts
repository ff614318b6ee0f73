// A message body in the widget. The parser (protocol/format.ts) is an on-demand chunk, outside the core size budget
// (docs/widget.md): a body that may hold formatting loads it, and shows as text until it is there.
import { useState } from 'preact/hooks';
import { mayFormat } from '../../../protocol/format-hint';
import { chunk } from './chunk';
import { toNodes } from './format';

type Parser = typeof import('../../../protocol/format');
let parse: Parser['parse'] | undefined;
let loading: Promise<unknown> | undefined;

/** The formatted body, or its text while the parser loads. */
export function Body({ text }: { text: string }) {
  const [, loaded] = useState(0);
  if (parse) return parse(text).map(toNodes);
  // A failed load (offline) is tried again at a later render; the body shows as text meanwhile.
  if (mayFormat(text))
    (loading ||= chunk<Parser>('widget-format.js').then(
      (m) => (parse = m.parse),
      () => (loading = undefined),
    )).then(() => parse && loaded(1));
  return text;
}
