// SQL of survey campaigns, invitations, responses and their counters.
#include <boost/json.hpp>

#include "features/surveys/repo.h"

namespace fg::surveys::repo {
namespace {

namespace json = boost::json;

const db::Query kFreeze{"questionnaire_freeze", "UPDATE questionnaires SET frozen = 1 WHERE id = ?"};
const db::Query kInsertCampaign{
    "survey_campaign_insert",
    "INSERT INTO survey_campaigns (unit_id, name, questionnaire_id, from_day, to_day, target, repeat_6_months, "
    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"};
const db::Query kInsertCampaignUnit{"survey_campaign_unit_insert",
                                    "INSERT INTO survey_campaign_units (campaign_id, unit_id, link) VALUES (?, ?, ?)"};
#define FG_CAMPAIGN_COLUMNS                                                                                      \
  "SELECT id, unit_id, name, questionnaire_id, from_day, to_day, target, repeat_6_months, created_at, version, " \
  "COALESCE(closed_on, '') FROM survey_campaigns "
const db::Query kCampaignById{"survey_campaign_by_id", FG_CAMPAIGN_COLUMNS "WHERE id = ?"};
const db::Query kAllCampaigns{"survey_campaigns_all", FG_CAMPAIGN_COLUMNS "ORDER BY id DESC"};
const db::Query kCampaignUnits{"survey_campaign_units_of",
                               "SELECT u.id, u.code, u.name, u.path, k.link FROM survey_campaign_units k JOIN units u "
                               "ON u.id = k.unit_id WHERE k.campaign_id = ? ORDER BY u.path"};
const db::Query kCampaignUnitCodes{"survey_campaign_unit_codes",
                                   "SELECT u.code FROM survey_campaign_units k JOIN units u ON u.id = k.unit_id WHERE "
                                   "k.campaign_id = ? ORDER BY u.path"};
const db::Query kLink{"survey_campaign_link", "SELECT campaign_id, unit_id FROM survey_campaign_units WHERE link = ?"};
const db::Query kInsertInvitation{
    "survey_invitation_insert",
    "INSERT INTO survey_invitations (campaign_id, unit_id, official_id, created_at, batch) "
    "VALUES (?, ?, ?, ?, ?)"};
const db::Query kStartBatch{"survey_invitation_start_batch", "UPDATE survey_invitations SET batch = id WHERE id = ?"};
#define FG_INVITATION_COLUMNS                                                                                        \
  "SELECT i.id, i.campaign_id, i.unit_id, i.official_id, u.name, COALESCE(o.full_name, '') FROM survey_invitations " \
  "i JOIN units u ON u.id = i.unit_id LEFT JOIN officials o ON o.id = i.official_id "
const db::Query kInvitationById{"survey_invitation_by_id", FG_INVITATION_COLUMNS "WHERE i.id = ?"};
const db::Query kInvitationsBetween{"survey_invitations_between", FG_INVITATION_COLUMNS
                                    "WHERE i.campaign_id = ? AND i.id >= ? AND i.id <= ? ORDER BY i.id"};
const db::Query kBatches{
    "survey_invitation_batches",
    "SELECT MIN(i.id), MAX(i.id), COUNT(*), MIN(u.name), MIN(i.created_at), MAX(CASE WHEN i.official_id IS "
    "NULL THEN 0 ELSE 1 END) FROM survey_invitations i JOIN units u ON u.id = i.unit_id WHERE "
    "i.campaign_id = ? GROUP BY i.batch ORDER BY MIN(i.id) DESC LIMIT 50"};
const db::Query kInvitationAnswered{"survey_invitation_answered",
                                    "SELECT 1 FROM survey_responses WHERE invitation_id = ? AND round = ?"};
const db::Query kDeviceAnswered{
    "survey_device_answered", "SELECT 1 FROM survey_responses WHERE campaign_id = ? AND round = ? AND device_hash = ?"};
const db::Query kInsertResponse{
    "survey_response_insert",
    "INSERT INTO survey_responses (campaign_id, round, unit_id, invitation_id, device_hash, answers_json, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"};
const db::Query kAddCount{
    "survey_count_add",
    "INSERT INTO survey_counts (campaign_id, round, unit_id, question, answer, n) VALUES (?, ?, ?, "
    "?, ?, 1) ON CONFLICT (campaign_id, round, unit_id, question, answer) DO UPDATE SET n = "
    "survey_counts.n + 1"};
const db::Query kCounts{"survey_counts_read",
                        "SELECT k.unit_id, u.path, k.question, k.answer, k.n FROM survey_counts k JOIN units u ON u.id "
                        "= k.unit_id WHERE k.campaign_id = ? AND k.round = ? AND u.path LIKE ?"};
// The version and the closing are checked again in the statement itself.
const db::Query kUpdateCampaign{"survey_campaign_update",
                                "UPDATE survey_campaigns SET name = ?, to_day = ?, target = ?, version = version + 1 "
                                "WHERE id = ? AND version = ? AND closed_on IS NULL"};
const db::Query kCloseCampaign{"survey_campaign_close",
                               "UPDATE survey_campaigns SET closed_on = ?, closed_by = ?, version = version + 1 "
                               "WHERE id = ? AND version = ? AND closed_on IS NULL"};
const db::Query kAddOfficialCount{
    "survey_official_count_add",
    "INSERT INTO survey_official_counts (campaign_id, round, unit_id, official_id, question, answer, n) VALUES (?, ?, "
    "?, ?, ?, ?, ?) ON CONFLICT (campaign_id, round, unit_id, official_id, question, answer) DO UPDATE SET n = "
    "survey_official_counts.n + excluded.n"};
// Walks the subtree's units and reads each one's counters by key (CONTRIBUTING: counters over a subtree).
const db::Query kOfficialCounts{
    "survey_official_counts_read",
    "SELECT k.official_id, COALESCE(o.full_name, ''), k.question, k.answer, SUM(k.n) FROM units u CROSS JOIN "
    "survey_official_counts k LEFT JOIN officials o ON o.id = k.official_id WHERE k.unit_id = u.id AND u.path LIKE ? "
    "AND k.campaign_id = ? AND k.round = ? GROUP BY k.official_id, o.full_name, k.question, k.answer "
    "ORDER BY o.full_name, k.official_id"};
const db::Query kDeleteKey{"survey_key_delete", "DELETE FROM survey_keys WHERE name = ?"};
const db::Query kResponsesOfOfficials{
    "survey_responses_of_officials",
    "SELECT r.campaign_id, r.round, i.unit_id, i.official_id, r.answers_json FROM survey_responses r JOIN "
    "survey_invitations i ON i.id = r.invitation_id WHERE i.official_id IS NOT NULL AND r.id <= ? ORDER BY r.id"};
const db::Query kKey{"survey_key", "SELECT value FROM survey_keys WHERE name = ?"};
const db::Query kPutKey{"survey_key_put",
                        "INSERT INTO survey_keys (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"};

Campaign CampaignOf(db::Conn& c, const db::Row& r) {
  Campaign k;
  k.id = r.i64(0);
  k.unit_id = r.i64(1);
  k.name = r.text(2);
  k.questionnaire_id = r.i64(3);
  k.from = r.text(4);
  k.to = r.text(5);
  k.target = r.i64(6);
  k.repeat_6_months = r.i64(7) != 0;
  k.created_at = r.text(8);
  k.version = r.i64(9);
  k.closed_on = r.text(10);
  for (const auto& u : c.query(kCampaignUnitCodes, {k.id})) k.unit_codes.push_back(u.text(0));
  return k;
}

Invitation InvitationOf(const db::Row& r) {
  Invitation i;
  i.id = r.i64(0);
  i.campaign_id = r.i64(1);
  i.unit_id = r.i64(2);
  i.official_id = r.opt_i64(3).value_or(0);
  i.unit_name = r.text(4);
  i.official_name = r.text(5);
  return i;
}

}  // namespace

void FreezeQuestionnaire(db::Conn& c, int64_t id) { c.exec(kFreeze, {id}); }

int64_t InsertCampaign(db::Conn& c, const Campaign& k, int64_t created_by) {
  return c.insert(kInsertCampaign, {k.unit_id, k.name, k.questionnaire_id, k.from, k.to, k.target,
                                    int64_t{k.repeat_6_months ? 1 : 0}, created_by, k.created_at});
}

void InsertCampaignUnit(db::Conn& c, int64_t campaign_id, int64_t unit_id, const std::string& link) {
  c.exec(kInsertCampaignUnit, {campaign_id, unit_id, link});
}

std::optional<Campaign> CampaignById(db::Conn& c, int64_t id) {
  if (auto r = c.query_one(kCampaignById, {id})) return CampaignOf(c, *r);
  return std::nullopt;
}

std::vector<Campaign> AllCampaigns(db::Conn& c) {
  std::vector<Campaign> out;
  for (const auto& r : c.query(kAllCampaigns)) out.push_back(CampaignOf(c, r));
  return out;
}

std::vector<CampaignUnit> CampaignUnits(db::Conn& c, int64_t campaign_id) {
  std::vector<CampaignUnit> out;
  for (const auto& r : c.query(kCampaignUnits, {campaign_id}))
    out.push_back({r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), 0});
  return out;
}

std::optional<std::pair<int64_t, int64_t>> CampaignOfLink(db::Conn& c, const std::string& link) {
  if (auto r = c.query_one(kLink, {link})) return std::pair{r->i64(0), r->i64(1)};
  return std::nullopt;
}

int64_t InsertInvitation(db::Conn& c, const Invitation& i, const std::string& at, int64_t batch) {
  db::Value official = i.official_id ? db::Value(i.official_id) : db::Value(nullptr);
  const int64_t id = c.insert(kInsertInvitation,
                              {i.campaign_id, i.unit_id, official, at, batch ? db::Value(batch) : db::Value(nullptr)});
  if (!batch) c.exec(kStartBatch, {id});
  return id;
}

std::optional<Invitation> InvitationById(db::Conn& c, int64_t id) {
  if (auto r = c.query_one(kInvitationById, {id})) return InvitationOf(*r);
  return std::nullopt;
}

std::vector<Invitation> InvitationsBetween(db::Conn& c, int64_t campaign_id, int64_t from_id, int64_t to_id) {
  std::vector<Invitation> out;
  for (const auto& r : c.query(kInvitationsBetween, {campaign_id, from_id, to_id})) out.push_back(InvitationOf(r));
  return out;
}

std::vector<InvitationBatch> InvitationBatches(db::Conn& c, int64_t campaign_id) {
  std::vector<InvitationBatch> out;
  for (const auto& r : c.query(kBatches, {campaign_id}))
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.text(3), r.text(4), r.i64(5) != 0});
  return out;
}

