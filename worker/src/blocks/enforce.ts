import { and, eq, isNull, ne, or } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { VisitorIdentity } from '../auth/middleware';
import { getDb } from '../db/client';
import { visitors } from '../db/schema';
import { ApiError } from '../lib/errors';
import { clientIp } from '../lib/ratelimit';
import { BLOCKED_CLOSE, CHAT_UNAVAILABLE, CHAT_UNAVAILABLE_FRAME, SUBPROTOCOL } from '../../../protocol';
import { canonicalIp } from './normalise';
import { blocksThatMayMatch, countDrop, matchingBlock, type Suspect } from './queries';

/** The neutral refusal every blocked request gets: nothing says "you are blocked". */
export const chatUnavailable = () => new ApiError(403, CHAT_UNAVAILABLE, 'Chat is unavailable');

/** The client's canonical address (CF-Connecting-IP), null when there is none (local development). */
export const requestIp = (req: Request) => canonicalIp(clientIp(req));

/**
 * The block that refuses this suspect on this site, its drop already counted; null when none does.
 * `recordIp` also stores the visitor's address in the same round trip (at a socket upgrade), so an IP
 * block created later finds this socket.
 */
export async function findBlock(env: Env, siteId: string, s: Suspect, recordIp = false) {
  const db = getDb(env.DB);
  const query = blocksThatMayMatch(db, siteId, s);
  const rows =
    recordIp && s.visitorId && s.ip
      ? (
          await db.batch([
            db
              .update(visitors)
              .set({ lastIp: s.ip })
              .where(and(eq(visitors.id, s.visitorId), or(isNull(visitors.lastIp), ne(visitors.lastIp, s.ip)))),
            query,
          ])
        )[1]
      : await query;
  const hit = matchingBlock(rows, s.ip);
  if (hit) await countDrop(db, hit.id);
  return hit;
}

/** Throw the neutral 403 when a block refuses this suspect (counted as a drop). */
export async function assertNotBlocked(env: Env, siteId: string, s: Suspect) {
  if (await findBlock(env, siteId, s)) throw chatUnavailable();
}

/**
 * A socket upgrade from a blocked visitor: a browser cannot read the status of a refused upgrade, so the
 * socket is accepted only to say chat_unavailable and close with 4403 (the widget then stops, no retry).
 */
export function refusedSocket(): Response {
  const { 0: client, 1: server } = new WebSocketPair();
  server.accept();
  server.send(CHAT_UNAVAILABLE_FRAME);
  server.close(BLOCKED_CLOSE, CHAT_UNAVAILABLE);
  return new Response(null, { status: 101, webSocket: client, headers: { 'Sec-WebSocket-Protocol': SUBPROTOCOL } });
}

/**
 * The block check of every widget route after requireVisitor and requireSiteOrigin: the visitor's id, their
 * stored email and the request's IP. Routes that take an email in their body check it too (assertNotBlocked).
 */
export const refuseBlocked = () =>
  createMiddleware<{ Bindings: Env; Variables: { visitor: VisitorIdentity } }>(async (c, next) => {
    const upgrade = c.req.header('Upgrade')?.toLowerCase() === 'websocket';
    const suspect = { visitorId: c.var.visitor.id, ip: requestIp(c.req.raw) };
    if (await findBlock(c.env, c.var.visitor.siteId, suspect, upgrade)) {
      if (upgrade) return refusedSocket();
      throw chatUnavailable();
    }
    await next();
  });
