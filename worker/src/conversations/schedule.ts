/** Jobs a ConversationDO runs from its one alarm. */
export type JobName = 'projection' | 'expiry' | 'unread_email';

/**
 * A Durable Object has one alarm; this small table holds every job's due time and
 * the alarm is always set to the earliest. Alarms are at-least-once and may fire
 * late, so every job must be safe to run twice.
 */
export class Schedule {
  #sql: SqlStorage;
  #storage: DurableObjectStorage;

  constructor(storage: DurableObjectStorage) {
    this.#storage = storage;
    this.#sql = storage.sql;
    this.#sql.exec('CREATE TABLE IF NOT EXISTS schedule (job TEXT PRIMARY KEY, due_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0)');
  }

  /** Make sure a job runs no later than `dueAt` (an earlier existing due time wins). */
  ensure(job: JobName, dueAt: number) {
    const existing = this.#sql.exec<{ due_at: number }>('SELECT due_at FROM schedule WHERE job = ?', job).toArray()[0];
    if (existing && existing.due_at <= dueAt) return;
    this.#sql.exec('INSERT INTO schedule (job, due_at) VALUES (?, ?) ON CONFLICT(job) DO UPDATE SET due_at = excluded.due_at', job, dueAt);
    this.#arm();
  }

  /** Run a job at exactly `dueAt`, later or earlier than before. */
  at(job: JobName, dueAt: number) {
    this.#sql.exec('INSERT INTO schedule (job, due_at) VALUES (?, ?) ON CONFLICT(job) DO UPDATE SET due_at = excluded.due_at', job, dueAt);
    this.#arm();
  }

  /** Try a failed job again with exponential backoff (1 s doubling up to 5 min). */
  retry(job: JobName) {
    const attempts = this.#sql.exec<{ attempts: number }>('SELECT attempts FROM schedule WHERE job = ?', job).toArray()[0]?.attempts ?? 0;
    const delay = Math.min(1000 * 2 ** attempts, 5 * 60_000);
    this.#sql.exec(
      'INSERT INTO schedule (job, due_at, attempts) VALUES (?, ?, ?) ON CONFLICT(job) DO UPDATE SET due_at = excluded.due_at, attempts = excluded.attempts',
      job, Date.now() + delay, attempts + 1);
    this.#arm();
  }

  /** The job is done: drop it. */
  done(job: JobName) {
    this.#sql.exec('DELETE FROM schedule WHERE job = ?', job);
    this.#arm();
  }

  /** Jobs due now; the alarm having fired means at least the earliest job is due, whatever the clock says. */
  due(now = Date.now()): JobName[] {
    return this.#sql.exec<{ job: JobName }>(
      'SELECT job FROM schedule WHERE due_at <= MAX(?, (SELECT MIN(due_at) FROM schedule))', now).toArray().map((r) => r.job);
  }

  /** Re-arm after an alarm ran (the runtime clears the alarm that fired). */
  rearm() {
    this.#arm();
  }

  #arm() {
    const next = this.#sql.exec<{ t: number | null }>('SELECT MIN(due_at) AS t FROM schedule').one().t;
    // setAlarm/deleteAlarm are covered by the output gate: no need to await them here.
    if (next === null) void this.#storage.deleteAlarm();
    else void this.#storage.setAlarm(next);
  }
}
