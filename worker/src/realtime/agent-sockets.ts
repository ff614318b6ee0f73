/** How long a registration is kept: an agent token's life plus a day (every deploy closes sockets anyway). */
const KEEP_MS = 8 * 24 * 3_600_000;

/**
 * The SiteDO's list of conversations on which an agent opened a socket, so that
 * deactivating the agent can close those sockets at once (docs/team.md). A row may
 * outlive its socket; closing is idempotent, so a stale row costs one RPC.
 */
export class AgentSockets {
  #sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    sql.exec(`CREATE TABLE IF NOT EXISTS agent_sockets (agent_id TEXT NOT NULL, conversation_id TEXT NOT NULL, opened_at INTEGER NOT NULL,
      PRIMARY KEY (agent_id, conversation_id))`);
  }

  /** Remember that the agent opened a socket on the conversation (and forget rows too old to matter). */
  opened(agentId: string, conversationId: string) {
    const now = Date.now();
    this.#sql.exec(
      `INSERT INTO agent_sockets (agent_id, conversation_id, opened_at) VALUES (?, ?, ?)
      ON CONFLICT(agent_id, conversation_id) DO UPDATE SET opened_at = excluded.opened_at`,
      agentId,
      conversationId,
      now,
    );
    this.#sql.exec('DELETE FROM agent_sockets WHERE opened_at < ?', now - KEEP_MS);
  }

  /** Every conversation the agent may have a socket on, forgetting them. */
  take(agentId: string): string[] {
    return this.#sql
      .exec<{ id: string }>('DELETE FROM agent_sockets WHERE agent_id = ? RETURNING conversation_id AS id', agentId)
      .toArray()
      .map((r) => r.id);
  }
}
