// Use cases of dossier evaluations (and, later, survey campaigns). Every call
// authorises on the unit's subtree (auth::Covers) before reading or writing;
// every change records an event in the same write.
//
// Who may do what:
//   citizen evaluation: anyone holding the dossier's code and the last 4
//     digits of the applicant's phone or ID number (the public lookup's proof,
//     rate limited the same way), once per dossier, after its result.
//   evaluator evaluation: evaluators, leaders and administrators covering the
//     dossier's unit, once per dossier.
//   reading evaluations and reports: any role covering the unit.
//   criteria sets: anyone reads them; administrators covering a unit add a
//     set (or a new version of it) for the unit's subtree.
#pragma once
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "features/desk/service.h"
#include "features/surveys/model.h"
#include "features/surveys/rules.h"
#include "platform/auth/principal.h"
#include "platform/auth/rate_limit.h"
#include "platform/db/db.h"

namespace fg::surveys {

// What an evaluation form shows: the dossier (public fields), the set in force,
// the computed criteria's points, and the evaluation already made from this source.
struct EvaluationView {
  std::string code, procedure_name, unit_name, state;
  bool finished = false;
  bool may_evaluate = false;  // EvaluatorView: the caller may enter the evaluator's evaluation
  CriteriaSet set;
  std::map<std::string, int64_t> computed;
  std::optional<Evaluation> existing;
};

// The report of evaluations over a unit's subtree and months, grouped by
// child unit, procedure or month.
struct ReportQuery {
  std::string unit_code{};   // "" = the caller's first covered root
  std::string from{}, to{};  // YYYY-MM, both included; "" = the last 12 months
  std::string by{};          // unit | procedure | month ("" = unit)
  std::string source{};      // citizen | evaluator | "" (both)
};
struct ReportLine {
  std::string key, label;
  EvaluationTotals t;
};
struct EvaluationReport {
  std::string unit_code, unit_name, from, to, by, source;
  CriteriaSet set;  // the set in force at the unit (its criteria label the columns)
  std::vector<ReportLine> lines;
  EvaluationTotals total;
};

// ---- survey campaigns (campaign_service.cpp) ----
// Who may do what:
//   create a campaign: administrators covering every target unit; the same
//     manage it (edit its name, end date and target; close it early).
//   print invitations (per unit or per official): administrators and leaders
//     covering the unit.
//   read a campaign, its progress and reports: any role covering one of its
//     target units (a report only for a unit the caller covers).
//   answer: anyone holding an invitation token (once per round) or a unit's
//     open link (once per device per round, rate limited per address).
struct CampaignSummary {
  Campaign campaign;
  Campaign round_dates;  // the round in force
  int round = 1;
  bool open = false;
  int64_t responses = 0, target_total = 0;  // in the round, over all target units
};
struct CampaignView {
  Campaign campaign;
  Campaign round_dates;
  int round = 1;
  bool open = false;
  std::string questionnaire_name;
  std::vector<CampaignUnit> units;       // progress in the round, each against `campaign.target`
  bool may_print = false;                // invitations for at least one unit
  bool may_manage = false;               // edit and close it (administrators covering every target unit)
  std::vector<InvitationBatch> batches;  // the sheets printed (for those who may print)
};
// What the answer page shows for a token or an open link.
enum class AnswerState { kOpen, kNotYet, kClosed, kAnswered };
struct AnswerTarget {
  Campaign campaign;
  Campaign round_dates;
  int round = 1;
  Questionnaire questionnaire;
  int64_t unit_id = 0;
  std::string unit_name;
  int64_t invitation_id = 0;  // 0: the open link
  int64_t official_id = 0;    // the invitation's official (printed per official), else 0
  AnswerState state = AnswerState::kOpen;
};
// The report of a campaign's round over a unit's subtree.
struct ElementLine {
  std::string element;
  Likert counts{};
  stats::Share share;
};
struct QuestionLine {
  Question question;
  std::vector<std::pair<std::string, int64_t>> answers;  // label -> count (choices and Likert levels)
  int64_t answered = 0;
};
// One group of a report by official: its responses and element indexes.
struct GroupLine {
  std::string key, label;
  int64_t responses = 0;
  std::vector<ElementLine> elements;
  double sipas = 0;
};
struct CampaignReport {
  std::string by = "unit";  // unit: the unit's figures; official: `groups`, one per official
  std::vector<GroupLine> groups;
  Campaign campaign;
  int round = 1;
  Campaign round_dates;
  bool open = false;  // today within the round's dates
  std::string unit_code, unit_name;
  int64_t responses = 0, minimum = stats::kDefaultMinimumAnswers;
  std::vector<ElementLine> elements;
  double sipas = 0;  // the mean of the element indexes
  std::vector<QuestionLine> questions;
};

class Service {
 public:
  Service(db::Db& db, desk::Service& desk) : db_(db), desk_(desk) {}

