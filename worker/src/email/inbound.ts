import PostalMime from 'postal-mime';
import { findBlock } from '../blocks/enforce';
import { findConversationById } from '../conversations';
import { getDb } from '../db/client';
import { plainText } from '../lib/clean';
import { log } from '../lib/log';
import { conversationOfReplyAddress } from './links';
import { readAtMost } from '../files/upload';
import { stripReply } from './reply-text';
import { findSiteVisitor } from '../widget';

/** Email Routing's largest message (25 MiB); nothing larger is read. */
export const INBOUND_MAX_BYTES = 25 * 1024 * 1024;

/** The part of an incoming email the handler needs (ForwardableEmailMessage has more). */
export type InboundEmail = {
  to: string;
  from: string;
  raw: ReadableStream | ArrayBuffer | string;
  setReject?(reason: string): void;
};

/** The bare address of an envelope sender ("Kim <kim@example.com>" or "kim@example.com"). */
const senderAddress = (from: string) => (/<([^>]+)>/.exec(from)?.[1] ?? from).trim();

/**
 * A visitor answered an unread-reply email: check the reply address's signature,
 * keep only the new text (no quoted history, no signature block) and post it to the
 * conversation as the visitor's message, which reaches the console live.
 * Unsigned or forged addresses are dropped and logged.
 */
export async function handleInboundEmail(env: Env, email: InboundEmail): Promise<'posted' | 'dropped'> {
  const conversationId = await conversationOfReplyAddress(env, email.to);
  if (!conversationId) {
    // The address itself is not logged: it is whatever a sender wrote.
    log.warn('email.inbound_dropped', { reason: 'unsigned_address' });
    email.setReject?.('Unknown recipient');
    return 'dropped';
  }
  const db = getDb(env.DB);
  const conv = await findConversationById(db, conversationId);
  if (!conv) {
    log.warn('email.inbound_dropped', { conversationId, reason: 'no_conversation' });
    return 'dropped';
  }
  // A blocked visitor's reply (by visitor id, their stored email or the sender's address, or their last IP, as
  // an email has none of its own) is dropped unread.
  const ip = (await findSiteVisitor(db, conv.siteId, conv.visitorId))?.lastIp ?? null;
  if (await findBlock(env, conv.siteId, { visitorId: conv.visitorId, email: senderAddress(email.from), ip })) {
    log.warn('email.inbound_dropped', { conversationId, reason: 'blocked' });
    return 'dropped';
  }
  let raw: string | ArrayBuffer | Uint8Array;
  try {
    // Read no further than Email Routing's own maximum: a larger stream is refused, not buffered whole.
    raw =
      typeof email.raw === 'string' || email.raw instanceof ArrayBuffer
        ? email.raw
        : await readAtMost(email.raw, INBOUND_MAX_BYTES);
  } catch {
    log.warn('email.inbound_dropped', { conversationId, reason: 'too_large' });
    email.setReject?.('Message too large');
    return 'dropped';
  }
  const parsed = await PostalMime.parse(raw);
  // The sender cannot be refused anything: NUL and control characters are dropped, lone surrogates replaced.
  const body = stripReply(plainText(parsed.text ?? (parsed.html ?? '').replace(/<[^>]+>/g, ' ')));
  if (!body) {
    log.warn('email.inbound_dropped', { conversationId, reason: 'empty' });
    return 'dropped';
  }
  const posted = await env.CONVERSATIONS.getByName(conversationId).post(
    { role: 'visitor', id: conv.visitorId, name: conv.visitor?.name ?? null },
    { kind: 'text', body },
  );
  return posted.ok ? 'posted' : 'dropped';
}
