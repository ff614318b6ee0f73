import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversations, visitors } from '../db/schema';
import type { Conversation } from '../../../protocol';

type Row = typeof conversations.$inferSelect;
type VisitorRow = Pick<typeof visitors.$inferSelect, 'id' | 'name' | 'email'> | null;

/** The public view of a conversation row (and its visitor, when joined). */
export function toConversation(row: Row, visitor?: VisitorRow): Conversation {
  const {
    workspaceId: _w,
    firstClaimedAt: _c,
    firstVisitorMessageAt: _v,
    waitSeconds,
    firstResponseSeconds,
    resolutionSeconds,
    firstAgentReplyAt,
    resolvedAt,
    closedAt,
    ratingScore,
    ratingComment,
    ratedAt,
    ...rest
  } = row;
  return {
    ...rest,
    rating: ratingScore === null || !ratedAt ? null : { score: ratingScore, comment: ratingComment, at: ratedAt },
    timings: { waitSeconds, firstResponseSeconds, resolutionSeconds, firstAgentReplyAt, resolvedAt, closedAt },
    ...(visitor ? { visitor: { id: visitor.id, name: visitor.name, email: visitor.email } } : {}),
  };
}

const withVisitor = (db: Db) =>
  db
    .select({ c: conversations, v: { id: visitors.id, name: visitors.name, email: visitors.email } })
    .from(conversations)
    .leftJoin(visitors, eq(visitors.id, conversations.visitorId));

/** Insert the D1 row of a new conversation (the ConversationDO keeps it current afterwards). */
export async function insertConversation(db: Db, row: Row) {
  await db.insert(conversations).values(row);
}

/** A conversation, only if it belongs to the workspace. */
export async function findWorkspaceConversation(db: Db, workspaceId: string, id: string) {
  const [hit] = await withVisitor(db).where(and(eq(conversations.id, id), eq(conversations.workspaceId, workspaceId)));
  return hit ? toConversation(hit.c, hit.v) : null;
}

/** A conversation by id, whoever it belongs to (for mail coming back by a signed address). */
export async function findConversationById(db: Db, id: string) {
  const [hit] = await withVisitor(db).where(eq(conversations.id, id));
  return hit ? toConversation(hit.c, hit.v) : null;
}

/** A conversation, only if it is the visitor's own. */
export async function findVisitorConversation(db: Db, visitorId: string, id: string) {
  const [hit] = await withVisitor(db).where(and(eq(conversations.id, id), eq(conversations.visitorId, visitorId)));
  return hit ? toConversation(hit.c, hit.v) : null;
}

/** A visitor's conversations, newest first. */
export async function listVisitorConversations(db: Db, visitorId: string) {
  const rows = await withVisitor(db)
    .where(eq(conversations.visitorId, visitorId))
    .orderBy(desc(conversations.createdAt))
    .limit(50);
  return rows.map((r) => toConversation(r.c, r.v));
}
