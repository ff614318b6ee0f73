// Invite tokens are bearer secrets: only their SHA-256 is stored, so a leaked
// database cannot be turned into working invite links.
import { sha256Hex } from '../lib/sha256';

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** The SHA-256 (hex) of an invite token, as stored in agents.invite_token_hash. */
export async function hashInviteToken(token: string): Promise<string> {
  return sha256Hex(token);
}

/** A fresh random invite token (32 bytes, base64url) and the hash to store. */
export async function newInviteToken(): Promise<{ token: string; hash: string }> {
  const token = base64url(crypto.getRandomValues(new Uint8Array(32)));
  return { token, hash: await hashInviteToken(token) };
}
