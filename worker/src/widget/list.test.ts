import { describe, expect, it } from 'vitest';
import { api, connect, conversationFixture, paths, visitorSession } from '../../test/helpers';

type Listed = { id: string; status: string; lastMessagePreview: string | null };
const list = (token?: string) => api<{ conversations: Listed[] }>('/api/widget/conversations', { token });

describe('GET /api/widget/conversations', () => {
  it("lists the visitor's conversations, newest first, with status and last message", async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    // The visitor's first message, then a resolve: a second conversation can start.
    const agent = await connect(paths.agent(conversation.id), owner.token);
    agent.send({ type: 'send', clientId: crypto.randomUUID(), body: 'Hello there' });
    await agent.next((f) => f.type === 'message');
    // A lifecycle change writes the conversation's D1 row at once (its last message included).
    await api(`/api/conversations/${conversation.id}/resolve`, { token: owner.token, method: 'POST' });
    const second = (await api('/api/widget/conversations', { token: visitor.token, body: {} })).body.conversation;
    const res = await list(visitor.token);
    expect(res.status).toBe(200);
    expect(res.body.conversations.map((c) => c.id)).toEqual([second.id, conversation.id]);
    expect(res.body.conversations[1]).toMatchObject({ status: 'resolved', lastMessagePreview: 'Hello there' });
    // Nobody else's.
    const stranger = await visitorSession(site.key);
    expect((await list(stranger.token)).body.conversations).toEqual([]);
  });

  it('needs a visitor token', async () => {
    const { owner } = await conversationFixture();
    expect((await list()).status).toBe(401);
    expect((await list(owner.token)).status).toBe(403);
  });
});
