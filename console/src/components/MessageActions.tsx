// Actions on one message, shown on hover or keyboard focus: copy its text, quote it into the reply,
// and delete it (the agent's own text and file messages only, after a confirmation).
import { useState } from 'preact/hooks';
import type { Message } from '../../../protocol';
import { editStrings } from '../strings-edits';
import { toolStrings as t } from '../strings-tools';

/** Props of MessageActions. */
export type MessageActionsProps = {
  message: Message;
  /** Whether the signed-in agent may delete it (server: 403 not_your_message otherwise). */
  deletable: boolean;
  onQuote: (text: string) => void;
  onDelete: (message: Message) => Promise<void>;
  /** Set when the agent may edit it (MessageEdit.tsx canEdit): opens the inline form. */
  onEdit?: () => void;
};

/** The text a message stands for: its body, or the attachment's name. */
export function messageText(message: Message): string {
  return message.body.trim() || message.file?.name || '';
}

/** Writes text to the clipboard, falling back to execCommand where the async API is refused. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = Object.assign(document.createElement('textarea'), { value: text });
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** The action buttons. */
export function MessageActions({ message, deletable, onQuote, onDelete, onEdit }: MessageActionsProps) {
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const text = messageText(message);

  async function copy() {
    if (!(await copyText(text))) return;
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }
  async function remove() {
    if (!confirm(t.confirmDeleteMessage)) return;
    setBusy(true);
    try {
      await onDelete(message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="msg-actions" role="toolbar" aria-label={t.messageActions} data-testid="message-actions">
      <button type="button" class="msg-action" onClick={copy} data-testid="message-copy" aria-live="polite">
        {copied ? t.copied : t.copy}
      </button>
      <button type="button" class="msg-action" onClick={() => onQuote(text)} data-testid="message-quote">
        {t.quote}
      </button>
      {onEdit && (
        <button type="button" class="msg-action" onClick={onEdit} data-testid="message-edit">
          {editStrings.edit}
        </button>
      )}
      {deletable && (
        <button
          type="button"
          class="msg-action msg-action-danger"
          disabled={busy}
          onClick={remove}
          data-testid="message-delete"
        >
          {t.deleteMessage}
        </button>
      )}
    </div>
  );
}
