// Issue 9 item 3: a PATCH changes only what is sent, also inside nested settings objects (businessHours is the only one).
import { expect, it } from 'vitest';
import { api, workspaceWithSite } from '../../test/helpers';

const HOURS = { enabled: true, timeZone: 'Asia/Tokyo', days: [{ day: 2, open: '07:30', close: '11:00' }] };

it('PATCH /api/sites/:id {settings:{businessHours:{enabled:false}}} keeps the time zone and days', async () => {
  const { owner, site } = await workspaceWithSite();
  const set = await api(`/api/sites/${site.id}`, {
    token: owner.token,
    method: 'PATCH',
    body: { settings: { businessHours: HOURS } },
  });
  expect(set.status).toBe(200);
  const res = await api(`/api/sites/${site.id}`, {
    token: owner.token,
    method: 'PATCH',
    body: { settings: { businessHours: { enabled: false } } },
  });
  expect(res.status).toBe(200);
  expect(res.body.site.settings.businessHours).toEqual({ ...HOURS, enabled: false });
});

it('PATCH /api/sites/:id {settings:{businessHours:{days:[…]}}} does not switch business hours off', async () => {
  const { owner, site } = await workspaceWithSite();
  await api(`/api/sites/${site.id}`, {
    token: owner.token,
    method: 'PATCH',
    body: { settings: { businessHours: HOURS } },
  });
  const days = [{ day: 3, open: '10:00', close: '12:00' }];
  const res = await api(`/api/sites/${site.id}`, {
    token: owner.token,
    method: 'PATCH',
    body: { settings: { businessHours: { days } } },
  });
  expect(res.status).toBe(200);
  expect(res.body.site.settings.businessHours).toEqual({ ...HOURS, days });
});
