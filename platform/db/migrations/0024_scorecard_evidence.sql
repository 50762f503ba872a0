-- Evidence files of scorecard lines (features/scorecards). A file is stored
-- once, content-addressed by its SHA-256 (hex), as base64 text so that one SQL
-- text serves both backends; its type was read from its content (PDF, PNG,
-- JPEG, DOCX, XLSX). An evidence row attaches a file to a line.
CREATE TABLE scorecard_files (
  sha256 TEXT PRIMARY KEY,
  mime TEXT NOT NULL,
  size BIGINT NOT NULL,
  content_base64 TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE scorecard_evidence (
  id @ID@,
  assessment_id BIGINT NOT NULL REFERENCES scorecard_assessments(id),
  line_key TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES scorecard_files(sha256),
  name TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX scorecard_evidence_line ON scorecard_evidence(assessment_id, line_key, id);
