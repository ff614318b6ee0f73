// Unit tests of the typing debounce: at most one "on" per 3 s while typing, "off" after 4 s idle or on stop.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { typingSender } from './typing';

// vitest's fake timers fake Date.now too: the debounce's clock and its idle timer advance together.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());
/** Moves the fake clock on, running the timers due. */
const advance = (ms: number) => void vi.advanceTimersByTime(ms);

describe('typingSender', () => {
  it('sends on once, refreshes every 3 s while typing, never per keystroke', () => {
    const sent: boolean[] = [];
    const ts = typingSender((on) => sent.push(on));
    for (let i = 0; i < 30; i++) {
      ts.input();
      advance(200);
    }
    // 6 s of typing: on at 0, 3 s; refreshes only.
    expect(sent).toEqual([true, true]);
  });
  it('sends off after 4 s idle, and again on after that', () => {
    const sent: boolean[] = [];
    const ts = typingSender((on) => sent.push(on));
    ts.input();
    advance(3999);
    expect(sent).toEqual([true]);
    advance(1);
    expect(sent).toEqual([true, false]);
    ts.input();
    expect(sent).toEqual([true, false, true]);
  });
  it('stop (send, blur) or an emptied input sends off once; stop when idle sends nothing', () => {
    const sent: boolean[] = [];
    const ts = typingSender((on) => sent.push(on));
    ts.stop();
    expect(sent).toEqual([]);
    ts.input();
    ts.stop();
    ts.stop();
    advance(10000);
    expect(sent).toEqual([true, false]);
    ts.input();
    ts.input(true);
    expect(sent).toEqual([true, false, true, false]);
  });
});
