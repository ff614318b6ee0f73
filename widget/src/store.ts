// The widget's message state as pure functions: merge by seq, pending bubbles keyed by clientId, the offline outbox.
// Framework-free and DOM-free so that it can be unit tested in plain node.
import type { Message } from '../../worker/src/protocol';

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
};

/** The state before anything is known. */
export const emptyChat: ChatState = { messages: [], pending: [] };

/** Merges messages from history, replay or live frames: never duplicates a seq, drops notes, retires matching pending bubbles. */
export function mergeMessages(s: ChatState, incoming: readonly Message[]): { state: ChatState; added: Message[] } {
  const bySeq = new Map<number, Message>();
  for (const m of s.messages) bySeq.set(m.seq, m);
  const added: Message[] = [];
  for (const m of incoming) {
    // Notes never reach visitors (the server guarantees it); drop them anyway, defensively.
    if (!m || m.kind === 'note' || typeof m.seq !== 'number' || bySeq.has(m.seq)) continue;
    bySeq.set(m.seq, m);
    added.push(m);
  }
  if (!added.length) return { state: s, added };
  const ids = new Set<string>();
  const seqs = new Set<number>();
  for (const m of added) {
    if (m.clientId) ids.add(m.clientId);
    seqs.add(m.seq);
  }
  const messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  const pending = s.pending.filter((p) => !ids.has(p.clientId) && !(p.seq !== undefined && seqs.has(p.seq)));
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
  return s.messages.length ? s.messages[s.messages.length - 1].seq : 0;
}

/** Lowest confirmed seq, for loading older history. */
export function firstSeq(s: ChatState): number | undefined {
  return s.messages[0]?.seq;
}

/** Agent messages (not system lines) after the visitor's read mark. */
export function unreadCount(s: ChatState, readSeq: number): number {
  let n = 0;
  // System lines (claimed, resolved...) are not something the visitor must read.
  for (const m of s.messages) if (m.seq > readSeq && m.sender.type === 'agent' && m.kind !== 'system') n++;
  return n;
}

/** Serialises the outbox: messages the server has not acked yet survive a reload. */
export function serializeOutbox(s: ChatState): string | null {
  const out = s.pending
    .filter((p) => p.state !== 'sent')
    .map(({ clientId, body, createdAt, error }) => ({ clientId, body, createdAt, error }));
  return out.length ? JSON.stringify(out) : null;
}

/** Reads a stored outbox back, tolerating anything malformed; everything restarts as `sending` (or failed if it never can). */
export function parseOutbox(raw: string | null): Pending[] {
  if (!raw) return [];
  try {
    const list: unknown = JSON.parse(raw);
    if (!Array.isArray(list)) return [];
    return list
      .filter((p) => p && typeof p.clientId === 'string' && typeof p.body === 'string' && p.clientId && p.body)
      .map((p) => ({
        clientId: p.clientId,
        body: p.body,
        createdAt: typeof p.createdAt === 'string' ? p.createdAt : new Date().toISOString(),
        state: p.error === 'too_large' ? 'failed' : 'sending',
        error: p.error === 'too_large' ? p.error : undefined,
      }));
  } catch {
    return [];
  }
}

/** The rows to render: confirmed messages and acked pending ones by seq, then the unacked ones in writing order. */
export function toItems(s: ChatState): Item[] {
  const rows: Item[] = s.messages.map((m) => ({
    key: m.clientId || 's' + m.seq,
    seq: m.seq,
    // A system line renders centered and muted whoever the server names as its sender.
    sender: m.kind === 'system' ? 'system' : m.sender.type,
    name: m.sender.name,
    body: m.body,
    createdAt: m.createdAt,
    kind: m.kind,
    file: m.file,
    state: m.sender.type === 'visitor' ? 'sent' : undefined,
    clientId: m.clientId,
  }));
  for (const p of s.pending) {
    rows.push({ key: p.clientId, seq: p.seq, sender: 'visitor', body: p.body, createdAt: p.createdAt, kind: 'text', state: p.state, clientId: p.clientId, error: p.error });
  }
  // Stable sort: rows without a seq keep their order at the end.
  return rows
    .map((r, i) => [r, i] as const)
    .sort((a, b) => (a[0].seq ?? Infinity) - (b[0].seq ?? Infinity) || a[1] - b[1])
    .map(([r]) => r);
}
