-- Dialogue sessions ("Nghe dân nói - nói dân hiểu - làm dân tin", issue 15,
-- item 5): a unit plans a session (day, time, place, hosts, invited groups),
-- records it once held (how many attended, who, the conclusions), and each
-- issue raised there becomes a tracked feedback item (channel "dialogue")
-- linked by dialogue_id. The minutes (PDF) list the items and, for the unit's
-- previous session, the state of every item raised there.
CREATE TABLE dialogue_sessions (
  id @ID@,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  title TEXT NOT NULL,
  held_on TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  place TEXT NOT NULL,
  hosts TEXT NOT NULL,
  invited TEXT NOT NULL,
  state TEXT NOT NULL,
  attendees INTEGER NOT NULL,
  attendance TEXT NOT NULL,
  summary TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX dialogue_sessions_unit ON dialogue_sessions(unit_id, held_on);
ALTER TABLE feedback_items ADD COLUMN dialogue_id BIGINT REFERENCES dialogue_sessions(id);
CREATE INDEX feedback_items_dialogue ON feedback_items(dialogue_id);
