// A token issued before a deactivation stays refused after the agent is reactivated (issue 9 item 2).
import { expect, it } from 'vitest';
import { api, openSocket, paths, workspaceWithSite } from '../../test/helpers';
import { MEMBER_PASSWORD, patchAgent, teamMember } from '../../test/team-helpers';

it('an agent token from before a deactivation stays refused after the agent is reactivated; signing in again works', async () => {
  const { owner, site } = await workspaceWithSite();
  const bob = await teamMember(owner.token);
  expect((await patchAgent(owner.token, bob.agent.id, { active: false })).status).toBe(200);
  expect((await api('/api/auth/me', { token: bob.token })).status).toBe(401);
  expect((await patchAgent(owner.token, bob.agent.id, { active: true })).status).toBe(200);
  // The old (possibly stolen) token stays dead everywhere: routes and sockets share the one check.
  expect((await api('/api/auth/me', { token: bob.token })).status).toBe(401);
  expect((await api(`/api/sites/${site.id}/conversations`, { token: bob.token })).status).toBe(401);
  expect((await openSocket(paths.site(site.id), bob.token)).res.status).toBe(401);
  // Right away, in the same second: a new sign-in gives a token that works.
  const again = await api('/api/auth/login', { body: { email: bob.agent.email, password: MEMBER_PASSWORD } });
  expect(again.status).toBe(200);
  expect((await api('/api/auth/me', { token: again.body.token })).status).toBe(200);
});
