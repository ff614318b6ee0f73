// The inbox's live state under filters: the listed conversations plus copies the filters (or a search) keep out,
// fed by site-socket event batches; deltas naming a conversation held nowhere are handed back to be fetched.
import type { Conversation, ConversationDelta, SiteEvent } from '../../../worker/src/protocol';
import { deltaMayMatch, mayList, type InboxFilters } from './filters';
import { applySiteEvent, mergeDelta, upsertConversations, type ConversationMap } from './inbox';
import { mayNotify, type InboxSignal } from './notify';

/**
 * `map` is what the inbox lists (and counts for the title); `outside` holds current copies the filters keep out,
 * so their deltas merge locally instead of costing a fetch each, and they join the list once they match.
 */
export type LiveInbox = { map: ConversationMap; outside: ConversationMap };

/** Nothing held yet. */
export const emptyLive = (): LiveInbox => ({ map: new Map(), outside: new Map() });

/** The result of a batch: the new state, what notifications should hear, and the deltas of conversations to fetch. */
export type LiveStep = { live: LiveInbox; signals: InboxSignal[]; fetch: ConversationDelta[] };

/** Lists copies from REST (pages, actions, the open conversation); they leave `outside`. */
export function listConversations(live: LiveInbox, list: readonly Conversation[]): LiveInbox {
  if (list.length === 0) return live;
  const outside = new Map(live.outside);
  for (const c of list) outside.delete(c.id);
  return { map: upsertConversations(live.map, list), outside };
}

/** New filters: the list starts over (pages reload), and the copies it held stay known, outside. */
export function clearList(live: LiveInbox): LiveInbox {
  return { map: new Map(), outside: new Map([...live.outside, ...live.map]) };
}

/** Whether an unknown conversation's delta is worth a fetch: it may join the list, or may bring a notice. */
export function wantsFetch(delta: ConversationDelta, filters: InboxFilters, me: string): boolean {
  return (!filters.q.trim() && deltaMayMatch(delta, filters, me)) || mayNotify(delta, me);
}

// A copy not listed yet: listed if it may be, otherwise kept outside.
function place(live: LiveInbox, copy: Conversation, filters: InboxFilters, me: string): LiveInbox {
  const outside = new Map(live.outside);
  if (!mayList(copy, filters, me)) return { map: live.map, outside: outside.set(copy.id, copy) };
  outside.delete(copy.id);
  return { map: new Map(live.map).set(copy.id, copy), outside };
}

const idOf = (event: SiteEvent) => (event.type === 'conversation.delta' ? event.delta.id : event.conversation.id);

/** Applies every event of a batch in order (events for one conversation arrive in rev order, older copies are ignored). */
export function applyEvents(live: LiveInbox, events: readonly SiteEvent[], filters: InboxFilters, me: string): LiveStep {
  const signals: InboxSignal[] = [];
  const fetch: ConversationDelta[] = [];
  for (const event of events) {
    const id = idOf(event);
    const previous = live.map.get(id) ?? live.outside.get(id);
    signals.push({ type: 'event', event, previous });
    if (live.map.has(id)) {
      // Listed: always updated, even when it stops matching (the list hides it).
      live = { ...live, map: applySiteEvent(live.map, event) };
    } else if (previous) {
      const next = event.type === 'conversation.delta' ? mergeDelta(previous, event.delta) : newer(previous, event.conversation);
      live = place(live, next, filters, me);
    } else if (event.type !== 'conversation.delta') {
      live = place(live, event.conversation, filters, me);
    } else if (wantsFetch(event.delta, filters, me)) {
      fetch.push(event.delta);
    }
  }
  return { live, signals, fetch };
}

function newer(current: Conversation, incoming: Conversation): Conversation {
  return incoming.rev < current.rev ? current : incoming;
}

/** Places a copy fetched for an unknown conversation (the newest delta already merged in) as a whole copy would be. */
export function applyFetched(live: LiveInbox, copy: Conversation, filters: InboxFilters, me: string): { live: LiveInbox; signal: InboxSignal } {
  const current = live.map.get(copy.id);
  if (current) {
    const map = upsertConversations(live.map, [copy]);
    return { live: { ...live, map }, signal: { type: 'fetched', conversation: map.get(copy.id)! } };
  }
  const held = live.outside.get(copy.id);
  const next = held ? newer(held, copy) : copy;
  return { live: place(live, next, filters, me), signal: { type: 'fetched', conversation: next } };
}
