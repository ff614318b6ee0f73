// Visitors' names and emails reach an API token only with visitors:read (auth/visitor-contacts.ts); and the
// forward paging (`?after`) integrations sync with.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../protocol';
import { api, unique, visitorSession, workspaceWithSite } from '../../test/helpers';
import { withoutVisitorContacts } from '../auth/visitor-contacts';
import { createToken } from './test-helpers';

async function visitorWithMessage() {
  const { owner, site } = await workspaceWithSite();
  const visitor = await visitorSession(site.key);
  const email = `vera-${unique()}@example.com`;
  const started = await api('/api/widget/conversations', {
    token: visitor.token,
    body: { email, name: 'Vera Quintessa', message: 'Where is my parcel?' },
  });
  return { owner, site, email, conversation: started.body.conversation };
}

describe("visitors' contacts and API tokens", () => {
  it('a token without visitors:read gets ids but no name or email, in the conversation, the inbox and messages', async () => {
    const { owner, site, email, conversation } = await visitorWithMessage();
    const { secret } = await createToken(owner.token, ['conversations:read']);
    const one = await api(`/api/conversations/${conversation.id}`, { token: secret });
    expect(one.body.conversation.visitor).toEqual({ id: expect.stringMatching(/./), name: null, email: null });
    const inbox = await api(`/api/sites/${site.id}/conversations`, { token: secret });
    const history = await api<{ messages: Message[] }>(`/api/conversations/${conversation.id}/messages`, {
      token: secret,
    });
    const fromVisitor = history.body.messages.find((m) => m.sender.type === 'visitor');
    expect(fromVisitor).toMatchObject({ body: 'Where is my parcel?', sender: { type: 'visitor' } });
    expect(fromVisitor?.sender.name).toBeUndefined();
    const seen = JSON.stringify([one.body, inbox.body, history.body]);
    expect(seen).toContain(conversation.id);
    expect(seen).not.toContain(email);
    expect(seen).not.toContain('Quintessa');
  });

  it('a token with visitors:read, and a signed-in agent, get the name and email', async () => {
    const { owner, email, conversation } = await visitorWithMessage();
    const { secret } = await createToken(owner.token, ['conversations:read', 'visitors:read']);
    for (const token of [secret, owner.token]) {
      const one = await api(`/api/conversations/${conversation.id}`, { token });
      expect(one.body.conversation.visitor).toMatchObject({ name: 'Vera Quintessa', email });
    }
  });

  it('keeps everything but visitors’ names and emails', () => {
    const body = {
      conversation: { id: 'cv', visitor: { id: 'vs', name: 'N', email: 'e@x' }, assigneeName: 'Agent A' },
      messages: [
        { sender: { type: 'visitor', id: 'vs', name: 'N' }, body: 'hi' },
        { sender: { type: 'agent', id: 'ag', name: 'Agent A' }, body: 'hello' },
      ],
    };
    expect(withoutVisitorContacts(body)).toEqual({
      conversation: { id: 'cv', visitor: { id: 'vs', name: null, email: null }, assigneeName: 'Agent A' },
      messages: [
        { sender: { type: 'visitor', id: 'vs' }, body: 'hi' },
        { sender: { type: 'agent', id: 'ag', name: 'Agent A' }, body: 'hello' },
      ],
    });
  });
});

describe('history paging forward (?after)', () => {
  it('walks from the first message to the last, oldest first, and refuses before with after', async () => {
    const { owner, conversation } = await visitorWithMessage();
    const { secret } = await createToken(owner.token, ['conversations:read', 'messages:write']);
    for (const body of ['two', 'three'])
      expect(
        (await api(`/api/conversations/${conversation.id}/messages`, { token: secret, body: { body } })).status,
      ).toBe(201);
    const bodies: string[] = [];
    let after = 0;
    for (let i = 0; i < 5; i++) {
      const page = await api<{ messages: Message[]; hasMore: boolean }>(
        `/api/conversations/${conversation.id}/messages?after=${after}&limit=2`,
        { token: secret },
      );
      bodies.push(...page.body.messages.map((m) => m.body));
      if (!page.body.hasMore) break;
      after = page.body.messages.at(-1)!.seq;
    }
    expect(bodies.filter((b) => b !== '').slice(-3)).toEqual(['Where is my parcel?', 'two', 'three']);
    const both = await api(`/api/conversations/${conversation.id}/messages?after=1&before=3`, { token: secret });
    expect([both.status, both.body.error.code]).toEqual([400, 'bad_request']);
    const negative = await api(`/api/conversations/${conversation.id}/messages?after=-1`, { token: secret });
    expect([negative.status, negative.body.error.code]).toEqual([400, 'bad_request']);
  });
});

describe('the document of the history route', () => {
  it('lists before, after and limit as its query parameters', async () => {
    type Op = { parameters?: { name: string; in: string }[] };
    const doc = (await api<{ paths: Record<string, Record<string, Op>> }>('/api/openapi.json')).body;
    const op = doc.paths['/api/conversations/{id}/messages']?.get;
    const query = (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(query.sort()).toEqual(['after', 'before', 'limit']);
  });
});
