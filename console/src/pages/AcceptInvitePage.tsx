// Where an invitation link lands: the invited agent sets a password and is signed in.
import { useState } from 'preact/hooks';
import { useSubmit } from '../hooks/useSubmit';
import { teamApi } from '../api-team';
import { AuthCard } from '../components/AuthCard';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { navigate } from '../router';
import { useSession } from '../session';
import { strings } from '../strings';
import { adminStrings as t } from '../strings-admin';

/** The accept-invite screen; `token` comes from ?token= in the link. */
export function AcceptInvitePage({ token }: { token: string }) {
  const { signIn } = useSession();
  const [password, setPassword] = useState('');
  const {
    error: failure,
    busy,
    submit,
  } = useSubmit(async () => {
    signIn(await teamApi.acceptInvite(token, password));
    // The token must not stay in the address bar or the history.
    navigate('/', { replace: true });
  });
  const error = token ? failure : (failure ?? t.acceptNoToken);

  return (
    <AuthCard title={t.acceptTitle} subtitle={t.acceptSubtitle}>
      <form class="form" onSubmit={submit}>
        <Field
          label={strings.password}
          type="password"
          required
          minLength={8}
          autocomplete="new-password"
          hint={strings.passwordHint}
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          data-testid="accept-password"
        />
        <ErrorText message={error} />
        <button class="button button-primary" type="submit" disabled={busy || !token} data-testid="accept-submit">
          {t.acceptSubmit}
        </button>
      </form>
    </AuthCard>
  );
}
