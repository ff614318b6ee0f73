// The create form of the API tokens page: a name, the permissions (scopes) and an expiry. Then the secret, once.
import { useState } from 'preact/hooks';
import type { CreateApiTokenBody } from '../../../protocol';
import { API_SCOPES } from '../../../protocol/scopes';
import { EXPIRY_DAYS, type ExpiryDays, type TokenForm as Form, toggleScope, tokenBody } from '../state/tokens';
import { scopeLabels, tokenStrings as t } from '../strings-tokens';
import { ErrorText } from './ErrorText';
import { CopyButton } from './settings/controls';

const EMPTY: Form = { name: '', scopes: ['conversations:read'], expiryDays: 90 };

/** The form; `onCreate` answers the secret (null when the server refused, its error shown by the page). */
export function TokenForm({ onCreate }: { onCreate: (body: CreateApiTokenBody) => Promise<string | null> }) {
  const [form, setForm] = useState<Form>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const result = tokenBody(form, Date.now());
    if ('error' in result) return setProblem(result.error);
    setProblem(null);
    setBusy(true);
    const created = await onCreate(result.body);
    setBusy(false);
    if (created) {
      setSecret(created);
      setForm(EMPTY);
    }
  }

  if (secret)
    return (
      <section class="card token-secret" data-testid="token-secret-card" aria-live="polite">
        <h3 class="card-title">{t.secretTitle}</h3>
        <p class="muted small">{t.secretHint}</p>
        <div class="form-actions">
          <code class="mono token-secret-value" data-testid="token-secret">
            {secret}
          </code>
          <CopyButton text={secret} testId="token-copy" />
        </div>
        <button type="button" class="button" onClick={() => setSecret(null)} data-testid="token-secret-done">
          {t.done}
        </button>
      </section>
    );

  return (
    <form class="card token-form" aria-label={t.createTitle} onSubmit={submit} data-testid="token-form">
      <h3 class="card-title">{t.createTitle}</h3>
      <label class="field">
        <span class="field-label">{t.name}</span>
        <input
          class="input"
          required
          maxLength={80}
          value={form.name}
          onInput={(e) => setForm({ ...form, name: e.currentTarget.value })}
          data-testid="token-name"
        />
      </label>
      <fieldset class="token-scopes">
        <legend class="field-label">{t.scopes}</legend>
        {API_SCOPES.map((scope) => (
          <label class="check" key={scope}>
            <input
              type="checkbox"
              checked={form.scopes.includes(scope)}
              onChange={(e) =>
                setForm({ ...form, scopes: toggleScope(API_SCOPES, form.scopes, scope, e.currentTarget.checked) })
              }
              data-testid={`token-scope-${scope}`}
            />
            <span class="mono">{scope}</span> <span class="muted small">{scopeLabels[scope]}</span>
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span class="field-label">{t.expiry}</span>
        <select
          class="select"
          value={String(form.expiryDays)}
          onChange={(e) => setForm({ ...form, expiryDays: Number(e.currentTarget.value) as ExpiryDays })}
          data-testid="token-expiry"
        >
          {EXPIRY_DAYS.map((d) => (
            <option key={d} value={String(d)}>
              {t.expiryDays(d)}
            </option>
          ))}
        </select>
      </label>
      <ErrorText message={problem} />
      <button type="submit" class="button button-primary" disabled={busy} data-testid="token-create">
        {t.create}
      </button>
    </form>
  );
}
