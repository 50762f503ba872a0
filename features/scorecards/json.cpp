#include "features/scorecards/json.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "features/scorecards/rules.h"
#include "platform/errors.h"

namespace fg::scorecards {
namespace json = boost::json;

json::value PointsJson(Points p) {
  if (p % 100 == 0) return json::value(p / 100);
  return json::value(static_cast<double>(p) / 100.0);
}

namespace {

json::array Strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.push_back(json::value(s));
  return a;
}
json::value PercentJson(int64_t bp) {
  if (bp % 100 == 0) return json::value(bp / 100);
  return json::value(static_cast<double>(bp) / 100.0);
}

json::object CriterionJson(const Criterion& c) {
  json::object o{{"key", c.key}, {"title", c.title}, {"max", PointsJson(c.max)}};
  if (!c.guidance.empty()) o["guidance"] = c.guidance;
  o["evidence_required"] = c.evidence_required;
  if (!c.evidence_what.empty()) o["evidence_what"] = c.evidence_what;
  if (!c.children.empty()) {
    json::array ch;
    for (const auto& k : c.children) ch.push_back(CriterionJson(k));
    o["children"] = std::move(ch);
    return o;
  }
  o["method"] = MethodName(c.method);
  if (c.method == Method::kManual) {
    o["step"] = PointsJson(c.step);
    return o;
  }
  o["indicator"] = c.indicator;
  if (c.min_volume > 0) o["min_volume"] = c.min_volume;
  json::object r{{"kind", RuleKindName(c.rule.kind)}};
  switch (c.rule.kind) {
    case RuleKind::kTarget: r["target_percent"] = PercentJson(c.rule.target_bp); break;
    case RuleKind::kBands: {
      json::array bands;
      for (const auto& b : c.rule.bands)
        bands.push_back(json::object{{"from_percent", PercentJson(b.from_bp)}, {"points", PointsJson(b.points)}});
      r["bands"] = std::move(bands);
      break;
    }
    case RuleKind::kPenalty:
      r["per"] = PointsJson(c.rule.per);
      r["floor"] = PointsJson(c.rule.floor);
      break;
  }
  o["rule"] = std::move(r);
  return o;
}

// A number with at most two decimals, times 100 (points in hundredths, percents in basis points).
int64_t Hundredths(const json::value& v, const std::string& field) {
  if (v.is_int64()) return v.as_int64() * 100;
  if (v.is_uint64() && v.as_uint64() < 1000000000ULL) return static_cast<int64_t>(v.as_uint64()) * 100;
  if (v.is_double()) {
    double x = v.as_double() * 100.0;
    if (!std::isfinite(x) || std::fabs(x) > 1e12) throw BadInput("scorecards.points_format", field);
    double r = std::round(x);
    if (std::fabs(x - r) > 1e-6) throw BadInput("scorecards.points_format", field);
    return static_cast<int64_t>(r);
  }
  if (v.is_string()) return ParsePoints(field, std::string_view(v.as_string()));
  throw BadInput("scorecards.points_format", field);
}

const json::value* Get(const json::object& o, const char* key) {
  auto it = o.find(key);
  return it == o.end() || it->value().is_null() ? nullptr : &it->value();
}

std::string Str(const json::object& o, const char* key, const std::string& f) {
  auto* v = Get(o, key);
  if (!v) return "";
  if (!v->is_string()) throw BadInput("scorecards.json_string", f + key);
  return std::string(v->as_string());
}

bool Bool(const json::object& o, const char* key, const std::string& f) {
  auto* v = Get(o, key);
  if (!v) return false;
  if (!v->is_bool()) throw BadInput("scorecards.json_bool", f + key);
  return v->as_bool();
}

int64_t Int(const json::object& o, const char* key, const std::string& f) {
  auto* v = Get(o, key);
  if (!v) return 0;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() < 1000000000ULL) return static_cast<int64_t>(v->as_uint64());
  throw BadInput("scorecards.json_int", f + key);
}

const json::object& Obj(const json::value& v, const std::string& field) {
  if (!v.is_object()) throw BadInput("scorecards.json_object", field);
  return v.as_object();
}

