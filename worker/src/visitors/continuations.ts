// The VisitorDO's record of continuation links (docs/widget.md "Continuing on another device"): which device first
// used each link, and when the visitor last asked for a link by email. In the visitor's own SQLite, so that the
// check and the record are one synchronous step (two devices racing cannot both be first).
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS continuations (jti TEXT PRIMARY KEY, device TEXT NOT NULL, exp INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS link_emails (conversation_id TEXT PRIMARY KEY, at INTEGER NOT NULL);`;

/** Synchronous reads and writes of one visitor's continuation links. */
export class ContinuationLedger {
  #sql: SqlStorage;
  constructor(storage: DurableObjectStorage) {
    this.#sql = storage.sql;
    this.#sql.exec(SCHEMA);
  }

  /**
   * Whether the link `jti` may be used by `device` (a hash): the first device to use it binds it; later the same
   * device may use it again (until it expires, at `expMs`), any other device is refused.
   */
  claim(jti: string, device: string, expMs: number, now: number): boolean {
    this.#sql.exec('DELETE FROM continuations WHERE exp < ?', now);
    const row = this.#sql.exec<{ device: string }>('SELECT device FROM continuations WHERE jti = ?', jti).toArray()[0];
    if (row) return row.device === device;
    this.#sql.exec('INSERT INTO continuations (jti, device, exp) VALUES (?, ?, ?)', jti, device, expMs);
    return true;
  }

  /** True (and remembered) when a link may be emailed for this conversation now: once per `gapMs`. */
  claimLinkEmail(conversationId: string, now: number, gapMs: number): boolean {
    const row = this.#sql
      .exec<{ at: number }>('SELECT at FROM link_emails WHERE conversation_id = ?', conversationId)
      .toArray()[0];
    if (row && now - row.at < gapMs) return false;
    this.#sql.exec('INSERT OR REPLACE INTO link_emails (conversation_id, at) VALUES (?, ?)', conversationId, now);
    return true;
  }
}
