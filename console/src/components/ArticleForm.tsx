// Create or edit a knowledge-base article, with the Markdown rendered live beside the source.
// Agents who may not write (not owner/admin) get the same view read-only.
import { useState } from 'preact/hooks';
import type { Article } from '../../../protocol';
import type { ApiError } from '../api';
import { articleApi, type ArticleInput } from '../api-tools';
import { parseTags, renderMarkdown } from '../state/kb';
import { toolStrings as t } from '../strings-tools';
import { ErrorText } from './ErrorText';
import { Field } from './Field';

/** Props of ArticleForm: `editing` null means a new article. */
export type ArticleFormProps = { editing: Article | null; editable: boolean; onDone: (changed: boolean) => void };

/** The form; mount with key={editing?.id} so it starts from the edited article. */
export function ArticleForm({ editing, editable, onDone }: ArticleFormProps) {
  const [form, setForm] = useState(() => ({
    title: editing?.title ?? '',
    content: editing?.content ?? '',
    category: editing?.category ?? '',
    tags: editing?.tags.join(', ') ?? '',
    active: editing?.active ?? true,
  }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (changes: Partial<typeof form>) => setForm({ ...form, ...changes });

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      onDone(true);
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  const submit = (event: Event) => {
    event.preventDefault();
    const body: ArticleInput = { ...form, tags: parseTags(form.tags) };
    void run(() => (editing ? articleApi.update(editing.id, body) : articleApi.create(body)));
  };
  const remove = () => {
    if (editing && confirm(t.confirmDelete(editing.title))) void run(() => articleApi.remove(editing.id));
  };

  return (
    <form class="card form tool-form" onSubmit={submit} data-testid="article-form" data-editing={editing?.id ?? ''}>
      <h3 class="card-title">{editing ? (editable ? t.kbEdit : editing.title) : t.kbNew}</h3>
      <fieldset class="bare" disabled={!editable}>
        <div class="tool-form-grid">
          <Field
            label={t.fieldTitle}
            required
            maxLength={200}
            value={form.title}
            onInput={(e) => set({ title: e.currentTarget.value })}
            data-testid="article-title"
          />
          <Field
            label={t.fieldCategory}
            maxLength={50}
            value={form.category}
            onInput={(e) => set({ category: e.currentTarget.value })}
            data-testid="article-category"
          />
          <Field
            label={t.fieldTags}
            value={form.tags}
            onInput={(e) => set({ tags: e.currentTarget.value })}
            data-testid="article-tags"
          />
        </div>
        <div class="md-editor">
          <label class="field">
            <span class="field-label">{t.fieldMarkdown}</span>
            <textarea
              class="input textarea md-source"
              maxLength={50_000}
              value={form.content}
              onInput={(e) => set({ content: e.currentTarget.value })}
              data-testid="article-content"
            />
          </label>
          <div class="field">
            <span class="field-label">{t.preview}</span>
            {/* markdown-it with html:false: raw HTML in the source comes out escaped, links get rel=noopener. */}
            <div
              class="md-preview markdown"
              data-testid="article-preview"
              dangerouslySetInnerHTML={{ __html: renderMarkdown(form.content) }}
            />
          </div>
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={form.active}
            onChange={(e) => set({ active: e.currentTarget.checked })}
            data-testid="article-active"
          />
          {t.fieldActive}
        </label>
      </fieldset>
      <ErrorText message={error} />
      <div class="form-actions">
        {editable && (
          <button type="submit" class="button button-primary" disabled={busy} data-testid="article-save">
            {editing ? t.save : t.create}
          </button>
        )}
        {editing && (
          <button type="button" class="button button-secondary" disabled={busy} onClick={() => onDone(false)}>
            {t.cancel}
          </button>
        )}
        <span class="form-actions-spacer" />
        {editing && editable && (
          <button
            type="button"
            class="button button-danger"
            disabled={busy}
            onClick={remove}
            data-testid="article-delete"
          >
            {t.delete}
          </button>
        )}
      </div>
    </form>
  );
}
