-- The ratings' counters per unit x month (YYYY-MM), added to in the rating's
-- write beside the daily ones (issue 12: reports over 10 million ratings). A
-- report over whole months reads these: by procedure from the first, by
-- official, unit or month from the second (a commune has fewer officials than
-- procedures); the days of a period's first and last month that do not cover the
-- whole month come from rating_counts and rating_reason_counts. One table keyed
-- by both official and procedure would hold nearly as many rows as the daily one
-- for a busy province, since every official handles many procedures.
CREATE TABLE rating_month_officials (
  unit_id BIGINT NOT NULL,
  month TEXT NOT NULL,
  official_id BIGINT NOT NULL,
  level TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (unit_id, month, official_id, level)
) @CLUSTERED@;
CREATE TABLE rating_month_procedures (
  unit_id BIGINT NOT NULL,
  month TEXT NOT NULL,
  procedure_id BIGINT NOT NULL,
  level TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (unit_id, month, procedure_id, level)
) @CLUSTERED@;
CREATE TABLE rating_month_reasons (
  unit_id BIGINT NOT NULL,
  month TEXT NOT NULL,
  official_id BIGINT NOT NULL,
  reason TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (unit_id, month, official_id, reason)
) @CLUSTERED@;
INSERT INTO rating_month_officials (unit_id, month, official_id, level, n)
SELECT unit_id, substr(day, 1, 7), official_id, level, sum(n) FROM rating_counts
GROUP BY unit_id, substr(day, 1, 7), official_id, level;
INSERT INTO rating_month_procedures (unit_id, month, procedure_id, level, n)
SELECT unit_id, substr(day, 1, 7), procedure_id, level, sum(n) FROM rating_counts
GROUP BY unit_id, substr(day, 1, 7), procedure_id, level;
INSERT INTO rating_month_reasons (unit_id, month, official_id, reason, n)
SELECT unit_id, substr(day, 1, 7), official_id, reason, sum(n) FROM rating_reason_counts
GROUP BY unit_id, substr(day, 1, 7), official_id, reason;
