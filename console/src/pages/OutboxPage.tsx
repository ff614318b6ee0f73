// /outbox (owners and admins): the mail the local email provider kept, newest first, and the selected one in full.
import { useState } from 'preact/hooks';
import type { Agent } from '../../../protocol';
import { AdminOnlyNotice } from '../components/AdminOnly';
import { ErrorText } from '../components/ErrorText';
import { OutboxPreview } from '../components/OutboxPreview';
import { useNow } from '../hooks/useNow';
import { useOutbox } from '../hooks/useOutbox';
import { selectedEmail } from '../state/outbox';
import { canManageTeam } from '../state/people';
import { strings } from '../strings';
import { devStrings as t } from '../strings-dev';
import { fullDateTime, relativeTime } from '../time';

/** The outbox page; agents get a notice instead (the server answers them 403 anyway). */
export function OutboxPage({ agent }: { agent: Agent }) {
  if (!canManageTeam(agent.role))
    return <AdminOnlyNotice name="outbox" title={t.outboxTitle} message={t.outboxForbidden} />;
  return <OutboxList />;
}

function OutboxList() {
  const { emails, error, forbidden } = useOutbox();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const now = useNow(15_000);
  const selected = selectedEmail(emails ?? [], selectedId);
  return (
    <main class="page outbox-page" data-testid="outbox-page">
      <div class="page-head">
        <h1 class="page-title">{t.outboxTitle}</h1>
        <p class="muted page-hint">{t.outboxHint}</p>
      </div>
      <ErrorText message={forbidden ? t.outboxForbidden : error?.message} />
      <div class="outbox-layout">
        <section class="card outbox-list" aria-label={t.outboxTitle}>
          {emails === null ? (
            !error && <p class="muted">{strings.loading}</p>
          ) : emails.length === 0 ? (
            <p class="muted" data-testid="outbox-empty">
              {t.outboxEmpty}
            </p>
          ) : (
            <ul class="outbox-rows" data-testid="outbox-list" data-count={emails.length}>
              {emails.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    class="outbox-row"
                    aria-current={e.id === selected?.id ? 'true' : undefined}
                    onClick={() => setSelectedId(e.id)}
                    data-testid="outbox-row"
                    data-id={e.id}
                  >
                    <span class="outbox-row-subject">{e.subject || t.noSubject}</span>
                    <span class="outbox-row-meta muted">
                      <span class="outbox-row-to" title={e.to}>
                        {e.to}
                      </span>
                      <time dateTime={e.createdAt} title={fullDateTime(e.createdAt)}>
                        {strings.ago(relativeTime(e.createdAt, now))}
                      </time>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {selected ? (
          <OutboxPreview key={selected.id} email={selected} />
        ) : (
          emails && emails.length > 0 && <p class="card muted outbox-pick">{t.pickEmail}</p>
        )}
      </div>
    </main>
  );
}
