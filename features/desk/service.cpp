#include "features/desk/service.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include <boost/json.hpp>

#include "features/desk/json.h"
#include "features/desk/repo.h"
#include "features/desk/rules.h"
#include "features/desk/stats.h"
#include "features/notify/outbox.h"
#include "features/notify/repo.h"
#include "features/org/service.h"
#include "features/ratings/service.h"
#include "platform/auth/crypto.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using auth::Principal;
using auth::Role;

std::string Json(const Procedure& p) { return boost::json::serialize(ToJson(p)); }

std::string Json(const Dossier& d) { return boost::json::serialize(ToJson(d)); }

// The fields that an action changed, before and after (the events of actions
// carry these; the receipt's event carries the whole dossier).
std::pair<std::string, std::string> Changes(const Dossier& before, const Dossier& after) {
  const auto a = ToJson(before).as_object(), b = ToJson(after).as_object();
  boost::json::object was, now;
  for (const auto& [key, value] : b) {
    const auto* old = a.if_contains(key);
    if (old && *old == value) continue;
    now[key] = value;
    was[key] = old ? *old : boost::json::value();
  }
  return {boost::json::serialize(was), boost::json::serialize(now)};
}

// Who works on a unit's dossiers (reads them and acts on them).
bool Works(const Principal& p, const std::string& unit_path) {
  return auth::Covers(p, unit_path, {Role::kAdmin, Role::kLeader, Role::kDesk, Role::kSpecialist});
}

AppError Stale() { return AppError(ErrorKind::kConflict, "desk.stale_version", "version"); }

AppError Refused(const std::string& key, State s, Action a) {
  return AppError(ErrorKind::kConflict, key, "",
                  {{"state", render::Text("desk.state." + std::string(StateName(s)))},
                   {"action", render::Text("desk.action." + std::string(ActionName(a)))}});
}

std::string DayOf(SysSeconds t) { return FormatIsoDate(ToLocal(t).date); }

SysSeconds At(const std::string& utc_text) { return ParseUtc(utc_text).value_or(SysSeconds{}); }

DossierDetail DetailOf(db::Conn& c, Dossier d) {
  DossierDetail out;
  out.handovers = repo::Handovers(c, d.id);
  out.entries = repo::Entries(c, d.id);
  out.apology = repo::ApologyOf(c, d.id);
  out.messages = notify::repo::MessagesOfDossier(c, d.id);
  out.dossier = std::move(d);
  return out;
}

// The dossier's pauses for the engine (an open one runs until `now`).
std::vector<calendar::Pause> PausesOf(const std::vector<repo::PauseRow>& rows, SysSeconds now) {
  std::vector<calendar::Pause> out;
  for (auto& r : rows) out.push_back({At(r.from), r.to.empty() ? now : At(r.to), r.kind});
  return out;
}

std::string LastDigits(const std::string& s, size_t n) {
  std::string digits;
  for (char ch : s)
    if (std::isdigit(static_cast<unsigned char>(ch))) digits += ch;
  return digits.size() >= n ? digits.substr(digits.size() - n) : std::string();
}

std::optional<int64_t> UnitIdOf(db::Conn& c, const std::string& code) {
  auto u = org::Service::FindUnit(c, code);
  if (!u) return std::nullopt;
  return u->id;
}

// A subtree to list: its path, and the unit whose calendar judges "due soon" in it.
struct Root {
  std::string path, unit_code;
};

// `unit_code`'s subtree, else every unit the caller works on (the roots of their grants).
std::vector<Root> ListRoots(db::Conn& c, const Principal& p, const std::string& unit_code) {
  std::vector<Root> out;
  if (!unit_code.empty()) {
    auto unit = org::Service::FindUnit(c, unit_code);
    if (!unit) throw BadInput("desk.unknown_unit", "unit", {{"code", unit_code}});
    if (!Works(p, unit->path)) throw Forbidden();
    out.push_back({unit->path, unit->code});
    return out;
  }
  for (auto& path : auth::Roots(p, {Role::kAdmin, Role::kLeader, Role::kDesk, Role::kSpecialist}))
    for (auto& g : p.grants)
      if (g.unit_path == path) {
        out.push_back({path, g.unit_code});
        break;
      }
  if (out.empty()) throw Forbidden();
  return out;
}

// The message to the citizen a change sends (features/notify), or none.
const char* NotifyEvent(Action a) {
  switch (a) {
    case Action::kRequestSupplement: return "supplement";
    case Action::kApology: return "apology";
    case Action::kResultReady: return "result_ready";
    case Action::kRefuse: return "refused";
    default: return nullptr;
  }
}
notify::Subject NotifySubject(const Dossier& d, const std::string& reason, std::string_view event) {
  notify::Subject s{d.id, d.version, d.unit_id, d.applicant.phone, d.applicant.email, {}};
  s.params = {{"code", d.code}, {"procedure", d.procedure_name}, {"reason", reason}};
  if (auto due = ParseUtc(d.due_at)) s.params["due_date"] = FormatDayMonthYear(ToLocal(*due).date);
  if (event == "result_ready") s.params["rating_link"] = ratings::RatingLink(d.id);  // signed, expiring; rated once
  return s;
}

}  // namespace

ProcedureInput InputOf(const Procedure& p) {
  ProcedureInput in;
  in.unit_code = p.unit_code;
  in.code = p.code;
  in.name = p.name;
  in.field = p.field;
  in.level = p.level;
  in.limit_unit = std::string(LimitName(p.limit));
  in.limit_amount = p.limit_amount;
  in.cutoff = p.cutoff;
  in.fees = p.fees;
  in.result = p.result;
  in.legal_basis = p.legal_basis;
  in.valid_from = p.valid_from;
  in.valid_to = p.valid_to.value_or("");
  in.online_level = p.online_level;
  in.documents = p.documents;
  in.steps = p.steps;
  in.active = p.active;
  return in;
}

// ---- procedures ----

Procedure Service::CreateProcedure(const Principal& p, const ProcedureInput& in) {
  Procedure draft = ValidateProcedure(in, TodayLocalIso());
  const std::string key = SearchKey(draft);
  return db_.write([&](db::Conn& c) {
    auto unit = org::Service::FindUnit(c, draft.unit_code);
    if (!unit) throw BadInput("desk.unknown_unit", "unit_code", {{"code", draft.unit_code}});
    if (!auth::Covers(p, unit->path, {Role::kAdmin})) throw Forbidden();
    if (repo::ProcedureIdByCode(c, unit->id, draft.code))
      throw AppError(ErrorKind::kConflict, "desk.procedure_code_taken", "code", {{"code", draft.code}});
    const int64_t id = repo::InsertProcedure(c, unit->id, draft, key, p.official_id);
    Procedure saved = *repo::ProcedureById(c, id);
    events::Append(c, events::By(p, unit->id, "procedure", std::to_string(id), "create", "", Json(saved)));
    return saved;
  });
}

