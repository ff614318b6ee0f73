// The widget's Composer plus an "Internal note" switch and the paperclip; notes are tinted so nobody mistakes one for a reply.
import { useState } from 'preact/hooks';
import { LIMITS } from '../../../worker/src/protocol/limits';
import { Composer } from '../../../widget/src/components/Composer';
import { strings } from '../strings';
import { AttachButton } from './AttachButton';

/** Props of ReplyBox. */
export type ReplyBoxProps = {
  onSend: (body: string, kind: 'text' | 'note') => void;
  onTyping: (on: boolean) => void;
  /** Files picked with the paperclip. */
  onFiles: (files: File[]) => void;
  disabled?: boolean;
};

/** Reply composer with the note toggle. Never disabled while offline: messages queue and go on reconnect. */
export function ReplyBox({ onSend, onTyping, onFiles, disabled }: ReplyBoxProps) {
  const [note, setNote] = useState(false);
  return (
    <div class={`reply${note ? ' reply-note' : ''}`}>
      <div class="reply-tools">
        <label class="switch-label">
          <input type="checkbox" role="switch" class="switch" checked={note} aria-checked={note ? 'true' : 'false'}
            onChange={(e) => setNote(e.currentTarget.checked)} data-testid="note-toggle" />
          {strings.internalNote}
        </label>
        <span class="reply-tools-spacer" />
        <AttachButton onFiles={onFiles} disabled={disabled} />
      </div>
      <Composer
        onSend={(body) => onSend(body, note ? 'note' : 'text')}
        // Notes are invisible to the visitor, so they must not show the visitor "typing…".
        onTyping={(on) => (note && on ? undefined : onTyping(on))}
        disabled={disabled}
        placeholder={note ? strings.notePlaceholder : strings.replyPlaceholder}
        sendLabel={note ? strings.noteLabel : 'Send'}
        maxLength={LIMITS.bodyMax}
        inputProps={{ 'data-testid': 'composer' }}
        sendProps={{ 'data-testid': 'send' }}
      />
    </div>
  );
}