const json::array* Arr(const json::object& o, const char* key, const std::string& f) {
  auto* v = Get(o, key);
  if (!v) return nullptr;
  if (!v->is_array()) throw BadInput("scorecards.json_array", f + key);
  return &v->as_array();
}

// A key outside `known` is refused, naming it: a misspelt "max_points" must not
// leave a criterion without its maximum.
void OnlyKnown(const json::object& o, std::initializer_list<std::string_view> known, const std::string& f) {
  for (const auto& kv : o)
    if (std::find(known.begin(), known.end(), std::string_view(kv.key())) == known.end())
      throw BadInput("scorecards.json_unknown", f + std::string(kv.key()));
}

Criterion CriterionFrom(const json::value& v, const std::string& field, size_t depth) {
  const auto& o = Obj(v, field);
  std::string f = field + ".";
  OnlyKnown(o,
            {"key", "title", "guidance", "max", "evidence_required", "evidence_what", "method", "step", "indicator",
             "min_volume", "rule", "children"},
            f);
  Criterion c;
  c.key = Str(o, "key", f);
  c.title = Str(o, "title", f);
  c.guidance = Str(o, "guidance", f);
  if (auto* m = Get(o, "max")) c.max = Hundredths(*m, f + "max");
  c.evidence_required = Bool(o, "evidence_required", f);
  c.evidence_what = Str(o, "evidence_what", f);
  if (auto* ch = Arr(o, "children", f)) {
    if (depth > 8 || ch->size() > 500) throw BadInput("scorecards.too_deep", f + "children");
    for (size_t i = 0; i < ch->size(); ++i)
      c.children.push_back(CriterionFrom((*ch)[i], f + "children[" + std::to_string(i) + "]", depth + 1));
    return c;
  }
  std::string method = Str(o, "method", f);
  auto m = ParseMethod(method.empty() ? "manual" : method);
  if (!m) throw BadInput("scorecards.method_unknown", f + "method");
  c.method = *m;
  if (auto* s = Get(o, "step")) c.step = Hundredths(*s, f + "step");
  c.indicator = Str(o, "indicator", f);
  c.min_volume = Int(o, "min_volume", f);
  if (c.method != Method::kManual) {
    auto* rv = Get(o, "rule");
    if (!rv) throw BadInput("scorecards.rule_required", f + "rule");
    const auto& r = Obj(*rv, f + "rule");
    std::string rf = f + "rule.";
    OnlyKnown(r, {"kind", "target_percent", "bands", "per", "floor"}, rf);
    auto k = ParseRuleKind(Str(r, "kind", rf));
    if (!k) throw BadInput("scorecards.rule_unknown", rf + "kind");
    c.rule.kind = *k;
    if (auto* t = Get(r, "target_percent")) c.rule.target_bp = Hundredths(*t, rf + "target");
    if (auto* b = Arr(r, "bands", rf)) {
      if (b->size() > 20) throw BadInput("scorecards.bands_required", rf + "bands");
      for (size_t i = 0; i < b->size(); ++i) {
        std::string bf = rf + "bands[" + std::to_string(i) + "]";
        const auto& bo = Obj((*b)[i], bf);
        OnlyKnown(bo, {"from_percent", "points"}, bf + ".");
        Band band;
        if (auto* x = Get(bo, "from_percent")) band.from_bp = Hundredths(*x, bf + ".from");
        if (auto* x = Get(bo, "points")) band.points = Hundredths(*x, bf + ".points");
        c.rule.bands.push_back(band);
      }
    }
    if (auto* x = Get(r, "per")) c.rule.per = Hundredths(*x, rf + "per");
    if (auto* x = Get(r, "floor")) c.rule.floor = Hundredths(*x, rf + "floor");
  }
  return c;
}
}  // namespace

