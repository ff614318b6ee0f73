import { describe, expect, it } from 'vitest';
import { api, registerOwner, visitorSession, workspaceWithSite } from '../../test/helpers';
import { department, invite, patchAgent, teamMember } from '../../test/team-helpers';

describe('PATCH /api/agents/:id', () => {
  it('changes name, role, capacity and replaces the department set', async () => {
    const owner = await registerOwner();
    const bob = await teamMember(owner.token);
    const sales = await department(owner.token, 'Sales');
    const res = await patchAgent(owner.token, bob.agent.id, {
      name: 'Robert',
      role: 'admin',
      maxConcurrent: 9,
      departmentIds: [sales.id],
    });
    expect(res.status).toBe(200);
    expect(res.body.agent).toEqual({
      ...bob.agent,
      name: 'Robert',
      role: 'admin',
      maxConcurrent: 9,
      departmentIds: [sales.id],
    });
    expect((await api('/api/auth/me', { token: bob.token })).body.agent.role).toBe('admin');
    // An empty set means the default department: every agent belongs somewhere.
    const empty = await patchAgent(owner.token, bob.agent.id, { departmentIds: [] });
    expect(empty.body.agent.departmentIds).toEqual(owner.agent.departmentIds);
  });

  it('rejects bad input', async () => {
    const owner = await registerOwner();
    const bob = await teamMember(owner.token);
    const stranger = await registerOwner('Eve');
    for (const body of [{}, { maxConcurrent: 0 }, { role: 'boss' }, { active: 'no' }, { name: '' }]) {
      const res = await patchAgent(owner.token, bob.agent.id, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    const foreign = await patchAgent(owner.token, bob.agent.id, { departmentIds: stranger.agent.departmentIds });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('bad_request');
  });

  it('refuses: no token, a visitor, a plain agent, and agents of another workspace', async () => {
    const { owner, site } = await workspaceWithSite();
    const bob = await teamMember(owner.token);
    expect((await api(`/api/agents/${bob.agent.id}`, { method: 'PATCH', body: { name: 'x' } })).status).toBe(401);
    const visitor = await visitorSession(site.key);
    expect((await patchAgent(visitor.token, bob.agent.id, { name: 'x' })).status).toBe(403);
    const byAgent = await patchAgent(bob.token, bob.agent.id, { maxConcurrent: 99 });
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.error.code).toBe('forbidden');
    const stranger = await registerOwner('Eve');
    const foreign = await patchAgent(stranger.token, bob.agent.id, { active: false });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
    expect((await api('/api/auth/me', { token: bob.token })).status).toBe(200);
  });

  it('lets only owners grant the owner role or touch an owner', async () => {
    const owner = await registerOwner();
    const admin = await teamMember(owner.token, 'admin');
    const bob = await teamMember(owner.token);
    for (const [id, body] of [
      [owner.agent.id, { name: 'x' }],
      [owner.agent.id, { active: false }],
      [bob.agent.id, { role: 'owner' }],
    ] as const) {
      const res = await patchAgent(admin.token, id, body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await patchAgent(admin.token, bob.agent.id, { role: 'admin' })).body.agent.role).toBe('admin');
    expect((await patchAgent(owner.token, bob.agent.id, { role: 'owner' })).body.agent.role).toBe('owner');
    // Now an owner, bob is out of the admin's reach too.
    expect((await patchAgent(admin.token, bob.agent.id, { role: 'agent' })).status).toBe(403);
  });

  it('keeps an active owner: no self-deactivation, the last owner cannot step down', async () => {
    const owner = await registerOwner();
    const self = await patchAgent(owner.token, owner.agent.id, { active: false });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('self_deactivation');
    const demote = await patchAgent(owner.token, owner.agent.id, { role: 'admin' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_owner');
    const co = await teamMember(owner.token, 'admin');
    expect((await patchAgent(owner.token, co.agent.id, { role: 'owner' })).status).toBe(200);
    expect((await patchAgent(owner.token, owner.agent.id, { role: 'admin' })).body.agent.role).toBe('admin');
    const last = await patchAgent(co.token, co.agent.id, { role: 'agent' });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('last_owner');
    expect((await api('/api/auth/me', { token: co.token })).body.agent.role).toBe('owner');
  });

  it('can deactivate and reactivate another agent, an invitee included', async () => {
    const owner = await registerOwner();
    const carol = await invite(owner.token);
    const off = await patchAgent(owner.token, carol.agent.id, { active: false });
    expect(off.body.agent).toMatchObject({ active: false, invited: true });
    const list = await api('/api/agents', { token: owner.token });
    expect(list.body.agents.find((a: { id: string }) => a.id === carol.agent.id).active).toBe(false);
    expect((await patchAgent(owner.token, carol.agent.id, { active: true })).body.agent.active).toBe(true);
  });
});
