import { UNREAD } from './snapshot';

// The ConversationDO's own SQLite schema, as numbered steps: every object runs the
// steps it has not run yet when it starts, so objects created by an older deploy upgrade in place.
const STEPS: string[] = [
  `CREATE TABLE IF NOT EXISTS meta (
     id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, site_id TEXT NOT NULL, created_at TEXT NOT NULL,
     visitor_id TEXT NOT NULL, visitor_name TEXT, visitor_email TEXT,
     status TEXT NOT NULL DEFAULT 'waiting', assignee_id TEXT, archived_at TEXT, updated_at TEXT NOT NULL,
     visitor_read_seq INTEGER NOT NULL DEFAULT 0, agent_read_seq INTEGER NOT NULL DEFAULT 0, rev INTEGER NOT NULL DEFAULT 0);
   CREATE TABLE IF NOT EXISTS messages (
     seq INTEGER PRIMARY KEY, id TEXT NOT NULL, client_id TEXT, sender_type TEXT NOT NULL, sender_id TEXT,
     sender_name TEXT, kind TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL);
   CREATE UNIQUE INDEX IF NOT EXISTS messages_client ON messages(sender_type, sender_id, client_id) WHERE client_id IS NOT NULL;
   CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER);`,
  // Issue 3: lifecycle, routing, timings, inactivity expiry.
  `ALTER TABLE meta ADD COLUMN assignee_name TEXT;
   ALTER TABLE meta ADD COLUMN department_id TEXT;
   ALTER TABLE meta ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal';
   ALTER TABLE meta ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE meta ADD COLUMN notes TEXT NOT NULL DEFAULT '';
   ALTER TABLE meta ADD COLUMN first_claimed_at TEXT;
   ALTER TABLE meta ADD COLUMN first_visitor_message_at TEXT;
   ALTER TABLE meta ADD COLUMN first_agent_reply_at TEXT;
   ALTER TABLE meta ADD COLUMN resolved_at TEXT;
   ALTER TABLE meta ADD COLUMN closed_at TEXT;
   ALTER TABLE meta ADD COLUMN last_activity_at TEXT;
   ALTER TABLE meta ADD COLUMN idle_ms INTEGER NOT NULL DEFAULT 86400000;`,
  // Issue 4: CSAT rating and attachments.
  `ALTER TABLE meta ADD COLUMN rating_score INTEGER;
   ALTER TABLE meta ADD COLUMN rating_comment TEXT;
   ALTER TABLE meta ADD COLUMN rated_at TEXT;
   ALTER TABLE messages ADD COLUMN file TEXT;`,
  // Issue 5: deleting one's own message.
  `ALTER TABLE messages ADD COLUMN deleted_at TEXT;`,
  // Issue 6: the unread-reply email's delay and its ledger (the highest seq already emailed).
  `ALTER TABLE meta ADD COLUMN email_delay_ms INTEGER NOT NULL DEFAULT 300000;
   ALTER TABLE meta ADD COLUMN emailed_seq INTEGER NOT NULL DEFAULT 0;`,
  // Issue 10: O(1) work per message. The figures a snapshot used to count over all messages are kept here,
  // updated in the same transaction as each insert, delete and read marker (store.ts); existing objects count once.
  `ALTER TABLE meta ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE meta ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE meta ADD COLUMN visitor_unread INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE meta ADD COLUMN agent_unread INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE meta ADD COLUMN last_message_seq INTEGER;
   UPDATE meta SET
     last_seq = (SELECT COALESCE(MAX(seq), 0) FROM messages),
     message_count = (SELECT COUNT(*) FROM messages WHERE kind != 'system'),
     visitor_unread = (SELECT COUNT(*) FROM messages WHERE seq > meta.visitor_read_seq AND sender_type = 'agent' AND ${UNREAD}),
     agent_unread = (SELECT COUNT(*) FROM messages WHERE seq > meta.agent_read_seq AND sender_type = 'visitor' AND ${UNREAD}),
     last_message_seq = (SELECT MAX(seq) FROM messages WHERE ${UNREAD});`,
  // Issue 14: editing one's own message; the bodies an edit replaced, kept for agents (edits.ts).
  `ALTER TABLE messages ADD COLUMN edited_at TEXT;
   CREATE TABLE IF NOT EXISTS message_revisions (
     id INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL, body TEXT NOT NULL,
     created_at TEXT NOT NULL, replaced_at TEXT NOT NULL);
   CREATE INDEX IF NOT EXISTS message_revisions_seq ON message_revisions(seq);`,
  // Issue 14 (resume): when a message last changed after it was sent (an edit or a deletion), so a client that
  // resumes with `since` gets the messages it holds that changed while it was away (store.after()).
  `ALTER TABLE messages ADD COLUMN changed_at TEXT;
   UPDATE messages SET changed_at = NULLIF(MAX(COALESCE(edited_at, ''), COALESCE(deleted_at, '')), '');
   CREATE INDEX IF NOT EXISTS messages_changed ON messages(changed_at) WHERE changed_at IS NOT NULL;`,
];

/** Bring this object's SQLite up to the current schema (synchronous, in one transaction). */
export function migrate(storage: DurableObjectStorage) {
  const sql = storage.sql;
  sql.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const current = sql.exec<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version').one().v ?? 0;
  if (current >= STEPS.length) return;
  storage.transactionSync(() => {
    for (let i = current; i < STEPS.length; i++) sql.exec(STEPS[i]!);
    sql.exec('DELETE FROM schema_version');
    sql.exec('INSERT INTO schema_version (version) VALUES (?)', STEPS.length);
  });
}
