import type { AgentIdentity } from '../auth/middleware';
import type { AgentRow } from '../auth';
import type { Db } from '../db/client';
import { findDefaultDepartment, workspaceDepartmentIds } from '../departments';
import { errors } from '../lib/errors';
import type { AgentChange } from './queries';
import { otherActiveOwners } from './queries';

/**
 * The department set an agent gets: the given ids, which must all belong to the
 * workspace, or the default department when none are given (every agent is in
 * at least one department, so auto-assignment can always reach them).
 */
export async function resolveDepartments(db: Db, workspaceId: string, ids: string[] | undefined): Promise<string[]> {
  const wanted = [...new Set(ids ?? [])];
  if (!wanted.length) {
    const fallback = await findDefaultDepartment(db, workspaceId);
    if (!fallback) throw new Error(`workspace ${workspaceId} has no default department`);
    return [fallback.id];
  }
  const known = await workspaceDepartmentIds(db, workspaceId, wanted);
  const unknown = wanted.find((id) => !known.has(id));
  if (unknown) throw errors.badRequest(`departmentIds: no department ${unknown} in this workspace`);
  return wanted;
}

/**
 * Who may change whom (the caller is already an owner or admin): only owners
 * grant the owner role or touch an owner; nobody deactivates themselves; the
 * last active owner cannot step down. Returns whether the change takes the owner
 * role or activity away from an active owner (the update then re-checks it atomically).
 */
export async function checkAgentChange(
  db: Db,
  caller: AgentIdentity,
  target: AgentRow,
  change: AgentChange,
): Promise<boolean> {
  if (caller.role !== 'owner' && (target.role === 'owner' || change.role === 'owner')) {
    throw errors.forbidden('Only owners may grant the owner role or change an owner');
  }
  if (target.id === caller.id && change.active === false) {
    throw errors.conflict('self_deactivation', 'You cannot deactivate yourself');
  }
  const stripsOwner =
    target.role === 'owner' &&
    target.active &&
    ((change.role !== undefined && change.role !== 'owner') || change.active === false);
  if (stripsOwner && (await otherActiveOwners(db, target.workspaceId, target.id)) === 0) {
    throw errors.conflict('last_owner', 'The workspace needs at least one active owner');
  }
  return stripsOwner;
}
