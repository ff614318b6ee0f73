import { and, eq, inArray } from 'drizzle-orm';
import { offerToAutoAssign } from '../conversations/auto-assign';
import { getDb } from '../db/client';
import { conversations } from '../db/schema';
import { listSites } from '../sites';
import { log } from '../lib/log';

/**
 * After an agent is deactivated: close every socket they hold (console sockets through
 * each site's SiteDO, conversation sockets through each ConversationDO) with 4003, and
 * put their open conversations back in the queue, offered to auto-assignment again.
 * Their tokens already fail on the next request (requireAgent checks `active`).
 * Conversations come from D1 and from the SiteDOs (which also know the newest ones
 * D1 may not have yet); each ConversationDO decides from its own state, so a
 * conversation named twice or no longer theirs changes nothing.
 */
export async function afterDeactivation(env: Env, agent: { id: string; name: string; workspaceId: string }) {
  const db = getDb(env.DB);
  const [sites, held] = await Promise.all([
    listSites(db, agent.workspaceId),
    db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.assigneeId, agent.id), inArray(conversations.status, ['waiting', 'active']))),
  ]);
  // The agent is already locked out in D1: a step that fails is logged, and sending
  // {"active": false} again repeats them all.
  const known = await Promise.allSettled(sites.map((s) => env.SITES.getByName(s.id).disconnectAgent(agent.id)));
  const ids = new Set([...held.map((r) => r.id), ...known.flatMap((r) => (r.status === 'fulfilled' ? r.value : []))]);
  const steps = await Promise.allSettled(
    [...ids].map(async (id) => {
      const released = await env.CONVERSATIONS.getByName(id).releaseAgent({ id: agent.id, name: agent.name });
      if (released) await offerToAutoAssign(env, released);
    }),
  );
  for (const r of [...known, ...steps])
    if (r.status === 'rejected') log.warn('deactivation.step_failed', { error: r.reason });
}
