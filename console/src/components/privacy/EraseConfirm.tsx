// The typed confirmation of an erasure: the button works only once the visitor's id is typed exactly.
import { useState } from 'preact/hooks';
import { privacyStrings as t } from '../../strings-privacy';
import { Field } from '../Field';

/** Warns, asks for the id, then calls `onErase` with what was typed (the server checks it again). */
export function EraseConfirm(p: { id: string; onErase: (confirm: string) => Promise<void>; onCancel: () => void }) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    await p.onErase(typed);
    setBusy(false);
  }
  return (
    <form class="privacy-erase" aria-label={t.eraseTitle} onSubmit={submit} data-testid="privacy-erase-form">
      <strong>{t.eraseTitle}</strong>
      <p class="muted">{t.eraseWarning}</p>
      <Field
        label={t.eraseConfirmLabel(p.id)}
        value={typed}
        onInput={(e) => setTyped(e.currentTarget.value)}
        autoComplete="off"
        data-testid="privacy-erase-input"
      />
      <div class="form-actions">
        <button
          type="submit"
          class="button button-danger"
          disabled={busy || typed !== p.id}
          data-testid="privacy-erase-confirm"
        >
          {t.eraseConfirm}
        </button>
        <button type="button" class="button" onClick={p.onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
