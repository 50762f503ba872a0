-- Login throttling per (account, client address) instead of a lock per account
-- that anyone could keep closed; a safety net per account against guessing
-- from many addresses; passwords set by an administrator that must be changed.
--
-- login_throttles: one row per account and client address that failed or
-- succeeded. `failures` counts wrong passwords since the last success (or
-- since a quiet day); `blocked_until` is when that pair may try again;
-- `last_success_at` makes the address known to the account (it may still log
-- in while the account's safety net is closed).
CREATE TABLE login_throttles (
  official_id BIGINT NOT NULL REFERENCES officials(id) ON DELETE CASCADE,
  client_address TEXT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  blocked_until TEXT,
  last_success_at TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (official_id, client_address)
);
CREATE INDEX login_throttles_updated ON login_throttles(updated_at);

-- officials.failed_logins now counts wrong passwords from every address within
-- the window that started at failures_since; locked_until is the safety net.
ALTER TABLE officials ADD COLUMN failures_since TEXT;
ALTER TABLE officials ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
UPDATE officials SET failed_logins = 0, locked_until = NULL;
