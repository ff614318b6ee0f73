import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { version } from '../../../package.json';
import { app } from '../app';
import { api } from '../../test/helpers';
import { EXPECTED_MIGRATIONS } from './migrations';

/** The real app, with its DB binding pointed at another real database, and optionally another commit. */
const healthOf = async (db: D1Database, vars: Partial<Env> = {}) => {
  const res = await app.request('/api/health', {}, { ...env, DB: db, ...vars });
  return { status: res.status, body: await res.json<any>() };
};

describe('GET /api/health', () => {
  it('is 200 with D1 answering, every migration applied, the version and the commit (dev locally)', async () => {
    const res = await api('/api/health', { origin: null });
    expect(res).toEqual({
      status: 200,
      body: {
        ok: true,
        d1: 'ok',
        migrations: {
          applied: EXPECTED_MIGRATIONS.length,
          expected: EXPECTED_MIGRATIONS.length,
          current: true,
          pending: [],
        },
        version,
        commit: 'dev',
      },
    });
    expect((await healthOf(env.DB, { PARLEY_COMMIT: '0123abcd' })).body.commit).toBe('0123abcd');
    // A var that is not a commit id is not echoed (it is public).
    expect((await healthOf(env.DB, { PARLEY_COMMIT: '<script>' })).body.commit).toBe('dev');
  });

  it('expects exactly the files in migrations/ (add a line to health/migrations.ts with each new migration)', () => {
    expect(EXPECTED_MIGRATIONS).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
  });

  it('is 503 with ok:false on a database that lacks migrations, naming the pending ones, until they are applied', async () => {
    const db = env.HEALTH_TEST_DB;
    const fresh = await healthOf(db);
    expect(fresh).toEqual({
      status: 503,
      body: {
        ok: false,
        d1: 'ok',
        migrations: {
          applied: 0,
          expected: EXPECTED_MIGRATIONS.length,
          current: false,
          pending: [...EXPECTED_MIGRATIONS],
        },
        version,
        commit: 'dev',
      },
    });
    // A query D1 refuses (here a migrations table of the wrong shape) reports d1:'error', never a 500.
    await db.prepare('CREATE TABLE d1_migrations (id INTEGER)').run();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await healthOf(db)).toMatchObject({
      status: 503,
      body: { ok: false, d1: 'error', migrations: { applied: null, current: false } },
    });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('"event":"health.d1_failed"'));
    logged.mockRestore();
    await db.prepare('DROP TABLE d1_migrations').run();
    await applyD1Migrations(db, env.TEST_MIGRATIONS.slice(0, -1));
    const behind = await healthOf(db);
    expect(behind.status).toBe(503);
    expect(behind.body).toMatchObject({
      ok: false,
      d1: 'ok',
      migrations: { applied: EXPECTED_MIGRATIONS.length - 1, current: false, pending: [EXPECTED_MIGRATIONS.at(-1)] },
    });
    await applyD1Migrations(db, env.TEST_MIGRATIONS);
    expect(await healthOf(db)).toMatchObject({
      status: 200,
      body: { ok: true, migrations: { current: true, pending: [] } },
    });
  });

  it('reveals no workspace data, settings or secrets, and is not cached', async () => {
    const res = await app.request('/api/health', {}, env);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const text = await res.text();
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['commit', 'd1', 'migrations', 'ok', 'version']);
    expect(text).not.toContain(env.AUTH_SECRET);
  });
});
