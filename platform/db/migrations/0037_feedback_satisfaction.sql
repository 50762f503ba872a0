-- The citizens' satisfaction with the answers to their feedback (issue 15,
-- item 4): given on the public lookup page with the code and its check, once
-- per item and answer round (answer_round: the item's reopen count when the
-- answer was rated, so a reopened item's next answer may be rated again).
-- Counted in the feedback statistics; nothing in it identifies the citizen.
CREATE TABLE feedback_satisfaction (
  item_id BIGINT NOT NULL REFERENCES feedback_items(id),
  answer_round INTEGER NOT NULL,
  level TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (item_id, answer_round)
);
-- The statistics read a unit's items by the day they were received.
CREATE INDEX feedback_items_received ON feedback_items(unit_id, received_at);
