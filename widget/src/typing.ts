// Typing signals without a frame per keystroke: "on" at most every 3 s while typing, "off" after 4 s idle or on send.
// The shared Composer uses it, so the widget and the console follow one rule.

/** How often a running "typing on" is refreshed (the agent side expires it). */
export const TYPING_REFRESH = 3000;
/** Idle time after which "typing off" is sent. */
export const TYPING_IDLE = 4000;

type Timer = ReturnType<typeof setTimeout>;
/** Injectable timers (wrapped: calling window.setTimeout as a method of another object throws "Illegal invocation"). */
export type Timers = { set: (f: () => void, ms: number) => Timer; clear: (t?: Timer) => void };
const realTimers: Timers = { set: (f, ms) => setTimeout(f, ms), clear: (t) => clearTimeout(t) };

/** Debounces keystrokes into typing frames; the clock and timers are injectable for tests. A closure: its locals minify. */
export function typingSender(send: (on: boolean) => void, now = () => Date.now(), timers: Timers = realTimers) {
  /** When "on" was last sent; -Infinity while off. */
  let last = -Infinity;
  let idle: Timer | undefined;
  /** Sends "off" once if "on" was sent (on send, blur, idle). */
  const stop = (): void => {
    timers.clear(idle);
    if (last == -Infinity) return;
    last = -Infinity;
    send(false);
  };
  return {
    /** A keystroke (or any edit); `empty` when the input is now blank, which counts as stopping. */
    input(empty = false): void {
      if (empty) {
        stop();
        return;
      }
      const t = now();
      if (t - last >= TYPING_REFRESH) {
        last = t;
        send(true);
      }
      timers.clear(idle);
      idle = timers.set(stop, TYPING_IDLE);
    },
    stop,
  };
}
