-- Deadlines of an assessment's steps (features/scorecards, issue 14): the day
-- the commune must submit its self-assessment by, and the day the higher level
-- must lock the score by (YYYY-MM-DD, local; '' = none), set by the appraiser.
ALTER TABLE scorecard_assessments ADD COLUMN self_due TEXT NOT NULL DEFAULT '';
ALTER TABLE scorecard_assessments ADD COLUMN appraisal_due TEXT NOT NULL DEFAULT '';

-- The reminders queued in the outbox: each (assessment, step, kind, official)
-- once, written in the same write as its outbox row. step: self | appraisal;
-- kind: soon (the deadline within 3 days) | overdue.
CREATE TABLE scorecard_reminders (
  assessment_id BIGINT NOT NULL REFERENCES scorecard_assessments(id),
  step TEXT NOT NULL,
  kind TEXT NOT NULL,
  official_id BIGINT NOT NULL REFERENCES officials(id),
  due TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (assessment_id, step, kind, official_id, due)
);
CREATE INDEX scorecard_assessments_due ON scorecard_assessments(state, self_due, appraisal_due);
