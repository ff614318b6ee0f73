import { Hono } from 'hono';
import { type AgentEnv, requireAgent, requireScope } from '../auth/middleware';
import { getDb } from '../db/client';
import { errors } from '../lib/errors';
import { validate } from '../lib/validate';
import { z } from 'zod';
import { describer } from '../openapi/describe';
import { AuditEntry, AuditQuery } from '../../../protocol';
import { listAudit } from './queries';

/** The workspace's audit log, for owners and admins: GET /api/audit?cursor=&limit=&action=. */
export const auditRoutes = new Hono<AgentEnv>().get(
  '/',
  describer('Audit')({
    summary: "The workspace's audit log, newest first (400 bad_cursor)",
    auth: 'admin',
    ok: [200, z.object({ entries: z.array(AuditEntry), nextCursor: z.string().nullable() })],
  }),
  requireAgent(),
  requireScope('audit:read'),
  validate('query', AuditQuery),
  async (c) => {
    const page = await listAudit(getDb(c.env.DB), c.var.agent.workspaceId, c.req.valid('query'));
    if (!page) throw errors.badRequest('cursor: not a cursor from this API', 'bad_cursor');
    return c.json(page, 200);
  },
);
