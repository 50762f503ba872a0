-- A citizen who wrote to the unit's Facebook page (features/feedback, issue 15)
-- is answered in Messenger: the page-scoped id of the sender, beside
-- zalo_user_id (migration 0041), for the "facebook" channel.
ALTER TABLE outbox ADD COLUMN facebook_user_id TEXT NOT NULL DEFAULT '';
