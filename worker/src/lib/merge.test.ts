import { describe, expect, it } from 'vitest';
import { mergeDeep } from './merge';

describe('mergeDeep (partial updates of nested objects)', () => {
  it('merges nested objects key by key and keeps what the patch does not name', () => {
    const base = { a: 1, hours: { enabled: true, timeZone: 'Asia/Tokyo', days: [{ day: 1 }] } };
    expect(mergeDeep(base, { hours: { enabled: false } })).toEqual({
      a: 1,
      hours: { enabled: false, timeZone: 'Asia/Tokyo', days: [{ day: 1 }] },
    });
    expect(base.hours.enabled).toBe(true);
  });

  it('replaces arrays, null and scalars whole', () => {
    expect(mergeDeep({ days: [1, 2, 3], l: 'fr', o: { x: 1 } }, { days: [4], l: null, o: 5 })).toEqual({
      days: [4],
      l: null,
      o: 5,
    });
    expect(mergeDeep({ x: 1 }, undefined)).toEqual({ x: 1 });
  });
});
