import { jwtVerify, SignJWT } from 'jose';
import { ApiError } from '../lib/errors';

/** What an agent token says: who, which workspace, which role. */
export type AgentClaims = { typ: 'agent'; sub: string; wid: string; role: 'owner' | 'admin' | 'agent'; issuedMs?: number };
/** What a visitor token says: who, on which site. */
export type VisitorClaims = { typ: 'visitor'; sub: string; sid: string; ver?: true };
/** Either kind of token. */
export type Claims = AgentClaims | VisitorClaims;

const TTL = { agent: '7d', visitor: '90d' } as const;
const ISSUER = 'parley';

/** The signing key, refusing to run with a missing or weak secret. */
export function signingKey(secret: string | undefined): Uint8Array {
  if (!secret || secret.length < 32) {
    throw new ApiError(500, 'misconfigured', 'AUTH_SECRET must be set to at least 32 characters');
  }
  return new TextEncoder().encode(secret);
}

/** Sign an HS256 token that expires (7 days for agents, 90 for visitors). */
export async function signToken(claims: Claims, secret: string | undefined): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT(claims.typ === 'agent' ? { ...rest, ims: Date.now() } : rest)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(TTL[claims.typ])
    .sign(signingKey(secret));
}

/** Verify a token; null when it is bad, expired or of an unknown kind. */
export async function verifyToken(token: string, secret: string | undefined): Promise<Claims | null> {
  const key = signingKey(secret);
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
    if (payload.typ === 'agent' && typeof payload.wid === 'string' && typeof payload.role === 'string') {
      // `ims` is the issue time in ms (iat has whole seconds, too coarse to order against a deactivation).
      const issuedMs = typeof payload.ims === 'number' ? payload.ims : (payload.iat ?? 0) * 1000;
      return { typ: 'agent', sub: payload.sub!, wid: payload.wid, role: payload.role as AgentClaims['role'], issuedMs };
    }
    if (payload.typ === 'visitor' && typeof payload.sid === 'string') {
      return { typ: 'visitor', sub: payload.sub!, sid: payload.sid, ...(payload.ver === true ? { ver: true as const } : {}) };
    }
    return null;
  } catch {
    return null;
  }
}
