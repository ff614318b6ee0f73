// Sign in with email and password.
import { useState } from 'preact/hooks';
import { useSubmit } from '../hooks/useSubmit';
import { api } from '../api';
import { localizedAuthError } from '../auth-errors';
import { useSignupMode } from '../hooks/useSignupMode';
import { AuthCard } from '../components/AuthCard';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { onLinkClick } from '../router';
import { useSession } from '../session';
import { strings } from '../strings';

/** The login screen. */
export function LoginPage() {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // A locked account (429 account_locked) is explained with how long it lasts.
  const { error, busy, submit } = useSubmit(async () => {
    signIn(
      await api.login({ email, password }).catch((e) => {
        throw localizedAuthError(e);
      }),
    );
  });
  // Where sign-up is invite-only, nobody can use a "create a workspace" link.
  const signup = useSignupMode();

  return (
    <AuthCard title={strings.loginTitle} subtitle={strings.tagline}>
      <form class="form" onSubmit={submit}>
        <Field
          label={strings.email}
          type="email"
          autocomplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
          data-testid="email"
        />
        <Field
          label={strings.password}
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          data-testid="password"
        />
        <ErrorText message={error} />
        <button class="button button-primary" type="submit" disabled={busy} data-testid="login-submit">
          {strings.login}
        </button>
      </form>
      {signup === 'open' && (
        <p class="auth-switch">
          {strings.noAccount}{' '}
          <a href="/register" onClick={(e) => onLinkClick(e, '/register')}>
            {strings.toRegister}
          </a>
        </p>
      )}
    </AuthCard>
  );
}
