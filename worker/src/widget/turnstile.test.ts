// Turnstile on new visitors' sessions, against the local siteverify stand-in that vitest.config.ts starts with
// Cloudflare's test keys (this machine cannot reach Cloudflare; scripts/siteverify-standin.mjs).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, registerOwner, visitorSession, workspaceWithSite } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';
import { app } from '../app';
import { userHash } from './identity';
import { verifyTurnstile } from './turnstile';

const DUMMY = 'XXXX.DUMMY.TOKEN.XXXX';
const FAIL_SECRET = '2x0000000000000000000000000000000AA';
const SPENT_SECRET = '3x0000000000000000000000000000000AA';

const turnstile = (token: string, siteId: string, value: 'on' | 'off') =>
  api(`/api/sites/${siteId}`, { token, method: 'PATCH', body: { settings: { turnstile: value } } });
const session = (siteKey: string, extra: Record<string, unknown> = {}) =>
  api('/api/widget/session', { body: { siteKey, ...extra } });

/** A site with Turnstile on. */
async function siteWithTurnstile() {
  const { owner, site } = await workspaceWithSite();
  expect((await turnstile(owner.token, site.id, 'on')).status).toBe(200);
  return { owner, site };
}

/** The check with another deployment configuration (the real function, the stand-in's real answers). */
const check = (vars: Partial<Env>, token?: string) =>
  verifyTurnstile(
    { ...env, ...vars } as Env,
    new Request('https://parley.test', { headers: { 'CF-Connecting-IP': '203.0.113.9' } }),
    token,
  ).then(
    () => 'ok',
    (e: { status: number; code: string }) => `${e.status} ${e.code}`,
  );

