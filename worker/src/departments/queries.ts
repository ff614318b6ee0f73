import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agentDepartments, conversations, departments } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import type { Department } from '../../../protocol';

/** The public view of a department row. */
export const toDepartment = (row: typeof departments.$inferSelect): Department => ({
  id: row.id,
  workspaceId: row.workspaceId,
  name: row.name,
  isDefault: row.isDefault,
  autoAssign: row.autoAssign,
});

/** A workspace's departments: the default first, then by name. */
export const listDepartments = (db: Db, workspaceId: string) =>
  db
    .select()
    .from(departments)
    .where(eq(departments.workspaceId, workspaceId))
    .orderBy(desc(departments.isDefault), sql`${departments.name} COLLATE NOCASE`, departments.id);

/** A department, only if it belongs to the workspace. */
export const findWorkspaceDepartment = (db: Db, workspaceId: string, id: string) =>
  db.query.departments.findFirst({ where: and(eq(departments.id, id), eq(departments.workspaceId, workspaceId)) });

/** The workspace's default department (every workspace has exactly one). */
export const findDefaultDepartment = (db: Db, workspaceId: string) =>
  db.query.departments.findFirst({
    where: and(eq(departments.workspaceId, workspaceId), eq(departments.isDefault, true)),
  });

/** Whether another department of the workspace already has this name (case-insensitive). */
export async function departmentNameTaken(db: Db, workspaceId: string, name: string, exceptId?: string) {
  const [hit] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(
      and(
        eq(departments.workspaceId, workspaceId),
        sql`lower(${departments.name}) = lower(${name})`,
        exceptId ? ne(departments.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return Boolean(hit);
}

/** Which of `ids` are departments of the workspace (for validating agents' memberships). */
export async function workspaceDepartmentIds(db: Db, workspaceId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.workspaceId, workspaceId), inArray(departments.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Create a (non-default) department. */
export async function createDepartment(db: Db, workspaceId: string, input: { name: string; autoAssign: boolean }) {
  const row = { id: newId('dp'), workspaceId, isDefault: false, createdAt: nowIso(), ...input };
  await db.insert(departments).values(row);
  return row;
}

/**
 * Rename, toggle auto-assign, or make a department the default. The old default
 * is cleared first in the same batch: the partial unique index allows one default.
 */
export async function updateDepartment(
  db: Db,
  dep: typeof departments.$inferSelect,
  change: { name?: string; autoAssign?: boolean; isDefault?: true },
) {
  const next = { ...dep, ...change };
  const update = db.update(departments).set(change).where(eq(departments.id, dep.id)); // only the fields sent
  if (change.isDefault && !dep.isDefault) {
    const clear = db
      .update(departments)
      .set({ isDefault: false })
      .where(and(eq(departments.workspaceId, dep.workspaceId), eq(departments.isDefault, true)));
    await db.batch([clear, update]);
  } else {
    await update;
  }
  return next;
}

/**
 * Delete a department in one batch: members left with no department join the
 * default, its membership rows go, and its conversations that are not closed move
 * to the default. Closed ones keep the old id as history.
 */
export async function deleteDepartment(
  db: Db,
  dep: typeof departments.$inferSelect,
  defaultId: string,
): Promise<string[]> {
  // (A builder, not db.run: drizzle cannot batch raw SQL that has parameters.)
  const orphans = db.insert(agentDepartments).select(sql`
    SELECT ad.agent_id, ${defaultId} FROM agent_departments ad
    WHERE ad.department_id = ${dep.id}
      AND NOT EXISTS (SELECT 1 FROM agent_departments o WHERE o.agent_id = ad.agent_id AND o.department_id != ${dep.id})`);
  // D1 is only the index: each ConversationDO owns its state, so the caller also tells
  // the moved conversations' objects (the ids returned), or their next projection would undo this.
  const open = and(
    eq(conversations.workspaceId, dep.workspaceId),
    eq(conversations.departmentId, dep.id),
    ne(conversations.status, 'closed'),
  );
  const moveConversations = db
    .update(conversations)
    .set({ departmentId: defaultId })
    .where(open)
    .returning({ id: conversations.id });
  const [, , moved] = await db.batch([
    orphans,
    db.delete(agentDepartments).where(eq(agentDepartments.departmentId, dep.id)),
    moveConversations,
    db.delete(departments).where(eq(departments.id, dep.id)),
  ]);
  return moved.map((r) => r.id);
}
