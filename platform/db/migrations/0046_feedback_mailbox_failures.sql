-- A message a mailbox's readings cannot fetch (features/feedback, issue 15):
-- the UID that failed and how many readings in a row failed on it. After
-- Service::kMailAttempts the message becomes an item from its header (or from
-- nothing known), so one message never stops the mailbox for good.
ALTER TABLE feedback_mailboxes ADD COLUMN failed_uid BIGINT NOT NULL DEFAULT 0;
ALTER TABLE feedback_mailboxes ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