Procedure Service::PatchProcedure(const Principal& p, int64_t id, const ProcedureMerge& merge) {
  const std::string today = TodayLocalIso();
  return db_.write([&](db::Conn& c) {
    repo::LockProcedure(c, id);
    auto before = repo::ProcedureById(c, id);
    if (!before) throw NotFound("desk.procedure_not_found");
    if (!auth::Covers(p, before->unit_path, {Role::kAdmin})) throw Forbidden();
    Procedure next = ValidateProcedure(merge(*before), today);
    if (next.code != before->code) throw BadInput("desk.procedure_code_immutable", "code");
    if (next.unit_code != before->unit_code) throw BadInput("desk.procedure_unit_immutable", "unit_code");
    next.version = before->version + 1;
    repo::AddProcedureVersion(c, id, next, SearchKey(next), p.official_id);
    Procedure saved = *repo::ProcedureById(c, id);
    events::Append(c, events::By(p, UnitIdOf(c, saved.unit_code), "procedure", std::to_string(id), "update",
                                 Json(*before), Json(saved)));
    return saved;
  });
}

Procedure Service::SetProcedureActive(const Principal& p, int64_t id, bool active) {
  return db_.write([&](db::Conn& c) {
    repo::LockProcedure(c, id);
    auto before = repo::ProcedureById(c, id);
    if (!before) throw NotFound("desk.procedure_not_found");
    if (!auth::Covers(p, before->unit_path, {Role::kAdmin})) throw Forbidden();
    repo::SetProcedureActive(c, id, active);
    Procedure saved = *repo::ProcedureById(c, id);
    events::Append(c, events::By(p, UnitIdOf(c, saved.unit_code), "procedure", std::to_string(id),
                                 active ? "activate" : "deactivate", Json(*before), Json(saved)));
    return saved;
  });
}

Procedure Service::GetProcedure(const Principal* p, int64_t id, std::optional<int64_t> version) {
  auto proc = db_.read([&](db::Conn& c) { return repo::ProcedureById(c, id, version); });
  if (!proc) throw NotFound("desk.procedure_not_found");
  if (!proc->active && !(p && auth::Covers(*p, proc->unit_path))) throw NotFound("desk.procedure_not_found");
  return *proc;
}

std::vector<Procedure> Service::SearchProcedures(const Principal* p, const ProcedureQuery& q) {
  if (q.limit < 1 || q.limit > 200) throw BadInput("desk.bad_limit", "limit", {{"max", "200"}});
  return Search(p, q, q.limit);
}

std::vector<Procedure> Service::ExportProcedures(const Principal* p, const ProcedureQuery& q) {
  return Search(p, q, kMaxExport, false);  // the file has no same-day registrations
}

std::vector<Procedure> Service::Search(const Principal* p, const ProcedureQuery& q, int64_t limit, bool with_same_day) {
  const std::string phrase = text::Fold(text::Clean("q", q.q, 200, false));
  // The longest word goes through the term index; the phrase filters the candidates.
  std::string term;
  for (auto& t : Terms(phrase))
    if (t.size() > term.size()) term = t;
  return db_.read([&](db::Conn& c) {
    std::string path;
    if (!q.unit_code.empty()) {
      auto unit = org::Service::FindUnit(c, q.unit_code);
      if (!unit) throw BadInput("desk.unknown_unit", "unit", {{"code", q.unit_code}});
      path = unit->path;
    }
    auto found =
        repo::SearchProcedures(c, term, PrefixEnd(term), phrase, path, q.include_inactive && p, limit, with_same_day);
    // Inactive ones only for callers covering their owner.
    std::erase_if(found, [&](const Procedure& x) { return !x.active && !auth::Covers(*p, x.unit_path); });
    return found;
  });
}

std::vector<ProcedureVersionInfo> Service::ProcedureVersions(const Principal* p, int64_t id) {
  GetProcedure(p, id);  // not found, or inactive and not the caller's
  auto rows = db_.read([&](db::Conn& c) { return repo::ProcedureVersions(c, id); });
  std::vector<ProcedureVersionInfo> out;
  for (auto& r : rows) out.push_back({r.version, r.created_at, r.created_by});
  return out;
}

ImportReport Service::ImportProcedures(const Principal& p, std::string_view csv, bool dry_run) {
  if (!auth::HasRole(p, Role::kAdmin)) throw Forbidden();
  struct Planned {
    ImportRow row;
    int64_t unit_id = 0;
    std::optional<Procedure> before;
    Procedure draft;
  };
  struct Planning {
    ImportReport report;
    std::vector<Planned> plan;
  };
  // Reading, checking and comparing up to 2,000 rows: on a thread of its own, not the io thread.
  Planning planning = import_pool_.run([&] {
    Planning result;
    const ProceduresCsv file = ReadProceduresCsv(csv);
    const std::string today = TodayLocalIso();
    struct Found {
      std::optional<org::Unit> unit;
      std::optional<Procedure> before;
    };
    std::vector<Found> found = db_.read([&](db::Conn& c) {
      // Each unit and its catalogue once (one statement per unit named in the file).
      std::map<std::string, std::optional<org::Unit>> units;
      std::map<std::pair<int64_t, std::string>, Procedure> procedures;  // (unit id, code)
      std::vector<Found> rows_found;
      for (auto& row : file.rows) {
        auto it = units.find(row.in.unit_code);
        if (it == units.end()) {
          it = units.emplace(row.in.unit_code, org::Service::FindUnit(c, row.in.unit_code)).first;
          if (it->second)
            for (auto& p : repo::CatalogueOf(c, it->second->id))
              procedures.emplace(std::pair(it->second->id, p.code), p);
        }
        Found f;
        f.unit = it->second;
        if (f.unit)
          if (auto p = procedures.find({f.unit->id, row.in.code}); p != procedures.end()) f.before = p->second;
        rows_found.push_back(std::move(f));
      }
      return rows_found;
    });

    ImportReport& report = result.report;
    std::vector<Planned>& plan = result.plan;
    std::map<std::pair<std::string, std::string>, int64_t> first_line;  // (unit, code) -> line
    std::map<int64_t, std::vector<FieldProblem>> read_problems;         // cells the reader could not read, by line
    for (auto& cp : file.problems) read_problems[cp.line].push_back(cp.problem);
    for (size_t i = 0; i < file.rows.size(); ++i) {
      const CsvRow& row = file.rows[i];
      const Found& f = found[i];
      Problems problems;
      for (auto& fp : read_problems[row.line]) problems.add(fp);
      if (!f.unit && !row.in.unit_code.empty())
        problems.add(BadInput("desk.unknown_unit", "unit_code", {{"code", row.in.unit_code}}));
      auto [seen, fresh] = first_line.emplace(std::pair(row.in.unit_code, row.in.code), row.line);
      if (!fresh) problems.add(BadInput("desk.csv_duplicate", "code", {{"line", std::to_string(seen->second)}}));
      Planned planned;
      try {
        planned.draft =
            ValidateProcedure(Overlay(f.before ? InputOf(*f.before) : ProcedureInput{}, row.in, file.columns), today);
      } catch (const AppError& e) {
        if (e.kind() != ErrorKind::kBadRequest) throw;
        problems.add(e);
      }
      ImportRow& out = planned.row;
      out.line = row.line;
      out.unit_code = row.in.unit_code;
      out.code = row.in.code;
      out.name = f.before ? f.before->name : planned.draft.name;
      if (f.before) {
        out.id = f.before->id;
        out.changed = ChangedFields(*f.before, planned.draft);
        out.kind = out.changed.empty() ? ImportRow::Kind::kUnchanged : ImportRow::Kind::kUpdate;
        if (!out.changed.empty()) out.name = planned.draft.name;
      }
      const bool writes = out.kind != ImportRow::Kind::kUnchanged;
      const bool allowed = !f.unit || (writes ? auth::Covers(p, f.unit->path, {Role::kAdmin})
                                              : f.before->active || auth::Covers(p, f.before->unit_path));
      if (!allowed) {
        problems.add(BadInput("desk.csv_forbidden", "unit_code", {{"code", row.in.unit_code}}));
        report.forbidden = true;
      }
      if (!problems.empty()) {
        try {
          problems.raise_if_any();
        } catch (const AppError& e) {
          for (auto& fp : e.problems()) report.problems.push_back({row.line, fp});
        }
        continue;
      }
      planned.unit_id = f.unit->id;
      planned.before = f.before;
      report.rows.push_back(out);
      ++(out.kind == ImportRow::Kind::kCreate   ? report.created
         : out.kind == ImportRow::Kind::kUpdate ? report.updated
                                                : report.unchanged);
      plan.push_back(std::move(planned));
    }
    return result;
  });
  ImportReport& report = planning.report;
  std::vector<Planned>& plan = planning.plan;
  if (dry_run || !report.problems.empty() || report.created + report.updated == 0) return report;

  auto changed_meanwhile = [] { return AppError(ErrorKind::kConflict, "desk.csv_changed_meanwhile", "csv"); };
  // Every row in one transaction; the ids of the rows in plan order.
  const std::vector<int64_t> ids = db_.write([&](db::Conn& c) {
    std::vector<int64_t> out;
    for (auto& x : plan) {
      if (x.row.kind == ImportRow::Kind::kUnchanged) {
        out.push_back(x.row.id);
        continue;
      }
      if (!x.before) {
        if (repo::ProcedureIdByCode(c, x.unit_id, x.draft.code)) throw changed_meanwhile();
        const int64_t id = repo::InsertProcedure(c, x.unit_id, x.draft, SearchKey(x.draft), p.official_id);
        Procedure saved = *repo::ProcedureById(c, id);
        events::Append(c, events::By(p, x.unit_id, "procedure", std::to_string(id), "create", "", Json(saved)));
        out.push_back(id);
        continue;
      }
      repo::LockProcedure(c, x.before->id);
      auto now = repo::ProcedureById(c, x.before->id);
      if (!now || now->version != x.before->version || now->active != x.before->active) throw changed_meanwhile();
      Procedure next = x.draft;
      next.version = now->version + 1;
      repo::AddProcedureVersion(c, now->id, next, SearchKey(next), p.official_id);
      Procedure saved = *repo::ProcedureById(c, now->id);
      events::Append(c,
                     events::By(p, x.unit_id, "procedure", std::to_string(now->id), "update", Json(*now), Json(saved)));
      out.push_back(now->id);
    }
    return out;
  });
  report.written = true;
  for (size_t k = 0; k < ids.size(); ++k) report.rows[k].id = ids[k];
  return report;
}

