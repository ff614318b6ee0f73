// Unit tests of the typing debounce: at most one "on" per 3 s while typing, "off" after 4 s idle or on stop.
import { describe, expect, it } from 'vitest';
import { typingSender, type Timers } from './typing';

/** A fake clock with timers. */
function clock() {
  let now = 0;
  let timers: { at: number; f: () => void; id: number }[] = [];
  let id = 0;
  return {
    now: () => now,
    timers: {
      set: (f: () => void, ms: number) => (timers.push({ at: now + ms, f, id: ++id }), id),
      clear: (i?: number) => void (timers = timers.filter((t) => t.id !== i)),
    } as unknown as Timers,
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        now = next.at;
        timers = timers.filter((t) => t !== next);
        next.f();
      }
      now = end;
    },
  };
}

describe('typingSender', () => {
  it('sends on once, refreshes every 3 s while typing, never per keystroke', () => {
    const c = clock();
    const sent: boolean[] = [];
    const ts = typingSender((on) => sent.push(on), c.now, c.timers);
    for (let i = 0; i < 30; i++) {
      ts.input();
      c.advance(200);
    }
    // 6 s of typing: on at 0, 3 s; refreshes only.
    expect(sent).toEqual([true, true]);
  });
  it('sends off after 4 s idle, and again on after that', () => {
    const c = clock();
    const sent: boolean[] = [];
    const ts = typingSender((on) => sent.push(on), c.now, c.timers);
    ts.input();
    c.advance(3999);
    expect(sent).toEqual([true]);
    c.advance(1);
    expect(sent).toEqual([true, false]);
    ts.input();
    expect(sent).toEqual([true, false, true]);
  });
  it('stop (send, blur) or an emptied input sends off once; stop when idle sends nothing', () => {
    const c = clock();
    const sent: boolean[] = [];
    const ts = typingSender((on) => sent.push(on), c.now, c.timers);
    ts.stop();
    expect(sent).toEqual([]);
    ts.input();
    ts.stop();
    ts.stop();
    c.advance(10000);
    expect(sent).toEqual([true, false]);
    ts.input();
    ts.input(true);
    expect(sent).toEqual([true, false, true, false]);
  });
});