  // ---- criteria sets ----
  // The set in force for a unit: the nearest unit's (itself, then its
  // ancestors) newest version, else the national set's newest.
  CriteriaSet SetInForce(const std::string& unit_path);
  std::vector<CriteriaSet> CriteriaSets(const std::string& unit_code);
  // A new set (or a new version of `in.code` owned by the same unit).
  CriteriaSet AddCriteriaSet(const auth::Principal& p, const std::string& unit_code, const CriteriaSet& in);

  // ---- evaluations ----
  // `check`: the last 4 digits; `client`: the caller's address (rate limit).
  EvaluationView CitizenView(const std::string& code, const std::string& check, const std::string& client);
  Evaluation EvaluateAsCitizen(const std::string& code, const std::string& check, const std::string& client,
                               const std::map<std::string, std::string>& entered);
  EvaluationView EvaluatorView(const auth::Principal& p, const std::string& code);
  Evaluation EvaluateAsEvaluator(const auth::Principal& p, const std::string& code,
                                 const std::map<std::string, std::string>& entered);
  std::vector<Evaluation> Evaluations(const auth::Principal& p, const std::string& code);
  // Whether `p` may enter the evaluator's evaluation of dossiers of the unit.
  static bool MayEvaluate(const auth::Principal& p, const std::string& unit_path);

  // ---- questionnaires ----
  // The system's (the SIPAS template) and those of `unit_code` and its ancestors, every version.
  std::vector<Questionnaire> Questionnaires(const std::string& unit_code);
  Questionnaire GetQuestionnaire(int64_t id);
  // Those a reader sees at their units: for each unit of `p`'s grants, the
  // system's and those of the unit and its ancestors (each version once), by
  // code and version.
  std::vector<Questionnaire> VisibleQuestionnaires(const auth::Principal& p);
  // Whether `p` may save questionnaires (new ones, new versions) owned by the
  // unit at `unit_path`: administrators covering it. The editor pages show
  // their forms and links only when this holds; SaveQuestionnaire refuses otherwise.
  static bool MayEditQuestionnaires(const auth::Principal& p, const std::string& unit_path);
  // The same for a unit code (false for a code that is no unit).
  bool MayEditQuestionnairesAt(const auth::Principal& p, const std::string& unit_code);
  // A new questionnaire, or a new version of `in.code` owned by the unit
  // (MayEditQuestionnaires). A version is never changed: the one a campaign
  // uses stays as it was. 409 for a code of the system or another unit (400
  // naming "code" with the other problems when there are some: every problem at once).
  Questionnaire SaveQuestionnaire(const auth::Principal& p, const std::string& unit_code, const Questionnaire& in);

  // ---- reports ----
  EvaluationReport Report(const auth::Principal& p, const ReportQuery& q);

