-- Keys of the notifications (issue 11): 'callback' signs the token in the
-- delivery callback URL given to gateways (HMAC of the message id,
-- features/notify/callbacks.h). Created once, by the first sender to start;
-- shared by every process on the database.
CREATE TABLE notify_keys (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
