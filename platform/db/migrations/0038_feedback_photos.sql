-- Photos sent with a feedback item from the public form (issue 15, item 1): at
-- most 3 an item, each at most 4 MB, PNG or JPEG by their content (the name
-- and the declared type are ignored), inserted in the item's registering write.
-- Shown to the officials handling the item only (a photo may show people), with
-- nosniff. The bytes are kept base64 in a TEXT column (portable, as officials'
-- photos and scorecard evidence); sha256 is of the bytes (the ETag).
CREATE TABLE feedback_photos (
  item_id BIGINT NOT NULL REFERENCES feedback_items(id),
  n INTEGER NOT NULL,
  mime TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (item_id, n)
);
