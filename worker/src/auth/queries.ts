import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agents, workspaces } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import type { Agent } from '../protocol';

/** The public view of an agent row. */
export const toAgent = (row: typeof agents.$inferSelect): Agent => ({
  id: row.id, workspaceId: row.workspaceId, name: row.name, email: row.email, role: row.role,
});

/** Find an agent by email (emails are stored lower-case). */
export const findAgentByEmail = (db: Db, email: string) =>
  db.query.agents.findFirst({ where: eq(agents.email, email) });

/** Find an agent by id. */
export const findAgentById = (db: Db, id: string) => db.query.agents.findFirst({ where: eq(agents.id, id) });

/** Create a workspace and its owner in one atomic batch. */
export async function createWorkspaceWithOwner(
  db: Db, input: { workspace: string; name: string; email: string; passwordHash: string },
) {
  const createdAt = nowIso();
  const workspace = { id: newId('ws'), name: input.workspace, createdAt };
  const owner = {
    id: newId('ag'), workspaceId: workspace.id, name: input.name, email: input.email,
    passwordHash: input.passwordHash, role: 'owner' as const, active: true, createdAt,
  };
  await db.batch([db.insert(workspaces).values(workspace), db.insert(agents).values(owner)]);
  return owner;
}
