import { env, exports } from 'cloudflare:workers';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { continuationToken } from '../auth/continuation';
import { signJwt } from '../auth/keys';
import { signToken } from '../auth/tokens';
import { unsubscribeUrl } from '../email/links';
import { api, conversationFixture, ORIGIN, visitorSession, workspaceWithSite } from '../../test/helpers';
import { block } from '../blocks/test-helpers';

const DEVICE_A = 'device-a-0123456789abcdef';
const DEVICE_B = 'device-b-0123456789abcdef';

/** A visitor's conversation and a continuation token for it. */
async function linked() {
  const f = await conversationFixture();
  const ids = { visitorId: f.visitor.visitor.id, siteId: f.site.id, conversationId: f.conversation.id };
  return { ...f, ids, token: await continuationToken(env, ids) };
}

const exchange = (siteKey: string, token: string, device = DEVICE_A) =>
  api('/api/widget/continue', { body: { siteKey, token, device } });

describe('POST /api/widget/continue', () => {
  it('gives another device a session of the same visitor, limited to that conversation', async () => {
    const { site, visitor, conversation, token } = await linked();
    const res = await exchange(site.key, token);
    expect(res.status).toBe(200);
    expect(res.body.visitor.id).toBe(visitor.visitor.id);
    expect(res.body.conversations.map((c: { id: string }) => c.id)).toEqual([conversation.id]);
    const scoped = res.body.token as string;
    expect((await api(`/api/widget/conversations/${conversation.id}/messages`, { token: scoped })).status).toBe(200);
    // The session, renewed with the limited token, stays limited.
    const again = await visitorSession(site.key, scoped);
    expect(again.visitor.id).toBe(visitor.visitor.id);
    expect(again.conversations.map((c) => c.id)).toEqual([conversation.id]);
    expect((await api(`/api/widget/conversations/${conversation.id}/messages`, { token: again.token })).status).toBe(
      200,
    );
  });

  it('reaches no other conversation of the visitor, and starts none', async () => {
    const { owner, site, visitor, conversation, token } = await linked();
    // Resolve the first conversation so that the visitor can start a second one.
    await api(`/api/conversations/${conversation.id}/resolve`, { token: owner.token, body: {} });
    const other = await api('/api/widget/conversations', { token: visitor.token, body: {} });
    const scoped = (await exchange(site.key, token)).body.token as string;
    expect(other.body.conversation.id).not.toBe(conversation.id);
    const res = await api(`/api/widget/conversations/${other.body.conversation.id}/messages`, { token: scoped });
    expect(res.status).toBe(404);
    // Its session lists only the linked conversation; the visitor's own token still sees both.
    expect((await visitorSession(site.key, scoped)).conversations.map((c) => c.id)).toEqual([conversation.id]);
    expect((await visitorSession(site.key, visitor.token)).conversations).toHaveLength(2);
    // Nor its files.
    const upload = await api(`/api/widget/conversations/${other.body.conversation.id}/files`, {
      token: visitor.token,
      body: 'hello',
      headers: { 'Content-Type': 'text/plain', 'X-Filename': 'a.txt' },
    });
    expect(upload.status).toBe(201);
    const fileUrl = upload.body.message.file.url as string;
    const download = (token: string) =>
      exports.default.fetch(`https://parley.test${fileUrl}`, {
        headers: { Authorization: `Bearer ${token}`, Origin: ORIGIN },
      });
    expect((await download(visitor.token)).status).toBe(200);
    expect((await download(scoped)).status).toBe(404);
    const start = await api('/api/widget/conversations', { token: scoped, body: {} });
    expect(start.status).toBe(403);
    expect(start.body.error.code).toBe('forbidden');
  });

  it('works again on the same device, and never on a second one', async () => {
    const { site, token } = await linked();
    expect((await exchange(site.key, token, DEVICE_A)).status).toBe(200);
    expect((await exchange(site.key, token, DEVICE_A)).status).toBe(200);
    const replay = await exchange(site.key, token, DEVICE_B);
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe('continuation_used');
  });

  it('refuses forged, expired, other-site and other-purpose tokens alike', async () => {
    const { site, ids, token, visitor, owner } = await linked();
    const other = await workspaceWithSite();
    const forged = await continuationToken({ AUTH_SECRET: 'another-secret-another-secret-0123456789' }, ids);
    const expired = await continuationToken(env, ids, -60);
    const noAudience = await signJwt(
      new SignJWT({ typ: 'continue', sid: ids.siteId, cid: ids.conversationId })
        .setSubject(ids.visitorId)
        .setIssuer('parley')
        .setJti('x')
        .setExpirationTime('1h'),
      env,
    );
    const unsubscribe = new URL(await unsubscribeUrl(env, 'https://p.example', ids.visitorId)).searchParams.get(
      'token',
    )!;
    const visitorTok = await signToken({ typ: 'visitor', sub: ids.visitorId, sid: ids.siteId }, env);
    for (const [key, t] of [
      [site.key, `${token.slice(0, -2)}xx`],
      [site.key, forged],
      [site.key, expired],
      [site.key, noAudience],
      [site.key, unsubscribe],
      [site.key, visitorTok],
      [site.key, visitor.token],
      [site.key, owner.token],
      [other.site.key, token],
    ] as const) {
      const res = await exchange(key, t);
      expect(res.status, t).toBe(400);
      expect(res.body.error.code).toBe('continuation_invalid');
    }
    // Nor is a continuation token a bearer token anywhere else.
    expect((await api(`/api/widget/conversations/${ids.conversationId}/messages`, { token })).status).toBe(401);
    expect((await api('/api/conversations', { token })).status).toBe(401);
  });

  it('refuses bad bodies, other origins and blocked visitors', async () => {
    const { owner, site, token, ids } = await linked();
    expect((await api('/api/widget/continue', { body: { siteKey: site.key, token } })).body.error.code).toBe(
      'bad_request',
    );
    const evil = await api('/api/widget/continue', {
      body: { siteKey: site.key, token, device: DEVICE_A },
      origin: 'https://evil.example',
    });
    expect(evil.body.error.code).toBe('origin_not_allowed');
    await block(owner.token, site.id, 'visitor', ids.visitorId);
    const blocked = await exchange(site.key, token);
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('chat_unavailable');
  });
});

