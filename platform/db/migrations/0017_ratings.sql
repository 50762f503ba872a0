-- Citizens' ratings (issue 12 part A): one row per rating, bound to a unit and
-- an official, and optionally to a dossier (then once: unique) and to the desk
-- tablet it came from. Nothing identifies the citizen: no address, no device
-- cookie; `client_key` is the tablet's or client's idempotency key.
-- `level` is a level key (very_satisfied, satisfied, neutral,
-- somewhat_unsatisfied, unsatisfied); `reasons` a comma list of reason keys.
-- `flag` is empty, or why the rating waits for a leader's review.
CREATE TABLE ratings (
  id @ID@,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  official_id BIGINT NOT NULL REFERENCES officials(id),
  dossier_id BIGINT REFERENCES dossiers(id),
  procedure_id BIGINT NOT NULL,
  device_id BIGINT,
  scale INTEGER NOT NULL,
  level TEXT NOT NULL,
  reasons TEXT NOT NULL,
  comment TEXT NOT NULL,
  source TEXT NOT NULL,
  client_key TEXT,
  day TEXT NOT NULL,
  at TEXT NOT NULL,
  flag TEXT NOT NULL,
  reviewed_by BIGINT
);
CREATE UNIQUE INDEX ratings_dossier ON ratings(dossier_id);
CREATE UNIQUE INDEX ratings_client_key ON ratings(client_key);
CREATE INDEX ratings_flagged ON ratings(unit_id, id) WHERE flag <> '' AND reviewed_by IS NULL;
CREATE INDEX ratings_official_at ON ratings(official_id, at);

-- Counters per unit x day x official x procedure x level, added to in the
-- rating's write (the reports read these, never `ratings`).
CREATE TABLE rating_counts (
  unit_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  official_id BIGINT NOT NULL,
  procedure_id BIGINT NOT NULL,
  level TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (unit_id, day, official_id, procedure_id, level)
) @CLUSTERED@;
CREATE TABLE rating_reason_counts (
  unit_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  official_id BIGINT NOT NULL,
  reason TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (unit_id, day, official_id, reason)
) @CLUSTERED@;

-- A unit's choices (a unit without a row takes its nearest ancestor's, then
-- the defaults: 3 levels, the tablet resets after 20 s, links last 30 days).
CREATE TABLE rating_settings (
  unit_id BIGINT PRIMARY KEY REFERENCES units(id),
  scale INTEGER NOT NULL,
  reset_seconds INTEGER NOT NULL,
  link_days INTEGER NOT NULL
);

-- The server secret of the signed links and the officials' QR tokens
-- (hex, crypto_auth key).
CREATE TABLE rating_keys (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
