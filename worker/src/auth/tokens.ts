import { SignJWT } from 'jose';
import { type AuthKeys, signJwt, verifyJwt } from './keys';

/** What an agent token says: who, which workspace, which role. */
export type AgentClaims = {
  typ: 'agent';
  sub: string;
  wid: string;
  role: 'owner' | 'admin' | 'agent';
  issuedMs?: number;
};
/**
 * What a visitor token says: who, on which site, whether verified; `cid` limits it to one conversation (a session
 * opened by a continuation link, docs/widget.md "Continuing on another device").
 */
export type VisitorClaims = { typ: 'visitor'; sub: string; sid: string; ver?: true; cid?: string };
/** Either kind of token. */
export type Claims = AgentClaims | VisitorClaims;

const TTL = { agent: '7d', visitor: '90d' } as const;
const ISSUER = 'parley';

/** Sign an HS256 token with the current secret (its kid in the header) that expires (7 days for agents, 90 for visitors). */
export async function signToken(claims: Claims, keys: AuthKeys): Promise<string> {
  const { sub, ...rest } = claims;
  return signJwt(
    new SignJWT(claims.typ === 'agent' ? { ...rest, ims: Date.now() } : rest)
      .setSubject(sub)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(TTL[claims.typ]),
    keys,
  );
}

/** Verify a token with the current or, during a rotation, the previous secret; null when it is bad, expired or of an unknown kind. */
export async function verifyToken(token: string, keys: AuthKeys): Promise<Claims | null> {
  const payload = await verifyJwt(token, keys, { issuer: ISSUER });
  if (!payload) return null;
  if (payload.typ === 'agent' && typeof payload.wid === 'string' && typeof payload.role === 'string') {
    // `ims` is the issue time in ms (iat has whole seconds, too coarse to order against a deactivation).
    const issuedMs = typeof payload.ims === 'number' ? payload.ims : (payload.iat ?? 0) * 1000;
    return { typ: 'agent', sub: payload.sub!, wid: payload.wid, role: payload.role as AgentClaims['role'], issuedMs };
  }
  if (payload.typ === 'visitor' && typeof payload.sid === 'string') {
    return {
      typ: 'visitor',
      sub: payload.sub!,
      sid: payload.sid,
      ...(payload.ver === true ? { ver: true as const } : {}),
      ...(typeof payload.cid === 'string' ? { cid: payload.cid } : {}),
    };
  }
  return null;
}
