import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { getDb } from '../db/client';
import { agents } from '../db/schema';
import { errors } from '../lib/errors';
import { bearerToken } from './bearer';
import { verifyToken } from './tokens';

/** The signed-in agent, as routes see it. */
export type AgentIdentity = { id: string; workspaceId: string; role: 'owner' | 'admin' | 'agent'; name: string };
/** The visitor behind a widget token. */
export type VisitorIdentity = { id: string; siteId: string; verified: boolean };

/** Hono env of agent routes. */
export type AgentEnv = { Bindings: Env; Variables: { agent: AgentIdentity } };
/** Hono env of visitor routes. */
export type VisitorEnv = { Bindings: Env; Variables: { visitor: VisitorIdentity } };

/** Require an active agent's token; a visitor token here is forbidden. */
export const requireAgent = () =>
  createMiddleware<AgentEnv>(async (c, next) => {
    const token = bearerToken(c.req.raw);
    if (!token) throw errors.unauthorized();
    const claims = await verifyToken(token, c.env.AUTH_SECRET);
    if (!claims) throw errors.unauthorized('Invalid or expired token');
    if (claims.typ !== 'agent') throw errors.forbidden('Agents only');
    const row = await getDb(c.env.DB).query.agents.findFirst({ where: eq(agents.id, claims.sub) });
    if (!row || !row.active || row.workspaceId !== claims.wid) throw errors.unauthorized('Agent no longer active');
    c.set('agent', { id: row.id, workspaceId: row.workspaceId, role: row.role, name: row.name });
    await next();
  });

/** Require the role of owner or admin (for managing sites and people). */
export const requireAdmin = () =>
  createMiddleware<AgentEnv>(async (c, next) => {
    if (c.var.agent.role === 'agent') throw errors.forbidden('Only owners and admins may do this');
    await next();
  });

/** Require a visitor's widget token; an agent token here is forbidden. */
export const requireVisitor = () =>
  createMiddleware<VisitorEnv>(async (c, next) => {
    const token = bearerToken(c.req.raw);
    if (!token) throw errors.unauthorized();
    const claims = await verifyToken(token, c.env.AUTH_SECRET);
    if (!claims) throw errors.unauthorized('Invalid or expired token');
    if (claims.typ !== 'visitor') throw errors.forbidden('Visitors only');
    c.set('visitor', { id: claims.sub, siteId: claims.sid, verified: claims.ver === true });
    await next();
  });
