import { recordAudit } from '../audit/record';
import { getDb } from '../db/client';
import { publicBase } from '../email/links';
import { emailProvider } from '../email/providers';
import { adminsToTell } from './queries';
import { DISABLE_AFTER_MS } from './policy';
import { escapeHtml } from '../lib/html';

/**
 * The notice of a webhook Parley turned off: an audit entry (by the system), and one email to each owner and
 * admin (the console's webhooks page shows it too, from the webhook's `disabledReason`). Sent once per disabling.
 */
export async function tellAdminsDisabled(env: Env, hook: { id: string; url: string; workspaceId: string }) {
  await recordAudit(env, hook.workspaceId, { type: 'system', id: null, name: null }, null, {
    action: 'webhook.disable',
    target: { type: 'webhook', id: hook.id },
    detail: { url: hook.url, reason: 'failing' },
  });
  const days = DISABLE_AFTER_MS / 86_400_000;
  const link = `${publicBase(env)}/settings/webhooks`;
  const subject = 'A webhook was turned off';
  const text = `Every delivery to ${hook.url} has failed for ${days} days, so Parley turned this webhook off.\n\nDeliveries that were waiting are kept. Fix the receiver, then turn the webhook back on: ${link}`;
  const html = `<!doctype html><html><body style="font:15px/1.5 system-ui,sans-serif;color:#1f2937;max-width:36rem">
<p>Every delivery to <strong>${escapeHtml(hook.url)}</strong> has failed for ${days} days, so Parley turned this webhook off.</p>
<p>Deliveries that were waiting are kept. Fix the receiver, then <a href="${escapeHtml(link)}" style="color:#4338ca">turn the webhook back on</a>.</p></body></html>`;
  const provider = emailProvider(env);
  const admins = await adminsToTell(getDb(env.DB), hook.workspaceId);
  await Promise.all(
    admins.map((a) =>
      provider.send({
        workspaceId: hook.workspaceId,
        to: a.email,
        from: env.EMAIL_FROM,
        subject,
        text,
        html,
        idempotencyKey: `webhook-disabled/${hook.id}/${a.id}/${Math.floor(Date.now() / 86_400_000)}`,
      }),
    ),
  );
}
