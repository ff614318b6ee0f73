// Small form controls of the settings page: a labelled select, a labelled textarea, an inline error, a copy button.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { settingsStrings as t } from '../../strings-settings';

/** A labelled select over a record of value → label. */
export function SelectField<V extends string>(p: {
  label: string;
  value: V;
  options: Record<V, string>;
  testId: string;
  onChange: (value: V) => void;
  children?: ComponentChildren;
}) {
  return (
    <label class="field">
      <span class="field-label">{p.label}</span>
      <select
        class="select"
        value={p.value}
        data-testid={p.testId}
        onChange={(e) => p.onChange(e.currentTarget.value as V)}
      >
        {(Object.keys(p.options) as V[]).map((v) => (
          <option key={v} value={v}>
            {p.options[v]}
          </option>
        ))}
      </select>
      {p.children}
    </label>
  );
}

/** The server's (or the form's) error, shown under the field it is about. */
export function FieldError({
  error,
  field,
}: {
  error: { message: string; field: string | null } | null;
  field: string;
}) {
  if (!error || error.field !== field) return null;
  return (
    <span class="field-error" data-testid="settings-field-error" data-field={field}>
      {error.message}
    </span>
  );
}

/** Copies text to the clipboard and says so for a moment. */
export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // No clipboard permission (or an insecure origin): the text is selectable anyway.
    }
  }
  return (
    <button type="button" class="button button-secondary button-small" onClick={copy} data-testid={testId}>
      {copied ? t.copied : t.copy}
    </button>
  );
}

/** A titled card section of the settings page. */
export function SettingsCard({ title, hint, children }: { title: string; hint?: string; children: ComponentChildren }) {
  return (
    <section class="card settings-card">
      <h3 class="card-title">{title}</h3>
      {hint && <p class="muted small settings-hint">{hint}</p>}
      {children}
    </section>
  );
}
