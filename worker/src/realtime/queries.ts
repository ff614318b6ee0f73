import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agentDepartments, agents, departments } from '../db/schema';
import type { RosterAgent } from './assignment';

/** A department's auto-assign flag and the active (not merely invited) agents in it. */
export async function departmentRoster(
  db: Db,
  departmentId: string,
): Promise<{ autoAssign: boolean; agents: RosterAgent[] }> {
  const [dept, rows] = await db.batch([
    db.select({ autoAssign: departments.autoAssign }).from(departments).where(eq(departments.id, departmentId)),
    db
      .select({ id: agents.id, name: agents.name, maxConcurrent: agents.maxConcurrent })
      .from(agentDepartments)
      .innerJoin(agents, eq(agents.id, agentDepartments.agentId))
      .where(and(eq(agentDepartments.departmentId, departmentId), eq(agents.active, true), eq(agents.invited, false))),
  ]);
  return { autoAssign: dept[0]?.autoAssign ?? false, agents: rows };
}
