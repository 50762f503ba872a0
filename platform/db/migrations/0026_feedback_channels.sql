-- Feedback from Zalo Official Accounts and Facebook pages (features/feedback).
--
-- feedback_channels: a unit's connected account per channel (zalo, facebook):
-- the app id (Zalo's signature covers it) and the secret that signs the
-- platform's webhook calls (Zalo: the OA secret key; Facebook: the app secret).
CREATE TABLE feedback_channels (
  unit_id BIGINT NOT NULL REFERENCES units(id),
  channel TEXT NOT NULL,
  app_id TEXT NOT NULL,
  secret TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, channel)
);

-- Each webhook message once: its platform id, and the item it became (same write).
-- sender: the platform's id of the sender (to answer them there later).
CREATE TABLE feedback_intake (
  id @ID@,
  channel TEXT NOT NULL,
  message_id TEXT NOT NULL,
  item_id BIGINT NOT NULL REFERENCES feedback_items(id),
  sender TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX feedback_intake_message ON feedback_intake(channel, message_id);
