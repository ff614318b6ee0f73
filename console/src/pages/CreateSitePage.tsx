// The first-run step: a workspace without a site has nowhere for the widget to live.
import { useState } from 'preact/hooks';
import { useSubmit } from '../hooks/useSubmit';
import { AuthCard } from '../components/AuthCard';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { parseOrigins } from '../state/sites';
import { strings } from '../strings';

/** The "create your first site" form. */
export function CreateSitePage({
  onCreate,
  onLogout,
}: {
  onCreate: (body: { name: string; allowedOrigins: string[] }) => Promise<void>;
  onLogout: () => void;
}) {
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const { error, busy, submit } = useSubmit(async () => {
    await onCreate({ name, allowedOrigins: parseOrigins(origins) });
  });

  return (
    <AuthCard title={strings.createSiteTitle} subtitle={strings.createSiteHint}>
      <form class="form" onSubmit={submit}>
        <Field
          label={strings.siteName}
          required
          maxLength={100}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          data-testid="site-name"
        />
        <label class="field">
          <span class="field-label">{strings.siteOrigins}</span>
          <textarea
            class="input textarea"
            rows={4}
            value={origins}
            placeholder={strings.siteOriginsPlaceholder}
            onInput={(e) => setOrigins(e.currentTarget.value)}
            data-testid="site-origins"
          />
        </label>
        <ErrorText message={error} />
        <button class="button button-primary" type="submit" disabled={busy} data-testid="site-create">
          {strings.createSite}
        </button>
      </form>
      <p class="auth-switch">
        <button type="button" class="link-button" onClick={onLogout} data-testid="logout">
          {strings.logout}
        </button>
      </p>
    </AuthCard>
  );
}