bool InvitationAnswered(db::Conn& c, int64_t invitation_id, int64_t round) {
  return c.query_one(kInvitationAnswered, {invitation_id, round}).has_value();
}

bool DeviceAnswered(db::Conn& c, int64_t campaign_id, int64_t round, const std::string& device_hash) {
  return c.query_one(kDeviceAnswered, {campaign_id, round, device_hash}).has_value();
}

int64_t InsertResponse(db::Conn& c, const SurveyResponse& r) {
  json::object answers;
  for (const auto& [k, vs] : r.answers) {
    json::array a;
    for (const auto& v : vs) a.push_back(json::value(v));
    answers[k] = std::move(a);
  }
  db::Value invitation = r.invitation_id ? db::Value(r.invitation_id) : db::Value(nullptr);
  db::Value device = r.device_hash.empty() ? db::Value(nullptr) : db::Value(r.device_hash);
  return c.insert(kInsertResponse,
                  {r.campaign_id, r.round, r.unit_id, invitation, device, json::serialize(answers), r.created_at});
}

void AddSurveyCount(db::Conn& c, int64_t campaign_id, int64_t round, int64_t unit_id, const std::string& question,
                    const std::string& answer) {
  c.exec(kAddCount, {campaign_id, round, unit_id, question, answer});
}

