import { Hono } from 'hono';
import { type AgentEnv, agentsOnly, requireAgent, requireScope } from '../auth/middleware';
import { auditSiteChanges } from './audit-changes';
import { audit } from '../audit/record';
import { listInbox } from '../conversations/inbox';
import { getDb } from '../db/client';
import { errors } from '../lib/errors';
import { validate } from '../lib/validate';
import { z } from 'zod';
import { describer } from '../openapi/describe';
import { Conversation, CreateSiteBody, InboxQuery, Site, Stats, StatsQuery, UpdateSiteBody } from '../../../protocol';
import { forwardToDurableObject } from '../realtime/upgrade';
import { createSite, findWorkspaceSite, listSites, rotateIdentitySecret, toSite, updateSite } from './queries';
import { turnstileConfigured } from '../widget/turnstile';
import { siteStats } from './stats';

const doc = describer('Sites');
const one = z.object({ site: Site });

/** Sites of the agent's workspace, their inbox and their live socket. */
export const siteRoutes = new Hono<AgentEnv>()
  .use(requireAgent())
  .get(
    '/',
    doc({ summary: "The workspace's sites", auth: 'agent', ok: [200, z.object({ sites: z.array(Site) })] }),
    requireScope('conversations:read'),
    async (c) => {
      const rows = await listSites(getDb(c.env.DB), c.var.agent.workspaceId);
      return c.json({ sites: rows.map(toSite) }, 200);
    },
  )
  .post(
    '/',
    doc({ summary: 'Create a site', auth: 'admin', ok: [201, one] }),
    requireScope('settings:manage'),
    validate('json', CreateSiteBody),
    async (c) => {
      const site = await createSite(getDb(c.env.DB), c.var.agent.workspaceId, c.req.valid('json'));
      await audit(c, {
        action: 'site.create',
        target: { type: 'site', id: site.id },
        detail: { name: site.name, allowedOrigins: site.allowedOrigins },
      });
      return c.json({ site: toSite(site) }, 201);
    },
  )
  .patch(
    '/:id',
    doc({
      summary: "Change a site's name, origins or widget settings (409 turnstile_not_configured)",
      auth: 'admin',
      ok: [200, one],
    }),
    requireScope('settings:manage'),
    validate('json', UpdateSiteBody),
    async (c) => {
      const db = getDb(c.env.DB);
      const site = await findWorkspaceSite(db, c.var.agent.workspaceId, c.req.param('id'));
      if (!site) throw errors.notFound('Site');
      const body = c.req.valid('json');
      // Turning Turnstile on without the deployment's keys would lock every new visitor out.
      if (body.settings?.turnstile === 'on' && !turnstileConfigured(c.env)) {
        throw errors.conflict(
          'turnstile_not_configured',
          'settings.turnstile: this deployment has no Turnstile keys (the TURNSTILE_SITE_KEY var and the TURNSTILE_SECRET_KEY secret of the Worker)',
        );
      }
      const updated = await updateSite(db, site, body);
      await auditSiteChanges(c, site, updated);
      return c.json({ site: toSite(updated) }, 200);
    },
  )
  .get(
    '/:id/identity-secret',
    doc({
      summary: 'The identity-verification secret',
      auth: 'admin',
      ok: [200, z.object({ secret: z.string().nullable() })],
    }),
    requireScope('settings:manage'),
    async (c) => {
      const site = await findWorkspaceSite(getDb(c.env.DB), c.var.agent.workspaceId, c.req.param('id'));
      if (!site) throw errors.notFound('Site');
      return c.json({ secret: site.identitySecret }, 200);
    },
  )
  .post(
    '/:id/identity-secret',
    doc({
      summary: 'Rotate the identity-verification secret',
      auth: 'admin',
      ok: [200, z.object({ secret: z.string() })],
    }),
    requireScope('settings:manage'),
    async (c) => {
      const db = getDb(c.env.DB);
      const site = await findWorkspaceSite(db, c.var.agent.workspaceId, c.req.param('id'));
      if (!site) throw errors.notFound('Site');
      const secret = await rotateIdentitySecret(db, site.id);
      // Only that it happened: the secret itself never goes into the log.
      await audit(c, {
        action: 'site.identity_secret_rotate',
        target: { type: 'site', id: site.id },
        detail: { name: site.name },
      });
      return c.json({ secret }, 200);
    },
  )
  .get(
    '/:id/conversations',
    doc({
      summary: "A site's inbox, newest first",
      auth: 'agent',
      ok: [200, z.object({ conversations: z.array(Conversation), nextCursor: z.string().nullable() })],
    }),
    requireScope('conversations:read'),
    validate('query', InboxQuery),
    async (c) => {
      const db = getDb(c.env.DB);
      const site = await findWorkspaceSite(db, c.var.agent.workspaceId, c.req.param('id'));
      if (!site) throw errors.notFound('Site');
      const page = await listInbox(db, site.id, c.req.valid('query'), c.var.agent.id);
      return c.json(page, 200);
    },
  )
  .get(
    '/:id/stats',
    doc({
      summary: "A site's numbers over a date range (default: last 7 days)",
      auth: 'agent',
      ok: [200, z.object({ stats: Stats })],
    }),
    requireScope('conversations:read'),
    validate('query', StatsQuery),
    async (c) => {
      const db = getDb(c.env.DB);
      const site = await findWorkspaceSite(db, c.var.agent.workspaceId, c.req.param('id'));
      if (!site) throw errors.notFound('Site');
      const online = (await c.env.SITES.getByName(site.id).presence()).filter((a) => a.status === 'online').length;
      return c.json({ stats: await siteStats(db, site.id, c.req.valid('query'), online) }, 200);
    },
  )
  .get(
    '/:id/ws',
    doc({
      summary: 'WebSocket: site events and presence (docs/protocol.md)',
      description:
        'Send `Upgrade: websocket`; the token goes in the `Sec-WebSocket-Protocol` header as `bearer.<token>`.',
      auth: 'agent',
      ok: [101, null],
    }),
    agentsOnly(),
    async (c) => {
      const site = await findWorkspaceSite(getDb(c.env.DB), c.var.agent.workspaceId, c.req.param('id'));
      if (!site) throw errors.notFound('Site');
      const { id, name } = c.var.agent;
      return forwardToDurableObject(c.req.raw, c.env.SITES.getByName(site.id), {
        role: 'agent',
        id,
        name,
        workspaceId: site.workspaceId,
      });
    },
  );