json::value ToJson(const CriteriaSet& s) {
  json::array criteria;
  for (const auto& c : s.criteria) criteria.push_back(CriterionJson(c));
  json::array dq;
  for (const auto& d : s.recognition.disqualifiers) dq.push_back(json::object{{"key", d.key}, {"title", d.title}});
  Points max = 0;
  for (const auto& c : s.criteria) max += c.max;
  json::object o{{"code", s.code}, {"name", s.name}};
  if (s.id) {
    o["id"] = s.id;
    o["version"] = s.version;
    o["frozen"] = s.frozen;
  }
  if (!s.description.empty()) o["description"] = s.description;
  o["sample"] = s.sample;
  o["min_volume"] = s.min_volume;
  o["max_total"] = PointsJson(max);
  o["recognition"] = json::object{{"min_total", PointsJson(s.recognition.min_total)},
                                  {"min_share_percent", PercentJson(s.recognition.min_share_bp)},
                                  {"disqualifiers", std::move(dq)}};
  o["criteria"] = std::move(criteria);
  return o;
}

CriteriaSet SetFromJson(const json::object& o) {
  // What ToJson adds for reading (id, version, frozen, max_total) may come back in an import and is ignored.
  OnlyKnown(o,
            {"code", "name", "description", "sample", "min_volume", "recognition", "criteria", "id", "version",
             "frozen", "max_total"},
            "");
  CriteriaSet s;
  s.code = Str(o, "code", "");
  s.name = Str(o, "name", "");
  s.description = Str(o, "description", "");
  s.sample = Bool(o, "sample", "");
  if (Get(o, "min_volume")) s.min_volume = Int(o, "min_volume", "");
  if (auto* rv = Get(o, "recognition")) {
    const auto& r = Obj(*rv, "recognition");
    OnlyKnown(r, {"min_total", "min_share_percent", "disqualifiers"}, "recognition.");
    if (auto* x = Get(r, "min_total")) s.recognition.min_total = Hundredths(*x, "recognition.min_total");
    if (auto* x = Get(r, "min_share_percent")) s.recognition.min_share_bp = Hundredths(*x, "recognition.min_share");
    if (auto* d = Arr(r, "disqualifiers", "recognition.")) {
      if (d->size() > 50) throw BadInput("scorecards.json_array", "recognition.disqualifiers");
      for (size_t i = 0; i < d->size(); ++i) {
        std::string df = "recognition.disqualifiers[" + std::to_string(i) + "].";
        const auto& dobj = Obj((*d)[i], df);
        OnlyKnown(dobj, {"key", "title"}, df);
        s.recognition.disqualifiers.push_back({Str(dobj, "key", df), Str(dobj, "title", df)});
      }
    }
  }
  auto* c = Arr(o, "criteria", "");
  if (c) {
    if (c->size() > 100) throw BadInput("scorecards.criteria_count", "criteria", {{"max", "30"}});
    for (size_t i = 0; i < c->size(); ++i)
      s.criteria.push_back(CriterionFrom((*c)[i], "criteria[" + std::to_string(i) + "]", 1));
  }
  return s;
}

namespace {
json::value OptPoints(const std::optional<Points>& p) { return p ? PointsJson(*p) : json::value(); }

json::object AssessmentObject(const Assessment& a) {
  json::object lines;
  for (const auto& [k, l] : a.lines) {
    json::object o{{"self_points", OptPoints(l.self_points)},
                   {"explanation", l.explanation},
                   {"appraised_points", OptPoints(l.appraised_points)},
                   {"appraisal_reason", l.appraisal_reason}};
    if (l.raw) o["raw"] = json::object{{"count", l.raw->count}, {"volume", l.raw->volume}};
    lines[k] = std::move(o);
  }
  json::array flags;
  for (const auto& f : a.flags) flags.push_back(json::value(f));
  return {{"id", a.id},
          {"set_id", a.set_id},
          {"unit_code", a.unit_code},
          {"unit_name", a.unit_name},
          {"from", a.from},
          {"to", a.to},
          {"state", StateName(a.state)},
          {"return_comment", a.return_comment},
          {"flags", flags},
          {"total", OptPoints(a.total)},
          {"below_minimum", a.below_minimum},
          {"revision", a.revision},
          {"lines", lines},
          {"self_due", a.self_due.empty() ? json::value() : json::value(a.self_due)},
          {"appraisal_due", a.appraisal_due.empty() ? json::value() : json::value(a.appraisal_due)},
          {"updated_at", a.updated_at}};
}

const json::object& Member(const json::object& body, const char* key) {
  auto it = body.find(key);
  if (it == body.end() || !it->value().is_object()) throw BadInput("scorecards.json_object", key);
  return it->value().as_object();
}
}  // namespace

