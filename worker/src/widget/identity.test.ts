import { describe, expect, it } from 'vitest';
import { api, connect, paths, workspaceWithSite } from '../../test/helpers';
import { userHash, verifyUserHash } from './identity';

/** A site with identity verification in `mode` and its secret. */
async function siteWithIdentity(mode: 'optional' | 'required') {
  const { owner, site } = await workspaceWithSite();
  await api(`/api/sites/${site.id}`, { token: owner.token, method: 'PATCH', body: { settings: { identity: mode } } });
  const { secret } = (await api(`/api/sites/${site.id}/identity-secret`, { token: owner.token, method: 'POST' })).body;
  return { owner, site, secret: secret as string };
}
const session = (siteKey: string, user?: unknown, token?: string) =>
  api('/api/widget/session', { body: { siteKey, ...(user ? { user } : {}), ...(token ? { token } : {}) } });

describe('identity verification', () => {
  it('checks HMAC-SHA256 of the user id in hex', async () => {
    const hash = await userHash('s3cret', 'user-42');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyUserHash('s3cret', 'user-42', hash)).toBe(true);
    expect(await verifyUserHash('s3cret', 'user-42', hash.toUpperCase())).toBe(true);
    expect(await verifyUserHash('s3cret', 'user-43', hash)).toBe(false);
    expect(await verifyUserHash('other', 'user-42', hash)).toBe(false);
    expect(await verifyUserHash('s3cret', 'user-42', 'zz')).toBe(false);
  });

  it('gives a verified user the same visitor and conversations on every device', async () => {
    const { site, secret } = await siteWithIdentity('optional');
    const user = { id: 'cust-1', hash: await userHash(secret, 'cust-1'), name: 'Ada', email: 'ada@example.com' };
    const laptop = await session(site.key, user);
    expect(laptop.status).toBe(200);
    expect(laptop.body.visitor).toMatchObject({ name: 'Ada', email: 'ada@example.com' });
    const conv = (await api('/api/widget/conversations', { token: laptop.body.token, body: {} })).body.conversation;
    const phone = await session(site.key, user); // another device: no token
    expect(phone.body.visitor.id).toBe(laptop.body.visitor.id);
    expect(phone.body.conversations.map((c: { id: string }) => c.id)).toEqual([conv.id]);
    // Optional: anonymous visitors may still chat, as someone else.
    const anonymous = await session(site.key);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.visitor.id).not.toBe(laptop.body.visitor.id);
  });

  it('refuses a wrong hash, and anonymous visitors when identity is required', async () => {
    const { owner, site, secret } = await siteWithIdentity('required');
    const wrong = await session(site.key, { id: 'cust-1', hash: await userHash(secret, 'cust-2') });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('identity_invalid');
    const anonymous = await session(site.key);
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.error.code).toBe('identity_required');
    // A token from before the site required identity cannot chat either.
    await api(`/api/sites/${site.id}`, {
      token: owner.token,
      method: 'PATCH',
      body: { settings: { identity: 'off' } },
    });
    const before = await session(site.key);
    const conv = (await api('/api/widget/conversations', { token: before.body.token, body: {} })).body.conversation;
    await api(`/api/sites/${site.id}`, {
      token: owner.token,
      method: 'PATCH',
      body: { settings: { identity: 'required' } },
    });
    const refused = await api('/api/widget/conversations', { token: before.body.token, body: {} });
    expect(refused.body.error.code).toBe('identity_required');
    expect((await api(`/api/widget/conversations/${conv.id}/messages`, { token: before.body.token })).status).toBe(403);
    // After rotating the secret, old hashes stop working.
    const ok = await session(site.key, { id: 'cust-9', hash: await userHash(secret, 'cust-9') });
    expect(ok.status).toBe(200);
    await api(`/api/sites/${site.id}/identity-secret`, { token: owner.token, method: 'POST' });
    expect((await session(site.key, { id: 'cust-9', hash: await userHash(secret, 'cust-9') })).body.error.code).toBe(
      'identity_invalid',
    );
    const socket = await connect(paths.visitor(conv.id), ok.body.token).catch((e: Error) => e);
    expect(socket).toBeInstanceOf(Error); // cust-9 does not own that conversation
  });
});
