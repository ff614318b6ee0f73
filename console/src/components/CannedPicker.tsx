// The list the `/` picker shows above the composer; options are text (Preact escapes them).
import type { CannedResponse } from '../../../protocol';
import { toolStrings as t } from '../strings-tools';

/** Id of the listbox, for the textarea's aria-controls. */
export const CANNED_LISTBOX_ID = 'canned-picker-list';
/** Id of one option, for aria-activedescendant. */
export const cannedOptionId = (id: string) => `canned-option-${id}`;

/** Props of CannedPicker. */
export type CannedPickerProps = {
  matches: CannedResponse[];
  active: number;
  onHover: (index: number) => void;
  onPick: (c: CannedResponse) => void;
};

/** The picker popup. */
export function CannedPicker({ matches, active, onHover, onPick }: CannedPickerProps) {
  return (
    <div class="popover canned-picker" data-testid="canned-picker">
      {matches.length === 0 ? (
        <p class="muted canned-empty">{t.pickerEmpty}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the combobox pattern: the textarea keeps the focus and points at options with aria-activedescendant
        <ul role="listbox" id={CANNED_LISTBOX_ID} aria-label={t.pickerLabel} class="canned-options">
          {matches.map((c, i) => (
            // biome-ignore lint/a11y/useFocusableInteractive: same: the textarea keeps the focus
            <li
              key={c.id}
              id={cannedOptionId(c.id)}
              // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: options of the listbox above, never focused themselves (aria-activedescendant)
              role="option"
              aria-selected={i === active ? 'true' : 'false'}
              class="canned-option"
              data-testid="canned-option"
              data-id={c.id}
              // mousedown, not click: the textarea must keep the focus and its caret.
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(c);
              }}
              onMouseEnter={() => onHover(i)}
            >
              <span class="canned-option-head">
                <code class="shortcut">/{c.shortcut}</code>
                <span class="canned-option-title" title={c.title}>
                  {c.title}
                </span>
              </span>
              <span class="canned-option-content muted" title={c.content}>
                {c.content}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p class="canned-hint muted" aria-hidden="true">
        {t.pickerHint}
      </p>
    </div>
  );
}
