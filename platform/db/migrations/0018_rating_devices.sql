-- Desk tablets (kiosks) and what they show. A tablet is paired by an official:
-- the official makes a pairing code (6 digits, 10 minutes), the tablet enters
-- it and receives a device token; the table keeps the SHA-256 of each.
-- Revoked tablets keep their row (ratings point at it).
CREATE TABLE rating_devices (
  id @ID@,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  official_id BIGINT NOT NULL REFERENCES officials(id),
  name TEXT NOT NULL,
  pairing_hash TEXT UNIQUE,
  pairing_expires TEXT,
  token_hash TEXT UNIQUE,
  created_at TEXT NOT NULL,
  paired_at TEXT,
  revoked_at TEXT,
  seen_at TEXT
);
CREATE INDEX rating_devices_official ON rating_devices(official_id, id);

-- The dossier an official invites to rate ("Mời đánh giá", or returning a
-- result): the official's tablets show the newest one not yet rated.
CREATE TABLE rating_invites (
  id @ID@,
  official_id BIGINT NOT NULL REFERENCES officials(id),
  dossier_id BIGINT NOT NULL REFERENCES dossiers(id),
  at TEXT NOT NULL
);
CREATE INDEX rating_invites_official ON rating_invites(official_id, id);
-- The results an official returned, found without scanning the history.
CREATE INDEX dossier_entries_actor ON dossier_entries(actor_id, action, id);
