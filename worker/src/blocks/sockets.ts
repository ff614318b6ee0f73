import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversations, visitors } from '../db/schema';
import type { BlockKind } from '../../../protocol';
import { ipBlockMatches } from './normalise';
import { log } from '../lib/log';

/** At most this many conversations are told at once when a block is created (a wide range on a busy site). */
const MAX_CONVERSATIONS = 500;
/**
 * The conversations whose visitor sockets a new block must close: the matching visitors' conversations, newest
 * first, closed ones too (a socket may stay open on a conversation closed long ago, and writing reopens it). An IP
 * block matches visitors by their last address (stored at session and socket upgrade), ranges in code.
 */
export async function conversationsToRefuse(db: Db, siteId: string, kind: BlockKind, value: string): Promise<string[]> {
  const who =
    kind === 'visitor'
      ? eq(visitors.id, value)
      : kind === 'email'
        ? sql`lower(${visitors.email}) = ${value}`
        : value.includes('/')
          ? isNotNull(visitors.lastIp)
          : eq(visitors.lastIp, value);
  const rows = await db
    .select({ id: conversations.id, ip: visitors.lastIp })
    .from(conversations)
    .innerJoin(visitors, eq(visitors.id, conversations.visitorId))
    .where(and(eq(conversations.siteId, siteId), eq(visitors.siteId, siteId), who))
    .orderBy(desc(conversations.updatedAt))
    .limit(kind === 'ip' && value.includes('/') ? MAX_CONVERSATIONS * 4 : MAX_CONVERSATIONS);
  const hits = kind === 'ip' ? rows.filter((r) => ipBlockMatches(value, r.ip)) : rows;
  return hits.slice(0, MAX_CONVERSATIONS).map((r) => r.id);
}

/** Close the blocked visitors' open sockets now (each ConversationDO sends chat_unavailable, closes 4403). */
export async function closeBlockedSockets(env: Env, db: Db, siteId: string, kind: BlockKind, value: string) {
  const ids = await conversationsToRefuse(db, siteId, kind, value);
  const results = await Promise.allSettled(ids.map((id) => env.CONVERSATIONS.getByName(id).refuseVisitor()));
  for (const r of results) if (r.status === 'rejected') log.warn('block.close_failed', { siteId, error: r.reason });
  return ids.length;
}
