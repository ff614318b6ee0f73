// Issue 9 item 6: JSON nested deeper than 32 levels (within the 64 KiB body limit) answers 400 bad_request, never
// 500: cleanInput (lib/clean.ts) stops walking at MAX_DEPTH, before (validateOptionalJson) or after (validate) zod.
import { expect, it } from 'vitest';
import { api, conversationFixture, visitorSession, workspaceWithSite } from '../../test/helpers';

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

it('POST /api/widget/conversations (optional JSON body) with a 30,000-deep array answers 400 bad_request', async () => {
  const { site } = await workspaceWithSite();
  const v = await visitorSession(site.key);
  const res = await api('/api/widget/conversations', { token: v.token, body: deep(30_000) });
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('bad_request');
});

it('PATCH /api/sites/:id {settings:{color: <30,000-deep array>}} (validated JSON body) answers 400 bad_request', async () => {
  const { owner, site } = await workspaceWithSite();
  const res = await api(`/api/sites/${site.id}`, {
    token: owner.token,
    method: 'PATCH',
    body: `{"settings":{"color":${deep(30_000)}}}`,
  });
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('bad_request');
});

it('JSON nested 33 levels is refused with a message naming the limit; 20 levels pass the depth check', async () => {
  const { owner, site } = await workspaceWithSite();
  const patch = (inner: string) =>
    api(`/api/sites/${site.id}`, { token: owner.token, method: 'PATCH', body: `{"settings":{"color":${inner}}}` });
  const tooDeep = await patch(deep(31));
  expect(tooDeep.body.error.message).toContain('32 levels');
  const fine = await patch(deep(20));
  expect(fine.status).toBe(400);
  expect(fine.body.error.message).not.toContain('levels'); // refused by the schema (not a colour), not by depth
});

it('every documented route with a JSON body answers deep nesting (top level or under a key) with 4xx, never 5xx', async () => {
  const { owner, site, visitor, conversation } = await conversationFixture();
  const article = (await api('/api/articles', { token: owner.token, body: { title: 'Refunds' } })).body.article;
  const idFor = (path: string) =>
    path.startsWith('/api/sites/')
      ? site.id
      : path.startsWith('/api/agents/')
        ? owner.agent.id
        : path.startsWith('/api/kb/') || path.startsWith('/api/articles/')
          ? article.id
          : conversation.id;
  const fill = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) =>
      name === 'siteKey' ? site.key : name === 'id' ? idFor(path) : 'x',
    );
  const doc = (await api('/api/openapi.json')).body as {
    paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
  };
  const bodies = [
    deep(30_000),
    `{"settings":${deep(5000)},"name":${deep(5000)},"title":${deep(5000)},"tags":${deep(5000)}}`,
  ];
  const problems: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (method === 'get' || method === 'delete' || path.endsWith('/files')) continue;
      const token = op.security?.some((s) => 'visitor' in s) ? visitor.token : owner.token;
      for (const body of bodies) {
        const res = await api(fill(path), { token, method: method.toUpperCase(), body });
        if (res.status >= 500) problems.push(`${method.toUpperCase()} ${path} → ${res.status}`);
      }
    }
  }
  expect(problems).toEqual([]);
});
