// One-time setup links (closed sign-up, docs/team.md): the token, the hash the worker stores and looks up,
// and the SQL that stores it. Plain Web Crypto so both `npm run setup-link` (Node) and the worker's tests
// (workerd) use this very code.

/** How long a setup link works, unless told otherwise. */
export const SETUP_LINK_DAYS = 7;

const hex = (bytes) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
const base64url = (bytes) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** The SHA-256 (hex) of a setup token, as stored in setup_tokens.token_hash (the worker hashes the same way). */
export async function hashSetupToken(token) {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
}

/** A fresh setup token (32 random bytes, base64url) and the SQL that stores only its hash, valid for `days`. */
export async function newSetupToken({ days = SETUP_LINK_DAYS, now = Date.now() } = {}) {
  if (!(days > 0 && days <= 365)) throw new Error(`days must be between 0 and 365, not ${days}`);
  const token = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const hash = await hashSetupToken(token);
  const expiresAt = now + Math.round(days * 86_400_000);
  // Only hex and integers go into the statement: nothing to quote.
  const sql = `INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES ('${hash}', ${now}, ${expiresAt});`;
  return { token, hash, expiresAt, sql };
}

/** The console's register page with the token: `<origin>/register?setup=<token>`. */
export const setupLinkUrl = (origin, token) =>
  `${origin.replace(/\/+$/, '')}/register?setup=${encodeURIComponent(token)}`;
