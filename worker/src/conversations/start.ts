import { and, eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { departments, type sites } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import type { Conversation } from '../../../protocol';
import { siteSettings } from '../sites';
import { offerToAutoAssign } from './auto-assign';
import { insertConversation } from './queries';

/** How long a conversation may sit idle before it closes itself, unless the site says otherwise. */
export const DEFAULT_IDLE_MINUTES = 24 * 60;

/**
 * Start a conversation: the D1 row first (so the inbox and ownership checks can find
 * it), then the ConversationDO, which owns it from then on and announces it to the
 * site; then the SiteDO decides whether an agent gets it right away.
 */
export async function startConversation(
  env: Env,
  site: typeof sites.$inferSelect,
  visitor: { id: string; name: string | null; email: string | null },
): Promise<Conversation> {
  const db = getDb(env.DB);
  const dept = await db.query.departments.findFirst({
    where: and(eq(departments.workspaceId, site.workspaceId), eq(departments.isDefault, true)),
  });
  const now = nowIso();
  const row = {
    id: newId('cv'),
    workspaceId: site.workspaceId,
    siteId: site.id,
    visitorId: visitor.id,
    status: 'waiting' as const,
    assigneeId: null,
    assigneeName: null,
    departmentId: dept?.id ?? null,
    archivedAt: null,
    createdAt: now,
    updatedAt: now,
    lastMessageAt: now,
    lastMessagePreview: null,
    lastMessageSender: null,
    lastSeq: 0,
    messageCount: 0,
    visitorUnread: 0,
    agentUnread: 0,
    visitorReadSeq: 0,
    agentReadSeq: 0,
    rev: 0,
    priority: 'normal' as const,
    tags: [],
    notes: '',
    firstClaimedAt: null,
    firstVisitorMessageAt: null,
    firstAgentReplyAt: null,
    resolvedAt: null,
    closedAt: null,
    waitSeconds: null,
    firstResponseSeconds: null,
    resolutionSeconds: null,
    ratingScore: null,
    ratingComment: null,
    ratedAt: null,
  };
  await insertConversation(db, row);
  const idleMinutes = Number(site.settings.idleTimeoutMinutes) || DEFAULT_IDLE_MINUTES;
  const stub = env.CONVERSATIONS.getByName(row.id);
  const conversation = await stub.init({
    id: row.id,
    workspaceId: row.workspaceId,
    siteId: row.siteId,
    visitor,
    createdAt: now,
    departmentId: row.departmentId,
    idleMs: idleMinutes * 60_000,
    emailDelayMs: Math.round(siteSettings(site).unreadEmailMinutes * 60_000),
  });
  // Without auto-assign the conversation waits for anyone to claim it.
  return dept?.autoAssign ? offerToAutoAssign(env, conversation) : conversation;
}
