-- Notifications to citizens (features/notify).
--
-- notify_consents: what the citizen chose at intake: the channel ('' = the
-- unit's order, or sms, email, zalo) and opt_out (1: send nothing).
CREATE TABLE notify_consents (
  dossier_id BIGINT PRIMARY KEY REFERENCES dossiers(id),
  channel TEXT NOT NULL,
  opt_out INTEGER NOT NULL,
  recorded_at TEXT NOT NULL
);

-- notify_channels: a unit's channels, tried in `position` order (fallback).
-- config_json holds the channel's settings (secrets included: never logged,
-- never shown back in full).
CREATE TABLE notify_channels (
  unit_id BIGINT NOT NULL REFERENCES units(id),
  channel TEXT NOT NULL,
  position INTEGER NOT NULL,
  config_json TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, channel)
);

-- notify_templates: versions of the text of an event on a channel ('sms',
-- 'email', 'zalo' params are the placeholders); the newest version is used.
-- No row: the shipped default (features/notify/messages.vi.json).
CREATE TABLE notify_templates (
  id @ID@,
  event TEXT NOT NULL,
  channel TEXT NOT NULL,
  version INTEGER NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (event, channel, version)
);

-- outbox: one row per message, written in the same write as the change that
-- causes it. status: queued, sent, failed. A sender claims a due row by
-- setting lease_owner/lease_until (a lease that expired may be claimed again:
-- the message is then sent at most twice, once where the gateway honours
-- idem_key). attempts: sending attempts made; next_at: not before.
CREATE TABLE outbox (
  id @ID@,
  idem_key TEXT NOT NULL UNIQUE,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  dossier_id BIGINT REFERENCES dossiers(id),
  event TEXT NOT NULL,
  channel_pref TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  params_json TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_at TEXT NOT NULL,
  lease_owner TEXT,
  lease_until TEXT,
  channel TEXT NOT NULL,
  provider_id TEXT NOT NULL,
  last_error TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox(status, next_at);
CREATE INDEX outbox_dossier ON outbox(dossier_id, id);
