-- Friendly letters (features/letters): templates, the register, counts, the
-- trigger cursor over the event log, "do not send" recipients.
--
-- letter_templates: versioned per unit and type (a save adds a version). A
-- unit without a version of its own uses its nearest ancestor's, else the
-- default text of the catalogue (features/letters/messages.vi.json).
CREATE TABLE letter_templates (
  id @ID@,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  type TEXT NOT NULL,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  front TEXT NOT NULL,
  back TEXT NOT NULL,
  paper TEXT NOT NULL,
  border INTEGER NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX letter_templates_version ON letter_templates(unit_id, type, version);

-- Who signs a unit's letters and the place in its date line.
CREATE TABLE letter_settings (
  unit_id BIGINT PRIMARY KEY REFERENCES units(id),
  place TEXT NOT NULL,
  signer_title TEXT NOT NULL,
  signer_name TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The register. A draft has no number; issuing gives the next number of the
-- unit and year (letter_serials, advanced in the same write) and counts it.
-- title/front/back: the template filled in when the letter was made.
-- trigger_seq: the event (events.seq) a triggered draft came from; one draft
-- per event and type, and one triggered draft per dossier and type.
CREATE TABLE letters (
  id @ID@,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  type TEXT NOT NULL,
  state TEXT NOT NULL,
  year INTEGER,
  number INTEGER,
  template_version INTEGER NOT NULL,
  title TEXT NOT NULL,
  front TEXT NOT NULL,
  back TEXT NOT NULL,
  paper TEXT NOT NULL,
  border INTEGER NOT NULL,
  recipient_name TEXT NOT NULL,
  recipient_address TEXT NOT NULL,
  recipient_phone TEXT NOT NULL,
  occasion TEXT NOT NULL,
  event_date TEXT NOT NULL,
  dossier_code TEXT,
  signer_title TEXT NOT NULL,
  signer_name TEXT NOT NULL,
  channel TEXT NOT NULL,
  issued_at TEXT,
  printed_at TEXT,
  delivered_at TEXT,
  source TEXT NOT NULL,
  trigger_seq BIGINT,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX letters_unit ON letters(unit_id, id);
CREATE UNIQUE INDEX letters_number ON letters(unit_id, year, number);
CREATE UNIQUE INDEX letters_trigger ON letters(trigger_seq, type);
CREATE UNIQUE INDEX letters_dossier_trigger ON letters(dossier_code, type) WHERE trigger_seq IS NOT NULL;

CREATE TABLE letter_serials (
  unit_id BIGINT NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (unit_id, year)
);

-- Issued letters per unit x month (YYYY-MM) x type, added to by the write
-- that issues a letter (subtree totals: joined with units.path).
CREATE TABLE letter_counts (
  unit_id BIGINT NOT NULL,
  month TEXT NOT NULL,
  type TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (unit_id, month, type)
);

-- How far the trigger pass has read the event log (events.seq, sealed events only).
CREATE TABLE letter_cursor (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL
);
INSERT INTO letter_cursor (id, seq) VALUES (1, 0);

-- Which letter a civil-status procedure triggers, by national procedure code.
CREATE TABLE letter_procedure_types (
  procedure_code TEXT PRIMARY KEY,
  type TEXT NOT NULL
);
INSERT INTO letter_procedure_types (procedure_code, type) VALUES ('1.000894', 'marriage');
INSERT INTO letter_procedure_types (procedure_code, type) VALUES ('1.001193', 'birth');
INSERT INTO letter_procedure_types (procedure_code, type) VALUES ('1.000656', 'condolence');

-- Families who asked not to be contacted: no trigger makes a letter for them.
-- Matched by ID number when both have one, else by the folded name.
CREATE TABLE letter_do_not_send (
  id @ID@,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  name TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  id_number TEXT NOT NULL,
  note TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX letter_do_not_send_unit ON letter_do_not_send(unit_id);
