-- The ratings' counters per unit x day x official (issue 12: reports over
-- periods that start or end inside a month). The loose days of a report by
-- official read these instead of rating_counts, which is also keyed by
-- procedure and holds several times as many rows (every official handles many
-- procedures); by procedure still reads rating_counts, by unit or month
-- rating_day_units (0049). Added to in the rating's write beside the others
-- (repo::AddCounts).
CREATE TABLE rating_day_officials (
  unit_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  official_id BIGINT NOT NULL,
  level TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (unit_id, day, official_id, level)
) @CLUSTERED@;
INSERT INTO rating_day_officials (unit_id, day, official_id, level, n)
SELECT unit_id, day, official_id, level, sum(n) FROM rating_counts
GROUP BY unit_id, day, official_id, level;
