// POST /api/widget/page is limited per visitor: each report is a D1 write (issue 9 item 4).
import { expect, it } from 'vitest';
import { api, visitorSession, workspaceWithSite } from '../../test/helpers';

it('POST /api/widget/page: one visitor, 120 page reports in a burst are not all written (each is a D1 write)', async () => {
  const { site } = await workspaceWithSite();
  const v = await visitorSession(site.key);
  const ip = { 'CF-Connecting-IP': '192.0.2.44' };
  const statuses = await Promise.all(
    Array.from({ length: 120 }, (_, i) =>
      api('/api/widget/page', {
        token: v.token,
        headers: ip,
        body: { url: `https://shop.example/p/${i}`, title: `Page ${i}` },
      }).then((r) => r.status),
    ),
  );
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
});