describe('POST /api/widget/conversations/:id/link', () => {
  const outbox = async (agentToken: string) =>
    (await api('/api/dev/outbox', { token: agentToken })).body.emails as {
      to: string;
      subject: string;
      text: string;
    }[];

  it('emails a continuation link to the visitor, at most once per 10 minutes', async () => {
    const { owner, site } = await workspaceWithSite();
    const v = await visitorSession(site.key);
    const conv = (await api('/api/widget/conversations', { token: v.token, body: { email: 'lee@example.com' } })).body
      .conversation;
    const res = await api(`/api/widget/conversations/${conv.id}/link`, { token: v.token, body: {} });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ sent: true, to: 'lee@example.com' });
    const mail = (await outbox(owner.token)).find((m) => m.to === 'lee@example.com' && m.subject.includes('Continue'));
    const link = mail!.text.match(/#parley_continue=([\w.-]+)/)![1]!;
    const joined = await exchange(site.key, link);
    expect(joined.status).toBe(200);
    expect(joined.body.conversations[0].id).toBe(conv.id);
    const soon = await api(`/api/widget/conversations/${conv.id}/link`, { token: v.token, body: {} });
    expect(soon.status).toBe(429);
    expect(soon.body.error.code).toBe('rate_limited');
  });

  it('needs an email, and the visitor’s own conversation', async () => {
    const { site, visitor, conversation } = await conversationFixture();
    const none = await api(`/api/widget/conversations/${conversation.id}/link`, { token: visitor.token, body: {} });
    expect(none.body.error.code).toBe('email_required');
    const stranger = await visitorSession(site.key);
    const other = await api(`/api/widget/conversations/${conversation.id}/link`, { token: stranger.token, body: {} });
    expect(other.status).toBe(404);
    expect((await api(`/api/widget/conversations/${conversation.id}/link`, { body: {} })).status).toBe(401);
  });
});
