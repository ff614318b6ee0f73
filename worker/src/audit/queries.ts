import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import type { AuditEntry, AuditPage, AuditQuery } from '../../../protocol';

type Row = typeof auditLog.$inferSelect;

/** An audit row as the API returns it. */
export const toAuditEntry = (r: Row): AuditEntry => ({
  id: r.id,
  at: r.at,
  ip: r.ip,
  action: r.action as AuditEntry['action'],
  detail: r.detail,
  actor: { type: r.actorType, id: r.actorId, name: r.actorName },
  target: r.targetType && r.targetId ? { type: r.targetType, id: r.targetId } : null,
});

/**
 * One page of a workspace's audit log, newest first. The cursor is the last entry's seq (opaque to clients):
 * entries written meanwhile land before it, so paging never repeats or skips one. A malformed cursor is null.
 */
export async function listAudit(db: Db, workspaceId: string, q: AuditQuery): Promise<AuditPage | null> {
  const before = q.cursor === undefined ? undefined : /^\d{1,15}$/.test(q.cursor) ? Number(q.cursor) : null;
  if (before === null) return null;
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        before === undefined ? undefined : lt(auditLog.seq, before),
        q.action ? eq(auditLog.action, q.action) : undefined,
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map(toAuditEntry),
    nextCursor: rows.length > q.limit ? String(page[page.length - 1]!.seq) : null,
  };
}
