import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { api, ORIGIN, registerOwner, unique, visitorSession, workspaceWithSite } from '../../test/helpers';

/** A plain agent (role "agent") in the owner's workspace; inserted directly until invites exist (issue 3). */
async function plainAgent(workspaceId: string) {
  const email = `agent-${unique()}@example.com`;
  await env.DB.prepare(
    "INSERT INTO agents (id, workspace_id, name, email, password_hash, role, active, created_at) VALUES (?, ?, 'Bob', ?, ?, 'agent', 1, ?)",
  )
    .bind(`ag_${unique()}`, workspaceId, email, await hashPassword('bobs password'), new Date().toISOString())
    .run();
  return (await api('/api/auth/login', { body: { email, password: 'bobs password' } })).body.token as string;
}

describe('sites', () => {
  it('creates and lists sites with a public key', async () => {
    const owner = await registerOwner();
    const created = await api('/api/sites', {
      token: owner.token,
      body: { name: 'Shop', allowedOrigins: [ORIGIN, 'https://*.example.org'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.site).toMatchObject({
      name: 'Shop',
      allowedOrigins: [ORIGIN, 'https://*.example.org'],
      workspaceId: owner.agent.workspaceId,
    });
    expect(created.body.site.key).toMatch(/^pk_[0-9a-f]{24}$/);
    const list = await api('/api/sites', { token: owner.token });
    expect(list.body.sites.map((s: { id: string }) => s.id)).toEqual([created.body.site.id]);
  });

  it('rejects bad input with bad_request', async () => {
    const owner = await registerOwner();
    for (const body of [
      { name: '', allowedOrigins: [] },
      { name: 'x', allowedOrigins: ['javascript:alert(1)'] },
      { name: 'x' },
    ]) {
      const res = await api('/api/sites', { token: owner.token, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
  });

  it('refuses callers who may not: no token, visitor, plain agent, other workspace', async () => {
    const { owner, site } = await workspaceWithSite();
    expect((await api('/api/sites')).status).toBe(401);
    const visitor = await visitorSession(site.key);
    const asVisitor = await api('/api/sites', { token: visitor.token });
    expect(asVisitor.status).toBe(403);
    expect(asVisitor.body.error.code).toBe('forbidden');
    const bob = await plainAgent(owner.agent.workspaceId);
    const byAgent = await api('/api/sites', { token: bob, body: { name: 'x', allowedOrigins: [] } });
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.error.code).toBe('forbidden');
    expect((await api('/api/sites', { token: bob })).body.sites).toHaveLength(1);
    const stranger = await registerOwner('Eve');
    expect((await api('/api/sites', { token: stranger.token })).body.sites).toEqual([]);
    const inbox = await api(`/api/sites/${site.id}/conversations`, { token: stranger.token });
    expect(inbox.status).toBe(404);
    expect(inbox.body.error.code).toBe('not_found');
  });
});

describe('GET /api/sites/:id/conversations (the inbox)', () => {
  it('lists active conversations newest first with preview, count and unread, paged by cursor', async () => {
    const { owner, site } = await workspaceWithSite();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const v = await visitorSession(site.key);
      ids.push((await api('/api/widget/conversations', { token: v.token, body: {} })).body.conversation.id);
    }
    const first = await api(`/api/sites/${site.id}/conversations?limit=2`, { token: owner.token });
    expect(first.status).toBe(200);
    expect(first.body.conversations.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.conversations[0]).toMatchObject({
      messageCount: 0,
      agentUnread: 0,
      archivedAt: null,
      status: 'waiting',
    });
    const second = await api(
      `/api/sites/${site.id}/conversations?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { token: owner.token },
    );
    expect(second.body.conversations.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
    const archived = await api(`/api/sites/${site.id}/conversations?archived=true`, { token: owner.token });
    expect(archived.body.conversations).toEqual([]);
  });

  it('validates the query', async () => {
    const { owner, site } = await workspaceWithSite();
    const res = await api(`/api/sites/${site.id}/conversations?limit=1000`, { token: owner.token });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    const bad = await api(`/api/sites/${site.id}/conversations?archived=maybe`, { token: owner.token });
    expect(bad.body.error.code).toBe('bad_request');
  });
});
