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
  #on = false;
  #last = -Infinity;
  #idle?: Timer;

  constructor(
    private send: (on: boolean) => void,
    private now = () => Date.now(),
    private timers: Timers = realTimers,
  ) {}

  /** A keystroke (or any edit); `empty` when the input is now blank, which counts as stopping. */
  input(empty = false): void {
    if (empty) return this.stop();
    const t = this.now();
    if (!this.#on || t - this.#last >= TYPING_REFRESH) {
      this.#on = true;
      this.#last = t;
      this.send(true);
    }
    this.timers.clear(this.#idle);
    this.#idle = this.timers.set(() => this.stop(), TYPING_IDLE);
  }

  /** Sends "off" once if "on" was sent (on send, blur, idle). */
  stop(): void {
    this.timers.clear(this.#idle);
    if (!this.#on) return;
    this.#on = false;
    this.#last = -Infinity;
    this.send(false);
  }
}
