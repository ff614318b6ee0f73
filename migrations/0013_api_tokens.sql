-- Issue 15 item 2: API tokens for integrations (docs/integrations.md "API tokens").
-- Only the SHA-256 (hex) of a secret is stored; `hint` is its last four characters, for the list.
-- Times are unix ms. `scopes` is a JSON array of scope names (protocol/tokens.ts).
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  name TEXT NOT NULL,
  scopes TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  hint TEXT NOT NULL,
  created_by_id TEXT NOT NULL,
  created_by_name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  last_used_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX api_tokens_workspace ON api_tokens (workspace_id, created_at DESC);
