-- Issue 6: email. The local provider's outbox, and visitors who unsubscribed.

CREATE TABLE email_outbox (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  -- The same key is never stored twice: a retried send is a no-op, as with Resend.
  idempotency_key TEXT NOT NULL,
  to_address TEXT NOT NULL,
  from_address TEXT NOT NULL,
  reply_to TEXT,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX email_outbox_key ON email_outbox(idempotency_key);
CREATE INDEX email_outbox_workspace ON email_outbox(workspace_id, created_at DESC);

ALTER TABLE visitors ADD COLUMN unsubscribed_at TEXT;