Procedure Service::SetSameDay(const Principal& p, int64_t id, const std::string& unit_code_in, bool on) {
  const std::string unit_code = text::Clean("unit_code", unit_code_in, 20, true);
  return db_.write([&](db::Conn& c) {
    repo::LockProcedure(c, id);
    auto before = repo::ProcedureById(c, id);
    if (!before) throw NotFound("desk.procedure_not_found");
    auto unit = org::Service::FindUnit(c, unit_code);
    if (!unit) throw BadInput("desk.unknown_unit", "unit_code", {{"code", unit_code}});
    if (!auth::Covers(p, unit->path, {Role::kAdmin, Role::kLeader})) throw Forbidden();
    if (unit->path.rfind(before->unit_path, 0) != 0)
      throw BadInput("desk.procedure_not_here", "unit_code", {{"code", unit_code}});
    repo::SetSameDay(c, id, unit->id, on, p.official_id);
    Procedure saved = *repo::ProcedureById(c, id);
    events::Append(c, events::By(p, unit->id, "procedure", std::to_string(id),
                                 on ? "same_day_register" : "same_day_withdraw", Json(*before), Json(saved)));
    return saved;
  });
}

// ---- dossiers ----

void Service::SetAgencyCode(const Principal& p, const std::string& unit_code, const std::string& agency_code_in) {
  const std::string agency = text::Clean("agency_code", agency_code_in, 40, true);
  for (char ch : agency)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.')
      throw BadInput("desk.bad_agency_code", "agency_code");
  // Groups of letters and digits between single dots, as 000.27.01.H75.
  if (agency.front() == '.' || agency.back() == '.' || agency.find("..") != std::string::npos)
    throw BadInput("desk.bad_agency_code_dots", "agency_code");
  db_.write([&](db::Conn& c) {
    auto unit = org::Service::FindUnit(c, unit_code);
    if (!unit) throw BadInput("desk.unknown_unit", "unit_code", {{"code", unit_code}});
    if (!auth::Covers(p, unit->path, {Role::kAdmin})) throw Forbidden();
    const std::string before = repo::AgencyCode(c, unit->id).value_or("");
    repo::PutAgencyCode(c, unit->id, agency);
    events::Append(c, events::By(p, unit->id, "desk_agency", unit->code, "update",
                                 boost::json::serialize(boost::json::object{{"agency_code", before}}),
                                 boost::json::serialize(boost::json::object{{"agency_code", agency}})));
  });
}

AgencySettings Service::GetAgencySettings(const Principal& p, const std::string& unit_code) {
  const SysSeconds now = Now();
  const std::string day = DayOf(now);
  struct Found {
    std::optional<org::Unit> unit;
    std::optional<std::string> agency;
    int64_t last = 0;
  };
  Found f = db_.read([&](db::Conn& c) {
    Found f;
    f.unit = org::Service::FindUnit(c, unit_code);
    if (!f.unit) return f;
    f.agency = repo::AgencyCode(c, f.unit->id);
    f.last = repo::LastSerial(c, f.unit->id, day);
    return f;
  });
  if (!f.unit) throw BadInput("desk.unknown_unit", "unit", {{"code", unit_code}});
  if (!auth::Covers(p, f.unit->path)) throw Forbidden();
  AgencySettings out;
  out.unit_code = f.unit->code;
  out.unit_name = f.unit->name;
  out.agency_code = f.agency.value_or("");
  out.next_code = DossierCode(f.agency.value_or(f.unit->code), ToLocal(now).date, f.last + 1);
  out.can_edit = auth::Covers(p, f.unit->path, {Role::kAdmin});
  return out;
}

