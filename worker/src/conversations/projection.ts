import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversations, messages } from '../db/schema';
import type { Conversation, Message } from '../protocol';

/**
 * Copy a ConversationDO's state into D1 in one atomic batch: messages upserted by
 * (conversation, seq) (a deletion empties one), the inbox row only if this snapshot is newer (rev). Running
 * it twice is harmless, which is what at-least-once alarms need.
 */
export async function projectToD1(db: Db, conv: Conversation, pending: Message[]) {
  const summary = db.update(conversations).set({
    status: conv.status, assigneeId: conv.assigneeId, archivedAt: conv.archivedAt, updatedAt: conv.updatedAt,
    lastMessageAt: conv.lastMessageAt, lastMessagePreview: conv.lastMessagePreview, lastMessageSender: conv.lastMessageSender,
    lastSeq: conv.lastSeq, messageCount: conv.messageCount, visitorUnread: conv.visitorUnread, agentUnread: conv.agentUnread,
    visitorReadSeq: conv.visitorReadSeq, agentReadSeq: conv.agentReadSeq, rev: conv.rev,
    assigneeName: conv.assigneeName, departmentId: conv.departmentId, priority: conv.priority, tags: conv.tags, notes: conv.notes,
    firstAgentReplyAt: conv.timings.firstAgentReplyAt, resolvedAt: conv.timings.resolvedAt, closedAt: conv.timings.closedAt,
    waitSeconds: conv.timings.waitSeconds, firstResponseSeconds: conv.timings.firstResponseSeconds,
    resolutionSeconds: conv.timings.resolutionSeconds,
    ratingScore: conv.rating?.score ?? null, ratingComment: conv.rating?.comment ?? null, ratedAt: conv.rating?.at ?? null,
  }).where(and(eq(conversations.id, conv.id), lt(conversations.rev, conv.rev)));
  const rows = pending.map((m) => db.insert(messages).values({
    conversationId: conv.id, seq: m.seq, id: m.id, senderType: m.sender.type, senderId: m.sender.id ?? null,
    kind: m.kind, body: m.body, createdAt: m.createdAt, deletedAt: m.deletedAt ?? null,
  }).onConflictDoUpdate({ target: [messages.conversationId, messages.seq], set: { body: m.body, deletedAt: m.deletedAt ?? null } }));
  // Fail loudly when the inbox row is missing, so the outbox keeps the work for a retry.
  const check = db.select({ n: sql<number>`1` }).from(conversations).where(eq(conversations.id, conv.id));
  const [found] = await db.batch([check, ...rows, summary]);
  if (!found.length) throw new Error(`conversation ${conv.id} has no D1 row yet`);
}
