// Every agent route states the scope it needs, or that it is for signed-in agents only; an API token gets exactly
// what its scopes allow. A table walk of the app's routes, so a route added without a scope fails here.
import { Hono } from 'hono';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../app';
import { type AgentEnv, requireAgent, routeScopeOf } from '../auth/middleware';
import { errorHandler } from '../lib/errors';
import { API_SCOPES, type ApiScope } from '../../../protocol';
import { api, registerOwner } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';
import { createToken } from './test-helpers';

// Routes that take no agent credential at all: auth entry points, the widget's (visitor tokens), public pages and
// the bench's counters. Everything else must declare its scope.
const PUBLIC = [
  /^\/api\/auth\/(register|login|accept-invite|config)$/,
  /^\/api\/widget\//,
  /^\/api\/kb\//,
  /^\/api\/email\//,
  /^\/api\/(health|openapi\.json|docs)$/,
  /^\/api\/dev\/counters/,
];

/** Each endpoint once, with what its handlers declare. */
function endpoints() {
  const seen = new Map<string, { method: string; path: string; declared: ReturnType<typeof routeScopeOf>[] }>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    const key = `${r.method} ${r.path}`;
    const e = seen.get(key) ?? { method: r.method, path: r.path, declared: [] };
    const d = routeScopeOf(r.handler);
    if (d) e.declared.push(d);
    seen.set(key, e);
  }
  return [...seen.values()];
}

const call = (token: string, e: { method: string; path: string }) =>
  api(e.path.replace(/:[A-Za-z]+/g, 'x'), {
    token,
    method: e.method,
    ...(e.path.endsWith('/ws') ? { headers: { Upgrade: 'websocket' } } : {}),
    ...(e.method === 'GET' || e.method === 'DELETE' ? {} : { body: {} }),
  });

describe('scopes on every route', () => {
  it('every route that is not public declares exactly one scope (or agents only)', () => {
    const all = endpoints();
    expect(all.length).toBeGreaterThan(50);
    const guarded = all.filter((e) => !PUBLIC.some((p) => p.test(e.path)));
    for (const e of guarded) expect(e.declared, `${e.method} ${e.path}`).toHaveLength(1);
    // The public ones declare nothing: no scope makes them reachable by a token by mistake.
    for (const e of all.filter((e) => PUBLIC.some((p) => p.test(e.path))))
      expect(e.declared, `${e.method} ${e.path}`).toEqual([]);
  });

  it('a token without the route’s scope gets 403 insufficient_scope; with it, it gets past the check', async () => {
    const owner = await registerOwner();
    const tokens = new Map<string, { without: string; only: string }>();
    for (const scope of API_SCOPES) {
      const without = await createToken(
        owner.token,
        API_SCOPES.filter((s) => s !== scope),
      );
      const only = await createToken(owner.token, [scope]);
      tokens.set(scope, { without: without.secret, only: only.secret });
    }
    const checked = new Set<ApiScope>();
    for (const e of endpoints()) {
      const d = e.declared[0];
      if (!d?.tokens || !d.scope) continue;
      const scope = d.scope as ApiScope;
      checked.add(scope);
      const refused = await call(tokens.get(scope)!.without, e);
      expect(refused.status, `${e.method} ${e.path} without ${scope}`).toBe(403);
      expect(refused.body.error.code).toBe('insufficient_scope');
      const passed = await call(tokens.get(scope)!.only, e);
      expect([401, 403], `${e.method} ${e.path} with ${scope}: ${JSON.stringify(passed.body)}`).not.toContain(
        passed.status,
      );
    }
    // Every scope guards at least one route.
    expect([...checked].sort()).toEqual([...API_SCOPES].sort());
  });

  it('routes for signed-in agents only refuse a token holding every scope with 403 token_not_allowed', async () => {
    const owner = await registerOwner();
    const { secret } = await createToken(owner.token, [...API_SCOPES]);
    const agentOnly = endpoints().filter((e) => e.declared[0]?.tokens === false);
    expect(agentOnly.map((e) => `${e.method} ${e.path}`)).toEqual(
      expect.arrayContaining([
        'GET /api/auth/me',
        'POST /api/agents',
        'POST /api/tokens',
        'GET /api/conversations/:id/ws',
        'GET /api/sites/:id/ws',
        'POST /api/conversations/:id/claim',
      ]),
    );
    for (const e of agentOnly) {
      const res = await call(secret, e);
      expect(res.status, `${e.method} ${e.path}`).toBe(403);
      expect(res.body.error.code).toBe('token_not_allowed');
    }
  });

  it('an agent login token keeps the scopes of its role: agents are refused admin routes as before', async () => {
    const owner = await registerOwner();
    const agent = await teamMember(owner.token, 'agent');
    for (const path of ['/api/audit', '/api/sites/x/blocks']) {
      const res = await api(path, { token: agent.token });
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await api('/api/sites', { token: agent.token })).status).toBe(200);
  });

  it('a route that states no scope refuses API tokens (default deny), while agents still pass', async () => {
    const owner = await registerOwner();
    const { secret } = await createToken(owner.token, [...API_SCOPES]);
    const bare = new Hono<AgentEnv>().use(requireAgent()).get('/bare', (c) => c.json({ who: c.var.agent.kind }));
    bare.onError(errorHandler);
    const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
    const asToken = await bare.request('/bare', { headers: { Authorization: `Bearer ${secret}` } }, env, ctx);
    expect(asToken.status).toBe(403);
    expect(((await asToken.json()) as { error: { code: string } }).error.code).toBe('token_not_allowed');
    const asAgent = await bare.request('/bare', { headers: { Authorization: `Bearer ${owner.token}` } }, env, ctx);
    expect(await asAgent.json()).toEqual({ who: 'agent' });
  });
});
