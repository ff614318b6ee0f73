import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { blocks, visitors } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import type { Block, BlockKind } from '../../../protocol';
import { ipBlockMatches } from './normalise';

type Row = typeof blocks.$inferSelect;

/** A block row as the API returns it. */
export const toBlock = (r: Row): Block => ({
  id: r.id,
  siteId: r.siteId,
  kind: r.kind,
  value: r.value,
  reason: r.reason,
  createdBy: { id: r.createdById, name: r.createdByName },
  createdAt: r.createdAt,
  drops: r.drops,
  lastDropAt: r.lastDropAt,
});

/** Add a block; a second one for the same (site, kind, value) fails on the unique index (the route answers 409). */
export async function createBlock(
  db: Db,
  siteId: string,
  b: { kind: BlockKind; value: string; reason: string },
  by: { id: string; name: string },
) {
  const row: Row = {
    id: newId('bl'),
    siteId,
    ...b,
    createdById: by.id,
    createdByName: by.name,
    createdAt: nowIso(),
    drops: 0,
    lastDropAt: null,
  };
  await db.insert(blocks).values(row);
  return row;
}

/** A site's block list, newest first (a site has tens of blocks, rarely hundreds: no paging). */
export const listBlocks = (db: Db, siteId: string) =>
  db.select().from(blocks).where(eq(blocks.siteId, siteId)).orderBy(desc(blocks.createdAt)).limit(1000);

/** Lift a block; the removed row, or undefined when the site has no such block. */
export async function deleteBlock(db: Db, siteId: string, id: string) {
  const [row] = await db
    .delete(blocks)
    .where(and(eq(blocks.siteId, siteId), eq(blocks.id, id)))
    .returning();
  return row;
}

/** Who a widget request or an email reply comes from, as far as it is known. */
export type Suspect = {
  visitorId?: string | null;
  externalId?: string | null;
  email?: string | null;
  ip?: string | null;
};

/**
 * The one D1 query of the per-request check: the site's blocks that can match this visitor (by id, or as the
 * verified user `externalId`), an email (given now, or the visitor's stored one), and every IP block, which
 * is then matched in code (ranges cannot be matched by an index). Without blocks it reads one index entry.
 */
export function blocksThatMayMatch(db: Db, siteId: string, s: Suspect) {
  const visitorIds = sql`(SELECT id FROM visitors WHERE site_id = ${siteId} AND (id = ${s.visitorId ?? null} OR external_id = ${s.externalId ?? null}))`;
  return db
    .select({ id: blocks.id, kind: blocks.kind, value: blocks.value })
    .from(blocks)
    .where(
      and(
        eq(blocks.siteId, siteId),
        or(
          eq(blocks.kind, 'ip'),
          and(
            eq(blocks.kind, 'visitor'),
            or(eq(blocks.value, s.visitorId ?? ''), sql`${blocks.value} IN ${visitorIds}`),
          ),
          and(
            eq(blocks.kind, 'email'),
            or(
              eq(blocks.value, (s.email ?? '').trim().toLowerCase()),
              sql`${blocks.value} IN (SELECT lower(email) FROM ${visitors} WHERE id IN ${visitorIds})`,
            ),
          ),
        ),
      ),
    );
}

const ORDER: Record<BlockKind, number> = { visitor: 0, email: 1, ip: 2 };

/** Of the candidate rows, the block that refuses this suspect (the most specific: visitor, email, then IP); null if none. */
export function matchingBlock(rows: { id: string; kind: BlockKind; value: string }[], ip: string | null | undefined) {
  const hits = rows.filter((r) => r.kind !== 'ip' || ipBlockMatches(r.value, ip ?? null));
  return hits.sort((a, b) => ORDER[a.kind] - ORDER[b.kind])[0] ?? null;
}

/** Count one refused request, message or email against the block that refused it. */
export const countDrop = (db: Db, id: string) =>
  db
    .update(blocks)
    .set({ drops: sql`${blocks.drops} + 1`, lastDropAt: nowIso() })
    .where(eq(blocks.id, id));
