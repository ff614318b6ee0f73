// Unit test of the reconnect backoff (pure; no socket needed).
import { describe, expect, it } from 'vitest';
import { backoff } from './connection';

describe('backoff', () => {
  it('grows exponentially from 0.5 s, is capped at 30 s, and is jittered within [half, full]', () => {
    expect(backoff(0, () => 0)).toBe(250);
    expect(backoff(0, () => 1)).toBe(500);
    expect(backoff(3, () => 1)).toBe(4000);
    expect(backoff(20, () => 1)).toBe(30000);
    expect(backoff(20, () => 0)).toBe(15000);
  });
});
