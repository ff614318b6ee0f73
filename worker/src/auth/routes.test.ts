import { describe, expect, it } from 'vitest';
import { api, registerOwner, unique, visitorSession, workspaceWithSite } from '../../test/helpers';

describe('POST /api/auth/register', () => {
  it('creates a workspace and its owner and returns a token', async () => {
    const email = `zoe-${unique()}@example.com`;
    const res = await api('/api/auth/register', { body: { workspace: 'Acme', name: 'Zoe', email, password: 'long enough pw' } });
    expect(res.status).toBe(201);
    expect(res.body.agent).toMatchObject({ name: 'Zoe', email, role: 'owner' });
    expect(res.body.agent).not.toHaveProperty('passwordHash');
    const me = await api('/api/auth/me', { token: res.body.token });
    expect(me.body.agent.id).toBe(res.body.agent.id);
  });

  it('refuses a taken email with email_taken', async () => {
    const email = `dup-${unique()}@example.com`;
    await api('/api/auth/register', { body: { workspace: 'A', name: 'A', email, password: 'long enough pw' } });
    const res = await api('/api/auth/register', { body: { workspace: 'B', name: 'B', email: email.toUpperCase(), password: 'long enough pw' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('email_taken');
  });

  it('validates the body', async () => {
    for (const body of [{}, { workspace: 'A', name: 'A', email: 'not-an-email', password: 'long enough pw' },
      { workspace: 'A', name: 'A', email: 'a@b.co', password: 'short' }]) {
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
    const bad = await api('/api/auth/login', { body: { email, password: 'the wrong one' } });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('unauthorized');
    const unknown = await api('/api/auth/login', { body: { email: `nobody-${unique()}@example.com`, password: 'whatever' } });
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
