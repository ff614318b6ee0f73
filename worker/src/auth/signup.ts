// Closed sign-up (docs/team.md "Sign-up and sign-in protection"): the SIGNUP setting and one-time setup tokens.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { setupTokens } from '../db/schema';
import { log } from '../lib/log';
import type { SignupMode } from '../../../protocol';
// Setup tokens are hashed like invite tokens (SHA-256 hex); scripts/setup-token.mjs stores the same hash.
import { hashInviteToken as hashSetupToken } from './invite-token';

const warned = new WeakSet<object>();

/** The deployment's sign-up mode. Anything but `open` or `invite-only` is a misconfiguration: closed, and logged. */
export function signupMode(env: Env): SignupMode {
  const value: unknown = env.SIGNUP;
  if (value === 'open' || value === 'invite-only') return value;
  if (!warned.has(env)) {
    warned.add(env);
    log.error('config.invalid', {
      setting: 'SIGNUP',
      reason: `${JSON.stringify(value)}; expected "open" or "invite-only". Sign-up stays closed (invite-only)`,
    });
  }
  return 'invite-only';
}

/**
 * Use a setup token: one conditional UPDATE, so of two registrations racing with one token exactly one
 * gets its hash back. Unknown, expired and used tokens return null.
 */
export async function claimSetupToken(db: Db, token: string, now: number): Promise<string | null> {
  const hash = await hashSetupToken(token);
  const [row] = await db
    .update(setupTokens)
    .set({ usedAt: now })
    .where(and(eq(setupTokens.tokenHash, hash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)))
    .returning({ hash: setupTokens.tokenHash });
  return row?.hash ?? null;
}

/** Give a claimed token back when its registration failed (e.g. the email was taken), so the link still works. */
export async function releaseSetupToken(db: Db, hash: string) {
  await db
    .update(setupTokens)
    .set({ usedAt: null })
    .where(and(eq(setupTokens.tokenHash, hash), isNull(setupTokens.workspaceId)));
}

/** Note which workspace a used token created. */
export async function finishSetupToken(db: Db, hash: string, workspaceId: string) {
  await db.update(setupTokens).set({ workspaceId }).where(eq(setupTokens.tokenHash, hash));
}
