// Session and conversation lifecycle of a Chat: boot with retry, the session (and a change of visitor),
// REST calls that renew an expired token, lazy conversation creation, history, page reports.
import type { VisitorConversation as Conversation } from '../../protocol';
import { apiError, type ApiError, type StartBody } from './api';
import type { Chat } from './chat';
import { backoff } from './connection';
import type { Page } from './pageTracker';
import { connect, here, setConversation } from './socket';
import * as S from './store';

/** Creates the session, then loads history and connects (or sends a queued outbox); retries with backoff. */
export async function boot(c: Chat): Promise<void> {
  clearTimeout(c.timers.boot);
  // Nothing (a network coming back, identify) changes a site's refusal of this page: only a reload after the fix does.
  if (unavailable(c)) return;
  try {
    await session(c);
    c.booted = true;
    reportPage(c);
    const conv = c.conv;
    if (conv) {
      await loadHistory(c, conv);
      connect(c);
      // A refused start (rate_limited...) already failed the outbox, with its notice: nothing to retry here.
    } else if (c.s.pending.length) await ensureConversation(c).catch((e) => refusal(e) || Promise.reject(e));
    else c.setStatus('online');
    c.attempt = 0;
  } catch (e) {
    // Too many sessions from this network: say so (the backoff retries), rather than "offline".
    if (apiError(e)?.code == 'rate_limited') c.showNotice('rate_limited');
    retryBoot(c);
  }
}

/** Marks the widget offline and boots again after a backoff, unless the server refused for good (then see refused). */
export function retryBoot(c: Chat): void {
  c.booted = false;
  c.setStatus('offline');
  clearTimeout(c.timers.boot);
  if (c.sess.denied) return refused(c);
  c.timers.boot = setTimeout(() => boot(c), backoff(c.attempt++));
}

/** A 4xx answer (rate_limited, chat_unavailable...): retrying on our own cannot help, unlike a network failure or a 5xx. */
export const refusal = (e: unknown): boolean => (apiError(e)?.status || 500) < 500;

/** Whether the site refuses this page itself (not this visitor): the widget is then hidden. */
export const unavailable = (c: Chat): boolean => c.sess.denied == 'origin_not_allowed' || c.sess.denied == 'not_found';

/**
 * Any request answered `chat_unavailable` (a blocked visitor: 403, or the socket's error frame and close 4403): the
 * panel says "Chat is unavailable." for good (no retry, no reconnect); the launcher stays, so the page looks the same.
 */
export function block(c: Chat): void {
  c.sess.denied = 'chat_unavailable';
  clearTimeout(c.timers.boot);
  refused(c);
}

/**
 * A refusal no retry can change: no more retries, of the boot nor of the socket (identify() boots again). A site that
 * refuses the page itself also tells the page's developer why, in the browser console, and the widget hides.
 */
export function refused(c: Chat): void {
  c.conn?.stop();
  c.conn = undefined;
  if (unavailable(c))
    console.error(
      `[parley] Chat is unavailable on ${location.origin}: ` +
        (c.sess.denied == 'not_found'
          ? `there is no site with the key "${c.site}" (the data-site attribute of the widget's script tag).`
          : `this origin is not allowed to use site ${c.site}. Add ${location.origin} to the site's allowed origins in the console's Settings page.`),
    );
  c.changed();
}

/** POST /session; when it answers with another visitor (identify, reset, refused token), the old conversation is dropped. */
export async function session(c: Chat): Promise<void> {
  const page = here(true);
  const r = await c.sess.open(page);
  // The session carried the current page: a queued report of the same page is done.
  if (c.page?.url == page.url && c.page.title == page.title) c.page = undefined;
  if (r.availability && c.cfg) c.cfg = { ...c.cfg, availability: r.availability };
  if (c.visitor && c.visitor.id !== r.visitor.id) {
    drop(c);
    setTimeout(() => boot(c));
  }
  c.visitor = r.visitor;
  if (!c.conv && r.conversations[0]) setConversation(c, r.conversations[0]);
  c.changed();
}

/** Forgets the conversation, socket and messages (the outbox stays unless `all`). */
export function drop(c: Chat, all?: boolean): void {
  c.conn?.stop();
  c.conn = c.conv = undefined;
  c.update({ messages: [], pending: all ? [] : c.s.pending });
  c.readSeq = c.agentReadSeq = 0;
  c.hasMore = false;
  c.typing = null;
}

/** Runs a REST call with the token, renewing the session once when it has expired. */
export async function withToken<T>(c: Chat, f: (token: string) => Promise<T>): Promise<T> {
  // No token yet sends no header: the 401 renews the session like an expired one.
  try {
    return await f(c.sess.token!);
  } catch (e) {
    if (apiError(e)?.code == 'chat_unavailable') block(c);
    if (apiError(e)?.status != 401) throw e;
    await session(c);
    return f(c.sess.token!);
  }
}

/** Reports a navigation; before the session exists only the latest one is kept, and boot sends it. */
export function reportPage(c: Chat, p?: Page): void {
  if (p) c.page = p;
  const q = c.page;
  if (!q || !c.booted) return;
  c.page = undefined;
  // Best effort: a lost report is corrected by the next navigation or session.
  withToken(c, (t) => c.api.page(t, q)).catch(() => undefined);
}

/** Creates the conversation (once, even when called concurrently) and connects; `body` carries pre-chat or offline details. */
export function ensureConversation(c: Chat, body?: StartBody): Promise<void> {
  if (c.conv) return Promise.resolve(connect(c));
  return (c.creating ||= withToken(c, (t) => c.api.startConversation(t, { ...body, clientKey: c.ck }))
    .then((conv) => {
      setConversation(c, conv);
      connect(c);
      c.changed();
    }, (e) => {
      // A refusal (rate_limited...) shows, and fails the outbox (Retry buttons): the lazy start has no form to show it.
      if (refusal(e)) c.update(S.failSending(c.s, (e as ApiError).code));
      if (apiError(e)) c.showNotice((e as ApiError).code);
      throw e;
    })
    .finally(() => (c.creating = undefined)));
}

/** Loads a page of history (the newest, or the one before `before`). */
export async function loadHistory(c: Chat, conv: Conversation, before?: number): Promise<void> {
  const page = await withToken(c, (t) => c.api.history(t, conv.id, before));
  if (c.conv?.id !== conv.id) return;
  c.update(S.mergeMessages(c.s, page.messages).state);
  c.hasMore = page.hasMore;
  c.changed();
}
