-- A mailbox connected "from now" (features/feedback, issue 15): the next
-- reading only records where the folder ends (last_uid) and clears the flag,
-- so the messages already in the box never become items; later ones do.
ALTER TABLE feedback_mailboxes ADD COLUMN skip_backlog INTEGER NOT NULL DEFAULT 0;
