import {
  type Conversation,
  type ConversationDelta,
  type Message,
  type MessageRevision,
  pickDelta,
} from '../../../protocol';
import { migrate } from './do-schema';
import { type EditResult, editMessage, revisions } from './edits';
import type { Editor } from './edit-rules';
import { PROJECTION_BATCH_MAX } from './projection';
import type { Transition } from './lifecycle';
import { deltaOf, type MessageRow, snapshot, toMessage, UNREAD } from './snapshot';
import { SqlMeter } from './sql-meter';

/** What the ConversationDO knows about itself (set once by init). */
export type ConversationMeta = {
  id: string;
  workspaceId: string;
  siteId: string;
  createdAt: string;
  departmentId: string | null;
  idleMs: number;
  emailDelayMs?: number;
  visitor: { id: string; name: string | null; email: string | null };
};

/** A message to append; seq and id are assigned by the store. */
export type NewMessage = Omit<Message, 'id' | 'seq' | 'createdAt'>;

/** Fields an agent may edit directly. */
export type ConversationPatch = Partial<Pick<Conversation, 'priority' | 'tags' | 'notes' | 'departmentId'>>;

const SYSTEM = { type: 'system' as const };

/**
 * The conversation's own SQLite: the source of truth for its messages and state.
 * Every method is synchronous, so a caller that writes before its first await holds
 * ordering (and the output gate holds its ack until the write is durable).
 */
export class ConversationStore {
  #sql: SqlMeter;
  #storage: DurableObjectStorage;

  constructor(storage: DurableObjectStorage, sql = new SqlMeter(storage.sql)) {
    this.#storage = storage;
    this.#sql = sql;
    migrate(storage);
  }

  /** The conversation's identity, or null before init. */
  meta():
    | (ConversationMeta & {
        status: Conversation['status'];
        assigneeId: string | null;
        lastActivityAt: string;
        emailDelayMs: number;
        emailedSeq: number;
        archived: boolean;
      })
    | null {
    // The columns this needs, not `*`: read on every message, and each column costs a crossing into JS.
    const r = this.#sql
      .exec(`SELECT id, workspace_id, site_id, created_at, department_id, idle_ms, visitor_id, visitor_name, visitor_email,
      status, assignee_id, last_activity_at, email_delay_ms, emailed_seq, archived_at FROM meta LIMIT 1`)
      .toArray()[0];
    if (!r) return null;
    return {
      id: r.id as string,
      workspaceId: r.workspace_id as string,
      siteId: r.site_id as string,
      createdAt: r.created_at as string,
      departmentId: r.department_id as string | null,
      idleMs: r.idle_ms as number,
      visitor: {
        id: r.visitor_id as string,
        name: r.visitor_name as string | null,
        email: r.visitor_email as string | null,
      },
      status: r.status as Conversation['status'],
      assigneeId: r.assignee_id as string | null,
      lastActivityAt: (r.last_activity_at ?? r.created_at) as string,
      emailDelayMs: r.email_delay_ms as number,
      emailedSeq: r.emailed_seq as number,
      archived: r.archived_at !== null,
    };
  }

