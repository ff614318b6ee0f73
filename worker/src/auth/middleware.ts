import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { getDb } from '../db/client';
import { agents } from '../db/schema';
import { errors } from '../lib/errors';
import { bearerToken } from './bearer';
import type { AuthKeys } from './keys';
import { type AgentClaims, type Claims, type VisitorClaims, verifyToken } from './tokens';

/** The signed-in agent, as routes see it. */
export type AgentIdentity = { id: string; workspaceId: string; role: 'owner' | 'admin' | 'agent'; name: string };
/** The visitor behind a widget token; `conv` when the token is limited to that one conversation. */
export type VisitorIdentity = { id: string; siteId: string; verified: boolean; conv?: string };

/** Hono env of agent routes. */
export type AgentEnv = { Bindings: Env; Variables: { agent: AgentIdentity } };
/** Hono env of visitor routes. */
export type VisitorEnv = { Bindings: Env; Variables: { visitor: VisitorIdentity } };

/** The claims of the request's bearer token; 401 without a valid one. */
async function claimsOf(req: Request, keys: AuthKeys): Promise<Claims> {
  const token = bearerToken(req);
  if (!token) throw errors.unauthorized();
  const claims = await verifyToken(token, keys);
  if (!claims) throw errors.unauthorized('Invalid or expired token');
  return claims;
}

/**
 * The one check behind every agent-authenticated route and socket: the token's agent
 * still exists, is active and is in the token's workspace (401 otherwise), read
 * from D1 on every request so deactivation and role changes apply at once. A token issued
 * before the agent's last deactivation stays refused after a reactivation (sign in again).
 */
async function activeAgent(env: Env, claims: AgentClaims): Promise<AgentIdentity> {
  const row = await getDb(env.DB).query.agents.findFirst({ where: eq(agents.id, claims.sub) });
  if (!row?.active || row.workspaceId !== claims.wid) throw errors.unauthorized('Agent no longer active');
  if ((claims.issuedMs ?? 0) <= row.tokensValidAfter) throw errors.unauthorized('Session revoked, sign in again');
  return { id: row.id, workspaceId: row.workspaceId, role: row.role, name: row.name };
}

/** A visitor token's identity. */
const visitorOf = (claims: VisitorClaims): VisitorIdentity => ({
  id: claims.sub,
  siteId: claims.sid,
  verified: claims.ver === true,
  ...(claims.cid ? { conv: claims.cid } : {}),
});

/** Require an active agent's token; a visitor token here is forbidden. */
export const requireAgent = () =>
  createMiddleware<AgentEnv>(async (c, next) => {
    const claims = await claimsOf(c.req.raw, c.env);
    if (claims.typ !== 'agent') throw errors.forbidden('Agents only');
    c.set('agent', await activeAgent(c.env, claims));
    await next();
  });

/** Hono env of routes open to both sides (file downloads): exactly one of the two is set. */
export type EitherEnv = { Bindings: Env; Variables: { agent?: AgentIdentity; visitor?: VisitorIdentity } };

/** Require an active agent's token or a visitor's token (the route checks what each may see). */
export const requireAgentOrVisitor = () =>
  createMiddleware<EitherEnv>(async (c, next) => {
    const claims = await claimsOf(c.req.raw, c.env);
    if (claims.typ === 'agent') c.set('agent', await activeAgent(c.env, claims));
    else c.set('visitor', visitorOf(claims));
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
    const claims = await claimsOf(c.req.raw, c.env);
    if (claims.typ !== 'visitor') throw errors.forbidden('Visitors only');
    c.set('visitor', visitorOf(claims));
    await next();
  });
