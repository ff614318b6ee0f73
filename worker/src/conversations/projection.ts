import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversations } from '../db/schema';
import type { Conversation, Message } from '../protocol';

/** Message copies per projection statement: 50 bodies of at most 4,000 characters stay far below D1's 2 MB row. */
export const PROJECTION_BATCH_MAX = 50;

/** A message's searchable copy, in the JSON shape the D1 trigger reads (migrations/0008). */
const copyOf = (m: Message) => ({
  seq: m.seq, id: m.id, senderType: m.sender.type, senderId: m.sender.id ?? null,
  kind: m.kind, body: m.body, createdAt: m.createdAt, deletedAt: m.deletedAt ?? null,
});

/**
 * Copy a ConversationDO's state into D1 in ONE statement: the inbox row is set from the snapshot, and the
 * batch's message copies ride along in `pending_messages`, which a trigger upserts by (conversation, seq)
 * (a deletion empties one). The row is written unless D1 already holds a newer rev (`rev <= snapshot's`:
 * re-running the same batch rewrites the same values, which is what at-least-once alarms need).
 * Throws when the inbox row does not exist yet, so the outbox keeps the work for a retry.
 */
export async function projectToD1(db: Db, conv: Conversation, pending: Message[]) {
  const rows = await db.update(conversations).set({
    status: conv.status, assigneeId: conv.assigneeId, archivedAt: conv.archivedAt, updatedAt: conv.updatedAt,
    lastMessageAt: conv.lastMessageAt, lastMessagePreview: conv.lastMessagePreview, lastMessageSender: conv.lastMessageSender,
    lastSeq: conv.lastSeq, messageCount: conv.messageCount, visitorUnread: conv.visitorUnread, agentUnread: conv.agentUnread,
    visitorReadSeq: conv.visitorReadSeq, agentReadSeq: conv.agentReadSeq, rev: conv.rev,
    assigneeName: conv.assigneeName, departmentId: conv.departmentId, priority: conv.priority, tags: conv.tags, notes: conv.notes,
    firstAgentReplyAt: conv.timings.firstAgentReplyAt, resolvedAt: conv.timings.resolvedAt, closedAt: conv.timings.closedAt,
    waitSeconds: conv.timings.waitSeconds, firstResponseSeconds: conv.timings.firstResponseSeconds,
    resolutionSeconds: conv.timings.resolutionSeconds,
    ratingScore: conv.rating?.score ?? null, ratingComment: conv.rating?.comment ?? null, ratedAt: conv.rating?.at ?? null,
    pendingMessages: pending.length ? JSON.stringify(pending.map(copyOf)) : null,
  }).where(and(eq(conversations.id, conv.id), lte(conversations.rev, conv.rev))).returning({ id: conversations.id });
  if (rows.length) return;
  // Nothing updated: no row yet (a retry will find it), or D1 already has a newer rev, which only a newer
  // snapshot of this same object can have written, and that one carried these messages too.
  const [exists] = await db.select({ id: conversations.id }).from(conversations).where(eq(conversations.id, conv.id));
  if (!exists) throw new Error(`conversation ${conv.id} has no D1 row yet`);
}
