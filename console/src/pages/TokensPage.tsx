// /settings/tokens (owners and admins): the workspace's API tokens; create one (its secret shown once), revoke.
import type { Agent, ApiToken } from '../../../protocol';
import { AdminOnlyNotice } from '../components/AdminOnly';
import { ErrorText } from '../components/ErrorText';
import { TokenForm } from '../components/TokenForm';
import { useApiTokens } from '../hooks/useApiTokens';
import { useNow } from '../hooks/useNow';
import { canManageTeam } from '../state/people';
import { strings } from '../strings';
import { tokenStrings as t } from '../strings-tokens';
import { fullDateTime, relativeTime } from '../time';

/** The API tokens page; agents get a notice instead (the server answers them 403 anyway). */
export function TokensPage({ agent }: { agent: Agent }) {
  if (!canManageTeam(agent.role)) return <AdminOnlyNotice name="tokens" title={t.title} message={t.forbidden} />;
  return <TokenList />;
}

function TokenList() {
  const { tokens, error, forbidden, create, revoke } = useApiTokens();
  const now = useNow(30_000);
  return (
    <main class="page" data-testid="tokens-page">
      <div class="page-head">
        <h1 class="page-title">{t.title}</h1>
        <p class="muted page-hint">{t.hint}</p>
      </div>
      <ErrorText message={forbidden ? t.forbidden : error?.message} />
      <TokenForm onCreate={create} />
      <section class="card table-scroll" aria-label={t.title}>
        {tokens === null ? (
          !error && <p class="muted">{strings.loading}</p>
        ) : tokens.length === 0 ? (
          <p class="muted" data-testid="tokens-empty">
            {t.empty}
          </p>
        ) : (
          <table class="table" data-testid="tokens-list" data-count={tokens.length}>
            <thead>
              <tr>
                <th>{t.colName}</th>
                <th>{t.colScopes}</th>
                <th>{t.colToken}</th>
                <th>{t.colBy}</th>
                <th>{t.colCreated}</th>
                <th>{t.colExpires}</th>
                <th>{t.colUsed}</th>
                <th>
                  <span class="visually-hidden">{t.revoke}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <TokenRow key={token.id} token={token} now={now} onRevoke={() => void revoke(token.id)} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}

function TokenRow({ token: k, now, onRevoke }: { token: ApiToken; now: number; onRevoke: () => void }) {
  const when = (iso: string | null) =>
    iso ? (
      <time dateTime={iso} title={fullDateTime(iso)}>
        {new Date(iso).getTime() > now ? fullDateTime(iso) : strings.ago(relativeTime(iso, now))}
      </time>
    ) : (
      t.never
    );
  return (
    <tr data-testid="token-row" data-id={k.id} data-state={k.state}>
      <td>
        {k.name}
        {k.state !== 'active' && <div class="muted small">{t.states[k.state]}</div>}
      </td>
      <td class="mono small">{k.scopes.join(' ')}</td>
      <td class="mono">{k.hint}</td>
      <td>{k.createdBy.name}</td>
      <td>{when(k.createdAt)}</td>
      <td>{when(k.expiresAt)}</td>
      <td>{when(k.lastUsedAt)}</td>
      <td>
        {k.state !== 'revoked' && (
          <button
            type="button"
            class="button button-small button-danger"
            aria-label={t.revokeLabel(k.name)}
            onClick={() => window.confirm(t.confirmRevoke(k.name)) && onRevoke()}
            data-testid="token-revoke"
          >
            {t.revoke}
          </button>
        )}
      </td>
    </tr>
  );
}
