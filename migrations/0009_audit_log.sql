-- Issue 11 item 5: the audit log of admin and security actions, per workspace, newest first.
-- `seq` orders entries (and pages them) even when two share a millisecond; `detail` is JSON (what changed),
-- never a secret or a password.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  workspace_id TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_type TEXT NOT NULL,          -- 'agent' | 'anonymous' | 'system'
  actor_id TEXT,
  actor_name TEXT,
  ip TEXT,
  action TEXT NOT NULL,
  target_type TEXT,
  target_id TEXT,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_workspace ON audit_log (workspace_id, seq DESC);
