import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage } from '../../../protocol';
import { api, registerOwner, workspaceWithSite } from '../../test/helpers';
import { department, invite, patchAgent, patchDepartment, teamMember } from '../../test/team-helpers';

/** The workspace's audit log as its owner reads it (first page, newest first). */
async function auditOf(token: string, query = '') {
  const res = await api<AuditPage>(`/api/audit${query}`, { token });
  expect(res.status).toBe(200);
  return res.body;
}
const actions = (entries: AuditEntry[]) => entries.map((e) => e.action);

describe('audit log: what is recorded', () => {
  it('records invites, role changes, deactivation and reactivation with actor, time, IP and what changed', async () => {
    const owner = await registerOwner();
    const invited = await invite(owner.token, { role: 'agent' });
    expect((await patchAgent(owner.token, invited.agent.id, { role: 'admin' })).status).toBe(200);
    expect((await patchAgent(owner.token, invited.agent.id, { active: false })).status).toBe(200);
    expect((await patchAgent(owner.token, invited.agent.id, { active: true, maxConcurrent: 9 })).status).toBe(200);
    const { entries } = await auditOf(owner.token);
    expect(actions(entries)).toEqual([
      'agent.update',
      'agent.reactivate',
      'agent.deactivate',
      'agent.role_change',
      'agent.invite',
      'auth.register',
    ]);
    const role = entries.find((e) => e.action === 'agent.role_change')!;
    expect(role.actor).toEqual({ type: 'agent', id: owner.agent.id, name: owner.agent.name });
    expect(role.target).toEqual({ type: 'agent', id: invited.agent.id });
    expect(role.detail.changes).toEqual({ role: { from: 'agent', to: 'admin' } });
    expect(role.ip).toMatch(/^10\./); // the test client's CF-Connecting-IP
    expect(Date.parse(role.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(entries[0]!.detail.changes).toEqual({ maxConcurrent: { from: 5, to: 9 } });
    expect(entries.at(-2)!.detail).toMatchObject({ email: invited.agent.email, role: 'agent' });
  });

  it('records an accepted invitation as the new agent, in their workspace', async () => {
    const owner = await registerOwner();
    const member = await teamMember(owner.token, 'agent');
    const accepted = (await auditOf(owner.token, '?action=agent.invite_accepted')).entries;
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.actor).toEqual({ type: 'agent', id: member.agent.id, name: member.agent.name });
    expect(accepted[0]!.target).toEqual({ type: 'agent', id: member.agent.id });
    expect(JSON.stringify(accepted[0])).not.toContain('member password');
  });

  it('records site creation, origin and settings changes, and identity secret rotation without the secret', async () => {
    const { owner, site } = await workspaceWithSite();
    const patch = (body: unknown) => api(`/api/sites/${site.id}`, { token: owner.token, method: 'PATCH', body });
    expect((await patch({ allowedOrigins: ['https://new.example'], settings: { color: '#123456' } })).status).toBe(200);
    expect((await patch({ settings: { color: '#123456' } })).status).toBe(200); // no change: no entry
    const rotated = await api<{ secret: string }>(`/api/sites/${site.id}/identity-secret`, {
      token: owner.token,
      method: 'POST',
    });
    expect(rotated.status).toBe(200);
    const { entries } = await auditOf(owner.token);
    expect(actions(entries)).toEqual([
      'site.identity_secret_rotate',
      'site.settings_change',
      'site.origins_change',
      'site.create',
      'auth.register',
    ]);
    expect(entries[2]!.detail.changes).toEqual({
      allowedOrigins: { from: site.allowedOrigins, to: ['https://new.example'] },
    });
    expect(entries[1]!.detail.changes).toEqual({ 'settings.color': { from: site.settings.color, to: '#123456' } });
    expect(JSON.stringify(entries)).not.toContain(rotated.body.secret);
  });

  it('records department changes', async () => {
    const owner = await registerOwner();
    const dep = await department(owner.token, 'Billing');
    expect((await patchDepartment(owner.token, dep.id, { name: 'Invoices' })).status).toBe(200);
    expect((await api(`/api/departments/${dep.id}`, { token: owner.token, method: 'DELETE' })).status).toBe(204);
    const { entries } = await auditOf(owner.token);
    expect(actions(entries)).toEqual(['department.delete', 'department.update', 'department.create', 'auth.register']);
    expect(entries[1]!.detail.changes).toEqual({ name: { from: 'Billing', to: 'Invoices' } });
  });
});

describe('GET /api/audit', () => {
  it('pages newest first with a cursor, never repeating or skipping an entry, and filters by action', async () => {
    const owner = await registerOwner();
    for (let i = 0; i < 5; i++) await department(owner.token, `Team ${i}`);
    const first = await auditOf(owner.token, '?limit=2&action=department.create');
    expect(first.entries.map((e) => e.detail.name)).toEqual(['Team 4', 'Team 3']);
    const second = await auditOf(owner.token, `?limit=2&action=department.create&cursor=${first.nextCursor}`);
    const third = await auditOf(owner.token, `?limit=2&action=department.create&cursor=${second.nextCursor}`);
    expect([...second.entries, ...third.entries].map((e) => e.detail.name)).toEqual(['Team 2', 'Team 1', 'Team 0']);
    expect(third.nextCursor).toBeNull();
    await invite(owner.token);
    expect(actions((await auditOf(owner.token, '?action=agent.invite')).entries)).toEqual(['agent.invite']);
  });

  it('refuses bad input with its code', async () => {
    const owner = await registerOwner();
    for (const q of ['?cursor=abc', '?limit=0', '?limit=201', '?action=nope']) {
      const res = await api(`/api/audit${q}`, { token: owner.token });
      expect(res.status, q).toBe(400);
      expect(res.body.error.code, q).toMatch(/^(bad_request|bad_cursor)$/);
    }
    expect((await api('/api/audit?cursor=abc', { token: owner.token })).body.error.code).toBe('bad_cursor');
  });

  it('is for owners and admins of the workspace only', async () => {
    const owner = await registerOwner();
    await department(owner.token, 'Secret team');
    const admin = await teamMember(owner.token, 'admin');
    expect(actions((await auditOf(admin.token)).entries)).toContain('department.create');
    const agent = await teamMember(owner.token, 'agent');
    const asAgent = await api('/api/audit', { token: agent.token });
    expect([asAgent.status, asAgent.body.error.code]).toEqual([403, 'forbidden']);
    expect((await api('/api/audit')).status).toBe(401);
    // Another workspace sees only its own log.
    const other = await registerOwner();
    expect((await auditOf(other.token)).entries.map((e) => [e.action, e.actor.id])).toEqual([
      ['auth.register', other.agent.id],
    ]);
    // A visitor's token is not an agent's.
    const { site } = await workspaceWithSite();
    const visitor = await api<{ token: string }>('/api/widget/session', { body: { siteKey: site.key } });
    const asVisitor = await api('/api/audit', { token: visitor.body.token });
    expect([asVisitor.status, asVisitor.body.error.code]).toEqual([403, 'forbidden']);
    // A deactivated admin is refused at once.
    expect((await patchAgent(owner.token, admin.agent.id, { active: false })).status).toBe(200);
    const asDeactivated = await api('/api/audit', { token: admin.token });
    expect([asDeactivated.status, asDeactivated.body.error.code]).toEqual([401, 'unauthorized']);
  });
});
