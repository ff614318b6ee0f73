import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversations, emailOutbox, erasures, messages, visitors } from '../db/schema';
import { nowIso } from '../lib/ids';

// D1 writes of an erasure (docs/privacy.md), each safe to run again, and the erasures ledger.

/** Empty the words of one conversation in D1: message copies (the word index follows by trigger), notes, comment. */
export async function eraseConversationRows(db: Db, conversationId: string, now: string) {
  await db.batch([
    db
      .update(messages)
      .set({ body: '', deletedAt: sql`COALESCE(${messages.deletedAt}, ${now})` })
      .where(
        and(
          eq(messages.conversationId, conversationId),
          sql`(${messages.body} != '' OR ${messages.deletedAt} IS NULL)`,
        ),
      ),
    db
      .update(conversations)
      .set({ notes: '', ratingComment: null, lastMessagePreview: null, visitorUnread: 0, agentUnread: 0 })
      .where(eq(conversations.id, conversationId)),
  ]);
}

/**
 * Anonymise the visitor's row (the id stays: their conversations point to it) and drop the mail the local
 * provider kept for their address (it quotes messages). Email first: on a retry the address is already gone.
 */
export async function anonymiseVisitor(db: Db, row: { id: string; email: string | null }, workspaceId: string) {
  const now = nowIso();
  const clearMail = row.email
    ? [
        db
          .delete(emailOutbox)
          .where(
            and(eq(emailOutbox.workspaceId, workspaceId), sql`${emailOutbox.toAddress} = ${row.email} COLLATE NOCASE`),
          ),
      ]
    : [];
  const anonymise = db
    .update(visitors)
    .set({
      name: null,
      email: null,
      userAgent: null,
      browser: null,
      os: null,
      device: null,
      currentUrl: null,
      currentTitle: null,
      referrer: null,
      landingUrl: null,
      country: null,
      city: null,
      externalId: null,
      unsubscribedAt: null,
      lastIp: null,
      erasedAt: sql`COALESCE(${visitors.erasedAt}, ${now})`,
    })
    .where(eq(visitors.id, row.id));
  await db.batch([...clearMail, anonymise] as [typeof anonymise]);
}

/** Begin (or begin again) an erasure: its row says it is not finished until `completeErasure`. */
export async function beginErasure(
  db: Db,
  e: { visitorId: string; workspaceId: string; siteId: string; reason: 'request' | 'retention'; by: string | null },
) {
  await db
    .insert(erasures)
    .values({
      visitorId: e.visitorId,
      workspaceId: e.workspaceId,
      siteId: e.siteId,
      reason: e.reason,
      requestedAt: nowIso(),
      requestedBy: e.by,
      attempts: 1,
    })
    .onConflictDoUpdate({
      target: erasures.visitorId,
      set: { attempts: sql`${erasures.attempts} + 1`, completedAt: null, requestedAt: nowIso() },
    });
}

/** Mark an erasure done, with what it counted. */
export const completeErasure = (db: Db, visitorId: string, counts: { conversations: number; files: number }) =>
  db
    .update(erasures)
    .set({ completedAt: nowIso(), ...counts })
    .where(eq(erasures.visitorId, visitorId));

/** Erasures begun before `before` and never completed (cut short): the scheduled job runs them again. */
export const unfinishedErasures = (db: Db, before: string, limit: number) =>
  db
    .select()
    .from(erasures)
    .where(and(isNull(erasures.completedAt), sql`${erasures.requestedAt} < ${before}`))
    .orderBy(asc(erasures.requestedAt))
    .limit(limit);
