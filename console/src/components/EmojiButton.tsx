// The reply composer's emoji picker: a button and a small grid of the emoji that shortcodes also give
// (protocol/emoji.ts); a pick goes in at the caret. Escape or a second click closes it.
import { useState } from 'preact/hooks';
import { EMOJI } from '../../../protocol/emoji';

/** Emoji button and grid; `onPick` inserts the emoji into the composer. */
export function EmojiButton({ onPick, disabled }: { onPick: (emoji: string) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <span class="emoji-picker-anchor">
      <button
        type="button"
        class="button button-ghost button-small"
        aria-label="Emoji"
        aria-expanded={open ? 'true' : 'false'}
        title="Emoji"
        disabled={disabled}
        onClick={() => setOpen(!open)}
        data-testid="emoji-button"
      >
        🙂
      </button>
      {open && (
        // A fieldset: the grid is a group of buttons, named; Escape bubbling from them closes it.
        <fieldset
          class="emoji-picker"
          aria-label="Emoji"
          data-testid="emoji-picker"
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          {EMOJI.map((emoji) => (
            <button
              type="button"
              key={emoji}
              onClick={() => {
                setOpen(false);
                onPick(emoji);
              }}
            >
              {emoji}
            </button>
          ))}
        </fieldset>
      )}
    </span>
  );
}