Service::Intake Service::Receive(const Principal& p, const IntakeInput& raw) {
  const IntakeInput in = ValidateIntake(raw);
  auto prior = [&]() -> std::optional<Intake> {
    if (in.client_key.empty()) return std::nullopt;
    return db_.read([&](db::Conn& c) -> std::optional<Intake> {
      auto d = repo::DossierByClientKey(c, p.official_id, in.client_key);
      if (!d) return std::nullopt;
      return Intake{DetailOf(c, std::move(*d)), false};
    });
  };
  if (auto first = prior()) {
    if (!Works(p, first->detail.dossier.unit_path)) throw Forbidden();
    return std::move(*first);
  }

  struct Found {
    std::optional<org::Unit> unit;
    std::optional<Procedure> procedure;
    bool same_day = false;
    std::string agency;
  };
  Found f = db_.read([&](db::Conn& c) {
    Found f;
    f.unit = org::Service::FindUnit(c, in.unit_code);
    if (!f.unit) return f;
    f.procedure = repo::ProcedureById(c, in.procedure_id);
    if (f.procedure) f.same_day = repo::IsSameDay(c, f.procedure->id, f.unit->id);
    f.agency = repo::AgencyCode(c, f.unit->id).value_or(f.unit->code);
    return f;
  });
  if (!f.unit) throw BadInput("desk.unknown_unit", "unit_code", {{"code", in.unit_code}});
  const org::Unit& unit = *f.unit;
  if (!auth::Covers(p, unit.path, {Role::kAdmin, Role::kLeader, Role::kDesk})) throw Forbidden();
  if (!f.procedure) throw BadInput("desk.procedure_not_found", "procedure_id");
  const Procedure& proc = *f.procedure;
  if (unit.path.rfind(proc.unit_path, 0) != 0)
    throw BadInput("desk.procedure_not_here", "procedure_id", {{"code", unit.code}});
  if (!proc.active) throw BadInput("desk.procedure_inactive", "procedure_id");
  const std::string today = TodayLocalIso();
  if (proc.valid_from > today || (proc.valid_to && *proc.valid_to <= today))
    throw BadInput("desk.procedure_not_in_force", "procedure_id");

  const auto view = calendar_.View(unit.code);
  const calendar::WorkCalendar& cal = *view.calendar;
  const SysSeconds now = Now();
  calendar::DueResult due;
  Handover first;
  try {
    due = DueOf(cal, proc, f.same_day || proc.limit == Limit::kSameDay, now);
    if (!proc.steps.empty()) {
      first.step_name = proc.steps[0].name;
      first.budget_seconds = StepBudget(cal, proc.steps[0]);
      first.due_at =
          FormatUtc(cal.At(cal.Position(due.starts_at) + first.budget_seconds, calendar::WorkCalendar::Edge::kEnd));
    }
  } catch (const calendar::EngineError& e) {
    throw BadInput(e.key, "received_at", calendar::YearRange());
  }
  Dossier d;
  d.unit_id = unit.id;
  d.procedure_id = proc.id;
  d.procedure_version = proc.version;
  d.state = State::kReceived;
  d.applicant = in.applicant;
  d.summary = in.summary;
  d.documents = in.documents;
  d.return_method = in.return_method;
  d.received_by = p.official_id;
  d.assignee_id = p.official_id;
  d.received_at = FormatUtc(now);
  d.starts_at = FormatUtc(due.starts_at);
  d.due_at = FormatUtc(due.due_at);
  d.warning_at = FormatUtc(due.warning_at);
  d.same_day = f.same_day || proc.limit == Limit::kSameDay;
  first.to_official = p.official_id;
  first.given_at = first.received_at = d.received_at;
  const std::string day = DayOf(now);
  const calendar::Date local_date = ToLocal(now).date;

  try {
    return db_.write([&](db::Conn& c) {
      if (!in.client_key.empty())
        if (auto dup = repo::DossierByClientKey(c, p.official_id, in.client_key))
          return Intake{DetailOf(c, std::move(*dup)), false};
      Dossier x = d;
      x.code = DossierCode(f.agency, local_date, repo::NextSerial(c, unit.id, day));
      x.id = repo::InsertDossier(c, x, in.client_key);
      repo::PutSearchTerms(c, x.id, DossierTerms(x.code, x.applicant));
      repo::InsertHandover(c, x.id, first);
      repo::InsertEntry(
          c, x.id, {0, Action::kReceive, State::kNew, State::kReceived, p.official_id, p.username, x.received_at, ""},
          day, std::nullopt);
      repo::AddStats(c, unit.id, day, proc.id, p.official_id, Delta(Action::kReceive));
      Dossier saved = *repo::DossierByCode(c, x.code);
      events::Append(c, events::By(p, unit.id, "dossier", saved.code, "receive", "", Json(saved)));
      notify::RecordConsent(c, saved.id, in.notify_channel, in.notify_opt_out, saved.received_at);
      auto subject = NotifySubject(saved, "", "received");
      subject.choice = notify::Subject::Choice{in.notify_channel, in.notify_opt_out};
      notify::Enqueue(c, subject, "received", saved.received_at);
      return Intake{DetailOf(c, std::move(saved)), true};
    });
  } catch (const db::ConstraintError&) {
    // A concurrent intake with the same key committed first.
    if (auto first_one = prior()) return std::move(*first_one);
    throw;
  }
}

DossierDetail Service::GetDossier(const Principal& p, const std::string& code) {
  auto detail = db_.read([&](db::Conn& c) -> std::optional<DossierDetail> {
    auto d = repo::DossierByCode(c, code);
    if (!d) return std::nullopt;
    return DetailOf(c, std::move(*d));
  });
  if (!detail) throw NotFound("desk.dossier_not_found");
  if (!Works(p, detail->dossier.unit_path)) throw Forbidden();
  return std::move(*detail);
}

DossierPage Service::ListDossiers(const Principal& p, const DossierQuery& q) {
  if (q.limit < 1 || q.limit > 200) throw BadInput("desk.bad_limit", "limit", {{"max", "200"}});
  if (q.after_id < 0) throw BadInput("desk.bad_cursor", "cursor");
  const std::optional<DossierSearch> search = PlanSearch(q.q);
  const SysSeconds now = Now();
  const auto roots = db_.read([&](db::Conn& c) { return ListRoots(c, p, q.unit_code); });
  std::vector<repo::ListScope> scopes;
  for (auto& root : roots) {
    repo::ListScope scope;
    scope.me = p.official_id;
    scope.now = FormatUtc(now);
    if (q.view == DossierView::kDueSoon)
      scope.soon_by = FormatUtc(DueSoonBy(*calendar_.View(root.unit_code).calendar, now));
    scope.search = search ? &*search : nullptr;
    scopes.push_back(std::move(scope));
  }
  return db_.read([&](db::Conn& c) {
    DossierPage page;
    for (size_t i = 0; i < roots.size(); ++i)
      for (auto& d : repo::ListDossiers(c, roots[i].path, q, scopes[i])) page.items.push_back(std::move(d));
    std::sort(page.items.begin(), page.items.end(), [](auto& a, auto& b) { return a.id > b.id; });
    if (static_cast<int64_t>(page.items.size()) > q.limit) page.items.resize(static_cast<size_t>(q.limit));
    if (static_cast<int64_t>(page.items.size()) == q.limit) page.next_cursor = page.items.back().id;
    return page;
  });
}

QueueCounts Service::CountQueue(const Principal& p, const std::string& unit_code) {
  const SysSeconds now = Now();
  const auto roots = db_.read([&](db::Conn& c) { return ListRoots(c, p, unit_code); });
  QueueCounts total;
  for (auto& root : roots) {
    repo::ListScope scope;
    scope.me = p.official_id;
    scope.now = FormatUtc(now);
    scope.soon_by = FormatUtc(DueSoonBy(*calendar_.View(root.unit_code).calendar, now));
    auto n = db_.read([&](db::Conn& c) { return repo::CountQueue(c, root.path, scope); });
    total.mine += n.mine;
    total.due_soon += n.due_soon;
    total.late += n.late;
    for (auto& [state, count] : n.by_state) total.by_state[state] += count;
  }
  return total;
}

