-- Statistics of the one-stop desk (issue 10 item 6).
--
-- resolved_seconds: the working seconds from the clock's start to the result of
-- every dossier resolved, summed, so the average time to resolve is a division.
-- The result's entry keeps its own working seconds, which the recount sums.
-- Dossiers resolved before this migration count 0 s (their working time was not kept).
ALTER TABLE dossier_stats ADD COLUMN resolved_seconds BIGINT NOT NULL DEFAULT 0;
ALTER TABLE dossier_entries ADD COLUMN working_seconds BIGINT NOT NULL DEFAULT 0;

-- The same counters per unit x month (YYYY-MM), twice: by procedure and by
-- official, added to in the same write as the daily ones. A report over whole
-- months reads one of them: by unit or month from the second (a commune has a
-- handful of officials: a province's year is some 5,000 rows), by procedure from
-- the first (some 50,000), by official from the second; a report filtered by a
-- procedure and an official, and the days of a period's first and last month
-- that do not cover the whole month, come from dossier_stats. (One table keyed by
-- both was 130,000 rows for a province's year: 175 ms to sum on SQLite.)
CREATE TABLE dossier_stats_month_procedures (
  unit_id BIGINT NOT NULL,
  month TEXT NOT NULL,
  procedure_id BIGINT NOT NULL,
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
  resolved_seconds BIGINT NOT NULL,
  PRIMARY KEY (unit_id, month, procedure_id)
);
CREATE TABLE dossier_stats_month_officials (
  unit_id BIGINT NOT NULL,
  month TEXT NOT NULL,
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
  resolved_seconds BIGINT NOT NULL,
  PRIMARY KEY (unit_id, month, official_id)
);
INSERT INTO dossier_stats_month_procedures (unit_id, month, procedure_id, received, resolved_early,
  resolved_on_time, resolved_late, refused, withdrawn, stopped, returned, apologies, supplements, resolved_seconds)
SELECT unit_id, substr(day, 1, 7), procedure_id, sum(received), sum(resolved_early), sum(resolved_on_time),
  sum(resolved_late), sum(refused), sum(withdrawn), sum(stopped), sum(returned), sum(apologies), sum(supplements),
  sum(resolved_seconds)
FROM dossier_stats GROUP BY unit_id, substr(day, 1, 7), procedure_id;
INSERT INTO dossier_stats_month_officials (unit_id, month, official_id, received, resolved_early,
  resolved_on_time, resolved_late, refused, withdrawn, stopped, returned, apologies, supplements, resolved_seconds)
SELECT unit_id, substr(day, 1, 7), official_id, sum(received), sum(resolved_early), sum(resolved_on_time),
  sum(resolved_late), sum(refused), sum(withdrawn), sum(stopped), sum(returned), sum(apologies), sum(supplements),
  sum(resolved_seconds)
FROM dossier_stats GROUP BY unit_id, substr(day, 1, 7), official_id;

-- Dossiers in progress (received, in progress, supplement or payment awaited),
-- per unit with what the "in progress on time / overdue" figures need, so that
-- counting them reads only this index: open dossiers are a small share of all
-- (a province at 10^6 a year with limits of days has some 10^4 open), and
-- "overdue" changes with the clock, not with a write, so it cannot be a
-- maintained counter. The query repeats this WHERE so both backends use it.
-- (state is listed too so that SQLite reads the index alone.)
CREATE INDEX dossiers_open ON dossiers(unit_id, procedure_id, assignee_id, due_at, paused_since, state)
  WHERE state IN (2, 4, 5, 6);
