// Break tests for issue 15, API tokens: each states what should happen and fails on the current code.
import { describe, expect, it } from 'vitest';
import type { ApiToken } from '../../../protocol';
import { api, conversationFixture, registerOwner, unique, visitorSession, workspaceWithSite } from '../../test/helpers';
import { createToken } from '../tokens/test-helpers';

describe('break15: API tokens', () => {
  it('a token uploading a file does not claim the conversation (a token cannot hold one)', async () => {
    const { owner, conversation } = await conversationFixture();
    const { secret } = await createToken(owner.token, ['messages:write', 'conversations:read']);
    const res = await api(`/api/conversations/${conversation.id}/files`, {
      token: secret,
      body: 'hello',
      headers: { 'Content-Type': 'text/plain', 'X-Filename': 'note.txt' },
    });
    expect(res.status).toBe(201);
    const now = (await api(`/api/conversations/${conversation.id}`, { token: secret })).body.conversation;
    expect(now).toMatchObject({ status: 'waiting', assigneeId: null });
  });

  it('refuses an absurd expiry (protocol/tokens.ts: at most 2 years away)', async () => {
    const owner = await registerOwner();
    const res = await api('/api/tokens', {
      token: owner.token,
      body: { name: 'Forever', scopes: ['conversations:read'], expiresAt: '9999-12-31T23:59:59Z' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });

  it('a conversations:read token without visitors:read does not get visitors’ emails', async () => {
    const { owner, site } = await workspaceWithSite();
    const visitor = await visitorSession(site.key);
    const email = `vera-${unique()}@example.com`;
    const conversation = (
      await api('/api/widget/conversations', { token: visitor.token, body: { email, name: 'Vera' } })
    ).body.conversation;
    const { secret } = await createToken(owner.token, ['conversations:read']);
    const one = await api(`/api/conversations/${conversation.id}`, { token: secret });
    const inbox = await api(`/api/sites/${site.id}/conversations`, { token: secret });
    const seen = JSON.stringify([one.body, inbox.body]);
    expect(seen).toContain(conversation.id);
    expect(seen).not.toContain(email);
  });

  it('a workspace with more than 200 tokens can still list (and so revoke) every active one', async () => {
    const owner = await registerOwner();
    const first = await createToken(owner.token, ['conversations:read'], { name: 'the first' });
    // Fixed by a cap: at most 100 live tokens (409 token_limit), and the list shows live ones first.
    for (let i = 0; i < 99; i++) await createToken(owner.token, ['conversations:read']);
    const over = await api('/api/tokens', { token: owner.token, body: { name: 'one too many', scopes: ['kb:read'] } });
    expect([over.status, over.body.error?.code]).toEqual([409, 'token_limit']);
    const list = await api<{ tokens: ApiToken[] }>('/api/tokens', { token: owner.token });
    expect(list.body.tokens.map((t) => t.id)).toContain(first.token.id);
  });

  it('duplicate scopes are merged whatever their number (9 copies pass, 10 are refused today)', async () => {
    const owner = await registerOwner();
    const res = await api('/api/tokens', {
      token: owner.token,
      body: { name: 'Reader', scopes: Array(10).fill('conversations:read') },
    });
    expect(res.status).toBe(201);
    expect(res.body.token.scopes).toEqual(['conversations:read']);
  });
});
