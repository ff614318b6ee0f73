import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../audit/record';
import { type AgentEnv, requireAgent, requireScope } from '../auth/middleware';
import { getDb } from '../db/client';
import { apiError, errors } from '../lib/errors';
import { validate } from '../lib/validate';
import { describer } from '../openapi/describe';
import {
  CreateWebhookBody,
  DeliveriesQuery,
  UpdateWebhookBody,
  Webhook,
  WebhookDelivery,
  WEBHOOKS_PER_WORKSPACE,
} from '../../../protocol';
import {
  createWebhook,
  deleteWebhook,
  findWebhook,
  listWebhooks,
  rotateSecret,
  toWebhook,
  updateWebhook,
} from './queries';
import { checkWebhookUrl } from './url';

/** The URL as stored, or 400 invalid_url. */
function urlOf(env: Env, raw: string) {
  const checked = checkWebhookUrl(raw, env.WEBHOOK_ALLOW_LOCAL === '1');
  if ('error' in checked) throw errors.badRequest(checked.error, 'invalid_url');
  return checked.url;
}

/** The workspace's webhook named in the path, or 404 (another workspace's too). */
async function webhookOf(c: { env: Env; var: { agent: { workspaceId: string } }; req: { param(k: 'id'): string } }) {
  const row = await findWebhook(getDb(c.env.DB), c.var.agent.workspaceId, c.req.param('id'));
  if (!row) throw errors.notFound('Webhook');
  return row;
}

const doc = describer('Webhooks');
/** Any bad `url` (missing, not text, empty, over-long) is 400 invalid_url; the other fields' are bad_request. */
const URL_CODE = { url: 'invalid_url' } as const;
const one = z.object({ webhook: Webhook });
/** Every webhook route: owners and admins signed in, or an API token with settings:manage. */
const manage = () => requireScope('settings:manage');

/** Webhooks of the caller's workspace, for owners and admins: /api/webhooks (docs/integrations.md "Webhooks"). */
export const webhookRoutes = new Hono<AgentEnv>()
  .use(requireAgent())
  .get(
    '/',
    doc({ summary: "The workspace's webhooks", auth: 'admin', ok: [200, z.object({ webhooks: z.array(Webhook) })] }),
    manage(),
    async (c) => {
      const rows = await listWebhooks(getDb(c.env.DB), c.var.agent.workspaceId);
      return c.json({ webhooks: rows.map(toWebhook) }, 200);
    },
  )
  .post(
    '/',
    doc({
      summary: 'Add a webhook; its signing secret is in this answer (400 invalid_url, 409 webhook_limit)',
      auth: 'admin',
      ok: [201, z.object({ webhook: Webhook, secret: z.string() })],
    }),
    manage(),
    validate('json', CreateWebhookBody, URL_CODE),
    async (c) => {
      const db = getDb(c.env.DB);
      const body = c.req.valid('json');
      const url = urlOf(c.env, body.url);
      const row = await createWebhook(
        db,
        c.var.agent.workspaceId,
        { ...body, url },
        c.var.agent.id,
        WEBHOOKS_PER_WORKSPACE,
      );
      if (!row) throw apiError('webhook_limit', `A workspace has at most ${WEBHOOKS_PER_WORKSPACE} webhooks`);
      await audit(c, {
        action: 'webhook.create',
        target: { type: 'webhook', id: row.id },
        detail: { url: row.url, events: row.events, includeNotes: row.includeNotes },
      });
      // The secret is shown here and after a rotation, never again.
      return c.json({ webhook: toWebhook(row), secret: row.secret }, 201);
    },
  )
  .get('/:id', doc({ summary: 'One webhook', auth: 'admin', ok: [200, one] }), manage(), async (c) =>
    c.json({ webhook: toWebhook(await webhookOf(c)) }, 200),
  )
  .patch(
    '/:id',
    doc({
      summary: 'Change a webhook: URL, events, notes, on or off (400 invalid_url)',
      auth: 'admin',
      ok: [200, one],
    }),
    manage(),
    validate('json', UpdateWebhookBody, URL_CODE),
    async (c) => {
      const before = await webhookOf(c);
      const body = c.req.valid('json');
      const url = body.url === undefined ? undefined : urlOf(c.env, body.url);
      const row = await updateWebhook(getDb(c.env.DB), before.id, { ...body, url });
      await audit(c, {
        action: 'webhook.update',
        target: { type: 'webhook', id: row.id },
        detail: { ...body, ...(url ? { url } : {}) },
      });
      // Back on: what waited while it was off is attempted now.
      if (row.enabled && !before.enabled) await c.env.WEBHOOKS.getByName(row.id).resume();
      return c.json({ webhook: toWebhook(row) }, 200);
    },
  )
  .delete(
    '/:id',
    doc({ summary: 'Remove a webhook and its delivery log', auth: 'admin', ok: [204, null] }),
    manage(),
    async (c) => {
      const row = await webhookOf(c);
      await deleteWebhook(getDb(c.env.DB), row.id);
      await c.env.WEBHOOKS.getByName(row.id).forget();
      await audit(c, { action: 'webhook.delete', target: { type: 'webhook', id: row.id }, detail: { url: row.url } });
      return c.body(null, 204);
    },
  )
  .post(
    '/:id/rotate-secret',
    doc({
      summary: 'A new signing secret, in this answer only (the old one stops at once)',
      auth: 'admin',
      ok: [200, z.object({ secret: z.string() })],
    }),
    manage(),
    async (c) => {
      const row = await webhookOf(c);
      const secret = await rotateSecret(getDb(c.env.DB), row.id);
      await audit(c, { action: 'webhook.secret_rotate', target: { type: 'webhook', id: row.id } });
      return c.json({ secret }, 200);
    },
  )
  .get(
    '/:id/deliveries',
    doc({
      summary: 'The delivery log, newest first (status, limit)',
      auth: 'admin',
      ok: [200, z.object({ deliveries: z.array(WebhookDelivery) })],
    }),
    manage(),
    validate('query', DeliveriesQuery),
    async (c) => {
      const row = await webhookOf(c);
      const { status, limit } = c.req.valid('query');
      const deliveries = await c.env.WEBHOOKS.getByName(row.id).deliveries(limit ?? 50, status);
      return c.json({ deliveries }, 200);
    },
  )
  .post(
    '/:id/deliveries/:deliveryId/redeliver',
    doc({
      summary: 'Send a delivery again (same id: receivers stay idempotent)',
      auth: 'admin',
      ok: [202, z.object({ delivery: WebhookDelivery })],
    }),
    manage(),
    async (c) => {
      const row = await webhookOf(c);
      const delivery = await c.env.WEBHOOKS.getByName(row.id).redeliver(c.req.param('deliveryId'));
      if (!delivery) throw errors.notFound('Delivery');
      return c.json({ delivery }, 202);
    },
  );
