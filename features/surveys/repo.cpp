#include "features/surveys/repo.h"

#include <boost/json.hpp>

#include "features/surveys/rules.h"

namespace fg::surveys::repo {
namespace {

namespace json = boost::json;

std::string CriteriaJson(const std::vector<Criterion>& cs) {
  json::array a;
  for (const auto& c : cs) a.push_back({{"key", c.key}, {"label", c.label}, {"compute", c.compute}, {"max", c.max}});
  return json::serialize(a);
}

std::vector<Criterion> CriteriaOf(const std::string& text) {
  std::vector<Criterion> out;
  const json::value doc = json::parse(text);
  for (const auto& v : doc.as_array()) {
    const auto& o = v.as_object();
    out.push_back({std::string(o.at("key").as_string()), std::string(o.at("label").as_string()),
                   std::string(o.at("compute").as_string()), o.at("max").to_number<int64_t>()});
  }
  return out;
}

CriteriaSet SetOf(const db::Row& r) {
  CriteriaSet s;
  s.id = r.i64(0);
  s.unit_id = r.opt_i64(1).value_or(0);
  s.code = r.text(2);
  s.version = r.i64(3);
  s.name = r.text(4);
  s.criteria = CriteriaOf(r.text(5));
  return s;
}

const db::Query kSetsNational{"criteria_sets_national",
                              "SELECT id, unit_id, code, version, name, criteria_json FROM criteria_sets "
                              "WHERE unit_id IS NULL ORDER BY id"};
const db::Query kSetsOfUnit{"criteria_sets_of_unit",
                            "SELECT id, unit_id, code, version, name, criteria_json FROM criteria_sets "
                            "WHERE unit_id = ? ORDER BY id"};
const db::Query kSetById{"criteria_set_by_id",
                         "SELECT id, unit_id, code, version, name, criteria_json FROM criteria_sets WHERE id = ?"};
const db::Query kLastVersion{"criteria_set_last_version",
                             "SELECT COALESCE(MAX(version), 0) FROM criteria_sets WHERE code = ?"};
const db::Query kInsertSet{"criteria_set_insert",
                           "INSERT INTO criteria_sets (unit_id, code, version, name, criteria_json, created_by, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"};
const db::Query kInsertEvaluation{
    "dossier_evaluation_insert",
    "INSERT INTO dossier_evaluations (dossier_id, source, set_id, unit_id, procedure_id, points_json, total, "
    "max_total, grade, evaluator_id, month, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"};
const db::Query kEvaluationsOf{
    "dossier_evaluations_of",
    "SELECT e.id, e.dossier_id, d.code, e.unit_id, e.procedure_id, e.source, e.set_id, e.points_json, e.total, "
    "e.max_total, e.grade, e.evaluator_id, e.created_at FROM dossier_evaluations e JOIN dossiers d ON d.id = "
    "e.dossier_id WHERE e.dossier_id = ? ORDER BY e.source"};
const db::Query kCount{"evaluation_counts_add",
                       "INSERT INTO evaluation_counts (unit_id, procedure_id, month, source, item, n, points) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (unit_id, month, procedure_id, source, item) DO "
                       "UPDATE SET n = evaluation_counts.n + excluded.n, points = evaluation_counts.points + "
                       "excluded.points"};
const db::Query kCounts{"evaluation_counts_read",
                        "SELECT k.unit_id, u.path, k.procedure_id, k.month, k.source, k.item, k.n, k.points FROM "
                        "evaluation_counts k JOIN units u ON u.id = k.unit_id WHERE u.path LIKE ? AND k.month >= ? "
                        "AND k.month <= ? ORDER BY k.unit_id, k.month"};

}  // namespace

std::vector<CriteriaSet> CriteriaSets(db::Conn& c, const std::vector<int64_t>& unit_ids) {
  std::vector<CriteriaSet> out;
  for (const auto& r : c.query(kSetsNational)) out.push_back(SetOf(r));
  for (int64_t id : unit_ids)
    for (const auto& r : c.query(kSetsOfUnit, {id})) out.push_back(SetOf(r));
  return out;
}

std::optional<CriteriaSet> CriteriaSetById(db::Conn& c, int64_t id) {
  if (auto r = c.query_one(kSetById, {id})) return SetOf(*r);
  return std::nullopt;
}

int64_t LastVersion(db::Conn& c, const std::string& code) { return c.query_one(kLastVersion, {code})->i64(0); }

int64_t InsertCriteriaSet(db::Conn& c, const CriteriaSet& s, int64_t created_by, const std::string& at) {
  db::Value unit = s.unit_id ? db::Value(s.unit_id) : db::Value(nullptr);
  return c.insert(kInsertSet, {unit, s.code, s.version, s.name, CriteriaJson(s.criteria), created_by, at});
}

int64_t InsertEvaluation(db::Conn& c, const Evaluation& e, const std::string& month) {
  json::object points;
  for (const auto& [k, v] : e.points) points[k] = v;
  db::Value evaluator = e.evaluator_id ? db::Value(e.evaluator_id) : db::Value(nullptr);
  return c.insert(kInsertEvaluation, {e.dossier_id, std::string(SourceName(e.source)), e.set_id, e.unit_id,
                                      e.procedure_id, json::serialize(points), e.total, e.max_total,
                                      std::string(GradeName(e.grade)), evaluator, month, e.created_at});
}

std::vector<Evaluation> EvaluationsOf(db::Conn& c, int64_t dossier_id) {
  std::vector<Evaluation> out;
  for (const auto& r : c.query(kEvaluationsOf, {dossier_id})) {
    Evaluation e;
    e.id = r.i64(0);
    e.dossier_id = r.i64(1);
    e.dossier_code = r.text(2);
    e.unit_id = r.i64(3);
    e.procedure_id = r.i64(4);
    e.source = ParseSource(r.text(5)).value_or(Source::kCitizen);
    e.set_id = r.i64(6);
    const json::value points = json::parse(r.text(7));
    for (const auto& [k, v] : points.as_object()) e.points[std::string(k)] = v.to_number<int64_t>();
    e.total = r.i64(8);
    e.max_total = r.i64(9);
    for (Grade g : kGrades)
      if (GradeName(g) == r.text(10)) e.grade = g;
    e.evaluator_id = r.opt_i64(11).value_or(0);
    e.created_at = r.text(12);
    out.push_back(std::move(e));
  }
  return out;
}

void CountEvaluation(db::Conn& c, const Evaluation& e, const std::string& month) {
  const std::string source(SourceName(e.source));
  auto add = [&](const std::string& item, int64_t n, int64_t points) {
    c.exec(kCount, {e.unit_id, e.procedure_id, month, source, item, n, points});
  };
  add("all", 1, e.total);
  for (const auto& [k, v] : e.points) add("c:" + k, 1, v);
  add("g:" + std::string(GradeName(e.grade)), 1, 0);
}

std::vector<CountRow> Counts(db::Conn& c, const std::string& path_prefix, const std::string& from,
                             const std::string& to) {
  std::vector<CountRow> out;
  for (const auto& r : c.query(kCounts, {path_prefix + "%", from, to})) {
    CountRow k;
    k.unit_id = r.i64(0);
    k.unit_path = r.text(1);
    k.procedure_id = r.i64(2);
    k.month = r.text(3);
    k.source = r.text(4);
    k.item = r.text(5);
    k.n = r.i64(6);
    k.points = r.i64(7);
    out.push_back(std::move(k));
  }
  return out;
}

// ---- questionnaires ----
namespace {
// The owning unit's code, name and path come with each version (NULL for the system's).
const db::Query kQSystem{"questionnaires_system",
                         "SELECT q.id, q.unit_id, q.code, q.version, q.name, q.sections_json, q.frozen, q.created_at, "
                         "u.code, u.name, u.path FROM questionnaires q LEFT JOIN units u ON u.id = q.unit_id "
                         "WHERE q.unit_id IS NULL ORDER BY q.code, q.version"};
const db::Query kQOfUnit{"questionnaires_of_unit",
                         "SELECT q.id, q.unit_id, q.code, q.version, q.name, q.sections_json, q.frozen, q.created_at, "
                         "u.code, u.name, u.path FROM questionnaires q LEFT JOIN units u ON u.id = q.unit_id "
                         "WHERE q.unit_id = ? ORDER BY q.code, q.version"};
const db::Query kQById{"questionnaire_by_id",
                       "SELECT q.id, q.unit_id, q.code, q.version, q.name, q.sections_json, q.frozen, q.created_at, "
                       "u.code, u.name, u.path FROM questionnaires q LEFT JOIN units u ON u.id = q.unit_id "
                       "WHERE q.id = ?"};
const db::Query kQCodeOwners{"questionnaire_code_owners",
                             "SELECT DISTINCT COALESCE(unit_id, 0) FROM questionnaires WHERE code = ?"};
const db::Query kQLast{"questionnaire_last_version",
                       "SELECT COALESCE(MAX(version), 0) FROM questionnaires WHERE code = ?"};
const db::Query kQInsert{"questionnaire_insert",
                         "INSERT INTO questionnaires (unit_id, code, version, name, sections_json, frozen, created_by, "
                         "created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)"};

Questionnaire QOf(const db::Row& r) {
  Questionnaire q;
  q.id = r.i64(0);
  q.unit_id = r.opt_i64(1).value_or(0);
  q.code = r.text(2);
  q.version = r.i64(3);
  q.name = r.text(4);
  q.sections = SectionsOf(r.text(5));
  q.frozen = r.i64(6) != 0;
  q.created_at = r.text(7);
  q.unit_code = r.opt_text(8).value_or("");
  q.unit_name = r.opt_text(9).value_or("");
  q.unit_path = r.opt_text(10).value_or("");
  return q;
}
}  // namespace

std::string SectionsJson(const std::vector<Section>& sections) {
  json::array out;
  for (const auto& s : sections) {
    json::array qs;
    for (const auto& q : s.questions) {
      json::array opts;
      for (const auto& o : q.options) opts.push_back(json::value(o));
      qs.push_back({{"key", q.key},
                    {"text", q.text},
                    {"kind", KindName(q.kind)},
                    {"required", q.required},
                    {"options", opts},
                    {"element", q.element}});
    }
    out.push_back({{"title", s.title}, {"questions", qs}});
  }
  return json::serialize(out);
}

std::vector<Section> SectionsOf(const std::string& text) {
  std::vector<Section> out;
  const json::value doc = json::parse(text);
  for (const auto& sv : doc.as_array()) {
    const auto& so = sv.as_object();
    Section s;
    s.title = std::string(so.at("title").as_string());
    for (const auto& qv : so.at("questions").as_array()) {
      const auto& qo = qv.as_object();
      Question q;
      q.key = std::string(qo.at("key").as_string());
      q.text = std::string(qo.at("text").as_string());
      q.kind = ParseKind(std::string(qo.at("kind").as_string())).value_or(QuestionKind::kText);
      q.required = qo.at("required").as_bool();
      for (const auto& o : qo.at("options").as_array()) q.options.emplace_back(o.as_string());
      q.element = std::string(qo.at("element").as_string());
      s.questions.push_back(std::move(q));
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Questionnaire> Questionnaires(db::Conn& c, const std::vector<int64_t>& unit_ids) {
  std::vector<Questionnaire> out;
  for (const auto& r : c.query(kQSystem)) out.push_back(QOf(r));
  for (int64_t id : unit_ids)
    for (const auto& r : c.query(kQOfUnit, {id})) out.push_back(QOf(r));
  return out;
}

std::optional<Questionnaire> QuestionnaireById(db::Conn& c, int64_t id) {
  if (auto r = c.query_one(kQById, {id})) return QOf(*r);
  return std::nullopt;
}

int64_t LastQuestionnaireVersion(db::Conn& c, const std::string& code) { return c.query_one(kQLast, {code})->i64(0); }

std::vector<int64_t> QuestionnaireCodeOwners(db::Conn& c, const std::string& code) {
  std::vector<int64_t> out;
  for (const auto& r : c.query(kQCodeOwners, {code})) out.push_back(r.i64(0));
  return out;
}

int64_t InsertQuestionnaire(db::Conn& c, const Questionnaire& q, int64_t created_by, const std::string& at) {
  db::Value unit = q.unit_id ? db::Value(q.unit_id) : db::Value(nullptr);
  return c.insert(kQInsert, {unit, q.code, q.version, q.name, SectionsJson(q.sections), created_by, at});
}

}  // namespace fg::surveys::repo
