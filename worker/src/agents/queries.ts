import { and, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agentDepartments, agents } from '../db/schema';
import { isUniqueViolation } from '../lib/errors';
import { newId, nowIso } from '../lib/ids';
import type { Role } from '../../../protocol';

/** Is this the unique-email index refusing a row? (the race behind a passed pre-check) */
export const isEmailTaken = (err: unknown) => isUniqueViolation(err, 'agents.email');

// One statement for any number of ids (json_each), so D1's 100-parameter cap never bites;
// `guard` lets the insert follow the same condition as the rest of its batch.
// (A builder, not db.run: drizzle cannot batch raw SQL that has parameters.)
const insertMemberships = (db: Db, agentId: string, departmentIds: string[], guard: SQL = sql`1`) =>
  db
    .insert(agentDepartments)
    .select(sql`SELECT ${agentId}, value FROM json_each(${JSON.stringify(departmentIds)}) WHERE ${guard}`);

/** Create an invited agent (no password until the invite is accepted) and its memberships in one batch. */
export async function createInvitedAgent(
  db: Db,
  workspaceId: string,
  input: {
    name: string;
    email: string;
    role: Exclude<Role, 'owner'>;
    maxConcurrent: number;
    departmentIds: string[];
    inviteTokenHash: string;
  },
) {
  const { departmentIds, ...rest } = input;
  const row = {
    id: newId('ag'),
    workspaceId,
    passwordHash: '',
    active: true,
    invited: true,
    createdAt: nowIso(),
    ...rest,
  };
  await db.batch([db.insert(agents).values(row), insertMemberships(db, row.id, departmentIds)]);
  return row.id;
}

/** How many active owners the workspace has besides `exceptId`. */
export async function otherActiveOwners(db: Db, workspaceId: string, exceptId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(agents)
    .where(
      and(
        eq(agents.workspaceId, workspaceId),
        eq(agents.role, 'owner'),
        eq(agents.active, true),
        ne(agents.id, exceptId),
      ),
    );
  return Number(row?.n ?? 0);
}

/** What a PATCH may change on an agent. */
export type AgentChange = {
  name?: string;
  role?: Role;
  active?: boolean;
  maxConcurrent?: number;
  departmentIds?: string[];
};

/**
 * Apply a change in one batch (fields, then the department set replaced whole).
 * When the change strips an owner, the update also requires another active owner
 * to exist, so two owners demoting each other at once cannot leave none; every
 * statement carries that guard, and false comes back when it refused.
 */
export async function updateAgent(
  db: Db,
  target: { id: string; workspaceId: string },
  change: AgentChange,
  stripsOwner: boolean,
) {
  const { departmentIds, ...fields } = change;
  const guard = stripsOwner
    ? sql`EXISTS (SELECT 1 FROM agents o WHERE o.workspace_id = ${target.workspaceId} AND o.role = 'owner' AND o.active = 1 AND o.id != ${target.id})`
    : sql`1`;
  const where = and(eq(agents.id, target.id), guard);
  const statements = [];
  // Deactivation revokes every token issued so far (auth/middleware.ts compares the token's issue time).
  const set = fields.active === false ? { ...fields, tokensValidAfter: Date.now() } : fields;
  if (Object.keys(fields).length) statements.push(db.update(agents).set(set).where(where).returning({ id: agents.id }));
  if (departmentIds) {
    statements.push(db.delete(agentDepartments).where(and(eq(agentDepartments.agentId, target.id), guard)));
    statements.push(insertMemberships(db, target.id, departmentIds, guard));
  }
  if (!statements.length) return true;
  const [first, ...rest] = statements;
  const results = await db.batch([first, ...rest]);
  return !(Object.keys(fields).length && (results[0] as unknown[]).length === 0);
}
