import { describe, expect, it } from 'vitest';
import { api, registerOwner, visitorSession, workspaceWithSite } from '../../test/helpers';
import { department, patchDepartment, teamMember } from '../../test/team-helpers';

const names = (res: { body: { departments: { name: string }[] } }) => res.body.departments.map((d) => d.name);

describe('GET /api/departments', () => {
  it('lists the default first, then by name, to any agent of the workspace only', async () => {
    const owner = await registerOwner();
    await department(owner.token, 'zeta');
    await department(owner.token, 'Alpha');
    const bob = await teamMember(owner.token);
    const res = await api('/api/departments', { token: bob.token });
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(['General', 'Alpha', 'zeta']);
    const stranger = await registerOwner('Eve');
    expect(names(await api('/api/departments', { token: stranger.token }))).toEqual(['General']);
  });

  it('needs an agent token', async () => {
    const { site } = await workspaceWithSite();
    expect((await api('/api/departments')).status).toBe(401);
    const visitor = await visitorSession(site.key);
    const res = await api('/api/departments', { token: visitor.token });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });
});

describe('POST /api/departments', () => {
  it('creates a department', async () => {
    const owner = await registerOwner();
    const res = await api('/api/departments', { token: owner.token, body: { name: ' Sales ', autoAssign: true } });
    expect(res.status).toBe(201);
    expect(res.body.department).toEqual({
      id: expect.stringMatching(/^dp_/),
      workspaceId: owner.agent.workspaceId,
      name: 'Sales',
      isDefault: false,
      autoAssign: true,
    });
    const admin = await teamMember(owner.token, 'admin');
    expect(
      (await api('/api/departments', { token: admin.token, body: { name: 'Support' } })).body.department.autoAssign,
    ).toBe(false);
  });

  it('rejects bad input and a taken name', async () => {
    const owner = await registerOwner();
    for (const body of [{}, { name: '' }, { name: 'x'.repeat(101) }, { name: 'x', autoAssign: 'yes' }]) {
      const res = await api('/api/departments', { token: owner.token, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    const dup = await api('/api/departments', { token: owner.token, body: { name: 'general' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('name_taken');
  });

  it('is for owners and admins only', async () => {
    const { owner, site } = await workspaceWithSite();
    expect((await api('/api/departments', { body: { name: 'x' } })).status).toBe(401);
    const visitor = await visitorSession(site.key);
    expect((await api('/api/departments', { token: visitor.token, body: { name: 'x' } })).status).toBe(403);
    const bob = await teamMember(owner.token);
    const res = await api('/api/departments', { token: bob.token, body: { name: 'x' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });
});

describe('PATCH /api/departments/:id', () => {
  it('renames, toggles auto-assign, and moves the default atomically', async () => {
    const owner = await registerOwner();
    const general = owner.agent.departmentIds[0];
    const sales = await department(owner.token, 'Sales');
    const res = await patchDepartment(owner.token, sales.id, { name: 'Revenue', autoAssign: true });
    expect(res.status).toBe(200);
    expect(res.body.department).toEqual({ ...sales, name: 'Revenue', autoAssign: true });
    const made = await patchDepartment(owner.token, sales.id, { isDefault: true });
    expect(made.body.department.isDefault).toBe(true);
    const list = (await api('/api/departments', { token: owner.token })).body.departments;
    expect(list.map((d: { id: string; isDefault: boolean }) => [d.id, d.isDefault])).toEqual([
      [sales.id, true],
      [general, false],
    ]);
    // Already the default: nothing to clear, still fine.
    expect((await patchDepartment(owner.token, sales.id, { isDefault: true })).status).toBe(200);
  });

  it('rejects bad input and a taken name', async () => {
    const owner = await registerOwner();
    const sales = await department(owner.token, 'Sales');
    for (const body of [{}, { isDefault: false }, { name: '' }]) {
      const res = await patchDepartment(owner.token, sales.id, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    const dup = await patchDepartment(owner.token, sales.id, { name: 'GENERAL' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('name_taken');
    expect((await patchDepartment(owner.token, sales.id, { name: 'sales' })).body.department.name).toBe('sales');
  });

  it('refuses: no token, a visitor, a plain agent, another workspace', async () => {
    const { owner, site } = await workspaceWithSite();
    const sales = await department(owner.token, 'Sales');
    expect((await api(`/api/departments/${sales.id}`, { method: 'PATCH', body: { name: 'x' } })).status).toBe(401);
    const visitor = await visitorSession(site.key);
    expect((await patchDepartment(visitor.token, sales.id, { name: 'x' })).status).toBe(403);
    const bob = await teamMember(owner.token);
    expect((await patchDepartment(bob.token, sales.id, { name: 'x' })).body.error.code).toBe('forbidden');
    const stranger = await registerOwner('Eve');
    const foreign = await patchDepartment(stranger.token, sales.id, { isDefault: true });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
  });
});
