// /settings/webhooks (owners and admins): the workspace's webhooks, a notice for any Parley turned off after
// failures, the secret shown once, on/off, a new secret, removal, and each one's delivery log. URLs and
// descriptions were typed by people: text only.
import { useState } from 'preact/hooks';
import type { Agent, Webhook } from '../../../protocol';
import { AdminOnlyNotice } from '../components/AdminOnly';
import { DeliveryLog } from '../components/DeliveryLog';
import { ErrorText } from '../components/ErrorText';
import { WebhookForm } from '../components/WebhookForm';
import { useWebhooks } from '../hooks/useWebhooks';
import { canManageTeam } from '../state/people';
import { failingWebhooks } from '../state/webhooks';
import { strings } from '../strings';
import { webhookStrings as t } from '../strings-webhooks';

/** The Webhooks page; agents get a notice instead (the server answers them 403 anyway). */
export function WebhooksPage({ agent }: { agent: Agent }) {
  if (!canManageTeam(agent.role)) return <AdminOnlyNotice name="webhooks" title={t.title} message={t.forbidden} />;
  return <WebhookList />;
}

function WebhookList() {
  const w = useWebhooks();
  return (
    <main class="page" data-testid="webhooks-page">
      <div class="page-head">
        <h1 class="page-title">{t.title}</h1>
        <p class="muted page-hint">{t.hint}</p>
      </div>
      {failingWebhooks(w.webhooks ?? []).map((h) => (
        <p key={h.id} class="error-text" role="alert" data-testid="webhook-failing">
          {t.failingNotice(h.url)}
        </p>
      ))}
      <ErrorText message={w.forbidden ? t.forbidden : w.error?.message} />
      {w.secret && (
        <section class="card" data-testid="webhook-secret">
          <p>{t.secretOnce}</p>
          <p class="mono">{w.secret.secret}</p>
          <button type="button" class="button button-small" onClick={w.clearSecret}>
            {t.secretDone}
          </button>
        </section>
      )}
      <section class="card">
        {w.webhooks === null ? (
          !w.error && <p class="muted">{strings.loading}</p>
        ) : w.webhooks.length === 0 ? (
          <p class="muted">{t.empty}</p>
        ) : (
          <ul class="webhook-list" data-testid="webhook-list">
            {w.webhooks.map((h) => (
              <WebhookItem key={h.id} hook={h} actions={w} />
            ))}
          </ul>
        )}
        <WebhookForm onAdd={w.create} />
      </section>
    </main>
  );
}

function WebhookItem({ hook: h, actions }: { hook: Webhook; actions: ReturnType<typeof useWebhooks> }) {
  const [log, setLog] = useState(false);
  return (
    <li class="webhook-item" data-testid="webhook-item" data-id={h.id} data-enabled={String(h.enabled)}>
      <p>
        <strong class="mono">{h.url}</strong> <span class="badge">{h.enabled ? t.enabled : t.disabled}</span>
        {h.description && <span class="muted"> — {h.description}</span>}
      </p>
      <p class="muted">{h.events.join(', ')}</p>
      <div class="form-actions">
        <button
          type="button"
          class="button button-small"
          onClick={() => void actions.update(h.id, { enabled: !h.enabled })}
        >
          {h.enabled ? t.turnOff : t.turnOn}
        </button>
        <button type="button" class="button button-small" onClick={() => void actions.rotate(h.id)}>
          {t.rotate}
        </button>
        <button type="button" class="button button-small" onClick={() => setLog(!log)} data-testid="webhook-log-toggle">
          {log ? t.hideLog : t.showLog}
        </button>
        <button
          type="button"
          class="button button-small button-danger"
          onClick={() => confirm(t.confirmRemove(h.url)) && void actions.remove(h.id)}
        >
          {t.remove}
        </button>
      </div>
      {log && <DeliveryLog id={h.id} />}
    </li>
  );
}
