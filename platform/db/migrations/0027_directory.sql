-- The public directory of the portal (issue 16): what each official agreed to
-- publish on their unit's page /xa/{code}/danh-ba, field by field. No row, or
-- listed = 0: the official is not in the directory at all. The values shown
-- are the official's own (name, position, phone, e-mail from officials); only
-- the receiving hours are kept here. sort_order orders the page (smaller first:
-- the party secretary, the chairman, the vice-chairmen, then the others).
CREATE TABLE official_publication (
  official_id BIGINT PRIMARY KEY REFERENCES officials(id) ON DELETE CASCADE,
  listed INTEGER NOT NULL DEFAULT 0,
  show_position INTEGER NOT NULL DEFAULT 0,
  show_phone INTEGER NOT NULL DEFAULT 0,
  show_email INTEGER NOT NULL DEFAULT 0,
  show_hours INTEGER NOT NULL DEFAULT 0,
  hours TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 100,
  updated_by BIGINT,
  updated_at TEXT NOT NULL
);
