/** How long a conversation gathers its changes before one site event (issue 10: 100–250 ms). */
export const PUBLISH_WINDOW_MS = 250;

/** What the console needs: the message-driven fields only, or the whole conversation. */
export type PublishKind = 'delta' | 'full';

/**
 * Coalesces one conversation's site events at the source: the first change opens a window, and when it
 * closes one event goes out for everything in it (a whole copy if any change needed one, else a delta).
 * A burst of 50 messages in a second is a handful of SiteDO calls, not 50. An eviction inside the window
 * loses that event only; consoles catch up from REST when they reconnect (docs/protocol.md).
 */
export class SitePublisher {
  #pending: PublishKind | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #send: (kind: PublishKind) => void;
  readonly #windowMs: number;

  constructor(send: (kind: PublishKind) => void, windowMs = PUBLISH_WINDOW_MS) {
    this.#send = send;
    this.#windowMs = windowMs;
  }

  /** A change happened; `full` when the console needs more than the delta fields. */
  note(kind: PublishKind) {
    if (this.#pending !== 'full') this.#pending = kind;
    this.#timer ??= setTimeout(() => this.#fire(), this.#windowMs);
  }

  #fire() {
    const kind = this.#pending;
    this.#pending = null;
    this.#timer = null;
    if (kind) this.#send(kind);
  }
}
