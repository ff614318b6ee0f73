// API tokens in D1 (migration 0013): create, list and revoke. Verification is auth/api-tokens.ts, on every request.
import { and, count, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agents, apiTokens } from '../db/schema';
import { newId } from '../lib/ids';
import {
  API_TOKEN_PREFIX,
  type ApiScope,
  type ApiToken,
  type ApiTokenState,
  ROLE_SCOPES,
  type Role,
} from '../../../protocol';

type Row = typeof apiTokens.$inferSelect;
/** What the list needs of a token's creator to tell whether the token still works. */
type Creator = { active: boolean; workspaceId: string; after: number; role?: Role } | null;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Whether a token works now, and if not why (the same rules as auth/api-tokens.ts, in the same order). */
function stateOf(r: Row, creator: Creator, now: number): ApiTokenState {
  if (r.revokedAt !== null) return 'revoked';
  if (r.expiresAt !== null && r.expiresAt <= now) return 'expired';
  if (!creator?.active || creator.workspaceId !== r.workspaceId || r.createdAt <= creator.after)
    return 'creator_inactive';
  return 'active';
}

/** A token as the API lists it: never its hash, only its last four characters. */
export const toApiToken = (r: Row, creator: Creator, now = Date.now()): ApiToken => ({
  id: r.id,
  name: r.name,
  // What the token can do today: a scope its creator's role has lost since is refused (auth/api-tokens.ts), so not shown.
  scopes: (r.scopes as ApiScope[]).filter((s) => !creator?.role || ROLE_SCOPES[creator.role].includes(s)),
  hint: `${API_TOKEN_PREFIX}…${r.hint}`,
  createdBy: { id: r.createdById, name: r.createdByName },
  createdAt: new Date(r.createdAt).toISOString(),
  expiresAt: iso(r.expiresAt),
  lastUsedAt: iso(r.lastUsedAt),
  revokedAt: iso(r.revokedAt),
  state: stateOf(r, creator, now),
});

const creatorColumns = {
  active: agents.active,
  workspaceId: agents.workspaceId,
  after: agents.tokensValidAfter,
  role: agents.role,
};

/** How many unrevoked, unexpired tokens a workspace may hold: integrations are few, and the list shows them all. */
export const MAX_LIVE_TOKENS = 100;

/** The workspace's tokens that are neither revoked nor expired (checked against MAX_LIVE_TOKENS at creation). */
export async function countLiveTokens(db: Db, workspaceId: string, now: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.workspaceId, workspaceId),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  return row?.n ?? 0;
}

/**
 * A workspace's tokens, live ones first, then newest first, each with its creator's standing. At most 200: the live
 * ones (at most MAX_LIVE_TOKENS) are always listed, so each can be revoked from the page.
 */
export async function listApiTokens(db: Db, workspaceId: string) {
  const rows = await db
    .select({ t: apiTokens, creator: creatorColumns })
    .from(apiTokens)
    .leftJoin(agents, eq(agents.id, apiTokens.createdById))
    .where(eq(apiTokens.workspaceId, workspaceId))
    .orderBy(
      sql`(${apiTokens.revokedAt} IS NOT NULL OR ${apiTokens.expiresAt} <= ${Date.now()})`,
      desc(apiTokens.createdAt),
      desc(apiTokens.id),
    )
    .limit(200);
  return rows.map((r) => toApiToken(r.t, r.creator));
}

/** Store a new token (its hash only). */
export async function insertApiToken(
  db: Db,
  v: {
    workspaceId: string;
    name: string;
    scopes: ApiScope[];
    hash: string;
    hint: string;
    creator: { id: string; name: string };
    expiresAt: number | null;
  },
): Promise<Row> {
  const row: Row = {
    id: newId('tk'),
    workspaceId: v.workspaceId,
    name: v.name,
    scopes: v.scopes,
    tokenHash: v.hash,
    hint: v.hint,
    createdById: v.creator.id,
    createdByName: v.creator.name,
    createdAt: Date.now(),
    expiresAt: v.expiresAt,
    lastUsedAt: null,
    revokedAt: null,
  };
  await db.insert(apiTokens).values(row);
  return row;
}

/**
 * Revoke a token of the workspace: the next request with it is refused (every request reads the row). Returns the
 * token (revoked now or earlier) and whether this call revoked it; undefined for another workspace's or no token.
 */
export async function revokeApiToken(db: Db, workspaceId: string, id: string) {
  const mine = and(eq(apiTokens.id, id), eq(apiTokens.workspaceId, workspaceId));
  const [revoked] = await db
    .update(apiTokens)
    .set({ revokedAt: Date.now() })
    .where(and(mine, isNull(apiTokens.revokedAt)))
    .returning();
  const row = revoked ?? (await db.select().from(apiTokens).where(mine).limit(1))[0];
  return row ? { token: toApiToken(row, null), changed: !!revoked } : undefined;
}