std::vector<SurveyCount> SurveyCounts(db::Conn& c, int64_t campaign_id, int64_t round, const std::string& path_prefix) {
  std::vector<SurveyCount> out;
  for (const auto& r : c.query(kCounts, {campaign_id, round, path_prefix + "%"}))
    out.push_back({r.i64(0), r.text(1), r.text(2), r.text(3), r.i64(4)});
  return out;
}

bool UpdateCampaign(db::Conn& c, const Campaign& k, int64_t version) {
  return c.exec(kUpdateCampaign, {k.name, k.to, k.target, k.id, version}) == 1;
}

bool CloseCampaign(db::Conn& c, int64_t id, int64_t version, const std::string& day, int64_t by) {
  return c.exec(kCloseCampaign, {day, by ? db::Value(by) : db::Value(nullptr), id, version}) == 1;
}

void AddOfficialCount(db::Conn& c, int64_t campaign_id, int64_t round, int64_t unit_id, int64_t official_id,
                      const std::string& question, const std::string& answer, int64_t n) {
  c.exec(kAddOfficialCount, {campaign_id, round, unit_id, official_id, question, answer, n});
}

std::vector<OfficialCount> OfficialCounts(db::Conn& c, int64_t campaign_id, int64_t round,
                                          const std::string& path_prefix) {
  std::vector<OfficialCount> out;
  for (const auto& r : c.query(kOfficialCounts, {path_prefix + "%", campaign_id, round}))
    out.push_back({r.i64(0), r.text(1), r.text(2), r.text(3), r.i64(4)});
  return out;
}

bool DeleteSurveyKey(db::Conn& c, const std::string& name) { return c.exec(kDeleteKey, {name}) == 1; }

std::vector<OfficialResponse> ResponsesOfOfficials(db::Conn& c, int64_t up_to_id) {
  std::vector<OfficialResponse> out;
  for (const auto& r : c.query(kResponsesOfOfficials, {up_to_id})) {
    OfficialResponse o{r.i64(0), r.i64(1), r.i64(2), r.i64(3), {}};
    auto v = json::parse(r.text(4));
    for (const auto& [k, vs] : v.as_object())
      for (const auto& a : vs.as_array()) o.answers[std::string(k)].emplace_back(a.as_string());
    out.push_back(std::move(o));
  }
  return out;
}

std::string SurveyKey(db::Conn& c, const std::string& name) {
  auto r = c.query_one(kKey, {name});
  return r ? r->text(0) : "";
}

void PutSurveyKeyIfAbsent(db::Conn& c, const std::string& name, const std::string& value) {
  c.exec(kPutKey, {name, value});
}

}  // namespace fg::surveys::repo
