-- Issue 11 items 3 and 4: one-time setup links for closed sign-up, and per-account sign-in protection.

-- A setup link creates one workspace with its owner while SIGNUP is invite-only. Only the token's SHA-256
-- is stored; `used_at` is set by one conditional UPDATE, so a link works once even under a race.
CREATE TABLE setup_tokens (
  token_hash TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,       -- ms since the epoch
  expires_at INTEGER NOT NULL,       -- ms since the epoch
  used_at INTEGER,                   -- ms; null while unused
  workspace_id TEXT                  -- the workspace it created
);

-- Failed sign-ins per email (lower-case; also for emails with no account, so a lock reveals nothing).
-- `failures` counts attempts since the last lock or success (counted before the password is checked); `locks` counts the locks of the
-- current streak (each one twice as long); all times in ms since the epoch. A success deletes the row.
CREATE TABLE login_attempts (
  email TEXT PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0,
  locks INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0,
  last_attempt_at INTEGER NOT NULL
);
