// The inbox's live state under filters: the listed conversations plus copies the filters (or a search) keep out,
// fed by site-socket event batches; deltas naming a conversation held nowhere are handed back to be fetched.
import type { Conversation, ConversationDelta, SiteEvent } from '../../../protocol';
import { deltaMayMatch, mayList, type InboxFilters } from './filters';
import { mergeDelta, upsertConversations, type ConversationMap } from './inbox';
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

type Mutable = { map: Map<string, Conversation>; outside: Map<string, Conversation> };
const copyOf = (live: LiveInbox): Mutable => ({ map: new Map(live.map), outside: new Map(live.outside) });

// A copy not listed yet: listed if it may be, otherwise kept outside.
function placeInto(live: Mutable, copy: Conversation, filters: InboxFilters, me: string): void {
  if (!mayList(copy, filters, me)) {
    live.outside.set(copy.id, copy);
    return;
  }
  live.outside.delete(copy.id);
  live.map.set(copy.id, copy);
}

function newer(current: Conversation, incoming: Conversation): Conversation {
  return incoming.rev < current.rev ? current : incoming;
}

/**
 * Applies every event of a batch in order (events for one conversation arrive in rev order; older copies are
 * ignored). The maps are copied once per batch, not once per event: a big site sends many events a second.
 */
export function applyEvents(
  live: LiveInbox,
  events: readonly SiteEvent[],
  filters: InboxFilters,
  me: string,
): LiveStep {
  const signals: InboxSignal[] = [];
  const fetch: ConversationDelta[] = [];
  const next = copyOf(live);
  let changed = false;
  for (const event of events) {
    const id = event.type === 'conversation.delta' ? event.delta.id : event.conversation.id;
    const previous = next.map.get(id) ?? next.outside.get(id);
    signals.push({ type: 'event', event, previous });
    if (previous) {
      const copy =
        event.type === 'conversation.delta' ? mergeDelta(previous, event.delta) : newer(previous, event.conversation);
      if (copy === previous) continue;
      // Listed: always updated, even when it stops matching (the list hides it).
      if (next.map.has(id)) next.map.set(id, copy);
      else placeInto(next, copy, filters, me);
    } else if (event.type !== 'conversation.delta') {
      placeInto(next, event.conversation, filters, me);
    } else {
      if (wantsFetch(event.delta, filters, me)) fetch.push(event.delta);
      continue;
    }
    changed = true;
  }
  return { live: changed ? next : live, signals, fetch };
}

/** Places a copy fetched for an unknown conversation (the newest delta already merged in) as a whole copy would be. */
export function applyFetched(
  live: LiveInbox,
  copy: Conversation,
  filters: InboxFilters,
  me: string,
): { live: LiveInbox; signal: InboxSignal } {
  const current = live.map.get(copy.id);
  if (current) {
    const map = upsertConversations(live.map, [copy]);
    return { live: { ...live, map }, signal: { type: 'fetched', conversation: map.get(copy.id)! } };
  }
  const held = live.outside.get(copy.id);
  const latest = held ? newer(held, copy) : copy;
  const next = copyOf(live);
  placeInto(next, latest, filters, me);
  return { live: next, signal: { type: 'fetched', conversation: latest } };
}
