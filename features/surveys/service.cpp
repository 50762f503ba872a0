#include "features/surveys/service.h"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <set>
#include <tuple>

#include "features/desk/repo.h"
#include "features/desk/rules.h"
#include "features/org/service.h"
#include "features/surveys/repo.h"
#include "features/surveys/rules.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/time.h"

namespace fg::surveys {
namespace {

using auth::Principal;
using auth::Role;

// The unit ids of a materialised path "/1/4/7/", root first.
std::vector<int64_t> PathIds(const std::string& path) {
  std::vector<int64_t> ids;
  int64_t v = 0;
  bool in = false;
  for (char ch : path) {
    if (ch >= '0' && ch <= '9') {
      v = v * 10 + (ch - '0');
      in = true;
    } else if (in) {
      ids.push_back(v);
      v = 0;
      in = false;
    }
  }
  if (in) ids.push_back(v);
  return ids;
}

// The set in force among `sets` for a unit whose ancestors are `ids` (root first).
CriteriaSet Pick(const std::vector<CriteriaSet>& sets, const std::vector<int64_t>& ids) {
  const CriteriaSet* best = nullptr;
  int best_depth = -1;
  for (const auto& s : sets) {
    int depth = -1;  // the national set
    if (s.unit_id) {
      auto it = std::find(ids.begin(), ids.end(), s.unit_id);
      if (it == ids.end()) continue;
      depth = static_cast<int>(it - ids.begin());
    }
    if (!best || depth > best_depth || (depth == best_depth && s.version > best->version) ||
        (depth == best_depth && s.version == best->version && s.id > best->id)) {
      best = &s;
      best_depth = depth;
    }
  }
  if (!best) throw AppError(ErrorKind::kUnavailable, "surveys.no_criteria_set");
  return *best;
}

std::string ThisMonth() { return TodayLocalIso().substr(0, 7); }

bool IsMonth(const std::string& s) { return s.size() == 7 && s[4] == '-' && ParseIsoDate(s + "-01").has_value(); }

std::string MonthsBefore(const std::string& month, int n) {
  int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2)) - n;
  while (m < 1) {
    m += 12;
    --y;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

std::string EvaluationJson(const Evaluation& e) {
  boost::json::object points;
  for (const auto& [k, v] : e.points) points[k] = v;
  return boost::json::serialize(boost::json::object{{"source", SourceName(e.source)},
                                                    {"set_id", e.set_id},
                                                    {"points", points},
                                                    {"total", e.total},
                                                    {"grade", GradeName(e.grade)}});
}

}  // namespace

bool Service::MayEvaluate(const Principal& p, const std::string& unit_path) {
  return auth::Covers(p, unit_path, {Role::kEvaluator, Role::kLeader, Role::kAdmin});
}

CriteriaSet Service::SetInForce(const std::string& unit_path) {
  auto ids = PathIds(unit_path);
  return Pick(db_.read([&](db::Conn& c) { return repo::CriteriaSets(c, ids); }), ids);
}

std::vector<CriteriaSet> Service::CriteriaSets(const std::string& unit_code) {
  return db_.read([&](db::Conn& c) {
    std::vector<int64_t> ids;
    if (!unit_code.empty()) {
      auto u = org::Service::FindUnit(c, unit_code);
      if (!u) throw NotFound("surveys.unit_not_found");
      ids = PathIds(u->path);
    }
    return repo::CriteriaSets(c, ids);
  });
}

CriteriaSet Service::AddCriteriaSet(const Principal& p, const std::string& unit_code, const CriteriaSet& in) {
  auto u = db_.read([&](db::Conn& c) { return org::Service::FindUnit(c, unit_code); });
  if (!u) throw NotFound("surveys.unit_not_found");
  if (!auth::Covers(p, u->path, {Role::kAdmin})) throw Forbidden();
  Problems probs;
  std::string code = in.code;
  if (code.empty() || code.size() > 40 || !std::all_of(code.begin(), code.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
      }))
    probs.add(BadInput("surveys.set_code", "code"));
  CriteriaSet s;
  probs.check([&] { s = ValidateCriteriaSet(in); });
  probs.raise_if_any();
  s.code = code;
  s.unit_id = u->id;
  const std::string now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    CriteriaSet out = s;
    // A code belongs to the unit that made it: another unit (or the national set) cannot add versions.
    for (const auto& other : repo::CriteriaSets(c, {}))
      if (other.code == code) throw AppError(ErrorKind::kConflict, "surveys.set_code_taken", "code");
    auto mine = repo::CriteriaSets(c, {u->id});
    bool other_unit = false;
    int64_t v = repo::LastVersion(c, code);
    if (v > 0 && std::none_of(mine.begin(), mine.end(), [&](const CriteriaSet& m) { return m.code == code; }))
      other_unit = true;
    if (other_unit) throw AppError(ErrorKind::kConflict, "surveys.set_code_taken", "code");
    out.version = v + 1;
    out.id = repo::InsertCriteriaSet(c, out, p.official_id, now);
    boost::json::object after{{"code", out.code}, {"version", out.version}, {"name", out.name}};
    events::Append(
        c, events::By(p, u->id, "criteria_set", std::to_string(out.id), "create", "", boost::json::serialize(after)));
    return out;
  });
}

