#include "features/desk/service.h"

#include <boost/json.hpp>

#include "features/desk/json.h"
#include "features/desk/repo.h"
#include "features/desk/rules.h"
#include "features/org/service.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using auth::Principal;
using auth::Role;

AppError Forbidden() { return AppError(ErrorKind::kForbidden, "error.forbidden"); }
AppError NotFound(const std::string& key) { return AppError(ErrorKind::kNotFound, key); }

std::string Json(const Procedure& p) { return boost::json::serialize(ToJson(p)); }


std::optional<int64_t> UnitIdOf(db::Conn& c, const std::string& code) {
  auto u = org::Service::FindUnit(c, code);
  if (!u) return std::nullopt;
  return u->id;
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
  const std::string phrase = text::Fold(text::Clean("q", q.q, 200, false));
  // The longest word goes through the term index; the phrase filters the candidates.
  std::string term;
  for (auto& t : Terms(phrase))
    if (t.size() > term.size()) term = t;
  if (q.limit < 1 || q.limit > 200) throw BadInput("desk.bad_limit", "limit", {{"max", "200"}});
  return db_.read([&](db::Conn& c) {
    std::string path;
    if (!q.unit_code.empty()) {
      auto unit = org::Service::FindUnit(c, q.unit_code);
      if (!unit) throw BadInput("desk.unknown_unit", "unit", {{"code", q.unit_code}});
      path = unit->path;
    }
    auto found = repo::SearchProcedures(c, term, PrefixEnd(term), phrase, path, q.include_inactive && p, q.limit);
    // Inactive ones only for callers covering their owner.
    std::erase_if(found, [&](const Procedure& x) { return !x.active && !auth::Covers(*p, x.unit_path); });
    return found;
  });
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

}  // namespace fg::desk
