// Break tests, issue 9 item 6: no input produces a 5xx, also when the same request arrives twice at once
// (check-then-insert against a UNIQUE index answers 500 to the loser).
import { expect, it } from 'vitest';
import { userHash } from '../widget/identity';
import { api, unique, workspaceWithSite } from '../../test/helpers';

it('two concurrent registrations with one email: one 201, the other 409 email_taken, never 500', async () => {
  const email = `race-${unique()}@example.com`;
  const body = { workspace: `WS ${unique()}`, name: 'Ann', email, password: 'correct horse battery' };
  const answers = await Promise.all([0, 1, 2].map(() => api('/api/auth/register', { body })));
  const statuses = answers.map((a) => a.status).sort();
  expect(statuses).toEqual([201, 409, 409]);
});

it('the same signed-in user opening the widget in several tabs at once: every session 200, one visitor', async () => {
  const { owner, site } = await workspaceWithSite();
  const { secret } = (await api(`/api/sites/${site.id}/identity-secret`, { token: owner.token, method: 'POST' })).body;
  expect((await api(`/api/sites/${site.id}`, { token: owner.token, method: 'PATCH', body: { settings: { identity: 'optional' } } })).status).toBe(200);
  const id = `user-${unique()}`;
  const user = { id, hash: await userHash(secret, id) };
  const answers = await Promise.all([0, 1, 2, 3].map(() => api('/api/widget/session', { body: { siteKey: site.key, user } })));
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
  expect(new Set(answers.map((a) => a.body.visitor.id)).size).toBe(1);
});
