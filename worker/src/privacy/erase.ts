import { agentActor, recordAudit } from '../audit/record';
import type { AgentIdentity } from '../auth/middleware';
import { getDb } from '../db/client';
import { nowIso } from '../lib/ids';
import { log } from '../lib/log';
import type { ErasureResult } from '../../../protocol';
import {
  anonymiseVisitor,
  beginErasure,
  completeErasure,
  eraseConversationRows,
  erasureProgress,
} from './erase-queries';
import { scrubSideTables, workspaceWebhooks } from './erase-side-queries';
import { cursorText, parseCursor, visitorConversations } from './queries';

// Erasing one visitor (docs/privacy.md "Erasure"). Every step is idempotent and the erasures row stays open
// until the last one, so a run cut short anywhere is simply run again (by the admin, or by the scheduled job);
// its cursor lets the new run go on after the last conversation finished, so a visitor with more conversations
// than one invocation can erase is done over several runs.

/** Conversations read from D1 per page while erasing. */
const PAGE = 50;

/** Who is erased, and why. */
export type ErasureTarget = {
  visitor: { id: string; email: string | null; siteId: string };
  workspaceId: string;
  reason: 'request' | 'retention';
  /** The admin who asked; null for the retention job. */
  by: Pick<AgentIdentity, 'id' | 'name'> | null;
  ip?: string | null;
};

/** Delete every object under the conversation's prefix in R2 (its files: `<conversation>/<file>`); returns how many. */
async function deleteFiles(bucket: R2Bucket, conversationId: string): Promise<number> {
  let deleted = 0;
  let cursor: string | undefined;
  do {
    const listed = await bucket.list({ prefix: `${conversationId}/`, cursor, limit: 1000 });
    const keys = listed.objects.map((o) => o.key);
    if (keys.length) await bucket.delete(keys);
    deleted += keys.length;
    cursor = listed.truncated ? listed.cursor : undefined;
  } while (cursor);
  return deleted;
}

/**
 * Erase a visitor: for each of their conversations, the words in its ConversationDO (first, so no later
 * projection carries the old text), its files in R2, its copies in D1 (messages, word index, notes, comment) and
 * in the webhooks' delivery logs; then the mentions of them elsewhere (webhook logs, audit log, blocks' reasons),
 * their profile (anonymised) and their VisitorDO's state; last, the audit entry (counts only). The docs/privacy.md
 * table lists every store and what erasure does to it.
 */
export async function eraseVisitor(env: Env, target: ErasureTarget): Promise<ErasureResult> {
  const db = getDb(env.DB);
  const { visitor, workspaceId } = target;
  const begun = await beginErasure(db, {
    visitorId: visitor.id,
    workspaceId,
    siteId: visitor.siteId,
    reason: target.reason,
    by: target.by?.id ?? null,
  });
  // Conversations by (created_at, id), after the last one a run cut short had finished. beginErasure set erased_at,
  // so the visitor's token can start no new conversation; one started just before sorts after the cursor, and the
  // loop ends on an empty page read after the last conversation was erased.
  const hooks = (await workspaceWebhooks(db, workspaceId)).map((h) => env.WEBHOOKS.getByName(h.id));
  let after = parseCursor(begun.cursor);
  for (;;) {
    const page = await visitorConversations(db, visitor.id, after, PAGE);
    for (const c of page) {
      const { messages } = await env.CONVERSATIONS.getByName(c.id).erase();
      const files = await deleteFiles(env.UPLOADS, c.id);
      await eraseConversationRows(db, c.id, nowIso());
      // Webhook payloads quote the conversation (messages, notes, rating comment): each webhook's log forgets it.
      await Promise.all(hooks.map((h) => h.eraseVisitor(visitor.id, [c.id])));
      await erasureProgress(db, visitor.id, cursorText(c), { messages, files });
    }
    if (!page.length) break;
    after = page[page.length - 1]!;
  }
  // Outside their own rows: visitor events in the webhooks' logs, the audit log's and blocks' mentions of them.
  await Promise.all(hooks.map((h) => h.eraseVisitor(visitor.id, [])));
  const row = await db.query.visitors.findFirst({ where: (v, { eq }) => eq(v.id, visitor.id) });
  if (row) await scrubSideTables(db, workspaceId, row);
  await anonymiseVisitor(db, visitor, workspaceId);
  await env.VISITORS.getByName(visitor.id).erase();
  const { conversations, messages, files, completedAt } = await completeErasure(db, visitor.id);
  await recordAudit(
    env,
    workspaceId,
    target.by ? agentActor(target.by) : { type: 'system', id: null, name: null },
    target.ip ?? null,
    {
      action: 'privacy.erase',
      target: { type: 'visitor', id: visitor.id },
      detail: { reason: target.reason, conversations, messages, files },
    },
  );
  log.info('visitor.erased', { visitorId: visitor.id, reason: target.reason, conversations, messages, files });
  return { visitorId: visitor.id, conversations, messages, files, completedAt: completedAt! };
}
