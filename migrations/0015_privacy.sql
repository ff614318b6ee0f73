-- Issue 15 items 3 and 4: export and data subject requests (docs/privacy.md).

-- An erased visitor keeps an anonymous row (the id their conversations point to, for the statistics); erased_at
-- says the person behind it was erased. A later visit with the old token starts a new visitor.
ALTER TABLE visitors ADD COLUMN erased_at TEXT;

-- Export: a site's conversations by creation time, walked by keyset (created_at, id) a page at a time.
CREATE INDEX conversations_export ON conversations(site_id, created_at, id);
-- (Finding a visitor by email uses visitors_site_email (site_id, lower(email)) of migration 0010.)
-- Retention: a site's visitors not seen since a date, oldest first; erased ones are left out.
CREATE INDEX visitors_site_seen ON visitors(site_id, last_seen_at) WHERE erased_at IS NULL;

-- Retention per site: erase visitors with no activity for `months`. No row: off (the default).
CREATE TABLE retention_policies (
  site_id TEXT PRIMARY KEY,
  months INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  last_run_at TEXT,
  last_erased INTEGER NOT NULL DEFAULT 0
);

-- Erasures in progress and done: a row is written before the first step and completed after the last, so an
-- erasure cut short (a crash, a timeout) is found and run again by the scheduled job. Holds no erased data.
CREATE TABLE erasures (
  visitor_id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL,
  site_id TEXT NOT NULL,
  reason TEXT NOT NULL,              -- 'request' (an admin) or 'retention'
  requested_at TEXT NOT NULL,
  requested_by TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  completed_at TEXT,
  -- Progress: the last conversation (in id order) fully erased, so a run cut short continues after it; counts so far.
  cursor TEXT,
  conversations INTEGER NOT NULL DEFAULT 0,
  messages INTEGER NOT NULL DEFAULT 0,
  files INTEGER NOT NULL DEFAULT 0,
  -- 1 once the word indexes were compacted after it: FTS5 keeps a deleted word's bytes in its segments until they
  -- are merged, so the scheduled job merges them ('optimize') after erasures (docs/privacy.md).
  compacted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX erasures_pending ON erasures(requested_at) WHERE completed_at IS NULL;
CREATE INDEX erasures_uncompacted ON erasures(completed_at) WHERE compacted = 0 AND completed_at IS NOT NULL;
