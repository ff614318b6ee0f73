// Pure helpers that keep a conversation's messages ordered and free of duplicates,
// whatever order history pages, replays and live frames arrive in.
import type { Message } from '../../../protocol';

/** A message this agent typed that the server has not acknowledged yet. */
export type PendingMessage = {
  clientId: string;
  body: string;
  kind: 'text' | 'note';
  createdAt: string;
  /** queued: waiting for a connection; sending: on the wire; failed: the server refused it. */
  state: 'queued' | 'sending' | 'failed';
  error?: string;
};

/** Merges messages by seq (later copies win, so a deletion frame replaces the message) and returns them in ascending seq order. */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return existing as Message[];
  const bySeq = new Map<number, Message>();
  for (const m of existing) bySeq.set(m.seq, m);
  for (const m of incoming) {
    // A deletion is final: a history page fetched before it must not bring the text back.
    if (bySeq.get(m.seq)?.deletedAt && !m.deletedAt) continue;
    bySeq.set(m.seq, m);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Highest seq in a list, 0 when empty: the `after` to resume from. */
export function highestSeq(messages: readonly Message[]): number {
  let max = 0;
  for (const m of messages) if (m.seq > max) max = m.seq;
  return max;
}

/** Drops pending messages that already arrived as stored messages (matched by clientId). */
export function settlePending(pending: readonly PendingMessage[], messages: readonly Message[]): PendingMessage[] {
  if (pending.length === 0) return pending as PendingMessage[];
  const stored = new Set(messages.map((m) => m.clientId).filter(Boolean));
  const left = pending.filter((p) => !stored.has(p.clientId));
  return left.length === pending.length ? (pending as PendingMessage[]) : left;
}

/** Turns an acknowledged pending message into the stored message the server will also broadcast. */
export function messageFromAck(
  pending: PendingMessage,
  ack: { id: string; seq: number },
  author: { id: string; name: string },
): Message {
  return {
    id: ack.id,
    seq: ack.seq,
    clientId: pending.clientId,
    sender: { type: 'agent', id: author.id, name: author.name },
    kind: pending.kind,
    body: pending.body,
    createdAt: pending.createdAt,
  };
}

/** Pending messages that should go (again) on a fresh connection; the server dedupes by clientId. */
export function unsentPending(pending: readonly PendingMessage[]): PendingMessage[] {
  return pending.filter((p) => p.state !== 'failed');
}

/** Sets the delivery state of one pending message. */
export function markPending(
  pending: readonly PendingMessage[],
  clientId: string,
  state: PendingMessage['state'],
  error?: string,
): PendingMessage[] {
  return pending.map((p) => (p.clientId === clientId ? { ...p, state, error } : p));
}
