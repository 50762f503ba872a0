-- Evidence detached by the commune before submitting (features/scorecards,
-- issue 14): the row is kept with the time it was removed, so that who
-- attached and removed what stays readable beside the event log; lists and
-- downloads skip removed rows.
ALTER TABLE scorecard_evidence ADD COLUMN removed_at TEXT NOT NULL DEFAULT '';
