import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, connect, conversationFixture, paths, registerOwner, visitorSession, waitFor } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';

describe('deleting a message', () => {
  it('an agent deletes their own message: replaced live everywhere, kept in order, gone from search', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    a.send({ type: 'send', clientId: 'oops', body: 'Your code is XYZZY', claim: false });
    const sent = await v.next((f) => f.type === 'message' && f.message.body === 'Your code is XYZZY');
    const res = await api(`/api/conversations/${conversation.id}/messages/${sent.message.id}`, {
      token: owner.token,
      method: 'DELETE',
    });
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({ id: sent.message.id, seq: sent.message.seq, body: '' });
    expect(res.body.message.deletedAt).toBeTypeOf('string');
    const live = await v.next((f) => f.type === 'message' && f.message.id === sent.message.id && f.message.deletedAt);
    expect(live.message.body).toBe('');
    const history = await api(`/api/widget/conversations/${conversation.id}/messages`, { token: visitor.token });
    expect(history.body.messages).toMatchObject([{ seq: 1, body: '', deletedAt: expect.any(String) }]);
    await waitFor(
      async () =>
        (
          await env.DB.prepare('SELECT deleted_at FROM messages WHERE conversation_id = ? AND seq = 1')
            .bind(conversation.id)
            .first<{ deleted_at: string | null }>()
        )?.deleted_at != null,
    );
    expect(
      (await api(`/api/sites/${site.id}/conversations?q=XYZZY`, { token: owner.token })).body.conversations,
    ).toEqual([]);
    v.close();
    a.close();
  });

  it('a deleted reply no longer counts as unread: snapshot, hello, session and the site socket agree', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const siteSocket = await connect(paths.site(site.id), owner.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    a.send({ type: 'send', clientId: 'kept', body: 'Hello!', claim: false });
    a.send({ type: 'send', clientId: 'oops', body: 'Oops, wrong customer', claim: false });
    const oops = await a.next((f) => f.type === 'message' && f.message.clientId === 'oops');
    await siteSocket.state((c) => c.id === conversation.id && c.lastSeq === oops.message.seq && c.visitorUnread === 2);
    const res = await api(`/api/conversations/${conversation.id}/messages/${oops.message.id}`, {
      token: owner.token,
      method: 'DELETE',
    });
    expect(res.status).toBe(200);
    await siteSocket.state((c) => c.id === conversation.id && c.visitorUnread === 1);
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    expect(v.of('hello')[0]).toMatchObject({ lastSeq: 2, conversation: { visitorUnread: 1 } });
    // The visitor's session lists conversations from D1, which the outbox brings up to date.
    await waitFor(async () => (await visitorSession(site.key, visitor.token)).conversations[0]?.visitorUnread === 1);
    siteSocket.close();
    a.close();
    v.close();
  });

  it("refuses other people's messages and other workspaces", async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const bob = await teamMember(owner.token);
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    v.send({ type: 'send', clientId: 'v', body: 'from the visitor' });
    a.send({ type: 'send', clientId: 'a', body: 'from Ann', claim: false });
    const fromVisitor = await a.next((f) => f.type === 'message' && f.message.clientId === 'v');
    const fromAnn = await a.next((f) => f.type === 'message' && f.message.clientId === 'a');
    const path = (id: string) => `/api/conversations/${conversation.id}/messages/${id}`;
    const notYours = await api(path(fromVisitor.message.id), { token: owner.token, method: 'DELETE' });
    expect(notYours.status).toBe(403);
    expect(notYours.body.error.code).toBe('not_your_message');
    expect((await api(path(fromAnn.message.id), { token: bob.token, method: 'DELETE' })).body.error.code).toBe(
      'not_your_message',
    );
    expect((await api(path('msg_nope'), { token: owner.token, method: 'DELETE' })).status).toBe(404);
    const stranger = await registerOwner('Eve');
    expect((await api(path(fromAnn.message.id), { token: stranger.token, method: 'DELETE' })).status).toBe(404);
    expect((await api(path(fromAnn.message.id), { token: visitor.token, method: 'DELETE' })).status).toBe(403);
    v.close();
    a.close();
  });
});

describe('notification preferences', () => {
  it('are stored per agent and validated', async () => {
    const { token } = await registerOwner();
    expect((await api('/api/auth/me', { token })).body.preferences).toEqual({
      desktop: true,
      sound: true,
      title: true,
    });
    const changed = await api('/api/auth/me/preferences', { token, method: 'PATCH', body: { sound: false } });
    expect(changed.body.preferences).toEqual({ desktop: true, sound: false, title: true });
    expect((await api('/api/auth/me', { token })).body.preferences.sound).toBe(false);
    const bad = await api('/api/auth/me/preferences', { token, method: 'PATCH', body: { sound: 'off' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    expect((await api('/api/auth/me/preferences', { method: 'PATCH', body: {} })).status).toBe(401);
  });
});
