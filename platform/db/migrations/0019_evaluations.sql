-- Dossier evaluations (features/surveys): criteria sets, one evaluation per
-- dossier per source (the citizen, an evaluator), counters kept in the same
-- write as each evaluation.
--
-- criteria_sets: versioned data. unit_id NULL is the national set; a unit's
-- own set (a province's) applies to its subtree, the nearest unit's newest
-- version winning. A version is never changed once written. criteria_json:
-- [{"key","label","compute","max"}] (compute: total_time | step_time |
-- supplements | agencies | "" for an entered criterion).
CREATE TABLE criteria_sets (
  id @ID@,
  unit_id BIGINT REFERENCES units(id),
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  criteria_json TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX criteria_sets_version ON criteria_sets(code, version);

-- One per dossier and source; points_json: {"c1": 2, ...} as scored.
-- month: the local month (YYYY-MM) of the evaluation, the counters' key.
CREATE TABLE dossier_evaluations (
  id @ID@,
  dossier_id BIGINT NOT NULL REFERENCES dossiers(id),
  source TEXT NOT NULL,
  set_id BIGINT NOT NULL REFERENCES criteria_sets(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  procedure_id BIGINT NOT NULL,
  points_json TEXT NOT NULL,
  total INTEGER NOT NULL,
  max_total INTEGER NOT NULL,
  grade TEXT NOT NULL,
  evaluator_id BIGINT,
  month TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX dossier_evaluations_once ON dossier_evaluations(dossier_id, source);

-- Counters per unit x procedure x month x source x item: item "all" (n
-- evaluations, points the sum of totals), "c:<key>" (points summed for a
-- criterion, n its evaluations), "g:<grade>" (n evaluations of that grade).
CREATE TABLE evaluation_counts (
  unit_id BIGINT NOT NULL,
  procedure_id BIGINT NOT NULL,
  month TEXT NOT NULL,
  source TEXT NOT NULL,
  item TEXT NOT NULL,
  n BIGINT NOT NULL,
  points BIGINT NOT NULL,
  PRIMARY KEY (unit_id, month, procedure_id, source, item)
);

INSERT INTO criteria_sets (unit_id, code, version, name, criteria_json, created_by, created_at) VALUES (NULL, 'nd61', 1,
'Bộ tiêu chí đánh giá giải quyết thủ tục hành chính (Nghị định 61/2018/NĐ-CP)',
'[{"key":"c1","label":"Tổng thời gian giải quyết so với thời hạn quy định","compute":"total_time","max":2},{"key":"c2","label":"Thời gian giải quyết tại từng cơ quan, đơn vị (kể cả cơ quan phối hợp) so với quy định","compute":"step_time","max":2},{"key":"c3","label":"Số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ","compute":"supplements","max":2},{"key":"c4","label":"Số cơ quan, đơn vị phải liên hệ để hoàn thiện hồ sơ","compute":"agencies","max":2},{"key":"c5","label":"Hồ sơ được tiếp nhận, giải quyết và trả kết quả qua Bộ phận Một cửa","compute":"","max":2},{"key":"c6","label":"Thủ tục hành chính được công khai đầy đủ, kịp thời, chính xác","compute":"","max":2},{"key":"c7","label":"Thái độ của cán bộ, công chức khi hướng dẫn, tiếp nhận và giải quyết hồ sơ","compute":"","max":2},{"key":"c8","label":"Việc tiếp thu, giải trình ý kiến, phản ánh, kiến nghị","compute":"","max":2},{"key":"c9","label":"Mức độ cung cấp và chất lượng dịch vụ công trực tuyến","compute":"","max":2}]',
0, '2026-01-01T00:00:00Z');
