-- Issue 10: the D1 projection is written in batches that span conversations. A site's relays (RelayDO)
-- gather the projections of many ConversationDOs for a short window and insert them as ONE row here; this
-- trigger applies the row (each inbox row updated unless D1 already holds a newer rev; message copies
-- upserted by (conversation_id, seq), the FTS triggers follow) and deletes it. Applying a batch twice changes
-- nothing. Projections of a conversation that has no row (removed from the index) are ignored, not recreated.
CREATE TABLE projection_batches (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);

CREATE TRIGGER projection_batches_apply AFTER INSERT ON projection_batches
BEGIN
  UPDATE conversations SET
    status = p.value ->> 'status', assignee_id = p.value ->> 'assignee_id', assignee_name = p.value ->> 'assignee_name',
    archived_at = p.value ->> 'archived_at', updated_at = p.value ->> 'updated_at',
    last_message_at = p.value ->> 'last_message_at', last_message_preview = p.value ->> 'last_message_preview',
    last_message_sender = p.value ->> 'last_message_sender', last_seq = p.value ->> 'last_seq',
    message_count = p.value ->> 'message_count', visitor_unread = p.value ->> 'visitor_unread',
    agent_unread = p.value ->> 'agent_unread', visitor_read_seq = p.value ->> 'visitor_read_seq',
    agent_read_seq = p.value ->> 'agent_read_seq', rev = p.value ->> 'rev', department_id = p.value ->> 'department_id',
    priority = p.value ->> 'priority', tags = p.value ->> 'tags', notes = p.value ->> 'notes',
    first_agent_reply_at = p.value ->> 'first_agent_reply_at', resolved_at = p.value ->> 'resolved_at',
    closed_at = p.value ->> 'closed_at', wait_seconds = p.value ->> 'wait_seconds',
    first_response_seconds = p.value ->> 'first_response_seconds', resolution_seconds = p.value ->> 'resolution_seconds',
    rating_score = p.value ->> 'rating_score', rating_comment = p.value ->> 'rating_comment', rated_at = p.value ->> 'rated_at'
  FROM json_each(NEW.payload) AS p
  WHERE conversations.id = p.value ->> 'id' AND conversations.rev <= p.value ->> 'rev';
  INSERT INTO messages (conversation_id, seq, id, sender_type, sender_id, kind, body, created_at, deleted_at)
    SELECT p.value ->> 'id', m.value ->> 'seq', m.value ->> 'id', m.value ->> 'sender_type', m.value ->> 'sender_id',
      m.value ->> 'kind', m.value ->> 'body', m.value ->> 'created_at', m.value ->> 'deleted_at'
    FROM json_each(NEW.payload) AS p, json_each(p.value, '$.messages') AS m
    WHERE EXISTS (SELECT 1 FROM conversations c WHERE c.id = p.value ->> 'id')
    ON CONFLICT (conversation_id, seq) DO UPDATE SET body = excluded.body, deleted_at = excluded.deleted_at;
  DELETE FROM projection_batches WHERE id = NEW.id;
END;
