-- Scorecards (features/scorecards, issue 14). Points are whole hundredths.
-- A criteria set version is its tree as JSON (features/scorecards/json.h);
-- unit_id NULL: a shipped template (features/scorecards/sets/*.json, added at
-- start-up). A version an assessment uses is frozen: it is never changed again,
-- a change is a new version of the code.
CREATE TABLE scorecard_sets (
  id @ID@,
  unit_id BIGINT REFERENCES units(id),
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  body_json TEXT NOT NULL,
  frozen INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX scorecard_sets_version ON scorecard_sets(code, version);

-- One assessment of a unit for a period on a set version: the commune
-- self-assesses (draft, returned), submits (submitted), the higher level
-- appraises and returns it or locks it (locked: total and below_minimum fixed).
CREATE TABLE scorecard_assessments (
  id @ID@,
  set_id BIGINT NOT NULL REFERENCES scorecard_sets(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  state TEXT NOT NULL,
  return_comment TEXT NOT NULL DEFAULT '',
  flags_json TEXT NOT NULL DEFAULT '[]',
  total BIGINT,
  below_minimum INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX scorecard_assessments_unit ON scorecard_assessments(set_id, unit_id, period_from);

-- A leaf's line: the commune's points and explanation, the appraiser's points
-- and reason; for a computed leaf the raw figure, fixed when locked.
CREATE TABLE scorecard_lines (
  assessment_id BIGINT NOT NULL REFERENCES scorecard_assessments(id),
  line_key TEXT NOT NULL,
  self_points BIGINT,
  explanation TEXT NOT NULL DEFAULT '',
  appraised_points BIGINT,
  appraisal_reason TEXT NOT NULL DEFAULT '',
  raw_count BIGINT,
  raw_volume BIGINT,
  PRIMARY KEY (assessment_id, line_key)
) @CLUSTERED@;