std::vector<Urgency> Service::UrgencyOf(const std::vector<Dossier>& items) {
  const SysSeconds now = Now();
  std::map<std::string, SysSeconds> soon_by;  // by unit code: one calendar per unit on the page
  std::vector<Urgency> out;
  for (auto& d : items) {
    auto it = soon_by.find(d.unit_code);
    if (it == soon_by.end())
      it = soon_by.emplace(d.unit_code, DueSoonBy(*calendar_.View(d.unit_code).calendar, now)).first;
    out.push_back(desk::UrgencyOf(d, now, it->second));
  }
  return out;
}

std::vector<Action> Service::ActionsFor(const Principal& p, const Dossier& d) {
  if (!Works(p, d.unit_path)) return {};
  return AllowedActions(d, Now(), auth::Covers(p, d.unit_path, {Role::kAdmin}));
}

bool Service::ApologyNeedsOverride(const Dossier& d) { return Now() > At(d.warning_at); }

std::vector<org::Official> Service::Colleagues(const Principal& p, const std::string& code) {
  return db_.read([&](db::Conn& c) {
    auto d = repo::DossierByCode(c, code);
    if (!d) throw NotFound("desk.dossier_not_found");
    if (!Works(p, d->unit_path)) throw Forbidden();
    return org::Service::Covering(c, d->unit_path, {Role::kAdmin, Role::kLeader, Role::kDesk, Role::kSpecialist});
  });
}

std::map<int64_t, std::string> Service::OfficialNames(const std::vector<int64_t>& ids) {
  std::set<int64_t> wanted(ids.begin(), ids.end());
  wanted.erase(0);
  return db_.read([&](db::Conn& c) {
    std::map<int64_t, std::string> out;
    for (int64_t id : wanted)
      if (auto o = org::Service::FindOfficial(c, id)) out[id] = o->full_name;
    return out;
  });
}

std::vector<org::Unit> Service::IntakeUnits(const Principal& p) {
  auto receives = [&](const org::Unit& u) {
    return auth::Covers(p, u.path, {Role::kAdmin, Role::kLeader, Role::kDesk});
  };
  auto units = org::Service(db_).ListUnits(p, TodayLocalIso());  // in force, in the subtrees they hold
  for (auto& u : units)
    if (u.id == p.unit_id && receives(u)) return {u};
  std::vector<org::Unit> out;
  for (auto& u : units)
    if (receives(u)) out.push_back(std::move(u));
  return out;
}

int64_t Service::IndexSearchTerms() {
  int64_t done = 0;
  for (;;) {
    // Batches of 500, each in one write (a start-up over a million dossiers does not hold the writer long).
    const int64_t n = db_.write([&](db::Conn& c) {
      auto batch = repo::UnindexedDossiers(c, 500);
      for (auto& d : batch) repo::PutSearchTerms(c, d.id, DossierTerms(d.code, d.applicant));
      return static_cast<int64_t>(batch.size());
    });
    done += n;
    if (n < 500) return done;
  }
}

