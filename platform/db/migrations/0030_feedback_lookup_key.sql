-- Feedback lookup keys (features/feedback): a random key per item, given to
-- the submitter, that opens the public lookup together with the code when the
-- item has no phone to check (a code alone is sequential, so guessable).
-- Items registered before keys existed keep '' and are not looked up by
-- code alone any more.
ALTER TABLE feedback_items ADD COLUMN lookup_key TEXT NOT NULL DEFAULT '';
