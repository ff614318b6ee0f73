// The widget's message state as pure functions: merge by seq, pending bubbles keyed by clientId, the offline outbox.
// Framework-free and DOM-free so that it can be unit tested in plain node.
import type { VisitorMessage as Message } from '../../../protocol';

/** Delivery state of one of the visitor's own messages. */
export type DeliveryState = 'sending' | 'sent' | 'failed';

/** A message the visitor wrote that has not come back from the server as a `message` frame yet. */
export type Pending = {
  clientId: string;
  body: string;
  createdAt: string;
  state: DeliveryState;
  /** Known once acked. */
  seq?: number;
  /** Error code of the last failure (rate_limited, too_large, ...). */
  error?: string;
};

/** Immutable chat state: confirmed messages in ascending seq, plus the visitor's pending ones in writing order. */
export type ChatState = { readonly messages: readonly Message[]; readonly pending: readonly Pending[] };

/** One row of the message list, ready to render. */
export type Item = {
  key: string;
  seq?: number;
  sender: 'visitor' | 'agent' | 'system';
  name?: string;
  body: string;
  createdAt: string;
  kind: Message['kind'];
  file?: Message['file'];
  /** Only on the visitor's own messages. */
  state?: DeliveryState;
  clientId?: string;
  error?: string;
  /** Deleted by its author: shown as "Message deleted". */
  deleted?: boolean;
};

/** The state before anything is known. */
export const emptyChat: ChatState = { messages: [], pending: [] };

/**
 * Merges messages from history, replay or live frames: never duplicates a seq, drops notes, retires matching pending
 * bubbles. A known seq is replaced only by its deletion (same id, deletedAt set, body empty); that is not "added".
 */
export function mergeMessages(s: ChatState, incoming: readonly Message[]): { state: ChatState; added: Message[] } {
  const bySeq = new Map<number, Message>();
  for (const m of s.messages) bySeq.set(m.seq, m);
  const added: Message[] = [];
  let deleted = false;
  for (const m of incoming) {
    // Notes never reach visitors (the server guarantees it); drop them anyway, defensively.
    if (!m || (m.kind as string) === 'note' || typeof m.seq !== 'number') continue;
    const old = bySeq.get(m.seq);
    if (!old) added.push(m);
    else if (m.deletedAt && !old.deletedAt && m.id === old.id) deleted = true;
    else continue;
    bySeq.set(m.seq, m);
  }
  if (!added.length && !deleted) return { state: s, added };
  const messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  // A deletion only ever hits a stored message: pending bubbles are retired by what was added.
  const pending = s.pending.filter((p) => !added.some((m) => (m.clientId && m.clientId === p.clientId) || m.seq === p.seq));
  return { state: { messages, pending }, added };
}

/** Adds a freshly written message; a clientId already known (pending or confirmed) is ignored. */
export function addPending(s: ChatState, p: Pending): ChatState {
  if (s.pending.some((x) => x.clientId === p.clientId) || s.messages.some((m) => m.clientId === p.clientId)) return s;
  return { ...s, pending: [...s.pending, p] };
}

function patch(s: ChatState, clientId: string, f: (p: Pending) => Pending): ChatState {
  if (!s.pending.some((p) => p.clientId === clientId)) return s;
  return { ...s, pending: s.pending.map((p) => (p.clientId === clientId ? f(p) : p)) };
}

/** The server stored the message: mark it sent (or retire it when its `message` already arrived). */
export function ackPending(s: ChatState, clientId: string, seq: number): ChatState {
  if (s.messages.some((m) => m.seq === seq)) return { ...s, pending: s.pending.filter((p) => p.clientId !== clientId) };
  return patch(s, clientId, (p) => ({ ...p, state: 'sent', seq, error: undefined }));
}

/** The server refused the message (rate limited, too large, closed): keep it, marked failed and retryable. */
export function failPending(s: ChatState, clientId: string, error: string): ChatState {
  return patch(s, clientId, (p) => (p.state === 'sent' ? p : { ...p, state: 'failed', error }));
}

/** Every message still sending failed (its conversation could not start): each gets its Retry button. */
export function failSending(s: ChatState, error: string): ChatState {
  return s.pending.some((p) => p.state === 'sending') ? { ...s, pending: s.pending.map((p) => (p.state === 'sending' ? { ...p, state: 'failed', error } : p)) } : s;
}

/** Puts a failed message back in the queue. */
export function retryPending(s: ChatState, clientId: string): ChatState {
  return patch(s, clientId, (p) => (p.state === 'failed' ? { ...p, state: 'sending', error: undefined } : p));
}

/** Messages to (re)send after a hello: everything not acked, except what can never succeed. */
export function toSend(s: ChatState): Pending[] {
  return s.pending.filter((p) => p.state !== 'sent' && p.error !== 'too_large');
}

/** Highest confirmed seq: what a reconnect resumes after (acks do not count, so our own messages are replayed too). */
export function lastSeq(s: ChatState): number {
  return s.messages.at(-1)?.seq || 0;
}

/** Lowest confirmed seq, for loading older history. */
export function firstSeq(s: ChatState): number | undefined {
  return s.messages[0]?.seq;
}

/** Agent messages after the visitor's read mark: the server's one unread rule (worker/src/conversations/snapshot.ts). */
export function unreadCount(s: ChatState, readSeq: number): number {
  // System lines (claimed, resolved...) are not something to read, nor a reply its author deleted (notes never arrive).
  return s.messages.filter((m) => m.seq > readSeq && m.sender.type == 'agent' && m.kind != 'system' && !m.deletedAt).length;
}

/** Serialises the outbox: messages the server has not acked yet survive a reload. */
export function serializeOutbox(s: ChatState): string | null {
  const out = s.pending.filter((p) => p.state !== 'sent');
  // The replacer list keeps only these fields (state and seq are rebuilt on load).
  return out.length ? JSON.stringify(out, ['clientId', 'body', 'createdAt', 'error']) : null;
}

/** Reads a stored outbox back, tolerating anything malformed; everything restarts as `sending` (or failed if it never can). */
export function parseOutbox(raw: string | null): Pending[] {
  try {
    const list: Pending[] = JSON.parse(raw!);
    return list
      .filter((p) => p && p.clientId && p.body && typeof p.clientId == 'string' && typeof p.body == 'string')
      .map(({ clientId, body, createdAt, error }) => {
        const dead = error === 'too_large';
        return { clientId, body, createdAt: typeof createdAt == 'string' ? createdAt : new Date().toISOString(), state: dead ? 'failed' : 'sending', error: dead ? error : undefined };
      });
  } catch {
    // null, not JSON, not a list: nothing to resend.
    return [];
  }
}

/** The rows to render: confirmed messages and acked pending ones by seq, then the unacked ones in writing order. */
export function toItems(s: ChatState): Item[] {
  const rows: Item[] = s.messages.map((m) => ({
    ...m,
    key: m.clientId || 's' + m.seq,
    // A system line renders centered and muted whoever the server names as its sender.
    sender: m.kind == 'system' ? 'system' : m.sender.type,
    name: m.sender.name,
    state: m.sender.type == 'visitor' ? 'sent' : undefined,
    deleted: !!m.deletedAt,
  }));
  for (const p of s.pending) rows.push({ ...p, key: p.clientId, sender: 'visitor', kind: 'text' });
  // Array#sort is stable (ES2019): rows without a seq keep their order at the end (Infinity - Infinity is NaN, read as 0).
  return rows.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity));
}
