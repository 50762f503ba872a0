-- Friendly letters, the pages' part (issue 13).
-- letters.revision: a draft's own text (title, front, back) is edited under
-- this number (optimistic concurrency: an edit names the revision it read);
-- every change of the letter adds one.
ALTER TABLE letters ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
-- "Do not send" by phone too (matched when both sides have one).
ALTER TABLE letter_do_not_send ADD COLUMN phone TEXT NOT NULL DEFAULT '';
-- Which letter a procedure triggers, for a unit and its subtree: overrides the
-- default of letter_procedure_types (the nearest unit on the dossier's path
-- wins); type '' means "no letter" there.
CREATE TABLE letter_procedure_rules (
  unit_id BIGINT NOT NULL REFERENCES units(id),
  procedure_code TEXT NOT NULL,
  type TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, procedure_code)
);
