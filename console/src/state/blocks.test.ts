import { describe, expect, it } from 'vitest';
import { alreadyBlocked, ipToBlock, visitorBlocks } from './blocks';

describe('visitorBlocks', () => {
  const target = { id: 'vi_1', lastIp: '203.0.113.7', email: 'kim@example.com' };
  it('blocks the visitor, and their IP and email only when known and chosen', () => {
    expect(visitorBlocks(target, { reason: '  spam ', ip: true, email: true })).toEqual([
      { kind: 'visitor', value: 'vi_1', reason: 'spam' },
      { kind: 'ip', value: '203.0.113.7', reason: 'spam' },
      { kind: 'email', value: 'kim@example.com', reason: 'spam' },
    ]);
    expect(visitorBlocks(target, { reason: '', ip: false, email: true })).toEqual([
      { kind: 'visitor', value: 'vi_1' },
      { kind: 'email', value: 'kim@example.com' },
    ]);
    expect(visitorBlocks({ id: 'vi_2', lastIp: null, email: null }, { reason: 'x', ip: true, email: true })).toEqual([
      { kind: 'visitor', value: 'vi_2', reason: 'x' },
    ]);
  });
  it("blocks an IPv6 visitor's /64, where their device picks its addresses, and an IPv4 address as is", () => {
    expect(
      visitorBlocks(
        { id: 'vi_3', lastIp: '2001:db8:1:2:a:b:c:d', email: null },
        { reason: '', ip: true, email: false },
      )[1],
    ).toEqual({ kind: 'ip', value: '2001:db8:1:2::/64' });
    const cases: [string, string][] = [
      ['2001:db8::7', '2001:db8::/64'],
      ['2001:db8:0:5::1', '2001:db8:0:5::/64'],
      ['fe80::1', 'fe80::/64'],
      ['::1', '::/64'],
      ['2001:db8:abcd:12::', '2001:db8:abcd:12::/64'],
      ['2001:0DB8:0:0:1::1', '2001:db8::/64'],
      ['1:2:3:4:5:6:7:8', '1:2:3:4::/64'],
      ['198.51.100.7', '198.51.100.7'],
      ['::ffff:198.51.100.7', '::ffff:198.51.100.7'],
    ];
    for (const [ip, value] of cases) expect(ipToBlock(ip), ip).toBe(value);
  });
  it('treats an existing block as done', () => {
    expect(alreadyBlocked('already_blocked')).toBe(true);
    expect(alreadyBlocked('invalid_ip')).toBe(false);
  });
});
