// The conversation socket of a Chat: connecting with resume, handling frames, the paced outbox, read receipts.
import type { VisitorConversation as Conversation, VisitorServerFrame as ServerFrame } from '../../protocol';
import { BEARER_PREFIX, SUBPROTOCOL } from '../../protocol/limits';
import { BURST } from './limits';
import { block, refused, session } from './boot';
import type { Chat } from './chat';
import { connection } from './connection';
import { clip, type Page } from './pageTracker';
import { beep } from './sound';
import * as S from './store';

/** Where the visitor is now (the referrer only matters for the session's landing page). */
export const here = (referrer?: boolean): Page => clip({ url: location.href, title: document.title, referrer: referrer ? document.referrer : undefined });

/** Opens the self-healing socket to the current conversation (once). */
export function connect(c: Chat): void {
  if (c.conn) return;
  c.conn = connection({
    target: async (fresh) => {
      // A refused upgrade looks like any failed socket: the session says whether the refusal is for good.
      if (fresh) await session(c).catch((e) => (c.sess.denied && refused(c), Promise.reject(e)));
      const conv = c.conv;
      if (!conv || !c.sess.token) throw new Error('no conversation');
      // Resume after the highest seq we hold: the server replays the gap, mergeMessages drops duplicates.
      const url = `${c.wsBase}/api/widget/conversations/${encodeURIComponent(conv.id)}/ws?after=${S.lastSeq(c.s)}`;
      return { url, protocols: [SUBPROTOCOL, BEARER_PREFIX + c.sess.token] };
    },
    onFrame: (f) => onFrame(c, f),
    onStatus: (st) => c.setStatus(st),
  });
}

function onFrame(c: Chat, f: ServerFrame) {
  switch (f.type) {
    case 'hello':
      setConversation(c, f.conversation);
      flush(c);
      break;
    case 'ack':
      c.update(S.ackPending(c.s, f.clientId, f.seq));
      break;
    case 'message': {
      const { state, added } = S.mergeMessages(c.s, [f.message]);
      c.update(state);
      // System lines (claimed, resolved...) neither beep nor clear the typing indicator.
      for (const m of added) {
        if (m.sender.type !== 'agent' || m.kind === 'system') continue;
        c.typing = null;
        beep();
        c.events.emit('message', { id: m.id, body: m.body, sender: { ...m.sender }, createdAt: m.createdAt });
      }
      break;
    }
    case 'read': {
      const k = f.by == 'agent' ? 'agentReadSeq' : 'readSeq';
      c[k] = Math.max(c[k], f.seq);
      break;
    }
    case 'typing':
      if (f.sender.type !== 'agent') break;
      c.typing = f.on ? f.sender.name || '' : null;
      clearTimeout(c.timers.typing);
      // A lost "typing off" must not leave the indicator on forever.
      if (f.on) c.timers.typing = setTimeout(() => ((c.typing = null), c.changed()), 8000);
      break;
    case 'conversation':
      setConversation(c, f.conversation);
      break;
    case 'error':
      // Blocked: the socket closes next (4403); the panel says chat is unavailable, and nothing reconnects.
      if (f.code == 'chat_unavailable') return block(c);
      if (f.clientId) c.update(S.failPending(c.s, f.clientId, f.code));
      // Every refusal shows (rate_limited above all: the visitor must know to slow down).
      c.showNotice(f.code);
      break;
  }
  c.changed();
}

/** Adopts the server's copy of the conversation (status, assignee, rating, read marks). */
export function setConversation(c: Chat, conv: Conversation): void {
  if (c.conv && c.conv.id !== conv.id) return;
  c.conv = conv;
  // Both marks are always in the server's copy (protocol Conversation).
  c.readSeq = Math.max(c.readSeq, conv.visitorReadSeq);
  c.agentReadSeq = Math.max(c.agentReadSeq, conv.agentReadSeq);
}

/** Resends the outbox after a hello, paced like the server's bucket (burst, then ~1/s) so a long queue is not refused. */
function flush(c: Chat, ids = S.toSend(c.s).map((p) => p.clientId), budget: number = BURST) {
  clearTimeout(c.timers.flush);
  while (ids.length && budget > 0) {
    const p = c.s.pending.find((x) => x.clientId === ids[0]);
    if (p && p.state !== 'sent') {
      if (!push(c, p)) return;
      budget--;
    }
    ids.shift();
  }
  if (ids.length) c.timers.flush = setTimeout(() => flush(c, ids, 1), 1100);
}

/** Sends one pending message; false when the socket is not ready (it stays queued). */
export function push(c: Chat, p: S.Pending): boolean {
  if (p.state === 'failed') c.update(S.retryPending(c.s, p.clientId));
  return !!c.conn?.send({ type: 'send', clientId: p.clientId, body: p.body, kind: 'text' });
}

/** Sends `read` up to the newest seq while the panel is open and the page visible. */
export function markRead(c: Chat): void {
  if (!c.open || c.hidden || document.visibilityState === 'hidden' || !S.unreadCount(c.s, c.readSeq)) return;
  const seq = S.lastSeq(c.s);
  if (c.conn?.send({ type: 'read', seq })) c.readSeq = seq;
}