EvaluationView Service::ViewOf(const std::string& code, Source source) {
  struct Read {
    desk::Dossier d;
    std::vector<desk::Handover> h;
    std::vector<desk::Entry> e;
    std::vector<Evaluation> evals;
    std::string unit_name;
    std::vector<CriteriaSet> sets;
  };
  auto r = db_.read([&](db::Conn& c) -> std::optional<Read> {
    auto d = desk::repo::DossierByCode(c, code);
    if (!d) return std::nullopt;
    Read r;
    r.h = desk::repo::Handovers(c, d->id);
    r.e = desk::repo::Entries(c, d->id);
    r.evals = repo::EvaluationsOf(c, d->id);
    if (auto u = org::Service::FindUnit(c, d->unit_code)) r.unit_name = u->name;
    r.sets = repo::CriteriaSets(c, PathIds(d->unit_path));
    r.d = std::move(*d);
    return r;
  });
  if (!r) throw NotFound("desk.dossier_not_found");
  EvaluationView v;
  v.code = r->d.code;
  v.procedure_name = r->d.procedure_name;
  v.unit_name = r->unit_name;
  v.state = std::string(desk::StateName(r->d.state));
  auto facts = FactsOf(r->d, r->h, r->e);
  v.finished = facts.finished;
  for (const auto& e : r->evals)
    if (e.source == source) v.existing = e;
  v.set = Pick(r->sets, PathIds(r->d.unit_path));
  if (v.existing)
    for (const auto& s : r->sets)
      if (s.id == v.existing->set_id) v.set = s;  // shown on the set it was made on
  for (const auto& c : v.set.criteria)
    if (auto pts = Computed(c.compute, facts)) v.computed[c.key] = std::min(*pts, c.max);
  return v;
}

Evaluation Service::Evaluate(const std::string& code, Source source, const Principal* p,
                             const std::map<std::string, std::string>& entered) {
  const std::string now = NowUtcText();
  const std::string month = ThisMonth();
  try {
    return db_.write([&](db::Conn& c) {
      auto d = desk::repo::DossierByCode(c, code);
      if (!d) throw NotFound("desk.dossier_not_found");
      if (p && !MayEvaluate(*p, d->unit_path)) throw Forbidden();
      auto ids = PathIds(d->unit_path);
      auto set = Pick(repo::CriteriaSets(c, ids), ids);
      auto facts = FactsOf(*d, desk::repo::Handovers(c, d->id), desk::repo::Entries(c, d->id));
      Evaluation e = Score(set, facts, entered);
      e.dossier_id = d->id;
      e.dossier_code = d->code;
      e.unit_id = d->unit_id;
      e.procedure_id = d->procedure_id;
      e.source = source;
      e.evaluator_id = p ? p->official_id : 0;
      e.created_at = now;
      for (const auto& old : repo::EvaluationsOf(c, d->id))
        if (old.source == source) throw AppError(ErrorKind::kConflict, "surveys.eval_exists");
      e.id = repo::InsertEvaluation(c, e, month);
      repo::CountEvaluation(c, e, month);
      events::Event ev;
      if (p) {
        ev = events::By(*p, d->unit_id, "dossier_evaluation", d->code, "create", "", EvaluationJson(e));
      } else {
        ev.actor = "citizen";
        ev.unit_id = d->unit_id;
        ev.entity = "dossier_evaluation";
        ev.entity_id = d->code;
        ev.action = "create";
        ev.after_json = EvaluationJson(e);
      }
      events::Append(c, ev);
      return e;
    });
  } catch (const db::ConstraintError&) {
    // Two submissions at once: the unique key kept the first.
    throw AppError(ErrorKind::kConflict, "surveys.eval_exists");
  }
}

EvaluationView Service::CitizenView(const std::string& code, const std::string& check, const std::string& client) {
  if (check.empty()) throw BadInput("surveys.check_required", "check");
  auto pub = desk_.Lookup(code, check, client);
  if (!pub.personal) throw BadInput("surveys.check_wrong", "check");
  return ViewOf(pub.dossier.code, Source::kCitizen);
}

