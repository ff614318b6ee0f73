import type { Conversation } from '../../../protocol';

/** An agent who may receive conversations of a department. */
export type RosterAgent = { id: string; name: string; maxConcurrent: number };

/**
 * Pick who gets a new conversation: an online agent with room under their maximum,
 * the fewest open conversations first, ties to whoever has waited longest since
 * their last assignment (never assigned counts as longest). Null when nobody fits.
 */
export function chooseAgent(
  roster: RosterAgent[],
  online: Set<string>,
  load: (id: string) => number,
  lastAssigned: (id: string) => number,
): RosterAgent | null {
  let best: RosterAgent | null = null;
  for (const agent of roster) {
    if (!online.has(agent.id) || load(agent.id) >= agent.maxConcurrent) continue;
    if (!best) {
      best = agent;
      continue;
    }
    const diff = load(agent.id) - load(best.id);
    if (diff < 0 || (diff === 0 && lastAssigned(agent.id) < lastAssigned(best.id))) best = agent;
  }
  return best;
}

/**
 * The SiteDO's ledger of who holds which open conversation, kept from the
 * conversations' own events (newest rev wins) and from its own assignments, so
 * load is counted in the same single-threaded place that assigns.
 */
export class AssignmentLedger {
  #sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    sql.exec(`CREATE TABLE IF NOT EXISTS holdings (conversation_id TEXT PRIMARY KEY, agent_id TEXT, rev INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS holdings_agent ON holdings(agent_id);
      CREATE TABLE IF NOT EXISTS turns (agent_id TEXT PRIMARY KEY, last_assigned_at INTEGER NOT NULL);`);
  }

  /**
   * Follow a conversation's state: it counts for its assignee while active. Older revs are ignored, and only a
   * change of holder is written, so a message (which changes neither status nor assignee) writes nothing here.
   */
  track(c: Pick<Conversation, 'id' | 'status' | 'assigneeId' | 'rev'>) {
    const holder = c.status === 'active' ? c.assigneeId : null;
    if (holder === null) {
      this.#sql.exec(
        'UPDATE holdings SET agent_id = NULL, rev = ?2 WHERE conversation_id = ?1 AND rev < ?2 AND agent_id IS NOT NULL',
        c.id,
        c.rev,
      );
      return;
    }
    this.#sql.exec(
      `INSERT INTO holdings (conversation_id, agent_id, rev) VALUES (?, ?, ?)
       ON CONFLICT(conversation_id) DO UPDATE SET agent_id = excluded.agent_id, rev = excluded.rev
       WHERE excluded.rev > holdings.rev AND holdings.agent_id IS NOT excluded.agent_id`,
      c.id,
      holder,
      c.rev,
    );
  }

  /** Open conversations an agent holds. */
  load(agentId: string): number {
    return this.#sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM holdings WHERE agent_id = ?', agentId).one().n;
  }

  /** The open conversations the agent holds, by id. */
  heldBy(agentId: string): string[] {
    return this.#sql
      .exec<{ id: string }>('SELECT conversation_id AS id FROM holdings WHERE agent_id = ?', agentId)
      .toArray()
      .map((r) => r.id);
  }

  /** When the agent last got a conversation from auto-assignment (0: never). */
  lastAssigned(agentId: string): number {
    return (
      this.#sql.exec<{ t: number }>('SELECT last_assigned_at AS t FROM turns WHERE agent_id = ?', agentId).toArray()[0]
        ?.t ?? 0
    );
  }

  /** Record an assignment at once, before the conversation has even applied it, so the next choice sees it. */
  reserve(conversationId: string, agentId: string) {
    this.#sql.exec(
      `INSERT INTO holdings (conversation_id, agent_id, rev) VALUES (?, ?, 0)
       ON CONFLICT(conversation_id) DO UPDATE SET agent_id = excluded.agent_id`,
      conversationId,
      agentId,
    );
    this.#sql.exec(
      'INSERT INTO turns (agent_id, last_assigned_at) VALUES (?, ?) ON CONFLICT(agent_id) DO UPDATE SET last_assigned_at = excluded.last_assigned_at',
      agentId,
      Date.now() + this.#tick++,
    );
  }

  // Strictly increasing turn stamps even within one millisecond, so ties rotate.
  #tick = 0;
}
