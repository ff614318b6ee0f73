import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, blocks, webhooks } from '../db/schema';

// D1 writes of an erasure outside the visitor's own rows and conversations (docs/privacy.md "What is erased, where").

/** What stands in for erased words in the audit log (the entry stays: who did what, when). */
export const ERASED = '[erased]';

/**
 * The visitor's addresses outside their own rows: the audit log's block entries that name their id, email or last
 * IP on their site lose the value and the reason (free text, often the person's name); a block that still stands
 * keeps its value (it exists to keep refusing it) and loses its reason. Run before anonymiseVisitor (it needs the
 * row's email and IP); matching what is already erased changes nothing, so a retry is safe.
 */
export async function scrubSideTables(
  db: Db,
  workspaceId: string,
  row: { id: string; siteId: string; email: string | null; lastIp: string | null },
) {
  const values = [row.id, row.email?.toLowerCase(), row.lastIp].filter((v): v is string => !!v);
  const listed = sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
  await db.batch([
    db
      .update(auditLog)
      .set({
        detail: sql`json_replace(json_set(${auditLog.detail}, '$.value', ${ERASED}), '$.reason', ${ERASED})`,
      })
      .where(
        and(
          eq(auditLog.workspaceId, workspaceId),
          sql`${auditLog.action} IN ('block.create', 'block.delete')`,
          sql`json_extract(${auditLog.detail}, '$.siteId') = ${row.siteId}`,
          sql`lower(json_extract(${auditLog.detail}, '$.value')) IN (${listed})`,
        ),
      ),
    db
      .update(blocks)
      .set({ reason: '' })
      .where(and(eq(blocks.siteId, row.siteId), sql`lower(${blocks.value}) IN (${listed})`)),
  ]);
}

/** The workspace's webhooks, enabled or not (a disabled one keeps its delivery log). */
export const workspaceWebhooks = (db: Db, workspaceId: string) =>
  db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.workspaceId, workspaceId));
