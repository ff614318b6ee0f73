import type { Conversation, Message } from '../protocol';

/** What the ConversationDO knows about itself (set once by init). */
export type ConversationMeta = {
  id: string; workspaceId: string; siteId: string; createdAt: string;
  visitor: { id: string; name: string | null; email: string | null };
};

/** A message to append; seq and id are assigned by the store. */
export type NewMessage = Omit<Message, 'id' | 'seq' | 'createdAt'>;

type MessageRow = {
  seq: number; id: string; client_id: string | null; sender_type: string; sender_id: string | null;
  sender_name: string | null; kind: string; body: string; created_at: string;
};

const toMessage = (r: MessageRow): Message => ({
  id: r.id, seq: r.seq, ...(r.client_id ? { clientId: r.client_id } : {}),
  sender: { type: r.sender_type as Message['sender']['type'], ...(r.sender_id ? { id: r.sender_id } : {}), ...(r.sender_name ? { name: r.sender_name } : {}) },
  kind: r.kind as Message['kind'], body: r.body, createdAt: r.created_at,
});

/**
 * The conversation's own SQLite: the source of truth for its messages. Every method
 * is synchronous, so a caller that appends before its first await holds ordering
 * (and the output gate holds its ack until the write is durable).
 */
export class ConversationStore {
  #sql: SqlStorage;
  #storage: DurableObjectStorage;

  constructor(storage: DurableObjectStorage) {
    this.#storage = storage;
    this.#sql = storage.sql;
    this.#sql.exec(`
      CREATE TABLE IF NOT EXISTS meta (
        id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, site_id TEXT NOT NULL, created_at TEXT NOT NULL,
        visitor_id TEXT NOT NULL, visitor_name TEXT, visitor_email TEXT,
        status TEXT NOT NULL DEFAULT 'waiting', assignee_id TEXT, archived_at TEXT, updated_at TEXT NOT NULL,
        visitor_read_seq INTEGER NOT NULL DEFAULT 0, agent_read_seq INTEGER NOT NULL DEFAULT 0, rev INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS messages (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL, client_id TEXT, sender_type TEXT NOT NULL, sender_id TEXT,
        sender_name TEXT, kind TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE UNIQUE INDEX IF NOT EXISTS messages_client ON messages(sender_type, sender_id, client_id) WHERE client_id IS NOT NULL;
      CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER);`);
  }

  /** The conversation's identity, or null before init. */
  meta(): ConversationMeta | null {
    const r = this.#sql.exec('SELECT * FROM meta LIMIT 1').toArray()[0];
    if (!r) return null;
    return {
      id: r.id as string, workspaceId: r.workspace_id as string, siteId: r.site_id as string, createdAt: r.created_at as string,
      visitor: { id: r.visitor_id as string, name: r.visitor_name as string | null, email: r.visitor_email as string | null },
    };
  }

  /** Record who this conversation belongs to; idempotent. */
  init(m: ConversationMeta) {
    this.#sql.exec(
      `INSERT OR IGNORE INTO meta (id, workspace_id, site_id, created_at, visitor_id, visitor_name, visitor_email, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      m.id, m.workspaceId, m.siteId, m.createdAt, m.visitor.id, m.visitor.name, m.visitor.email, m.createdAt);
  }

  /** The message a sender already stored under this clientId, if any (for retries). */
  findByClientId(senderType: string, senderId: string, clientId: string): Message | null {
    const r = this.#sql.exec<MessageRow>('SELECT * FROM messages WHERE sender_type = ? AND sender_id = ? AND client_id = ?',
      senderType, senderId, clientId).toArray()[0];
    return r ? toMessage(r) : null;
  }

