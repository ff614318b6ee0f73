// Issue 9 item 6: a verified user opening the widget in several tabs at once gets one visitor: the sessions that
// lose the insert race on the (site, external id) unique index take the winner's row instead of answering 500.
import { expect, it } from 'vitest';
import { userHash } from './identity';
import { api, unique, workspaceWithSite } from '../../test/helpers';

it('the same signed-in user opening the widget in four tabs at once: every session 200, one visitor', async () => {
  const { owner, site } = await workspaceWithSite();
  const { secret } = (await api(`/api/sites/${site.id}/identity-secret`, { token: owner.token, method: 'POST' })).body;
  expect(
    (
      await api(`/api/sites/${site.id}`, {
        token: owner.token,
        method: 'PATCH',
        body: { settings: { identity: 'optional' } },
      })
    ).status,
  ).toBe(200);
  const id = `user-${unique()}`;
  const user = { id, hash: await userHash(secret, id), name: 'Zoe' };
  const answers = await Promise.all(
    [0, 1, 2, 3].map(() => api('/api/widget/session', { body: { siteKey: site.key, user } })),
  );
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
  expect(new Set(answers.map((a) => a.body.visitor.id)).size).toBe(1);
  expect(answers.map((a) => a.body.visitor.name)).toEqual(['Zoe', 'Zoe', 'Zoe', 'Zoe']);
});