DossierDetail Service::Apply(const Principal& p, const std::string& code, const TransitionInput& in) {
  struct Found {
    std::optional<Dossier> dossier;
    std::vector<Handover> handovers;
    std::vector<repo::PauseRow> pauses;
    std::optional<Procedure> procedure;
    std::optional<auth::Principal> to;
  };
  Found f = db_.read([&](db::Conn& c) {
    Found f;
    f.dossier = repo::DossierByCode(c, code);
    if (!f.dossier) return f;
    f.handovers = repo::Handovers(c, f.dossier->id);
    f.pauses = repo::Pauses(c, f.dossier->id);
    f.procedure = repo::ProcedureById(c, f.dossier->procedure_id, f.dossier->procedure_version);
    if (in.to_official) f.to = org::Service::LoadPrincipal(c, *in.to_official);
    return f;
  });
  if (!f.dossier) throw NotFound("desk.dossier_not_found");
  const Dossier& d = *f.dossier;
  if (!Works(p, d.unit_path)) throw Forbidden();
  if (in.expected_version && *in.expected_version != d.version) throw Stale();
  const Action a = in.action;
  if (a == Action::kReceive) throw BadInput("desk.bad_action", "action");

  const std::string reason = text::Clean("reason", in.reason, 1000, false, true);
  const SysSeconds now = Now();
  const std::string now_text = FormatUtc(now);
  const auto view = calendar_.View(d.unit_code);
  const calendar::WorkCalendar& cal = *view.calendar;
  const std::vector<Step> steps = f.procedure ? f.procedure->steps : std::vector<Step>{};

  Dossier next = d;
  std::optional<Handover> handover;  // the new one
  struct Finish {
    int64_t id;
    StepOutcome outcome;
    bool classified;
  };
  std::optional<Finish> finish;
  std::optional<std::string> open_pause;  // its kind
  std::optional<int64_t> close_pause;     // its working seconds
  std::optional<Timeliness> timeliness;
  int64_t working_seconds = 0;  // of a result: from the clock's start, pauses left out
  std::optional<Apology> apology;
  std::string note = reason;

  auto finish_open = [&] {
    for (auto it = f.handovers.rbegin(); it != f.handovers.rend(); ++it)
      if (it->finished_at.empty()) {
        auto out = FinishStep(cal, At(it->given_at), it->budget_seconds, now, PausesOf(f.pauses, now));
        finish = Finish{it->id, out, it->budget_seconds > 0};
        return;
      }
  };
  auto end_pause = [&] {
    if (next.paused_since.empty()) return;
    close_pause = std::max<int64_t>(0, cal.Elapsed(At(next.paused_since), now));
    next.paused_seconds += *close_pause;
    next.paused_since.clear();
  };

  try {
    if (a == Action::kApology) {
      if (reason.empty()) throw BadInput("desk.reason_required", "reason");
      const std::string override_reason = text::Clean("override_reason", in.override_reason, 500, false);
      const bool is_admin = auth::Covers(p, d.unit_path, {Role::kAdmin});
      const std::string refusal = ApologyRefusal(d, now, At(d.warning_at), is_admin, !override_reason.empty());
      if (refusal == "desk.apology_override_reason") throw BadInput(refusal, "override_reason");
      if (!refusal.empty()) throw Refused(refusal, d.state, a);
      auto date = ParseIsoDate(in.new_due_date);
      if (!date) throw BadInput("error.bad_date", "new_due_date");
      if (!cal.IsWorkingDay(*date) || *date <= ToLocal(At(d.due_at)).date)
        throw BadInput("desk.bad_new_due", "new_due_date");
      const SysSeconds new_due = FromLocal(*date, cal.week().sessions.back().end);
      next.original_due_at = d.due_at;
      next.due_at = FormatUtc(new_due);
      const int64_t pos = cal.Position(new_due) - cal.SecondsPerDay();
      next.warning_at = FormatUtc(std::max(At(d.starts_at), cal.At(pos, calendar::WorkCalendar::Edge::kEnd)));
      next.apologised = true;
      apology = Apology{reason,        d.due_at, next.due_at,
                        p.official_id, now_text, now > At(d.warning_at) ? override_reason : std::string()};
    } else {
      if (const std::string refusal = Refusal(d.state, a); !refusal.empty()) throw Refused(refusal, d.state, a);
      next.state = *Next(d.state, a);
      switch (a) {
        case Action::kTransfer: {
          if (!in.to_official) throw BadInput("desk.official_required", "to_official");
          if (!f.to || !Works(*f.to, d.unit_path))
            throw BadInput("desk.unknown_official", "to_official", {{"id", std::to_string(*in.to_official)}});
          int64_t step = 0;
          if (in.step) {
            step = *in.step;
            if (step < 0 || (steps.empty() ? step != 0 : step >= static_cast<int64_t>(steps.size())))
              throw BadInput("desk.bad_step", "step");
          } else if (!steps.empty()) {
            step = std::min<int64_t>(d.step + 1, static_cast<int64_t>(steps.size()) - 1);
          }
          finish_open();
          Handover h;
          h.step = step;
          h.from_official = p.official_id;
          h.to_official = *in.to_official;
          h.given_at = h.received_at = now_text;
          if (!steps.empty()) {
            h.step_name = steps[static_cast<size_t>(step)].name;
            h.budget_seconds = StepBudget(cal, steps[static_cast<size_t>(step)]);
            const int64_t from = std::max(cal.Position(now), cal.Position(At(d.starts_at)));
            h.due_at = FormatUtc(cal.At(from + h.budget_seconds, calendar::WorkCalendar::Edge::kEnd));
          }
          handover = h;
          next.step = step;
          next.assignee_id = *in.to_official;
          note = f.to->full_name;
          break;
        }
        case Action::kRequestSupplement:
          if (reason.empty()) throw BadInput("desk.reason_required", "reason");
          [[fallthrough]];
        case Action::kRequestPayment:
          next.paused_since = now_text;
          open_pause = a == Action::kRequestSupplement ? "supplement" : "payment";
          break;
        case Action::kSupplementReceived:
        case Action::kPaymentReceived: {
          auto r = Resume(cal, At(d.starts_at), At(d.due_at), At(d.paused_since), now);
          next.due_at = FormatUtc(r.due_at);
          next.warning_at = FormatUtc(r.warning_at);
          next.paused_seconds += r.paused_seconds;
          close_pause = r.paused_seconds;
          next.paused_since.clear();
          break;
        }
        case Action::kRefuse:
        case Action::kStop:
          if (reason.empty()) throw BadInput("desk.reason_required", "reason");
          [[fallthrough]];
        case Action::kWithdraw:
          end_pause();
          finish_open();
          next.reason = reason;
          next.closed_at = now_text;
          break;
        case Action::kResultReady:
          finish_open();
          next.completed_at = now_text;
          timeliness = Classify(now, At(d.due_at));
          next.timeliness = timeliness;
          // Results come from states 2 and 4, so every pause is closed.
          working_seconds = std::max<int64_t>(
              0, cal.Elapsed(At(d.starts_at), std::max(now, At(d.starts_at)), PausesOf(f.pauses, now)));
          break;
        case Action::kReturn:
          next.returned_to = text::Clean("returned_to", in.returned_to, 120, false);
          if (next.returned_to.empty()) throw BadInput("desk.receiver_required", "returned_to");
          next.closed_at = now_text;
          note = next.returned_to;
          break;
        default: throw BadInput("desk.bad_action", "action");
      }
    }
  } catch (const calendar::EngineError& e) {
    throw BadInput(e.key, e.field.empty() ? "action" : e.field, calendar::YearRange());
  }

  const std::string day = DayOf(now);
  return db_.write([&](db::Conn& c) {
    if (!repo::UpdateDossier(c, next, d.version)) throw Stale();  // someone else changed it since it was read
    if (finish)
      repo::FinishHandover(c, finish->id, now_text, finish->outcome.used_seconds,
                           finish->classified ? std::optional(finish->outcome.timeliness) : std::nullopt);
    if (handover) repo::InsertHandover(c, d.id, *handover);
    if (open_pause) repo::OpenPause(c, d.id, *open_pause, now_text);
    if (close_pause) repo::ClosePause(c, d.id, now_text, *close_pause);
    if (apology) repo::InsertApology(c, d.id, *apology);
    repo::InsertEntry(c, d.id, {0, a, d.state, next.state, p.official_id, p.username, now_text, note}, day, timeliness,
                      working_seconds);
    repo::AddStats(c, d.unit_id, day, d.procedure_id, p.official_id, Delta(a, timeliness, working_seconds));
    Dossier saved = *repo::DossierByCode(c, d.code);
    auto [was, now] = Changes(d, saved);
    events::Append(c, events::By(p, d.unit_id, "dossier", d.code, std::string(ActionName(a)), was, now));
    if (const char* event = NotifyEvent(a)) notify::Enqueue(c, NotifySubject(saved, reason, event), event, now_text);
    return DetailOf(c, std::move(saved));
  });
}

void Service::LimitLookups(int max, std::chrono::seconds window) {
  lookup_limiter_ = max > 0 ? std::make_unique<auth::RateLimiter>(max, window) : nullptr;
  lookup_window_ = window;
}

PublicView Service::Lookup(const std::string& code_in, const std::string& check, const std::string& client,
                           std::optional<int64_t> held_version) {
  // Codes are printable ASCII: those need no normalising (the common case, kept cheap).
  const bool plain = !code_in.empty() && code_in.size() <= 80 &&
                     std::all_of(code_in.begin(), code_in.end(), [](char ch) { return ch > ' ' && ch < 0x7f; });
  std::string code = plain ? code_in : std::string();
  if (!plain) {
    try {
      code = text::Clean("code", code_in, 80, true);
    } catch (const AppError&) {
      throw BadInput("desk.lookup.bad_code", "code");
    }
  }
  if (!check.empty() && (check.size() != 4 || !std::all_of(check.begin(), check.end(), [](char ch) {
                           return std::isdigit(static_cast<unsigned char>(ch));
                         })))
    throw BadInput("desk.bad_check", "check");
  const auto now = Now();
  auth::RateLimiter* limiter = client.empty() ? nullptr : lookup_limiter_.get();
  if (limiter && limiter->exhausted(client, now))
    throw AppError(ErrorKind::kTooMany, "desk.lookup_too_many", "",
                   {{"minutes", std::to_string((lookup_window_.count() + 59) / 60)}});

  // Against enumeration, an unknown code costs what a known one does: the same
  // one statement (the dossier with its history: for an unknown code it finds
  // no row), then the same two constant-time comparisons of the 4 digits,
  // against digits that match no check. What the answer says differs (a code
  // alone shows its dossier's status, as on the national portal: the code is
  // printed on the receipt); how long it takes does not, beyond the few rows of
  // a known dossier's history. Every lookup that did not prove the 4 digits
  // counts against the caller's address, unknown codes included.
  // A held answer without personal data that is still current (only a known
  // code has one, and a code alone already tells that it exists).
  if (held_version && check.empty() &&
      db_.read([&](db::Conn& c) { return repo::VersionByCode(c, code); }) == held_version) {
    if (limiter) limiter->record(client, now);
    PublicView view;
    view.unchanged = true;
    view.dossier.version = *held_version;
    return view;
  }
  auto found = db_.read([&](db::Conn& c) { return repo::PublicByCode(c, code); });
  static const Applicant kNobody{"", "----", "----", "", ""};  // "----" never equals 4 digits
  const Applicant& a = found ? found->dossier.applicant : kNobody;
  auto digits = [](const std::string& s) {
    std::string d = LastDigits(s, 4);
    return d.empty() ? std::string("----") : d;
  };
  const std::string probe = check.empty() ? std::string("    ") : check;  // "    " matches nothing either
  // Both compared in constant time, always both.
  const bool phone = auth::SafeEqual(digits(a.phone), probe);
  const bool id = auth::SafeEqual(digits(a.id_number), probe);
  const bool personal = found && (phone || id);
  if (limiter && !personal) limiter->record(client, now);
  if (!found) throw NotFound("desk.dossier_not_found");
  PublicView view;
  view.dossier = std::move(found->dossier);
  view.entries = std::move(found->entries);
  view.apology = std::move(found->apology);
  view.unit_name = std::move(found->unit_name);
  view.personal = personal;
  return view;
}

