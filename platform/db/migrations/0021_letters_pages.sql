-- Friendly letters, the pages' part (issue 13).
-- letters.revision: a draft's own text (title, front, back) is edited under
-- this number (optimistic concurrency: an edit names the revision it read);
-- every change of the letter adds one.
ALTER TABLE letters ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
-- "Do not send" by phone too (matched when both sides have one).
ALTER TABLE letter_do_not_send ADD COLUMN phone TEXT NOT NULL DEFAULT '';
