import { describe, expect, it } from 'vitest';
import { ipLimited } from './ratelimit';

describe('ipLimited', () => {
  it('limits every real client address, and not the loopback of local development', () => {
    expect(ipLimited('203.0.113.7')).toBe(true);
    expect(ipLimited('2001:db8::1')).toBe(true);
    expect(ipLimited('10.1.2.3')).toBe(true);
    expect(ipLimited('127.0.0.1')).toBe(false);
    expect(ipLimited('::1')).toBe(false);
    expect(ipLimited('local')).toBe(false);
  });
});
