import { describe, expect, it } from 'vitest';
import { api, registerOwner, unique, visitorSession, workspaceWithSite } from '../../test/helpers';
import { invite, MEMBER_PASSWORD, patchAgent, teamMember } from '../../test/team-helpers';

describe('POST /api/auth/register', () => {
  it('creates a workspace and its owner and returns a token', async () => {
    const email = `zoe-${unique()}@example.com`;
    const res = await api('/api/auth/register', {
      body: { workspace: 'Acme', name: 'Zoe', email, password: 'long enough pw' },
    });
    expect(res.status).toBe(201);
    expect(res.body.agent).toMatchObject({ name: 'Zoe', email, role: 'owner' });
    expect(res.body.agent).not.toHaveProperty('passwordHash');
    const me = await api('/api/auth/me', { token: res.body.token });
    expect(me.body.agent.id).toBe(res.body.agent.id);
  });

  it('creates the default department "General" with the owner in it', async () => {
    const { token, agent } = await registerOwner();
    const deps = await api('/api/departments', { token });
    expect(deps.body.departments).toEqual([
      { id: expect.any(String), workspaceId: agent.workspaceId, name: 'General', isDefault: true, autoAssign: false },
    ]);
    expect(agent).toMatchObject({
      active: true,
      invited: false,
      maxConcurrent: 5,
      departmentIds: [deps.body.departments[0].id],
    });
    const me = await api('/api/auth/me', { token });
    expect(me.body.agent).toEqual(agent);
  });

  it('refuses a taken email with email_taken', async () => {
    const email = `dup-${unique()}@example.com`;
    await api('/api/auth/register', { body: { workspace: 'A', name: 'A', email, password: 'long enough pw' } });
    const res = await api('/api/auth/register', {
      body: { workspace: 'B', name: 'B', email: email.toUpperCase(), password: 'long enough pw' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('email_taken');
  });

  it('validates the body', async () => {
    for (const body of [
      {},
      { workspace: 'A', name: 'A', email: 'not-an-email', password: 'long enough pw' },
      { workspace: 'A', name: 'A', email: 'a@b.co', password: 'short' },
    ]) {
      const res = await api('/api/auth/register', { body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    const broken = await api('/api/auth/register', { body: '{not json' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('bad_request');
  });
});

describe('POST /api/auth/login', () => {
  it('logs in with the right password only', async () => {
    const email = `log-${unique()}@example.com`;
    await api('/api/auth/register', { body: { workspace: 'A', name: 'A', email, password: 'the right one' } });
    const ok = await api('/api/auth/login', { body: { email, password: 'the right one' } });
    expect(ok.status).toBe(200);
    expect(ok.body.token).toBeTypeOf('string');
    expect(ok.body.agent).toMatchObject({
      email,
      role: 'owner',
      active: true,
      invited: false,
      maxConcurrent: 5,
      departmentIds: [expect.any(String)],
    });
    const bad = await api('/api/auth/login', { body: { email, password: 'the wrong one' } });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('unauthorized');
    const unknown = await api('/api/auth/login', {
      body: { email: `nobody-${unique()}@example.com`, password: 'whatever' },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toEqual(bad.body.error);
  });

  it('validates the body', async () => {
    const res = await api('/api/auth/login', { body: { email: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });
});

describe('GET /api/auth/me', () => {
  it('needs an agent token', async () => {
    const none = await api('/api/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthorized');
    const forged = await api('/api/auth/me', { token: 'eyJhbGciOiJIUzI1NiJ9.e30.x' });
    expect(forged.status).toBe(401);
    const { site } = await workspaceWithSite();
    const visitor = await visitorSession(site.key);
    const asVisitor = await api('/api/auth/me', { token: visitor.token });
    expect(asVisitor.status).toBe(403);
    expect(asVisitor.body.error.code).toBe('forbidden');
  });

  it('never sends a stack or a password hash', async () => {
    const { token } = await registerOwner();
    const res = await api('/api/auth/me', { token });
    expect(JSON.stringify(res.body)).not.toMatch(/pbkdf2|password/i);
  });
});

describe('POST /api/auth/accept-invite', () => {
  it('sets the password once: invite, accept, then log in; the token cannot be reused', async () => {
    const owner = await registerOwner();
    const invited = await invite(owner.token, { role: 'admin', email: `inv-${unique()}@example.com` });
    const early = await api('/api/auth/login', { body: { email: invited.agent.email, password: MEMBER_PASSWORD } });
    expect(early.status).toBe(401);
    expect(early.body.error.code).toBe('unauthorized');
    const accepted = await api('/api/auth/accept-invite', {
      body: { token: invited.inviteToken, password: MEMBER_PASSWORD },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.agent).toMatchObject({ id: invited.agent.id, role: 'admin', invited: false, active: true });
    expect((await api('/api/auth/me', { token: accepted.body.token })).body.agent.id).toBe(invited.agent.id);
    const login = await api('/api/auth/login', { body: { email: invited.agent.email, password: MEMBER_PASSWORD } });
    expect(login.status).toBe(200);
    const again = await api('/api/auth/accept-invite', {
      body: { token: invited.inviteToken, password: 'another password' },
    });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_invite');
    expect(
      (await api('/api/auth/login', { body: { email: invited.agent.email, password: MEMBER_PASSWORD } })).status,
    ).toBe(200);
  });

  it('refuses unknown tokens, revoked invites and bad bodies', async () => {
    const unknown = await api('/api/auth/accept-invite', {
      body: { token: 'not-a-real-token', password: MEMBER_PASSWORD },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('invalid_invite');
    const owner = await registerOwner();
    const invited = await invite(owner.token);
    expect((await patchAgent(owner.token, invited.agent.id, { active: false })).status).toBe(200);
    const revoked = await api('/api/auth/accept-invite', {
      body: { token: invited.inviteToken, password: MEMBER_PASSWORD },
    });
    expect(revoked.body.error.code).toBe('invalid_invite');
    for (const body of [
      {},
      { token: invited.inviteToken },
      { token: invited.inviteToken, password: 'short' },
      { token: '', password: MEMBER_PASSWORD },
    ]) {
      const res = await api('/api/auth/accept-invite', { body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
  });
});

describe('deactivation', () => {
  it('locks a deactivated agent out: login refused and the existing token gets 401', async () => {
    const owner = await registerOwner();
    const bob = await teamMember(owner.token);
    expect((await api('/api/auth/me', { token: bob.token })).status).toBe(200);
    expect((await patchAgent(owner.token, bob.agent.id, { active: false })).body.agent.active).toBe(false);
    const me = await api('/api/auth/me', { token: bob.token });
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('unauthorized');
    const login = await api('/api/auth/login', { body: { email: bob.agent.email, password: MEMBER_PASSWORD } });
    expect(login.status).toBe(401);
    expect((await patchAgent(owner.token, bob.agent.id, { active: true })).status).toBe(200);
    // Reactivated, Bob signs in again: the old token was revoked (agents/reactivation.test.ts).
    expect((await api('/api/auth/me', { token: bob.token })).status).toBe(401);
  });
});
