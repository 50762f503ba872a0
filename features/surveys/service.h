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
#include <optional>
#include <string>
#include <vector>

#include "features/desk/service.h"
#include "features/surveys/model.h"
#include "platform/auth/principal.h"
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
  std::string unit_code{};  // "" = the caller's first covered root
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
  // A new questionnaire, or a new version of `in.code` owned by the unit
  // (administrators covering it). A version is never changed: the one a
  // campaign uses stays as it was. 409 for a code of the system or another unit.
  Questionnaire SaveQuestionnaire(const auth::Principal& p, const std::string& unit_code, const Questionnaire& in);

  // ---- reports ----
  EvaluationReport Report(const auth::Principal& p, const ReportQuery& q);

 private:
  EvaluationView ViewOf(const std::string& code, Source source);
  Evaluation Evaluate(const std::string& code, Source source, const auth::Principal* p,
                      const std::map<std::string, std::string>& entered);
  db::Db& db_;
  desk::Service& desk_;
};

}  // namespace fg::surveys
