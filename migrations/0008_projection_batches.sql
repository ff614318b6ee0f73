-- Issue 10: a ConversationDO's projection to D1 is one statement per batch. It updates the inbox row and
-- hands the batch's message copies over as JSON in pending_messages; this trigger upserts them by
-- (conversation_id, seq) (the FTS triggers follow) and clears the column. Idempotent, like before.
ALTER TABLE conversations ADD COLUMN pending_messages TEXT;

CREATE TRIGGER conversations_pending_messages AFTER UPDATE OF pending_messages ON conversations
WHEN NEW.pending_messages IS NOT NULL
BEGIN
  INSERT INTO messages (conversation_id, seq, id, sender_type, sender_id, kind, body, created_at, deleted_at)
    SELECT NEW.id, json_extract(value, '$.seq'), json_extract(value, '$.id'), json_extract(value, '$.senderType'),
      json_extract(value, '$.senderId'), json_extract(value, '$.kind'), json_extract(value, '$.body'),
      json_extract(value, '$.createdAt'), json_extract(value, '$.deletedAt')
    FROM json_each(NEW.pending_messages) WHERE true
    ON CONFLICT (conversation_id, seq) DO UPDATE SET body = excluded.body, deleted_at = excluded.deleted_at;
  UPDATE conversations SET pending_messages = NULL WHERE id = NEW.id;
END;
