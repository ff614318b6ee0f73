// Issue 9, item 6: no input produces a 5xx. Every route of the OpenAPI document (so new routes are covered
// automatically) gets nasty values in each query parameter and each path parameter; every answer must be
// 2xx, 3xx or 4xx, and every 4xx the one error envelope.
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, conversationFixture, ORIGIN } from '../../test/helpers';

/** Already URL-encoded, so invalid UTF-8 and lone surrogates can be sent as they would arrive. */
const NASTY = [
  '',
  'a'.repeat(5000),
  encodeURIComponent('Hello, I would like to know where my order is, it has been two weeks!'),
  '%00',
  'a%00b',
  '%ED%A0%80',
  'a%ED%B0%80b',
  '%F0%9F%98%80',
  '%F0%9F%87%AB%F0%9F%87%B7',
  '%FF%FE',
  '%22',
  'a%22b%22',
  '*',
  'NEAR(',
  'NEAR(a%20b)',
  '-',
  '-x',
  'a%20AND%20',
  'OR',
  '%5E',
  '%3A',
  '(',
  '%25',
  '_',
  '%5C',
  '99999999999999999999999',
  '-1',
  '1e309',
  'NaN',
  '0',
  '1.5',
  '-271821-04-20',
  '+275760-09-13',
  '2026-13-45',
  '0000-01-01',
  '9999-12-31',
  '%E2%80%AE',
  '%0D%0ABcc%3A%20x',
];

/** For path segments, one of each kind is enough (every path parameter is an opaque id). */
const PATH_NASTY = [
  'a'.repeat(5000),
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%F0%9F%98%80',
  '%FF%FE',
  '%22',
  'NEAR(',
  '-1',
  '99999999999999999999999',
  '%25',
  '%E2%80%AE',
];

type Op = { parameters?: { name: string; in: 'path' | 'query' }[]; security?: Record<string, unknown>[] };

async function call(method: string, path: string, token: string) {
  const res = await exports.default.fetch(`https://parley.test${path}`, {
    method: method.toUpperCase(),
    headers: {
      Authorization: `Bearer ${token}`,
      Origin: ORIGIN,
      'Content-Type': 'application/json',
      'CF-Connecting-IP': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    },
    body: method === 'get' || method === 'delete' ? undefined : '{}',
  });
  const text = await res.text();
  return { status: res.status, text };
}

/** Where a response breaks the rule, or null. */
function problem(label: string, r: { status: number; text: string }): string | null {
  if (r.status >= 500) return `${label} → ${r.status} ${r.text.slice(0, 200)}`;
  if (r.status >= 400) {
    try {
      const body = JSON.parse(r.text) as { error?: { code?: unknown; message?: unknown } };
      if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string')
        return `${label} → ${r.status} without the envelope`;
    } catch {
      return `${label} → ${r.status} not JSON: ${r.text.slice(0, 100)}`;
    }
  }
  return null;
}

describe('no input produces a 5xx', () => {
  it('every query and path parameter of every documented route, with nasty values', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const article = (await api('/api/articles', { token: owner.token, body: { title: 'Refunds' } })).body.article;
    // Rows to search through: a filter over no rows never runs and so never fails.
    await api('/api/canned-responses', { token: owner.token, body: { title: 'Hi', content: 'Hello', shortcut: 'hi' } });
    const valid: Record<string, string> = {
      siteKey: site.key,
      conversationId: conversation.id,
      fileId: 'fl_none',
      messageId: 'ms_none',
    };
    // {id} means the resource of the path's first segment.
    const idFor = (path: string) =>
      path.startsWith('/api/sites/')
        ? site.id
        : path.startsWith('/api/agents/')
          ? owner.agent.id
          : path.startsWith('/api/kb/') || path.startsWith('/api/articles/')
            ? article.id
            : conversation.id;
    const fill = (path: string, override: Record<string, string> = {}) =>
      path.replace(
        /\{(\w+)\}/g,
        (_, name: string) => override[name] ?? (name === 'id' ? idFor(path) : (valid[name] ?? 'x')),
      );

    const doc = (await api('/api/openapi.json')).body as { paths: Record<string, Record<string, Op>> };
    const problems: string[] = [];
    let calls = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const token = op.security?.some((s) => 'visitor' in s) ? visitor.token : owner.token;
        const params = op.parameters ?? [];
        const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
        for (const name of new Set([...pathParams, ...(path.match(/\{(\w+)\}/g) ?? []).map((m) => m.slice(1, -1))])) {
          for (const value of PATH_NASTY) {
            const label = `${method.toUpperCase()} ${path} ${name}=${value.slice(0, 30)}`;
            calls++;
            const p = problem(label, await call(method, fill(path, { [name]: value }), token));
            if (p) problems.push(p);
          }
        }
        if (method !== 'get') continue; // query parameters exist on GET routes only
        for (const { name } of params.filter((p) => p.in === 'query')) {
          for (const value of [...NASTY, `1&${name}=2`]) {
            const label = `GET ${path}?${name}=${value.slice(0, 30)}`;
            calls++;
            const p = problem(label, await call('get', `${fill(path)}?${name}=${value}`, token));
            if (p) problems.push(p);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(400);
    expect(problems).toEqual([]);
  }, 240_000);
});
