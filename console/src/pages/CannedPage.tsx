// /canned: the canned responses the agent can see (shared and personal), with the create/edit form.
import { useState } from 'preact/hooks';
import type { Agent, CannedResponse } from '../../../protocol';
import { CannedForm } from '../components/CannedForm';
import { ErrorText } from '../components/ErrorText';
import { useCannedList } from '../hooks/useCannedList';
import { useNow } from '../hooks/useNow';
import { sortCanned } from '../state/canned';
import { canManageTeam } from '../state/people';
import { strings } from '../strings';
import { toolStrings as t } from '../strings-tools';
import { fullDateTime, relativeTime } from '../time';

/** Personal responses belong to their owner; shared ones to owners and admins (as the server checks). */
function canEdit(c: CannedResponse, agent: Agent): boolean {
  return c.shared ? canManageTeam(agent.role) : c.ownerId === agent.id;
}

/** The canned responses page. */
export function CannedPage({ agent }: { agent: Agent }) {
  const { list, error } = useCannedList();
  const [editing, setEditing] = useState<CannedResponse | null>(null);
  const now = useNow(30_000);
  const rows = sortCanned(list ?? []);
  return (
    <main class="page" data-testid="canned-page">
      <div class="page-head">
        <h1 class="page-title">{t.cannedTitle}</h1>
        <p class="muted page-hint">{t.cannedHint}</p>
      </div>
      <ErrorText message={error} />
      <CannedForm
        key={editing?.id ?? 'new'}
        editing={editing}
        canShare={canManageTeam(agent.role)}
        onDone={() => setEditing(null)}
      />
      <section class="card">
        {list === null ? (
          <p class="muted">{strings.loading}</p>
        ) : rows.length === 0 ? (
          <p class="muted">{t.cannedEmpty}</p>
        ) : (
          <div class="table-scroll">
            <table class="table">
              <thead>
                <tr>
                  <th>{t.colTitle}</th>
                  <th>{t.colShortcut}</th>
                  <th>{t.colCategory}</th>
                  <th>{t.colScope}</th>
                  <th class="num">{t.colUsage}</th>
                  <th>{t.colLastUsed}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr
                    key={c.id}
                    class={editing?.id === c.id ? 'row-editing' : ''}
                    data-testid="canned-row"
                    data-id={c.id}
                    data-usage={c.usageCount}
                    data-shared={c.shared ? 'true' : 'false'}
                  >
                    <td>
                      <div class="agent-name" data-testid="canned-row-title">
                        {c.title}
                      </div>
                      <div class="muted clamp">{c.content}</div>
                    </td>
                    <td>
                      <code class="shortcut">/{c.shortcut}</code>
                    </td>
                    <td>{c.category || '—'}</td>
                    <td>
                      <span class={`scope scope-${c.shared ? 'shared' : 'personal'}`}>
                        {c.shared ? t.scopeShared : t.scopePersonal}
                      </span>
                    </td>
                    <td class="num" data-testid="canned-usage">
                      {c.usageCount}
                    </td>
                    <td>
                      {c.lastUsedAt ? (
                        <time dateTime={c.lastUsedAt} title={fullDateTime(c.lastUsedAt)}>
                          {strings.ago(relativeTime(c.lastUsedAt, now))}
                        </time>
                      ) : (
                        t.never
                      )}
                    </td>
                    <td class="num">
                      {canEdit(c, agent) && (
                        <button
                          type="button"
                          class="button button-ghost"
                          onClick={() => setEditing(c)}
                          data-testid="canned-edit"
                        >
                          {t.edit}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
