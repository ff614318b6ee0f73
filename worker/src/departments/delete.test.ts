import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, registerOwner, unique, visitorSession, workspaceWithSite } from '../../test/helpers';
import { department, patchAgent, teamMember } from '../../test/team-helpers';

const remove = (token: string | undefined, id: string) => api(`/api/departments/${id}`, { token, method: 'DELETE' });

/** A conversation row in a department, written straight to the D1 index. */
async function conversationIn(workspaceId: string, siteId: string, departmentId: string, status: string) {
  const id = `cv_${unique()}`;
  const visitor = `vs_${unique()}`;
  const now = new Date().toISOString();
  await env.DB.batch([
    env.DB.prepare('INSERT INTO visitors (id, site_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)').bind(
      visitor,
      siteId,
      now,
      now,
    ),
    env.DB.prepare(
      'INSERT INTO conversations (id, workspace_id, site_id, visitor_id, status, department_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).bind(id, workspaceId, siteId, visitor, status, departmentId, now, now),
  ]);
  return id;
}

const departmentOf = async (id: string) =>
  (
    await env.DB.prepare('SELECT department_id FROM conversations WHERE id = ?')
      .bind(id)
      .first<{ department_id: string }>()
  )?.department_id;

describe('DELETE /api/departments/:id', () => {
  it('moves its agents and its conversations that are not closed to the default', async () => {
    const { owner, site } = await workspaceWithSite();
    const general = owner.agent.departmentIds[0];
    const sales = await department(owner.token, 'Sales');
    const support = await department(owner.token, 'Support');
    const bob = await teamMember(owner.token, 'agent', { departmentIds: [sales.id] });
    const carol = await teamMember(owner.token, 'agent', { departmentIds: [sales.id, support.id] });
    const open = await conversationIn(owner.agent.workspaceId, site.id, sales.id, 'waiting');
    const resolved = await conversationIn(owner.agent.workspaceId, site.id, sales.id, 'resolved');
    const closed = await conversationIn(owner.agent.workspaceId, site.id, sales.id, 'closed');
    const elsewhere = await conversationIn(owner.agent.workspaceId, site.id, support.id, 'active');

    const res = await remove(owner.token, sales.id);
    expect(res.status).toBe(204);
    const agents = (await api('/api/agents', { token: owner.token })).body.agents;
    const depsOf = (id: string) => agents.find((a: { id: string }) => a.id === id).departmentIds;
    expect(depsOf(bob.agent.id)).toEqual([general]);
    expect(depsOf(carol.agent.id)).toEqual([support.id]);
    expect(depsOf(owner.agent.id)).toEqual([general]);
    expect([
      await departmentOf(open),
      await departmentOf(resolved),
      await departmentOf(closed),
      await departmentOf(elsewhere),
    ]).toEqual([general, general, sales.id, support.id]);
    const left = await env.DB.prepare('SELECT count(*) AS n FROM agent_departments WHERE department_id = ?')
      .bind(sales.id)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
    expect(
      (await api('/api/departments', { token: owner.token })).body.departments.map((d: { id: string }) => d.id),
    ).toEqual([general, support.id]);
    expect((await remove(owner.token, sales.id)).status).toBe(404);
    // A deleted department cannot be given to an agent any more.
    expect((await patchAgent(owner.token, bob.agent.id, { departmentIds: [sales.id] })).body.error.code).toBe(
      'bad_request',
    );
  });

  it('refuses to delete the default department', async () => {
    const owner = await registerOwner();
    const res = await remove(owner.token, owner.agent.departmentIds[0]);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('default_department');
    const sales = await department(owner.token, 'Sales');
    await api(`/api/departments/${sales.id}`, { token: owner.token, method: 'PATCH', body: { isDefault: true } });
    expect((await remove(owner.token, owner.agent.departmentIds[0])).status).toBe(204);
    expect((await api('/api/auth/me', { token: owner.token })).body.agent.departmentIds).toEqual([sales.id]);
  });

  it('refuses: no token, a visitor, a plain agent, another workspace', async () => {
    const { owner, site } = await workspaceWithSite();
    const sales = await department(owner.token, 'Sales');
    expect((await remove(undefined, sales.id)).status).toBe(401);
    const visitor = await visitorSession(site.key);
    expect((await remove(visitor.token, sales.id)).status).toBe(403);
    const bob = await teamMember(owner.token);
    const byAgent = await remove(bob.token, sales.id);
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.error.code).toBe('forbidden');
    const stranger = await registerOwner('Eve');
    const foreign = await remove(stranger.token, sales.id);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
    expect((await api('/api/departments', { token: owner.token })).body.departments).toHaveLength(2);
  });
});