Evaluation Service::EvaluateAsCitizen(const std::string& code, const std::string& check, const std::string& client,
                                      const std::map<std::string, std::string>& entered) {
  if (check.empty()) throw BadInput("surveys.check_required", "check");
  auto pub = desk_.Lookup(code, check, client);
  if (!pub.personal) throw BadInput("surveys.check_wrong", "check");
  return Evaluate(pub.dossier.code, Source::kCitizen, nullptr, entered);
}

EvaluationView Service::EvaluatorView(const Principal& p, const std::string& code) {
  auto path = db_.read([&](db::Conn& c) -> std::optional<std::string> {
    auto d = desk::repo::DossierByCode(c, code);
    if (!d) return std::nullopt;
    return d->unit_path;
  });
  if (!path) throw NotFound("desk.dossier_not_found");
  if (!auth::Covers(p, *path)) throw Forbidden();
  auto v = ViewOf(code, Source::kEvaluator);
  v.may_evaluate = MayEvaluate(p, *path);
  return v;
}

Evaluation Service::EvaluateAsEvaluator(const Principal& p, const std::string& code,
                                        const std::map<std::string, std::string>& entered) {
  return Evaluate(code, Source::kEvaluator, &p, entered);
}

std::vector<Evaluation> Service::Evaluations(const Principal& p, const std::string& code) {
  auto r = db_.read([&](db::Conn& c) -> std::optional<std::pair<std::string, std::vector<Evaluation>>> {
    auto d = desk::repo::DossierByCode(c, code);
    if (!d) return std::nullopt;
    return std::make_pair(d->unit_path, repo::EvaluationsOf(c, d->id));
  });
  if (!r) throw NotFound("desk.dossier_not_found");
  if (!auth::Covers(p, r->first)) throw Forbidden();
  return r->second;
}

EvaluationReport Service::Report(const Principal& p, const ReportQuery& q) {
  EvaluationReport rep;
  Problems probs;
  rep.to = q.to.empty() ? ThisMonth() : q.to;
  rep.from = !q.from.empty() ? q.from : IsMonth(rep.to) ? MonthsBefore(rep.to, 11) : "";
  if (!IsMonth(rep.from)) probs.add(BadInput("surveys.bad_month", "from"));
  if (!IsMonth(rep.to)) probs.add(BadInput("surveys.bad_month", "to"));
  if (IsMonth(rep.from) && IsMonth(rep.to) && rep.from > rep.to) probs.add(BadInput("surveys.bad_period", "to"));
  rep.by = q.by.empty() ? "unit" : q.by;
  if (rep.by != "unit" && rep.by != "procedure" && rep.by != "month") probs.add(BadInput("surveys.bad_by", "by"));
  rep.source = q.source;
  if (!q.source.empty() && !ParseSource(q.source)) probs.add(BadInput("surveys.bad_source", "source"));
  std::string unit_code = q.unit_code;
  if (unit_code.empty()) {
    auto roots = auth::Roots(p);
    if (roots.empty()) throw Forbidden();
    for (const auto& g : p.grants)
      if (g.unit_path == roots.front()) unit_code = g.unit_code;
  }
  auto unit = db_.read([&](db::Conn& c) { return org::Service::FindUnit(c, unit_code); });
  if (!unit) probs.add(BadInput("surveys.unit_not_found", "unit"));
  probs.raise_if_any();
  if (!auth::Covers(p, unit->path)) throw Forbidden();
  rep.unit_code = unit->code;
  rep.unit_name = unit->name;
  rep.set = SetInForce(unit->path);
  db_.read([&](db::Conn& c) {
    auto rows = repo::Counts(c, unit->path, rep.from, rep.to);
    auto names = desk::repo::UnitNames(c, unit->path);
    std::map<std::string, ReportLine> groups;
    std::map<int64_t, std::string> procedure_names;
    for (const auto& r : rows) {
      if (!rep.source.empty() && r.source != rep.source) continue;
      std::string key, label;
      if (rep.by == "month") {
        key = r.month;
      } else if (rep.by == "procedure") {
        key = std::to_string(r.procedure_id);
        if (!procedure_names.count(r.procedure_id)) {
          auto proc = desk::repo::ProcedureById(c, r.procedure_id);
          procedure_names[r.procedure_id] = proc ? proc->name : key;
        }
        label = procedure_names[r.procedure_id];
      } else {
        // The child of the report's unit whose subtree holds the row's unit (or the unit itself).
        auto ids = PathIds(r.unit_path);
        size_t depth = PathIds(unit->path).size();
        int64_t child = ids.size() > depth ? ids[depth] : unit->id;
        key = std::to_string(child);
        label = names.count(child) ? names[child] : (child == unit->id ? unit->name : key);
      }
      auto& line = groups[key];
      line.key = key;
      line.label = label;
      for (EvaluationTotals* t : {&line.t, &rep.total}) {
        if (r.item == "all") {
          t->n += r.n;
        } else if (r.item.rfind("c:", 0) == 0) {
          t->points[r.item.substr(2)] += r.points;
          t->scored[r.item.substr(2)] += r.n;
        } else if (r.item.rfind("g:", 0) == 0) {
          t->grades[r.item.substr(2)] += r.n;
        }
      }
    }
    for (auto& [k, l] : groups) rep.lines.push_back(std::move(l));
  });
  return rep;
}

