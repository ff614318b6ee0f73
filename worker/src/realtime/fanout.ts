import type { ConversationDelta, SiteEvent, SiteScope } from '../../../protocol';

/** One queued delta, serialised once, with what the selection reads. */
type Item = { text: string; delta: ConversationDelta };

/**
 * Whether a delta is one a console of this scope can use: it matches the scope (its view), or it may bring
 * the agent a notification (a visitor message waiting in a conversation that is theirs or nobody's), which
 * the console raises whatever its filters (docs/decisions.md). No scope means everything.
 */
export function wantsDelta(
  delta: Pick<ConversationDelta, 'assigneeId' | 'status' | 'lastMessageSender' | 'agentUnread'>,
  scope: SiteScope | undefined,
  agentId: string,
): boolean {
  if (!scope) return true;
  const concernsMe = delta.assigneeId === null || delta.assigneeId === agentId;
  if (concernsMe && delta.lastMessageSender === 'visitor' && delta.agentUnread > 0) return true;
  if (scope.status && delta.status !== scope.status) return false;
  if (scope.assignee === 'me') return delta.assigneeId === agentId;
  if (scope.assignee === 'unassigned') return delta.assigneeId === null;
  return true;
}

/**
 * One fan-out of queued events: each event is serialised once, and each socket gets an `events` frame of every
 * whole copy (rare; they let a console drop a conversation that left its view) plus the deltas its scope wants,
 * or nothing. Frames are built once per distinct scope (several tabs of one agent share theirs).
 */
export class FanoutBatch {
  readonly #texts: string[] = [];
  readonly #wholes: string[] = [];
  readonly #deltas: Item[] = [];
  readonly #byAssignee = new Map<string | null, Item[]>();
  readonly #frames = new Map<string, string | null>();

  constructor(events: readonly SiteEvent[]) {
    for (const event of events) {
      const text = JSON.stringify(event);
      this.#texts.push(text);
      if (event.type !== 'conversation.delta') {
        this.#wholes.push(text);
        continue;
      }
      const item: Item = { text, delta: event.delta };
      this.#deltas.push(item);
      const list = this.#byAssignee.get(event.delta.assigneeId);
      if (list) list.push(item);
      else this.#byAssignee.set(event.delta.assigneeId, [item]);
    }
  }

  /** The `events` frame text for a socket of this agent and scope, or null when it has nothing to receive. */
  frameFor(scope: SiteScope | undefined, agentId: string): string | null {
    const key =
      !scope || (scope.assignee === 'all' && !scope.status)
        ? '*'
        : `${scope.assignee}:${scope.status ?? ''}:${agentId}`;
    let frame = this.#frames.get(key);
    if (frame === undefined) {
      frame = this.#build(key === '*' ? undefined : scope, agentId);
      this.#frames.set(key, frame);
    }
    return frame;
  }

  // The queue holds at most one event per conversation, so their order across conversations carries nothing:
  // a scoped frame lists the whole copies first, then its deltas.
  #build(scope: SiteScope | undefined, agentId: string): string | null {
    if (!scope) return this.#texts.length ? eventsFrame(this.#texts) : null;
    // A console only ever wants deltas of its own or unassigned conversations, unless its scope is 'all':
    // those come from the index, so a 'me' socket costs its own deltas, not every delta of the site.
    const candidates =
      scope.assignee === 'all'
        ? this.#deltas
        : [...(this.#byAssignee.get(agentId) ?? []), ...(this.#byAssignee.get(null) ?? [])];
    const texts = [...this.#wholes];
    for (const item of candidates) if (wantsDelta(item.delta, scope, agentId)) texts.push(item.text);
    return texts.length ? eventsFrame(texts) : null;
  }
}

// An `events` frame of already serialised events.
const eventsFrame = (texts: readonly string[]) => `{"type":"events","events":[${texts.join(',')}]}`;
