import { describe, expect, it } from 'vitest';
import { api, visitorSession, workspaceWithSite } from '../../test/helpers';
import { patchAgent, teamMember } from '../../test/team-helpers';

// Who may call each privacy route: owners and admins of the workspace, active (docs/privacy.md).
describe('/api/privacy: who may call it', () => {
  it('refuses no token, a visitor, an agent, a deactivated admin and another workspace', async () => {
    const { owner, site } = await workspaceWithSite();
    const visitor = await visitorSession(site.key);
    const member = await teamMember(owner.token, 'agent');
    const admin = await teamMember(owner.token, 'admin');
    const other = await workspaceWithSite();
    const vid = visitor.visitor.id;
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/privacy/export'],
      ['GET', `/api/privacy/visitors?id=${vid}`],
      ['GET', `/api/privacy/visitors/${vid}/export`],
      ['POST', `/api/privacy/visitors/${vid}/erase`, { confirm: vid }],
      ['GET', '/api/privacy/retention'],
      ['PUT', `/api/privacy/retention/${site.id}`, { months: 6 }],
    ];
    expect((await api('/api/privacy/retention', { token: admin.token })).status).toBe(200);
    expect((await patchAgent(owner.token, admin.agent.id, { active: false })).status).toBe(200);
    for (const [method, path, body] of routes) {
      for (const [token, status, code] of [
        [undefined, 401, 'unauthorized'],
        [visitor.token, 403, 'forbidden'],
        [member.token, 403, 'forbidden'],
        [admin.token, 401, 'unauthorized'],
      ] as const) {
        const res = await api(path, { method, token, body });
        expect([res.status, res.body?.error?.code], `${method} ${path}`).toEqual([status, code]);
      }
    }
    // Another workspace's owner finds nothing of this one.
    for (const [method, path, body] of routes.slice(2)) {
      if (path === '/api/privacy/retention') continue;
      const res = await api(path, { method, token: other.owner.token, body });
      expect([res.status, res.body.error.code], `${method} ${path}`).toEqual([404, 'not_found']);
    }
    const found = await api(`/api/privacy/visitors?id=${vid}`, { token: other.owner.token });
    expect(found.body.visitors).toEqual([]);
  });
});
