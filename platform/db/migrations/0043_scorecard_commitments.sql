-- Commitments of the emulation movement (features/scorecards, issue 14): a
-- unit's target for a year on a live indicator (rates in basis points, counts
-- as counts), shown against the year so far. Withdrawn ones are kept
-- (withdrawn_at) for the event history; one live commitment per unit, year
-- and indicator.
CREATE TABLE scorecard_commitments (
  id @ID@,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL,
  indicator TEXT NOT NULL,
  target BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  withdrawn_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX scorecard_commitments_unit ON scorecard_commitments(unit_id, year);
CREATE UNIQUE INDEX scorecard_commitments_live ON scorecard_commitments(unit_id, year, indicator)
  WHERE withdrawn_at = '';
