// Editing one's own message in the ConversationDO's SQLite (docs/protocol.md "Editing"): the rules are in
// edit-rules.ts; here the lookups they need, the write, and the earlier bodies kept for agents.
import type { ErrorCode, Message, MessageRevision } from '../../../protocol';
import { answeringSide, decideEdit, type Editor } from './edit-rules';
import { type MessageRow, toMessage } from './snapshot';

type Sql = { exec: SqlStorage['exec'] };

/** The edited message (`changed` false when the body was already this one), or why not. */
export type EditResult = { message: Message; changed: boolean } | { code: ErrorCode; message: string };

/**
 * Check and apply one edit; the caller runs it in a transaction. The message keeps its id and seq; the body it
 * replaces goes to message_revisions; the meta row's rev moves (the inbox preview may show this body) and the
 * outbox names the seq, so D1's copy, its search index and the preview follow like after a deletion.
 */
export function editMessage(sql: Sql, who: Editor, messageId: string, body: string, now: number): EditResult {
  const row = sql.exec<MessageRow>('SELECT * FROM messages WHERE id = ?', messageId).toArray()[0];
  if (!row) return { code: 'not_found', message: 'Message not found' };
  // Walks the seqs after this one only (the primary key), stopping at the first answer.
  const replied =
    sql
      .exec(
        "SELECT 1 FROM messages WHERE seq > ? AND sender_type = ? AND kind IN ('text', 'file') LIMIT 1",
        row.seq,
        answeringSide(who.role),
      )
      .toArray().length > 0;
  const target = {
    senderType: row.sender_type,
    senderId: row.sender_id,
    kind: row.kind,
    createdAt: row.created_at,
    deletedAt: row.deleted_at ?? null,
  };
  const refusal = decideEdit(target, who, now, replied);
  if (refusal) return refusal;
  // A retried frame, or nothing typed: no revision, no broadcast.
  if (row.body === body) return { message: toMessage(row), changed: false };
  const at = new Date(now).toISOString();
  sql.exec(
    'INSERT INTO message_revisions (seq, body, created_at, replaced_at) VALUES (?, ?, ?, ?)',
    row.seq,
    row.body,
    row.edited_at ?? row.created_at,
    at,
  );
  const edited = sql
    .exec<MessageRow>(
      'UPDATE messages SET body = ?1, edited_at = ?2, changed_at = ?2 WHERE seq = ?3 RETURNING *',
      body,
      at,
      row.seq,
    )
    .one();
  sql.exec('UPDATE meta SET rev = rev + 1');
  sql.exec('INSERT INTO outbox (seq) VALUES (?)', row.seq);
  return { message: toMessage(edited), changed: true };
}

/** A message's earlier bodies, oldest first; null when the message does not exist. */
export function revisions(sql: Sql, messageId: string): MessageRevision[] | null {
  const row = sql.exec<{ seq: number }>('SELECT seq FROM messages WHERE id = ?', messageId).toArray()[0];
  if (!row) return null;
  return sql
    .exec<{ body: string; created_at: string; replaced_at: string }>(
      'SELECT body, created_at, replaced_at FROM message_revisions WHERE seq = ? ORDER BY id',
      row.seq,
    )
    .toArray()
    .map((r) => ({ body: r.body, createdAt: r.created_at, replacedAt: r.replaced_at }));
}
