// Where a webhook may point. On a deployment: https to a public host name or address, never a private, loopback
// or link-local one (the URL is typed by an admin, but the request leaves from our infrastructure). With
// WEBHOOK_ALLOW_LOCAL = "1" (set by the tests and `npm start`), http to 127.0.0.1, [::1] or localhost as well.

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** IPv4 ranges no webhook may reach: this network, private, CGNAT, loopback, link-local, benchmarking, multicast+. */
const PRIVATE_V4: [number, number][] = [
  [0x00000000, 8],
  [0x0a000000, 8],
  [0x64400000, 10],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
  [0xac100000, 12],
  [0xc0000000, 24],
  [0xc0a80000, 16],
  [0xc6120000, 15],
  [0xe0000000, 3],
];

function privateV4(host: string): boolean {
  const parts = host.split('.').map(Number);
  const n = (((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0) as number;
  return PRIVATE_V4.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
}

/** An IPv6 literal (the URL parser's canonical form, in brackets) that is not a global unicast address. */
function privateV6(host: string): boolean {
  const a = host.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return privateV4(mapped[1]!);
  // Global unicast is 2000::/3; everything else (loopback, ULA fc00::/7, link-local fe80::/10, mapped hex forms…) is refused.
  return !/^[23][0-9a-f]{0,3}:/.test(a) || a.startsWith('2001:db8:');
}

/** The normalised URL, or why it is refused (the message of a 400 invalid_url). */
export function checkWebhookUrl(raw: string, allowLocal: boolean): { url: string } | { error: string } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { error: 'url: not a valid URL' };
  }
  if (u.username || u.password) return { error: 'url: credentials in the URL are not allowed' };
  const host = u.hostname.toLowerCase();
  const local = LOCAL_HOSTS.has(host);
  if (local && allowLocal && (u.protocol === 'http:' || u.protocol === 'https:')) return { url: u.href };
  if (u.protocol !== 'https:') return { error: 'url: must start with https://' };
  if (local || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal'))
    return { error: 'url: must be a public host' };
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host))
    return privateV4(host) ? { error: 'url: must be a public address' } : { url: u.href };
  if (host.startsWith('[')) return privateV6(host) ? { error: 'url: must be a public address' } : { url: u.href };
  if (!host.includes('.')) return { error: 'url: must be a public host name' };
  return { url: u.href };
}
