// Visitor typing signals without a frame per keystroke: "on" at most every 3 s while typing, "off" after 4 s idle or on send.

/** How often a running "typing on" is refreshed (the agent side expires it). */
export const TYPING_REFRESH = 3000;
/** Idle time after which "typing off" is sent. */
export const TYPING_IDLE = 4000;

type Timer = ReturnType<typeof setTimeout>;
/** Injectable timers (wrapped: calling window.setTimeout as a method of another object throws "Illegal invocation"). */
export type Timers = { set: (f: () => void, ms: number) => Timer; clear: (t?: Timer) => void };
const realTimers: Timers = { set: (f, ms) => setTimeout(f, ms), clear: (t) => clearTimeout(t) };

/** Debounces keystrokes into typing frames; the clock and timers are injectable for tests. */
export class TypingSender {
  /** When "on" was last sent; -Infinity while off. */
  #last = -Infinity;
  #idle?: Timer;

  // Assigned, not parameter properties: those would also print a field declaration each.
  declare private send: (on: boolean) => void;
  declare private now: () => number;
  declare private timers: Timers;

  constructor(send: (on: boolean) => void, now = () => Date.now(), timers: Timers = realTimers) {
    this.send = send;
    this.now = now;
    this.timers = timers;
  }

  /** A keystroke (or any edit); `empty` when the input is now blank, which counts as stopping. */
  input(empty = false): void {
    if (empty) return this.stop();
    const t = this.now();
    if (t - this.#last >= TYPING_REFRESH) {
      this.#last = t;
      this.send(true);
    }
    this.timers.clear(this.#idle);
    this.#idle = this.timers.set(() => this.stop(), TYPING_IDLE);
  }

  /** Sends "off" once if "on" was sent (on send, blur, idle). */
  stop(): void {
    this.timers.clear(this.#idle);
    if (this.#last == -Infinity) return;
    this.#last = -Infinity;
    this.send(false);
  }
}