describe('Turnstile on sessions', () => {
  it('serves the site key in the widget config only while the setting is on', async () => {
    const { owner, site } = await workspaceWithSite();
    const before = await api(`/api/widget/config/${site.key}`);
    expect(before.body.settings.turnstile).toBe('off');
    expect(before.body.turnstileSiteKey).toBeUndefined();
    await turnstile(owner.token, site.id, 'on');
    const after = await api(`/api/widget/config/${site.key}`);
    expect(after.body.turnstileSiteKey).toBe(env.TURNSTILE_SITE_KEY);
  });

  it('lets a new visitor in with a token siteverify accepts', async () => {
    const { site } = await siteWithTurnstile();
    const res = await session(site.key, { turnstileToken: DUMMY });
    expect(res.status).toBe(200);
    expect(res.body.token).toBeTruthy();
  });

  it('refuses a new visitor without a token, and with one siteverify rejects', async () => {
    const { site } = await siteWithTurnstile();
    const missing = await session(site.key);
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('turnstile_required');
    const wrong = await session(site.key, { turnstileToken: 'not-a-real-token' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('turnstile_failed');
    // A token that is no visitor token of this site is a new visitor too.
    const other = await workspaceWithSite();
    const foreign = await visitorSession(other.site.key);
    expect((await session(site.key, { token: foreign.token })).body.error.code).toBe('turnstile_required');
  });

  it('fails with the always-fail secret through the whole route', async () => {
    const { site } = await siteWithTurnstile();
    const req = new Request('https://parley.test/api/widget/session', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'https://shop.example',
        'CF-Connecting-IP': '203.0.113.10',
      },
      body: JSON.stringify({ siteKey: site.key, turnstileToken: DUMMY }),
    });
    const res = await app.fetch(req, { ...env, TURNSTILE_SECRET_KEY: FAIL_SECRET });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('turnstile_failed');
  });

  it('maps every siteverify answer: pass, fail, spent token, bad secret, unreachable, no keys', async () => {
    expect(await check({}, DUMMY)).toBe('ok');
    expect(await check({})).toBe('403 turnstile_required');
    expect(await check({ TURNSTILE_SECRET_KEY: FAIL_SECRET }, DUMMY)).toBe('403 turnstile_failed');
    expect(await check({ TURNSTILE_SECRET_KEY: SPENT_SECRET }, DUMMY)).toBe('403 turnstile_failed');
    expect(await check({ TURNSTILE_SECRET_KEY: 'a-secret-siteverify-does-not-know' }, DUMMY)).toBe(
      '503 turnstile_unavailable',
    );
    // Fail closed when siteverify cannot be reached (nothing listens on port 9 of the loopback).
    expect(await check({ TURNSTILE_VERIFY_URL: 'http://127.0.0.1:9/turnstile/v0/siteverify' }, DUMMY)).toBe(
      '503 turnstile_unavailable',
    );
    expect(await check({ TURNSTILE_SECRET_KEY: undefined }, DUMMY)).toBe('503 turnstile_unavailable');
  });

  it('does not challenge a returning visitor with a valid token', async () => {
    const { owner, site } = await workspaceWithSite();
    const visitor = await visitorSession(site.key);
    await turnstile(owner.token, site.id, 'on');
    const back = await session(site.key, { token: visitor.token });
    expect(back.status).toBe(200);
    expect(back.body.visitor.id).toBe(visitor.visitor.id);
  });

  it("challenges a session that would make a new visitor out of a verified user's token", async () => {
    const { owner, site } = await siteWithTurnstile();
    await api(`/api/sites/${site.id}`, {
      token: owner.token,
      method: 'PATCH',
      body: { settings: { identity: 'optional' } },
    });
    const { secret } = (await api(`/api/sites/${site.id}/identity-secret`, { token: owner.token, method: 'POST' }))
      .body;
    const user = { id: 'cust-7', hash: await userHash(secret, 'cust-7') };
    const signedIn = await session(site.key, { user, turnstileToken: DUMMY });
    expect(signedIn.status).toBe(200);
    // The same user comes back unchallenged...
    expect((await session(site.key, { token: signedIn.body.token, user })).body.visitor.id).toBe(
      signedIn.body.visitor.id,
    );
    // ...but without the user (or as another one) the token would mint a new visitor: a bot must not skip the check.
    const other = { id: 'cust-8', hash: await userHash(secret, 'cust-8') };
    for (const extra of [{}, { user: other }]) {
      expect((await session(site.key, { token: signedIn.body.token, ...extra })).body.error.code).toBe(
        'turnstile_required',
      );
    }
    await api(`/api/sites/${site.id}`, {
      token: owner.token,
      method: 'PATCH',
      body: { settings: { identity: 'off' } },
    });
    expect((await session(site.key, { token: signedIn.body.token, user })).body.error.code).toBe('turnstile_required');
    const count = await env.DB.prepare('SELECT count(*) AS n FROM visitors WHERE site_id = ?')
      .bind(site.id)
      .first<{ n: number }>();
    expect(count?.n).toBe(1);
  });

  it('ignores tokens while the setting is off', async () => {
    const { site } = await workspaceWithSite();
    expect((await session(site.key)).status).toBe(200);
    expect((await session(site.key, { turnstileToken: 'anything at all' })).status).toBe(200);
  });
});

describe('the turnstile setting', () => {
  it('may be changed by admins, not by agents, another workspace, or without a token', async () => {
    const { owner, site } = await workspaceWithSite();
    const admin = await teamMember(owner.token, 'admin');
    const agent = await teamMember(owner.token, 'agent');
    const stranger = await registerOwner('Eve');
    expect((await turnstile(admin.token, site.id, 'on')).status).toBe(200);
    const refused = await turnstile(agent.token, site.id, 'off');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await turnstile(stranger.token, site.id, 'off')).body.error.code).toBe('not_found');
    expect(
      (await api(`/api/sites/${site.id}`, { method: 'PATCH', body: { settings: { turnstile: 'off' } } })).body.error
        .code,
    ).toBe('unauthorized');
    expect((await turnstile(owner.token, site.id, 'maybe' as 'on')).body.error.code).toBe('bad_request');
    expect((await api(`/api/widget/config/${site.key}`)).body.settings.turnstile).toBe('on');
  });

  it('cannot be turned on when the deployment has no Turnstile keys', async () => {
    const { owner, site } = await workspaceWithSite();
    const req = new Request(`https://parley.test/api/sites/${site.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
      body: JSON.stringify({ settings: { turnstile: 'on' } }),
    });
    const res = await app.fetch(req, { ...env, TURNSTILE_SECRET_KEY: undefined });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('turnstile_not_configured');
  });
});
