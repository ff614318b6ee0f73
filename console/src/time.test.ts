import { describe, expect, it } from 'vitest';
import { dayLabel, groupByDay, relativeTime } from './time';

const now = Date.parse('2026-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('relativeTime', () => {
  it('says "just now" under a minute, and for clocks slightly ahead', () => {
    expect(relativeTime(ago(0), now)).toBe('just now');
    expect(relativeTime(ago(59_000), now)).toBe('just now');
    expect(relativeTime(ago(-5_000), now)).toBe('just now');
  });
  it('uses minutes, hours and days', () => {
    expect(relativeTime(ago(5 * 60_000), now)).toBe('5m');
    expect(relativeTime(ago(59 * 60_000 + 59_000), now)).toBe('59m');
    expect(relativeTime(ago(3 * 3_600_000), now)).toBe('3h');
    expect(relativeTime(ago(2 * 86_400_000), now)).toBe('2d');
  });
  it('returns an empty string for missing or bad input', () => {
    expect(relativeTime(null, now)).toBe('');
    expect(relativeTime('not a date', now)).toBe('');
  });
  it('falls back to a date after a month', () => {
    expect(relativeTime(ago(40 * 86_400_000), now)).not.toMatch(/d$/);
  });
});

describe('dayLabel and groupByDay', () => {
  const today = new Date(2026, 2, 10, 15, 0);
  it('labels today and yesterday by local calendar day', () => {
    expect(dayLabel(new Date(2026, 2, 10, 0, 1), today)).toBe('Today');
    expect(dayLabel(new Date(2026, 2, 9, 23, 59), today)).toBe('Yesterday');
    expect(dayLabel(new Date(2026, 2, 1, 9, 0), today)).not.toMatch(/Today|Yesterday/);
  });
  it('labels yesterday across a month boundary', () => {
    expect(dayLabel(new Date(2026, 1, 28, 12), new Date(2026, 2, 1, 8))).toBe('Yesterday');
  });
  it('groups consecutive items of the same day, keeping order', () => {
    const items = [
      { at: new Date(2026, 2, 8, 10).toISOString(), n: 1 },
      { at: new Date(2026, 2, 9, 10).toISOString(), n: 2 },
      { at: new Date(2026, 2, 9, 11).toISOString(), n: 3 },
      { at: new Date(2026, 2, 10, 9).toISOString(), n: 4 },
    ];
    const groups = groupByDay(items, (i) => i.at, today);
    expect(groups.map((g) => g.items.map((i) => i.n))).toEqual([[1], [2, 3], [4]]);
    expect(groups.map((g) => g.label).slice(1)).toEqual(['Yesterday', 'Today']);
  });
});
