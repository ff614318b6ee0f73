// Create a workspace and its owner account in one step: open to anyone, or, while the server's sign-up is
// invite-only, only through a one-time setup link (/register?setup=<token>).
import { useState } from 'preact/hooks';
import { api } from '../api';
import { localizedAuthError } from '../auth-errors';
import { useSignupMode } from '../hooks/useSignupMode';
import { useSubmit } from '../hooks/useSubmit';
import { AuthCard } from '../components/AuthCard';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { onLinkClick } from '../router';
import { useSession } from '../session';
import { strings } from '../strings';

/** The setup link's token, read once; it leaves the address bar (and the history) at once. */
function takeSetupToken(): string | undefined {
  const token = new URLSearchParams(location.search).get('setup') || undefined;
  if (token) history.replaceState(null, '', location.pathname);
  return token;
}

/** The registration screen. */
export function RegisterPage() {
  const [setup] = useState(takeSetupToken);
  const signup = useSignupMode();
  if (!setup && signup === null)
    return (
      <AuthCard title={strings.registerTitle}>
        <p class="muted">{strings.loading}</p>
      </AuthCard>
    );
  if (!setup && signup === 'invite-only') {
    return (
      <AuthCard title={strings.signupClosedTitle}>
        <p data-testid="signup-closed">{strings.signupClosed}</p>
        <SignInLink />
      </AuthCard>
    );
  }
  return <RegisterForm setup={setup} />;
}

function RegisterForm({ setup }: { setup: string | undefined }) {
  const { signIn } = useSession();
  const [form, setForm] = useState({ workspace: '', name: '', email: '', password: '' });
  const set = (key: keyof typeof form) => (e: { currentTarget: HTMLInputElement }) =>
    setForm({ ...form, [key]: e.currentTarget.value });
  const { error, busy, submit } = useSubmit(async () => {
    signIn(
      await api.register({ ...form, ...(setup ? { setup } : {}) }).catch((e) => {
        throw localizedAuthError(e);
      }),
    );
  });

  return (
    <AuthCard title={strings.registerTitle} subtitle={setup ? strings.setupHint : strings.tagline}>
      <form class="form" onSubmit={submit}>
        <Field
          label={strings.workspace}
          required
          maxLength={100}
          value={form.workspace}
          onInput={set('workspace')}
          data-testid="workspace"
        />
        <Field
          label={strings.name}
          required
          maxLength={100}
          autocomplete="name"
          value={form.name}
          onInput={set('name')}
          data-testid="name"
        />
        <Field
          label={strings.email}
          type="email"
          required
          autocomplete="email"
          value={form.email}
          onInput={set('email')}
          data-testid="email"
        />
        <Field
          label={strings.password}
          type="password"
          required
          minLength={8}
          autocomplete="new-password"
          hint={strings.passwordHint}
          value={form.password}
          onInput={set('password')}
          data-testid="password"
        />
        <ErrorText message={error} />
        <button class="button button-primary" type="submit" disabled={busy} data-testid="register-submit">
          {strings.register}
        </button>
      </form>
      <SignInLink />
    </AuthCard>
  );
}

function SignInLink() {
  return (
    <p class="auth-switch">
      {strings.haveAccount}{' '}
      <a href="/login" onClick={(e) => onLinkClick(e, '/login')}>
        {strings.toLogin}
      </a>
    </p>
  );
}
