-- Citizens' feedback, complaints and denunciations (features/feedback).
--
-- feedback_items: the register. unit_id is the handling unit (it changes when
-- an item is assigned across the tree); received_unit_id the unit it came in
-- at. person_*: personal data, never shown on public pages or in
-- unauthenticated Open311 answers. due_at: the legal due instant on the
-- handling unit's calendar (NULL for an anonymous denunciation), recomputed
-- when the clock is paused, resumed or extended. published_answer: the reply
-- with personal data removed, set only while published = 1.
CREATE TABLE feedback_items (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  received_unit_id BIGINT NOT NULL REFERENCES units(id),
  kind TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  state TEXT NOT NULL,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  person_name TEXT NOT NULL,
  person_phone TEXT NOT NULL,
  person_email TEXT NOT NULL,
  person_address TEXT NOT NULL,
  anonymous INTEGER NOT NULL,
  dossier_code TEXT NOT NULL,
  procedure_code TEXT NOT NULL,
  about_official_id BIGINT REFERENCES officials(id),
  assignee_id BIGINT REFERENCES officials(id),
  received_at TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  due_at TEXT,
  extended INTEGER NOT NULL,
  extension_reason TEXT NOT NULL,
  paused_since TEXT,
  reply_draft TEXT NOT NULL,
  reply TEXT NOT NULL,
  published INTEGER NOT NULL,
  published_answer TEXT NOT NULL,
  answered_at TEXT,
  closed_at TEXT,
  timeliness TEXT NOT NULL,
  reopen_count INTEGER NOT NULL,
  merged_into BIGINT REFERENCES feedback_items(id),
  created_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX feedback_items_unit ON feedback_items(unit_id, id);
CREATE INDEX feedback_items_due ON feedback_items(state, due_at);

-- The timeline of an item: every step, with the note, request, reason or reply
-- it carried. internal = 1: never shown to the citizen (notes, drafts).
CREATE TABLE feedback_steps (
  id @ID@,
  item_id BIGINT NOT NULL REFERENCES feedback_items(id),
  at TEXT NOT NULL,
  actor_id BIGINT REFERENCES officials(id),
  action TEXT NOT NULL,
  body TEXT NOT NULL,
  internal INTEGER NOT NULL
);
CREATE INDEX feedback_steps_item ON feedback_steps(item_id, id);

-- The stretches of time the clock stood still (information requested).
CREATE TABLE feedback_pauses (
  id @ID@,
  item_id BIGINT NOT NULL REFERENCES feedback_items(id),
  from_at TEXT NOT NULL,
  to_at TEXT
);
CREATE INDEX feedback_pauses_item ON feedback_pauses(item_id, id);

-- Gap-free codes: the last serial of each unit and year, advanced in the write
-- that registers an item.
CREATE TABLE feedback_serials (
  unit_id BIGINT NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (unit_id, year)
);
