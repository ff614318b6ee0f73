import { and, desc, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversations, visitors } from '../db/schema';
import type { Conversation } from '../protocol';

type Row = typeof conversations.$inferSelect;
type VisitorRow = Pick<typeof visitors.$inferSelect, 'id' | 'name' | 'email'> | null;

/** The public view of a conversation row (and its visitor, when joined). */
export function toConversation(row: Row, visitor?: VisitorRow): Conversation {
  const { workspaceId: _w, ...rest } = row;
  return { ...rest, ...(visitor ? { visitor: { id: visitor.id, name: visitor.name, email: visitor.email } } : {}) };
}

const withVisitor = (db: Db) =>
  db.select({ c: conversations, v: { id: visitors.id, name: visitors.name, email: visitors.email } })
    .from(conversations).leftJoin(visitors, eq(visitors.id, conversations.visitorId));

/** Insert the D1 row of a new conversation (the ConversationDO keeps it current afterwards). */
export async function insertConversation(db: Db, row: Row) {
  await db.insert(conversations).values(row);
}

/** A conversation, only if it belongs to the workspace. */
export async function findWorkspaceConversation(db: Db, workspaceId: string, id: string) {
  const [hit] = await withVisitor(db).where(and(eq(conversations.id, id), eq(conversations.workspaceId, workspaceId)));
  return hit ? toConversation(hit.c, hit.v) : null;
}

/** A conversation, only if it is the visitor's own. */
export async function findVisitorConversation(db: Db, visitorId: string, id: string) {
  const [hit] = await withVisitor(db).where(and(eq(conversations.id, id), eq(conversations.visitorId, visitorId)));
  return hit ? toConversation(hit.c, hit.v) : null;
}

/** A visitor's conversations, newest first. */
export async function listVisitorConversations(db: Db, visitorId: string) {
  const rows = await withVisitor(db).where(eq(conversations.visitorId, visitorId))
    .orderBy(desc(conversations.createdAt)).limit(50);
  return rows.map((r) => toConversation(r.c, r.v));
}

const encodeCursor = (at: string, id: string) => btoa(`${at}|${id}`);
function decodeCursor(cursor: string): [string, string] | null {
  try {
    const [at, id] = atob(cursor).split('|');
    return at && id ? [at, id] : null;
  } catch { return null; }
}

/** One page of a site's inbox, newest activity first, with a keyset cursor for the next page. */
export async function listInbox(db: Db, siteId: string, q: { archived: boolean; cursor?: string; limit: number }) {
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const where = and(
    eq(conversations.siteId, siteId),
    q.archived ? isNotNull(conversations.archivedAt) : isNull(conversations.archivedAt),
    after ? or(lt(conversations.lastMessageAt, after[0]), and(eq(conversations.lastMessageAt, after[0]), lt(conversations.id, after[1]))) : undefined,
  );
  const rows = await withVisitor(db).where(where)
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id)).limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > q.limit && last ? encodeCursor(last.c.lastMessageAt ?? '', last.c.id) : null;
  return { conversations: page.map((r) => toConversation(r.c, r.v)), nextCursor };
}
