import { describe, expect, it } from 'vitest';
import { DELTA_FIELDS } from '../../../protocol';
import { api, connect, openSocket, paths, registerOwner, visitorSession, workspaceWithSite } from '../../test/helpers';

describe('SiteDO: the console inbox socket', () => {
  it('pushes conversation.created, a delta per message and conversation.updated live, in events frames', async () => {
    const { owner, site } = await workspaceWithSite();
    const inbox = await connect(paths.site(site.id), owner.token);
    const visitor = await visitorSession(site.key);
    const created = await api('/api/widget/conversations', { token: visitor.token, body: {} });
    const id = created.body.conversation.id;
    expect((await inbox.event((e) => e.type === 'conversation.created')).conversation.id).toBe(id);
    // Only now (the created event has gone out) is the next event a delta of its own rather than merged into it.
    const v = await connect(paths.visitor(id), visitor.token);
    v.send({ type: 'send', clientId: 'c1', body: 'Hello?' });
    const delta = await inbox.event((e) => e.type === 'conversation.delta' && e.delta.lastSeq === 1);
    expect(delta.delta).toMatchObject({
      id,
      agentUnread: 1,
      lastMessagePreview: 'Hello?',
      lastMessageSender: 'visitor',
      status: 'waiting',
    });
    // A delta is small: the message-driven fields only, never notes, tags or the visitor.
    expect(Object.keys(delta.delta).sort()).toEqual([...DELTA_FIELDS].sort());
    await api(`/api/conversations/${id}/archive`, { method: 'POST', token: owner.token });
    const updated = await inbox.event((e) => e.type === 'conversation.updated');
    expect(updated.conversation.archivedAt).not.toBeNull();
    inbox.close();
    v.close();
  });

  it('reports presence: who is connected and their status', async () => {
    const { owner, site } = await workspaceWithSite();
    const first = await connect(paths.site(site.id), owner.token);
    expect((await first.next((f) => f.type === 'presence')).agents).toEqual([
      { id: owner.agent.id, name: owner.agent.name, status: 'online' },
    ]);
    const from = first.frames.length;
    first.send({ type: 'status', status: 'away' });
    const away = await first.next((f) => f.type === 'presence', 5000, from);
    expect(away.agents[0].status).toBe('away');
    first.send({ type: 'status', status: 'sleeping' });
    expect((await first.next((f) => f.type === 'error')).code).toBe('bad_request');
    first.close();
  });

  it('refuses visitors, other workspaces and missing tokens', async () => {
    const { site } = await workspaceWithSite();
    const stranger = await registerOwner('Eve');
    const visitor = await visitorSession(site.key);
    expect((await openSocket(paths.site(site.id), null)).res.status).toBe(401);
    expect((await openSocket(paths.site(site.id), visitor.token)).res.status).toBe(403);
    expect((await openSocket(paths.site(site.id), stranger.token)).res.status).toBe(404);
    const plain = await api(paths.site(site.id), { token: stranger.token });
    expect(plain.status).toBe(404);
  });
});
