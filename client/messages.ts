// Messages and pending messages as pure functions, shared by the widget and the console: history pages,
// replays after a gap and live frames arrive in any order and any number of times.
// Generic over the message shape: the agent's Message and the visitor's VisitorMessage both fit.

/** What merging needs of a stored message. */
export type Seqd = {
  seq: number;
  id: string;
  clientId?: string;
  deletedAt?: string;
  editedAt?: string;
};

/** Where a message the user wrote stands until the server stores it (then it is a message, no longer pending). */
export type PendingState =
  /** Waiting for a connection (written offline, or the socket refused it): resent on the next open. */
  | 'queued'
  /** On the wire, waiting for its ack. */
  | 'sending'
  /** The server refused it (rate_limited, too_large, closed...): it waits for the user's Retry. */
  | 'failed';

/** A message the user wrote that the server has not stored yet, keyed by the clientId the server dedupes on. */
export type Pending = { clientId: string; body: string; createdAt: string; state: PendingState; error?: string };

/**
 * Merges by seq, ascending. The one rule for copies of a known seq: the newer copy wins (a server copy
 * replaces one built from an ack), except that a deletion is final: a copy without deletedAt (a history page
 * fetched before the deletion) never brings a deleted message back, and an edit is never undone: a copy edited
 * earlier or not at all (fetched before the edit) never replaces an edited one (a deletion still does). `added` lists the seqs not known before;
 * `messages` is the same array when nothing changed, so callers can skip a render.
 */
export function mergeBySeq<M extends Seqd>(
  existing: readonly M[],
  incoming: readonly M[],
): { messages: readonly M[]; added: M[] } {
  const bySeq = new Map<number, M>();
  for (const m of existing) bySeq.set(m.seq, m);
  const added: M[] = [];
  let changed = false;
  for (const m of incoming) {
    if (!m || typeof m.seq != 'number') continue;
    const old = bySeq.get(m.seq);
    if (
      old &&
      ((old.deletedAt && !m.deletedAt) ||
        (old.editedAt && !m.deletedAt && (m.editedAt || '') < old.editedAt) ||
        JSON.stringify(old) == JSON.stringify(m))
    )
      continue;
    if (!old) added.push(m);
    bySeq.set(m.seq, m);
    changed = true;
  }
  return { messages: changed ? [...bySeq.values()].sort((a, b) => a.seq - b.seq) : existing, added };
}

/** Highest seq held, 0 when none: the `after` a reconnect resumes from (the server replays the gap). */
export const highestSeq = (messages: readonly Seqd[]): number => messages.reduce((max, m) => Math.max(m.seq, max), 0);

/**
 * The `since` a reconnect resumes from (the server also replays the messages edited or deleted at or after it): the
 * `at` of the last hello, every change after it having reached that socket or being replayed; before any hello, the
 * newest server time among the messages held (they came from one history load, every later change is newer); '' when
 * neither (the server ignores an empty since). Server times only: the browser's clock is never compared with them.
 */
export function resumeSince(messages: readonly (Seqd & { createdAt: string })[], at?: string): string {
  let max = '';
  for (const m of messages) for (const t of [m.createdAt, m.editedAt, m.deletedAt]) if (t && t > max) max = t;
  return at || max;
}

/** Drops pending messages that arrived as stored messages (matched by clientId); the same array when none did. */
export function settlePending<P extends Pending>(pending: readonly P[], messages: readonly Seqd[]): readonly P[] {
  const stored = new Set(messages.map((m) => m.clientId));
  const left = pending.filter((p) => !stored.has(p.clientId));
  return left.length == pending.length ? pending : left;
}

/** Sets one pending message's state (and error, cleared unless given). */
export const markPending = <P extends Pending>(
  pending: readonly P[],
  clientId: string,
  state: PendingState,
  error?: string,
): P[] => pending.map((p) => (p.clientId == clientId ? { ...p, state, error } : p));

/** What goes (again) when the connection opens: everything not refused; the server dedupes retried clientIds. */
export const toResend = <P extends Pending>(pending: readonly P[]): P[] => pending.filter((p) => p.state != 'failed');
