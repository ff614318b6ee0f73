-- Issue 3: conversation lifecycle and timings, departments, invitations, visitor
-- profiles, and full-text search over messages.

ALTER TABLE agents ADD COLUMN max_concurrent INTEGER NOT NULL DEFAULT 5;
ALTER TABLE agents ADD COLUMN invited INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agents ADD COLUMN invite_token_hash TEXT;
CREATE UNIQUE INDEX agents_invite ON agents(invite_token_hash) WHERE invite_token_hash IS NOT NULL;

CREATE TABLE departments (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0,
  auto_assign INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX departments_workspace ON departments(workspace_id);
-- Exactly one default department per workspace.
CREATE UNIQUE INDEX departments_default ON departments(workspace_id) WHERE is_default = 1;

CREATE TABLE agent_departments (
  agent_id TEXT NOT NULL REFERENCES agents(id),
  department_id TEXT NOT NULL REFERENCES departments(id),
  PRIMARY KEY (agent_id, department_id)
);
CREATE INDEX agent_departments_department ON agent_departments(department_id);

-- Every existing workspace gets its default department, with all its agents in it.
INSERT INTO departments (id, workspace_id, name, is_default, auto_assign, created_at)
  SELECT 'dp_' || lower(hex(randomblob(16))), id, 'General', 1, 0, created_at FROM workspaces;
INSERT INTO agent_departments (agent_id, department_id)
  SELECT a.id, d.id FROM agents a JOIN departments d ON d.workspace_id = a.workspace_id AND d.is_default = 1;

ALTER TABLE conversations ADD COLUMN assignee_name TEXT;
ALTER TABLE conversations ADD COLUMN department_id TEXT;
ALTER TABLE conversations ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal';
ALTER TABLE conversations ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE conversations ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN first_claimed_at TEXT;
ALTER TABLE conversations ADD COLUMN first_visitor_message_at TEXT;
ALTER TABLE conversations ADD COLUMN first_agent_reply_at TEXT;
ALTER TABLE conversations ADD COLUMN resolved_at TEXT;
ALTER TABLE conversations ADD COLUMN closed_at TEXT;
ALTER TABLE conversations ADD COLUMN wait_seconds REAL;
ALTER TABLE conversations ADD COLUMN first_response_seconds REAL;
ALTER TABLE conversations ADD COLUMN resolution_seconds REAL;
CREATE INDEX conversations_status ON conversations(site_id, status, last_message_at DESC);
CREATE INDEX conversations_assignee ON conversations(site_id, assignee_id, last_message_at DESC);
CREATE INDEX conversations_department ON conversations(site_id, department_id);
CREATE INDEX conversations_resolved ON conversations(site_id, resolved_at);
UPDATE conversations SET department_id = (
  SELECT d.id FROM departments d WHERE d.workspace_id = conversations.workspace_id AND d.is_default = 1);

ALTER TABLE visitors ADD COLUMN user_agent TEXT;
ALTER TABLE visitors ADD COLUMN browser TEXT;
ALTER TABLE visitors ADD COLUMN os TEXT;
ALTER TABLE visitors ADD COLUMN device TEXT;
ALTER TABLE visitors ADD COLUMN current_url TEXT;
ALTER TABLE visitors ADD COLUMN current_title TEXT;
ALTER TABLE visitors ADD COLUMN referrer TEXT;
ALTER TABLE visitors ADD COLUMN landing_url TEXT;
ALTER TABLE visitors ADD COLUMN country TEXT;
ALTER TABLE visitors ADD COLUMN city TEXT;
ALTER TABLE visitors ADD COLUMN visits INTEGER NOT NULL DEFAULT 1;

-- Full text over message bodies (an external-content FTS5 index kept by triggers).
CREATE VIRTUAL TABLE messages_fts USING fts5(body, content='messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts(rowid, body) VALUES (new.rowid, new.body);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
  INSERT INTO messages_fts(rowid, body) VALUES (new.rowid, new.body);
END;
INSERT INTO messages_fts(rowid, body) SELECT rowid, body FROM messages;
