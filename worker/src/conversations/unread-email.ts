import { eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { sites, visitors } from '../db/schema';
import { continueUrl, publicBase, replyAddress, unsubscribeUrl } from '../email/links';
import { emailProvider } from '../email/providers';
import { unreadRepliesEmail } from '../email/templates';
import { continuationToken } from '../auth/continuation';
import { type Conversation, toVisitorMessages } from '../../../protocol';
import type { ConversationStore } from './store';

/**
 * The unread-reply email: one email with every agent reply the visitor has neither
 * read nor been sent yet. Never for a closed or archived conversation, a visitor
 * without email or who unsubscribed. The ledger (emailed_seq) moves only after the
 * provider accepted the mail, and the idempotency key names the last message in it,
 * so an alarm that runs twice never sends the same messages twice.
 */
export async function sendUnreadEmail(
  env: Env,
  store: ConversationStore,
  conv: Conversation,
): Promise<'sent' | 'nothing'> {
  if (conv.status === 'closed' || conv.archivedAt) return 'nothing';
  const unread = toVisitorMessages(store.unreadForEmail());
  if (!unread.length) return 'nothing';
  const db = getDb(env.DB);
  const [visitor, site] = await Promise.all([
    db.query.visitors.findFirst({ where: eq(visitors.id, conv.visitorId) }),
    db.query.sites.findFirst({ where: eq(sites.id, conv.siteId) }),
  ]);
  if (!visitor?.email || visitor.unsubscribedAt || !site) return 'nothing';
  const base = publicBase(env);
  const last = unread.at(-1)!.seq;
  const mail = unreadRepliesEmail(
    site.name,
    unread,
    // The link carries a continuation token: it opens this conversation on whatever device reads the email.
    continueUrl(
      visitor.currentUrl ?? visitor.landingUrl,
      site.allowedOrigins,
      base,
      await continuationToken(env, { visitorId: visitor.id, siteId: site.id, conversationId: conv.id }),
    ),
    await unsubscribeUrl(env, base, visitor.id),
  );
  await emailProvider(env).send({
    ...mail,
    workspaceId: site.workspaceId,
    to: visitor.email,
    from: env.EMAIL_FROM,
    replyTo: await replyAddress(env, conv.id),
    idempotencyKey: `unread/${conv.id}/${last}`,
    headers: { 'List-Unsubscribe': `<${await unsubscribeUrl(env, base, visitor.id)}>` },
  });
  store.markEmailed(last);
  return 'sent';
}
