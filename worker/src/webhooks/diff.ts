import type { Conversation, Message } from '../../../protocol';
import { type ConversationView, conversationView, messageView, type WebhookEventDraft } from './payload';

/** What a webhook's object remembers of a conversation to tell what changed: its last view and highest seq. */
export type Baseline = { view: ConversationView; lastSeq: number };

/** The fields whose change is a `conversation.updated` (notes only for webhooks that asked for notes). */
const TRACKED = ['status', 'assignee', 'departmentId', 'priority', 'tags', 'notes', 'archivedAt'] as const;

/** One conversation's projection as the relay hands it over: its snapshot and the messages it carried. */
export type ProjectedConversation = { conversation: Conversation; messages: Message[] };

/**
 * The events one projection means for one webhook, against what it saw before (null: never seen), and the new
 * baseline. A projection seen twice (a retried write) yields nothing the second time: the same view, no new seq.
 * `since`: the webhook's creation; a conversation first seen but older is a baseline, not a `conversation.created`.
 */
export function eventsOf(
  before: Baseline | null,
  p: ProjectedConversation,
  opts: { notes: boolean; since: string },
): { events: WebhookEventDraft[]; after: Baseline } {
  const c = p.conversation;
  const view = conversationView(c, opts.notes);
  const events: WebhookEventDraft[] = [];
  const push = (type: WebhookEventDraft['type'], data: unknown) =>
    events.push({ type, orderKey: c.id, conversationId: c.id, data });
  if (!before) {
    if (c.createdAt >= opts.since) push('conversation.created', { conversation: view });
  } else {
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of TRACKED) {
      const from = (before.view as Record<string, unknown>)[key];
      const to = (view as Record<string, unknown>)[key];
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from: from ?? null, to: to ?? null };
    }
    if (changes.status)
      push('conversation.status_changed', { conversation: view, from: before.view.status, to: c.status });
    if (Object.keys(changes).length) push('conversation.updated', { conversation: view, changes });
    if (!before.view.rating && c.rating) push('rating.created', { conversation: view, rating: c.rating });
  }
  let lastSeq = before?.lastSeq ?? 0;
  for (const m of [...p.messages].sort((a, b) => a.seq - b.seq)) {
    const isNew = m.seq > lastSeq;
    // An old seq again is an edit or a deletion; without either it is a retried projection: nothing new.
    if (!isNew && !m.editedAt && !m.deletedAt) continue;
    lastSeq = Math.max(lastSeq, m.seq);
    if (m.kind === 'note' && !opts.notes) continue;
    push(isNew ? 'message.created' : 'message.updated', { message: messageView(c.id, m) });
  }
  return { events, after: { view, lastSeq: Math.max(lastSeq, before?.lastSeq ?? 0) } };
}
