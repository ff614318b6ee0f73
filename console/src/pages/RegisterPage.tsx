// Create a workspace and its owner account in one step.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { useSubmit } from '../hooks/useSubmit';
import { AuthCard } from '../components/AuthCard';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { onLinkClick } from '../router';
import { useSession } from '../session';
import { strings } from '../strings';

/** The registration screen. */
export function RegisterPage() {
  const { signIn } = useSession();
  const [form, setForm] = useState({ workspace: '', name: '', email: '', password: '' });
  const set = (key: keyof typeof form) => (e: { currentTarget: HTMLInputElement }) => setForm({ ...form, [key]: e.currentTarget.value });
  const { error, busy, submit } = useSubmit(async () => signIn(await api.register(form)));

  return (
    <AuthCard title={strings.registerTitle} subtitle={strings.tagline}>
      <form class="form" onSubmit={submit}>
        <Field label={strings.workspace} required maxLength={100} value={form.workspace} onInput={set('workspace')} data-testid="workspace" />
        <Field label={strings.name} required maxLength={100} autocomplete="name" value={form.name} onInput={set('name')} data-testid="name" />
        <Field label={strings.email} type="email" required autocomplete="email" value={form.email} onInput={set('email')} data-testid="email" />
        <Field label={strings.password} type="password" required minLength={8} autocomplete="new-password" hint={strings.passwordHint}
          value={form.password} onInput={set('password')} data-testid="password" />
        <ErrorText message={error} />
        <button class="button button-primary" type="submit" disabled={busy} data-testid="register-submit">
          {strings.register}
        </button>
      </form>
      <p class="auth-switch">
        {strings.haveAccount}{' '}
        <a href="/login" onClick={(e) => onLinkClick(e, '/login')}>{strings.toLogin}</a>
      </p>
    </AuthCard>
  );
}
