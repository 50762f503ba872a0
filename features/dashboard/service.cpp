#include "features/dashboard/service.h"

#include <algorithm>

#include "features/dashboard/repo.h"
#include "features/dashboard/rules.h"
#include "features/org/service.h"
#include "platform/errors.h"
#include "platform/time.h"

namespace fg::dashboard {
namespace {

// The first instant of a local (UTC+7) day, as stored.
std::string StartOfLocalDay(const std::string& iso, int days_after = 0) {
  auto d = *ParseIsoDate(iso) + std::chrono::days{days_after};
  return FormatUtc(FromLocal(d, 0));
}

bool KnownEntity(const std::string& e) {
  return e == "unit" || e == "official" || e == "work_week" || e == "calendar_day" || e == "calendar_year";
}

}  // namespace

const std::vector<std::string>& Service::Types() {
  static const std::vector<std::string> kTypes = {"unit", "official", "security", "work_week", "calendar"};
  return kTypes;
}

void Service::Check(const LogFilter& f) {
  Problems problems;
  if (!f.type.empty() && std::find(Types().begin(), Types().end(), f.type) == Types().end())
    problems.add(BadInput("event.bad_type", "type"));
  if (!f.from.empty() && !IsIsoDate(f.from)) problems.add(BadInput("error.bad_date", "from"));
  if (!f.to.empty() && !IsIsoDate(f.to)) problems.add(BadInput("error.bad_date", "to"));
  if (IsIsoDate(f.from) && IsIsoDate(f.to) && f.to < f.from) problems.add(BadInput("event.bad_period", "to"));
  if ((!f.entity.empty() || !f.entity_id.empty()) && (!KnownEntity(f.entity) || f.entity_id.empty()))
    problems.add(BadInput("event.bad_entity", "entity"));
  problems.raise_if_any();
}

LogPage Service::List(const auth::Principal& p, const LogFilter& f, int page_size) {
  auto roots = auth::Roots(p, {auth::Role::kAdmin});
  if (roots.empty()) throw Forbidden();
  Check(f);
  const bool whole_tree = auth::Covers(p, "/", {auth::Role::kAdmin});
  return db_.read([&](db::Conn& c) {
    repo::PageQuery q;
    q.limit = page_size + 1;
    q.actor = f.actor_id.value_or(0);
    q.type = f.type;
    q.entity = f.entity;
    q.entity_also = f.entity == "unit" ? "work_week" : "";  // a unit's history shows its working week too
    q.entity_id = f.entity_id;
    if (f.before > 0) q.id_before = f.before;
    LogPage page;
    // The period as a range of ids (events are numbered in time order), found
    // by bisecting the ids (repo::FirstIdAt), and exactly by the instants.
    if (!f.from.empty()) {
      q.at_from = StartOfLocalDay(f.from);
      auto first = repo::FirstIdAt(c, q.at_from);
      if (!first) return page;
      q.id_from = *first;
    }
    if (!f.to.empty()) {
      q.at_to = StartOfLocalDay(f.to, 1);
      if (auto end = repo::FirstIdAt(c, q.at_to)) q.id_before = std::min(q.id_before, *end);
    }
    if (!f.unit_code.empty()) {
      auto unit = org::Service::FindUnit(c, f.unit_code);
      if (!unit) throw BadInput("org.unit_not_found", "unit");
      if (!auth::Covers(p, unit->path, {auth::Role::kAdmin})) throw Forbidden();
      q.unit_path = unit->path;
      roots = {unit->path};  // inside one of the roots: seen through it alone
    }
    q.lead = !q.entity.empty()      ? repo::Lead::kEntity
             : q.actor != 0         ? repo::Lead::kActor
             : !q.unit_path.empty() ? repo::Lead::kUnit
             : !q.type.empty()      ? repo::Lead::kType
                                    : repo::Lead::kNewest;
    // One query per subtree the administrator holds (usually one), merged newest first.
    std::vector<LogEntry> all;
    for (size_t i = 0; i < roots.size(); ++i) {
      q.root = roots[i];
      q.unscoped = i == 0 && whole_tree && q.unit_path.empty();
      q.own_actor = i == 0 && q.unit_path.empty() && p.official_id ? p.official_id : -1;
      auto part = repo::Page(c, q);
      all.insert(all.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    std::sort(all.begin(), all.end(), [](const LogEntry& a, const LogEntry& b) { return a.event.id > b.event.id; });
    all.erase(std::unique(all.begin(), all.end(),
                          [](const LogEntry& a, const LogEntry& b) { return a.event.id == b.event.id; }),
              all.end());
    if (static_cast<int>(all.size()) > page_size) {
      all.resize(page_size);
      page.next_before = all.back().event.id;
    }
    std::vector<std::string> codes;
    for (auto& e : all) {
      auto more = UnitCodesIn(e);
      codes.insert(codes.end(), more.begin(), more.end());
    }
    page.unit_names = repo::UnitNames(c, codes);
    page.entries = std::move(all);
    return page;
  });
}

}  // namespace fg::dashboard
