-- Replies through the Zalo Official Account (features/notify, issue 15): a
-- citizen who wrote to a unit's OA (a webhook feedback item) is answered in
-- that chat, by the OA's consultation message to their Zalo user id ('' when
-- the message is not for a Zalo user).
ALTER TABLE outbox ADD COLUMN zalo_user_id TEXT NOT NULL DEFAULT '';

-- The Zalo user a webhook item came from, found when its answer is sent.
CREATE INDEX feedback_intake_item ON feedback_intake(item_id);
