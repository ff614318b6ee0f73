// Pure inbox state: one map of conversations fed by REST pages and site-socket events (state/live.ts),
// from which each tab's list is derived, so a conversation can never sit in two tabs.
import type { Conversation, ConversationDelta } from '../../../protocol';
import { DELTA_FIELDS } from '../../../protocol/delta';
import { strings } from '../strings';

/** The two inbox tabs. */
export type InboxTab = 'active' | 'archived';

/** Conversations by id; derived lists are computed from this. */
export type ConversationMap = ReadonlyMap<string, Conversation>;

/** Which tab a conversation belongs to. */
export function tabOf(conversation: Conversation): InboxTab {
  return conversation.archivedAt ? 'archived' : 'active';
}

/** Time of last activity, the inbox's sort key (reading or archiving does not count as activity). */
export function activityTime(conversation: Conversation): number {
  return Date.parse(conversation.lastMessageAt ?? conversation.createdAt);
}

// A REST page fetched before a live event may arrive after it; the server bumps rev on every
// change, so the copy with the higher rev is the newer one (equal revs: take the incoming copy).
function isStale(incoming: Conversation, current: Conversation): boolean {
  return incoming.rev < current.rev;
}

/** Adds or replaces conversations, ignoring copies older than what is already known. */
export function upsertConversations(map: ConversationMap, incoming: readonly Conversation[]): ConversationMap {
  if (incoming.length === 0) return map;
  const next = new Map(map);
  for (const c of incoming) {
    const current = next.get(c.id);
    if (!current || !isStale(c, current)) next.set(c.id, c);
  }
  return next;
}

/** One tab's conversations, newest activity first (ties broken by id so the order is stable). */
export function tabList(map: ConversationMap, tab: InboxTab): Conversation[] {
  return [...map.values()]
    .filter((c) => tabOf(c) === tab)
    .sort((a, b) => activityTime(b) - activityTime(a) || (a.id < b.id ? 1 : -1));
}

/** A held copy with a delta's fields merged in; the same copy when the delta is older (same rev rule as whole copies). */
export function mergeDelta(current: Conversation, delta: ConversationDelta): Conversation {
  if (delta.rev < current.rev) return current;
  const next: Record<string, unknown> = { ...current };
  // Only the delta fields: anything else a newer server adds must not overwrite the full copy.
  for (const key of DELTA_FIELDS) if (key in delta) next[key] = delta[key];
  return next as Conversation;
}

/** Active conversations with unread visitor messages (for the tab title). */
export function unreadCount(map: ConversationMap): number {
  let count = 0;
  for (const c of map.values()) if (tabOf(c) === 'active' && c.agentUnread > 0) count++;
  return count;
}

/** What the inbox calls a visitor: their name, or "Visitor #" and the first 6 characters of their id. */
export function visitorLabel(conversation: Conversation): string {
  const name = conversation.visitor?.name?.trim();
  // Ids carry a type prefix (`vi_…`); the label shows the random part.
  return name || `${strings.visitorPrefix}${conversation.visitorId.replace(/^[a-z]+_/, '').slice(0, 6)}`;
}

/** The row's preview line; "You: " marks that the agent side wrote last. */
export function previewLine(conversation: Conversation): string {
  const text = conversation.lastMessagePreview ?? '';
  if (!text) return strings.noMessagesYet;
  return conversation.lastMessageSender === 'agent' ? `${strings.youPrefix}${text}` : text;
}
