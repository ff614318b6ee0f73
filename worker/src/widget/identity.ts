const enc = new TextEncoder();

/**
 * Whether `hash` is HMAC-SHA256(userId) with the site's secret, as lowercase or
 * uppercase hex (Intercom's user_hash). WebCrypto's verify compares in constant time.
 */
export async function verifyUserHash(secret: string, userId: string, hash: string): Promise<boolean> {
  if (!/^[0-9a-fA-F]{64}$/.test(hash)) return false;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hash.slice(i * 2, i * 2 + 2), 16);
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  return crypto.subtle.verify('HMAC', key, bytes, enc.encode(userId));
}

/** HMAC-SHA256(userId) in hex: what a customer's server computes (used by tests and docs). */
export async function userHash(secret: string, userId: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(userId)));
  return [...mac].map((b) => b.toString(16).padStart(2, '0')).join('');
}
