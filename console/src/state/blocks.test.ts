import { describe, expect, it } from 'vitest';
import { alreadyBlocked, visitorBlocks } from './blocks';

describe('visitorBlocks', () => {
  const target = { id: 'vi_1', lastIp: '203.0.113.7', email: 'kim@example.com' };
  it('blocks the visitor, and their IP and email only when known and chosen', () => {
    expect(visitorBlocks(target, { reason: '  spam ', ip: true, email: true })).toEqual([
      { kind: 'visitor', value: 'vi_1', reason: 'spam' }, { kind: 'ip', value: '203.0.113.7', reason: 'spam' }, { kind: 'email', value: 'kim@example.com', reason: 'spam' },
    ]);
    expect(visitorBlocks(target, { reason: '', ip: false, email: true })).toEqual([{ kind: 'visitor', value: 'vi_1' }, { kind: 'email', value: 'kim@example.com' }]);
    expect(visitorBlocks({ id: 'vi_2', lastIp: null, email: null }, { reason: 'x', ip: true, email: true })).toEqual([{ kind: 'visitor', value: 'vi_2', reason: 'x' }]);
  });
  it('treats an existing block as done', () => {
    expect(alreadyBlocked('already_blocked')).toBe(true);
    expect(alreadyBlocked('invalid_ip')).toBe(false);
  });
});
