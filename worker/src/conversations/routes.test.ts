import { describe, expect, it } from 'vitest';
import { api, connect, conversationFixture, paths, registerOwner } from '../../test/helpers';

describe('agent conversation routes', () => {
  it('reads a conversation and its messages', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    v.send({ type: 'send', clientId: 'c1', body: 'Where is my order?' });
    await v.next((f) => f.type === 'ack');
    const got = await api(`/api/conversations/${conversation.id}`, { token: owner.token });
    expect(got.status).toBe(200);
    expect(got.body.conversation.id).toBe(conversation.id);
    const msgs = await api(`/api/conversations/${conversation.id}/messages`, { token: owner.token });
    expect(msgs.body.messages).toMatchObject([{ seq: 1, body: 'Where is my order?', sender: { type: 'visitor' } }]);
    v.close();
  });

  it('archives and restores, live on open sockets and in the inbox', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const a = await connect(paths.agent(conversation.id), owner.token);
    const archived = await api(`/api/conversations/${conversation.id}/archive`, { method: 'POST', token: owner.token });
    expect(archived.status).toBe(200);
    expect(archived.body.conversation.archivedAt).toBeTypeOf('string');
    await a.next((f) => f.type === 'conversation' && f.conversation.archivedAt);
    const inArchive = await waitForInbox(owner.token, site.id, true, conversation.id);
    expect(inArchive).toBe(true);
    const restored = await api(`/api/conversations/${conversation.id}/restore`, { method: 'POST', token: owner.token });
    expect(restored.body.conversation.archivedAt).toBeNull();
    await a.next((f) => f.type === 'conversation' && f.conversation.archivedAt === null);
    expect(await waitForInbox(owner.token, site.id, false, conversation.id)).toBe(true);
    void visitor;
    a.close();
  });

  it('refuses other workspaces, visitors and missing tokens', async () => {
    const { visitor, conversation } = await conversationFixture();
    const stranger = await registerOwner('Eve');
    for (const [path, method] of [
      [`/api/conversations/${conversation.id}`, 'GET'],
      [`/api/conversations/${conversation.id}/messages`, 'GET'],
      [`/api/conversations/${conversation.id}/archive`, 'POST'],
      [`/api/conversations/${conversation.id}/restore`, 'POST'],
    ] as const) {
      const other = await api(path, { method, token: stranger.token });
      expect(other.status).toBe(404);
      expect(other.body.error.code).toBe('not_found');
      const asVisitor = await api(path, { method, token: visitor.token });
      expect(asVisitor.status).toBe(403);
      expect(asVisitor.body.error.code).toBe('forbidden');
      expect((await api(path, { method })).status).toBe(401);
    }
  });

  it('validates history queries', async () => {
    const { owner, conversation } = await conversationFixture();
    const res = await api(`/api/conversations/${conversation.id}/messages?before=-1`, { token: owner.token });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });
});

/** The inbox is projected asynchronously; wait (bounded) until the conversation shows in the wanted tab. */
async function waitForInbox(token: string, siteId: string, archived: boolean, id: string) {
  for (let i = 0; i < 50; i++) {
    const res = await api(`/api/sites/${siteId}/conversations?archived=${archived}`, { token });
    if (res.body.conversations.some((c: { id: string }) => c.id === id)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
