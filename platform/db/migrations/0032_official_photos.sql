-- Officials' photos (issues 16 and 12): at most one per official, uploaded by
-- the official or an administrator/leader covering them. The bytes are kept
-- base64 in a TEXT column (portable SQLite/PostgreSQL, as scorecard evidence)
-- and are at most 512 KB; sha256 is of the bytes: the ETag and the version in
-- the photo's URLs. Width and height are read from the image's header.
CREATE TABLE official_photos (
  official_id BIGINT PRIMARY KEY REFERENCES officials(id) ON DELETE CASCADE,
  mime TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content TEXT NOT NULL,
  updated_by BIGINT,
  updated_at TEXT NOT NULL
);

-- The directory's consent for the photo (official_publication, 0027).
ALTER TABLE official_publication ADD COLUMN show_photo INTEGER NOT NULL DEFAULT 0;
