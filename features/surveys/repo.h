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
int64_t InsertQuestionnaire(db::Conn& c, const Questionnaire& q, int64_t created_by, const std::string& at);

}  // namespace fg::surveys::repo
