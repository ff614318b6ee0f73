// The widget's Composer plus an "Internal note" switch, the paperclip and the `/` canned-response picker;
// notes are tinted so nobody mistakes one for a reply. `handle` lets the view insert text (KB, quotes).
import { useRef, useState } from 'preact/hooks';
import { shortcodes } from '../../../protocol/emoji';
import { LIMITS } from '../../../protocol/limits';
import { Composer } from '../../../widget/src/components/Composer';
import { useCannedPicker } from '../hooks/useCannedPicker';
import { caretOf, composerTextarea, setComposerText, type ComposerHandle } from '../hooks/useComposerBridge';
import { insertSnippet, replaceRange, type CannedVars } from '../state/canned';
import { strings } from '../strings';
import { AttachButton } from './AttachButton';
import { EmojiButton } from './EmojiButton';
import { CANNED_LISTBOX_ID, CannedPicker, cannedOptionId } from './CannedPicker';

/** Props of ReplyBox. */
export type ReplyBoxProps = {
  onSend: (body: string, kind: 'text' | 'note') => void;
  onTyping: (on: boolean) => void;
  /** Files picked with the paperclip. */
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  /** What canned responses' `{name}`, `{email}` and `{agent}` become in this conversation. */
  vars: CannedVars;
  /** Filled with the composer's insert/focus while mounted. */
  handle?: { current: ComposerHandle | null };
};

/** Reply composer with the note toggle. Never disabled while offline: messages queue and go on reconnect. */
export function ReplyBox({ onSend, onTyping, onFiles, disabled, handle, vars }: ReplyBoxProps) {
  const [note, setNote] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const picker = useCannedPicker(root, vars);
  if (handle) {
    handle.current = {
      insert: (snippet) => {
        const textarea = composerTextarea(root);
        if (!textarea) return;
        const next = insertSnippet(textarea.value, caretOf(textarea), snippet);
        setComposerText(textarea, next.text, next.caret);
      },
      focus: () => composerTextarea(root)?.focus(),
    };
  }
  // An emoji goes in at the caret (replacing a selection), with no blank lines around it as a snippet gets.
  const insertEmoji = (emoji: string) => {
    const textarea = composerTextarea(root);
    if (!textarea) return;
    const next = replaceRange(textarea.value, textarea.selectionStart, textarea.selectionEnd, emoji);
    setComposerText(textarea, next.text, next.caret);
  };
  const activeOption = picker.open ? picker.matches[picker.active] : undefined;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the handlers catch events bubbling from the textarea (the canned picker follows its caret); the div itself is not interactive
    <div
      class={`reply${note ? ' reply-note' : ''}`}
      ref={root}
      onKeyDownCapture={picker.onKeyDownCapture}
      onInput={picker.sync}
      onKeyUp={picker.sync}
      onClick={picker.sync}
      onFocusOut={() => setTimeout(picker.sync, 0)}
    >
      <div class="reply-tools">
        <label class="switch-label">
          <input
            type="checkbox"
            role="switch"
            class="switch"
            checked={note}
            aria-checked={note ? 'true' : 'false'}
            onChange={(e) => setNote(e.currentTarget.checked)}
            data-testid="note-toggle"
          />
          {strings.internalNote}
        </label>
        <span class="reply-tools-spacer" />
        <EmojiButton onPick={insertEmoji} disabled={disabled} />
        <AttachButton onFiles={onFiles} disabled={disabled} />
      </div>
      {picker.open && document.activeElement === composerTextarea(root) && (
        <CannedPicker
          matches={picker.matches}
          active={picker.active}
          onHover={picker.setActive}
          onPick={picker.insert}
        />
      )}
      <Composer
        // Shortcodes (":+1:") become emoji on send, as in the widget (docs/formatting.md).
        onSend={(body) => onSend(shortcodes(body), note ? 'note' : 'text')}
        // Notes are invisible to the visitor, so they must not show the visitor "typing…".
        onTyping={(on) => (note && on ? undefined : onTyping(on))}
        disabled={disabled}
        placeholder={note ? strings.notePlaceholder : strings.replyPlaceholder}
        sendLabel={note ? strings.noteLabel : 'Send'}
        maxLength={LIMITS.bodyMax}
        inputProps={{
          'data-testid': 'composer',
          'aria-autocomplete': 'list',
          'aria-expanded': picker.open ? 'true' : 'false',
          ...(picker.open ? { 'aria-controls': CANNED_LISTBOX_ID } : {}),
          ...(activeOption ? { 'aria-activedescendant': cannedOptionId(activeOption.id) } : {}),
        }}
        sendProps={{ 'data-testid': 'send' }}
      />
    </div>
  );
}
