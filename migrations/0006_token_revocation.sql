-- Issue 9 item 2: deactivation revokes every token issued at or before it (unix milliseconds; 0 = none),
-- so a reactivated agent signs in again instead of an old, possibly stolen token coming back to life.
ALTER TABLE agents ADD COLUMN tokens_valid_after INTEGER NOT NULL DEFAULT 0;