json::value ToJson(const Assessment& a) { return AssessmentObject(a); }

json::value ToJson(const AssessmentView& v) {
  auto o = AssessmentObject(v.a);
  json::object points, lines;
  for (const auto& [k, p] : v.score.points) points[k] = PointsJson(p);
  for (const auto& [k, l] : v.score.lines) {
    json::object lo{{"points", PointsJson(l.points)}, {"below_minimum", l.below_minimum}};
    if (l.raw) lo["raw"] = json::object{{"count", l.raw->count}, {"volume", l.raw->volume}};
    lines[k] = std::move(lo);
  }
  json::array gaps;
  for (const auto& g : v.gaps)
    gaps.push_back(json::object{{"key", g.key},
                                {"title", g.title},
                                {"points", PointsJson(g.points)},
                                {"max", PointsJson(g.max)},
                                {"gap", PointsJson(g.gap())}});
  o["score"] = json::object{{"total", PointsJson(v.score.total)},
                            {"max_total", PointsJson(v.score.max_total)},
                            {"below_minimum", v.score.below_minimum},
                            {"points", points},
                            {"lines", lines}};
  o["recognition"] = json::object{{"recognised", v.recognition.recognised},
                                  {"total_ok", v.recognition.total_ok},
                                  {"weak_criteria", Strings(v.recognition.weak_criteria)},
                                  {"disqualified_by", Strings(v.recognition.disqualified_by)}};
  o["gaps"] = gaps;
  o["criteria_set"] = ToJson(v.set);
  return o;
}

namespace {
json::object RowJson(const Ranked& x) {
  return {{"rank", x.rank == 0 ? json::value() : json::value(x.rank)},
          {"tied", x.tied},
          {"unit_name", x.entry.unit_name},
          {"assessment_id", x.entry.assessment_id},
          {"total", PointsJson(x.entry.total)},
          {"below_minimum", x.entry.below_minimum}};
}
json::object RankingJson(const Ranking& r, json::array rows) {
  json::array periods;
  for (const auto& p : r.periods) periods.push_back(json::value(p));
  return {{"set_id", r.set.id},       {"set_name", r.set.name},  {"unit_code", r.unit_code},
          {"unit_name", r.unit_name}, {"from", r.from},          {"to", r.to},
          {"periods", periods},       {"rows", std::move(rows)}, {"pending", r.pending}};
}
}  // namespace

json::value ToJson(const Ranking& r) {
  json::array rows;
  for (const auto& x : r.rows) rows.push_back(RowJson(x));
  return RankingJson(r, std::move(rows));
}

json::value ToJson(const RecognitionList& l) {
  json::array rows;
  for (const auto& x : l.ranking.rows) {
    auto o = RowJson(x);
    const auto& r = l.results.at(x.entry.assessment_id);
    o["recognised"] = r.recognised;
    o["total_ok"] = r.total_ok;
    o["weak_criteria"] = Strings(r.weak_criteria);
    o["disqualified_by"] = Strings(r.disqualified_by);
    rows.push_back(std::move(o));
  }
  auto o = RankingJson(l.ranking, std::move(rows));
  o["recognised_count"] = l.recognised;
  return o;
}

json::value ToJson(const History& h) {
  json::array points;
  for (const auto& p : h.points)
    points.push_back(json::object{{"assessment_id", p.assessment_id},
                                  {"set_id", p.set_id},
                                  {"set_version", p.set_version},
                                  {"from", p.from},
                                  {"to", p.to},
                                  {"total", PointsJson(p.total)},
                                  {"max_total", PointsJson(p.max_total)},
                                  {"below_minimum", p.below_minimum},
                                  {"recognised", p.recognised},
                                  {"rank", p.rank == 0 ? json::value() : json::value(p.rank)},
                                  {"tied", p.tied},
                                  {"peers", p.peers},
                                  {"peer_mean", PointsJson(p.peer_mean)},
                                  {"peer_best", PointsJson(p.peer_best)}});
  return {{"unit_code", h.unit_code},
          {"unit_name", h.unit_name},
          {"set_code", h.set_code},
          {"set_name", h.set_name},
          {"points", points}};
}

