import { and, asc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agentDepartments, agents, departments, workspaces } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import type { Agent } from '../../../protocol';

/** An agent row with the ids of its departments. */
export type AgentRow = typeof agents.$inferSelect & { departmentIds: string[] };

// One correlated subquery gathers the department ids, so any list of agents is a
// single query (an IN list would hit D1's 100-parameter cap on big workspaces).
const departmentIds =
  sql<string>`(SELECT json_group_array(${agentDepartments.departmentId}) FROM ${agentDepartments} WHERE ${agentDepartments.agentId} = ${agents.id})`.mapWith(
    (v: string) => (JSON.parse(v) as string[]).sort(),
  );
const withDepartments = { ...getTableColumns(agents), departmentIds };

/** The public view of an agent row: never the password or invite hash. */
export const toAgent = (row: AgentRow): Agent => ({
  id: row.id,
  workspaceId: row.workspaceId,
  name: row.name,
  email: row.email,
  role: row.role,
  active: row.active,
  invited: row.invited,
  maxConcurrent: row.maxConcurrent,
  departmentIds: row.departmentIds,
});

/** Agents matching `where`, each with its department ids, oldest first. */
export const selectAgents = (db: Db, where: SQL | undefined) =>
  db.select(withDepartments).from(agents).where(where).orderBy(asc(agents.createdAt), asc(agents.id));

/** The first agent matching `where`, with its department ids. */
export async function findAgent(db: Db, where: SQL | undefined): Promise<AgentRow | undefined> {
  const [row] = await selectAgents(db, where).limit(1);
  return row;
}

/** Find an agent by email (emails are stored lower-case). */
export const findAgentByEmail = (db: Db, email: string) => findAgent(db, eq(agents.email, email));

/** Find an agent by id. */
export const findAgentById = (db: Db, id: string) => findAgent(db, eq(agents.id, id));

/** An agent only if it belongs to the workspace (other workspaces' ids look unknown). */
export const findWorkspaceAgent = (db: Db, workspaceId: string, id: string) =>
  findAgent(db, and(eq(agents.id, id), eq(agents.workspaceId, workspaceId)));

/** Create a workspace, its owner and its default department "General" (owner in it) in one atomic batch. */
export async function createWorkspaceWithOwner(
  db: Db,
  input: { workspace: string; name: string; email: string; passwordHash: string },
): Promise<AgentRow> {
  const createdAt = nowIso();
  const workspace = { id: newId('ws'), name: input.workspace, createdAt };
  const general = {
    id: newId('dp'),
    workspaceId: workspace.id,
    name: 'General',
    isDefault: true,
    autoAssign: false,
    createdAt,
  };
  const owner = {
    id: newId('ag'),
    workspaceId: workspace.id,
    name: input.name,
    email: input.email,
    passwordHash: input.passwordHash,
    role: 'owner' as const,
    active: true,
    invited: false,
    maxConcurrent: 5,
    inviteTokenHash: null,
    preferences: {},
    tokensValidAfter: 0,
    createdAt,
  };
  await db.batch([
    db.insert(workspaces).values(workspace),
    db.insert(agents).values(owner),
    db.insert(departments).values(general),
    db.insert(agentDepartments).values({ agentId: owner.id, departmentId: general.id }),
  ]);
  return { ...owner, departmentIds: [general.id] };
}

/**
 * Turn a pending invitation into a working account: set the password and burn the
 * token. Conditional on the hash, so two racing accepts cannot both succeed.
 */
export async function acceptInvite(db: Db, tokenHash: string, passwordHash: string): Promise<AgentRow | undefined> {
  const pending = and(eq(agents.inviteTokenHash, tokenHash), eq(agents.invited, true), eq(agents.active, true));
  const [done] = await db
    .update(agents)
    .set({ passwordHash, invited: false, inviteTokenHash: null })
    .where(pending)
    .returning({ id: agents.id });
  return done ? findAgentById(db, done.id) : undefined;
}
