// /blocked (owners and admins): the site's block list with drop counts, lifting, and adding an IP or email block.
// Values and reasons were typed by people (or visitors): text only.
import { useState } from 'preact/hooks';
import type { Agent, Block, BlockKind, Site } from '../../../protocol';
import { AdminOnlyNotice } from '../components/AdminOnly';
import { ErrorText } from '../components/ErrorText';
import { useBlocks } from '../hooks/useBlocks';
import { useNow } from '../hooks/useNow';
import { canManageTeam } from '../state/people';
import { strings } from '../strings';
import { blockStrings as t } from '../strings-blocks';
import { fullDateTime, relativeTime } from '../time';

/** The Blocked page; agents get a notice instead (the server answers them 403 anyway). */
export function BlockedPage({ agent, site }: { agent: Agent; site: Site }) {
  if (!canManageTeam(agent.role))
    return <AdminOnlyNotice name="blocked" title={t.blockedTitle} message={t.forbidden} />;
  return <BlockList site={site} />;
}

function BlockList({ site }: { site: Site }) {
  const { blocks, error, forbidden, lift, add } = useBlocks(site.id);
  const now = useNow(30_000);
  return (
    <main class="page" data-testid="blocked-page">
      <div class="page-head">
        <h1 class="page-title">{t.blockedTitle}</h1>
        <p class="muted page-hint">{t.blockedHint}</p>
      </div>
      <ErrorText message={forbidden ? t.forbidden : error?.message} />
      <section class="card">
        {blocks === null ? (
          !error && <p class="muted">{strings.loading}</p>
        ) : blocks.length === 0 ? (
          <p class="muted" data-testid="blocked-empty">
            {t.empty}
          </p>
        ) : (
          <div class="table-scroll">
            <table class="table" aria-label={t.blockedTitle} data-testid="blocked-list" data-count={blocks.length}>
              <thead>
                <tr>
                  <th>{t.colKind}</th>
                  <th>{t.colValue}</th>
                  <th>{t.colReason}</th>
                  <th>{t.colBy}</th>
                  <th>{t.colWhen}</th>
                  <th>{t.colDrops}</th>
                  <th>{t.colLastDrop}</th>
                  <th>
                    <span class="visually-hidden">{t.lift}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {blocks.map((b) => (
                  <BlockRow key={b.id} block={b} now={now} onLift={() => void lift(b.id)} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <AddBlock onAdd={add} />
      </section>
    </main>
  );
}

function BlockRow({ block: b, now, onLift }: { block: Block; now: number; onLift: () => void }) {
  const when = (iso: string | null) =>
    iso ? (
      <time dateTime={iso} title={fullDateTime(iso)}>
        {strings.ago(relativeTime(iso, now))}
      </time>
    ) : (
      t.never
    );
  return (
    <tr aria-label={t.rowLabel(t.kinds[b.kind], b.value)} data-testid="blocked-row" data-id={b.id} data-kind={b.kind}>
      <td>{t.kinds[b.kind]}</td>
      <td class="mono" data-testid="blocked-value">
        {b.value}
      </td>
      <td data-testid="blocked-reason">{b.reason || '—'}</td>
      <td>{b.createdBy.name ?? '—'}</td>
      <td>{when(b.createdAt)}</td>
      <td data-testid="blocked-drops">{String(b.drops)}</td>
      <td>{when(b.lastDropAt)}</td>
      <td>
        <button
          type="button"
          class="button button-small button-danger"
          aria-label={t.liftLabel(b.value)}
          onClick={onLift}
          data-testid="blocked-lift"
        >
          {t.lift}
        </button>
      </td>
    </tr>
  );
}

/** Block an IP (or range) or an email directly, e.g. a spam wave from one network. */
function AddBlock({ onAdd }: { onAdd: (b: { kind: BlockKind; value: string; reason?: string }) => Promise<boolean> }) {
  const [kind, setKind] = useState<'ip' | 'email'>('ip');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  async function submit(event: Event) {
    event.preventDefault();
    if (await onAdd({ kind, value, ...(reason.trim() ? { reason } : {}) })) {
      setValue('');
      setReason('');
    }
  }
  return (
    <form class="block-add" aria-label={t.addTitle} onSubmit={submit} data-testid="block-add">
      <h3 class="card-title">{t.addTitle}</h3>
      <div class="form-actions">
        <label class="field">
          <span class="field-label">{t.addKind}</span>
          <select
            class="select"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as 'ip' | 'email')}
            data-testid="block-add-kind"
          >
            <option value="ip">{t.kinds.ip}</option>
            <option value="email">{t.kinds.email}</option>
          </select>
        </label>
        <label class="field">
          <span class="field-label">{t.addValue}</span>
          <input
            class="input"
            required
            maxLength={320}
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
            data-testid="block-add-value"
          />
        </label>
        <label class="field">
          <span class="field-label">{t.reason}</span>
          <input
            class="input"
            maxLength={500}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
            data-testid="block-add-reason"
          />
        </label>
        <button type="submit" class="button button-primary" data-testid="block-add-submit">
          {t.addSubmit}
        </button>
      </div>
    </form>
  );
}
