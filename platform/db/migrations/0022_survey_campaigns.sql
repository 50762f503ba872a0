-- Survey campaigns (issue 12 item 5, features/surveys). A campaign asks one
-- frozen questionnaire version, in [from_day, to_day] (local dates, both
-- included), of the citizens served by its target units (each with its
-- subtree); `target` is the sample size wanted per target unit. With
-- repeat_6_months the campaign runs again every six months (rounds 1, 2 ...:
-- rules.h RoundOf); responses and counters carry their round.
CREATE TABLE survey_campaigns (
  id @ID@,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  name TEXT NOT NULL,
  questionnaire_id BIGINT NOT NULL REFERENCES questionnaires(id),
  from_day TEXT NOT NULL,
  to_day TEXT NOT NULL,
  target INTEGER NOT NULL,
  repeat_6_months INTEGER NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TEXT NOT NULL
);

-- The target units; `link` is the unit's open link token (random, public:
-- anyone holding it may answer once per device per round).
CREATE TABLE survey_campaign_units (
  campaign_id BIGINT NOT NULL REFERENCES survey_campaigns(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  link TEXT NOT NULL,
  PRIMARY KEY (campaign_id, unit_id)
);
CREATE UNIQUE INDEX survey_campaign_units_link ON survey_campaign_units(link);
CREATE INDEX survey_campaign_units_unit ON survey_campaign_units(unit_id);

-- Printed invitations: the token is "<id>.<MAC of the id>" (nothing secret is
-- stored; a sheet can be printed again). Bound to a unit, and to an official
-- when printed per official.
CREATE TABLE survey_invitations (
  id @ID@,
  campaign_id BIGINT NOT NULL REFERENCES survey_campaigns(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  official_id BIGINT,
  created_at TEXT NOT NULL,
  batch BIGINT  -- the id of the first invitation made with it: one printed sheet
);
CREATE INDEX survey_invitations_campaign ON survey_invitations(campaign_id, unit_id);

-- One response per invitation and round, or per device (a hash of the
-- device cookie, never the cookie) per campaign and round for the open link.
CREATE TABLE survey_responses (
  id @ID@,
  campaign_id BIGINT NOT NULL REFERENCES survey_campaigns(id),
  round INTEGER NOT NULL,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  invitation_id BIGINT,
  device_hash TEXT,
  answers_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX survey_responses_invitation ON survey_responses(invitation_id, round);
CREATE UNIQUE INDEX survey_responses_device ON survey_responses(campaign_id, round, device_hash);

-- Counters per campaign x round x unit x question x answer, added to in each
-- response's write (reports read these, never the responses). question '*'
-- counts the responses.
CREATE TABLE survey_counts (
  campaign_id BIGINT NOT NULL,
  round INTEGER NOT NULL,
  unit_id BIGINT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, round, unit_id, question, answer)
) @CLUSTERED@;

CREATE TABLE survey_keys (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
