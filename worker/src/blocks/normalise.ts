import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import type { BlockKind } from '../../../protocol';

type Addr = ipaddr.IPv4 | ipaddr.IPv6;

/** A strictly written address (dotted quad or IPv6), IPv4-mapped IPv6 turned into IPv4; null otherwise. */
export function parseIp(text: string): Addr | null {
  const t = text.trim();
  // ipaddr.isValid also takes "10.1" or "0x0a.1.2.3": a block list wants exactly what people write.
  if (ipaddr.IPv4.isValidFourPartDecimal(t)) return ipaddr.IPv4.parse(t);
  if (!ipaddr.IPv6.isValid(t)) return null;
  const v6 = ipaddr.IPv6.parse(t);
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  // A zone id (fe80::1%eth0) only means something on the host that wrote it: the address is the same.
  return v6.zoneId ? new ipaddr.IPv6(v6.parts) : v6;
}

/** The widest range a block may cover: wider is a typo (0.0.0.0/0 blocks everyone), not a spammer. */
export const WIDEST_PREFIX = { ipv4: 8, ipv6: 16 } as const;

/** The canonical text of a request's address (CF-Connecting-IP), or null when it is not an address. */
export const canonicalIp = (text: string | null) => {
  const addr = text ? parseIp(text) : null;
  return addr ? addr.toString() : null;
};

/**
 * An IP block's canonical value: an address (`2001:db8::1`), or a range as its network and prefix
 * (`10.1.2.3/8` → `10.0.0.0/8`; `::ffff:10.0.0.0/104` → `10.0.0.0/8`); /32 and /128 are one address.
 */
export function normaliseIpBlock(text: string): string | null {
  const [host, bits, ...rest] = text.trim().split('/');
  if (rest.length || !host) return null;
  const addr = parseIp(host);
  if (!addr) return null;
  if (bits === undefined) return addr.toString();
  if (!/^\d{1,3}$/.test(bits)) return null;
  let prefix = Number(bits);
  // A mapped range written in IPv6 (::ffff:a.b.c.d/96+) is the IPv4 range.
  if (addr.kind() === 'ipv4' && ipaddr.IPv6.isValid(host)) prefix -= 96;
  const max = addr.kind() === 'ipv4' ? 32 : 128;
  if (prefix < WIDEST_PREFIX[addr.kind()] || prefix > max) return null;
  if (prefix === max) return addr.toString();
  const network =
    addr.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(`${addr.toString()}/${prefix}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${addr.toString()}/${prefix}`);
  return `${network.toString()}/${prefix}`;
}

/** Whether a stored IP block (address or range) covers a request's canonical address. */
export function ipBlockMatches(blockValue: string, ip: string | null): boolean {
  const addr = ip ? parseIp(ip) : null;
  if (!addr) return false;
  if (!blockValue.includes('/')) return blockValue === addr.toString();
  const [net, bits] = ipaddr.parseCIDR(blockValue);
  return net.kind() === addr.kind() && addr.match([net, bits] as never);
}

const Email = z.email();

/** A block's value made canonical for its kind, or the 400 code saying why it cannot be. */
export function normaliseBlockValue(
  kind: BlockKind,
  value: string,
): { value: string } | { error: 'invalid_ip' | 'invalid_email' | 'invalid_visitor'; message: string } {
  const v = value.trim();
  if (kind === 'ip') {
    const ip = normaliseIpBlock(v);
    return ip
      ? { value: ip }
      : {
          error: 'invalid_ip',
          message:
            'value: not an IP address or CIDR range of at most /8 (IPv4) or /16 (IPv6) (e.g. 203.0.113.7, 10.0.0.0/8, 2001:db8::/32)',
        };
  }
  if (kind === 'email') {
    return Email.safeParse(v).success
      ? { value: v.toLowerCase() }
      : { error: 'invalid_email', message: 'value: not an email address' };
  }
  return /^vi_[0-9a-f]{32}$/.test(v) ? { value: v } : { error: 'invalid_visitor', message: 'value: not a visitor id' };
}