  // ---- survey campaigns ----
  // The newest version of the shipped SIPAS template.
  Questionnaire SipasTemplate();
  // Validates (every problem at once), freezes the questionnaire version,
  // gives each target unit its open link.
  Campaign CreateCampaign(const auth::Principal& p, const CampaignInput& in);
  std::vector<CampaignSummary> Campaigns(const auth::Principal& p);
  CampaignView GetCampaign(const auth::Principal& p, int64_t id);
  // `count` (1..kMaxInvitations) invitations for a unit of the campaign's
  // subtrees, or (per_official) one for each active official whose home unit
  // is in the unit's subtree. Returns them with their tokens.
  static constexpr int64_t kMaxInvitations = 500;
  std::vector<Invitation> CreateInvitations(const auth::Principal& p, int64_t campaign_id, const std::string& unit_code,
                                            const std::string& count, bool per_official);
  // Invitations id from..to of a campaign again (a sheet printed again), at most kMaxInvitations;
  // 0..0: the newest sheet.
  std::vector<Invitation> Invitations(const auth::Principal& p, int64_t campaign_id, int64_t from_id, int64_t to_id);
  std::string InvitationToken(int64_t invitation_id);
  // The answer page's target: NotFound surveys.bad_invitation for a token or link that is not one.
  AnswerTarget InvitationTarget(const std::string& token);
  AnswerTarget OpenTarget(const std::string& link, const std::string& device);
  // Stores a response, its counters and its event in one write. 409
  // surveys.already_answered, surveys.campaign_closed, surveys.campaign_not_started;
  // BadInput answers.<key> (all at once); 429 surveys.too_many (open link).
  SurveyResponse Answer(const std::string& token, const Answers& answers);
  SurveyResponse AnswerOpen(const std::string& link, const std::string& device, const std::string& address,
                            const Answers& answers);
  // round 0: the round in force; minimum 0: the default (30). by: "" or unit
  // (the unit's subtree as a whole), official (each official whose printed
  // invitations in the subtree were answered; responses through the open link
  // or a unit's invitations are in no group); BadInput "by" otherwise.
  CampaignReport CampaignResults(const auth::Principal& p, int64_t campaign_id, const std::string& unit_code,
                                 int round = 0, int64_t minimum = 0, const std::string& by = "");
  // Administrators covering every target unit. Every problem at once (rules.h
  // ValidateCampaignEdit); 409 surveys.campaign_stale when `in.version` is not
  // the campaign's, surveys.campaign_closed_already when it was closed. One
  // event "update" (before and after) in the same write.
  Campaign UpdateCampaign(const auth::Principal& p, int64_t campaign_id, const CampaignEdit& in);
  // Closes it today: no answers from now on, no further round; reports stay.
  // The same people and conflicts; one event "close".
  Campaign CloseCampaign(const auth::Principal& p, int64_t campaign_id, int64_t version);

 private:
  std::string CampaignKey();
  // Counts, once, the responses through officials' invitations stored before
  // migration 0036 (the row it left in survey_keys says up to which id).
  void BackfillOfficialCounts();
  std::once_flag backfill_once_;
  struct Managed {
    Campaign k;
    std::vector<CampaignUnit> units;
  };
  Managed ForManaging(const auth::Principal& p, int64_t campaign_id);
  SurveyResponse Store(AnswerTarget t, const std::string& device_hash, const Answers& answers);
  AnswerTarget TargetOf(int64_t campaign_id, int64_t unit_id, int64_t invitation_id, int64_t official_id,
                        const std::string& device_hash);
  std::once_flag key_once_;
  std::string key_;
  auth::RateLimiter open_per_address_{20, std::chrono::hours(1)};
  EvaluationView ViewOf(const std::string& code, Source source);
  Evaluation Evaluate(const std::string& code, Source source, const auth::Principal* p,
                      const std::map<std::string, std::string>& entered);
  db::Db& db_;
  desk::Service& desk_;
};

}  // namespace fg::surveys
