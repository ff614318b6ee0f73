// Emoji in the widget's composer: `:shortcodes:` made emoji on send, and the picker. Both come from an on-demand
// chunk (widget-emoji.js, docs/widget.md), fetched as soon as the visitor starts a shortcode (":sm") or opens the
// picker, so the table is there by the time they send; without it (offline) a shortcode is sent as typed.
import { chunk } from './chunk';

type Emoji = typeof import('../emoji-chunk');
let emoji: Emoji | undefined;
let loading: Promise<Emoji | undefined> | undefined;
const load = () =>
  (loading ||= chunk<Emoji>('widget-emoji.js').then(
    (m) => (emoji = m),
    () => (loading = undefined),
  ));

/** The body to send: its shortcodes made emoji once the table is there. */
export const withEmoji = (body: string) => (emoji ? emoji.shortcodes(body) : body);

/** Called on every edit: a text that starts a shortcode fetches the table. */
export const onText = (v: string) => {
  if (/:[\w+-]/.test(v)) load();
};

/** The picker button's click: opens or closes the picker over the composer; an emoji goes in at the caret. */
export function onPicker(e: MouseEvent) {
  const host = (e.currentTarget as HTMLElement).closest('.pc-composer') as HTMLElement;
  load().then((m) =>
    m?.togglePicker(host, 'Emoji', (x) => {
      const input = host.querySelector('textarea')!;
      input.setRangeText(x, input.selectionStart, input.selectionEnd, 'end');
      // The Composer owns the value: it hears the change as the visitor's own input.
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.focus();
    }),
  );
}
