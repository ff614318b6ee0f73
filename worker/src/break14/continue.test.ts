// Issue 14 break tests (an outside tester's): continuation links and the "email me a link" request.
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { continuationToken } from '../auth/continuation';
import { unsubscribeUrl } from '../email/links';
import { api, visitorSession, workspaceWithSite } from '../../test/helpers';

const outbox = async (agentToken: string) =>
  (await api('/api/dev/outbox', { token: agentToken })).body.emails as { to: string; subject: string; text: string }[];

/** A visitor with an email and a conversation. */
async function visitorWithEmail(siteKey: string, email: string) {
  const v = await visitorSession(siteKey);
  const conv = (await api('/api/widget/conversations', { token: v.token, body: { email } })).body.conversation;
  return { v, conv };
}

describe('break14: continuation', () => {
  it('a session opened by a link (limited to one conversation) cannot change the visitor’s email', async () => {
    const { owner, site } = await workspaceWithSite();
    const { v, conv } = await visitorWithEmail(site.key, 'lee@example.com');
    await api(`/api/conversations/${conv.id}/resolve`, { token: owner.token, body: {} });
    const token = await continuationToken(env, { visitorId: v.visitor.id, siteId: site.id, conversationId: conv.id });
    const scoped = (
      await api('/api/widget/continue', { body: { siteKey: site.key, token, device: 'device-x-0123456789abcdef' } })
    ).body.token as string;
    expect(scoped).toBeTruthy();
    // The transcript route stores the email it is given, for the whole visitor: later unread-reply emails and
    // continuation links of the visitor's other conversations would go to this address.
    await api(`/api/widget/conversations/${conv.id}/transcript`, {
      token: scoped,
      body: { email: 'mallory@evil.example' },
    });
    expect((await visitorSession(site.key, v.token)).visitor.email).toBe('lee@example.com');
  });

  it('a session opened by a link changes no profile through /session either (an unverified name and email)', async () => {
    const { owner, site } = await workspaceWithSite();
    const { v, conv } = await visitorWithEmail(site.key, 'lee@example.com');
    await api(`/api/conversations/${conv.id}/resolve`, { token: owner.token, body: {} });
    const token = await continuationToken(env, { visitorId: v.visitor.id, siteId: site.id, conversationId: conv.id });
    const scoped = (
      await api('/api/widget/continue', { body: { siteKey: site.key, token, device: 'device-y-0123456789abcdef' } })
    ).body.token as string;
    const renewed = await api<{ token: string }>('/api/widget/session', {
      body: {
        siteKey: site.key,
        token: scoped,
        user: { id: 'u-1', hash: 'x', name: 'Mallory', email: 'mallory@evil.example' },
      },
    });
    expect(renewed.status).toBe(200);
    const me = (await visitorSession(site.key, v.token)).visitor;
    expect([me.name, me.email]).toEqual([null, 'lee@example.com']);
  });

  it('“email me a link” cannot flood one address from several visitors', async () => {
    const { owner, site } = await workspaceWithSite();
    const victim = `victim-${Date.now()}@example.com`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { v, conv } = await visitorWithEmail(site.key, victim);
      statuses.push((await api(`/api/widget/conversations/${conv.id}/link`, { token: v.token, body: {} })).status);
    }
    const sent = (await outbox(owner.token)).filter((m) => m.to === victim && m.subject.includes('Continue'));
    // Each visitor has its own 10-minute gap: five links in a moment to an address nobody proved to own.
    expect(sent.length).toBeLessThanOrEqual(1);
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(1);
  });

  // Decided (docs/email.md "Unsubscribing"): unsubscribing stops the emails Parley sends on its own (unread replies);
  // an email the visitor asks for at that moment (a link, a transcript) is still sent. Floods are the per-address gap's.
  it('an unsubscribed visitor who asks for a link gets it, once per gap', async () => {
    const { owner, site } = await workspaceWithSite();
    const email = `unsub-${Date.now()}@example.com`;
    const { v, conv } = await visitorWithEmail(site.key, email);
    const url = new URL(await unsubscribeUrl(env, 'https://parley.test', v.visitor.id));
    expect((await exports.default.fetch(`https://parley.test${url.pathname}${url.search}`)).status).toBe(200);
    expect((await api(`/api/widget/conversations/${conv.id}/link`, { token: v.token, body: {} })).status).toBe(202);
    expect((await api(`/api/widget/conversations/${conv.id}/link`, { token: v.token, body: {} })).status).toBe(429);
    expect((await outbox(owner.token)).filter((m) => m.to === email)).toHaveLength(1);
  });
});
