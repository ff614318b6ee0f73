// Fetches conversations that deltas name but the console holds nowhere (beyond the loaded page, or created
// before it connected): one request per conversation at a time, the newest delta seen meanwhile merged into the answer
// (the REST copy comes from D1, which the server updates in batches, so it may be older than the socket).
import type { Conversation, ConversationDelta } from '../../../worker/src/protocol';
import { mergeDelta } from './inbox';

/** GET /api/conversations/:id, injected so tests can stub it. */
export type GetConversation = (id: string) => Promise<Conversation>;

/** De-duplicates fetches in flight; `onFetched` gets each answer unless the fetcher was stopped. */
export class UnknownFetcher {
  private readonly pending = new Map<string, { delta: ConversationDelta; done: Promise<void> }>();
  private stopped = false;

  constructor(private readonly get: GetConversation, private readonly onFetched: (copy: Conversation) => void) {}

  /**
   * Asks for a delta's conversation; while a request for it is in flight, only remembers the newest delta.
   * Resolves once that request is settled (never rejects).
   */
  request(delta: ConversationDelta): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const held = this.pending.get(delta.id);
    if (held) {
      if (delta.rev >= held.delta.rev) held.delta = delta;
      return held.done;
    }
    const done = this.get(delta.id).then(
      (copy) => {
        const newest = this.pending.get(delta.id)?.delta;
        this.pending.delete(delta.id);
        if (!this.stopped) this.onFetched(newest ? mergeDelta(copy, newest) : copy);
      },
      // Gone, not visible or offline: the next delta asks again.
      () => void this.pending.delete(delta.id),
    );
    this.pending.set(delta.id, { delta, done });
    return done;
  }

  /** How many conversations are being fetched. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Drops every answer still to come (the inbox was left or re-synced). */
  stop(): void {
    this.stopped = true;
    this.pending.clear();
  }
}
