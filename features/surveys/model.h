// Dossier evaluations on a criteria set (the national 9 criteria, 0-2 points
// each, 18 in all, or a set a province configures) and SIPAS-style survey
// indexes. Plain structs; rules.h holds the logic.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fg::surveys {

// How a criterion gets its points: computed from the dossier's events, or entered.
//   total_time   the dossier's time vs its legal limit (2 early / 1 on time / 0 late);
//   step_time    each step's (agency's) time vs its budget, the worst one counting;
//   supplements  times the applicant had to come back (2 none / 1 once / 0 more);
//   agencies     agencies the applicant had to contact (2 one / 1 two / 0 more);
//   ""           entered by the citizen or an evaluator (0..max).
struct Criterion {
  std::string key;    // c1..c9, unique in the set
  std::string label;  // Vietnamese, as the set's owner wrote it
  std::string compute;
  int64_t max = 2;
};

// One version of a criteria set. A set in use is never changed: a change is a new version.
struct CriteriaSet {
  int64_t id = 0;
  int64_t unit_id = 0;  // 0: the national default
  std::string code;     // e.g. "nd61"
  int64_t version = 1;
  std::string name;
  std::vector<Criterion> criteria;
  int64_t max_total() const {
    int64_t m = 0;
    for (auto& c : criteria) m += c.max;
    return m;
  }
};

// What criteria computed from events need, read from a dossier's history.
struct DossierFacts {
  bool finished = false;         // the dossier has a result (its timeliness is known)
  std::optional<int64_t> total;  // 0 late, 1 on time, 2 early (the dossier as a whole)
  std::vector<int64_t> steps;    // the same for each finished hand-over
  int64_t supplements = 0;       // supplement requests (form 02)
  int64_t agencies = 1;          // agencies the applicant contacted
};

enum class Source { kCitizen, kEvaluator };

// Grades of a total on 18 points (see rules.h: Grade).
enum class Grade { kExcellent, kGood, kFair, kAverage, kWeak };

struct Evaluation {
  int64_t id = 0;
  int64_t dossier_id = 0;
  std::string dossier_code;
  int64_t unit_id = 0;
  int64_t procedure_id = 0;
  Source source = Source::kCitizen;
  int64_t set_id = 0;
  std::map<std::string, int64_t> points;  // by criterion key, computed and entered
  int64_t total = 0;
  int64_t max_total = 18;
  Grade grade = Grade::kWeak;
  int64_t evaluator_id = 0;  // 0 for the citizen
  std::string created_at;
};

// The counters of evaluations per unit x procedure x month x source (kept in
// the same write as each evaluation): how many, the points per criterion key,
// and how many per grade.
struct EvaluationTotals {
  int64_t n = 0;
  std::map<std::string, int64_t> points;  // criterion key -> sum
  std::map<std::string, int64_t> scored;  // criterion key -> evaluations that scored it
  std::map<std::string, int64_t> grades;  // grade name -> count
};

}  // namespace fg::surveys

namespace fg::surveys {

// ---- survey questionnaires ----
enum class QuestionKind { kLikert, kSingle, kMultiple, kText };

struct Question {
  std::string key;   // q1, q2 ... unique in the questionnaire
  std::string text;  // Vietnamese
  QuestionKind kind = QuestionKind::kLikert;
  bool required = true;
  std::vector<std::string> options;  // single and multiple choice
  std::string element;               // SIPAS element of a Likert question ("" = none)
};

struct Section {
  std::string title;
  std::vector<Question> questions;
};

// One version of a questionnaire. A version used by a campaign is frozen:
// a change makes a new version.
struct Questionnaire {
  int64_t id = 0;
  int64_t unit_id = 0;  // 0: shipped with the system (the SIPAS template)
  std::string code;
  int64_t version = 1;
  std::string name;
  std::vector<Section> sections;
  bool frozen = false;
  std::string created_at;  // UTC instant of the version
  // The owning unit (empty for the system's): read with the version.
  std::string unit_code, unit_name, unit_path;
  size_t question_count() const {
    size_t n = 0;
    for (const auto& s : sections) n += s.questions.size();
    return n;
  }
};

// A response's answers by question key: the Likert level or option index as
// text, several for a multiple choice, the text of a short answer.
using Answers = std::map<std::string, std::vector<std::string>>;

}  // namespace fg::surveys

namespace fg::surveys {

// ---- survey campaigns ----
// As typed (the rules check every field and report all problems at once).
struct CampaignInput {
  std::string name;
  int64_t questionnaire_id = 0;
  std::string from, to;                 // local dates YYYY-MM-DD, both included
  std::vector<std::string> unit_codes;  // target units (each with its subtree)
  std::string target;                   // sample size, as typed
  bool repeat_6_months = false;         // a next campaign six months later
};

struct Campaign {
  int64_t id = 0;
  std::string name;
  int64_t questionnaire_id = 0;
  std::string from, to;
  std::vector<std::string> unit_codes;
  int64_t target = 0;
  bool repeat_6_months = false;
  int64_t unit_id = 0;  // the owning unit (the first target unit)
  std::string created_at;
  int64_t version = 1;    // +1 on each edit or close (optimistic check)
  std::string closed_on;  // the local day it was closed early ("" = not closed)
  bool closed() const { return !closed_on.empty(); }
};

// An edit of a campaign by those who may manage it (as typed; nullopt keeps
// the field). `version` is the one the form or client read.
struct CampaignEdit {
  int64_t version = 0;
  std::optional<std::string> name, to, target;
};

// A target unit of a campaign, its open link, and its responses in a round
// (the unit's subtree counted).
struct CampaignUnit {
  int64_t unit_id = 0;
  std::string code, name, path, link;
  int64_t responses = 0;
};

// A printed invitation: its token is "<id>.<MAC of the id>".
struct Invitation {
  int64_t id = 0;
  int64_t campaign_id = 0;
  int64_t unit_id = 0;
  int64_t official_id = 0;  // 0: printed per unit
  std::string token, unit_name, official_name;
};

// A printed sheet: the invitations made in one go (the same time).
struct InvitationBatch {
  int64_t from_id = 0, to_id = 0, count = 0;
  std::string unit_name, created_at;
  bool per_official = false;
};

// A response as stored (the answers validated against the frozen questionnaire).
struct SurveyResponse {
  int64_t id = 0;
  int64_t campaign_id = 0;
  int64_t round = 1;
  int64_t unit_id = 0;
  int64_t invitation_id = 0;  // 0: through the open link
  std::string device_hash;
  Answers answers;
  std::string created_at;
};

}  // namespace fg::surveys
