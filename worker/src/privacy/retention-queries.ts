import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { retentionPolicies, sites, visitors } from '../db/schema';
import { nowIso } from '../lib/ids';

// Retention settings per site and the visitors they let go (docs/privacy.md "Retention").

/** Each site of the workspace with its retention (months null: off). */
export const listRetention = (db: Db, workspaceId: string) =>
  db
    .select({
      siteId: sites.id,
      siteName: sites.name,
      months: retentionPolicies.months,
      lastRunAt: retentionPolicies.lastRunAt,
      lastErased: sql<number>`COALESCE(${retentionPolicies.lastErased}, 0)`,
    })
    .from(sites)
    .leftJoin(retentionPolicies, eq(retentionPolicies.siteId, sites.id))
    .where(eq(sites.workspaceId, workspaceId))
    .orderBy(asc(sites.name), asc(sites.id));

/** Turn a site's retention on (months) or off (null). */
export async function setRetention(db: Db, siteId: string, months: number | null) {
  if (months === null) return void (await db.delete(retentionPolicies).where(eq(retentionPolicies.siteId, siteId)));
  await db
    .insert(retentionPolicies)
    .values({ siteId, months, updatedAt: nowIso() })
    .onConflictDoUpdate({ target: retentionPolicies.siteId, set: { months, updatedAt: nowIso() } });
}

/** The sites with retention on, least recently run first, with their workspace. */
export const duePolicies = (db: Db, limit: number) =>
  db
    .select({ siteId: retentionPolicies.siteId, months: retentionPolicies.months, workspaceId: sites.workspaceId })
    .from(retentionPolicies)
    .innerJoin(sites, eq(sites.id, retentionPolicies.siteId))
    .orderBy(sql`${retentionPolicies.lastRunAt} IS NOT NULL`, asc(retentionPolicies.lastRunAt))
    .limit(limit);

/**
 * Visitors of a site not seen since `cutoff` whose conversations have not moved since either (a message over an
 * open socket does not touch last_seen_at), oldest first; erased ones are left out (visitors_site_seen).
 */
export const inactiveVisitors = (db: Db, siteId: string, cutoff: string, limit: number) =>
  db
    .select({ id: visitors.id, email: visitors.email, siteId: visitors.siteId })
    .from(visitors)
    .where(
      and(
        eq(visitors.siteId, siteId),
        sql`${visitors.erasedAt} IS NULL`,
        sql`${visitors.lastSeenAt} < ${cutoff}`,
        sql`NOT EXISTS (SELECT 1 FROM conversations c WHERE c.visitor_id = ${visitors.id} AND c.updated_at >= ${cutoff})`,
      ),
    )
    .orderBy(asc(visitors.lastSeenAt))
    .limit(limit);

/** Remember a run of a site's retention. */
export const recordRetentionRun = (db: Db, siteId: string, erased: number) =>
  db
    .update(retentionPolicies)
    .set({ lastRunAt: nowIso(), lastErased: erased })
    .where(eq(retentionPolicies.siteId, siteId));
