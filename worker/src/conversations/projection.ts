import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { projectionBatches } from '../db/schema';
import type { Conversation, Message } from '../../../protocol';

/** Message copies per projection: 50 bodies of at most 4,000 characters. */
export const PROJECTION_BATCH_MAX = 50;
/** JSON per D1 statement: well under D1's 2 MB row and statement limits. */
const STATEMENT_BYTES_MAX = 900_000;

/** A snapshot and its pending messages in the JSON shape the D1 trigger reads (migrations/0008). */
export function toProjection(conv: Conversation, pending: Message[]) {
  return {
    id: conv.id,
    rev: conv.rev,
    status: conv.status,
    assignee_id: conv.assigneeId,
    assignee_name: conv.assigneeName,
    archived_at: conv.archivedAt,
    updated_at: conv.updatedAt,
    last_message_at: conv.lastMessageAt,
    last_message_preview: conv.lastMessagePreview,
    last_message_sender: conv.lastMessageSender,
    last_seq: conv.lastSeq,
    message_count: conv.messageCount,
    visitor_unread: conv.visitorUnread,
    agent_unread: conv.agentUnread,
    visitor_read_seq: conv.visitorReadSeq,
    agent_read_seq: conv.agentReadSeq,
    department_id: conv.departmentId,
    priority: conv.priority,
    tags: conv.tags,
    notes: conv.notes,
    first_agent_reply_at: conv.timings.firstAgentReplyAt,
    resolved_at: conv.timings.resolvedAt,
    closed_at: conv.timings.closedAt,
    wait_seconds: conv.timings.waitSeconds,
    first_response_seconds: conv.timings.firstResponseSeconds,
    resolution_seconds: conv.timings.resolutionSeconds,
    rating_score: conv.rating?.score ?? null,
    rating_comment: conv.rating?.comment ?? null,
    rated_at: conv.rating?.at ?? null,
    messages: pending.map((m) => ({
      seq: m.seq,
      id: m.id,
      sender_type: m.sender.type,
      sender_id: m.sender.id ?? null,
      kind: m.kind,
      body: m.body,
      created_at: m.createdAt,
      deleted_at: m.deletedAt ?? null,
    })),
  };
}

/** One conversation's share of a projection batch: its D1 inbox row (column names) and the message copies it owes. */
export type Projection = ReturnType<typeof toProjection>;

/**
 * Write projections of any number of conversations to D1: one statement per ~1 MB of JSON (one round trip),
 * applied by a trigger. Idempotent: an inbox row is kept when D1 already has a newer rev, message copies are
 * upserted by (conversation, seq). Throws when D1 refuses, so every caller keeps its outbox for a retry.
 * `also`: a scalar expression returned by the first statement (the relays ask which webhooks listen), or null.
 */
export async function writeProjections(db: Db, items: Projection[], also?: SQL<string>): Promise<string | null> {
  const chunks: string[][] = [[]];
  let size = 0;
  for (const item of items) {
    const json = JSON.stringify(item);
    if (size + json.length > STATEMENT_BYTES_MAX && chunks.at(-1)!.length) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(json);
    size += json.length;
  }
  const inserts = chunks.map((c) => db.insert(projectionBatches).values({ payload: `[${c.join(',')}]` }));
  const [first, ...rest] = inserts;
  if (!first) return null;
  const head = also ? first.returning({ also }) : first;
  const results = rest.length ? await db.batch([head, ...rest]) : [await head];
  const row = (results[0] as { also: string }[] | undefined)?.[0];
  return also ? (row?.also ?? null) : null;
}
