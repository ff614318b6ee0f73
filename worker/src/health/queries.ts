import { log } from '../lib/log';

/** What the health route says about D1 and its migrations. */
export type D1Health = {
  d1: 'ok' | 'error';
  migrations: { applied: number | null; expected: number; current: boolean; pending: string[] };
};

/**
 * One cheap query: the names in wrangler's d1_migrations table. A database without that table is
 * reachable but has no migration applied (a fresh deployment); any other failure means D1 is not answering.
 */
export async function d1Health(db: D1Database, expected: readonly string[]): Promise<D1Health> {
  let names: string[];
  try {
    names = (await db.prepare('SELECT name FROM d1_migrations').all<{ name: string }>()).results.map((r) => r.name);
  } catch (err) {
    if (!/no such table: d1_migrations/.test(String((err as Error)?.message ?? err))) {
      log.error('health.d1_failed', { error: err });
      return {
        d1: 'error',
        migrations: { applied: null, expected: expected.length, current: false, pending: [...expected] },
      };
    }
    names = [];
  }
  const applied = new Set(names);
  const pending = expected.filter((name) => !applied.has(name));
  return {
    d1: 'ok',
    migrations: { applied: names.length, expected: expected.length, current: pending.length === 0, pending },
  };
}
