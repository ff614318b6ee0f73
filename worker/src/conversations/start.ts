import { getDb } from '../db/client';
import type { sites } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import type { Conversation } from '../protocol';
import { insertConversation } from './queries';

/**
 * Start a conversation: the D1 row first (so the inbox and ownership checks can find
 * it), then the ConversationDO, which owns it from then on and announces it to the site.
 */
export async function startConversation(
  env: Env, site: typeof sites.$inferSelect, visitor: { id: string; name: string | null; email: string | null },
): Promise<Conversation> {
  const now = nowIso();
  const row = {
    id: newId('cv'), workspaceId: site.workspaceId, siteId: site.id, visitorId: visitor.id,
    status: 'waiting' as const, assigneeId: null, archivedAt: null, createdAt: now, updatedAt: now,
    lastMessageAt: now, lastMessagePreview: null, lastMessageSender: null, lastSeq: 0, messageCount: 0,
    visitorUnread: 0, agentUnread: 0, visitorReadSeq: 0, agentReadSeq: 0, rev: 0,
  };
  await insertConversation(getDb(env.DB), row);
  return env.CONVERSATIONS.getByName(row.id).init({
    id: row.id, workspaceId: row.workspaceId, siteId: row.siteId, visitor, createdAt: now,
  });
}
