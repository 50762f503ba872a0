-- Announcements (issue 16): edited until first broadcast (version-checked),
-- withdrawn with who/when/why (they leave the playlist; the broadcast log keeps
-- what was played); and the loudspeaker controllers of a unit, each with its
-- own device token (stored as its SHA-256, shown once), for some hamlets
-- (one a line), revocable. A broadcast is reported by a controller.
ALTER TABLE announcements ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE announcements ADD COLUMN withdrawn_at TEXT;
ALTER TABLE announcements ADD COLUMN withdrawn_by BIGINT REFERENCES officials(id);
ALTER TABLE announcements ADD COLUMN withdrawn_reason TEXT NOT NULL DEFAULT '';

CREATE TABLE announcement_controllers (
  id @ID@,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  name TEXT NOT NULL,
  hamlets TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  created_by BIGINT REFERENCES officials(id),
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by BIGINT REFERENCES officials(id)
);
CREATE INDEX announcement_controllers_unit ON announcement_controllers(unit_id, id);

ALTER TABLE announcement_broadcasts ADD COLUMN controller_id BIGINT REFERENCES announcement_controllers(id);
