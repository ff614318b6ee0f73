import type { Conversation, Message, Visitor, WebhookEvent } from '../../../protocol';

// The explicit views every webhook payload is built from: what an integration needs, nothing internal (no rev,
// unread counters, read markers, client ids, file URLs that need an agent's token). Notes only when asked for.

/** A conversation as a webhook sends it; `notes` only to a webhook that asked for notes. */
export function conversationView(c: Conversation, notes: boolean) {
  return {
    id: c.id,
    siteId: c.siteId,
    visitorId: c.visitorId,
    status: c.status,
    assignee: c.assigneeId ? { id: c.assigneeId, name: c.assigneeName } : null,
    departmentId: c.departmentId,
    priority: c.priority,
    tags: c.tags,
    ...(notes ? { notes: c.notes } : {}),
    rating: c.rating,
    archivedAt: c.archivedAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    lastMessageAt: c.lastMessageAt,
    messageCount: c.messageCount,
    timings: c.timings,
  };
}
/** The webhook view of a conversation. */
export type ConversationView = ReturnType<typeof conversationView>;

/** A message as a webhook sends it (the body of a deleted message is empty, as everywhere). */
export const messageView = (conversationId: string, m: Message) => ({
  id: m.id,
  conversationId,
  seq: m.seq,
  kind: m.kind,
  body: m.body,
  sender: { type: m.sender.type, id: m.sender.id ?? null, name: m.sender.name ?? null },
  createdAt: m.createdAt,
  editedAt: m.editedAt ?? null,
  deletedAt: m.deletedAt ?? null,
  file: m.file ? { id: m.file.id, name: m.file.name, size: m.file.size, type: m.file.type } : null,
});

/** A visitor as a webhook sends it. */
export const visitorView = (v: Visitor) => ({ id: v.id, siteId: v.siteId, name: v.name, email: v.email });

/** One event before it becomes a delivery: its type, what orders it (a conversation or a visitor), its data. */
export type WebhookEventDraft = { type: WebhookEvent; orderKey: string; conversationId: string | null; data: unknown };
