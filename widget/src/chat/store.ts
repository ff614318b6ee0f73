// The widget's message state as pure functions over client/messages (the merge and pending rules shared with the
// console): pending bubbles keyed by clientId, the offline outbox, the rows to render. DOM-free: tested in node.
import type { VisitorMessage as Message } from '../../../protocol';
import { highestSeq, markPending, mergeBySeq, settlePending, toResend, type Pending } from '../../../client/messages';

export type { Pending };

/** What a bubble of the visitor's own shows (data-state): on its way, stored, or refused. */
export type DeliveryState = 'sending' | 'sent' | 'failed';

/** Immutable chat state: stored messages in ascending seq, plus the visitor's pending ones in writing order. */
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
  id?: string;
  /** Edited by its author: shown with "edited". */
  edited?: boolean;
  /** The visitor's own text no agent answered yet: editable within EDIT_MS of its sending (docs/protocol.md). */
  editable?: boolean;
};

/** The state before anything is known. */
export const emptyChat: ChatState = { messages: [], pending: [] };

/**
 * Merges messages from history, replay or live frames by client/messages' one rule (never a duplicate seq, the newer
 * copy wins, a deletion is final), drops notes, and settles the pending messages that came back stored.
 */
export function mergeMessages(s: ChatState, incoming: readonly Message[]): { state: ChatState; added: Message[] } {
  // Notes never reach visitors (the server guarantees it); drop them anyway, defensively.
  const { messages, added } = mergeBySeq(
    s.messages,
    incoming.filter((m) => m && (m.kind as string) != 'note'),
  );
  return { state: messages == s.messages ? s : { messages, pending: settlePending(s.pending, messages) }, added };
}

/** Adds a freshly written message; a clientId already known (pending or stored) is ignored. */
export function addPending(s: ChatState, p: Pending): ChatState {
  if (s.pending.some((x) => x.clientId === p.clientId) || s.messages.some((m) => m.clientId === p.clientId)) return s;
  return { ...s, pending: [...s.pending, p] };
}

/** Sets the state of one pending message (unknown clientIds change nothing). */
export const setPending = (s: ChatState, clientId: string, state: Pending['state'], error?: string): ChatState =>
  s.pending.some((p) => p.clientId == clientId) ? { ...s, pending: markPending(s.pending, clientId, state, error) } : s;

/**
 * The server stored the message: it stops being pending and becomes a message built from the ack (the server's own
 * copy replaces it when its `message` frame arrives, or is already there).
 */
export function ackPending(s: ChatState, clientId: string, seq: number, id: string): ChatState {
  const p = s.pending.find((x) => x.clientId == clientId);
  if (!p) return s;
  const own: Message = {
    id,
    seq,
    clientId,
    body: p.body,
    createdAt: p.createdAt,
    kind: 'text',
    sender: { type: 'visitor' },
  };
  const known = s.messages.some((m) => m.seq == seq);
  return {
    messages: known ? s.messages : mergeBySeq(s.messages, [own]).messages,
    pending: s.pending.filter((x) => x != p),
  };
}

/** Every message not refused yet failed with `error` (its conversation could not start): each gets its Retry button. */
export function failAll(s: ChatState, error: string): ChatState {
  return s.pending.some((p) => p.state != 'failed')
    ? { ...s, pending: s.pending.map((p) => (p.state != 'failed' ? { ...p, state: 'failed', error } : p)) }
    : s;
}

/** Messages to (re)send after a hello: everything the server has not refused (client/messages' rule). */
export const toSend = (s: ChatState): Pending[] => toResend(s.pending);

/** Highest stored seq: what a reconnect resumes after. */
export const lastSeq = (s: ChatState): number => highestSeq(s.messages);

/** Lowest stored seq, for loading older history. */
export function firstSeq(s: ChatState): number | undefined {
  return s.messages[0]?.seq;
}

/** Agent messages after the visitor's read mark: the server's one unread rule (worker/src/conversations/snapshot.ts). */
export function unreadCount(s: ChatState, readSeq: number): number {
  // System lines (claimed, resolved...) are not something to read, nor a reply its author deleted (notes never arrive).
  return s.messages.filter((m) => m.seq > readSeq && m.sender.type == 'agent' && m.kind != 'system' && !m.deletedAt)
    .length;
}

/** Serialises the outbox: messages the server has not stored yet survive a reload. */
export function serializeOutbox(s: ChatState): string | null {
  // The replacer list keeps only these fields (the state is rebuilt on load).
  return s.pending.length ? JSON.stringify(s.pending, ['clientId', 'body', 'createdAt', 'error']) : null;
}

/** Reads a stored outbox back, tolerating anything malformed; everything is queued again (or failed if it never can go). */
export function parseOutbox(raw: string | null): Pending[] {
  try {
    const list: Pending[] = JSON.parse(raw!);
    return list
      .filter((p) => p?.clientId && p.body && typeof p.clientId == 'string' && typeof p.body == 'string')
      .map(({ clientId, body, createdAt, error }) => {
        const dead = error === 'too_large';
        return {
          clientId,
          body,
          createdAt: typeof createdAt == 'string' ? createdAt : new Date().toISOString(),
          state: dead ? 'failed' : 'queued',
          error: dead ? error : undefined,
        };
      });
  } catch {
    // null, not JSON, not a list: nothing to resend.
    return [];
  }
}

/** The rows to render: stored messages by seq, then the pending ones in writing order (queued ones show as sending). */
export function toItems(s: ChatState): Item[] {
  // The newest agent text or file: the visitor's messages before it are answered, so no longer editable.
  let answered = 0;
  for (const m of s.messages) if (m.sender.type == 'agent' && m.kind != 'system') answered = m.seq;
  const rows: Item[] = s.messages.map((m) => ({
    ...m,
    key: m.clientId || 's' + m.seq,
    // A system line renders centered and muted whoever the server names as its sender.
    sender: m.kind == 'system' ? 'system' : m.sender.type,
    name: m.sender.name,
    state: m.sender.type == 'visitor' ? 'sent' : undefined,
    deleted: !!m.deletedAt,
    edited: !!m.editedAt,
    editable: m.sender.type == 'visitor' && m.kind == 'text' && !m.deletedAt && m.seq > answered,
  }));
  for (const p of s.pending)
    rows.push({
      ...p,
      key: p.clientId,
      sender: 'visitor',
      kind: 'text',
      state: p.state == 'failed' ? 'failed' : 'sending',
    });
  return rows;
}
