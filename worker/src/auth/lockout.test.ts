// Issue 11 item 4: the per-account sign-in lock (auth/lockout.ts), its numbers and its audit entries.
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, registerOwner, unique } from '../../test/helpers';
import { patchAgent, teamMember } from '../../test/team-helpers';
import { LOGIN_LOCK } from './lockout';

const PASSWORD = 'correct horse battery';

/** POST /api/auth/login from a fresh IP each time (the per-IP limiter is not what is tested), with Retry-After. */
async function login(email: string, password: string) {
  const ip = `10.200.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const res = await exports.default.fetch('https://parley.test/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': ip },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: await res.json<any>(), retryAfter: res.headers.get('Retry-After') };
}

/** `n` wrong passwords in a row; their statuses. */
async function fail(email: string, n: number) {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await login(email, `wrong ${i}`)).status);
  return statuses;
}

/** End the email's current lock as if its time had passed (no sleeping). */
const expireLock = (email: string) =>
  env.DB.prepare('UPDATE login_attempts SET locked_until = ? WHERE email = ?')
    .bind(Date.now() - 1, email)
    .run();

const auditOf = (token: string, action: string) => api(`/api/audit?action=${action}`, { token });

describe('per-account sign-in lock', () => {
  it(`locks after ${LOGIN_LOCK.failuresBeforeLock} failures and refuses even the right password, saying when`, async () => {
    const { agent } = await registerOwner();
    expect(await fail(agent.email, 4)).toEqual([401, 401, 401, 401]);
    const fifth = await login(agent.email, 'wrong again');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error).toEqual({
      code: 'account_locked',
      message: 'Too many failed sign-ins for this account. Try again in 1 minute.',
      retryAfter: 60,
    });
    expect(fifth.retryAfter).toBe('60');
    const right = await login(agent.email, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('account_locked');
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
    expect(right.body).not.toHaveProperty('token');
  });

  it('unlocks when the lock has passed; each further lock of the streak lasts twice as long, up to an hour', async () => {
    const { agent } = await registerOwner();
    await fail(agent.email, 5);
    await expireLock(agent.email);
    expect(await fail(agent.email, 4)).toEqual([401, 401, 401, 401]);
    expect((await login(agent.email, 'wrong')).retryAfter).toBe('120');
    await expireLock(agent.email);
    await fail(agent.email, 4);
    expect((await login(agent.email, 'wrong')).retryAfter).toBe('240');
    await env.DB.prepare('UPDATE login_attempts SET locked_until = 0, locks = 20 WHERE email = ?')
      .bind(agent.email)
      .run();
    await fail(agent.email, 4);
    const capped = await login(agent.email, 'wrong');
    expect(capped.body.error).toMatchObject({
      code: 'account_locked',
      message: 'Too many failed sign-ins for this account. Try again in 60 minutes.',
      retryAfter: 3600,
    });
    await expireLock(agent.email);
    expect((await login(agent.email, PASSWORD)).status).toBe(200);
  });

  it('a success resets the count and the lock length', async () => {
    const { agent } = await registerOwner();
    await fail(agent.email, 5);
    await expireLock(agent.email);
    expect(await fail(agent.email, 4)).toEqual([401, 401, 401, 401]);
    expect((await login(agent.email, PASSWORD)).status).toBe(200);
    expect(await fail(agent.email, 4)).toEqual([401, 401, 401, 401]);
    expect((await login(agent.email, PASSWORD)).status).toBe(200);
    await fail(agent.email, 4);
    expect((await login(agent.email, 'wrong')).retryAfter).toBe('60');
  });

  it('forgets a streak after a day without attempts', async () => {
    const { agent } = await registerOwner();
    await fail(agent.email, 4);
    await env.DB.prepare('UPDATE login_attempts SET last_attempt_at = ? WHERE email = ?')
      .bind(Date.now() - LOGIN_LOCK.forgetAfterMs - 1000, agent.email)
      .run();
    expect(await fail(agent.email, 4)).toEqual([401, 401, 401, 401]);
    expect((await login(agent.email, 'wrong')).status).toBe(429);
  });

  it('treats an email with no account exactly the same (nothing reveals which accounts exist)', async () => {
    const { agent } = await registerOwner();
    const nobody = `nobody-${unique()}@example.com`;
    const known = [],
      unknown = [];
    for (let i = 0; i < 5; i++) {
      known.push(await login(agent.email, 'wrong'));
      unknown.push(await login(nobody, 'wrong'));
    }
    expect(unknown.map((r) => [r.status, r.body, r.retryAfter])).toEqual(
      known.map((r) => [r.status, r.body, r.retryAfter]),
    );
    expect(unknown[4].body.error.code).toBe('account_locked');
    expect((await login(nobody.toUpperCase(), 'wrong')).body.error.code).toBe('account_locked');
  });

  it('counts a burst of parallel wrong attempts exactly: only the first five are checked', async () => {
    const { agent } = await registerOwner();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login(agent.email, `parallel ${i}`)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(4).fill(401), ...Array(8).fill(429)]);
    expect(answers.filter((a) => a.status === 429).every((a) => a.body.error.code === 'account_locked')).toBe(true);
    expect((await login(agent.email, PASSWORD)).status).toBe(429);
  });

  it('writes auth.login, auth.login_failed and auth.locked, readable by admins only, never with the password', async () => {
    const owner = await registerOwner();
    const member = await teamMember(owner.token, 'agent');
    await fail(owner.agent.email, 5);
    await expireLock(owner.agent.email);
    expect((await login(owner.agent.email, PASSWORD)).status).toBe(200);

    const failed = await auditOf(owner.token, 'auth.login_failed');
    expect(failed.status).toBe(200);
    expect(failed.body.entries).toHaveLength(5);
    expect(failed.body.entries[0]).toMatchObject({
      actor: { type: 'anonymous', id: null, name: null },
      action: 'auth.login_failed',
      ip: expect.stringMatching(/^10\.200\./),
      target: { type: 'agent', id: owner.agent.id },
      detail: { email: owner.agent.email, reason: 'wrong_password' },
    });
    const locked = await auditOf(owner.token, 'auth.locked');
    expect(locked.body.entries).toHaveLength(1);
    expect(locked.body.entries[0]).toMatchObject({
      target: { type: 'agent', id: owner.agent.id },
      detail: { email: owner.agent.email, lockedForSeconds: 60 },
    });
    const ok = await auditOf(owner.token, 'auth.login');
    expect(ok.body.entries[0]).toMatchObject({
      actor: { type: 'agent', id: owner.agent.id, name: owner.agent.name },
      action: 'auth.login',
    });
    const all = await api('/api/audit?limit=200', { token: owner.token });
    expect(JSON.stringify(all.body)).not.toMatch(/wrong \d|correct horse/);

    const asAgent = await auditOf(member.token, 'auth.login_failed');
    expect(asAgent.status).toBe(403);
    expect(asAgent.body.error.code).toBe('forbidden');
    const other = await registerOwner();
    expect((await auditOf(other.token, 'auth.login_failed')).body.entries).toEqual([]);
  });

  it('records why a deactivated agent was refused, and counts it like any failure', async () => {
    const owner = await registerOwner();
    const member = await teamMember(owner.token, 'agent');
    await patchAgent(owner.token, member.agent.id, { active: false });
    expect((await login(member.agent.email, 'member password 123')).status).toBe(401);
    const failed = await auditOf(owner.token, 'auth.login_failed');
    expect(failed.body.entries[0]).toMatchObject({
      target: { id: member.agent.id },
      detail: { reason: 'deactivated' },
    });
  });
});
