-- Issue 15 item 1: webhooks per workspace. D1 holds what admins configure (and the list the relays read,
-- cached); each webhook's deliveries, their log and its diff baseline live in its own WebhookDeliveryDO.
-- `secret` is kept as is: it signs every delivery (HMAC), so it cannot be a hash.
CREATE TABLE webhooks (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  url TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  events TEXT NOT NULL,                 -- JSON array of event types
  include_notes INTEGER NOT NULL DEFAULT 0,
  secret TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  disabled_at TEXT,
  disabled_reason TEXT,                 -- 'failing' when the delivery object turned it off, else null
  created_by_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- The relays' lookup (enabled webhooks of a site's workspace) and the settings list.
CREATE INDEX webhooks_workspace ON webhooks (workspace_id, enabled);
