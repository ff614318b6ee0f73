// Typing signals without a frame per keystroke: "on" at most every 3 s while typing, "off" after 4 s idle or on send.
// The shared Composer uses it, so the widget and the console follow one rule.

/** How often a running "typing on" is refreshed (the agent side expires it). */
export const TYPING_REFRESH = 3000;
/** Idle time after which "typing off" is sent. */
export const TYPING_IDLE = 4000;

/**
 * Debounces keystrokes into typing frames. A closure: its locals minify. The clock and timers are the globals (tests
 * use vitest's fake timers, which fake Date.now too): injecting them cost the widget bytes.
 */
export function typingSender(send: (on: boolean) => void) {
  /** When "on" was last sent; -Infinity while off. */
  let last = -Infinity;
  let idle: ReturnType<typeof setTimeout> | undefined;
  /** Sends "off" once if "on" was sent (on send, blur, idle). */
  const stop = (): void => {
    clearTimeout(idle);
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
      const t = Date.now();
      if (t - last >= TYPING_REFRESH) {
        last = t;
        send(true);
      }
      clearTimeout(idle);
      idle = setTimeout(stop, TYPING_IDLE);
    },
    stop,
  };
}