  /** Append a message with the next gapless seq, queue its projection, and bump rev; one transaction. */
  append(m: NewMessage, opts: { unarchive: boolean }): { message: Message; unarchived: boolean } {
    return this.#storage.transactionSync(() => {
      const createdAt = new Date().toISOString();
      const id = `msg_${crypto.randomUUID().replaceAll('-', '')}`;
      const row = this.#sql.exec<MessageRow>(
        `INSERT INTO messages (seq, id, client_id, sender_type, sender_id, sender_name, kind, body, created_at)
         VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM messages), ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        id, m.clientId ?? null, m.sender.type, m.sender.id ?? null, m.sender.name ?? null, m.kind, m.body, createdAt).one();
      this.#sql.exec('INSERT INTO outbox (seq) VALUES (?)', row.seq);
      const archived = this.#sql.exec('SELECT archived_at FROM meta').one().archived_at !== null;
      const unarchived = opts.unarchive && archived;
      this.#sql.exec(`UPDATE meta SET updated_at = ?, rev = rev + 1${unarchived ? ', archived_at = NULL' : ''}`, createdAt);
      return { message: toMessage(row), unarchived };
    });
  }

  /** Messages after a seq, oldest first (notes only for agents). */
  after(seq: number, viewer: 'visitor' | 'agent'): Message[] {
    return this.#sql.exec<MessageRow>(`SELECT * FROM messages WHERE seq > ? ${viewer === 'visitor' ? "AND kind != 'note'" : ''} ORDER BY seq`, seq)
      .toArray().map(toMessage);
  }

  /** One page of history before a seq, returned oldest first. */
  page(q: { before?: number; limit: number; viewer: 'visitor' | 'agent' }) {
    const rows = this.#sql.exec<MessageRow>(
      `SELECT * FROM messages WHERE seq < ? ${q.viewer === 'visitor' ? "AND kind != 'note'" : ''} ORDER BY seq DESC LIMIT ?`,
      q.before ?? Number.MAX_SAFE_INTEGER, q.limit + 1).toArray();
    return { messages: rows.slice(0, q.limit).reverse().map(toMessage), hasMore: rows.length > q.limit };
  }

  /** Move one side's read marker forward (never back, never past the last message); true if it moved. */
  markRead(side: 'visitor' | 'agent', seq: number): number | null {
    const col = side === 'visitor' ? 'visitor_read_seq' : 'agent_read_seq';
    const last = this.lastSeq();
    const target = Math.min(seq, last);
    const moved = this.#sql.exec(`UPDATE meta SET ${col} = ?, rev = rev + 1 WHERE ${col} < ? RETURNING ${col}`, target, target).toArray();
    if (!moved.length) return null;
    this.#sql.exec('INSERT INTO outbox (seq) VALUES (NULL)');
    return target;
  }

  /** Archive or restore; false when it already was so. */
  setArchived(archived: boolean): boolean {
    const now = new Date().toISOString();
    const changed = this.#sql.exec(
      `UPDATE meta SET archived_at = ?, updated_at = ?, rev = rev + 1 WHERE (archived_at IS NULL) = ? RETURNING rev`,
      archived ? now : null, now, archived ? 1 : 0).toArray();
    if (changed.length) this.#sql.exec('INSERT INTO outbox (seq) VALUES (NULL)');
    return changed.length > 0;
  }

  /** The highest seq stored (0 when empty). */
  lastSeq(): number {
    return this.#sql.exec<{ s: number }>('SELECT COALESCE(MAX(seq), 0) AS s FROM messages').one().s;
  }

  /** The conversation as clients see it, computed from the messages and markers. */
  snapshot(): Conversation {
    const m = this.#sql.exec('SELECT * FROM meta LIMIT 1').one();
    const counts = this.#sql.exec<{ last: number; total: number; vu: number; au: number }>(
      `SELECT COALESCE(MAX(seq), 0) AS last, COUNT(*) FILTER (WHERE kind != 'system') AS total,
         COUNT(*) FILTER (WHERE seq > ? AND sender_type = 'agent' AND kind != 'note') AS vu,
         COUNT(*) FILTER (WHERE seq > ? AND sender_type = 'visitor') AS au FROM messages`,
      m.visitor_read_seq, m.agent_read_seq).one();
    const lastVisible = this.#sql.exec<MessageRow>("SELECT * FROM messages WHERE kind != 'note' ORDER BY seq DESC LIMIT 1").toArray()[0];
    return {
      id: m.id as string, siteId: m.site_id as string, visitorId: m.visitor_id as string,
      visitor: { id: m.visitor_id as string, name: m.visitor_name as string | null, email: m.visitor_email as string | null },
      status: m.status as Conversation['status'], assigneeId: m.assignee_id as string | null,
      archivedAt: m.archived_at as string | null, createdAt: m.created_at as string, updatedAt: m.updated_at as string,
      lastMessageAt: lastVisible?.created_at ?? (m.created_at as string),
      lastMessagePreview: lastVisible ? lastVisible.body.slice(0, 140) : null,
      lastMessageSender: (lastVisible?.sender_type as Conversation['lastMessageSender']) ?? null,
      lastSeq: counts.last, messageCount: counts.total, visitorUnread: counts.vu, agentUnread: counts.au,
      visitorReadSeq: m.visitor_read_seq as number, agentReadSeq: m.agent_read_seq as number, rev: m.rev as number,
    };
  }

  /** What the D1 projection still owes: messages not yet copied, up to outbox id `upTo`. */
  pendingProjection(): { upTo: number; messages: Message[] } | null {
    const top = this.#sql.exec<{ id: number | null }>('SELECT MAX(id) AS id FROM outbox').one().id;
    if (top === null) return null;
    const messages = this.#sql.exec<MessageRow>(
      'SELECT m.* FROM messages m JOIN outbox o ON o.seq = m.seq WHERE o.id <= ? ORDER BY m.seq', top).toArray().map(toMessage);
    return { upTo: top, messages };
  }

  /** Forget outbox entries that D1 has accepted. */
  clearOutbox(upTo: number) {
    this.#sql.exec('DELETE FROM outbox WHERE id <= ?', upTo);
  }
}
