// Issue 15, item 5: the document cannot drift from the routes. Every route the app declares is in it (apart from the
// few UNDOCUMENTED on purpose), and everything it documents is a route.
import { describe, expect, it } from 'vitest';
import { app } from '../app';
import { api } from '../../test/helpers';
import { UNDOCUMENTED } from './document';
import { routeScopes } from './scopes';

type Op = {
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, any> }> }>;
};
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Op>>;
  components: {
    schemas: Record<string, any>;
    securitySchemes: Record<string, { type: string; scheme?: string; bearerFormat?: string }>;
  };
};

/** "GET /api/sites/{id}/blocks" for Hono's "/api/sites/:id/blocks". */
const key = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`;

const appRoutes = () =>
  new Set(app.routes.filter((r) => r.method !== 'ALL' && r.method !== 'OPTIONS').map((r) => key(r.method, r.path)));
const documented = (doc: Doc) =>
  new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => key(m, path))));

describe('the OpenAPI document', () => {
  it('lists every route of the app, and nothing else', async () => {
    const res = await api<Doc>('/api/openapi.json');
    expect(res.status).toBe(200);
    const routes = appRoutes();
    const inDoc = documented(res.body);
    expect(routes.size).toBeGreaterThan(70);
    const missing = [...routes].filter((r) => !inDoc.has(r) && !(r in UNDOCUMENTED));
    const stale = [...inDoc].filter((r) => !routes.has(r));
    expect(missing, 'routes the document lacks: describe them with op() (openapi/describe.ts)').toEqual([]);
    expect(stale, 'documented paths that are no longer routes').toEqual([]);
    // The exceptions are real routes: a stale entry there fails too.
    expect(Object.keys(UNDOCUMENTED).filter((r) => !routes.has(r))).toEqual([]);
  });

  it('gives every operation a summary, a tag, its security and the error envelope', async () => {
    const doc = (await api<Doc>('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const at = `${method.toUpperCase()} ${path}`;
        expect(op.summary, at).toBeTruthy();
        expect(op.tags?.length, at).toBe(1);
        expect(Array.isArray(op.security), at).toBe(true);
        for (const s of op.security!)
          expect(Object.keys(s).every((k) => k in doc.components.securitySchemes)).toBe(true);
        const error = op.responses.default?.content?.['application/json']?.schema;
        expect(error?.properties?.error?.properties?.code, at).toEqual({ $ref: '#/components/schemas/ErrorCode' });
        // A validated route documents its 400 in the same envelope (not hono-openapi's own shape).
        if (op.requestBody || op.parameters?.some((p) => p.in === 'query'))
          expect(op.responses['400']?.content?.['application/json']?.schema?.properties, at).toHaveProperty('error');
      }
    }
  });

  it('describes the schemes: agent and visitor tokens (JWT), and API tokens', async () => {
    const doc = (await api<Doc>('/api/openapi.json')).body;
    expect(doc.components.securitySchemes.agent).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.components.securitySchemes.visitor).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.schemas.ErrorCode.enum).toContain('not_found');
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/agents'].post.security).toEqual([{ agent: ['team:manage'] }]);
    expect(doc.paths['/api/widget/conversations'].get.security).toEqual([{ visitor: [] }]);
    expect(doc.paths['/api/widget/session'].post.security).toEqual([]);
    expect(doc.paths['/api/agents'].post.responses).toHaveProperty('403');
  });

  it('documents bodies, queries and responses from the schemas the routes use', async () => {
    const doc = (await api<Doc>('/api/openapi.json')).body;
    const inbox = doc.paths['/api/sites/{id}/conversations'].get;
    expect(inbox.parameters?.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(
      expect.arrayContaining(['status', 'cursor']),
    );
    expect(inbox.responses['200']?.content?.['application/json']?.schema.properties).toHaveProperty('nextCursor');
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody?.content['application/json']?.schema.properties).toHaveProperty('password');
    expect(login.responses['200']?.content?.['application/json']?.schema.properties).toHaveProperty('token');
  });
});

describe('scopes in the document', () => {
  it('lists apiToken with its scope on exactly the routes that take API tokens, as the middleware enforces', async () => {
    const doc = (await api<Doc>('/api/openapi.json')).body;
    const scopes = routeScopes(app as never);
    expect(scopes.size).toBeGreaterThan(40);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const at = `${method.toUpperCase()} ${path}`;
        const rs = scopes.get(`${method} ${path}`);
        const token = op.security?.find((s) => 'apiToken' in s);
        if (rs?.tokens) expect(token, at).toEqual({ apiToken: [rs.scope] });
        else expect(token, at).toBeUndefined();
        if (rs) {
          expect(
            op.security?.find((s) => 'agent' in s),
            at,
          ).toEqual({ agent: rs.scope ? [rs.scope] : [] });
          expect(op.responses, at).toHaveProperty('403');
        }
      }
    }
    // A few by name: what an integration reads in the reference.
    expect(doc.paths['/api/conversations/{id}/messages'].post.security).toEqual([
      { agent: ['messages:write'] },
      { apiToken: ['messages:write'] },
    ]);
    expect(doc.paths['/api/sites/{id}/conversations'].get.security).toContainEqual({
      apiToken: ['conversations:read'],
    });
    expect(doc.paths['/api/files/{conversationId}/{fileId}'].get.security).toEqual([
      { agent: ['conversations:read'] },
      { visitor: [] },
      { apiToken: ['conversations:read'] },
    ]);
    expect(doc.paths['/api/tokens'].post.security).toEqual([{ agent: ['tokens:manage'] }]);
    expect(doc.paths['/api/conversations/{id}/claim'].post.security).toEqual([{ agent: [] }]);
    expect(doc.components.schemas.ApiToken).toBeTruthy();
    expect(doc.paths['/api/webhooks'].post.security).toEqual([
      { agent: ['settings:manage'] },
      { apiToken: ['settings:manage'] },
    ]);
    // Bulk export and erasure: signed-in owners and admins only; retention is a setting a token may manage.
    expect(doc.paths['/api/privacy/export'].get.security).toEqual([{ agent: ['settings:manage'] }]);
    expect(doc.paths['/api/privacy/visitors/{id}/erase'].post.security).toEqual([{ agent: ['settings:manage'] }]);
    expect(doc.paths['/api/privacy/retention/{siteId}'].put.security).toContainEqual({ apiToken: ['settings:manage'] });
  });
});

describe('the reference page', () => {
  it('serves Scalar at /api/docs, reading /api/openapi.json, under a nonce CSP', async () => {
    const { exports } = await import('cloudflare:workers');
    const res = await exports.default.fetch('https://parley.test/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('/api/openapi.json');
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'none'");
    // Every script on the page carries the nonce, the CDN's one included.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    expect(html).toContain('https://cdn.jsdelivr.net/npm/@scalar/api-reference@1');
  });
});
