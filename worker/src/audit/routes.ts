import { Hono } from 'hono';
import { type AgentEnv, requireAgent, requireScope } from '../auth/middleware';
import { getDb } from '../db/client';
import { errors } from '../lib/errors';
import { validate } from '../lib/validate';
import { AuditQuery } from '../../../protocol';
import { listAudit } from './queries';

/** The workspace's audit log, for owners and admins: GET /api/audit?cursor=&limit=&action=. */
export const auditRoutes = new Hono<AgentEnv>().get(
  '/',
  requireAgent(),
  requireScope('audit:read'),
  validate('query', AuditQuery),
  async (c) => {
    const page = await listAudit(getDb(c.env.DB), c.var.agent.workspaceId, c.req.valid('query'));
    if (!page) throw errors.badRequest('cursor: not a cursor from this API', 'bad_cursor');
    return c.json(page, 200);
  },
);
