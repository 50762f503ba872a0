-- Feedback answered on time, per handling unit x month (YYYY-MM, local time),
-- for the public figures (issue 16, item 1): added to in the write that
-- approves an item's first reply (features/feedback/service.cpp). Only items
-- with a legal due date count (an anonymous denunciation has none).
-- answered: first replies approved in the month; on_time: those at or before
-- the due instant.
CREATE TABLE feedback_answer_months (
  unit_id BIGINT NOT NULL,
  month TEXT NOT NULL,
  answered INTEGER NOT NULL,
  on_time INTEGER NOT NULL,
  PRIMARY KEY (unit_id, month)
) @CLUSTERED@;
-- Items answered before this migration, by the UTC month of their (latest)
-- answer: a reply approved after 17:00 UTC on a month's last day counts in that
-- month rather than the next (no portable time zone arithmetic in SQL).
INSERT INTO feedback_answer_months (unit_id, month, answered, on_time)
SELECT unit_id, substr(answered_at, 1, 7), COUNT(*), SUM(CASE WHEN timeliness = 'on_time' THEN 1 ELSE 0 END)
FROM feedback_items WHERE answered_at IS NOT NULL AND timeliness <> ''
GROUP BY unit_id, substr(answered_at, 1, 7);
