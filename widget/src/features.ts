// The actions behind the panel's forms and the JS API: pre-chat, the offline form, CSAT, transcript, files, identity,
// reset, and the 60 s availability check. Each one reports failures as a notice.
import { apiError, type StartBody, type User } from './api';
import { boot, drop, ensureConversation, loadHistory, refusal, retryBoot, withToken } from './boot';
import type { Chat } from './chat';
import { checkFile } from './files';
import { push, setConversation } from './socket';
import * as S from './store';
import { load, save } from './storage';
import type { Boot } from './loader';

/** Retries a failed message (push puts it back in the queue). */
export function retry(c: Chat, clientId: string): void {
  const p = c.s.pending.find((x) => x.clientId == clientId);
  if (p?.state != 'failed') return;
  push(c, p);
  // Its conversation never started (refused): start it now; the hello sends the outbox.
  if (!c.conv) ensureConversation(c).catch((e) => refusal(e) || retryBoot(c));
  c.changed();
}

/** Loads the page of history before the oldest message shown. */
export function loadOlder(c: Chat): void {
  const first = S.firstSeq(c.s);
  if (first && c.conv) loadHistory(c, c.conv, first).catch(() => undefined);
}

const fail = (c: Chat) => (e: unknown) => {
  c.showNotice(apiError(e)?.code || 'error');
  return false as const;
};

/** Starts the conversation with the pre-chat details (or an offline message); true on success. */
export function startConversation(c: Chat, body: StartBody): Promise<boolean> {
  return ensureConversation(c, body)
    .then(() => {
      c.offlineSent = !!body.message;
      c.changed();
      return true;
    })
    .catch(fail(c));
}

const ratedKey = (c: Chat, id: string) => c.key('rated:' + id);

/** True when the resolved conversation should ask for a rating (never twice: server field and localStorage). */
export const shouldAsk = (c: Chat): boolean =>
  !!c.conv && c.conv.status === 'resolved' && !c.conv.rating && !load(ratedKey(c, c.conv.id)) && c.thanked !== c.conv.id;

/** Sends the CSAT rating of the current conversation. */
export function rate(c: Chat, score: number, comment?: string): Promise<boolean> {
  const conv = c.conv;
  if (!conv) return Promise.resolve(false);
  const done = () => {
    save(ratedKey(c, conv.id), '1');
    c.thanked = conv.id;
    c.changed();
    return true;
  };
  return withToken(c, (t) => c.api.rate(t, conv.id, score, comment || undefined))
    .then((next) => (setConversation(c, next), done()))
    .catch((e) => (apiError(e)?.code == 'already_rated' ? done() : fail(c)(e)));
}

/** Emails the transcript of the (resolved) conversation: the address it went to, or false (the reason shown as a notice). */
export const sendTranscript = (c: Chat, email?: string): Promise<string | false> =>
  withToken(c, (t) => c.api.transcript(t, c.conv!.id, email)).then((r) => r.to, fail(c));

/** Checks and uploads a file (creating the conversation first if needed), with progress in view().upload. */
export async function upload(c: Chat, file: File): Promise<void> {
  const bad = checkFile(file);
  if (bad) return c.showNotice(bad);
  if (c.upload) return;
  c.upload = { name: file.name, pct: 0 };
  c.changed();
  try {
    await ensureConversation(c);
    const id = c.conv!.id;
    const m = await withToken(c, (t) =>
      c.api.upload(t, id, file, (f) => {
        c.upload = { name: file.name, pct: Math.round(f * 100) };
        c.changed();
      }),
    );
    // The same message also arrives as a frame; merging by seq keeps one.
    c.update(S.mergeMessages(c.s, [m]).state);
  } catch (e) {
    fail(c)(e);
  }
  c.upload = null;
  c.changed();
}

const blobs = new Map<string, Promise<string>>();

/** An object URL of an attachment, fetched once with the bearer token (an <img src> cannot carry it). */
export function fileUrl(c: Chat, url: string): Promise<string> {
  let p = blobs.get(url);
  if (!p) {
    p = withToken(c, (t) => c.api.file(t, url)).then((b) => URL.createObjectURL(b));
    p.catch(() => blobs.delete(url));
    blobs.set(url, p);
  }
  return p;
}

/** Parley('identify'): (re)creates the session as this verified user. */
export function identify(c: Chat, u: { userId?: unknown; userHash?: unknown; email?: unknown; name?: unknown }): void {
  if (!u || !u.userId) return console.warn('[parley] identify needs userId and userHash');
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const user: User = { id: String(u.userId), hash: String(u.userHash || ''), email: str(u.email), name: str(u.name) };
  const same = JSON.stringify(user) === JSON.stringify(c.sess.user);
  c.sess.user = user;
  // Before the first session, boot sends the user anyway; the same user again needs nothing.
  if (c.booted && !same) void boot(c);
  else if (c.sess.denied) void boot(c);
}

/** Parley('reset'): forgets the visitor (logout): token, outbox, socket; then a new anonymous session. */
export function reset(c: Chat): void {
  drop(c, true);
  c.sess.forget();
  c.visitor = undefined;
  c.offlineSent = false;
  c.booted = false;
  save(c.key('outbox'), null);
  void boot(c);
}

/** Re-reads settings and availability every 60 s while the page is visible. */
export function watchAvailability(c: Chat, apply: Boot['apply']): void {
  setInterval(() => {
    // Nothing to show while the page is hidden or the site refuses it.
    if (document.visibilityState === 'hidden' || c.sess.denied) return;
    c.api.config(c.site).then((cfg) => {
      c.cfg = cfg;
      apply(cfg);
      c.changed();
    }, () => undefined);
  }, 60000);
}
