import { and, desc, eq, gte, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversations, visitors } from '../db/schema';
import type { InboxQuery } from '../../../protocol';
import { ftsQuery } from '../lib/search';
import { toConversation } from './queries';
import { searchPlan, type SearchPlan } from './search';

/** The end of a range: a bare date (YYYY-MM-DD) includes that whole day. */
export const rangeEnd = (to: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(Date.parse(to) + 86_400_000).toISOString() : new Date(to).toISOString();
/** The start of a range as an ISO timestamp. */
export const rangeStart = (from: string) => new Date(from).toISOString();

/** User text as an FTS5 query (lib/search.ts; re-exported for the knowledge base). */
export { ftsQuery };

/** The columns filtered on. */
const FILTERED = ['siteId', 'archivedAt', 'status', 'assigneeId', 'departmentId', 'priority', 'lastMessageAt'] as const;

function filters(siteId: string, q: InboxQuery, agentId: string, search: SearchPlan | null): (SQL | undefined)[] {
  // When search hits drive the query, the unary + keeps the planner from walking an index of the site instead.
  const plus = search?.sparse ? '+' : '';
  const c = Object.fromEntries(FILTERED.map((k) => [k, sql`${sql.raw(plus)}${conversations[k]}`])) as Record<
    (typeof FILTERED)[number],
    SQL
  >;
  const assignee =
    q.assignee === 'me'
      ? eq(c.assigneeId, agentId)
      : q.assignee === 'unassigned'
        ? isNull(c.assigneeId)
        : q.assignee && q.assignee !== 'all'
          ? eq(c.assigneeId, q.assignee)
          : undefined;
  return [
    eq(c.siteId, siteId),
    q.archived ? isNotNull(c.archivedAt) : isNull(c.archivedAt),
    q.status ? eq(c.status, q.status) : undefined,
    assignee,
    q.department ? eq(c.departmentId, q.department) : undefined,
    q.priority ? eq(c.priority, q.priority) : undefined,
    q.tag
      ? sql`EXISTS (SELECT 1 FROM json_each(${conversations.tags}) WHERE value = ${q.tag.toLowerCase()})`
      : undefined,
    q.from ? gte(c.lastMessageAt, rangeStart(q.from)) : undefined,
    q.to ? lt(c.lastMessageAt, rangeEnd(q.to)) : undefined,
    search?.where,
  ];
}

const encodeCursor = (at: string, id: string) => btoa(`${at}|${id}`);
function decodeCursor(cursor: string): [string, string] | null {
  try {
    const [at, id] = atob(cursor).split('|');
    return at && id ? [at, id] : null;
  } catch {
    return null;
  }
}

/** The query of one inbox page (one row more than the page, to know whether another follows); wrapped, as a query is a thenable. */
export async function inboxQuery(db: Db, siteId: string, q: InboxQuery, agentId: string) {
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const c = conversations;
  const search = q.q ? await searchPlan(db, siteId, q.q) : null;
  const where = and(
    ...filters(siteId, q, agentId, search),
    after ? or(lt(c.lastMessageAt, after[0]), and(eq(c.lastMessageAt, after[0]), lt(c.id, after[1]))) : undefined,
  );
  return {
    query: db
      .select({ c, v: { id: visitors.id, name: visitors.name, email: visitors.email } })
      .from(c)
      .leftJoin(visitors, eq(visitors.id, c.visitorId))
      .where(where)
      .orderBy(desc(c.lastMessageAt), desc(c.id))
      .limit(q.limit + 1),
  };
}

/**
 * One page of a site's inbox, newest activity first. Keyset pagination on
 * (last_message_at, id): conversations arriving meanwhile land before the cursor and
 * never shift the pages after it.
 */
export async function listInbox(db: Db, siteId: string, q: InboxQuery, agentId: string) {
  const rows = await (await inboxQuery(db, siteId, q, agentId)).query;
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > q.limit && last ? encodeCursor(last.c.lastMessageAt ?? '', last.c.id) : null;
  return { conversations: page.map((r) => toConversation(r.c, r.v)), nextCursor };
}
