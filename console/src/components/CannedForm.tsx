// Create or edit one canned response; delete from here too when editing. Shared needs owner/admin,
// so the switch is disabled for agents (the server refuses with 403 anyway).
import { useState } from 'preact/hooks';
import type { CannedResponse } from '../../../protocol';
import type { ApiError } from '../api';
import { cannedApi, type CannedInput } from '../api-tools';
import { dropCanned, putCanned } from '../hooks/useCannedList';
import { toolStrings as t } from '../strings-tools';
import { ErrorText } from './ErrorText';
import { Field } from './Field';

/** Props of CannedForm: `editing` null means a new response. */
export type CannedFormProps = { editing: CannedResponse | null; canShare: boolean; onDone: () => void };

const blank: CannedInput = { title: '', content: '', shortcut: '', category: '', shared: false };

/** The form; mount with key={editing?.id} so it starts from the edited response. */
export function CannedForm({ editing, canShare, onDone }: CannedFormProps) {
  const [form, setForm] = useState<CannedInput>(() => (editing ? { ...editing } : blank));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (changes: Partial<CannedInput>) => setForm({ ...form, ...changes });

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      if (!editing) setForm(blank);
      onDone();
    } catch (e) {
      const err = e as ApiError;
      setError(err.code === 'shortcut_taken' ? t.shortcutTaken : err.message);
    } finally {
      setBusy(false);
    }
  }

  const submit = (event: Event) => {
    event.preventDefault();
    const body = { ...form, shortcut: form.shortcut.replace(/^\//, '').trim().toLowerCase() };
    void run(async () =>
      putCanned((editing ? await cannedApi.update(editing.id, body) : await cannedApi.create(body)).cannedResponse),
    );
  };
  const remove = () => {
    if (!editing || !confirm(t.confirmDelete(editing.title))) return;
    void run(async () => {
      await cannedApi.remove(editing.id);
      dropCanned(editing.id);
    });
  };

  return (
    <form class="card form tool-form" onSubmit={submit} data-testid="canned-form" data-editing={editing?.id ?? ''}>
      <h3 class="card-title">{editing ? t.cannedEdit : t.cannedNew}</h3>
      <div class="tool-form-grid">
        <Field
          label={t.fieldTitle}
          required
          maxLength={100}
          value={form.title}
          onInput={(e) => set({ title: e.currentTarget.value })}
          data-testid="canned-title"
        />
        <Field
          label={t.fieldShortcut}
          hint={t.shortcutHint}
          required
          maxLength={41}
          pattern="/?[A-Za-z0-9][A-Za-z0-9_\-]{0,39}"
          value={form.shortcut}
          onInput={(e) => set({ shortcut: e.currentTarget.value })}
          data-testid="canned-shortcut"
        />
        <Field
          label={t.fieldCategory}
          maxLength={50}
          value={form.category}
          onInput={(e) => set({ category: e.currentTarget.value })}
          data-testid="canned-category"
        />
      </div>
      <label class="field">
        <span class="field-label">{t.fieldContent}</span>
        <textarea
          class="input textarea"
          required
          maxLength={4000}
          value={form.content}
          onInput={(e) => set({ content: e.currentTarget.value })}
          data-testid="canned-content"
        />
      </label>
      <label class="check" title={canShare ? undefined : t.sharedAdminOnly}>
        <input
          type="checkbox"
          checked={form.shared}
          disabled={!canShare}
          onChange={(e) => set({ shared: e.currentTarget.checked })}
          data-testid="canned-shared"
        />
        {t.shared}
        {!canShare && <span class="muted"> · {t.sharedAdminOnly}</span>}
      </label>
      <ErrorText message={error} />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy} data-testid="canned-save">
          {editing ? t.save : t.create}
        </button>
        {editing && (
          <button type="button" class="button button-secondary" disabled={busy} onClick={onDone}>
            {t.cancel}
          </button>
        )}
        <span class="form-actions-spacer" />
        {editing && (
          <button
            type="button"
            class="button button-danger"
            disabled={busy}
            onClick={remove}
            data-testid="canned-delete"
          >
            {t.delete}
          </button>
        )}
      </div>
    </form>
  );
}
