import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversations, emailOutbox, erasures, messages, visitors } from '../db/schema';
import { nowIso } from '../lib/ids';

// D1 writes of an erasure (docs/privacy.md), each safe to run again, and the erasures ledger.

/** The kinds of mail that name a conversation in their idempotency key (email/notify.ts, unread-email.ts). */
const MAIL_KINDS = ['unread', 'offline', 'transcript', 'continue'];

/** Empty the words of one conversation in D1: message copies (the word index follows by trigger), notes, comment, mail. */
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
    // Mail the local provider kept about the conversation (it quotes messages): keys are `<kind>/<conversation>/…`.
    db
      .delete(emailOutbox)
      .where(or(...MAIL_KINDS.map((k) => sql`${emailOutbox.idempotencyKey} GLOB ${`${k}/${conversationId}/*`}`))),
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

/**
 * Begin an erasure, or go on with one cut short (its cursor and counts are kept); one that had completed starts
 * over. The visitor is marked erased before anything else. Its row says it is not finished until `completeErasure`. Returns where to go on from and the counts so far.
 */
export async function beginErasure(
  db: Db,
  e: { visitorId: string; workspaceId: string; siteId: string; reason: 'request' | 'retention'; by: string | null },
) {
  const fresh = sql`${erasures.completedAt} IS NOT NULL`;
  // erased_at first, in the same batch: from now on the visitor's token is refused on every widget route
  // (widget/middleware.ts), so no conversation or profile is written while the erasure pages through them.
  const mark = db
    .update(visitors)
    .set({ erasedAt: sql`COALESCE(${visitors.erasedAt}, ${nowIso()})` })
    .where(eq(visitors.id, e.visitorId));
  const upsert = db
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
      // Every expression reads the row as it was: `fresh` is the old completed_at.
      set: {
        attempts: sql`${erasures.attempts} + 1`,
        requestedAt: nowIso(),
        compacted: 0,
        completedAt: null,
        cursor: sql`CASE WHEN ${fresh} THEN NULL ELSE ${erasures.cursor} END`,
        conversations: sql`CASE WHEN ${fresh} THEN 0 ELSE ${erasures.conversations} END`,
        messages: sql`CASE WHEN ${fresh} THEN 0 ELSE ${erasures.messages} END`,
        files: sql`CASE WHEN ${fresh} THEN 0 ELSE ${erasures.files} END`,
      },
    })
    .returning({
      cursor: erasures.cursor,
      conversations: erasures.conversations,
      messages: erasures.messages,
      files: erasures.files,
    });
  const [, [row]] = await db.batch([mark, upsert]);
  return row!;
}

/** One more conversation fully erased: the cursor (its created_at and id) moves past it and the counts grow. */
export const erasureProgress = (db: Db, visitorId: string, cursor: string, n: { messages: number; files: number }) =>
  db
    .update(erasures)
    .set({
      cursor,
      conversations: sql`${erasures.conversations} + 1`,
      messages: sql`${erasures.messages} + ${n.messages}`,
      files: sql`${erasures.files} + ${n.files}`,
    })
    .where(eq(erasures.visitorId, visitorId));

/** Mark an erasure done; returns its counts. */
export async function completeErasure(db: Db, visitorId: string) {
  const [row] = await db
    .update(erasures)
    .set({ completedAt: nowIso() })
    .where(eq(erasures.visitorId, visitorId))
    .returning({
      conversations: erasures.conversations,
      messages: erasures.messages,
      files: erasures.files,
      completedAt: erasures.completedAt,
    });
  return row!;
}

/** Erasures begun before `before` and never completed (cut short): the scheduled job runs them again. */
export const unfinishedErasures = (db: Db, before: string, limit: number) =>
  db
    .select()
    .from(erasures)
    .where(and(isNull(erasures.completedAt), sql`${erasures.requestedAt} < ${before}`))
    .orderBy(asc(erasures.requestedAt))
    .limit(limit);

/**
 * Merge the word indexes when an erasure finished since the last merge: FTS5 drops a deleted word from search at
 * once, but its bytes stay in the index's segments until they are merged. 'optimize' rewrites each index into one
 * segment (a cost that grows with the index: hence once per scheduled run, and only after erasures). True if it ran.
 */
export async function compactWordIndexes(db: Db): Promise<boolean> {
  const started = nowIso();
  const [pending] = await db
    .select({ id: erasures.visitorId })
    .from(erasures)
    .where(and(eq(erasures.compacted, 0), sql`${erasures.completedAt} IS NOT NULL`))
    .limit(1);
  if (!pending) return false;
  await db.run(sql`INSERT INTO message_words(message_words) VALUES ('optimize')`);
  await db.run(sql`INSERT INTO visitor_words(visitor_words) VALUES ('optimize')`);
  await db
    .update(erasures)
    .set({ compacted: 1 })
    .where(and(eq(erasures.compacted, 0), sql`${erasures.completedAt} <= ${started}`));
  return true;
}
