import { describe, expect, it } from 'vitest';
import { api, conversationFixture, unique, workspaceWithSite } from '../../test/helpers';
import { userHash } from '../widget/identity';
import { inbox, webhook } from './test-helpers';

const post = (token: string, path: string, body?: unknown) => api(path, { token, method: 'POST', body });

// The whole kind behind break15's "claimed after the webhook was added": a conversation (or visitor) older than
// the webhook has an earlier state, and what changes in it afterwards is announced like anything else.
describe('webhook events for a conversation or visitor older than the webhook', () => {
  it('announces tags and priority changed, then the rating, of an existing conversation', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const id = conversation.id;
    expect((await post(owner.token, `/api/conversations/${id}/claim`)).status).toBe(200);
    const box = inbox();
    const { secret } = await webhook(owner.token, {
      url: box.url,
      events: ['conversation.updated', 'conversation.status_changed', 'rating.created'],
    });
    await box.config({ secret });
    const patched = await api(`/api/conversations/${id}`, {
      token: owner.token,
      method: 'PATCH',
      body: { tags: ['vip'], priority: 'urgent', notes: 'secret note' },
    });
    expect(patched.status).toBe(200);
    const first = await box.until((rs) => rs.some((r) => r.body.type === 'conversation.updated'), 10_000);
    const updated = first.find((r) => r.body.type === 'conversation.updated')!.body.data;
    expect(Object.keys(updated.changes).sort()).toEqual(['priority', 'tags']);
    expect(updated.changes.tags).toEqual({ from: [], to: ['vip'] });
    expect(JSON.stringify(first)).not.toContain('secret note');

    expect((await post(owner.token, `/api/conversations/${id}/resolve`)).status).toBe(200);
    const rated = await api(`/api/widget/conversations/${id}/rating`, { token: visitor.token, body: { score: 4 } });
    expect(rated.status).toBeLessThan(300);
    const got = await box.until((rs) => rs.some((r) => r.body.type === 'rating.created'), 10_000);
    expect(got.map((r) => r.body.type)).toContain('conversation.status_changed');
    expect(got.find((r) => r.body.type === 'rating.created')!.body.data.rating.score).toBe(4);
  });

  it('announces a visitor whose email changes when a transcript goes to a new address', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const box = inbox();
    const { secret } = await webhook(owner.token, { url: box.url, events: ['visitor.updated'] });
    await box.config({ secret });
    expect((await post(owner.token, `/api/conversations/${conversation.id}/claim`)).status).toBe(200);
    expect((await post(owner.token, `/api/conversations/${conversation.id}/resolve`)).status).toBe(200);
    const sent = await api(`/api/widget/conversations/${conversation.id}/transcript`, {
      token: visitor.token,
      body: { email: 'later@example.com' },
    });
    expect(sent.status).toBeLessThan(300);
    const got = await box.until((rs) => rs.length > 0, 8000);
    expect(got[0]!.body.data.visitor).toMatchObject({ id: visitor.visitor.id, email: 'later@example.com' });
  });

  it('announces a signed-in user whose name or email the site sends changed (and not when unchanged)', async () => {
    const { owner, site } = await workspaceWithSite();
    const { secret: idSecret } = (
      await api(`/api/sites/${site.id}/identity-secret`, { token: owner.token, method: 'POST' })
    ).body;
    const set = await api(`/api/sites/${site.id}`, {
      token: owner.token,
      method: 'PATCH',
      body: { settings: { identity: 'optional' } },
    });
    expect(set.status).toBe(200);
    const box = inbox();
    const { secret } = await webhook(owner.token, { url: box.url, events: ['visitor.created', 'visitor.updated'] });
    await box.config({ secret });
    const id = `user-${unique()}`;
    const hash = await userHash(idSecret, id);
    const session = (user: Record<string, string>) =>
      api('/api/widget/session', { body: { siteKey: site.key, user: { id, hash, ...user } } });
    expect((await session({ name: 'Zoe', email: 'zoe@example.com' })).status).toBe(200);
    expect((await session({ name: 'Zoe', email: 'zoe@example.com' })).status).toBe(200);
    expect((await session({ name: 'Zoe', email: 'zoe@new.example.com' })).status).toBe(200);
    const got = await box.until((rs) => rs.some((r) => r.body.type === 'visitor.updated'), 8000);
    expect(got.map((r) => `${r.body.type}:${r.body.data.visitor.email}`)).toEqual([
      'visitor.created:zoe@example.com',
      'visitor.updated:zoe@new.example.com',
    ]);
  });
});
