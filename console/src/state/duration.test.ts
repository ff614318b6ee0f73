import { describe, expect, it } from 'vitest';
import { dateInputValue, formatDuration, lastSevenDays } from './duration';

describe('formatDuration', () => {
  it('shows a dash when there is no value', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
  it('uses at most two units', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(42.4)).toBe('42s');
    expect(formatDuration(150)).toBe('2m 30s');
    expect(formatDuration(120)).toBe('2m');
    expect(formatDuration(3_900)).toBe('1h 5m');
    expect(formatDuration(7_200)).toBe('2h');
    expect(formatDuration(3 * 86_400 + 4 * 3_600 + 59)).toBe('3d 4h');
    expect(formatDuration(86_400)).toBe('1d');
  });
  it('never shows negative durations', () => {
    expect(formatDuration(-5)).toBe('0s');
  });
});

describe('date range', () => {
  it('formats local dates for date inputs', () => {
    expect(dateInputValue(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
  it('defaults to the last seven days including today', () => {
    expect(lastSevenDays(new Date(2026, 2, 3, 15))).toEqual({ from: '2026-02-25', to: '2026-03-03' });
  });
});
