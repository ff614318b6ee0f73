// Editing one's own message in the console (docs/protocol.md "Editing"): who may (a hint; the server decides),
// the inline form, and the "edited" mark with the earlier versions, which only agents can see.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Message, MessageRevision } from '../../../protocol';
import { LIMITS } from '../../../protocol/limits';
import { editStrings as t } from '../strings-edits';
import { clockTime, fullDateTime } from '../time';

/**
 * Whether to offer Edit: the agent's own text or note, not deleted, within the window, and (but for a note) not
 * answered by a later visitor message. The server checks the same rules (edit-rules.ts).
 */
export function canEdit(message: Message, me: string, answered: boolean, now = Date.now()): boolean {
  const { sender, kind } = message;
  if (sender.type !== 'agent' || sender.id !== me || message.deletedAt) return false;
  if (kind !== 'text' && kind !== 'note') return false;
  if (kind === 'text' && answered) return false;
  return now - Date.parse(message.createdAt) <= LIMITS.editWindowMs;
}

/** The inline form: the body in a textarea; Enter (without Shift) or Save sends, Escape cancels. */
export function EditForm(p: { message: Message; onSave: (body: string) => Promise<void>; onCancel: () => void }) {
  const [value, setValue] = useState(p.message.body);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const body = value.trim();

  async function save() {
    if (!body || body.length > LIMITS.bodyMax || busy) return;
    setBusy(true);
    setError(null);
    try {
      await p.onSave(body);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }
  function onKeyDown(e: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Escape') p.onCancel();
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    void save();
  }

  return (
    <div class="msg-edit" data-testid="message-edit-form">
      <textarea
        class="msg-edit-input"
        aria-label={t.editLabel}
        value={value}
        maxLength={LIMITS.bodyMax}
        rows={Math.min(6, value.split('\n').length + 1)}
        onInput={(e) => setValue(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        // biome-ignore lint/a11y/noAutofocus: the agent just asked to edit this message
        autoFocus
        data-testid="message-edit-input"
      />
      <div class="msg-edit-actions">
        <button
          type="button"
          class="button"
          disabled={busy || !body}
          onClick={() => void save()}
          data-testid="message-edit-save"
        >
          {t.save}
        </button>
        <button type="button" class="button button-secondary" onClick={p.onCancel}>
          {t.cancel}
        </button>
      </div>
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** " · edited" beside the time; with `load`, a toggle listing the bodies the edits replaced, oldest first. */
export function EditedMark(p: { message: Message; load?: (message: Message) => Promise<MessageRevision[]> }) {
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<MessageRevision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editedAt = p.message.editedAt;
  if (!editedAt) return null;

  async function toggle() {
    setOpen(!open);
    if (open || list || !p.load) return;
    try {
      setList(await p.load(p.message));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <>
      <span class="msg-edited" data-testid="edited" title={fullDateTime(editedAt)}>
        {' · '}
        {t.edited}
      </span>
      {p.load && (
        <>
          {' · '}
          <button type="button" class="link-button" onClick={() => void toggle()} data-testid="message-revisions">
            {open ? t.hideEarlier : t.showEarlier}
          </button>
        </>
      )}
      {open && (
        <section class="msg-revisions" data-testid="message-revisions-list" aria-label={t.earlierTitle}>
          {error && <p class="error-text">{error}</p>}
          {list?.length === 0 && <p>{t.noEarlier}</p>}
          {list?.map((r) => (
            <p key={r.replacedAt} class="msg-revision" data-testid="message-revision">
              <time dateTime={r.createdAt} title={fullDateTime(r.createdAt)}>
                {clockTime(r.createdAt)}
              </time>{' '}
              <span data-testid="revision-body">{r.body}</span>
            </p>
          ))}
        </section>
      )}
    </>
  );
}
