-- A unit's mottos (phương châm) and code of conduct (quy tắc ứng xử), shown on
-- its public directory page /xa/{code}/danh-ba (issue 16). Plain text with line
-- breaks (each line a motto or a rule); each unit its own, not inherited.
-- Edited by an administrator or leader covering the unit.
CREATE TABLE unit_conduct (
  unit_id BIGINT PRIMARY KEY REFERENCES units(id) ON DELETE CASCADE,
  mottos TEXT NOT NULL DEFAULT '',
  code_of_conduct TEXT NOT NULL DEFAULT '',
  updated_by BIGINT,
  updated_at TEXT NOT NULL
);
