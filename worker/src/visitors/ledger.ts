// The VisitorDO's own SQLite: what it must remember exactly across evictions (answers to
// client keys, recent conversation starts and offline messages, the last team email per conversation).
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS client_keys (key TEXT PRIMARY KEY, result TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS events (kind TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS events_kind_at ON events(kind, at);
  CREATE TABLE IF NOT EXISTS team_emails (conversation_id TEXT PRIMARY KEY, at INTEGER NOT NULL);`;

/** Something counted against a quota: a new conversation, or an offline-form message. */
export type QuotaEvent = 'start' | 'offline';

/** Synchronous reads and writes of one visitor's ledger (no await, so no interleaving inside a call). */
export class VisitorLedger {
  #sql: SqlStorage;
  constructor(storage: DurableObjectStorage) {
    this.#sql = storage.sql;
    this.#sql.exec(SCHEMA);
  }

  /** Forget what no window looks at any more. */
  prune(now: number, keyMs: number, eventMs: number) {
    this.#sql.exec('DELETE FROM client_keys WHERE at < ?', now - keyMs);
    this.#sql.exec('DELETE FROM events WHERE at < ?', now - eventMs);
    this.#sql.exec('DELETE FROM team_emails WHERE at < ?', now - eventMs);
  }

  /** The stored answer to a client key, if that action already succeeded. */
  answer<T>(key: string): T | null {
    const row = this.#sql.exec<{ result: string }>('SELECT result FROM client_keys WHERE key = ?', key).toArray()[0];
    return row ? (JSON.parse(row.result) as T) : null;
  }

  /** Remember the answer to a client key. */
  remember(key: string, result: unknown, now: number) {
    this.#sql.exec(
      'INSERT OR REPLACE INTO client_keys (key, result, at) VALUES (?, ?, ?)',
      key,
      JSON.stringify(result),
      now,
    );
  }

  /** How many `kind` events happened since `since`. */
  count(kind: QuotaEvent, since: number): number {
    return this.#sql
      .exec<{ n: number }>('SELECT COUNT(*) AS n FROM events WHERE kind = ? AND at >= ?', kind, since)
      .one().n;
  }

  /** Count one `kind` event. */
  record(kind: QuotaEvent, now: number) {
    this.#sql.exec('INSERT INTO events (kind, at) VALUES (?, ?)', kind, now);
  }

  /** True (and remembered) when the team may be emailed about this conversation now: once per `gapMs`. */
  claimTeamEmail(conversationId: string, now: number, gapMs: number): boolean {
    const row = this.#sql
      .exec<{ at: number }>('SELECT at FROM team_emails WHERE conversation_id = ?', conversationId)
      .toArray()[0];
    if (row && now - row.at < gapMs) return false;
    this.#sql.exec('INSERT OR REPLACE INTO team_emails (conversation_id, at) VALUES (?, ?)', conversationId, now);
    return true;
  }
}
