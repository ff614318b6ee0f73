// A message body in the widget. The parser (protocol/format.ts) is an on-demand chunk, outside the core size budget
// (docs/widget.md): a body that may hold formatting loads it, and shows as text until it is there.
import { useState } from 'preact/hooks';
import { mayFormat } from '../../../protocol/format-hint';
import { toNodes } from './format';

let parse: typeof import('../../../protocol/format').parse | undefined;
let loading: Promise<unknown> | undefined;
const here = import.meta.url;

/** The formatted body, or its text while the parser loads. */
export function Body({ text }: { text: string }) {
  const [, loaded] = useState(0);
  if (parse) return parse(text).map(toNodes);
  if (mayFormat(text))
    (loading ||= import(/* @vite-ignore */ String(new URL('widget-format.js', here))).then((m) => {
      parse = m.parse;
    })).then(() => loaded(1));
  return text;
}
