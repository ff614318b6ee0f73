import { env } from 'cloudflare:workers';
import { decodeProtectedHeader, SignJWT } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { app } from '../app';
import { conversationOfReplyAddress, replyAddress, unsubscribeUrl, visitorOfUnsubscribeToken } from '../email/links';
import { registerOwner, visitorSession, workspaceWithSite } from '../../test/helpers';
import { keyId } from './keys';

// The tests' AUTH_SECRET (vitest.config.ts) signed everything the helpers made: it is the old secret here.
const OLD = env.AUTH_SECRET;
const NEW = 'a-new-secret-that-is-long-enough-9876543210';
const rotating = { ...env, AUTH_SECRET: NEW, AUTH_SECRET_PREVIOUS: OLD };
const rotated = { ...env, AUTH_SECRET: NEW };

/** The real app with other secrets (the same D1 and Durable Objects). */
const call = async (keys: Partial<Env>, path: string, init: { token?: string; body?: unknown } = {}) => {
  const res = await app.request(
    path,
    {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: {
        'Content-Type': 'application/json',
        'CF-Connecting-IP': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
        Origin: 'https://shop.example',
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    },
    { ...env, ...keys },
  );
  return { status: res.status, body: await res.json<any>() };
};

describe('rotating AUTH_SECRET (key ids)', () => {
  it('tokens name their key by a kid that is not the secret; during a rotation old tokens still work, after it they are refused', async () => {
    const owner = await registerOwner();
    const kid = decodeProtectedHeader(owner.token).kid!;
    expect(kid).toBe(await keyId(OLD));
    expect(kid).toMatch(/^[0-9a-f]{16}$/);
    expect(OLD).not.toContain(kid);

    expect(await call(rotating, '/api/auth/me', { token: owner.token })).toMatchObject({
      status: 200,
      body: { agent: { id: owner.agent.id } },
    });
    const refused = await call(rotated, '/api/auth/me', { token: owner.token });
    expect(refused).toEqual({
      status: 401,
      body: { error: { code: 'unauthorized', message: 'Invalid or expired token' } },
    });
  });

  it('signs with the new secret at once: a sign-in during the rotation gets a token of the new key, which the old deployment refuses', async () => {
    const email = `rot-${Date.now()}@example.com`;
    const password = 'correct horse battery';
    const reg = await call(rotating, '/api/auth/register', {
      body: { workspace: 'Rotation', name: 'Rae', email, password },
    });
    expect(reg.status).toBe(201);
    expect(decodeProtectedHeader(reg.body.token).kid).toBe(await keyId(NEW));
    expect((await call(rotated, '/api/auth/me', { token: reg.body.token })).status).toBe(200);
    expect((await call({}, '/api/auth/me', { token: reg.body.token })).status).toBe(401);
  });

  it('a token from before key ids verifies with either secret during the rotation; a kid naming a key with the wrong signature is refused', async () => {
    const owner = await registerOwner();
    const legacy = await new SignJWT({ typ: 'agent', wid: owner.agent.workspaceId, role: 'owner', ims: Date.now() })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(owner.agent.id)
      .setIssuer('parley')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(OLD));
    expect((await call(rotating, '/api/auth/me', { token: legacy })).status).toBe(200);
    expect((await call(rotated, '/api/auth/me', { token: legacy })).status).toBe(401);
    const forged = await new SignJWT({ typ: 'agent', wid: owner.agent.workspaceId, role: 'owner', ims: Date.now() })
      .setProtectedHeader({ alg: 'HS256', kid: await keyId(OLD) })
      .setSubject(owner.agent.id)
      .setIssuer('parley')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('an-attacker-secret-that-is-long-enough-000'));
    expect((await call(rotating, '/api/auth/me', { token: forged })).status).toBe(401);
  });

  it('a returning visitor keeps their identity through the rotation and gets a token of the new key', async () => {
    const { site } = await workspaceWithSite();
    const v = await visitorSession(site.key);
    const again = await call(rotating, '/api/widget/session', { body: { siteKey: site.key, token: v.token } });
    expect(again.status).toBe(200);
    expect(again.body.visitor.id).toBe(v.visitor.id);
    expect(decodeProtectedHeader(again.body.token).kid).toBe(await keyId(NEW));
    const after = await call(rotated, '/api/widget/session', { body: { siteKey: site.key, token: v.token } });
    expect(after.body.visitor.id).not.toBe(v.visitor.id);
  });

  it('reply addresses and unsubscribe links in emails sent before the rotation work until the previous secret is removed', async () => {
    const conversationId = `cv_${'ab'.repeat(16)}`;
    const address = await replyAddress(env, conversationId);
    const link = new URL(await unsubscribeUrl(env, 'https://parley.example', 'vs_1')).searchParams.get('token')!;
    expect(await conversationOfReplyAddress(rotating, address)).toBe(conversationId);
    expect(await visitorOfUnsubscribeToken(rotating, link)).toBe('vs_1');
    expect(await conversationOfReplyAddress(rotated, address)).toBeNull();
    expect(await visitorOfUnsubscribeToken(rotated, link)).toBeNull();
    // What is signed during the rotation uses the new secret.
    expect(await conversationOfReplyAddress(rotated, await replyAddress(rotating, conversationId))).toBe(
      conversationId,
    );
  });

  it('a previous secret shorter than 32 characters is ignored and logged', async () => {
    const owner = await registerOwner();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(
      (await call({ AUTH_SECRET: NEW, AUTH_SECRET_PREVIOUS: 'short' }, '/api/auth/me', { token: owner.token })).status,
    ).toBe(401);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('"setting":"AUTH_SECRET_PREVIOUS"'));
    logged.mockRestore();
  });
});
