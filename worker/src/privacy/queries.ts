import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversations, sites, visitors } from '../db/schema';

// D1 reads and writes of export and data subject requests (docs/privacy.md). Every list is a keyset page.

/** A conversation row of an export, with its visitor's profile (null fields once the visitor was erased). */
export type ExportConversation = typeof conversations.$inferSelect & {
  visitor: Omit<typeof visitors.$inferSelect, 'siteId' | 'userAgent' | 'lastIp' | 'unsubscribedAt'> | null;
};
/** A message row of an export; the agent's name comes from the agents table (D1's copy has no sender name). */
export type ExportMessage = {
  conversationId: string;
  seq: number;
  id: string;
  senderType: string;
  senderId: string | null;
  senderName: string | null;
  kind: string;
  body: string;
  createdAt: string;
  deletedAt: string | null;
};

/** Where an export page starts: after this (created_at, id) of the site, or at the beginning. */
export type ConversationCursor = { createdAt: string; id: string } | null;

/** The workspace's sites (id and name), or the one asked for; [] when it is not the workspace's. */
export const workspaceSites = (db: Db, workspaceId: string, siteId?: string) =>
  db
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(and(eq(sites.workspaceId, workspaceId), siteId ? eq(sites.id, siteId) : undefined))
    .orderBy(asc(sites.id));

/** How many conversations, and messages (the sum of their last seq), an export of these sites and dates holds. */
export async function exportTotals(db: Db, siteIds: string[], from: string, to: string) {
  if (!siteIds.length) return { conversations: 0, messages: 0 };
  const [row] = await db
    .select({ n: sql<number>`COUNT(*)`, m: sql<number>`COALESCE(SUM(${conversations.lastSeq}), 0)` })
    .from(conversations)
    .where(
      and(
        inArray(conversations.siteId, siteIds),
        sql`${conversations.createdAt} >= ${from}`,
        sql`${conversations.createdAt} < ${to}`,
      ),
    );
  return { conversations: row?.n ?? 0, messages: row?.m ?? 0 };
}

/** One page of a site's conversations created in [from, to), in (created_at, id) order, with their visitors. */
export async function conversationPage(
  db: Db,
  q: { siteId: string; from: string; to: string; after: ConversationCursor; limit: number },
): Promise<ExportConversation[]> {
  const { userAgent: _u, lastIp: _i, unsubscribedAt: _s, siteId: _site, ...visitorColumns } = getTableColumns(visitors);
  const rows = await db
    .select({ c: conversations, v: visitorColumns })
    .from(conversations)
    .leftJoin(visitors, eq(visitors.id, conversations.visitorId))
    .where(
      and(
        eq(conversations.siteId, q.siteId),
        sql`${conversations.createdAt} >= ${q.from}`,
        sql`${conversations.createdAt} < ${q.to}`,
        q.after
          ? sql`(${conversations.createdAt}, ${conversations.id}) > (${q.after.createdAt}, ${q.after.id})`
          : undefined,
      ),
    )
    .orderBy(asc(conversations.createdAt), asc(conversations.id))
    .limit(q.limit);
  return rows.map((r) => ({ ...r.c, visitor: r.v }));
}

/**
 * One page of the messages of some conversations, in (conversation id, seq) order, after a (conversation, seq).
 * The conversations before the cursor's are left out of the IN list, so a page never reads them again.
 */
export function messagePage(
  db: Db,
  ids: string[],
  after: { conversationId: string; seq: number } | null,
  limit: number,
): Promise<ExportMessage[]> {
  return db.all<ExportMessage>(sql`SELECT m.conversation_id AS conversationId, m.seq AS seq, m.id AS id,
      m.sender_type AS senderType, m.sender_id AS senderId,
      CASE WHEN m.sender_type = 'agent' THEN (SELECT a.name FROM agents a WHERE a.id = m.sender_id) END AS senderName,
      m.kind AS kind, m.body AS body, m.created_at AS createdAt, m.deleted_at AS deletedAt
    FROM messages m WHERE m.conversation_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})
      ${after ? sql`WHERE value >= ${after.conversationId}` : sql``})
    ${after ? sql`AND (m.conversation_id, m.seq) > (${after.conversationId}, ${after.seq})` : sql``}
    ORDER BY m.conversation_id, m.seq LIMIT ${limit}`);
}

/** Visitors of the workspace by exact email (any case: visitors_site_email) or id, with their site's name and conversation count. */
export async function findVisitors(db: Db, workspaceId: string, by: { email?: string; id?: string }) {
  return db
    .select({
      id: visitors.id,
      siteId: visitors.siteId,
      siteName: sites.name,
      name: visitors.name,
      email: visitors.email,
      createdAt: visitors.createdAt,
      lastSeenAt: visitors.lastSeenAt,
      erasedAt: visitors.erasedAt,
      conversations: sql<number>`(SELECT COUNT(*) FROM conversations c WHERE c.visitor_id = ${visitors.id})`,
    })
    .from(visitors)
    .innerJoin(sites, eq(sites.id, visitors.siteId))
    .where(
      and(
        eq(sites.workspaceId, workspaceId),
        by.id ? eq(visitors.id, by.id) : sql`lower(${visitors.email}) = lower(${by.email ?? ''})`,
      ),
    )
    .limit(50);
}

/** A visitor row with its workspace, only if it belongs to the workspace. */
export async function findWorkspaceVisitor(db: Db, workspaceId: string, id: string) {
  const [hit] = await db
    .select({ v: visitors, site: { id: sites.id, name: sites.name, workspaceId: sites.workspaceId } })
    .from(visitors)
    .innerJoin(sites, eq(sites.id, visitors.siteId))
    .where(and(eq(visitors.id, id), eq(sites.workspaceId, workspaceId)));
  return hit ?? null;
}

/**
 * A page of one visitor's conversations, oldest first, after a (created_at, id) cursor: a conversation started while
 * an erasure or an export pages through them sorts after every one already read, so no page skips it (random ids
 * would sort anywhere).
 */
export const visitorConversations = (db: Db, visitorId: string, after: ConversationCursor, limit: number) =>
  db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.visitorId, visitorId),
        after ? sql`(${conversations.createdAt}, ${conversations.id}) > (${after.createdAt}, ${after.id})` : undefined,
      ),
    )
    .orderBy(asc(conversations.createdAt), asc(conversations.id))
    .limit(limit);

/** A (created_at, id) cursor as the erasures row keeps it; an older id-only cursor reads as none (start over). */
export const cursorText = (c: { createdAt: string; id: string }) => `${c.createdAt} ${c.id}`;
/** Read a cursor written by cursorText. */
export function parseCursor(text: string | null): ConversationCursor {
  const [createdAt, id, ...rest] = (text ?? '').split(' ');
  return createdAt && id && !rest.length ? { createdAt, id } : null;
}
