-- The procedure catalogue (thủ tục hành chính) of the one-stop desk.
-- procedures: one row per procedure in a unit's catalogue (it applies to the
-- unit's subtree), pointing at its current version. procedure_versions: every
-- version's content; a change adds a version, so dossiers keep the one they
-- were received under. search_key is the folded text (text::Fold) of code,
-- name and field; procedure_terms indexes its words for prefix search.
CREATE TABLE procedures (
  id @ID@,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  search_key TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (unit_id, code)
);

CREATE TABLE procedure_versions (
  procedure_id BIGINT NOT NULL REFERENCES procedures(id),
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  field TEXT NOT NULL,
  level TEXT NOT NULL,
  limit_unit TEXT NOT NULL,
  limit_amount INTEGER NOT NULL,
  cutoff TEXT NOT NULL,
  fees TEXT NOT NULL,
  documents_json TEXT NOT NULL,
  result TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  steps_json TEXT NOT NULL,
  online_level INTEGER NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (procedure_id, version)
);

CREATE TABLE procedure_terms (
  term TEXT NOT NULL,
  procedure_id BIGINT NOT NULL REFERENCES procedures(id),
  PRIMARY KEY (term, procedure_id)
);
CREATE INDEX procedure_terms_procedure ON procedure_terms(procedure_id);

-- A unit registered same-day resolution for a procedure (dossiers received
-- there are due the same working day).
CREATE TABLE procedure_same_day (
  procedure_id BIGINT NOT NULL REFERENCES procedures(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  registered_by BIGINT,
  registered_at TEXT NOT NULL,
  PRIMARY KEY (procedure_id, unit_id)
);
