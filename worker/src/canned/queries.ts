import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cannedResponses } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import { contains } from '../lib/search';
import type { CannedResponse } from '../../../protocol';

type Row = typeof cannedResponses.$inferSelect;

/** The public view of a row. */
export const toCanned = ({ workspaceId: _w, ...r }: Row): CannedResponse => ({ ...r, shared: r.ownerId === null });

/** What an agent sees: the workspace's shared responses and their own. */
const visibleTo = (workspaceId: string, agentId: string) =>
  and(
    eq(cannedResponses.workspaceId, workspaceId),
    or(isNull(cannedResponses.ownerId), eq(cannedResponses.ownerId, agentId)),
  );

/** An agent's responses, most used first; `q` matches shortcut, title or content. */
export function listCanned(db: Db, workspaceId: string, agentId: string, q?: string) {
  const match = q
    ? or(
        contains(cannedResponses.shortcut, q),
        contains(cannedResponses.title, q),
        contains(cannedResponses.content, q),
      )
    : undefined;
  return db
    .select()
    .from(cannedResponses)
    .where(and(visibleTo(workspaceId, agentId), match))
    .orderBy(desc(cannedResponses.usageCount), cannedResponses.title)
    .limit(200);
}

/** One response the agent can see. */
export const findVisibleCanned = (db: Db, workspaceId: string, agentId: string, id: string) =>
  db.query.cannedResponses.findFirst({ where: and(eq(cannedResponses.id, id), visibleTo(workspaceId, agentId)) });

/** Whether a shortcut is already taken among what the agent sees (other than `exceptId`). */
export async function shortcutTaken(db: Db, workspaceId: string, agentId: string, shortcut: string, exceptId?: string) {
  const rows = await db
    .select({ id: cannedResponses.id })
    .from(cannedResponses)
    .where(and(visibleTo(workspaceId, agentId), eq(cannedResponses.shortcut, shortcut)));
  return rows.some((r) => r.id !== exceptId);
}

/** Create a response: shared (ownerId null) or the agent's own. */
export async function createCanned(
  db: Db,
  workspaceId: string,
  ownerId: string | null,
  body: { title: string; content: string; shortcut: string; category: string },
) {
  const now = nowIso();
  const row: Row = {
    id: newId('cr'),
    workspaceId,
    ownerId,
    ...body,
    usageCount: 0,
    lastUsedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await db.insert(cannedResponses).values(row);
  return row;
}

/** Change fields (and who owns it, when `ownerId` is given). */
export async function updateCanned(
  db: Db,
  row: Row,
  changes: Partial<Pick<Row, 'title' | 'content' | 'shortcut' | 'category' | 'ownerId'>>,
) {
  const set = { ...changes, updatedAt: nowIso() }; // only what was sent: usage counts etc. are not overwritten
  await db.update(cannedResponses).set(set).where(eq(cannedResponses.id, row.id));
  return { ...row, ...set };
}

/** Count one use. */
export async function useCanned(db: Db, id: string) {
  const [row] = await db
    .update(cannedResponses)
    .set({ usageCount: sql`${cannedResponses.usageCount} + 1`, lastUsedAt: nowIso() })
    .where(eq(cannedResponses.id, id))
    .returning();
  return row!;
}

/** Delete one. */
export const deleteCanned = (db: Db, id: string) => db.delete(cannedResponses).where(eq(cannedResponses.id, id));
