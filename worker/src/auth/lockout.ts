// Per-account sign-in protection (docs/team.md "Sign-up and sign-in protection"). Each attempt for an email
// is counted BEFORE its password is checked, in one atomic upsert, so a burst of parallel guesses gets
// exactly `failuresBeforeLock` checks before the lock, never more. Emails with no account are counted alike.

/** The numbers of the lock (documented; tests import them). */
export const LOGIN_LOCK = {
  /** Consecutive failed attempts that start a lock. */
  failuresBeforeLock: 5,
  /** The first lock; each further lock of the same streak lasts twice as long... */
  firstLockMs: 60_000,
  /** ...up to this. */
  maxLockMs: 3_600_000,
  /** A streak with no attempt for this long is forgotten (counts and lock lengths start over). */
  forgetAfterMs: 24 * 3_600_000,
} as const;

/** The outcome of counting one attempt: refused at once (`locked`), or allowed to check the password. */
export type Attempt =
  | { locked: true; lockedUntil: number }
  | { locked: false; lockStarted: boolean; lockedUntil: number };

const stale = 'last_attempt_at < ?3';
const failures = `(CASE WHEN ${stale} THEN 0 ELSE failures END)`;
const locks = `(CASE WHEN ${stale} THEN 0 ELSE locks END)`;
const hit = `(${failures} + 1 >= ?4)`;
// SQLite evaluates every SET expression on the old row, so these read consistently. The WHERE makes an
// attempt during a lock change nothing (no row returned): it is refused without counting or extending.
const COUNT_ATTEMPT = `
INSERT INTO login_attempts (email, failures, locks, locked_until, last_attempt_at) VALUES (?1, 1, 0, 0, ?2)
ON CONFLICT (email) DO UPDATE SET
  failures = CASE WHEN ${hit} THEN 0 ELSE ${failures} + 1 END,
  locks = ${locks} + (CASE WHEN ${hit} THEN 1 ELSE 0 END),
  locked_until = CASE WHEN ${hit} THEN ?2 + MIN(?5 << MIN(${locks}, 10), ?6) ELSE locked_until END,
  last_attempt_at = ?2
WHERE locked_until <= ?2
RETURNING locked_until`;

/**
 * Count one sign-in attempt for `email` at `now` (ms). `locked`: refuse it without checking the password.
 * Otherwise check it; `lockStarted` says this attempt started a lock (refuse it too unless the password is right).
 */
export async function countAttempt(db: D1Database, email: string, now: number): Promise<Attempt> {
  const { failuresBeforeLock, firstLockMs, maxLockMs, forgetAfterMs } = LOGIN_LOCK;
  const row = await db
    .prepare(COUNT_ATTEMPT)
    .bind(email, now, now - forgetAfterMs, failuresBeforeLock, firstLockMs, maxLockMs)
    .first<{ locked_until: number }>();
  if (row) return { locked: false, lockStarted: row.locked_until > now, lockedUntil: row.locked_until };
  const current = await db
    .prepare('SELECT locked_until FROM login_attempts WHERE email = ?')
    .bind(email)
    .first<{ locked_until: number }>();
  return { locked: true, lockedUntil: current?.locked_until ?? now };
}

/** A successful sign-in ends the streak: the count, the lock and the growing lock length. */
export async function clearAttempts(db: D1Database, email: string) {
  await db.prepare('DELETE FROM login_attempts WHERE email = ?').bind(email).run();
}

/** Whole seconds until `lockedUntil` (at least 1): the Retry-After of a locked account. */
export const secondsUntil = (lockedUntil: number, now: number) => Math.max(1, Math.ceil((lockedUntil - now) / 1000));
