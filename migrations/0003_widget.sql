-- Issue 4: identity verification, CSAT ratings.

-- The HMAC secret for identity verification (never sent to the widget).
ALTER TABLE sites ADD COLUMN identity_secret TEXT;

-- A verified user's id on the customer's side: the same visitor on every device.
ALTER TABLE visitors ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX visitors_external ON visitors(site_id, external_id) WHERE external_id IS NOT NULL;

ALTER TABLE conversations ADD COLUMN rating_score INTEGER;
ALTER TABLE conversations ADD COLUMN rating_comment TEXT;
ALTER TABLE conversations ADD COLUMN rated_at TEXT;
CREATE INDEX conversations_rated ON conversations(site_id, rated_at);
