// API tokens (docs/integrations.md "API tokens"): a random secret shown once, stored only as its SHA-256, looked up
// with its creator on every request so that a revocation, an expiry or the creator's deactivation applies at once.
import { eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { agents, apiTokens } from '../db/schema';
import { apiError } from '../lib/errors';
import { API_TOKEN_PREFIX, type ApiScope, ROLE_SCOPES, type Scope } from '../../../protocol';
import { hashInviteToken } from './invite-token';

/** How often `last_used_at` may be written: at most once a minute per token keeps a busy integration's writes cheap. */
export const LAST_USED_EVERY_MS = 60_000;

/** The SHA-256 (hex) of a secret: what api_tokens.token_hash holds. */
export const hashApiToken = hashInviteToken;

/** A fresh secret (`parley_` + 40 hex characters, 160 random bits), its hash and its last four characters. */
export async function newApiToken(): Promise<{ secret: string; hash: string; hint: string }> {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  const secret = API_TOKEN_PREFIX + [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return { secret, hash: await hashApiToken(secret), hint: secret.slice(-4) };
}

/** Whether a bearer credential is an API token (rather than a signed login or widget token). */
export const isApiToken = (bearer: string) => bearer.startsWith(API_TOKEN_PREFIX);

/** An accepted API token: its id, name, workspace and the scopes it has now. */
export type TokenPrincipal = { id: string; name: string; workspaceId: string; scopes: readonly Scope[] };

/**
 * The token behind a secret, or the 401 that refuses it: unknown (`unauthorized`), revoked (`token_revoked`),
 * expired (`token_expired`), or its creator deactivated since it was created or moved to another workspace
 * (`token_revoked`: like GitHub, a removed member's tokens stop working, and a reactivation does not revive them).
 * Its scopes are never more than its creator's role has today. One D1 read; `last_used_at` is written at most
 * once a minute, after the answer (waitUntil).
 */
export async function acceptApiToken(
  env: Env,
  secret: string,
  waitUntil: (p: Promise<unknown>) => void,
  now = Date.now(),
): Promise<TokenPrincipal> {
  const db = getDb(env.DB);
  const [row] = await db
    .select({
      t: apiTokens,
      creator: {
        active: agents.active,
        role: agents.role,
        workspaceId: agents.workspaceId,
        after: agents.tokensValidAfter,
      },
    })
    .from(apiTokens)
    .leftJoin(agents, eq(agents.id, apiTokens.createdById))
    .where(eq(apiTokens.tokenHash, await hashApiToken(secret)))
    .limit(1);
  if (!row) throw apiError('unauthorized', 'Invalid API token');
  const { t, creator } = row;
  if (t.revokedAt !== null) throw apiError('token_revoked', 'This API token was revoked');
  if (t.expiresAt !== null && t.expiresAt <= now) throw apiError('token_expired', 'This API token has expired');
  if (!creator?.active || creator.workspaceId !== t.workspaceId || t.createdAt <= creator.after)
    throw apiError('token_revoked', 'The agent who created this API token was deactivated');
  if (t.lastUsedAt === null || now - t.lastUsedAt >= LAST_USED_EVERY_MS) waitUntil(touch(env, t.id, now));
  const allowed = ROLE_SCOPES[creator.role];
  return {
    id: t.id,
    name: t.name,
    workspaceId: t.workspaceId,
    scopes: (t.scopes as ApiScope[]).filter((s) => allowed.includes(s)),
  };
}

/** Note a use; conditional, so two requests in the same minute write once. */
function touch(env: Env, id: string, now: number) {
  return env.DB.prepare(
    'UPDATE api_tokens SET last_used_at = ?1 WHERE id = ?2 AND (last_used_at IS NULL OR last_used_at <= ?3)',
  )
    .bind(now, id, now - LAST_USED_EVERY_MS)
    .run();
}
