import { describe, expect, it } from 'vitest';
import {
  api,
  connect,
  conversationFixture,
  ORIGIN,
  paths,
  visitorSession,
  workspaceWithSite,
} from '../../test/helpers';

describe('POST /api/widget/session', () => {
  it('creates a visitor and keeps its identity when it returns', async () => {
    const { site } = await workspaceWithSite();
    const first = await visitorSession(site.key);
    expect(first.visitor.siteId).toBe(site.id);
    expect(first.conversations).toEqual([]);
    await api('/api/widget/conversations', { token: first.token, body: {} });
    const again = await visitorSession(site.key, first.token);
    expect(again.visitor.id).toBe(first.visitor.id);
    expect(again.conversations).toHaveLength(1);
  });

  it('starts a new visitor for a token of another site or a forged token', async () => {
    const a = await workspaceWithSite();
    const b = await workspaceWithSite();
    const onA = await visitorSession(a.site.key);
    expect((await visitorSession(b.site.key, onA.token)).visitor.id).not.toBe(onA.visitor.id);
    expect((await visitorSession(a.site.key, onA.token + 'x')).visitor.id).not.toBe(onA.visitor.id);
  });

  it('checks the Origin against the site', async () => {
    const { site } = await workspaceWithSite(['https://*.shop.example']);
    expect(
      (await api('/api/widget/session', { body: { siteKey: site.key }, origin: 'https://eu.shop.example' })).status,
    ).toBe(200);
    for (const origin of ['https://evil.example', 'https://shop.example.evil.example', null]) {
      const res = await api('/api/widget/session', { body: { siteKey: site.key }, origin });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('origin_not_allowed');
    }
  });

  it('rejects unknown sites and bad bodies', async () => {
    const unknown = await api('/api/widget/session', { body: { siteKey: 'pk_nope' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const bad = await api('/api/widget/session', { body: { siteKey: 42 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
  });
});

describe('visitor conversations', () => {
  it('starts a conversation with an empty body or none', async () => {
    const { site } = await workspaceWithSite();
    const visitor = await visitorSession(site.key);
    expect((await api('/api/widget/conversations', { token: visitor.token, method: 'POST' })).status).toBe(201);
    // The visitor's open conversation comes back (200) rather than a second one.
    expect((await api('/api/widget/conversations', { token: visitor.token, body: '', method: 'POST' })).status).toBe(
      200,
    );
  });

  it('starts a conversation and pages its history, without notes', async () => {
    const { visitor, owner, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    for (let i = 1; i <= 5; i++) {
      v.send({ type: 'send', clientId: `v${i}`, body: `visitor ${i}` });
      await v.next((f) => f.type === 'ack' && f.clientId === `v${i}`);
    }
    a.send({ type: 'send', clientId: 'n1', body: 'internal', kind: 'note' });
    await a.next((f) => f.type === 'ack' && f.clientId === 'n1');
    const last = await api(`/api/widget/conversations/${conversation.id}/messages?limit=2`, { token: visitor.token });
    expect(last.status).toBe(200);
    expect(last.body.messages.map((m: { seq: number }) => m.seq)).toEqual([4, 5]);
    expect(last.body.hasMore).toBe(true);
    const before = await api(`/api/widget/conversations/${conversation.id}/messages?before=4&limit=10`, {
      token: visitor.token,
    });
    expect(before.body.messages.map((m: { body: string }) => m.body)).toEqual(['visitor 1', 'visitor 2', 'visitor 3']);
    expect(before.body.hasMore).toBe(false);
    const agentView = await api(`/api/conversations/${conversation.id}/messages`, { token: owner.token });
    expect(agentView.body.messages.at(-1)).toMatchObject({ kind: 'note', body: 'internal' });
    v.close();
    a.close();
  });

  it('refuses other visitors, agents, wrong origins and bad queries', async () => {
    const { site, conversation, owner, visitor } = await conversationFixture();
    const other = await visitorSession(site.key);
    const res = await api(`/api/widget/conversations/${conversation.id}/messages`, { token: other.token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    const asAgent = await api('/api/widget/conversations', { token: owner.token, body: {} });
    expect(asAgent.status).toBe(403);
    expect(asAgent.body.error.code).toBe('forbidden');
    const noToken = await api('/api/widget/conversations', { body: {} });
    expect(noToken.status).toBe(401);
    const wrongOrigin = await api('/api/widget/conversations', {
      token: visitor.token,
      body: {},
      origin: 'https://evil.example',
    });
    expect(wrongOrigin.status).toBe(403);
    expect(wrongOrigin.body.error.code).toBe('origin_not_allowed');
    const badQuery = await api(`/api/widget/conversations/${conversation.id}/messages?limit=0`, {
      token: visitor.token,
    });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.code).toBe('bad_request');
    const badBody = await api('/api/widget/conversations', { token: visitor.token, body: { status: 'active' } });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error.code).toBe('bad_request');
    const malformed = await api('/api/widget/conversations', { token: visitor.token, body: '{oops' });
    expect(malformed.body.error.code).toBe('bad_request');
  });

  it('answers CORS preflights for the widget', async () => {
    const res = await api('/api/widget/session', {
      method: 'OPTIONS',
      headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(res.status).toBe(204);
  });
});

it('serves the OpenAPI document', async () => {
  const res = await api('/api/openapi.json', { origin: ORIGIN });
  expect(res.status).toBe(200);
  expect(res.body.openapi).toBe('3.1.0');
  expect(Object.keys(res.body.paths)).toContain('/api/widget/session');
});

it('answers unknown API paths with the error envelope', async () => {
  const res = await api('/api/nope');
  expect(res.status).toBe(404);
  expect(res.body.error.code).toBe('not_found');
});