json::value ToJson(const Commitment& k) {
  return {{"id", k.id},
          {"unit_code", k.unit_code},
          {"unit_name", k.unit_name},
          {"year", k.year},
          {"indicator", k.indicator},
          {"target", IsRate(k.indicator) ? PercentJson(k.target) : json::value(k.target)},
          {"note", k.note},
          {"created_at", k.created_at}};
}

json::value ToJson(const CommitmentProgress& k) {
  auto o = ToJson(k.commitment).as_object();
  o["goal"] = k.goal == Goal::kAtMost ? "at_most" : "at_least";
  o["value"] =
      k.value ? json::value(json::object{{"count", k.value->count}, {"volume", k.value->volume}}) : json::value();
  o["measured"] = k.measured;
  o["met"] = k.met;
  return o;
}

std::string TargetText(const json::object& body) {
  auto it = body.find("target");
  if (it == body.end() || it->value().is_null()) return "";
  if (it->value().is_string()) return std::string(it->value().as_string());
  if (it->value().is_number()) return FormatPoints(Hundredths(it->value(), "target"));
  throw BadInput("scorecards.commitment_count", "target");
}

json::value ToJson(const Evidence& e) {
  return {{"id", e.id},         {"line", e.line_key},        {"name", e.name}, {"type", e.mime}, {"size", e.size},
          {"sha256", e.sha256}, {"created_at", e.created_at}};
}

std::map<std::string, SelfInput> SelfFrom(const json::object& body) {
  std::map<std::string, SelfInput> out;
  const auto& lines = Member(body, "lines");
  if (lines.size() > 500) throw BadInput("scorecards.json_object", "lines");
  for (const auto& [k, v] : lines) {
    std::string f = "lines." + std::string(k) + ".";
    const auto& o = Obj(v, "lines." + std::string(k));
    SelfInput in;
    if (auto* p = Get(o, "points")) {
      if (p->is_string())
        in.points = std::string(p->as_string());
      else
        in.points = FormatPoints(Hundredths(*p, f + "points"));
    }
    in.explanation = Str(o, "explanation", f);
    out[std::string(k)] = in;
  }
  return out;
}

std::map<std::string, AppraisalInput> AppraisalFrom(const json::object& body) {
  std::map<std::string, AppraisalInput> out;
  auto it = body.find("lines");
  if (it == body.end()) return out;
  const auto& lines = Member(body, "lines");
  if (lines.size() > 500) throw BadInput("scorecards.json_object", "lines");
  for (const auto& [k, v] : lines) {
    std::string f = "lines." + std::string(k) + ".";
    const auto& o = Obj(v, "lines." + std::string(k));
    AppraisalInput in;
    std::string d = Str(o, "decision", f);
    if (d != "accept" && d != "adjust") throw BadInput("scorecards.decision_unknown", f + "decision");
    in.adjust = d == "adjust";
    if (auto* p = Get(o, "points")) {
      if (p->is_string())
        in.points = std::string(p->as_string());
      else
        in.points = FormatPoints(Hundredths(*p, f + "points"));
    }
    in.reason = Str(o, "reason", f);
    out[std::string(k)] = in;
  }
  return out;
}

std::optional<std::set<std::string>> FlagsFrom(const json::object& body) {
  auto* a = Arr(body, "flags", "");
  if (!a) return std::nullopt;
  std::set<std::string> out;
  for (const auto& v : *a) {
    if (!v.is_string()) throw BadInput("scorecards.json_string", "flags");
    out.insert(std::string(v.as_string()));
  }
  return out;
}

CriteriaSet SetFromJsonText(std::string_view text) {
  boost::system::error_code ec;
  json::parse_options opt;
  opt.max_depth = 64;
  auto v = json::parse(text, ec, {}, opt);
  if (ec || !v.is_object()) throw BadInput("error.bad_json", "file");
  return SetFromJson(v.as_object());
}

}  // namespace fg::scorecards
