// One webhook's delivery log (last 7 days, newest first) with "Send again" on every entry.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { WebhookDelivery } from '../../../protocol';
import type { ApiError } from '../api';
import { webhookApi } from '../api-webhooks';
import { strings } from '../strings';
import { webhookStrings as t } from '../strings-webhooks';
import { fullDateTime } from '../time';
import { ErrorText } from './ErrorText';

/** The log of webhook `id`, loaded when shown. */
export function DeliveryLog({ id }: { id: string }) {
  const [rows, setRows] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(async () => {
    try {
      setRows((await webhookApi.deliveries(id)).deliveries);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  }, [id]);
  useEffect(() => void load(), [load]);
  const again = async (deliveryId: string) => {
    try {
      await webhookApi.redeliver(id, deliveryId);
      await load();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{fullDateTime(iso)}</time> : '—');
  if (rows === null) return error ? <ErrorText message={error.message} /> : <p class="muted">{strings.loading}</p>;
  if (!rows.length) return <p class="muted">{t.noDeliveries}</p>;
  return (
    <div class="table-scroll">
      <ErrorText message={error?.message} />
      <table class="table" aria-label={t.showLog} data-testid="webhook-log" data-count={rows.length}>
        <thead>
          <tr>
            <th>{t.colEvent}</th>
            <th>{t.colStatus}</th>
            <th>{t.colAttempts}</th>
            <th>{t.colCode}</th>
            <th>{t.colError}</th>
            <th>{t.colNext}</th>
            <th>{t.colWhen}</th>
            <th>
              <span class="visually-hidden">{t.sendAgain}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} data-testid="webhook-delivery" data-status={d.status}>
              <td>
                <code>{d.type}</code>
              </td>
              <td>{t.statuses[d.status]}</td>
              <td>{String(d.attempts)}</td>
              <td>{d.responseCode ?? '—'}</td>
              <td>{d.lastError ?? '—'}</td>
              <td>{when(d.nextAttemptAt)}</td>
              <td>{when(d.createdAt)}</td>
              <td>
                <button type="button" class="button button-small" onClick={() => void again(d.id)}>
                  {t.sendAgain}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
