-- Announcements for the hamlets' loudspeakers and the portal (issue 16):
-- the text, the days (both included) and times of day to play it, the target
-- hamlets (one a line; '' = every hamlet of the unit). The audio is spoken
-- from the text on demand (espeak-ng), not stored. announcement_broadcasts is
-- the log of what a loudspeaker controller reported it played, where.
CREATE TABLE announcements (
  id @ID@,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  times TEXT NOT NULL,
  hamlets TEXT NOT NULL,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX announcements_unit ON announcements(unit_id, ends_on);

CREATE TABLE announcement_broadcasts (
  id @ID@,
  announcement_id BIGINT NOT NULL REFERENCES announcements(id),
  hamlet TEXT NOT NULL,
  played_at TEXT NOT NULL,
  reported_by BIGINT,
  reported_at TEXT NOT NULL
);
CREATE INDEX announcement_broadcasts_announcement ON announcement_broadcasts(announcement_id, id);
