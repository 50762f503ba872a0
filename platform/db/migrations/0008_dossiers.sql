-- Dossiers of the one-stop desk, from receipt to return.
--
-- desk_agencies: a unit's electronic agency id, the prefix of its dossier
-- codes (the unit's code when it has none).
-- dossier_serials: the daily serial of each unit, advanced by one statement
-- (INSERT ... ON CONFLICT DO UPDATE ... RETURNING) in the same write as the
-- dossier it numbers: a rolled-back intake rolls its number back too, so codes
-- are unique and gap-free per unit and day on both backends.
CREATE TABLE desk_agencies (
  unit_id BIGINT PRIMARY KEY REFERENCES units(id),
  agency_code TEXT NOT NULL UNIQUE,
  updated_at TEXT NOT NULL
);

CREATE TABLE dossier_serials (
  unit_id BIGINT NOT NULL REFERENCES units(id),
  day TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (unit_id, day)
);

-- state: the national portal code (1 new ... 10 returned). version: optimistic
-- concurrency, +1 on every change. Official ids are 0 for the system.
-- client_key: the Idempotency-Key of the intake, unique per receiving official.
CREATE TABLE dossiers (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  procedure_id BIGINT NOT NULL REFERENCES procedures(id),
  procedure_version INTEGER NOT NULL,
  state INTEGER NOT NULL,
  version INTEGER NOT NULL,
  applicant_name TEXT NOT NULL,
  applicant_id_number TEXT NOT NULL,
  applicant_phone TEXT NOT NULL,
  applicant_email TEXT NOT NULL,
  applicant_address TEXT NOT NULL,
  summary TEXT NOT NULL,
  documents_json TEXT NOT NULL,
  return_method TEXT NOT NULL,
  received_by BIGINT NOT NULL,
  received_at TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  due_at TEXT NOT NULL,
  warning_at TEXT NOT NULL,
  original_due_at TEXT,
  same_day INTEGER NOT NULL,
  step INTEGER NOT NULL,
  assignee_id BIGINT NOT NULL,
  paused_since TEXT,
  paused_seconds INTEGER NOT NULL,
  completed_at TEXT,
  timeliness TEXT,
  closed_at TEXT,
  reason TEXT NOT NULL,
  returned_to TEXT NOT NULL,
  apologised INTEGER NOT NULL,
  client_key TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX dossiers_client_key ON dossiers(received_by, client_key);
CREATE INDEX dossiers_unit ON dossiers(unit_id, id);
CREATE INDEX dossiers_assignee ON dossiers(assignee_id, id);
CREATE INDEX dossiers_due ON dossiers(state, due_at);

-- The history of a dossier, one row per action (the timeline; also what the
-- statistics are recounted from). day: the local date of `at`.
CREATE TABLE dossier_entries (
  id @ID@,
  dossier_id BIGINT NOT NULL REFERENCES dossiers(id),
  action TEXT NOT NULL,
  from_state INTEGER NOT NULL,
  to_state INTEGER NOT NULL,
  actor_id BIGINT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  day TEXT NOT NULL,
  timeliness TEXT,
  note TEXT NOT NULL
);
CREATE INDEX dossier_entries_dossier ON dossier_entries(dossier_id, id);

-- Form 06: one row per hand-over of a processing step.
CREATE TABLE dossier_handovers (
  id @ID@,
  dossier_id BIGINT NOT NULL REFERENCES dossiers(id),
  step INTEGER NOT NULL,
  step_name TEXT NOT NULL,
  from_official BIGINT NOT NULL,
  to_official BIGINT NOT NULL,
  given_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  budget_seconds INTEGER NOT NULL,
  due_at TEXT NOT NULL,
  finished_at TEXT,
  used_seconds INTEGER NOT NULL,
  timeliness TEXT
);
CREATE INDEX dossier_handovers_dossier ON dossier_handovers(dossier_id, id);

-- Clock pauses (supplement requested, payment awaited); to_at NULL while open.
CREATE TABLE dossier_pauses (
  id @ID@,
  dossier_id BIGINT NOT NULL REFERENCES dossiers(id),
  kind TEXT NOT NULL,
  from_at TEXT NOT NULL,
  to_at TEXT,
  working_seconds INTEGER NOT NULL
);
CREATE INDEX dossier_pauses_dossier ON dossier_pauses(dossier_id, id);

-- Form 04: at most one apology per dossier (the new date is set only once).
CREATE TABLE dossier_apologies (
  dossier_id BIGINT PRIMARY KEY REFERENCES dossiers(id),
  reason TEXT NOT NULL,
  previous_due_at TEXT NOT NULL,
  new_due_at TEXT NOT NULL,
  by_official BIGINT NOT NULL,
  at TEXT NOT NULL,
  override_reason TEXT NOT NULL
);

-- Statistics counters per unit x local day x procedure x acting official,
-- added to in the write that records the action.
CREATE TABLE dossier_stats (
  unit_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  procedure_id BIGINT NOT NULL,
  official_id BIGINT NOT NULL,
  received INTEGER NOT NULL,
  resolved_early INTEGER NOT NULL,
  resolved_on_time INTEGER NOT NULL,
  resolved_late INTEGER NOT NULL,
  refused INTEGER NOT NULL,
  withdrawn INTEGER NOT NULL,
  stopped INTEGER NOT NULL,
  returned INTEGER NOT NULL,
  apologies INTEGER NOT NULL,
  supplements INTEGER NOT NULL,
  PRIMARY KEY (unit_id, day, procedure_id, official_id)
);
CREATE INDEX dossier_stats_day ON dossier_stats(day, unit_id);
