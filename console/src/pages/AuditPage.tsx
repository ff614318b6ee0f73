// /audit (owners and admins): who did what, when and from where, newest first, filterable by action.
import { useState } from 'preact/hooks';
import type { Agent, AuditAction, AuditEntry } from '../../../protocol';
import { AdminOnlyNotice } from '../components/AdminOnly';
import { ErrorText } from '../components/ErrorText';
import { useAudit } from '../hooks/useAudit';
import { useNow } from '../hooks/useNow';
import { detailLines } from '../state/audit';
import { canManageTeam } from '../state/people';
import { strings } from '../strings';
import { auditActionLabels, auditStrings as t } from '../strings-audit';
import { fullDateTime, relativeTime } from '../time';

/** The audit page; agents get a notice instead (the server answers them 403 anyway). */
export function AuditPage({ agent }: { agent: Agent }) {
  if (!canManageTeam(agent.role)) return <AdminOnlyNotice name="audit" title={t.title} message={t.forbidden} />;
  return <AuditLog />;
}

function AuditLog() {
  const [action, setAction] = useState<AuditAction | undefined>(undefined);
  const audit = useAudit(action);
  const now = useNow(30_000);
  return (
    <main class="page" data-testid="audit-page">
      <div class="page-head">
        <h1 class="page-title">{t.title}</h1>
        <label class="audit-filter">
          <span class="visually-hidden">{t.filterLabel}</span>
          <select
            class="select"
            value={action ?? ''}
            data-testid="audit-filter"
            aria-label={t.filterLabel}
            onChange={(e) => setAction((e.currentTarget.value || undefined) as AuditAction | undefined)}
          >
            <option value="">{t.allActions}</option>
            {(Object.keys(auditActionLabels) as AuditAction[]).map((a) => (
              <option key={a} value={a}>
                {auditActionLabels[a]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="muted page-hint">{t.hint}</p>
      <ErrorText message={audit.forbidden ? t.forbidden : audit.error?.message} />
      <section class="card table-scroll" aria-label={t.title}>
        {audit.entries === null ? (
          !audit.error && <p class="muted">{strings.loading}</p>
        ) : audit.entries.length === 0 ? (
          <p class="muted" data-testid="audit-empty">
            {t.empty}
          </p>
        ) : (
          <table class="table" data-testid="audit-list" data-count={audit.entries.length}>
            <thead>
              <tr>
                <th>{t.when}</th>
                <th>{t.who}</th>
                <th>{t.action}</th>
                <th>{t.details}</th>
                <th>{t.ip}</th>
              </tr>
            </thead>
            <tbody>
              {audit.entries.map((e) => (
                <AuditRow key={e.id} entry={e} now={now} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {audit.hasMore && (
        <button
          type="button"
          class="button"
          onClick={() => void audit.loadMore()}
          disabled={audit.loading}
          data-testid="audit-more"
        >
          {t.loadMore}
        </button>
      )}
    </main>
  );
}

function AuditRow({ entry, now }: { entry: AuditEntry; now: number }) {
  const who =
    entry.actor.type === 'agent'
      ? (entry.actor.name ?? entry.actor.id)
      : entry.actor.type === 'token'
        ? t.token(entry.actor.name ?? entry.actor.id ?? '')
        : entry.actor.type === 'system'
          ? t.system
          : t.anonymous;
  return (
    <tr data-testid="audit-row" data-action={entry.action}>
      <td>
        <time dateTime={entry.at} title={fullDateTime(entry.at)}>
          {strings.ago(relativeTime(entry.at, now))}
        </time>
      </td>
      <td>{who}</td>
      <td>{auditActionLabels[entry.action] ?? entry.action}</td>
      <td>
        {detailLines(entry).map((line, i) => (
          <div key={i} class="audit-detail">
            {line}
          </div>
        ))}
      </td>
      <td class="muted">{entry.ip ?? '—'}</td>
    </tr>
  );
}
