// Fetches conversations that deltas name but the console holds nowhere (beyond the loaded page, or created
// before it connected): one request per conversation, the newest delta seen meanwhile merged into the answer
// (the REST copy comes from D1, which the server updates in batches, so it may be older than the socket).
// A few requests at a time and a bounded queue, newest kept: a flood of unknown conversations (a big site's
// "All" view) must not become a flood of requests; what is dropped is asked again on its next delta.
import type { Conversation, ConversationDelta } from '../../../protocol';
import { mergeDelta } from './inbox';

/** GET /api/conversations/:id, injected so tests can stub it. */
export type GetConversation = (id: string) => Promise<Conversation>;

/** How many requests run at once, and how many conversations may wait for one. */
export type FetcherLimits = { maxInFlight: number; maxQueued: number };

type Entry = { delta: ConversationDelta; started: boolean; done: Promise<void>; settle: () => void };

/** De-duplicates and paces fetches; `onFetched` gets each answer unless the fetcher was stopped. */
export class UnknownFetcher {
  // Queued and in-flight conversations, oldest first.
  private readonly entries = new Map<string, Entry>();
  private running = 0;
  private stopped = false;

  constructor(
    private readonly get: GetConversation,
    private readonly onFetched: (copy: Conversation) => void,
    private readonly limits: FetcherLimits = { maxInFlight: 4, maxQueued: 100 },
  ) {}

  /**
   * Asks for a delta's conversation; while it is queued or in flight, only remembers the newest delta.
   * Resolves once its request settled or it was dropped (never rejects).
   */
  request(delta: ConversationDelta): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const held = this.entries.get(delta.id);
    if (held) {
      if (delta.rev >= held.delta.rev) held.delta = delta;
      return held.done;
    }
    let settle = () => {};
    const done = new Promise<void>((resolve) => (settle = resolve));
    this.entries.set(delta.id, { delta, started: false, done, settle });
    this.trim();
    this.pump();
    return done;
  }

  /** How many conversations are queued or being fetched. */
  get pending(): number {
    return this.entries.size;
  }

  /** Drops everything still to come (the inbox was left). */
  stop(): void {
    this.stopped = true;
    for (const entry of this.entries.values()) entry.settle();
    this.entries.clear();
  }

  // Over the queue's bound: the oldest waiting conversations go (newer activity sorts higher in the inbox).
  private trim(): void {
    let queued = this.entries.size - this.running;
    for (const [id, entry] of this.entries) {
      if (queued <= this.limits.maxQueued) break;
      if (entry.started) continue;
      this.entries.delete(id);
      entry.settle();
      queued--;
    }
  }

  private pump(): void {
    for (const [id, entry] of this.entries) {
      if (this.running >= this.limits.maxInFlight) return;
      if (entry.started) continue;
      entry.started = true;
      this.running++;
      this.get(id)
        .then(
          (copy) => {
            if (!this.stopped) this.onFetched(mergeDelta(copy, entry.delta));
          },
          // Gone, not visible or offline: the next delta asks again.
          () => {},
        )
        .finally(() => {
          if (this.entries.get(id) === entry) this.entries.delete(id);
          this.running--;
          entry.settle();
          if (!this.stopped) this.pump();
        });
    }
  }
}
