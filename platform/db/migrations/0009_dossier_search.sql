-- Search of dossiers by code, applicant's name or phone / ID digits, through a
-- term index (as procedure_terms, migration 0007), never a scan of dossiers.
--
-- dossier_terms: kind 'n' one word of the applicant's name folded (text::Fold:
-- lower case, no diacritics, đ -> d), read by prefix ranges; kind 'd' the
-- digits of the phone (+84 as 0) and of the ID number, reversed, so that "the
-- number ends with 345678" is the prefix range of '876543'; kind 'c' the code
-- folded without separators (the exact code is then checked). Terms hold only
-- [a-z0-9], whose order is the same in every collation, so one SQL text serves
-- both backends. The terms are written in the same write as the dossier (and
-- rewritten with its applicant).
--
-- search_version: the version of the term rules a dossier's terms were made
-- with; rows written before this migration have 0 and are indexed at start-up
-- (desk::Service::IndexSearchTerms: folding needs the application, not SQL).
CREATE TABLE dossier_terms (
  kind TEXT NOT NULL,
  term TEXT NOT NULL,
  dossier_id BIGINT NOT NULL REFERENCES dossiers(id),
  PRIMARY KEY (kind, term, dossier_id)
);
CREATE INDEX dossier_terms_dossier ON dossier_terms(dossier_id, kind, term);

ALTER TABLE dossiers ADD COLUMN search_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX dossiers_search_version ON dossiers(search_version, id);
