import type { SiteEvent } from '../protocol';

/** The conversation an event is about, and its rev. */
const about = (e: SiteEvent) => (e.type === 'conversation.delta' ? e.delta : e.conversation);

/**
 * Two events about one conversation as one: an older rev is dropped, a delta is merged into a whole copy
 * still queued (so a `conversation.created` stays one), and a whole copy replaces what was queued.
 */
function merge(queued: SiteEvent, next: SiteEvent): SiteEvent {
  if (about(next).rev < about(queued).rev) return queued;
  if (next.type === 'conversation.delta') {
    return queued.type === 'conversation.delta' ? next : { ...queued, conversation: { ...queued.conversation, ...next.delta } };
  }
  return queued.type === 'conversation.created' ? { type: 'conversation.created', conversation: next.conversation } : next;
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
