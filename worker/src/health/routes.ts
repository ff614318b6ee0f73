import type { Context } from 'hono';
import { version } from '../../../package.json';
import { EXPECTED_MIGRATIONS } from './migrations';
import { z } from 'zod';
import { describer } from '../openapi/describe';
import { d1Health } from './queries';

/** The health route's entry in the OpenAPI document (it is mounted in app.ts). */
export const healthDoc = describer('Operations')({
  summary: 'Whether D1 answers and every migration is applied (503 with the same body when not)',
  auth: 'public',
  ok: [
    200,
    z.object({
      ok: z.boolean(),
      d1: z.enum(['ok', 'error']),
      migrations: z.object({
        applied: z.number().nullable(),
        expected: z.number(),
        current: z.boolean(),
        pending: z.array(z.string()),
      }),
      version: z.string(),
      commit: z.string(),
    }),
  ],
});

const COMMIT = /^[0-9a-f]{7,40}$/i;

/**
 * GET /api/health, public: 200 {ok:true, d1, migrations, version, commit} when D1 answers and every
 * migration this build expects is applied, else 503 with the same shape and ok:false (a load balancer or
 * uptime check needs only the status). Ids and counts only: nothing about workspaces, secrets or settings.
 * `commit` is the PARLEY_COMMIT var `npm run deploy` sets (in .deploy/wrangler.json); "dev" otherwise.
 */
export async function health(c: Context<{ Bindings: Env }>) {
  const { d1, migrations } = await d1Health(c.env.DB, EXPECTED_MIGRATIONS);
  const ok = d1 === 'ok' && migrations.current;
  const commit = COMMIT.test(c.env.PARLEY_COMMIT ?? '') ? c.env.PARLEY_COMMIT! : 'dev';
  c.header('Cache-Control', 'no-store');
  return c.json({ ok, d1, migrations, version, commit }, ok ? 200 : 503);
}
