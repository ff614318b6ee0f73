/** Jobs a ConversationDO runs from its one alarm. */
export type JobName = 'projection' | 'expiry' | 'unread_email';

/**
 * A Durable Object has one alarm; this small table holds every job's due time and
 * the alarm is always set to the earliest. Alarms are at-least-once and may fire
 * late, so every job must be safe to run twice. The object is the table's only writer,
 * so a copy in memory answers the per-message questions ("is a batch already due?")
 * without a query, and the alarm is set only when the earliest time changes.
 */
export class Schedule {
  #sql: SqlStorage;
  #storage: DurableObjectStorage;
  #due = new Map<JobName, number>();
  /** Failed attempts per job since it last succeeded (mirrors the table, for the logs). */
  #attempts = new Map<JobName, number>();
  /** The alarm time this object last set (undefined: unknown, e.g. after the alarm fired). */
  #armed: number | null | undefined;

  constructor(storage: DurableObjectStorage) {
    this.#storage = storage;
    this.#sql = storage.sql;
    this.#sql.exec(
      'CREATE TABLE IF NOT EXISTS schedule (job TEXT PRIMARY KEY, due_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0)',
    );
    for (const r of this.#sql.exec<{ job: JobName; due_at: number; attempts: number }>(
      'SELECT job, due_at, attempts FROM schedule',
    )) {
      this.#due.set(r.job, r.due_at);
      if (r.attempts) this.#attempts.set(r.job, r.attempts);
    }
  }

  /** Make sure a job runs no later than `dueAt` (an earlier existing due time wins). */
  ensure(job: JobName, dueAt: number) {
    const existing = this.#due.get(job);
    if (existing !== undefined && existing <= dueAt) return;
    this.at(job, dueAt);
  }

  /** Run a job at exactly `dueAt`, later or earlier than before. */
  at(job: JobName, dueAt: number) {
    this.#sql.exec(
      'INSERT INTO schedule (job, due_at) VALUES (?, ?) ON CONFLICT(job) DO UPDATE SET due_at = excluded.due_at',
      job,
      dueAt,
    );
    this.#due.set(job, dueAt);
    this.#arm();
  }

  /** Try a failed job again with exponential backoff (1 s doubling up to 5 min); says which failure this was and the wait. */
  retry(job: JobName): { attempt: number; retryInMs: number } {
    const attempts =
      this.#sql.exec<{ attempts: number }>('SELECT attempts FROM schedule WHERE job = ?', job).toArray()[0]?.attempts ??
      0;
    const retryInMs = Math.min(1000 * 2 ** attempts, 5 * 60_000);
    const dueAt = Date.now() + retryInMs;
    this.#sql.exec(
      'INSERT INTO schedule (job, due_at, attempts) VALUES (?, ?, ?) ON CONFLICT(job) DO UPDATE SET due_at = excluded.due_at, attempts = excluded.attempts',
      job,
      dueAt,
      attempts + 1,
    );
    this.#due.set(job, dueAt);
    this.#attempts.set(job, attempts + 1);
    this.#arm();
    return { attempt: attempts + 1, retryInMs };
  }

  /** How many times the job has failed since it last succeeded. */
  failures(job: JobName): number {
    return this.#attempts.get(job) ?? 0;
  }

  /** The job is done: drop it. */
  done(job: JobName) {
    this.#attempts.delete(job);
    if (!this.#due.delete(job)) return;
    this.#sql.exec('DELETE FROM schedule WHERE job = ?', job);
    this.#arm();
  }

  /** Jobs due now; the alarm having fired means at least the earliest job is due, whatever the clock says. */
  due(now = Date.now()): JobName[] {
    const limit = Math.max(now, this.#earliest() ?? now);
    return [...this.#due].filter(([, at]) => at <= limit).map(([job]) => job);
  }

  /** Re-arm after an alarm ran (the runtime clears the alarm that fired). */
  rearm() {
    this.#armed = undefined;
    this.#arm();
  }

  #earliest(): number | null {
    let min: number | null = null;
    for (const at of this.#due.values()) if (min === null || at < min) min = at;
    return min;
  }

  #arm() {
    const next = this.#earliest();
    if (next === this.#armed) return;
    this.#armed = next;
    // setAlarm/deleteAlarm are covered by the output gate: no need to await them here.
    if (next === null) void this.#storage.deleteAlarm();
    else void this.#storage.setAlarm(next);
  }
}