  /** Record who this conversation belongs to; idempotent. */
  init(m: ConversationMeta) {
    this.#sql.exec(
      `INSERT OR IGNORE INTO meta (id, workspace_id, site_id, created_at, visitor_id, visitor_name, visitor_email, updated_at, department_id, idle_ms, last_activity_at, email_delay_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      m.id,
      m.workspaceId,
      m.siteId,
      m.createdAt,
      m.visitor.id,
      m.visitor.name,
      m.visitor.email,
      m.createdAt,
      m.departmentId,
      m.idleMs,
      m.createdAt,
      m.emailDelayMs ?? 300_000,
    );
  }

  /** The message a sender already stored under this clientId, if any (for retries). */
  findByClientId(senderType: string, senderId: string, clientId: string): Message | null {
    const r = this.#sql
      .exec<MessageRow>(
        'SELECT * FROM messages WHERE sender_type = ? AND sender_id = ? AND client_id = ?',
        senderType,
        senderId,
        clientId,
      )
      .toArray()[0];
    return r ? toMessage(r) : null;
  }

  /**
   * Append a message in one transaction: a visitor writing to an archived conversation
   * restores it, to a resolved or closed one reopens it; an agent's first reply claims it
   * (the transition's system message comes first).
   */
  append(
    m: NewMessage,
    transition: Transition | null,
    archived: boolean,
  ): { message: Message; changed: Message[]; stateChanged: boolean } {
    return this.#storage.transactionSync(() => {
      const now = new Date().toISOString();
      const changed = transition ? this.#applyTransition(transition, now) : [];
      // `archived` comes from the caller's meta read: one statement fewer per message.
      const restores = m.sender.type === 'visitor' && archived;
      const stamps =
        m.sender.type === 'visitor'
          ? ', first_visitor_message_at = COALESCE(first_visitor_message_at, ?5)'
          : m.sender.type === 'agent' && m.kind !== 'note'
            ? ', first_agent_reply_at = CASE WHEN first_visitor_message_at IS NOT NULL THEN COALESCE(first_agent_reply_at, ?5) ELSE first_agent_reply_at END'
            : '';
      const message = this.#insert(
        m,
        now,
        `, updated_at = ?5, last_activity_at = ?5, rev = rev + 1${restores ? ', archived_at = NULL' : ''}${stamps}`,
      );
      return { message, changed, stateChanged: restores || changed.length > 0 };
    });
  }

  /** Apply an allowed lifecycle transition and write its system message (and note); returns the new messages. */
  transition(t: Transition): Message[] {
    return this.#storage.transactionSync(() => this.#applyTransition(t, new Date().toISOString()));
  }

  #applyTransition(t: Transition, now: string): Message[] {
    const sets = ['status = ?', 'updated_at = ?', 'last_activity_at = ?', 'rev = rev + 1'];
    const args: unknown[] = [t.status, now, now];
    if (t.assignee !== undefined) {
      sets.push('assignee_id = ?', 'assignee_name = ?');
      args.push(t.assignee?.id ?? null, t.assignee?.name ?? null);
    }
    if (t.stamp === 'claimed') {
      sets.push('first_claimed_at = COALESCE(first_claimed_at, ?)');
      args.push(now);
    }
    if (t.stamp === 'resolved') {
      sets.push('resolved_at = ?');
      args.push(now);
    }
    if (t.stamp === 'closed') {
      sets.push('closed_at = ?');
      args.push(now);
    }
    if (t.stamp === 'reopened') sets.push('resolved_at = NULL', 'closed_at = NULL');
    this.#sql.exec(`UPDATE meta SET ${sets.join(', ')}`, ...args);
    const out = [this.#insert({ sender: SYSTEM, kind: 'system', body: t.system }, now)];
    if (t.note)
      out.push(
        this.#insert(
          { sender: { type: 'agent', id: t.note.by.id, name: t.note.by.name }, kind: 'note', body: t.note.body },
          now,
        ),
      );
    return out;
  }

  /**
   * Insert one message with the next seq and keep the meta row's figures (last seq, count, unread on each
   * side, last customer-facing message) in step, so a snapshot never counts over the messages.
   */
  #insert(m: NewMessage, now: string, moreSets = ''): Message {
    const id = `msg_${crypto.randomUUID().replaceAll('-', '')}`;
    const row = this.#sql
      .exec<MessageRow>(
        `INSERT INTO messages (seq, id, client_id, sender_type, sender_id, sender_name, kind, body, created_at, file)
       VALUES ((SELECT last_seq + 1 FROM meta), ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        id,
        m.clientId ?? null,
        m.sender.type,
        m.sender.id ?? null,
        m.sender.name ?? null,
        m.kind,
        m.body,
        now,
        m.file ? JSON.stringify(m.file) : null,
      )
      .one();
    // The UNREAD rule (snapshot.ts): text and files count; a new message is never deleted, and is past both read markers.
    // One UPDATE of the meta row per message: the caller's own changes (`moreSets`, using ?5 = now) ride along.
    const readable = m.kind === 'text' || m.kind === 'file';
    this.#sql.exec(
      `UPDATE meta SET last_seq = ?1, message_count = message_count + ?2, visitor_unread = visitor_unread + ?3,
         agent_unread = agent_unread + ?4${readable ? ', last_message_seq = ?1' : ''}${moreSets}`,
      row.seq,
      m.kind === 'system' ? 0 : 1,
      readable && m.sender.type === 'agent' ? 1 : 0,
      readable && m.sender.type === 'visitor' ? 1 : 0,
      ...(moreSets ? [now] : []),
    );
    this.#sql.exec('INSERT INTO outbox (seq) VALUES (?)', row.seq);
    return toMessage(row);
  }

  /**
   * Soft-delete an agent's own text or file message: the body is emptied (the file
   * too, by the caller) and deleted_at set; the seq stays so nothing renumbers.
   */
  deleteMessage(
    agentId: string,
    messageId: string,
  ): { message: Message; removedFile: Message['file'] | null } | 'not_found' | 'not_yours' {
    const row = this.#sql.exec<MessageRow>('SELECT * FROM messages WHERE id = ?', messageId).toArray()[0];
    if (!row) return 'not_found';
    if (row.sender_type !== 'agent' || row.sender_id !== agentId || !['text', 'file', 'note'].includes(row.kind))
      return 'not_yours';
    if (row.deleted_at) return { message: toMessage(row), removedFile: null };
    const deleted = this.#sql
      .exec<MessageRow>(
        "UPDATE messages SET body = '', file = NULL, deleted_at = ?1, changed_at = ?1 WHERE id = ?2 RETURNING *",
        new Date().toISOString(),
        messageId,
      )
      .one();
    // An agent's text or file the visitor had not read stops counting; the preview falls back to the one before.
    const counted = row.kind === 'text' || row.kind === 'file';
    this.#sql.exec(
      `UPDATE meta SET rev = rev + 1, visitor_unread = visitor_unread - (?1 AND ?2 > visitor_read_seq),
         last_message_seq = CASE WHEN last_message_seq = ?2 THEN (SELECT seq FROM messages WHERE ${UNREAD} ORDER BY seq DESC LIMIT 1) ELSE last_message_seq END`,
      counted ? 1 : 0,
      row.seq,
    );
    this.#sql.exec('INSERT INTO outbox (seq) VALUES (?)', deleted.seq);
    // A deletion removes the words for agents too: the bodies earlier edits replaced go with it.
    this.#sql.exec('DELETE FROM message_revisions WHERE seq = ?', row.seq);
    return { message: toMessage(deleted), removedFile: toMessage(row).file ?? null };
  }

  /**
   * Erase the conversation's words (a data subject's erasure, docs/privacy.md), in one transaction: every
   * message's body and file emptied and marked deleted (all sides: the visitor's words are quoted in replies),
   * the visitor's name on their messages, the replaced bodies of edits, the notes, the rating comment and the
   * visitor's name and email. Seq, kinds, senders, times and the timings stay, so statistics do not move.
   * Safe to run twice. Returns the messages as they now are.
   */
  erase(now: string): Message[] {
    return this.#storage.transactionSync(() => {
      const rows = this.#sql
        .exec<MessageRow>(
          `UPDATE messages SET body = '', file = NULL, edited_at = NULL, deleted_at = COALESCE(deleted_at, ?),
             sender_name = CASE WHEN sender_type = 'visitor' THEN NULL ELSE sender_name END
           WHERE body != '' OR file IS NOT NULL OR deleted_at IS NULL OR (sender_type = 'visitor' AND sender_name IS NOT NULL)
           RETURNING *`,
          now,
        )
        .toArray();
      this.#sql.exec('DELETE FROM message_revisions');
      this.#sql.exec(
        `UPDATE meta SET visitor_name = NULL, visitor_email = NULL, notes = '', rating_comment = NULL,
           visitor_unread = 0, agent_unread = 0, last_message_seq = NULL, rev = rev + 1`,
      );
      // The projection carries the emptied bodies to D1 too (the eraser also writes D1 directly).
      for (const r of rows) this.#sql.exec('INSERT INTO outbox (seq) VALUES (?)', r.seq);
      this.#sql.exec('INSERT INTO outbox (seq) VALUES (NULL)');
      return rows.map(toMessage);
    });
  }

  /** Replace the body of one's own message if the edit rules allow it (edits.ts), in one transaction. */
  editMessage(who: Editor, messageId: string, body: string, now: number): EditResult {
    return this.#storage.transactionSync(() => editMessage(this.#sql, who, messageId, body, now));
  }

  /** The bodies edits replaced, oldest first; null when no such message (agents only: notes too). */
  revisions(messageId: string): MessageRevision[] | null {
    return revisions(this.#sql, messageId);
  }

  /** Agent replies the visitor has neither read nor been emailed yet (text and files, not deleted). */
  unreadForEmail(): Message[] {
    return this.#sql
      .exec<MessageRow>(
        `SELECT * FROM messages WHERE sender_type = 'agent' AND ${UNREAD}
         AND seq > (SELECT MAX(visitor_read_seq, emailed_seq) FROM meta) ORDER BY seq`,
      )
      .toArray()
      .map(toMessage);
  }

  /** The email ledger: everything up to `seq` has been emailed (never moves back). */
  markEmailed(seq: number) {
    this.#sql.exec('UPDATE meta SET emailed_seq = MAX(emailed_seq, ?)', seq);
  }

  /** Record the visitor's rating once, and only after the conversation was resolved. */
  rate(score: number, comment: string | null): 'ok' | 'not_resolved' | 'already_rated' {
    const m = this.#sql.exec('SELECT resolved_at, rating_score FROM meta').one();
    if (m.rating_score !== null) return 'already_rated';
    if (m.resolved_at === null) return 'not_resolved';
    this.#sql.exec(
      'UPDATE meta SET rating_score = ?, rating_comment = ?, rated_at = ?, rev = rev + 1',
      score,
      comment,
      new Date().toISOString(),
    );
    this.#sql.exec('INSERT INTO outbox (seq) VALUES (NULL)');
    return 'ok';
  }

  /** Change priority, tags, notes or department; false when nothing changed. */
  update(patch: ConversationPatch): boolean {
    const cols: Record<string, unknown> = {};
    if (patch.priority !== undefined) cols.priority = patch.priority;
    if (patch.tags !== undefined) cols.tags = JSON.stringify([...new Set(patch.tags)]);
    if (patch.notes !== undefined) cols.notes = patch.notes;
    if (patch.departmentId !== undefined) cols.department_id = patch.departmentId;
    const keys = Object.keys(cols);
    if (!keys.length) return false;
    this.#sql.exec(
      `UPDATE meta SET ${keys.map((k) => `${k} = ?`).join(', ')}, updated_at = ?, rev = rev + 1`,
      ...Object.values(cols),
      new Date().toISOString(),
    );
    this.#sql.exec('INSERT INTO outbox (seq) VALUES (NULL)');
    return true;
  }

  /**
   * Messages after a seq, and with `since` (a server time the client saw) also those edited or deleted at or after
   * it, oldest first; notes only for agents (a visitor never learns that a note changed).
   */
  after(seq: number, viewer: 'visitor' | 'agent', since: string | null = null): Message[] {
    const visible = viewer === 'visitor' ? "AND kind != 'note'" : '';
    // Two walks, each on its own index (the seq key; the partial changed_at one): an OR or a UNION of the two made the
    // planner read the whole table (resume-changes.test.ts counts the rows).
    const rows = this.#sql
      .exec<MessageRow>(`SELECT * FROM messages WHERE seq > ? ${visible} ORDER BY seq`, seq)
      .toArray();
    if (since) {
      const changed = this.#sql
        .exec<MessageRow>(`SELECT * FROM messages WHERE changed_at >= ? AND seq <= ? ${visible}`, since, seq)
        .toArray();
      rows.unshift(...changed.sort((a, b) => a.seq - b.seq));
    }
    return rows.map(toMessage);
  }

  /** One page of history, oldest first: before a seq (walking back from the newest) or after one (walking forward). */
  page(q: { before?: number; after?: number; limit: number; viewer: 'visitor' | 'agent' }) {
    if (q.after !== undefined) {
      const rows = this.#sql
        .exec<MessageRow>(
          `SELECT * FROM messages WHERE seq > ? ${q.viewer === 'visitor' ? "AND kind != 'note'" : ''} ORDER BY seq LIMIT ?`,
          q.after,
          q.limit + 1,
        )
        .toArray();
      return { messages: rows.slice(0, q.limit).map(toMessage), hasMore: rows.length > q.limit };
    }
    const rows = this.#sql
      .exec<MessageRow>(
        `SELECT * FROM messages WHERE seq < ? ${q.viewer === 'visitor' ? "AND kind != 'note'" : ''} ORDER BY seq DESC LIMIT ?`,
        q.before ?? Number.MAX_SAFE_INTEGER,
        q.limit + 1,
      )
      .toArray();
    return { messages: rows.slice(0, q.limit).reverse().map(toMessage), hasMore: rows.length > q.limit };
  }

  /**
   * Move one side's read marker forward (never back, never past the last message); the new marker or null.
   * Both markers reach visitors (receipts, the echo of their own read), so both stop at the last message a
   * visitor can see (a note's seq would reveal it); unread counts never count notes, so they are the same.
   */
  markRead(side: 'visitor' | 'agent', seq: number): number | null {
    const col = side === 'visitor' ? 'visitor_read_seq' : 'agent_read_seq';
    const unreadCol = side === 'visitor' ? 'visitor_unread' : 'agent_unread';
    const other = side === 'visitor' ? 'agent' : 'visitor';
    // Walks back from seq (not a MAX over the table): O(notes in between).
    const target =
      this.#sql
        .exec<{ seq: number }>(
          "SELECT seq FROM messages WHERE seq <= ? AND kind != 'note' ORDER BY seq DESC LIMIT 1",
          seq,
        )
        .toArray()[0]?.seq ?? 0;
    // The unread figure is recounted over the messages after the new marker only (usually none).
    const moved = this.#sql
      .exec(
        `UPDATE meta SET ${col} = ?1, rev = rev + 1,
         ${unreadCol} = (SELECT COUNT(*) FROM messages WHERE seq > ?1 AND sender_type = '${other}' AND ${UNREAD})
       WHERE ${col} < ?1 RETURNING ${col}`,
        target,
      )
      .toArray();
    if (!moved.length) return null;
    this.#sql.exec('INSERT INTO outbox (seq) VALUES (NULL)');
    return target;
  }

  /** Archive or restore; false when it already was so. */
  setArchived(archived: boolean): boolean {
    const now = new Date().toISOString();
    const changed = this.#sql
      .exec(
        'UPDATE meta SET archived_at = ?, updated_at = ?, rev = rev + 1 WHERE (archived_at IS NULL) = ? RETURNING rev',
        archived ? now : null,
        now,
        archived ? 1 : 0,
      )
      .toArray();
    if (changed.length) this.#sql.exec('INSERT INTO outbox (seq) VALUES (NULL)');
    return changed.length > 0;
  }

  /** The highest seq stored (0 when empty). */
  lastSeq(): number {
    return this.#sql.exec<{ s: number }>('SELECT last_seq AS s FROM meta').toArray()[0]?.s ?? 0;
  }

  /** Rows this object's SQLite has read so far (tests and the bench's counters). */
  get rowsRead(): number {
    return this.#sql.rowsRead;
  }

  /**
   * The conversation as clients see it. Built once per change: the copy is kept until the next write
   * through this store (the site event and the D1 projection of one window share it).
   */
  snapshot(): Conversation {
    if (this.#snapshot?.writes !== this.#sql.writes)
      this.#snapshot = { writes: this.#sql.writes, conversation: snapshot(this.#sql) };
    return this.#snapshot.conversation;
  }

  #snapshot: { writes: number; conversation: Conversation } | null = null;

  /** The delta fields of the conversation (from the kept snapshot when it is current). */
  delta(): ConversationDelta {
    if (this.#snapshot?.writes === this.#sql.writes) return pickDelta(this.#snapshot.conversation);
    return deltaOf(this.#sql);
  }

  /**
   * What the D1 projection still owes, oldest first and at most `max` outbox entries (one D1 statement's
   * worth): the messages they name (a message changed twice appears once), up to outbox id `upTo`.
   */
  pendingProjection(max = PROJECTION_BATCH_MAX): { upTo: number; messages: Message[]; more: boolean } | null {
    const { id: top, n } = this.#sql
      .exec<{ id: number | null; n: number }>(
        'SELECT MAX(id) AS id, COUNT(*) AS n FROM (SELECT id FROM outbox ORDER BY id LIMIT ?)',
        max,
      )
      .one();
    if (top === null) return null;
    const messages = this.#sql
      .exec<MessageRow>('SELECT * FROM messages WHERE seq IN (SELECT seq FROM outbox WHERE id <= ?) ORDER BY seq', top)
      .toArray()
      .map(toMessage);
    // A full chunk may have more behind it.
    return { upTo: top, messages, more: n === max };
  }

  /** Whether anything waits for the D1 projection. */
  hasPendingProjection(): boolean {
    return this.#sql.exec('SELECT 1 FROM outbox LIMIT 1').toArray().length > 0;
  }

  /** Forget outbox entries that D1 has accepted. */
  clearOutbox(upTo: number) {
    this.#sql.exec('DELETE FROM outbox WHERE id <= ?', upTo);
  }
}
