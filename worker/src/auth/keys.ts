// Signing keys and their rotation (docs/operations.md "Rotating AUTH_SECRET"): everything Parley signs is
// signed with AUTH_SECRET and names it by a key id; AUTH_SECRET_PREVIOUS, while set, still verifies what the
// old secret signed, so a rotation logs nobody out until the previous secret is removed.
import { decodeProtectedHeader, jwtVerify, type JWTPayload, type JWTVerifyOptions, type SignJWT } from 'jose';
import { ApiError } from '../lib/errors';

/** The secrets (Env has both; AUTH_SECRET_PREVIOUS only during a rotation). */
export type AuthKeys = { AUTH_SECRET?: string; AUTH_SECRET_PREVIOUS?: string };

/** Shorter secrets are refused (AUTH_SECRET) or ignored (AUTH_SECRET_PREVIOUS, logged by lib/env.ts). */
export const MIN_SECRET_LENGTH = 32;

const enc = new TextEncoder();
const kids = new Map<string, Promise<string>>();

/** The current secret; a missing or weak one is a server misconfiguration, never a client error. */
export function currentSecret(keys: AuthKeys): string {
  const secret = keys.AUTH_SECRET;
  if (!secret || secret.length < MIN_SECRET_LENGTH) {
    throw new ApiError(500, 'misconfigured', 'AUTH_SECRET must be set to at least 32 characters');
  }
  return secret;
}

/** The secrets that verify: the current one first, then a usable previous one. */
export function verifyingSecrets(keys: AuthKeys): string[] {
  const previous = keys.AUTH_SECRET_PREVIOUS;
  const current = currentSecret(keys);
  return previous && previous.length >= MIN_SECRET_LENGTH && previous !== current ? [current, previous] : [current];
}

/** HMAC-SHA-256 of `data` under `secret`, as hex. */
export async function hmacHex(secret: string, data: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(data)));
  return [...mac].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A secret's public name (`kid`): 16 hex characters of an HMAC under it, which reveal nothing of it. */
export function keyId(secret: string): Promise<string> {
  let kid = kids.get(secret);
  if (!kid) {
    kid = hmacHex(secret, 'parley key id').then((h) => h.slice(0, 16));
    kids.set(secret, kid);
  }
  return kid;
}

/** Sign a JWT (HS256) with the current secret, naming it in the header's `kid`. */
export async function signJwt(jwt: SignJWT, keys: AuthKeys): Promise<string> {
  const secret = currentSecret(keys);
  return jwt.setProtectedHeader({ alg: 'HS256', kid: await keyId(secret) }).sign(enc.encode(secret));
}

/**
 * Verify a JWT with the key its `kid` names (a kid no configured secret has: refused), or, for tokens
 * signed before key ids existed, with each verifying secret in turn. Null when nothing verifies it.
 */
export async function verifyJwt(token: string, keys: AuthKeys, options: JWTVerifyOptions): Promise<JWTPayload | null> {
  const secrets = verifyingSecrets(keys);
  let kid: unknown;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    return null;
  }
  const candidates =
    kid === undefined
      ? secrets
      : (await Promise.all(secrets.map(async (s) => ((await keyId(s)) === kid ? s : null)))).filter((s) => s !== null);
  for (const secret of candidates) {
    try {
      return (await jwtVerify(token, enc.encode(secret), { ...options, algorithms: ['HS256'] })).payload;
    } catch {
      /* next key */
    }
  }
  return null;
}

/** Whether `sig` is the first `sig.length` hex characters of HMAC(data) under any verifying secret (constant time). */
export async function hmacMatches(keys: AuthKeys, data: string, sig: string): Promise<boolean> {
  const b = enc.encode(sig);
  let same = false;
  for (const secret of verifyingSecrets(keys)) {
    const a = enc.encode((await hmacHex(secret, data)).slice(0, sig.length));
    same =
      (a.length === b.length &&
        (
          crypto.subtle as SubtleCrypto & { timingSafeEqual(x: ArrayBufferView, y: ArrayBufferView): boolean }
        ).timingSafeEqual(a, b)) ||
      same;
  }
  return same;
}
