import { Hono } from 'hono';
import { audit } from '../audit/record';
import { type AgentEnv, requireAgent, requireScope } from '../auth/middleware';
import { getDb } from '../db/client';
import { errors, isUniqueViolation } from '../lib/errors';
import { validate } from '../lib/validate';
import { z } from 'zod';
import { describer } from '../openapi/describe';
import { Block, CreateBlockBody } from '../../../protocol';
import { findWorkspaceSite } from '../sites';
import { findSiteVisitor } from '../widget';
import { normaliseBlockValue } from './normalise';
import { createBlock, deleteBlock, listBlocks, toBlock } from './queries';
import { closeBlockedSockets } from './sockets';

const doc = describer('Blocks');

/** The block list of a site, for owners and admins: /api/sites/:id/blocks. */
export const blockRoutes = new Hono<AgentEnv>()
  // Scoped to these paths: mounted beside siteRoutes under /sites, whose other routes agents may use.
  .use('/:id/blocks', requireAgent())
  .use('/:id/blocks/*', requireAgent())
  .get(
    '/:id/blocks',
    doc({
      summary: "The site's block list with drop counts",
      auth: 'admin',
      ok: [200, z.object({ blocks: z.array(Block) })],
    }),
    requireScope('settings:manage'),
    async (c) => {
      const db = getDb(c.env.DB);
      const site = await findWorkspaceSite(db, c.var.agent.workspaceId, c.req.param('id'));
      if (!site) throw errors.notFound('Site');
      return c.json({ blocks: (await listBlocks(db, site.id)).map(toBlock) }, 200);
    },
  )
  .post(
    '/:id/blocks',
    doc({
      summary: 'Block a visitor, an IP or CIDR range, or an email',
      description: '400 invalid_ip, invalid_email, invalid_visitor; 409 already_blocked.',
      auth: 'admin',
      ok: [201, z.object({ block: Block })],
    }),
    requireScope('settings:manage'),
    validate('json', CreateBlockBody),
    async (c) => {
      const db = getDb(c.env.DB);
      const site = await findWorkspaceSite(db, c.var.agent.workspaceId, c.req.param('id'));
      if (!site) throw errors.notFound('Site');
      const { kind, value: raw, reason } = c.req.valid('json');
      const normal = normaliseBlockValue(kind, raw);
      if ('error' in normal) throw errors.badRequest(normal.message, normal.error);
      // Only this site's visitors: an id from elsewhere would block nobody and say nothing.
      if (kind === 'visitor' && !(await findSiteVisitor(db, site.id, normal.value)))
        throw errors.badRequest('value: no such visitor on this site', 'invalid_visitor');
      const row = await createBlock(
        db,
        site.id,
        { kind, value: normal.value, reason: reason ?? '' },
        c.var.agent,
      ).catch((err: unknown) => {
        if (isUniqueViolation(err, 'blocks.'))
          throw errors.conflict('already_blocked', 'This is already blocked on this site');
        throw err;
      });
      await audit(c, {
        action: 'block.create',
        target: { type: 'block', id: row.id },
        detail: { siteId: site.id, kind, value: row.value, reason: row.reason },
      });
      // Open sockets close now, not at their next request: "blocks apply within seconds".
      await closeBlockedSockets(c.env, db, site.id, kind, row.value);
      return c.json({ block: toBlock(row) }, 201);
    },
  )
  .delete(
    '/:id/blocks/:blockId',
    doc({ summary: 'Lift a block', auth: 'admin', ok: [204, null] }),
    requireScope('settings:manage'),
    async (c) => {
      const db = getDb(c.env.DB);
      const site = await findWorkspaceSite(db, c.var.agent.workspaceId, c.req.param('id'));
      if (!site) throw errors.notFound('Site');
      const row = await deleteBlock(db, site.id, c.req.param('blockId'));
      if (!row) throw errors.notFound('Block');
      await audit(c, {
        action: 'block.delete',
        target: { type: 'block', id: row.id },
        detail: { siteId: site.id, kind: row.kind, value: row.value, drops: row.drops },
      });
      return c.body(null, 204);
    },
  );
