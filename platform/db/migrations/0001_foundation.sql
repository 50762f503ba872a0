-- Foundation: units, officials, roles, sessions, API tokens, events.
-- Instants are UTC text (YYYY-MM-DDTHH:MM:SSZ); dates are YYYY-MM-DD text.
-- @ID@ becomes the backend's auto-generated 64-bit primary key.

CREATE TABLE units (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  parent_id BIGINT REFERENCES units(id),
  path TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  successor_id BIGINT REFERENCES units(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX units_parent ON units(parent_id);
CREATE INDEX units_path ON units(path);

CREATE TABLE officials (
  id @ID@,
  username TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  position TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  password_is_demo INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX officials_unit ON officials(unit_id);

CREATE TABLE role_grants (
  id @ID@,
  official_id BIGINT NOT NULL REFERENCES officials(id) ON DELETE CASCADE,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (official_id, unit_id, role)
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  official_id BIGINT NOT NULL REFERENCES officials(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_official ON sessions(official_id);

CREATE TABLE api_tokens (
  id @ID@,
  official_id BIGINT NOT NULL REFERENCES officials(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by BIGINT REFERENCES officials(id),
  revoked_at TEXT
);

CREATE TABLE events (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id BIGINT,
  actor TEXT NOT NULL,
  unit_id BIGINT,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX events_entity ON events(entity, entity_id);

CREATE TABLE event_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO event_head (id, seq, hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
