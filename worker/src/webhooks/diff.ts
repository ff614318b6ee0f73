import type { Conversation, Message } from '../../../protocol';
import { type ConversationView, conversationView, messageView, type WebhookEventDraft } from './payload';

/**
 * What a webhook's object remembers of a conversation to tell what changed: its last view (with notes only while
 * the webhook asked for them), its highest seq, and the last edit or deletion it announced of each recent message
 * (kept inside the stored view as `edits`, seq → "editedAt|deletedAt", so a replayed edit is recognised).
 */
export type Baseline = { view: ConversationView & { edits?: Record<string, string> }; lastSeq: number };

/** The fields whose change is a `conversation.updated` (notes only for webhooks that asked for notes). */
const TRACKED = ['status', 'assignee', 'departmentId', 'priority', 'tags', 'notes', 'archivedAt'] as const;

/** How many messages' last edit a baseline remembers (the newest seqs): edits are rare, and this bounds it. */
const EDITS_KEPT = 200;

/**
 * One conversation's projection as the relay hands it over: its snapshot, the messages it carried, and what the
 * conversation had projected before this one (`previous`, null for its first): the earlier state a webhook that
 * sees the conversation for the first time compares with.
 */
export type ProjectedConversation = {
  conversation: Conversation;
  messages: Message[];
  previous?: ProjectedState | null;
};

/**
 * What a conversation remembers of its last projection for the webhooks (ConversationDO keeps it in its storage):
 * the fields they compare, no text anyone typed (no notes, no rating comment, no preview: nothing an erasure
 * would have to find).
 */
export type ProjectedState = Pick<
  Conversation,
  'status' | 'assigneeId' | 'assigneeName' | 'departmentId' | 'priority' | 'tags' | 'archivedAt'
> & { rated: boolean };

/** The ProjectedState of a snapshot. */
export const projectedState = (c: Conversation): ProjectedState => ({
  status: c.status,
  assigneeId: c.assigneeId,
  assigneeName: c.assigneeName,
  departmentId: c.departmentId,
  priority: c.priority,
  tags: c.tags,
  archivedAt: c.archivedAt,
  rated: !!c.rating,
});

const editMark = (m: Message) => `${m.editedAt ?? ''}|${m.deletedAt ?? ''}`;

/**
 * The earlier state of a conversation a webhook has never seen: none for one created after the webhook (all of it
 * is news), what it had projected before (`previous`), or, without that, "unknown": then only what carries its
 * own time (messages, edits, a rating) is told, by comparing that time with the webhook's creation.
 */
function firstSight(p: ProjectedConversation, opts: { notes: boolean; since: string }) {
  const c = p.conversation;
  if (c.createdAt >= opts.since) return { created: true, before: null } as const;
  if (p.previous) {
    const { rated, ...fields } = p.previous;
    // Notes are not remembered: the view is built without them, so they are not compared.
    const earlier = { ...c, ...fields, rating: rated ? c.rating : null };
    return { created: false, before: { view: conversationView(earlier, false), lastSeq: 0 } as Baseline } as const;
  }
  return { created: false, before: null } as const;
}

/**
 * The events one projection means for one webhook, against what it saw before (null: never seen), and the new
 * baseline. A projection seen twice (a retried write) yields nothing the second time: the same view, no new seq,
 * the same edit marks. `since`: the webhook's creation.
 */
export function eventsOf(
  seen: Baseline | null,
  p: ProjectedConversation,
  opts: { notes: boolean; since: string },
): { events: WebhookEventDraft[]; after: Baseline } {
  const c = p.conversation;
  const view = conversationView(c, opts.notes);
  const events: WebhookEventDraft[] = [];
  const push = (type: WebhookEventDraft['type'], data: unknown) =>
    events.push({ type, orderKey: c.id, conversationId: c.id, data });
  const first = seen ? null : firstSight(p, opts);
  const before = seen ?? first?.before ?? null;
  if (first?.created) push('conversation.created', { conversation: view });
  if (before) {
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of TRACKED) {
      // Notes are compared only when both sides were seen with notes: a webhook that stopped asking is never
      // sent them (not even as a "from"), one that started asking is not told of a change it cannot know.
      if (key === 'notes' && (!opts.notes || !('notes' in before.view))) continue;
      const from = (before.view as Record<string, unknown>)[key];
      const to = (view as Record<string, unknown>)[key];
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from: from ?? null, to: to ?? null };
    }
    if (changes.status)
      push('conversation.status_changed', { conversation: view, from: before.view.status, to: c.status });
    if (Object.keys(changes).length) push('conversation.updated', { conversation: view, changes });
    if (!before.view.rating && c.rating) push('rating.created', { conversation: view, rating: c.rating });
  } else if (first && !first.created && c.rating && c.rating.at >= opts.since) {
    // Nothing earlier to compare with: a rating given after the webhook was added is news.
    push('rating.created', { conversation: view, rating: c.rating });
  }
  const edits = { ...(seen?.view.edits ?? {}) };
  // First sight of an older conversation: a message is news when it was written after the webhook was added
  // (the seqs it had reached are not known: a projection may come in chunks), an edit when it was made after.
  const old = first && !first.created;
  let lastSeq = seen?.lastSeq ?? 0;
  for (const m of [...p.messages].sort((a, b) => a.seq - b.seq)) {
    const isNew = old ? m.createdAt >= opts.since : m.seq > lastSeq;
    lastSeq = Math.max(lastSeq, m.seq);
    if (!isNew) {
      // An old seq again is an edit or a deletion; without either, or the same one again, it is a replay.
      if (!m.editedAt && !m.deletedAt) continue;
      if (edits[m.seq] === editMark(m)) continue;
      edits[m.seq] = editMark(m);
      if (old && (m.deletedAt ?? m.editedAt ?? '') < opts.since) continue;
    } else if (m.editedAt || m.deletedAt) edits[m.seq] = editMark(m);
    if (m.kind === 'note' && !opts.notes) continue;
    push(isNew ? 'message.created' : 'message.updated', { message: messageView(c.id, m) });
  }
  const kept = Object.keys(edits)
    .map(Number)
    .sort((a, b) => b - a)
    .slice(0, EDITS_KEPT);
  const after: Baseline = {
    view: kept.length ? { ...view, edits: Object.fromEntries(kept.map((s) => [s, edits[s]!])) } : view,
    lastSeq,
  };
  return { events, after };
}
