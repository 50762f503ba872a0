-- Survey campaigns edited and closed early (issue 12, items 5 and 6): the
-- name, the end date and the target change under a version (optimistic:
-- a stale form is refused); closed_on is the local day an administrator
-- closed the campaign (no answers from then on, no further rounds; its
-- counters and reports stay).
ALTER TABLE survey_campaigns ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE survey_campaigns ADD COLUMN closed_on TEXT;
ALTER TABLE survey_campaigns ADD COLUMN closed_by BIGINT;

-- Counters per campaign x round x unit x official x question x answer of the
-- responses that came through an official's printed invitation (the report
-- by official), added to in each response's write beside survey_counts.
-- unit_id is the invitation's unit (the official's home unit when printed).
CREATE TABLE survey_official_counts (
  campaign_id BIGINT NOT NULL,
  round INTEGER NOT NULL,
  unit_id BIGINT NOT NULL,
  official_id BIGINT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, round, unit_id, official_id, question, answer)
) @CLUSTERED@;

-- The responses stored before this migration have no such counters. Their
-- answers are JSON, which one SQL text cannot take apart on both SQLite and
-- PostgreSQL, so the migration records the last of them here and the surveys
-- service counts those (id <= value) once, in the write that deletes this row
-- (Service::BackfillOfficialCounts): later responses are counted as they come.
INSERT INTO survey_keys (name, value)
SELECT 'official_counts_backfill_upto', CAST(COALESCE(MAX(id), 0) AS TEXT) FROM survey_responses;
