import { count } from '../dev/counters';

/**
 * The object's SqlStorage with a tally of rows read (each cursor's `rowsRead`), so that tests can prove the
 * work per message stays constant as a conversation grows, and the bench can count it. Every query of a
 * ConversationDO goes through one meter. Cursors are consumed synchronously (`one()`, `toArray()`), so a
 * cursor's final figure is taken when the next query starts or when the tally is read.
 */
export class SqlMeter {
  #sql: SqlStorage;
  #settled = 0;
  /** Statements that may have written (anything but a SELECT): a cached read is stale once this moves. */
  writes = 0;
  #last: SqlStorageCursor<Record<string, SqlStorageValue>> | null = null;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
  }

  /** Same as SqlStorage.exec, metered. */
  exec<T extends Record<string, SqlStorageValue>>(query: string, ...bindings: unknown[]): SqlStorageCursor<T> {
    this.#settle();
    if (!/^\s*SELECT/i.test(query)) this.writes++;
    const cursor = this.#sql.exec<T>(query, ...bindings);
    this.#last = cursor as unknown as SqlStorageCursor<Record<string, SqlStorageValue>>;
    return cursor;
  }

  /** Rows read by every query so far (since the object started). */
  get rowsRead(): number {
    this.#settle();
    return this.#settled;
  }

  #settle() {
    if (!this.#last) return;
    const n = this.#last.rowsRead;
    this.#settled += n;
    count('conversation.rowsRead', n);
    this.#last = null;
  }
}
