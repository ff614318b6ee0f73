-- Parley's D1 index. Messages are owned by each ConversationDO; D1 holds the
-- workspace model, the inbox index and a searchable copy of messages.

CREATE TABLE workspaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE agents (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'agent')),
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX agents_email ON agents(email);
CREATE INDEX agents_workspace ON agents(workspace_id);

CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  allowed_origins TEXT NOT NULL DEFAULT '[]',
  settings TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX sites_key ON sites(key);
CREATE INDEX sites_workspace ON sites(workspace_id);

CREATE TABLE visitors (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id),
  name TEXT,
  email TEXT,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX visitors_site ON visitors(site_id);

-- One row per conversation, written first by the worker when the conversation
-- starts and then kept current by the ConversationDO's outbox (guarded by rev).
CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  site_id TEXT NOT NULL REFERENCES sites(id),
  visitor_id TEXT NOT NULL REFERENCES visitors(id),
  status TEXT NOT NULL DEFAULT 'waiting',
  assignee_id TEXT,
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  last_message_at TEXT,
  last_message_preview TEXT,
  last_message_sender TEXT,
  last_seq INTEGER NOT NULL DEFAULT 0,
  message_count INTEGER NOT NULL DEFAULT 0,
  visitor_unread INTEGER NOT NULL DEFAULT 0,
  agent_unread INTEGER NOT NULL DEFAULT 0,
  visitor_read_seq INTEGER NOT NULL DEFAULT 0,
  agent_read_seq INTEGER NOT NULL DEFAULT 0,
  rev INTEGER NOT NULL DEFAULT 0
);
-- The inbox: a site's active (archived_at IS NULL) or archived conversations, newest first.
CREATE INDEX conversations_inbox ON conversations(site_id, archived_at, last_message_at DESC, id DESC);
CREATE INDEX conversations_visitor ON conversations(visitor_id, created_at DESC);

-- Searchable copy of the messages, projected by the ConversationDO; idempotent by (conversation_id, seq).
CREATE TABLE messages (
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  seq INTEGER NOT NULL,
  id TEXT NOT NULL,
  sender_type TEXT NOT NULL,
  sender_id TEXT,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);
