-- Issue 5: canned responses, knowledge base, notification preferences.

CREATE TABLE canned_responses (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  -- NULL: shared with the whole workspace; otherwise the agent it belongs to.
  owner_id TEXT REFERENCES agents(id),
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  shortcut TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  usage_count INTEGER NOT NULL DEFAULT 0,
  last_used_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX canned_workspace ON canned_responses(workspace_id, usage_count DESC);

CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX articles_workspace ON articles(workspace_id, updated_at DESC);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, content, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, content) VALUES (new.rowid, new.title, new.content);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, content) VALUES ('delete', old.rowid, old.title, old.content);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, content ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, content) VALUES ('delete', old.rowid, old.title, old.content);
  INSERT INTO articles_fts(rowid, title, content) VALUES (new.rowid, new.title, new.content);
END;

-- What each agent wants to be notified of in the console: {"desktop":bool,"sound":bool,"title":bool}.
ALTER TABLE agents ADD COLUMN preferences TEXT NOT NULL DEFAULT '{}';

-- Deleted messages in the searchable copy (the ConversationDO owns the real one).
ALTER TABLE messages ADD COLUMN deleted_at TEXT;
