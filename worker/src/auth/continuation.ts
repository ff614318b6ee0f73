// Continuation tokens (docs/widget.md "Continuing on another device"): what the unread-reply email's link and the
// widget's "email me a link" carry, so that a browser on another device joins the same visitor, for one conversation.
import { SignJWT } from 'jose';
import { type AuthKeys, signJwt, verifyJwt } from './keys';

/** How long a link works. */
export const CONTINUATION_TTL_S = 7 * 24 * 3600;
/** The audience only continuation tokens carry: every other token is refused here, and this one everywhere else. */
const AUDIENCE = 'parley:continue';
const ISSUER = 'parley';

/** What a continuation token says: which visitor, of which site, for which conversation; its id and expiry. */
export type ContinuationClaims = {
  visitorId: string;
  siteId: string;
  conversationId: string;
  jti: string;
  exp: number;
};

/** A signed continuation token for one visitor's conversation (7 days, a random jti). */
export function continuationToken(
  keys: AuthKeys,
  c: { visitorId: string; siteId: string; conversationId: string },
  ttlS = CONTINUATION_TTL_S,
): Promise<string> {
  return signJwt(
    new SignJWT({ typ: 'continue', sid: c.siteId, cid: c.conversationId })
      .setSubject(c.visitorId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setJti(crypto.randomUUID())
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlS),
    keys,
  );
}

/** The claims of a valid, unexpired continuation token; null for anything else (forged, expired, another kind). */
export async function verifyContinuation(keys: AuthKeys, token: string): Promise<ContinuationClaims | null> {
  const p = await verifyJwt(token, keys, { issuer: ISSUER, audience: AUDIENCE, requiredClaims: ['jti', 'exp'] });
  if (p?.typ !== 'continue' || typeof p.sid !== 'string' || typeof p.cid !== 'string' || !p.sub) return null;
  return { visitorId: p.sub, siteId: p.sid, conversationId: p.cid, jti: p.jti!, exp: p.exp! };
}
