import { eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import { getDb } from '../db/client';
import { agents } from '../db/schema';
import { apiError, errors } from '../lib/errors';
import { type ApiScope, ROLE_SCOPES, type Scope } from '../../../protocol';
import { acceptApiToken, isApiToken } from './api-tokens';
import { bearerToken } from './bearer';
import type { AuthKeys } from './keys';
import { type AgentClaims, type Claims, type VisitorClaims, verifyToken } from './tokens';

/**
 * The caller of an agent route, as routes see it: a signed-in agent (`kind: 'agent'`, the scopes of their role), or
 * an API token (`kind: 'token'`: `id` and `name` are the token's, `role` is 'agent' so that any check by role fails
 * closed, and `scopes` are what it was granted, within its creator's role). Routes decide by scope (requireScope).
 */
export type AgentIdentity = {
  id: string;
  workspaceId: string;
  role: 'owner' | 'admin' | 'agent';
  name: string;
  kind: 'agent' | 'token';
  scopes: readonly Scope[];
};
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
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    role: row.role,
    name: row.name,
    kind: 'agent',
    scopes: ROLE_SCOPES[row.role],
  };
}

/** A visitor token's identity. */
const visitorOf = (claims: VisitorClaims): VisitorIdentity => ({
  id: claims.sub,
  siteId: claims.sid,
  verified: claims.ver === true,
  ...(claims.cid ? { conv: claims.cid } : {}),
});

/**
 * Require an active agent's login token or a valid API token (a visitor token here is forbidden). An API token is
 * refused (403 `token_not_allowed`) unless the route it reached names a scope (requireScope): routes that take
 * tokens say so, every other refuses them.
 */
export const requireAgent = () =>
  createMiddleware<AgentEnv>(async (c, next) => {
    const bearer = bearerToken(c.req.raw);
    if (bearer && isApiToken(bearer)) {
      const token = await acceptApiToken(c.env, bearer, (p) => c.executionCtx.waitUntil(p));
      if (!acceptsTokens(c)) throw tokenNotAllowed();
      c.set('agent', { ...token, role: 'agent', kind: 'token' });
    } else {
      const claims = await claimsOf(c.req.raw, c.env);
      if (claims.typ !== 'agent') throw errors.forbidden('Agents only');
      c.set('agent', await activeAgent(c.env, claims));
    }
    await next();
  });

/** Hono env of routes open to both sides (file downloads): exactly one of the two is set. */
export type EitherEnv = { Bindings: Env; Variables: { agent?: AgentIdentity; visitor?: VisitorIdentity } };

/** Require an active agent's token, an API token or a visitor's token (the route checks what each may see). */
export const requireAgentOrVisitor = () =>
  createMiddleware<EitherEnv>(async (c, next) => {
    const bearer = bearerToken(c.req.raw);
    if (bearer && isApiToken(bearer)) {
      const token = await acceptApiToken(c.env, bearer, (p) => c.executionCtx.waitUntil(p));
      if (!acceptsTokens(c)) throw tokenNotAllowed();
      c.set('agent', { ...token, role: 'agent', kind: 'token' });
      return next();
    }
    const claims = await claimsOf(c.req.raw, c.env);
    if (claims.typ === 'agent') c.set('agent', await activeAgent(c.env, claims));
    else c.set('visitor', visitorOf(claims));
    await next();
  });

/** What a route states about its callers (read by the route tests): the scope it needs, and whether tokens may call it. */
export type RouteScope = { scope: Scope | null; tokens: boolean };
const ROUTE_SCOPE = Symbol('routeScope');
type Marked = MiddlewareHandler & { [ROUTE_SCOPE]?: RouteScope };

/** The scope a handler states, when it is requireScope() or agentsOnly(). */
export const routeScopeOf = (handler: unknown): RouteScope | undefined => (handler as Marked)[ROUTE_SCOPE];

/**
 * Whether the route this request reached states a scope an API token can be granted. A path no route answers (only
 * `use` middleware matched, method ALL) passes, to the app's 404 `not_found`, as it does for an agent: a 403 there
 * would tell a token holder nothing true. No endpoint is registered with all(), so this cannot skip a scope.
 */
const acceptsTokens = (c: Parameters<MiddlewareHandler>[0]) => {
  const routes = matchedRoutes(c);
  return !routes.some((r) => r.method !== 'ALL') || routes.some((r) => routeScopeOf(r.handler)?.tokens === true);
};

const tokenNotAllowed = () =>
  apiError('token_not_allowed', 'API tokens cannot call this route; it is for signed-in agents only');

function mark(handler: MiddlewareHandler, scope: RouteScope): MiddlewareHandler {
  return Object.assign(handler, { [ROUTE_SCOPE]: scope });
}

/** The 403 of a caller without `scope`: by role for a person, `insufficient_scope` for a token. */
function checkScope(who: AgentIdentity, scope: Scope) {
  if (who.scopes.includes(scope)) return;
  if (who.kind === 'token') throw apiError('insufficient_scope', `This API token lacks the scope ${scope}`);
  throw errors.forbidden('Only owners and admins may do this');
}

/**
 * The scope a route needs (after requireAgent): a signed-in agent has it by role, an API token only if granted.
 * On a route open to visitors too (requireAgentOrVisitor) a visitor passes: the route checks what they may see.
 */
export const requireScope = (scope: ApiScope) =>
  mark(
    createMiddleware<EitherEnv>(async (c, next) => {
      if (c.var.agent) checkScope(c.var.agent, scope);
      else if (!c.var.visitor) throw errors.unauthorized();
      await next();
    }),
    { scope, tokens: true },
  );

/**
 * A route for signed-in agents only (its own socket, its preferences, claiming, managing people and tokens):
 * API tokens are refused with 403 `token_not_allowed`, and `scope`, when given, is required of the agent's role.
 */
export const agentsOnly = (scope?: Scope) =>
  mark(
    createMiddleware<AgentEnv>(async (c, next) => {
      if (c.var.agent.kind === 'token') throw tokenNotAllowed();
      if (scope) checkScope(c.var.agent, scope);
      await next();
    }),
    { scope: scope ?? null, tokens: false },
  );

/** Require a visitor's widget token; an agent token here is forbidden. */
export const requireVisitor = () =>
  createMiddleware<VisitorEnv>(async (c, next) => {
    const claims = await claimsOf(c.req.raw, c.env);
    if (claims.typ !== 'visitor') throw errors.forbidden('Visitors only');
    c.set('visitor', visitorOf(claims));
    await next();
  });
