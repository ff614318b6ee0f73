import ipaddr from 'ipaddr.js';

// Where a webhook may point. On a deployment: https to a public host name or address, never a private, loopback,
// link-local or documentation one (the URL is typed by an admin, but the request leaves from our infrastructure).
// With WEBHOOK_ALLOW_LOCAL = "1" (set by the tests and `npm start`), http to 127.0.0.1, [::1] or localhost as well.
// The WHATWG parser (new URL) normalises first: hex, octal and integer IPv4 spellings become dotted quads,
// percent-encoded and full-width hosts are decoded, IPv6 is compressed. What it hands back is then classified
// by ipaddr.js, so "a private address written another way" is the same address here.

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Longest URL kept (after normalisation, which may lengthen it). */
export const WEBHOOK_URL_MAX = 2000;

/** Names that never leave a private network: RFC 6761/6762/8375 and the cloud metadata zones. */
const PRIVATE_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa', 'lan', 'intranet', 'corp', 'private'];

/**
 * Whether an address (the parser's canonical host) is one anybody on the internet could be: IPv4 and IPv6 both
 * must be plain unicast for ipaddr.js (not private, loopback, link-local, CGNAT, documentation, benchmarking,
 * multicast, reserved…), IPv6 inside global unicast 2000::/3. Every IPv6 form that carries an IPv4 address
 * (mapped ::ffff:, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::, SIIT, 6to4 2002::, Teredo) is refused whatever it
 * carries: a receiver is reached at the IPv4 address itself.
 */
function publicAddress(host: string): boolean {
  const literal = host.startsWith('[') ? host.slice(1, -1) : host;
  if (!ipaddr.isValid(literal)) return false;
  const ip = ipaddr.parse(literal);
  if (ip.range() !== 'unicast') return false;
  if (ip.kind() === 'ipv6') {
    const first = (ip as ipaddr.IPv6).parts[0]!;
    return first >= 0x2000 && first <= 0x3fff && !(ip as ipaddr.IPv6).isIPv4MappedAddress();
  }
  return true;
}

/** An IP literal as the URL parser writes it: a dotted quad or a bracketed IPv6 address. */
const isAddress = (host: string) => host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host);

/** The normalised URL, or why it is refused (the message of a 400 invalid_url). */
export function checkWebhookUrl(raw: string, allowLocal: boolean): { url: string } | { error: string } {
  const text = raw.trim();
  if (!text) return { error: 'url: required' };
  if (text.length > WEBHOOK_URL_MAX) return { error: `url: at most ${WEBHOOK_URL_MAX} characters` };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { error: 'url: not a valid URL' };
  }
  if (u.href.length > WEBHOOK_URL_MAX) return { error: `url: at most ${WEBHOOK_URL_MAX} characters` };
  if (u.username || u.password) return { error: 'url: credentials in the URL are not allowed' };
  // "localhost." and "printer.local." are the same names to DNS: the root's dot is dropped before any rule.
  const host = u.hostname.toLowerCase().replace(/\.+$/, '');
  const local = LOCAL_HOSTS.has(host);
  if (local && allowLocal && (u.protocol === 'http:' || u.protocol === 'https:')) return { url: u.href };
  if (u.protocol !== 'https:') return { error: 'url: must start with https://' };
  if (isAddress(host)) return publicAddress(host) ? { url: u.href } : { error: 'url: must be a public address' };
  if (!host || local || PRIVATE_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`)))
    return { error: 'url: must be a public host' };
  if (!host.includes('.')) return { error: 'url: must be a public host name' };
  return { url: u.href };
}
