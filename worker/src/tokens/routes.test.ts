import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { API_SCOPES, API_TOKEN_PATTERN, type ApiToken } from '../../../protocol';
import { api, registerOwner, waitFor } from '../../test/helpers';
import { patchAgent, teamMember } from '../../test/team-helpers';
import { auditEntries, createToken } from './test-helpers';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe('/api/tokens', () => {
  it('creates a token shown once, lists it without the secret, and stores only its SHA-256', async () => {
    const owner = await registerOwner();
    const expiresAt = inAnHour();
    const { token, secret } = await createToken(owner.token, ['conversations:read', 'messages:write'], {
      name: 'CRM sync',
      expiresAt,
    });
    expect(secret).toMatch(API_TOKEN_PATTERN);
    expect(token).toMatchObject({
      name: 'CRM sync',
      scopes: ['conversations:read', 'messages:write'],
      hint: `parley_…${secret.slice(-4)}`,
      createdBy: { id: owner.agent.id, name: owner.agent.name },
      expiresAt: new Date(expiresAt).toISOString(),
      lastUsedAt: null,
      revokedAt: null,
      state: 'active',
    });

    const list = await api<{ tokens: ApiToken[] }>('/api/tokens', { token: owner.token });
    expect(list.status).toBe(200);
    expect(list.body.tokens).toEqual([token]);
    expect(JSON.stringify(list.body)).not.toContain(secret.slice(7));

    // At rest: the hash and the last four characters, nothing else of the secret.
    const row = await env.DB.prepare('SELECT * FROM api_tokens WHERE id = ?')
      .bind(token.id)
      .first<Record<string, unknown>>();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret)));
    expect(row!.token_hash).toBe([...digest].map((b) => b.toString(16).padStart(2, '0')).join(''));
    expect(row!.hint).toBe(secret.slice(-4));
    for (const value of Object.values(row!)) expect(String(value)).not.toContain(secret.slice(7, 30));
  });

  it('records creation and revocation in the audit log, never the secret', async () => {
    const owner = await registerOwner();
    const { token, secret } = await createToken(owner.token, ['conversations:read'], { name: 'Zap' });
    expect((await api(`/api/tokens/${token.id}`, { token: owner.token, method: 'DELETE' })).status).toBe(200);
    const entries = await auditEntries(owner.token);
    expect(entries.map((e) => e.action).slice(0, 2)).toEqual(['token.revoke', 'token.create']);
    expect(entries[1]).toMatchObject({
      actor: { type: 'agent', id: owner.agent.id },
      detail: { name: 'Zap', scopes: ['conversations:read'] },
    });
    expect(JSON.stringify(entries)).not.toContain(secret);
  });

  it('revokes at once: the next request with the token is refused with token_revoked', async () => {
    const owner = await registerOwner();
    const { token, secret } = await createToken(owner.token, ['conversations:read']);
    expect((await api('/api/sites', { token: secret })).status).toBe(200);
    const revoked = await api<{ token: ApiToken }>(`/api/tokens/${token.id}`, { token: owner.token, method: 'DELETE' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.token.state).toBe('revoked');
    const refused = await api('/api/sites', { token: secret });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('token_revoked');
    // Revoking again changes nothing and records nothing more.
    expect((await api(`/api/tokens/${token.id}`, { token: owner.token, method: 'DELETE' })).status).toBe(200);
    expect((await auditEntries(owner.token, 'token.revoke')).length).toBe(1);
  });

  it('refuses bad input: no name, no scope, an unknown scope, an expiry in the past', async () => {
    const owner = await registerOwner();
    const bodies = [
      { name: '', scopes: ['conversations:read'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['tokens:manage'] },
      { name: 'x', scopes: ['everything'] },
      { name: 'x', scopes: ['kb:read'], expiresAt: new Date(Date.now() - 1000).toISOString() },
      { name: 'x', scopes: ['kb:read'], expiresAt: 'tomorrow' },
    ];
    for (const body of bodies) {
      const res = await api('/api/tokens', { token: owner.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
  });

  it('is for owners and admins signed in: agents, visitors, no token and API tokens are refused', async () => {
    const owner = await registerOwner();
    const admin = await teamMember(owner.token, 'admin');
    const agent = await teamMember(owner.token, 'agent');
    const { token } = await createToken(admin.token, ['kb:read']);
    expect((await api('/api/tokens', { token: admin.token })).body.tokens).toHaveLength(1);

    for (const [method, path, body] of [
      ['GET', '/api/tokens', undefined],
      ['POST', '/api/tokens', { name: 'x', scopes: ['kb:read'] }],
      ['DELETE', `/api/tokens/${token.id}`, undefined],
    ] as const) {
      const byAgent = await api(path, { token: agent.token, method, body });
      expect(byAgent.status, `${method} ${path}`).toBe(403);
      expect(byAgent.body.error.code).toBe('forbidden');
      expect((await api(path, { method, body })).status).toBe(401);
      // A token, even one with every scope, cannot mint or revoke tokens.
      const all = await createToken(owner.token, [...API_SCOPES]);
      const byToken = await api(path, { token: all.secret, method, body });
      expect(byToken.status).toBe(403);
      expect(byToken.body.error.code).toBe('token_not_allowed');
    }
  });

  it("keeps workspaces apart: another workspace's admin cannot see or revoke a token", async () => {
    const owner = await registerOwner();
    const stranger = await registerOwner('Eve');
    const { token, secret } = await createToken(owner.token, ['conversations:read']);
    expect((await api('/api/tokens', { token: stranger.token })).body.tokens).toEqual([]);
    const res = await api(`/api/tokens/${token.id}`, { token: stranger.token, method: 'DELETE' });
    expect(res.status).toBe(404);
    expect((await api('/api/sites', { token: secret })).status).toBe(200);
  });

  it('refuses a deactivated admin, and the tokens they created stop working for good', async () => {
    const owner = await registerOwner();
    const admin = await teamMember(owner.token, 'admin');
    const { token, secret } = await createToken(admin.token, ['conversations:read']);
    expect((await api('/api/sites', { token: secret })).status).toBe(200);
    expect((await patchAgent(owner.token, admin.agent.id, { active: false })).status).toBe(200);
    expect((await api('/api/tokens', { token: admin.token })).status).toBe(401);
    const refused = await api('/api/sites', { token: secret });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('token_revoked');
    const listed = (await api<{ tokens: ApiToken[] }>('/api/tokens', { token: owner.token })).body.tokens;
    expect(listed.find((t) => t.id === token.id)?.state).toBe('creator_inactive');
    // Reactivation does not revive them (as with login tokens issued before the deactivation).
    expect((await patchAgent(owner.token, admin.agent.id, { active: true })).status).toBe(200);
    expect((await api('/api/sites', { token: secret })).body.error.code).toBe('token_revoked');
  });

  it('refuses an expired token with token_expired', async () => {
    const owner = await registerOwner();
    const { token, secret } = await createToken(owner.token, ['conversations:read'], { expiresAt: inAnHour() });
    expect((await api('/api/sites', { token: secret })).status).toBe(200);
    await env.DB.prepare('UPDATE api_tokens SET expires_at = ? WHERE id = ?')
      .bind(Date.now() - 1, token.id)
      .run();
    const res = await api('/api/sites', { token: secret });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('token_expired');
    const listed = (await api<{ tokens: ApiToken[] }>('/api/tokens', { token: owner.token })).body.tokens;
    expect(listed[0]!.state).toBe('expired');
  });

  it('refuses an unknown or altered secret with 401 unauthorized', async () => {
    const owner = await registerOwner();
    const { secret } = await createToken(owner.token, ['conversations:read']);
    const altered = secret.slice(0, -1) + (secret.endsWith('0') ? '1' : '0');
    for (const bad of [altered, 'parley_', 'parley_nothex']) {
      const res = await api('/api/sites', { token: bad });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });

  it('notes the last use at most once a minute', async () => {
    const owner = await registerOwner();
    const { token, secret } = await createToken(owner.token, ['conversations:read']);
    const lastUsed = async () =>
      (await env.DB.prepare('SELECT last_used_at FROM api_tokens WHERE id = ?')
        .bind(token.id)
        .first<{ last_used_at: number | null }>())!.last_used_at;
    expect(await lastUsed()).toBeNull();
    await api('/api/sites', { token: secret });
    await waitFor(async () => (await lastUsed()) !== null);
    const first = await lastUsed();
    await api('/api/sites', { token: secret });
    await api('/api/sites', { token: secret });
    // Within the minute: unchanged. A minute later (moved back in the row), the next use writes it again.
    expect(await lastUsed()).toBe(first);
    await env.DB.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?')
      .bind(first! - 61_000, token.id)
      .run();
    await api('/api/sites', { token: secret });
    await waitFor(async () => (await lastUsed())! >= first!);
    const listed = (await api<{ tokens: ApiToken[] }>('/api/tokens', { token: owner.token })).body.tokens;
    expect(listed[0]!.lastUsedAt).not.toBeNull();
  });
});
