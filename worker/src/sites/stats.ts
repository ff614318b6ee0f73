import { and, avg, count, eq, gte, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client';
import { conversations } from '../db/schema';
import { rangeEnd, rangeStart } from '../conversations/inbox';
import type { Stats } from '../protocol';

const DAY = 86_400_000;

/** The median of a column over the rows matching `where`, in SQL (no rows → null). */
async function median(db: Db, column: typeof conversations.firstResponseSeconds, where: SQL | undefined) {
  const [{ n }] = await db.select({ n: count() }).from(conversations).where(and(where, isNotNull(column)));
  if (!n) return null;
  const middle = await db.select({ v: column }).from(conversations).where(and(where, isNotNull(column)))
    .orderBy(column).limit(2 - (n % 2)).offset(Math.floor((n - 1) / 2));
  return middle.reduce((sum, r) => sum + (r.v ?? 0), 0) / middle.length;
}

/**
 * A site's numbers for [from, to): what is open and waiting now, what was resolved
 * today (UTC) and in the range, missed conversations (closed without any agent reply),
 * first response and resolution times, and per-agent counts.
 */
export async function siteStats(db: Db, siteId: string, range: { from?: string; to?: string }, agentsOnline: number): Promise<Stats> {
  const to = range.to ? rangeEnd(range.to) : new Date().toISOString();
  const from = range.from ? rangeStart(range.from) : new Date(Date.parse(to) - 7 * DAY).toISOString();
  const today = new Date(Math.floor(Date.now() / DAY) * DAY).toISOString();
  const c = conversations;
  const site = eq(c.siteId, siteId);
  const within = (col: SQLiteColumn) => and(site, gte(col, from), lt(col, to));
  const n = (where: SQL | undefined) => db.select({ n: count() }).from(c).where(where);
  const [open, waiting, resolvedToday, resolved, missed, frt, resolution, rating, perAgent] = await db.batch([
    n(and(site, isNull(c.archivedAt), sql`${c.status} IN ('waiting', 'active')`)),
    n(and(site, isNull(c.archivedAt), eq(c.status, 'waiting'))),
    n(and(site, gte(c.resolvedAt, today))),
    n(within(c.resolvedAt)),
    n(and(within(c.closedAt), eq(c.status, 'closed'), isNull(c.firstAgentReplyAt))),
    db.select({ v: avg(c.firstResponseSeconds) }).from(c).where(within(c.firstAgentReplyAt)),
    db.select({ v: avg(c.resolutionSeconds) }).from(c).where(within(c.resolvedAt)),
    db.select({ v: avg(c.ratingScore), n: count(c.ratingScore) }).from(c).where(within(c.ratedAt)),
    db.select({
      agentId: sql<string>`${c.assigneeId}`, name: sql<string>`MAX(${c.assigneeName})`,
      assigned: sql<number>`SUM(${c.createdAt} >= ${from} AND ${c.createdAt} < ${to})`,
      open: sql<number>`SUM(${c.status} = 'active')`,
      resolved: sql<number>`SUM(${c.resolvedAt} >= ${from} AND ${c.resolvedAt} < ${to})`,
      avgFirstResponseSeconds: sql<number | null>`AVG(CASE WHEN ${c.firstAgentReplyAt} >= ${from} AND ${c.firstAgentReplyAt} < ${to} THEN ${c.firstResponseSeconds} END)`,
    }).from(c).where(and(site, isNotNull(c.assigneeId))).groupBy(c.assigneeId),
  ]);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    from, to, agentsOnline,
    open: open[0]!.n, waiting: waiting[0]!.n, resolvedToday: resolvedToday[0]!.n, resolved: resolved[0]!.n, missed: missed[0]!.n,
    avgFirstResponseSeconds: num(frt[0]?.v), medianFirstResponseSeconds: await median(db, c.firstResponseSeconds, within(c.firstAgentReplyAt)),
    avgResolutionSeconds: num(resolution[0]?.v),
    avgRating: num(rating[0]?.v), ratings: rating[0]?.n ?? 0,
    perAgent: perAgent
      .map((r) => ({ agentId: r.agentId, name: r.name ?? '', assigned: Number(r.assigned ?? 0), open: Number(r.open ?? 0), resolved: Number(r.resolved ?? 0), avgFirstResponseSeconds: num(r.avgFirstResponseSeconds) }))
      .filter((r) => r.assigned || r.open || r.resolved),
  };
}
