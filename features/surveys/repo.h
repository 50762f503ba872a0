// SQL of evaluations and surveys (portable SQLite + PostgreSQL, parameterised).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "features/surveys/model.h"
#include "platform/db/db.h"

namespace fg::surveys::repo {

// Criteria sets of the national default and of the units whose ids are in `unit_ids`.
std::vector<CriteriaSet> CriteriaSets(db::Conn& c, const std::vector<int64_t>& unit_ids);
std::optional<CriteriaSet> CriteriaSetById(db::Conn& c, int64_t id);
// The newest version number of a set code (0 when none).
int64_t LastVersion(db::Conn& c, const std::string& code);
int64_t InsertCriteriaSet(db::Conn& c, const CriteriaSet& s, int64_t created_by, const std::string& at);

// Throws db::ConstraintError when the dossier already has one from that source.
int64_t InsertEvaluation(db::Conn& c, const Evaluation& e, const std::string& month);
std::vector<Evaluation> EvaluationsOf(db::Conn& c, int64_t dossier_id);
// Adds one evaluation to the counters of its unit, procedure, month and source.
void CountEvaluation(db::Conn& c, const Evaluation& e, const std::string& month);

// A counter row.
struct CountRow {
  int64_t unit_id = 0, procedure_id = 0;
  std::string unit_path, month, source, item;
  int64_t n = 0, points = 0;
};
// The counters of units under `path_prefix`, months [from, to] (YYYY-MM).
std::vector<CountRow> Counts(db::Conn& c, const std::string& path_prefix, const std::string& from,
                             const std::string& to);

// ---- questionnaires ----
std::string SectionsJson(const std::vector<Section>& sections);
std::vector<Section> SectionsOf(const std::string& json);
// The system's and those of the units in `unit_ids`, every version, by code and version.
std::vector<Questionnaire> Questionnaires(db::Conn& c, const std::vector<int64_t>& unit_ids);
std::optional<Questionnaire> QuestionnaireById(db::Conn& c, int64_t id);
int64_t LastQuestionnaireVersion(db::Conn& c, const std::string& code);
// The units whose versions carry `code` (0: the system's); empty for a new code.
std::vector<int64_t> QuestionnaireCodeOwners(db::Conn& c, const std::string& code);
int64_t InsertQuestionnaire(db::Conn& c, const Questionnaire& q, int64_t created_by, const std::string& at);

// ---- campaigns (campaign_repo.cpp) ----
void FreezeQuestionnaire(db::Conn& c, int64_t id);
int64_t InsertCampaign(db::Conn& c, const Campaign& k, int64_t created_by);
void InsertCampaignUnit(db::Conn& c, int64_t campaign_id, int64_t unit_id, const std::string& link);
std::optional<Campaign> CampaignById(db::Conn& c, int64_t id);
std::vector<Campaign> AllCampaigns(db::Conn& c);
// The target units with their paths and links (responses not filled).
std::vector<CampaignUnit> CampaignUnits(db::Conn& c, int64_t campaign_id);
// The campaign and target unit of an open link.
std::optional<std::pair<int64_t, int64_t>> CampaignOfLink(db::Conn& c, const std::string& link);
// One invitation of a printed sheet: `batch` is the sheet's first invitation id, 0 for the first (it becomes its
// own). Sheets are told apart by batch, never by time (two sheets may be made in one second).
int64_t InsertInvitation(db::Conn& c, const Invitation& i, const std::string& at, int64_t batch);
std::optional<Invitation> InvitationById(db::Conn& c, int64_t id);  // token not filled
std::vector<Invitation> InvitationsBetween(db::Conn& c, int64_t campaign_id, int64_t from_id, int64_t to_id);
// The printed sheets of a campaign, newest first (at most 50).
std::vector<InvitationBatch> InvitationBatches(db::Conn& c, int64_t campaign_id);
bool InvitationAnswered(db::Conn& c, int64_t invitation_id, int64_t round);
bool DeviceAnswered(db::Conn& c, int64_t campaign_id, int64_t round, const std::string& device_hash);
// Throws db::ConstraintError for a second response of an invitation or device in a round.
int64_t InsertResponse(db::Conn& c, const SurveyResponse& r);
void AddSurveyCount(db::Conn& c, int64_t campaign_id, int64_t round, int64_t unit_id, const std::string& question,
                    const std::string& answer);
struct SurveyCount {
  int64_t unit_id = 0;
  std::string unit_path, question, answer;
  int64_t n = 0;
};
// The counters of a campaign's round for the units under `path_prefix`.
std::vector<SurveyCount> SurveyCounts(db::Conn& c, int64_t campaign_id, int64_t round, const std::string& path_prefix);
// An edit (name, to_day, target) or the closing, if `version` is still the
// campaign's and it is not closed; false otherwise. Each adds 1 to the version.
bool UpdateCampaign(db::Conn& c, const Campaign& k, int64_t version);
bool CloseCampaign(db::Conn& c, int64_t id, int64_t version, const std::string& day, int64_t by);
// The counters of responses through an official's invitation (survey_official_counts).
void AddOfficialCount(db::Conn& c, int64_t campaign_id, int64_t round, int64_t unit_id, int64_t official_id,
                      const std::string& question, const std::string& answer, int64_t n = 1);
struct OfficialCount {
  int64_t official_id = 0;
  std::string official_name, question, answer;
  int64_t n = 0;
};
// Summed per official over the units under `path_prefix`, by official name.
std::vector<OfficialCount> OfficialCounts(db::Conn& c, int64_t campaign_id, int64_t round,
                                          const std::string& path_prefix);
// The responses through an official's invitation with id <= up_to_id (the backfill of 0036).
struct OfficialResponse {
  int64_t campaign_id = 0, round = 0, unit_id = 0, official_id = 0;
  Answers answers;
};
std::vector<OfficialResponse> ResponsesOfOfficials(db::Conn& c, int64_t up_to_id);
// True when the key was there.
bool DeleteSurveyKey(db::Conn& c, const std::string& name);
std::string SurveyKey(db::Conn& c, const std::string& name);
void PutSurveyKeyIfAbsent(db::Conn& c, const std::string& name, const std::string& value);

}  // namespace fg::surveys::repo
