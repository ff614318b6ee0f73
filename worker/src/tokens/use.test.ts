// What an integration does with an API token: list conversations, read messages, post a message the visitor sees
// live, change the status; every write attributed to the token in the audit log.
import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../protocol';
import { api, connect, conversationFixture, paths, registerOwner, waitFor } from '../../test/helpers';
import { patchAgent, teamMember } from '../../test/team-helpers';
import { auditEntries, createToken } from './test-helpers';

const post = (token: string, id: string, body: unknown) => api(`/api/conversations/${id}/messages`, { token, body });

describe('an integration with an API token', () => {
  it('lists conversations, reads messages, posts a message the visitor sees live and resolves', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const { token, secret } = await createToken(
      owner.token,
      ['conversations:read', 'conversations:write', 'messages:write'],
      { name: 'Acme Bot' },
    );
    const sites = await api('/api/sites', { token: secret });
    expect(sites.body.sites.map((s: { id: string }) => s.id)).toEqual([site.id]);
    await waitFor(async () =>
      (await api(`/api/sites/${site.id}/conversations`, { token: secret })).body.conversations.some(
        (c: Conversation) => c.id === conversation.id,
      ),
    );

    const socket = await connect(paths.visitor(conversation.id), visitor.token);
    const sent = await post(secret, conversation.id, { body: 'Your order shipped', clientId: 'crm-1' });
    expect(sent.status).toBe(201);
    expect(sent.body.message).toMatchObject({
      kind: 'text',
      body: 'Your order shipped',
      sender: { type: 'agent', id: token.id, name: 'Acme Bot' },
    });
    const live = await socket.next((f) => f.type === 'message' && f.message.body === 'Your order shipped');
    expect(live.message.sender).toEqual({ type: 'agent', name: 'Acme Bot' });
    // A retry with the same clientId stores nothing new.
    const again = await post(secret, conversation.id, { body: 'Your order shipped', clientId: 'crm-1' });
    expect(again.body.message.id).toBe(sent.body.message.id);

    const history = await api(`/api/conversations/${conversation.id}/messages`, { token: secret });
    expect(history.status).toBe(200);
    expect(history.body.messages.filter((m: Message) => m.body === 'Your order shipped')).toHaveLength(1);
    // A token never holds a conversation: its message did not claim it.
    const now = (await api(`/api/conversations/${conversation.id}`, { token: secret })).body.conversation;
    expect(now).toMatchObject({ status: 'waiting', assigneeId: null });

    const resolved = await api(`/api/conversations/${conversation.id}/resolve`, { token: secret, method: 'POST' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.conversation.status).toBe('resolved');
    await socket.next((f) => f.type === 'message' && f.message.body === 'Resolved by Acme Bot');

    const entries = await auditEntries(owner.token, 'token.request');
    expect(entries.map((e) => e.detail.path)).toEqual([
      `/api/conversations/${conversation.id}/resolve`,
      `/api/conversations/${conversation.id}/messages`,
      `/api/conversations/${conversation.id}/messages`,
    ]);
    for (const e of entries) expect(e.actor).toEqual({ type: 'token', id: token.id, name: 'Acme Bot' });
    socket.close();
  });

  it('an admin action through a token is attributed to the token, not its creator', async () => {
    const owner = await registerOwner();
    const { token, secret } = await createToken(owner.token, ['settings:manage'], { name: 'Provisioner' });
    const res = await api('/api/sites', { token: secret, body: { name: 'Blog', allowedOrigins: [] } });
    expect(res.status).toBe(201);
    const [entry] = await auditEntries(owner.token, 'site.create');
    expect(entry!.actor).toEqual({ type: 'token', id: token.id, name: 'Provisioner' });
    // Its own entry is enough: no token.request beside it.
    expect(await auditEntries(owner.token, 'token.request')).toEqual([]);
  });

  it("cannot reach another workspace's conversations", async () => {
    const { conversation } = await conversationFixture();
    const stranger = await registerOwner('Eve');
    const { secret } = await createToken(stranger.token, ['conversations:read', 'messages:write']);
    expect((await api(`/api/conversations/${conversation.id}`, { token: secret })).status).toBe(404);
    expect((await post(secret, conversation.id, { body: 'hi' })).status).toBe(404);
  });

  it('a token has no more than its creator has today: a demoted admin’s token loses the admin scopes', async () => {
    const owner = await registerOwner();
    const admin = await teamMember(owner.token, 'admin');
    const { secret } = await createToken(admin.token, ['settings:manage', 'conversations:read']);
    expect((await api('/api/sites', { token: secret, body: { name: 'A', allowedOrigins: [] } })).status).toBe(201);
    expect((await patchAgent(owner.token, admin.agent.id, { role: 'agent' })).status).toBe(200);
    const refused = await api('/api/sites', { token: secret, body: { name: 'B', allowedOrigins: [] } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('insufficient_scope');
    expect((await api('/api/sites', { token: secret })).status).toBe(200);
  });
});

describe('POST /api/conversations/:id/messages', () => {
  it('lets a signed-in agent post over REST; their text claims a waiting conversation as on the socket', async () => {
    const { owner, conversation } = await conversationFixture();
    const res = await post(owner.token, conversation.id, { body: 'Hello!' });
    expect(res.status).toBe(201);
    expect(res.body.message.sender).toMatchObject({ type: 'agent', id: owner.agent.id });
    const now = (await api(`/api/conversations/${conversation.id}`, { token: owner.token })).body.conversation;
    expect(now.assigneeId).toBe(owner.agent.id);
  });

  it('refuses bad input, a note to nowhere, visitors, no token and a token without messages:write', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    for (const body of [{}, { body: '   ' }, { body: 'x'.repeat(20_000) }, { body: 'x', kind: 'system' }]) {
      const res = await post(owner.token, conversation.id, body);
      expect([400, 413], JSON.stringify(body).slice(0, 40)).toContain(res.status);
    }
    expect((await post(visitor.token, conversation.id, { body: 'x' })).status).toBe(403);
    expect((await api(`/api/conversations/${conversation.id}/messages`, { body: { body: 'x' } })).status).toBe(401);
    const { secret } = await createToken(owner.token, ['conversations:read']);
    const res = await post(secret, conversation.id, { body: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('insufficient_scope');
    expect((await post(owner.token, 'cv_nope', { body: 'x' })).status).toBe(404);
  });

  it('refuses a deactivated agent', async () => {
    const { owner, conversation } = await conversationFixture();
    const bob = await teamMember(owner.token);
    expect((await patchAgent(owner.token, bob.agent.id, { active: false })).status).toBe(200);
    expect((await post(bob.token, conversation.id, { body: 'x' })).status).toBe(401);
  });
});
