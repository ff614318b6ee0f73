import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversations, visitors } from '../db/schema';
import { toConversation } from '../conversations';

/** The visitor's newest conversation that is still open (waiting or active), if any. */
export async function findOpenConversation(db: Db, visitorId: string) {
  const [hit] = await db
    .select({ c: conversations, v: { id: visitors.id, name: visitors.name, email: visitors.email } })
    .from(conversations)
    .leftJoin(visitors, eq(visitors.id, conversations.visitorId))
    .where(and(eq(conversations.visitorId, visitorId), inArray(conversations.status, ['waiting', 'active'])))
    .orderBy(desc(conversations.createdAt))
    .limit(1);
  return hit ? toConversation(hit.c, hit.v) : null;
}
