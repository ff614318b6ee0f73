-- Issue 10 (item 6): search and stats at 100,000 conversations read indexes only.

-- Message words keyed by their conversation: rowid = conversation rowid << 24 | seq, so a hit names its
-- conversation without a lookup in messages (rowid >> 24), and the inbox can test a conversation against
-- the hits from its index alone. Contentless: the text lives in messages. Replaces messages_fts.
DROP TRIGGER messages_fts_insert;
DROP TRIGGER messages_fts_delete;
DROP TRIGGER messages_fts_update;
DROP TABLE messages_fts;
CREATE VIRTUAL TABLE message_words USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER message_words_insert AFTER INSERT ON messages BEGIN
  INSERT INTO message_words(rowid, body) SELECT (c.rowid << 24) | new.seq, new.body FROM conversations c WHERE c.id = new.conversation_id;
END;
CREATE TRIGGER message_words_delete AFTER DELETE ON messages BEGIN
  DELETE FROM message_words WHERE rowid = (SELECT (c.rowid << 24) | old.seq FROM conversations c WHERE c.id = old.conversation_id);
END;
CREATE TRIGGER message_words_update AFTER UPDATE OF body ON messages BEGIN
  DELETE FROM message_words WHERE rowid = (SELECT (c.rowid << 24) | old.seq FROM conversations c WHERE c.id = old.conversation_id);
  INSERT INTO message_words(rowid, body) SELECT (c.rowid << 24) | new.seq, new.body FROM conversations c WHERE c.id = new.conversation_id;
END;
INSERT INTO message_words(rowid, body) SELECT (c.rowid << 24) | m.seq, m.body FROM messages m JOIN conversations c ON c.id = m.conversation_id;

-- Visitors' names and emails as words (an email is its parts: ana.lopez@acme.io is "ana lopez acme io"),
-- so finding a visitor is an index lookup, not a scan of every visitor of the site.
CREATE VIRTUAL TABLE visitor_words USING fts5(name, email, content='visitors', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER visitor_words_insert AFTER INSERT ON visitors BEGIN
  INSERT INTO visitor_words(rowid, name, email) VALUES (new.rowid, new.name, new.email);
END;
CREATE TRIGGER visitor_words_delete AFTER DELETE ON visitors BEGIN
  INSERT INTO visitor_words(visitor_words, rowid, name, email) VALUES ('delete', old.rowid, old.name, old.email);
END;
CREATE TRIGGER visitor_words_update AFTER UPDATE OF name, email ON visitors BEGIN
  INSERT INTO visitor_words(visitor_words, rowid, name, email) VALUES ('delete', old.rowid, old.name, old.email);
  INSERT INTO visitor_words(rowid, name, email) VALUES (new.rowid, new.name, new.email);
END;
INSERT INTO visitor_words(visitor_words) VALUES ('rebuild');

-- Stats: every figure is a count, sum or ordered walk over one of these ranges, covered by the index.
DROP INDEX conversations_resolved;
DROP INDEX conversations_rated;
CREATE INDEX conversations_open ON conversations(site_id, status, archived_at, assignee_id);
CREATE INDEX conversations_resolved ON conversations(site_id, resolved_at, resolution_seconds);
CREATE INDEX conversations_first_reply ON conversations(site_id, first_agent_reply_at, first_response_seconds);
CREATE INDEX conversations_closed ON conversations(site_id, closed_at, status, first_agent_reply_at);
CREATE INDEX conversations_rated ON conversations(site_id, rated_at, rating_score);
-- Per agent: one range per agent of the workspace, already in the order of the grouping.
CREATE INDEX conversations_agent_created ON conversations(site_id, assignee_id, created_at);
CREATE INDEX conversations_agent_resolved ON conversations(site_id, assignee_id, resolved_at);
CREATE INDEX conversations_agent_first_reply ON conversations(site_id, assignee_id, first_agent_reply_at, first_response_seconds);

-- The words of message_words with their counts: a typed prefix expands to the words it stands for, and an
-- estimate of its hits decides whether the hits drive the inbox query or the inbox order does.
CREATE VIRTUAL TABLE message_words_vocab USING fts5vocab(message_words, 'row');
CREATE VIRTUAL TABLE visitor_words_vocab USING fts5vocab(visitor_words, 'row');

-- The archived view in inbox order (archived_at IS NOT NULL is a range of conversations_inbox: a sort of them all).
CREATE INDEX conversations_archived ON conversations(site_id, last_message_at DESC, id DESC) WHERE archived_at IS NOT NULL;
