import type { SiteEvent } from '../../../protocol';

/** The conversation an event is about, and its rev. */
export const about = (e: SiteEvent) => (e.type === 'conversation.delta' ? e.delta : e.conversation);

/**
 * Two events about one conversation as one: an older rev is dropped, a delta is merged into a whole copy
 * still queued (so a `conversation.created` stays one), and a whole copy replaces what was queued.
 */
export function merge(queued: SiteEvent, next: SiteEvent): SiteEvent {
  if (about(next).rev < about(queued).rev) return queued;
  if (next.type === 'conversation.delta') {
    return queued.type === 'conversation.delta'
      ? next
      : { ...queued, conversation: { ...queued.conversation, ...next.delta } };
  }
  return queued.type === 'conversation.created'
    ? { type: 'conversation.created', conversation: next.conversation }
    : next;
}

/**
 * The SiteDO's events waiting for the next fan-out: at most one per conversation (the newest), in the
 * order conversations first appeared, so a burst of messages in one conversation costs one entry.
 */
export class SiteEventQueue {
  #byId = new Map<string, SiteEvent>();

  /** Queue an event, merged with the one already queued for its conversation. */
  push(event: SiteEvent) {
    const id = about(event).id;
    const queued = this.#byId.get(id);
    this.#byId.set(id, queued ? merge(queued, event) : event);
  }

  /** Everything queued, emptying the queue. */
  take(): SiteEvent[] {
    const events = [...this.#byId.values()];
    this.#byId.clear();
    return events;
  }
}

/** How long the SiteDO keeps what it sent, for consoles that connect meanwhile (ms). */
export const REPLAY_MS = 5_000;

/**
 * What the SiteDO sent in the last REPLAY_MS, one merged event per conversation, replayed to a console when it
 * connects. Why: a console lists the inbox from D1, whose copy lags up to ~1.2 s behind a conversation (the
 * batched projection); an event sent before its socket was open would otherwise be lost to it until the next
 * change. Clients keep the copy with the highest rev, so a replay of what they already have changes nothing.
 */
export class RecentEvents {
  #byId = new Map<string, { event: SiteEvent; at: number }>();

  /** Remember events just sent at `now` (ms). */
  add(events: SiteEvent[], now: number) {
    for (const event of events) {
      const id = about(event).id;
      const kept = this.#byId.get(id);
      this.#byId.delete(id); // re-inserted last: the map stays in sending order, oldest first
      this.#byId.set(id, { event: kept ? merge(kept.event, event) : event, at: now });
    }
  }

  /** The events sent within REPLAY_MS of `now`, forgetting older ones. */
  current(now: number): SiteEvent[] {
    for (const [id, { at }] of this.#byId) {
      if (now - at <= REPLAY_MS) break;
      this.#byId.delete(id);
    }
    return [...this.#byId.values()].map((k) => k.event);
  }
}
