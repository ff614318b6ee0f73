// The widget's help center is limited per visitor (docs/widget.md "Limits"): every search and every article read is a
// D1 query, so one visitor (or a script holding a visitor token) cannot run them without end.
import { expect, it } from 'vitest';
import { api, visitorSession, workspaceWithSite } from '../../test/helpers';
import { EDGE_LIMITS } from '../lib/ratelimit';

const burst = EDGE_LIMITS.kbPerVisitorPerMinute + 15;

/** `n` calls at once; their answers. */
const all = (n: number, call: () => Promise<{ status: number; body: any }>) =>
  Promise.all(Array.from({ length: n }, call));

it('searches: one visitor over the budget gets 429 rate_limited; another visitor and article reads are not held', async () => {
  const { owner, site } = await workspaceWithSite();
  const article = (
    await api('/api/articles', { token: owner.token, body: { title: 'Returns', content: 'Send it back.' } })
  ).body.article;
  const v = await visitorSession(site.key);
  const answers = await all(burst, () => api(`/api/widget/kb/search?q=return`, { token: v.token }));
  const refused = answers.filter((r) => r.status !== 200);
  expect(refused.length).toBeGreaterThan(0);
  expect(answers.filter((r) => r.status === 200).length).toBeLessThanOrEqual(EDGE_LIMITS.kbPerVisitorPerMinute);
  for (const r of refused) expect([r.status, r.body.error.code]).toEqual([429, 'rate_limited']);
  // The budget is the visitor's: a second visitor of the same site searches, and reading has its own budget.
  const other = await visitorSession(site.key);
  expect((await api(`/api/widget/kb/search?q=return`, { token: other.token })).status).toBe(200);
  expect((await api(`/api/widget/kb/articles/${article.id}`, { token: v.token })).status).toBe(200);
});

it('article reads: over the budget 429 rate_limited, and the view is still counted once', async () => {
  const { owner, site } = await workspaceWithSite();
  const article = (
    await api('/api/articles', { token: owner.token, body: { title: 'Returns', content: 'Send it back.' } })
  ).body.article;
  const v = await visitorSession(site.key);
  const answers = await all(burst, () => api(`/api/widget/kb/articles/${article.id}`, { token: v.token }));
  const refused = answers.filter((r) => r.status !== 200);
  expect(refused.length).toBeGreaterThan(0);
  for (const r of refused) expect([r.status, r.body.error.code]).toEqual([429, 'rate_limited']);
  const listed = (await api('/api/articles', { token: owner.token })).body.articles;
  expect(listed.find((a: { id: string }) => a.id === article.id).views).toBe(1);
});
