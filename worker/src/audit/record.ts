import type { Context } from 'hono';
import type { AgentIdentity } from '../auth/middleware';
import { getDb } from '../db/client';
import { auditLog } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import { clientIp } from '../lib/ratelimit';
import type { AuditAction, AuditActor } from '../../../protocol';

/** What one audit entry says, besides who, when and from where. `detail` must never hold a secret. */
export type AuditFacts = {
  action: AuditAction;
  target?: { type: string; id: string };
  detail?: Record<string, unknown>;
};

/** The caller's address as the audit log keeps it (CF-Connecting-IP; null when there is none, locally). */
export const auditIp = (req: Request) => {
  const ip = clientIp(req);
  return ip === 'local' ? null : ip;
};

/**
 * Append one entry to a workspace's audit log. Awaited by the route (not waitUntil), so an action the
 * API acknowledged is always in the log; it is one D1 insert on admin paths only, never on the message path.
 */
export async function recordAudit(
  env: Env,
  workspaceId: string,
  actor: AuditActor,
  ip: string | null,
  facts: AuditFacts,
) {
  await getDb(env.DB)
    .insert(auditLog)
    .values({
      id: newId('au'),
      workspaceId,
      at: nowIso(),
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      ip,
      action: facts.action,
      targetType: facts.target?.type ?? null,
      targetId: facts.target?.id ?? null,
      detail: facts.detail ?? {},
    });
}

/** The actor for a signed-in agent. */
export const agentActor = (agent: Pick<AgentIdentity, 'id' | 'name'>): AuditActor => ({
  type: 'agent',
  id: agent.id,
  name: agent.name,
});

/** Record an action of the request's signed-in agent, in their workspace, from the request's address. */
export const audit = (c: Context<{ Bindings: Env; Variables: { agent: AgentIdentity } }>, facts: AuditFacts) =>
  recordAudit(c.env, c.var.agent.workspaceId, agentActor(c.var.agent), auditIp(c.req.raw), facts);
