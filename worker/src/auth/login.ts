// Sign-in with the per-account lock (lockout.ts) and its audit entries. The per-IP AUTH_LIMITER runs before this.
import { agentActor, recordAudit } from '../audit/record';
import { getDb } from '../db/client';
import { ApiError, errors } from '../lib/errors';
import type { AuditActor } from '../../../protocol';
import { clearAttempts, countAttempt, secondsUntil } from './lockout';
import { DUMMY_HASH, verifyPassword } from './password';
import { type AgentRow, findAgentByEmail } from './queries';

const ANONYMOUS: AuditActor = { type: 'anonymous', id: null, name: null };

/** 429 `account_locked`, saying when to try again (Retry-After and `error.retryAfter` carry the seconds). */
export function accountLocked(lockedUntil: number, now: number) {
  const seconds = secondsUntil(lockedUntil, now);
  const minutes = Math.ceil(seconds / 60);
  const when =
    seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return new ApiError(
    429,
    'account_locked',
    `Too many failed sign-ins for this account. Try again in ${when}.`,
    seconds,
  );
}

/**
 * Check an email and password; the agent row on success. Every attempt is counted first (during a lock it is
 * refused without checking the password, even the right one); a success clears the count. Unknown emails go
 * through the same steps, so neither the answer nor the lock tells which accounts exist.
 */
export async function signIn(
  env: Env,
  email: string,
  password: string,
  ip: string | null,
  now = Date.now(),
): Promise<AgentRow> {
  const attempt = await countAttempt(env.DB, email, now);
  if (attempt.locked) throw accountLocked(attempt.lockedUntil, now);
  const row = await findAgentByEmail(getDb(env.DB), email);
  // Verify against a dummy hash for unknown emails so response time does not reveal which exist.
  const ok = await verifyPassword(password, row?.passwordHash || DUMMY_HASH);
  // Invited agents have no password yet, deactivated ones are locked out: both look like a wrong password.
  if (row && ok && row.active && !row.invited) {
    await clearAttempts(env.DB, email);
    await recordAudit(env, row.workspaceId, agentActor(row), ip, { action: 'auth.login' });
    return row;
  }
  if (row) {
    const target = { type: 'agent', id: row.id };
    const reason = !row.active ? 'deactivated' : row.invited ? 'invitation_pending' : 'wrong_password';
    await recordAudit(env, row.workspaceId, ANONYMOUS, ip, {
      action: 'auth.login_failed',
      target,
      detail: { email, reason },
    });
    if (attempt.lockStarted) {
      const detail = {
        email,
        lockedForSeconds: secondsUntil(attempt.lockedUntil, now),
        until: new Date(attempt.lockedUntil).toISOString(),
      };
      await recordAudit(env, row.workspaceId, ANONYMOUS, ip, { action: 'auth.locked', target, detail });
    }
  }
  if (attempt.lockStarted) throw accountLocked(attempt.lockedUntil, now);
  throw errors.unauthorized('Wrong email or password');
}
