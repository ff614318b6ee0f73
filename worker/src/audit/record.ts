import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
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

/** The actor for a signed-in agent, or for an API token (its id and name: a token acts as itself, never as its creator). */
export const agentActor = (
  agent: Pick<AgentIdentity, 'id' | 'name'> & { kind?: AgentIdentity['kind'] },
): AuditActor => ({
  type: agent.kind === 'token' ? 'token' : 'agent',
  id: agent.id,
  name: agent.name,
});

/** Requests that recorded an entry of their own (so auditTokenWrites adds none). */
const audited = new WeakSet<Request>();

/** Record an action of the request's caller (a signed-in agent or an API token), in their workspace, from the request's address. */
export const audit = (c: Context<{ Bindings: Env; Variables: { agent: AgentIdentity } }>, facts: AuditFacts) => {
  audited.add(c.req.raw);
  return recordAudit(c.env, c.var.agent.workspaceId, agentActor(c.var.agent), auditIp(c.req.raw), facts);
};

/**
 * Every write an API token makes is in the audit log: a route that records its own entry (with the token as actor)
 * is enough; any other successful write (a message posted, a status changed) gets a `token.request` entry naming
 * the method and path. Reads are not logged; the token's `lastUsedAt` shows them. Never on a visitor's path.
 */
export const auditTokenWrites = () =>
  createMiddleware<{ Bindings: Env; Variables: { agent?: AgentIdentity } }>(async (c, next) => {
    await next();
    const who = c.var.agent;
    if (who?.kind !== 'token' || ['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return;
    if (c.res.status >= 400 || audited.has(c.req.raw)) return;
    await recordAudit(c.env, who.workspaceId, agentActor(who), auditIp(c.req.raw), {
      action: 'token.request',
      detail: { method: c.req.method, path: c.req.path, status: c.res.status },
    });
  });
