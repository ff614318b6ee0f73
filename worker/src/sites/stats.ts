import { and, avg, count, eq, gte, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client';
import { agents, conversations, sites } from '../db/schema';
import { rangeEnd, rangeStart } from '../conversations/inbox';
import type { Stats } from '../../../protocol';

// Every figure reads one index range of migration 0007 (covering: no row of conversations is read), all in
// one batch: at 100,000 conversations a scan of the site, as the per-agent figures were, took over 100 ms.

const DAY = 86_400_000;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The statements of a site's stats for [from, to), in the order siteStats reads them. */
export function statsQueries(db: Db, siteId: string, from: string, to: string) {
  const today = new Date(Math.floor(Date.now() / DAY) * DAY).toISOString();
  const c = conversations;
  const site = eq(c.siteId, siteId);
  const within = (col: SQLiteColumn) => and(site, gte(col, from), lt(col, to));
  const n = (where: SQL | undefined) => db.select({ n: count() }).from(c).where(where);
  // Per agent: a range of an (site, assignee, time) index for each agent of the workspace, grouped as it is read.
  const workspaceAgents = sql`(SELECT ${agents.id} FROM ${agents} WHERE ${agents.workspaceId} = (SELECT ${sites.workspaceId} FROM ${sites} WHERE ${sites.id} = ${siteId}))`;
  const byAgent = <T extends Record<string, SQL>>(fields: T, where: SQL | undefined) =>
    db
      .select({ agentId: sql<string>`${c.assigneeId}`, ...fields })
      .from(c)
      .where(and(where, sql`${c.assigneeId} IN ${workspaceAgents}`))
      .groupBy(c.assigneeId);
  const replied = and(within(c.firstAgentReplyAt), isNotNull(c.firstResponseSeconds));
  const replies = sql`(SELECT count(*) FROM ${c} WHERE ${replied})`;
  return [
    n(and(site, sql`${c.status} IN ('waiting', 'active')`, isNull(c.archivedAt))),
    n(and(site, eq(c.status, 'waiting'), isNull(c.archivedAt))),
    n(and(site, gte(c.resolvedAt, today))),
    n(within(c.resolvedAt)),
    n(and(within(c.closedAt), eq(c.status, 'closed'), isNull(c.firstAgentReplyAt))),
    db
      .select({ v: avg(c.firstResponseSeconds) })
      .from(c)
      .where(within(c.firstAgentReplyAt)),
    // The median: the middle one or two of the range's first responses, in one statement.
    db
      .select({ v: c.firstResponseSeconds })
      .from(c)
      .where(replied)
      .orderBy(c.firstResponseSeconds)
      .limit(sql`2 - ${replies} % 2` as unknown as number)
      .offset(sql`(${replies} - 1) / 2` as unknown as number),
    db
      .select({ v: avg(c.resolutionSeconds) })
      .from(c)
      .where(within(c.resolvedAt)),
    db
      .select({ v: avg(c.ratingScore), n: count(c.ratingScore) })
      .from(c)
      .where(within(c.ratedAt)),
    byAgent({ n: sql<number>`count(*)` }, within(c.createdAt)),
    // Open now: few rows, read from the open index (+: not by the assignee ones, which would read every row).
    db
      .select({ agentId: sql<string>`${c.assigneeId}`, n: sql<number>`count(*)` })
      .from(c)
      .where(and(site, eq(c.status, 'active'), isNotNull(c.assigneeId)))
      .groupBy(sql`+${c.assigneeId}`),
    byAgent({ n: sql<number>`count(*)` }, within(c.resolvedAt)),
    byAgent({ v: sql<number | null>`avg(${c.firstResponseSeconds})` }, within(c.firstAgentReplyAt)),
    db.select({ id: agents.id, name: agents.name }).from(agents).where(sql`${agents.id} IN ${workspaceAgents}`),
  ] as const;
}

/**
 * A site's numbers for [from, to): what is open and waiting now, what was resolved
 * today (UTC) and in the range, missed conversations (closed without any agent reply),
 * first response and resolution times, and per-agent counts.
 */
export async function siteStats(
  db: Db,
  siteId: string,
  range: { from?: string; to?: string },
  agentsOnline: number,
): Promise<Stats> {
  const to = range.to ? rangeEnd(range.to) : new Date().toISOString();
  const from = range.from ? rangeStart(range.from) : new Date(Date.parse(to) - 7 * DAY).toISOString();
  const [
    open,
    waiting,
    resolvedToday,
    resolved,
    missed,
    frt,
    middle,
    resolution,
    rating,
    assigned,
    active,
    resolvedBy,
    frtBy,
    names,
  ] = await db.batch(statsQueries(db, siteId, from, to));
  const perAgent = new Map<string, Stats['perAgent'][number]>();
  const name = new Map(names.map((a) => [a.id, a.name]));
  const agent = (id: string) =>
    perAgent.get(id) ??
    perAgent
      .set(id, {
        agentId: id,
        name: name.get(id) ?? '',
        assigned: 0,
        open: 0,
        resolved: 0,
        avgFirstResponseSeconds: null,
      })
      .get(id)!;
  for (const r of assigned) agent(r.agentId).assigned = Number(r.n);
  for (const r of active) agent(r.agentId).open = Number(r.n);
  for (const r of resolvedBy) agent(r.agentId).resolved = Number(r.n);
  for (const r of frtBy) if (perAgent.has(r.agentId)) agent(r.agentId).avgFirstResponseSeconds = num(r.v);
  return {
    from,
    to,
    agentsOnline,
    open: open[0]!.n,
    waiting: waiting[0]!.n,
    resolvedToday: resolvedToday[0]!.n,
    resolved: resolved[0]!.n,
    missed: missed[0]!.n,
    avgFirstResponseSeconds: num(frt[0]?.v),
    medianFirstResponseSeconds: middle.length ? middle.reduce((sum, r) => sum + (r.v ?? 0), 0) / middle.length : null,
    avgResolutionSeconds: num(resolution[0]?.v),
    avgRating: num(rating[0]?.v),
    ratings: rating[0]?.n ?? 0,
    perAgent: [...perAgent.values()].sort((a, b) => (a.agentId < b.agentId ? -1 : 1)),
  };
}
