-- Issue 11 item 1: the block list per site. `value` is normalised by the worker: a visitor id, a canonical
-- IP address or CIDR range (IPv4-mapped IPv6 stored as IPv4), or a lower-cased email. Every refused request,
-- message or email counts as a drop of the block that matched it.
CREATE TABLE blocks (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  kind TEXT NOT NULL,                -- 'visitor' | 'ip' | 'email'
  value TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_by_id TEXT,
  created_by_name TEXT,
  created_at TEXT NOT NULL,
  drops INTEGER NOT NULL DEFAULT 0,
  last_drop_at TEXT
);
-- One block per (site, kind, value) (409 already_blocked); also the index of the per-request check.
CREATE UNIQUE INDEX blocks_site_kind_value ON blocks (site_id, kind, value);

-- The address a visitor last came from (set at session and socket upgrade): how an IP block finds the
-- visitors whose sockets are open now.
ALTER TABLE visitors ADD COLUMN last_ip TEXT;
-- How an email block finds the visitors who gave that address (any case).
CREATE INDEX visitors_site_email ON visitors (site_id, lower(email));