// ---- printed forms ----

FormsSource Service::GetFormsSource(const Principal& p, const std::string& code) {
  auto src = db_.read([&](db::Conn& c) -> std::optional<FormsSource> {
    auto d = repo::DossierByCode(c, code);
    if (!d) return std::nullopt;
    FormsSource s;
    if (auto u = org::Service::FindUnit(c, d->unit_code)) s.unit_name = u->name;
    s.procedure = repo::ProcedureById(c, d->procedure_id, d->procedure_version);
    s.detail = DetailOf(c, std::move(*d));
    const auto& x = s.detail;
    std::set<int64_t> ids{x.dossier.received_by, x.dossier.assignee_id};
    for (auto& h : x.handovers) ids.insert({h.from_official, h.to_official});
    for (auto& e : x.entries) ids.insert(e.actor_id);
    if (x.apology) ids.insert(x.apology->by);
    for (int64_t id : ids)
      if (id > 0)
        if (auto o = org::Service::FindOfficial(c, id)) s.officials[id] = {o->full_name, o->phone};
    return s;
  });
  if (!src) throw NotFound("desk.dossier_not_found");
  if (!Works(p, src->detail.dossier.unit_path)) throw Forbidden();
  return std::move(*src);
}

TrackingRegister Service::GetRegister(const Principal& p, const RegisterQuery& q) {
  Problems problems;
  const std::string unit_code = problems.check([&] {
    std::string s = text::Clean("unit", q.unit_code, 20, false);
    if (s.empty()) throw BadInput("desk.register.unit_required", "unit");
    return s;
  });
  auto day = [&](const std::string& text, const char* field) {
    return problems.check([&]() -> std::optional<calendar::Date> {
      if (text.empty()) throw BadInput(std::string("desk.register.") + field + "_required", field);
      auto d = ParseIsoDate(text);
      if (!d) throw BadInput(std::string("desk.register.bad_") + field, field);
      return d;
    });
  };
  const auto from = day(q.from, "from"), to = day(q.to, "to");
  if (from && to) {
    if (*to < *from)
      problems.add(BadInput("desk.register.bad_period", "to"));
    else if ((*to - *from).count() + 1 > kRegisterMaxDays)
      problems.add(BadInput("desk.register.period_too_long", "to", {{"max", std::to_string(kRegisterMaxDays)}}));
  }
  problems.raise_if_any();
  const std::string from_utc = FormatUtc(FromLocal(*from, 0));
  const std::string to_utc = FormatUtc(FromLocal(*to + std::chrono::days{1}, 0));
  return db_.read([&](db::Conn& c) {
    auto unit = org::Service::FindUnit(c, unit_code);
    if (!unit) throw BadInput("desk.unknown_unit", "unit", {{"code", unit_code}});
    if (!Works(p, unit->path)) throw Forbidden();
    const int64_t n = repo::CountRegister(c, unit->path, from_utc, to_utc);
    if (n > kRegisterMaxRows) {
      auto grouped = [](int64_t v) {  // 20.000, as numbers are written in Việt Nam
        std::string s = std::to_string(v);
        for (int at = static_cast<int>(s.size()) - 3; at > 0; at -= 3) s.insert(static_cast<size_t>(at), ".");
        return s;
      };
      throw AppError(ErrorKind::kBadRequest, "desk.register.too_many", "",
                     {{"count", grouped(n)}, {"max", grouped(kRegisterMaxRows)}});
    }
    TrackingRegister r{unit->code, unit->name, FormatIsoDate(*from), FormatIsoDate(*to), {}};
    const auto names = repo::UnitNames(c, unit->path);
    const auto transfers = repo::FirstTransfers(c, unit->path, from_utc, to_utc);
    for (auto& d : repo::RegisterDossiers(c, unit->path, from_utc, to_utc, kRegisterMaxRows)) {
      RegisterEntry e;
      if (auto it = names.find(d.unit_id); it != names.end()) e.unit_name = it->second;
      if (auto it = transfers.find(d.id); it != transfers.end()) e.transferred_at = it->second;
      e.dossier = std::move(d);
      r.entries.push_back(std::move(e));
    }
    return r;
  });
}

std::vector<StatsRow> Service::Stats() {
  return db_.read([](db::Conn& c) { return repo::AllStats(c); });
}

std::vector<StatsRow> Service::RecountStats() {
  return db_.read([](db::Conn& c) { return repo::RecountStats(c); });
}

std::vector<StatsRow> Service::RollupStats(StatsRollup rollup) {
  return db_.read([&](db::Conn& c) { return repo::AllRollupStats(c, rollup); });
}

namespace {

// The caller's unit for a statistics request: the one asked for, else the first covered root.
std::string StatsUnitCode(const Principal& p, const std::string& asked) {
  if (!asked.empty()) return asked;
  for (const auto& root : auth::Roots(p))
    for (const auto& g : p.grants)
      if (g.unit_path == root) return g.unit_code;
  return "";
}

// The counters of a group (by its key), the whole months and loose days added up.
using Sums = std::map<std::string, StatsFigures>;

void AddSums(Sums& into, const std::vector<repo::Keyed>& rows) {
  for (const auto& r : rows) into[r.key].n += r.n;
}

}  // namespace

