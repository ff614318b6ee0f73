// Issue 11 item 3: closed sign-up. SIGNUP decides whether POST /api/auth/register is open; while it is
// invite-only only a one-time setup token (scripts/setup-token.mjs, as `npm run setup-link` stores it) may.
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { newSetupToken, setupLinkUrl } from '../../../scripts/setup-token.mjs';
import { app } from '../app';
import { api, registerOwner, unique } from '../../test/helpers';

/** Call the worker with SIGNUP set to `signup` (the tests' default is open, vitest.config.ts). */
async function call(signup: string, path: string, body?: unknown) {
  const ip = `10.201.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const init = body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) };
  const res = await app.request(
    path,
    { ...init, headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': ip } },
    { ...env, SIGNUP: signup },
  );
  return { status: res.status, body: await res.json<any>() };
}

const closed = (body: unknown) => call('invite-only', '/api/auth/register', body);
const owner = (extra: Record<string, unknown> = {}) => ({
  workspace: `WS ${unique()}`,
  name: 'Olga',
  email: `olga-${unique()}@example.com`,
  password: 'correct horse battery',
  ...extra,
});

/** A setup token stored exactly as `npm run setup-link` stores it (its SQL, run on the test D1). */
async function setupToken(opts: { days?: number; now?: number } = {}) {
  const created = await newSetupToken(opts);
  await env.DB.prepare(created.sql).run();
  return created;
}

describe('GET /api/auth/config', () => {
  it('tells the console whether sign-up is open; anything unknown counts as invite-only', async () => {
    expect(await api('/api/auth/config')).toEqual({ status: 200, body: { signup: 'open' } });
    expect((await call('invite-only', '/api/auth/config')).body).toEqual({ signup: 'invite-only' });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const bad of ['', 'Open', 'closed'])
      expect((await call(bad, '/api/auth/config')).body).toEqual({ signup: 'invite-only' });
    expect(logged.mock.calls.map((c) => JSON.parse(String(c[0])))).toContainEqual(
      expect.objectContaining({
        level: 'error',
        event: 'config.invalid',
        setting: 'SIGNUP',
        reason: expect.stringContaining('"Open"'),
      }),
    );
    logged.mockRestore();
  });
});

describe('POST /api/auth/register while sign-up is invite-only', () => {
  it('refuses a registration without a setup token with signup_closed, and creates nothing', async () => {
    const body = owner();
    const res = await closed(body);
    expect(res).toEqual({
      status: 403,
      body: { error: { code: 'signup_closed', message: expect.stringMatching(/closed.*invitation/) } },
    });
    expect((await api('/api/auth/login', { body: { email: body.email, password: body.password } })).status).toBe(401);
    // A misconfigured value is closed too; a taken email is not revealed.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await call('yes please', '/api/auth/register', owner())).body.error.code).toBe('signup_closed');
    logged.mockRestore();
    const taken = await registerOwner();
    expect((await closed(owner({ email: taken.agent.email }))).body.error.code).toBe('signup_closed');
    // Nor with a made-up setup token: the token is checked before the email.
    for (const setup of ['made-up', 'x'.repeat(43)]) {
      expect((await closed(owner({ email: taken.agent.email, setup }))).body.error.code).toBe('invalid_setup_token');
    }
  });

  it('creates a workspace and its owner with a valid setup token, once, and audits auth.setup', async () => {
    const { token, hash } = await setupToken();
    const res = await closed(owner({ setup: token }));
    expect(res.status).toBe(201);
    expect(res.body.agent).toMatchObject({ role: 'owner', active: true });
    const row = await env.DB.prepare('SELECT used_at, workspace_id FROM setup_tokens WHERE token_hash = ?')
      .bind(hash)
      .first<any>();
    expect(row).toEqual({ used_at: expect.any(Number), workspace_id: res.body.agent.workspaceId });
    const again = await closed(owner({ setup: token }));
    expect(again).toEqual({
      status: 400,
      body: {
        error: { code: 'invalid_setup_token', message: 'This setup link is invalid, has expired or was already used' },
      },
    });
    const log = await api('/api/audit?action=auth.setup', { token: res.body.token });
    expect(log.body.entries).toEqual([
      expect.objectContaining({
        actor: { type: 'agent', id: res.body.agent.id, name: 'Olga' },
        target: { type: 'workspace', id: res.body.agent.workspaceId },
        detail: expect.objectContaining({ email: res.body.agent.email, via: 'setup_link' }),
      }),
    ]);
    expect(JSON.stringify(log.body)).not.toContain(token);
  });

  it('refuses expired, unknown and malformed tokens', async () => {
    const expired = await setupToken({ days: 7, now: Date.now() - 8 * 86_400_000 });
    expect((await closed(owner({ setup: expired.token }))).body.error.code).toBe('invalid_setup_token');
    expect((await closed(owner({ setup: 'not-a-token' }))).body.error.code).toBe('invalid_setup_token');
    for (const setup of ['', 'x'.repeat(201), 42]) {
      const res = await closed(owner({ setup }));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    const { token } = await setupToken();
    for (const body of [
      { setup: token },
      owner({ setup: token, email: 'nope' }),
      owner({ setup: token, password: 'short' }),
    ]) {
      expect((await closed(body)).body.error.code).toBe('bad_request');
    }
    expect((await closed(owner({ setup: token }))).status).toBe(201);
  });

  it('lets one of three concurrent registrations with one token win', async () => {
    const { token } = await setupToken();
    const answers = await Promise.all([0, 1, 2].map(() => closed(owner({ setup: token }))));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400]);
    expect(answers.filter((a) => a.status === 400).map((a) => a.body.error.code)).toEqual([
      'invalid_setup_token',
      'invalid_setup_token',
    ]);
  });

  it('keeps the token usable when the registration fails on a taken email', async () => {
    const taken = await registerOwner();
    const { token } = await setupToken();
    const res = await closed(owner({ setup: token, email: taken.agent.email }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('email_taken');
    expect((await closed(owner({ setup: token }))).status).toBe(201);
  });
});

describe('POST /api/auth/register while sign-up is open', () => {
  it('needs no token, audits auth.register, and still checks a token that is given', async () => {
    const res = await call('open', '/api/auth/register', owner());
    expect(res.status).toBe(201);
    const log = await api('/api/audit?action=auth.register', { token: res.body.token });
    expect(log.body.entries).toEqual([
      expect.objectContaining({
        action: 'auth.register',
        target: { type: 'workspace', id: res.body.agent.workspaceId },
      }),
    ]);
    expect((await call('open', '/api/auth/register', owner({ setup: 'used-or-unknown' }))).body.error.code).toBe(
      'invalid_setup_token',
    );
  });
});

it('documents the config route, the setup token and retryAfter in the OpenAPI document', async () => {
  const doc = (await api('/api/openapi.json')).body;
  expect(
    doc.paths['/api/auth/config'].get.responses['200'].content['application/json'].schema.properties.signup.enum,
  ).toEqual(['open', 'invite-only']);
  expect(doc.paths['/api/auth/register'].post.requestBody.content['application/json'].schema.properties).toHaveProperty(
    'setup',
  );
  expect(
    doc.paths['/api/auth/login'].post.responses.default.content['application/json'].schema.properties.error.properties,
  ).toHaveProperty('retryAfter');
});

it('builds the setup link the console reads', () => {
  expect(setupLinkUrl('https://chat.example.com/', 'a-b_c')).toBe('https://chat.example.com/register?setup=a-b_c');
});
