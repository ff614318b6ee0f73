// Invite tokens are bearer secrets: only their SHA-256 is stored, so a leaked
// database cannot be turned into working invite links.

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** The SHA-256 (hex) of an invite token, as stored in agents.invite_token_hash. */
export async function hashInviteToken(token: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
}

/** A fresh random invite token (32 bytes, base64url) and the hash to store. */
export async function newInviteToken(): Promise<{ token: string; hash: string }> {
  const token = base64url(crypto.getRandomValues(new Uint8Array(32)));
  return { token, hash: await hashInviteToken(token) };
}
