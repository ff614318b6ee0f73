// A token issued before a deactivation stays refused after the agent is reactivated (issue 9 item 2).
import { expect, it } from 'vitest';
import { api, workspaceWithSite } from '../../test/helpers';
import { patchAgent, teamMember } from '../../test/team-helpers';

it('an agent token from before a deactivation stays refused after the agent is reactivated', async () => {
  const { owner } = await workspaceWithSite();
  const bob = await teamMember(owner.token);
  expect((await patchAgent(owner.token, bob.agent.id, { active: false })).status).toBe(200);
  expect((await api('/api/auth/me', { token: bob.token })).status).toBe(401);
  expect((await patchAgent(owner.token, bob.agent.id, { active: true })).status).toBe(200);
  // The old (possibly stolen) token revives: expected 401, Bob signs in again for a new one.
  expect((await api('/api/auth/me', { token: bob.token })).status).toBe(401);
});
