-- The ratings' counters per unit x day (issue 12): the loose days of a report
-- by unit or by month read these (a province's unit and day: one row a level),
-- by official rating_day_officials (0048), by procedure rating_counts.
CREATE TABLE rating_day_units (
  unit_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  level TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (unit_id, day, level)
) @CLUSTERED@;
INSERT INTO rating_day_units (unit_id, day, level, n)
SELECT unit_id, day, level, sum(n) FROM rating_day_officials
GROUP BY unit_id, day, level;
