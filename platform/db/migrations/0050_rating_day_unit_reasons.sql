-- The ratings' reasons counted per unit x day (issue 12), as rating_day_units
-- (0049) counts levels: the loose days of a report by unit, by month or by
-- procedure (reasons are not kept per procedure) read these; by official
-- rating_reason_counts.
CREATE TABLE rating_day_unit_reasons (
  unit_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  reason TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (unit_id, day, reason)
) @CLUSTERED@;
INSERT INTO rating_day_unit_reasons (unit_id, day, reason, n)
SELECT unit_id, day, reason, sum(n) FROM rating_reason_counts
GROUP BY unit_id, day, reason;