StatsReport Service::Statistics(const Principal& p, const StatsQuery& q) {
  Problems problems;
  StatsPeriod period;
  problems.check([&] { period = ValidateStatsPeriod(q.from, q.to, TodayLocalIso()); });
  const std::string unit_code =
      problems.check([&] { return StatsUnitCode(p, text::Clean("unit", q.unit_code, 20, false)); });
  if (unit_code.empty() && q.unit_code.empty()) throw Forbidden();  // no role anywhere
  const std::string now = FormatUtc(Now());
  auto id_of = [&](const std::string& text, const char* field, const char* key) -> std::optional<int64_t> {
    if (text.empty()) return std::nullopt;
    int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id < 0) {
      problems.add(BadInput(key, field));
      return std::nullopt;
    }
    return id;
  };
  const auto procedure_id = id_of(q.procedure, "procedure", "desk.stats.unknown_procedure");
  const auto official_id = id_of(q.official, "official", "desk.stats.unknown_official");
  const auto by = q.by.empty() ? std::optional(StatsGroup::kUnit) : ParseStatsGroup(q.by);
  if (!by) problems.add(BadInput("desk.stats.bad_group", "by"));
  const int64_t procedure = procedure_id.value_or(0), official = official_id.value_or(0);
  return db_.read([&](db::Conn& c) {
    auto unit = unit_code.empty() ? std::nullopt : org::Service::FindUnit(c, unit_code);
    if (!unit) problems.add(BadInput("desk.unknown_unit", "unit", {{"code", unit_code}}));
    std::optional<repo::Named> procedure_named, official_named;
    if (procedure_id && !(procedure_named = repo::ProcedureLabel(c, *procedure_id)))
      problems.add(BadInput("desk.stats.unknown_procedure", "procedure"));
    if (official_id && !(official_named = repo::OfficialLabel(c, *official_id)))
      problems.add(BadInput("desk.stats.unknown_official", "official"));
    problems.raise_if_any();
    const StatsGroup group = *by;
    if (!auth::Covers(p, unit->path)) throw Forbidden();

    StatsReport r;
    r.unit_code = unit->code;
    r.unit_name = unit->name;
    r.from = period.from;
    r.to = period.to;
    r.by = group;
    r.procedure_id = procedure_id;
    r.official_id = official_id;
    if (procedure_named) r.procedure_name = procedure_named->name;
    if (official_named) r.official_name = official_named->name;
    r.as_of = now;
    // Whole months from the monthly counters, the loose days from the daily ones
    // of the same key (the whole period from the rows keyed by both when the
    // report needs both procedure and official).
    Sums sums;
    const StatsSource source = SourceOf(group, procedure_id.has_value(), official_id.has_value());
    StatsSpans spans = SplitPeriod(period);
    if (source == StatsSource::kDaysOnly) spans = {"", "", {{period.from, period.to}}};
    if (!spans.months_from.empty())
      AddSums(sums, repo::SumMonths(c, source, group, unit->path, spans.months_from, spans.months_to,
                                    source == StatsSource::kMonthProcedures ? procedure : official));
    for (const auto& [from, to] : spans.days)
      AddSums(sums, repo::SumDays(c, source, group, unit->path, from, to, procedure, official));
    for (const auto& o : repo::CountOpen(c, group, unit->path, now, procedure, official)) {
      r.total.open_on_time += o.on_time;
      r.total.open_overdue += o.overdue;
      if (group == StatsGroup::kMonth) continue;  // in the total only
      sums[o.key].open_on_time += o.on_time;
      sums[o.key].open_overdue += o.overdue;
    }
    for (const auto& [key, f] : sums) r.total.n += f.n;

    switch (group) {
      case StatsGroup::kUnit: {
        // Each unit's figures go to the line of the root's child it lies under
        // (the root's own to the root's line). Children in force on the period's
        // first day are listed even without figures; others only with some.
        struct Line {
          StatsLine line;
          bool listed = false;
        };
        std::map<std::string, Line> lines;           // by the line's unit path
        std::map<std::string, std::string> path_of;  // unit id -> path
        for (const auto& u : repo::UnitsUnder(c, unit->path)) {
          path_of[std::to_string(u.id)] = u.path;
          if (LineOf(unit->path, u.path) != u.path) continue;
          auto& l = lines[u.path];
          l.line.key = l.line.code = u.code;
          l.line.label = u.name;
          l.listed = u.path != unit->path && !(u.valid_to && *u.valid_to <= period.from);
        }
        for (const auto& [key, f] : sums) {
          auto it = path_of.find(key);
          if (it == path_of.end()) continue;
          auto& l = lines[LineOf(unit->path, it->second)].line;
          l.f.n += f.n;
          l.f.open_on_time += f.open_on_time;
          l.f.open_overdue += f.open_overdue;
        }
        for (auto& [path, l] : lines) {
          const bool empty = l.line.f.n == Counters{} && l.line.f.open_on_time + l.line.f.open_overdue == 0;
          if (l.listed || !empty) r.lines.push_back(std::move(l.line));
        }
        // The root's own dossiers first, then its children by name.
        std::sort(r.lines.begin(), r.lines.end(), [&](const StatsLine& a, const StatsLine& b) {
          if ((a.code == unit->code) != (b.code == unit->code)) return a.code == unit->code;
          return std::pair(text::Fold(a.label), a.code) < std::pair(text::Fold(b.label), b.code);
        });
        break;
      }
      case StatsGroup::kProcedure:
      case StatsGroup::kOfficial:
        for (auto& [key, f] : sums) {
          StatsLine l;
          l.key = key;
          l.f = f;
          const int64_t id = std::stoll(key);
          if (auto named = group == StatsGroup::kProcedure ? repo::ProcedureLabel(c, id) : repo::OfficialLabel(c, id)) {
            l.label = named->name;
            if (group == StatsGroup::kProcedure) l.code = named->code;
          }
          r.lines.push_back(std::move(l));
        }
        std::sort(r.lines.begin(), r.lines.end(), [&](const StatsLine& a, const StatsLine& b) {
          if (group == StatsGroup::kProcedure) return std::pair(a.code, a.key) < std::pair(b.code, b.key);
          return std::pair(text::Fold(a.label), a.key) < std::pair(text::Fold(b.label), b.key);
        });
        break;
      case StatsGroup::kMonth:
        for (const auto& month : MonthsOf(period)) {
          StatsLine l;
          l.key = month;
          if (auto it = sums.find(month); it != sums.end()) l.f = it->second;
          r.lines.push_back(std::move(l));
        }
        break;
    }
    return r;
  });
}

StatsOptions Service::StatsChoices(const Principal& p, const std::string& unit_code) {
  return db_.read([&](db::Conn& c) {
    StatsOptions out;
    std::string chosen_path;
    const auto roots = auth::Roots(p);
    for (const auto& root : roots)
      for (const auto& u : repo::UnitsUnder(c, root)) {
        const int depth =
            static_cast<int>(std::count(u.path.begin() + static_cast<long>(root.size()), u.path.end(), '/'));
        out.units.push_back({u.code, u.name, u.code, depth, u.valid_to && *u.valid_to <= TodayLocalIso()});
        if (u.code == unit_code || (chosen_path.empty() && unit_code.empty())) {
          chosen_path = u.path;
          out.unit_code = u.code;
        }
      }
    if (chosen_path.empty() && !roots.empty()) {  // not covered: the first root's lists
      chosen_path = roots.front();
      for (const auto& u : out.units)
        if (u.depth == 0) {
          out.unit_code = u.code;
          break;
        }
    }
    if (chosen_path.empty()) return out;
    for (const auto& n : repo::ProceduresFor(c, chosen_path))
      out.procedures.push_back({std::to_string(n.id), n.name, n.code});
    for (const auto& n : repo::OfficialsUnder(c, chosen_path))
      out.officials.push_back({std::to_string(n.id), n.name, n.code});
    return out;
  });
}

}  // namespace fg::desk
