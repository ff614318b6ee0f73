import type { Context } from 'hono';
import { changedFields, isEmpty } from '../audit/diff';
import { audit } from '../audit/record';
import type { AgentEnv } from '../auth/middleware';
import type { Agent } from '../../../protocol';

/**
 * Record what an agent PATCH changed, one entry per kind so the log can be filtered by it:
 * `agent.deactivate` / `agent.reactivate`, `agent.role_change` (from → to), and `agent.update` for the rest
 * (name, maximum conversations, departments). Nothing when nothing changed.
 */
export async function auditAgentChanges(c: Context<AgentEnv>, before: Agent, after: Agent) {
  const target = { type: 'agent', id: before.id };
  const who = { name: after.name, email: after.email };
  if (before.active !== after.active) {
    await audit(c, { action: after.active ? 'agent.reactivate' : 'agent.deactivate', target, detail: who });
  }
  const role = changedFields({ role: before.role }, { role: after.role });
  if (!isEmpty(role)) await audit(c, { action: 'agent.role_change', target, detail: { ...who, changes: role } });
  const sorted = (a: Agent) => ({
    name: a.name,
    maxConcurrent: a.maxConcurrent,
    departmentIds: [...a.departmentIds].sort(),
  });
  const rest = changedFields(sorted(before), sorted(after));
  if (!isEmpty(rest)) await audit(c, { action: 'agent.update', target, detail: { ...who, changes: rest } });
}
