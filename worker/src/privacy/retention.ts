import { getDb } from '../db/client';
import { log } from '../lib/log';
import { type ErasureTarget, eraseVisitor } from './erase';
import { compactWordIndexes, unfinishedErasures } from './erase-queries';
import { duePolicies, inactiveVisitors, recordRetentionRun } from './retention-queries';

// The scheduled job (wrangler.toml [triggers], worker/src/index.ts `scheduled`): finishes erasures that were cut
// short, erases visitors past their site's retention, then compacts the word indexes if anyone was erased.
// Bounded per run; the next run continues.

/** Visitors erased per run, over all sites (each costs a Durable Object call per conversation). */
export const RETENTION_BATCH = 25;
/** Sites looked at per run (least recently run first, so every site gets its turn). */
const SITES_PER_RUN = 20;
/** An erasure begun this long ago and not finished was cut short (a live request is given time to end). */
const STALE_MS = 10 * 60_000;

/**
 * `months` calendar months before `now`, as an ISO time (UTC). A day the earlier month lacks becomes its last day
 * (31 March − 1 month = 28 February), as date libraries do: rolling over into the next month would make "one month"
 * shorter than a month and erase visitors seen 29 days ago.
 */
export function monthsBefore(now: number, months: number): string {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString();
}

/**
 * One erasure; a failure is logged and left for a later run (its erasures row stays open), so one visitor that
 * keeps failing never holds up the others.
 */
async function attempt(env: Env, target: ErasureTarget): Promise<boolean> {
  try {
    await eraseVisitor(env, target);
    return true;
  } catch (err) {
    log.warn('erasure.failed', { visitorId: target.visitor.id, reason: target.reason, error: err });
    return false;
  }
}

/** One run of the job; returns how many visitors it erased (finished ones included). */
export async function runRetention(
  env: Env,
  now = Date.now(),
): Promise<{ resumed: number; erased: number; compacted: boolean }> {
  const db = getDb(env.DB);
  let budget = RETENTION_BATCH;
  let resumed = 0;
  for (const e of await unfinishedErasures(db, new Date(now - STALE_MS).toISOString(), budget)) {
    const target = { id: e.visitorId, siteId: e.siteId, email: null as string | null };
    // The address, when the row still has it, lets the mail kept for it go too.
    const row = await db.query.visitors.findFirst({ where: (v, { eq }) => eq(v.id, e.visitorId) });
    target.email = row?.email ?? null;
    budget--;
    if (await attempt(env, { visitor: target, workspaceId: e.workspaceId, reason: e.reason, by: null })) resumed++;
  }
  let erased = 0;
  for (const policy of await duePolicies(db, SITES_PER_RUN)) {
    if (budget <= 0) break;
    const due = await inactiveVisitors(db, policy.siteId, monthsBefore(now, policy.months), budget);
    let done = 0;
    for (const visitor of due) {
      budget--;
      if (await attempt(env, { visitor, workspaceId: policy.workspaceId, reason: 'retention', by: null })) done++;
    }
    erased += done;
    await recordRetentionRun(db, policy.siteId, done);
  }
  const compacted = await compactWordIndexes(db);
  if (resumed || erased || compacted) log.info('retention.run', { resumed, erased });
  return { resumed, erased, compacted };
}
