-- E-mail intake (features/feedback, issue 15): a unit's feedback mailbox, read
-- over IMAP every few minutes. Each message once: its Message-ID in
-- feedback_intake (channel 'email'), written with the item; last_uid (under
-- uidvalidity) only saves the server from sending old messages again.
-- checked_at / error: the last reading ('' before the first; error '' when it
-- went well), shown to the unit's administrators. The password is never shown.
CREATE TABLE feedback_mailboxes (
  unit_id BIGINT PRIMARY KEY REFERENCES units(id),
  url TEXT NOT NULL,
  username TEXT NOT NULL,
  password TEXT NOT NULL,
  uidvalidity BIGINT NOT NULL DEFAULT 0,
  last_uid BIGINT NOT NULL DEFAULT 0,
  taken BIGINT NOT NULL DEFAULT 0,
  checked_at TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);

-- Files attached to an e-mail (other than the photos kept in feedback_photos):
-- kept as sent, shown to the officials handling the item only, downloaded as
-- application/octet-stream (the declared type is shown, never served). Bytes
-- base64 in TEXT (portable, as the photos); sha256 of the bytes.
CREATE TABLE feedback_attachments (
  item_id BIGINT NOT NULL REFERENCES feedback_items(id),
  n INTEGER NOT NULL,
  filename TEXT NOT NULL,
  mime TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (item_id, n)
);
