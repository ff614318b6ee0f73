// The scope each route needs, in the document: read from the routes' own requireScope()/agentsOnly() middleware
// (auth/middleware.ts), so the document states what the server enforces and cannot drift from it.
import type { Hono } from 'hono';
import type { OpenAPIV3_1 } from 'openapi-types';
import { type RouteScope, routeScopeOf } from '../auth/middleware';
import { API_SCOPES, ROLE_SCOPES } from '../../../protocol';
import { errorEnvelopeSchema } from './describe';

/** "/api/sites/{id}" for Hono's "/api/sites/:id" (as hono-openapi names paths). */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** What each documented operation states about its callers: "get /api/sites" → its RouteScope. */
export function routeScopes(app: Hono<never, never, never>): Map<string, RouteScope> {
  const scopes = new Map<string, RouteScope>();
  for (const r of app.routes) {
    const scope = routeScopeOf(r.handler);
    if (scope) scopes.set(`${r.method.toLowerCase()} ${openApiPath(r.path)}`, scope);
  }
  return scopes;
}

/**
 * Each operation's security with its scope: an agent's login token needs the scope by role, and a route that takes
 * API tokens lists `apiToken` with that scope (OpenAPI 3.1 lets a bearer scheme name roles). Routes for signed-in
 * people only (agentsOnly) do not list `apiToken`; they answer 403 token_not_allowed to one.
 */
export function withScopes(doc: OpenAPIV3_1.Document, app: Hono<never, never, never>): OpenAPIV3_1.Document {
  const scopes = routeScopes(app);
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops ?? {}) as [string, OpenAPIV3_1.OperationObject][]) {
      const rs = scopes.get(`${method} ${path}`);
      if (!rs || !op.security) continue;
      const need = rs.scope ? [rs.scope] : [];
      op.security = op.security.map((s) => ('agent' in s ? { agent: need } : s));
      if (rs.tokens) op.security.push({ apiToken: need });
      op.responses ??= {};
      // Added after generation, so plain JSON Schema: a zod resolver (errorResponse) is only read while generating.
      op.responses[403] = {
        description: rs.tokens
          ? `insufficient_scope: an API token without ${rs.scope}; forbidden: a role without it`
          : `token_not_allowed: signed-in agents only${rs.scope ? `; forbidden: a role without ${rs.scope}` : ''}`,
        content: { 'application/json': { schema: errorEnvelopeSchema() } },
      } as OpenAPIV3_1.ResponseObject;
    }
  }
  return doc;
}

/** The apiToken scheme's description: its format and every scope it can be granted. */
export const API_TOKEN_DESCRIPTION = `An integration's API token (\`parley_\` + 40 hex characters), created by an owner or admin at POST /api/tokens with scopes; each operation lists the one it needs: ${API_SCOPES.join(', ')}. Routes without apiToken in their security refuse tokens (403 token_not_allowed).`;

/** The agent scheme's description, with the scopes each role has. */
export const AGENT_DESCRIPTION = `An agent's login token (7 days), from POST /api/auth/login, /register or /accept-invite. It has the scopes of the agent's role: agents ${ROLE_SCOPES.agent.join(', ')}; owners and admins all.`;
