// Break tests for issue 15: an integration using its API token as docs/integrations.md shows. Each fails today.
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ApiToken, Message } from '../../../protocol';
import { api, conversationFixture, registerOwner } from '../../test/helpers';
import { patchAgent, teamMember } from '../../test/team-helpers';
import { createToken } from '../tokens/test-helpers';

const post = (token: string, id: string, body: unknown) => api(`/api/conversations/${id}/messages`, { token, body });

describe('break15: using an API token', () => {
  it('pages messages oldest first with ?after, as the curl example in docs/integrations.md does', async () => {
    const { owner, conversation } = await conversationFixture();
    const { secret } = await createToken(owner.token, ['conversations:read', 'messages:write']);
    for (const body of ['one', 'two', 'three'])
      expect((await post(secret, conversation.id, { body })).status).toBe(201);
    const page = await api<{ messages: Message[] }>(`/api/conversations/${conversation.id}/messages?after=0&limit=1`, {
      token: secret,
    });
    expect(page.status).toBe(200);
    // "A conversation's messages, oldest first, paged by seq": after=0 starts at the first message.
    expect(page.body.messages.map((m) => m.body)).toEqual(['one']);
  });

  it('an unknown path answers 404 not_found to a token, as to an agent', async () => {
    const { owner, conversation } = await conversationFixture();
    const { secret } = await createToken(owner.token, ['conversations:read']);
    const asAgent = await api(`/api/conversations/${conversation.id}/nope`, { token: owner.token });
    expect(asAgent.status).toBe(404);
    const asToken = await api(`/api/conversations/${conversation.id}/nope`, { token: secret });
    expect(asToken.status).toBe(404);
    expect(asToken.body.error.code).toBe('not_found');
  });

  it('accepts the Bearer scheme in any case (RFC 9110 §11.1: auth schemes are case-insensitive)', async () => {
    const owner = await registerOwner();
    const { secret } = await createToken(owner.token, ['conversations:read']);
    const res = await exports.default.fetch('https://parley.test/api/sites', {
      headers: { Authorization: `bearer ${secret}` },
    });
    expect(res.status).toBe(200);
  });

  it('a clientId reused for a different message is refused, not answered with another message', async () => {
    const { owner, conversation } = await conversationFixture();
    const { secret } = await createToken(owner.token, ['messages:write']);
    const note = await post(secret, conversation.id, { body: 'Refund approved in CRM', kind: 'note', clientId: 'k1' });
    expect(note.status).toBe(201);
    // A different body and kind under the same key: the integration would believe the visitor got this text.
    const text = await post(secret, conversation.id, { body: 'Your refund is on its way', clientId: 'k1' });
    expect(text.status).toBe(409);
  });

  it("the list shows what a token can do today: its creator's demotion takes the admin scopes off", async () => {
    const owner = await registerOwner();
    const admin = await teamMember(owner.token, 'admin');
    const { token, secret } = await createToken(admin.token, ['settings:manage', 'conversations:read']);
    expect((await patchAgent(owner.token, admin.agent.id, { role: 'agent' })).status).toBe(200);
    // Enforced: the token lost settings:manage ...
    const refused = await api('/api/sites', { token: secret, body: { name: 'X', allowedOrigins: [] } });
    expect(refused.body.error?.code).toBe('insufficient_scope');
    // ... but the console's list still shows it as an active token holding settings:manage.
    const list = await api<{ tokens: ApiToken[] }>('/api/tokens', { token: owner.token });
    const listed = list.body.tokens.find((t) => t.id === token.id)!;
    expect(listed.scopes).not.toContain('settings:manage');
  });
});
