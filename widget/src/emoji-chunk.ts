// The widget's emoji chunk (widget-emoji.js, loaded on demand: docs/widget.md): the shortcode table and a small
// picker built from DOM nodes (the chunk holds no Preact), shown above the composer.
import { EMOJI } from '../../protocol/emoji';

export { shortcodes } from '../../protocol/emoji';

/**
 * Opens the picker in `host` (the composer); a click on an emoji calls `pick` with it and closes the picker, as do
 * Escape and a second call. Returns nothing: the picker is one element, found again by its class.
 */
export function togglePicker(host: HTMLElement, label: string, pick: (emoji: string) => void) {
  const open = host.querySelector('.ep');
  if (open) return open.remove();
  const grid = document.createElement('div');
  grid.className = 'ep';
  grid.setAttribute('role', 'group');
  grid.setAttribute('aria-label', label);
  grid.setAttribute('data-parley', 'emoji-picker');
  for (const emoji of EMOJI) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = emoji;
    b.onclick = () => {
      grid.remove();
      pick(emoji);
    };
    grid.append(b);
  }
  grid.onkeydown = (e) => e.key === 'Escape' && grid.remove();
  host.append(grid);
  (grid.firstChild as HTMLElement).focus();
}
