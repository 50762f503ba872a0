#include "features/surveys/json.h"

#include "features/surveys/repo.h"
#include "features/surveys/rules.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"

namespace fg::surveys {
namespace json = boost::json;

json::value ToJson(const CriteriaSet& s) {
  json::array criteria;
  for (const auto& c : s.criteria)
    criteria.push_back({{"key", c.key}, {"label", c.label}, {"compute", c.compute}, {"max", c.max}});
  return {{"id", s.id},
          {"code", s.code},
          {"version", s.version},
          {"name", s.name},
          {"national", s.unit_id == 0},
          {"max_total", s.max_total()},
          {"criteria", criteria}};
}

json::value ToJson(const Evaluation& e) {
  json::object points;
  for (const auto& [k, v] : e.points) points[k] = v;
  return {{"id", e.id},
          {"dossier_code", e.dossier_code},
          {"source", SourceName(e.source)},
          {"criteria_set_id", e.set_id},
          {"points", points},
          {"total", e.total},
          {"max_total", e.max_total},
          {"grade", GradeName(e.grade)},
          {"created_at", e.created_at}};
}

json::value ToJson(const EvaluationView& v) {
  json::object computed;
  for (const auto& [k, p] : v.computed) computed[k] = p;
  return {{"dossier_code", v.code},   {"procedure_name", v.procedure_name},
          {"unit_name", v.unit_name}, {"state", v.state},
          {"finished", v.finished},   {"criteria_set", ToJson(v.set)},
          {"computed", computed},     {"evaluation", v.existing ? ToJson(*v.existing) : json::value()}};
}

namespace {
json::object TotalsJson(const EvaluationTotals& t) {
  json::object avg, grades;
  for (const auto& [k, sum] : t.points) {
    auto n = t.scored.count(k) ? t.scored.at(k) : 0;
    avg[k] = n ? static_cast<double>(sum) / static_cast<double>(n) : 0.0;
  }
  for (Grade g : kGrades) {
    std::string name(GradeName(g));
    grades[name] = t.grades.count(name) ? t.grades.at(name) : 0;
  }
  return {{"evaluations", t.n}, {"average_points", avg}, {"grades", grades}};
}
}  // namespace

json::value ToJson(const EvaluationReport& r) {
  json::array lines;
  for (const auto& l : r.lines) {
    auto o = TotalsJson(l.t);
    o["key"] = l.key;
    o["label"] = l.label;
    lines.push_back(o);
  }
  return {{"unit_code", r.unit_code},
          {"unit_name", r.unit_name},
          {"from", r.from},
          {"to", r.to},
          {"by", r.by},
          {"source", r.source.empty() ? json::value() : json::value(r.source)},
          {"criteria_set", ToJson(r.set)},
          {"lines", lines},
          {"total", TotalsJson(r.total)}};
}

std::map<std::string, std::string> PointsFrom(const json::object& body) {
  std::map<std::string, std::string> out;
  auto it = body.find("points");
  if (it == body.end()) return out;
  if (!it->value().is_object() || it->value().as_object().size() > 50)
    throw BadInput("surveys.points_object", "points");
  for (const auto& [k, v] : it->value().as_object()) {
    if (v.is_int64())
      out[std::string(k)] = std::to_string(v.as_int64());
    else if (v.is_string())
      out[std::string(k)] = std::string(v.as_string());
    else
      out[std::string(k)] = "?";  // refused by Score as out of range
  }
  return out;
}

CriteriaSet CriteriaSetFrom(const json::object& b) {
  http::JsonAllowOnly(b, {"code", "name", "criteria"});
  CriteriaSet s;
  s.code = http::JsonString(b, "code").value_or("");
  s.name = http::JsonString(b, "name").value_or("");
  auto it = b.find("criteria");
  if (it == b.end() || !it->value().is_array()) throw BadInput("surveys.criteria_count", "criteria");
  const auto& arr = it->value().as_array();
  if (arr.size() > 30) throw BadInput("surveys.criteria_count", "criteria");
  for (size_t i = 0; i < arr.size(); ++i) {
    if (!arr[i].is_object()) throw BadInput("surveys.criterion_object", "criteria[" + std::to_string(i) + "]");
    const auto& o = arr[i].as_object();
    Criterion c;
    c.key = http::JsonString(o, "key").value_or("");
    c.label = http::JsonString(o, "label").value_or("");
    c.compute = http::JsonString(o, "compute").value_or("");
    c.max = http::JsonInt(o, "max").value_or(2);
    s.criteria.push_back(std::move(c));
  }
  return s;
}

json::value ToJson(const Questionnaire& q) {
  json::value sections = json::parse(repo::SectionsJson(q.sections));
  return {{"id", q.id},          {"code", q.code},           {"version", q.version},
          {"name", q.name},      {"system", q.unit_id == 0}, {"frozen", q.frozen},
          {"sections", sections}};
}

Questionnaire QuestionnaireFrom(const json::object& b) {
  http::JsonAllowOnly(b, {"code", "name", "sections"});
  Questionnaire q;
  q.code = http::JsonString(b, "code").value_or("");
  q.name = http::JsonString(b, "name").value_or("");
  auto it = b.find("sections");
  if (it == b.end() || !it->value().is_array() || it->value().as_array().size() > kMaxSections)
    throw BadInput("surveys.sections_count", "sections");
  size_t i = 0;
  for (const auto& sv : it->value().as_array()) {
    const std::string at = "sections[" + std::to_string(i++) + "]";
    if (!sv.is_object()) throw BadInput("surveys.section_object", at);
    const auto& so = sv.as_object();
    Section s;
    s.title = http::JsonString(so, "title").value_or("");
    auto qs = so.find("questions");
    if (qs == so.end() || !qs->value().is_array() || qs->value().as_array().size() > kMaxQuestions)
      throw BadInput("surveys.questions_count", at + ".questions");
    size_t j = 0;
    for (const auto& qv : qs->value().as_array()) {
      const std::string qat = at + ".questions[" + std::to_string(j++) + "]";
      if (!qv.is_object()) throw BadInput("surveys.question_object", qat);
      const auto& qo = qv.as_object();
      Question q;
      q.key = http::JsonString(qo, "key").value_or("");
      q.text = http::JsonString(qo, "text").value_or("");
      auto kind = ParseKind(http::JsonString(qo, "kind").value_or("likert"));
      if (!kind) throw BadInput("surveys.question_kind", qat + ".kind");
      q.kind = *kind;
      q.required = http::JsonBool(qo, "required").value_or(true);
      q.element = http::JsonString(qo, "element").value_or("");
      if (auto o = qo.find("options"); o != qo.end()) {
        if (!o->value().is_array() || o->value().as_array().size() > kMaxOptions)
          throw BadInput("surveys.options_count", qat + ".options");
        for (const auto& ov : o->value().as_array())
          q.options.push_back(ov.is_string() ? std::string(ov.as_string()) : "");
      }
      s.questions.push_back(std::move(q));
    }
    q.sections.push_back(std::move(s));
  }
  return q;
}

}  // namespace fg::surveys
