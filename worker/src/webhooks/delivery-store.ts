import type { WebhookDelivery, WebhookEvent } from '../../../protocol';
import type { Baseline } from './diff';
import type { WebhookEventDraft } from './payload';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS baselines (id TEXT PRIMARY KEY, view TEXT NOT NULL, last_seq INTEGER NOT NULL, seen_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS deliveries (
    id TEXT PRIMARY KEY, ord INTEGER NOT NULL, order_key TEXT NOT NULL, type TEXT NOT NULL, conversation_id TEXT,
    body TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER,
    retry_from INTEGER, response_code INTEGER, last_error TEXT, created_at INTEGER NOT NULL,
    last_attempt_at INTEGER, delivered_at INTEGER);
  CREATE INDEX IF NOT EXISTS deliveries_pending ON deliveries (status, order_key, ord);
  CREATE INDEX IF NOT EXISTS deliveries_ord ON deliveries (ord);
  CREATE INDEX IF NOT EXISTS deliveries_created ON deliveries (created_at);
  CREATE INDEX IF NOT EXISTS baselines_seen ON baselines (seen_at);
  CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value INTEGER);`;

/** A delivery row (times in unix ms). */
export type DeliveryRow = {
  id: string;
  ord: number;
  order_key: string;
  type: WebhookEvent;
  conversation_id: string | null;
  body: string;
  status: WebhookDelivery['status'];
  attempts: number;
  next_at: number | null;
  retry_from: number | null;
  response_code: number | null;
  last_error: string | null;
  created_at: number;
  last_attempt_at: number | null;
  delivered_at: number | null;
};

/** Heads looked at to find the next one not being delivered. */
const PARALLEL_HEADS = 20;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A log entry as the API returns it. */
export const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  type: r.type,
  conversationId: r.conversation_id,
  status: r.status,
  attempts: r.attempts,
  responseCode: r.response_code,
  lastError: r.last_error,
  createdAt: iso(r.created_at)!,
  lastAttemptAt: iso(r.last_attempt_at),
  nextAttemptAt: r.status === 'pending' ? iso(r.next_at) : null,
  deliveredAt: iso(r.delivered_at),
});

/** The SQLite of one WebhookDeliveryDO: baselines per conversation, the deliveries (queue and log), a few figures. */
export class DeliveryStore {
  #sql: SqlStorage;
  constructor(readonly storage: DurableObjectStorage) {
    this.#sql = storage.sql;
    this.#sql.exec(SCHEMA);
  }

  baseline(id: string): Baseline | null {
    const r = this.#sql.exec<{ view: string; last_seq: number }>(
      'SELECT view, last_seq FROM baselines WHERE id = ?',
      id,
    );
    const row = r.toArray()[0];
    return row ? { view: JSON.parse(row.view), lastSeq: row.last_seq } : null;
  }

  setBaseline(id: string, b: Baseline, now: number) {
    this.#sql.exec(
      'INSERT OR REPLACE INTO baselines (id, view, last_seq, seen_at) VALUES (?, ?, ?, ?)',
      id,
      JSON.stringify(b.view),
      b.lastSeq,
      now,
    );
  }

  /** Queue one event as a delivery: `body` is final (the same bytes on every attempt). */
  add(id: string, e: WebhookEventDraft, body: string, now: number) {
    this.#sql.exec(
      `INSERT INTO deliveries (id, ord, order_key, type, conversation_id, body, status, next_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      id,
      this.#nextOrd(),
      e.orderKey,
      e.type,
      e.conversationId,
      body,
      now,
      now,
    );
  }

  #nextOrd(): number {
    return (this.#sql.exec<{ o: number | null }>('SELECT MAX(ord) AS o FROM deliveries').one().o ?? 0) + 1;
  }

  /** The first pending delivery of each conversation (or visitor), in order: only these may be attempted. */
  heads(limit: number): DeliveryRow[] {
    return this.#sql
      .exec<DeliveryRow>(
        `SELECT d.* FROM deliveries d WHERE d.status = 'pending' AND d.ord =
           (SELECT MIN(ord) FROM deliveries e WHERE e.status = 'pending' AND e.order_key = d.order_key)
         ORDER BY d.next_at, d.ord LIMIT ?`,
        limit,
      )
      .toArray();
  }

  /** The first pending delivery of one conversation (or visitor), if any. */
  headOf(orderKey: string): DeliveryRow | null {
    return (
      this.#sql
        .exec<DeliveryRow>(
          `SELECT * FROM deliveries WHERE status = 'pending' AND order_key = ? ORDER BY ord LIMIT 1`,
          orderKey,
        )
        .toArray()[0] ?? null
    );
  }

  /** Record an attempt's outcome. */
  settle(
    id: string,
    o: { status: DeliveryRow['status']; code: number | null; error: string | null; nextAt: number | null; now: number },
  ) {
    this.#sql.exec(
      `UPDATE deliveries SET status = ?, attempts = attempts + 1, response_code = ?, last_error = ?, next_at = ?,
         last_attempt_at = ?, retry_from = COALESCE(retry_from, ?), delivered_at = CASE WHEN ? = 'delivered' THEN ? END
       WHERE id = ?`,
      o.status,
      o.code,
      o.error,
      o.nextAt,
      o.now,
      o.now,
      o.status,
      o.now,
      id,
    );
  }

  get(id: string): DeliveryRow | null {
    return this.#sql.exec<DeliveryRow>('SELECT * FROM deliveries WHERE id = ?', id).toArray()[0] ?? null;
  }

  /**
   * "Send again": pending and due now, with a fresh retry window; the same delivery id. It keeps its place in its
   * conversation's order (`ord`): ahead of that conversation's events still waiting, never overtaken by them.
   */
  again(id: string, now: number): boolean {
    const r = this.#sql.exec(
      `UPDATE deliveries SET status = 'pending', next_at = ?, retry_from = NULL, delivered_at = NULL WHERE id = ?`,
      now,
      id,
    );
    return r.rowsWritten > 0;
  }

  /** Turned back on: every waiting delivery is due now, with a fresh retry window (the time off does not count). */
  resumeAll(now: number) {
    this.#sql.exec(`UPDATE deliveries SET next_at = ?, retry_from = NULL WHERE status = 'pending'`, now);
  }

  /** Not sent because the current configuration no longer wants it: failed, with why; no attempt counted. */
  skip(id: string, reason: string) {
    this.#sql.exec(`UPDATE deliveries SET status = 'failed', last_error = ?, next_at = NULL WHERE id = ?`, reason, id);
  }

  /** The body as the current configuration allows it (notes taken out): the same bytes on every later attempt. */
  setBody(id: string, body: string) {
    this.#sql.exec('UPDATE deliveries SET body = ? WHERE id = ?', body, id);
  }

  /** The log, newest first: what waits, and what was settled after `keptSince` (older entries are expired). */
  list(limit: number, keptSince: number, status?: DeliveryRow['status']): DeliveryRow[] {
    return this.#sql
      .exec<DeliveryRow>(
        `SELECT * FROM deliveries WHERE (? IS NULL OR status = ?) AND (status = 'pending' OR created_at >= ?)
         ORDER BY ord DESC LIMIT ?`,
        status ?? null,
        status ?? null,
        keptSince,
        limit,
      )
      .toArray();
  }

  /** The first head (by due time) not in `skip` (conversations being delivered now), or null. */
  nextHead(skip: ReadonlySet<string>): DeliveryRow | null {
    return this.heads(PARALLEL_HEADS + skip.size).find((h) => !skip.has(h.order_key)) ?? null;
  }

  /** When something kept expires: the oldest settled log entry or the oldest baseline (null: nothing kept). */
  expiresAt(logKeepMs: number, baselineKeepMs: number): number | null {
    const log = this.#sql
      .exec<{ t: number | null }>(`SELECT MIN(created_at) AS t FROM deliveries WHERE status != 'pending'`)
      .one().t;
    const base = this.#sql.exec<{ t: number | null }>('SELECT MIN(seen_at) AS t FROM baselines').one().t;
    const times = [log === null ? null : log + logKeepMs, base === null ? null : base + baselineKeepMs];
    const set = times.filter((t): t is number => t !== null);
    return set.length ? Math.min(...set) : null;
  }

  figure(key: string): number | null {
    return this.#sql.exec<{ value: number }>('SELECT value FROM state WHERE key = ?', key).toArray()[0]?.value ?? null;
  }

  setFigure(key: string, value: number | null) {
    if (value === null) this.#sql.exec('DELETE FROM state WHERE key = ?', key);
    else this.#sql.exec('INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)', key, value);
  }

  /** Forget everything (the webhook was removed); the empty tables stay, so a late call still finds them. */
  clear() {
    this.#sql.exec('DELETE FROM deliveries; DELETE FROM baselines; DELETE FROM state');
  }

  /** Forget old log entries and old baselines. */
  prune(logBefore: number, baselineBefore: number) {
    this.#sql.exec(`DELETE FROM deliveries WHERE status != 'pending' AND created_at < ?`, logBefore);
    this.#sql.exec('DELETE FROM baselines WHERE seen_at < ?', baselineBefore);
  }
}