std::vector<Questionnaire> Service::Questionnaires(const std::string& unit_code) {
  return db_.read([&](db::Conn& c) {
    std::vector<int64_t> ids;
    if (!unit_code.empty()) {
      auto u = org::Service::FindUnit(c, unit_code);
      if (!u) throw NotFound("surveys.unit_not_found");
      ids = PathIds(u->path);
    }
    return repo::Questionnaires(c, ids);
  });
}

Questionnaire Service::GetQuestionnaire(int64_t id) {
  auto q = db_.read([&](db::Conn& c) { return repo::QuestionnaireById(c, id); });
  if (!q) throw NotFound("surveys.questionnaire_not_found");
  return *q;
}

std::vector<Questionnaire> Service::VisibleQuestionnaires(const Principal& p) {
  return db_.read([&](db::Conn& c) {
    std::set<int64_t> units;
    for (const auto& g : p.grants)
      for (int64_t id : PathIds(g.unit_path)) units.insert(id);
    auto all = repo::Questionnaires(c, {units.begin(), units.end()});
    std::sort(all.begin(), all.end(), [](const Questionnaire& a, const Questionnaire& b) {
      return std::tie(a.unit_id, a.code, a.version) < std::tie(b.unit_id, b.code, b.version);
    });
    return all;
  });
}

bool Service::MayEditQuestionnaires(const Principal& p, const std::string& unit_path) {
  return !unit_path.empty() && auth::Covers(p, unit_path, {Role::kAdmin});
}

bool Service::MayEditQuestionnairesAt(const Principal& p, const std::string& unit_code) {
  if (unit_code.empty()) return false;
  auto u = db_.read([&](db::Conn& c) { return org::Service::FindUnit(c, unit_code); });
  return u && MayEditQuestionnaires(p, u->path);
}

Questionnaire Service::SaveQuestionnaire(const Principal& p, const std::string& unit_code, const Questionnaire& in) {
  auto u = db_.read([&](db::Conn& c) { return org::Service::FindUnit(c, unit_code); });
  if (!u) throw NotFound("surveys.unit_not_found");
  if (!MayEditQuestionnaires(p, u->path)) throw Forbidden();
  Problems probs;
  const bool code_ok =
      !in.code.empty() && in.code.size() <= 40 && std::all_of(in.code.begin(), in.code.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
      });
  if (!code_ok) probs.add(BadInput("surveys.questionnaire_code", "code"));
  // A code of the system or another unit: told with the other problems (400),
  // alone as a conflict (409); checked again in the write.
  auto taken_by_other = [&](db::Conn& c) {
    for (int64_t owner : repo::QuestionnaireCodeOwners(c, in.code))
      if (owner != u->id) return true;
    return false;
  };
  const bool taken = code_ok && db_.read(taken_by_other);
  if (taken) probs.add(BadInput("surveys.questionnaire_code_taken", "code"));
  Questionnaire q;
  bool valid = true;
  probs.check([&] {
    valid = false;
    q = ValidateQuestionnaire(in);
    valid = true;
  });
  if (taken && valid) throw AppError(ErrorKind::kConflict, "surveys.questionnaire_code_taken", "code");
  probs.raise_if_any();
  q.code = in.code;
  q.unit_id = u->id;
  q.frozen = false;
  const std::string now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    Questionnaire out = q;
    if (taken_by_other(c)) throw AppError(ErrorKind::kConflict, "surveys.questionnaire_code_taken", "code");
    out.version = repo::LastQuestionnaireVersion(c, out.code) + 1;
    out.id = repo::InsertQuestionnaire(c, out, p.official_id, now);
    out.created_at = now;
    out.unit_code = u->code;
    out.unit_name = u->name;
    out.unit_path = u->path;
    boost::json::object after{{"code", out.code}, {"version", out.version}, {"name", out.name}};
    events::Append(
        c, events::By(p, u->id, "questionnaire", std::to_string(out.id), "create", "", boost::json::serialize(after)));
    return out;
  });
}

}  // namespace fg::surveys
