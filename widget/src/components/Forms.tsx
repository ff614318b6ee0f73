// The pre-chat form (name, email) and the offline "leave a message" form; validated here and by the server.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Chat } from '../chat';
import { startConversation } from '../features';
import { validEmail } from '../files';
import { t } from '../i18n';

type Errors = Record<string, string | undefined>;

/** A labelled input (or textarea) with its error message tied by aria-describedby. */
function Field(p: { id: string; label: string; required?: boolean; type?: string; area?: boolean; error?: string; auto?: string }) {
  const Tag = p.area ? 'textarea' : 'input';
  return (
    <label class="p-field">
      <span>
        {p.label} {!p.required && <small>{t.optional}</small>}
      </span>
      <Tag
        name={p.id}
        data-parley={p.id}
        type={p.type}
        rows={p.area ? 3 : undefined}
        autoComplete={p.auto}
        aria-required={p.required ? 'true' : undefined}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? p.id + '-err' : undefined}
      />
      {p.error && (
        <em id={p.id + '-err'} class="p-err">
          {p.error}
        </em>
      )}
    </label>
  );
}

/** Validates and submits a form's fields; `rules` says which are required and which hold an email. */
function useForm(chat: Chat, rules: Record<string, 'req' | 'opt' | 'email' | 'email?'>, toBody: (f: Record<string, string>) => object) {
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: JSX.TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const values: Record<string, string> = {};
    const errs: Errors = {};
    for (const [k, rule] of Object.entries(rules)) {
      const v = (values[k] = ((form.elements.namedItem(k) as HTMLInputElement).value || '').trim());
      if (!v && !rule.endsWith('?') && rule !== 'opt') errs[k] = t.needed;
      else if (v && rule.startsWith('email') && !validEmail(v)) errs[k] = t.badEmail;
    }
    setErrors(errs);
    const bad = Object.keys(errs)[0];
    if (bad) return form.querySelector<HTMLElement>(`[name="${bad}"]`)?.focus();
    setBusy(true);
    if (!(await startConversation(chat, toBody(values)))) setBusy(false);
  };
  return { errors, busy, onSubmit };
}

const opt = (s: string) => s || undefined;

/** Name and email before the first message (required or optional per settings). */
export function PreChat({ chat, required }: { chat: Chat; required: boolean }) {
  const f = useForm(chat, { 'prechat-name': required ? 'req' : 'opt', 'prechat-email': required ? 'email' : 'email?' }, (v) => ({
    name: opt(v['prechat-name']),
    email: opt(v['prechat-email']),
  }));
  return (
    <form class="p-form" data-parley="prechat" noValidate onSubmit={f.onSubmit}>
      <p>{t.prechat}</p>
      <Field id="prechat-name" label={t.name} required={required} auto="name" error={f.errors['prechat-name']} />
      <Field id="prechat-email" label={t.email} type="email" required={required} auto="email" error={f.errors['prechat-email']} />
      <button type="submit" class="p-primary" data-parley="prechat-submit" disabled={f.busy}>
        {t.start}
      </button>
    </form>
  );
}

/** With nobody to answer: email (required), message (required), name (optional); creates a waiting conversation. */
export function OfflineForm({ chat }: { chat: Chat }) {
  const f = useForm(chat, { 'offline-name': 'opt', 'offline-email': 'email', 'offline-message': 'req' }, (v) => ({
    name: opt(v['offline-name']),
    email: v['offline-email'],
    message: v['offline-message'],
  }));
  return (
    <form class="p-form" data-parley="offline-form" noValidate onSubmit={f.onSubmit}>
      <p>{t.away}</p>
      <Field id="offline-name" label={t.name} auto="name" error={f.errors['offline-name']} />
      <Field id="offline-email" label={t.email} type="email" required auto="email" error={f.errors['offline-email']} />
      <Field id="offline-message" label={t.message} required area error={f.errors['offline-message']} />
      <button type="submit" class="p-primary" data-parley="offline-submit" disabled={f.busy}>
        {t.leave}
      </button>
    </form>
  );
}
