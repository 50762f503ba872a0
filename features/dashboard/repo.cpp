#include "features/dashboard/repo.h"

#include <set>

namespace fg::dashboard::repo {
namespace {

// The names come with the events: the acting official, the official or unit the
// event is about, and the scope unit (one query for the page, no query per row).
#define FG_LOG_SELECT                                                                                          \
  "SELECT e.id, e.seq, e.at, e.actor_id, e.actor, e.unit_id, e.entity, e.entity_id, e.action, e.before_json, " \
  "e.after_json, e.prev_hash, e.hash, su.path, su.code, su.name, a.full_name, eo.full_name, eo.username, "     \
  "eu.name FROM events e LEFT JOIN units su ON su.id = e.scope_unit_id "                                       \
  "LEFT JOIN officials a ON a.id = e.actor_id "                                                                \
  "LEFT JOIN officials eo ON eo.id = CASE WHEN e.entity = 'official' THEN CAST(e.entity_id AS BIGINT) END "    \
  "LEFT JOIN units eu ON eu.code = CASE WHEN e.entity IN ('unit', 'work_week') THEN e.entity_id END WHERE "
// Every filter, given or not (then true), and the visibility rule.
#define FG_LOG_FILTERS                                                                \
  " AND e.id < ? AND e.id >= ? AND e.at >= ? AND e.at < ? AND (e.kind = ? OR ? = '')" \
  " AND (e.actor_id = ? OR ? = 0) AND (su.path LIKE ? OR ? = '')"                     \
  " AND ((e.entity IN (?, ?) AND e.entity_id = ?) OR ? = '')"                         \
  " AND (su.path LIKE ? OR (e.scope_unit_id IS NULL AND (? = 1 OR e.actor_id = ?)))"  \
  " ORDER BY e.id DESC LIMIT ?"

// One statement per leading filter, so that each can use its index
// (events(id), events_actor, events_entity, events_kind, events_scope).
const db::Query kNewest{"log_newest", FG_LOG_SELECT "1 = 1" FG_LOG_FILTERS};
const db::Query kByActor{"log_by_actor", FG_LOG_SELECT "e.actor_id = ?" FG_LOG_FILTERS};
const db::Query kByEntity{"log_by_entity", FG_LOG_SELECT "e.entity IN (?, ?) AND e.entity_id = ?" FG_LOG_FILTERS};
const db::Query kByType{"log_by_type", FG_LOG_SELECT "e.kind = ?" FG_LOG_FILTERS};
const db::Query kByUnit{"log_by_unit",
                        FG_LOG_SELECT "e.scope_unit_id IN (SELECT id FROM units WHERE path LIKE ?)" FG_LOG_FILTERS};
// Two subqueries: SQLite answers a lone min() or max() from the key's ends,
// but scans the table for both in one SELECT.
#define FG_ID_RANGE "SELECT (SELECT min(id) FROM events), (SELECT max(id) FROM events)"
#define FG_FIRST_FROM "SELECT id, at FROM events WHERE id >= ? ORDER BY id LIMIT 1"
const db::Query kIdRange{"log_id_range", FG_ID_RANGE};
const db::Query kFirstFrom{"log_first_from", FG_FIRST_FROM};
const db::Query kIdRangePlan{"log_id_range_plan", "EXPLAIN QUERY PLAN " FG_ID_RANGE};
const db::Query kFirstFromPlan{"log_first_from_plan", "EXPLAIN QUERY PLAN " FG_FIRST_FROM};
const db::Query kUnitNames{
    "log_unit_names", "SELECT code, name FROM units WHERE code IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"};
constexpr size_t kNamesPerQuery = 16;

std::string Like(const std::string& path) { return path + "%"; }

}  // namespace

std::vector<LogEntry> Page(db::Conn& c, const PageQuery& q) {
  std::vector<db::Value> params;
  const db::Query* query = &kNewest;
  switch (q.lead) {
    case Lead::kNewest: break;
    case Lead::kActor:
      query = &kByActor;
      params.emplace_back(q.actor);
      break;
    case Lead::kEntity:
      query = &kByEntity;
      params.insert(params.end(), {q.entity, q.entity_also, q.entity_id});
      break;
    case Lead::kType:
      query = &kByType;
      params.emplace_back(q.type);
      break;
    case Lead::kUnit:
      query = &kByUnit;
      params.emplace_back(Like(q.unit_path));
      break;
  }
  params.insert(params.end(),
                {q.id_before, q.id_from, q.at_from, q.at_to, q.type, q.type, q.actor, q.actor, Like(q.unit_path),
                 q.unit_path, q.entity, q.entity_also.empty() ? q.entity : q.entity_also, q.entity_id, q.entity,
                 Like(q.root), int64_t{q.unscoped ? 1 : 0}, q.own_actor, int64_t{q.limit}});
  std::vector<LogEntry> out;
  for (auto& r : c.query(*query, params)) {
    LogEntry l;
    l.event = events::FromRow(r);
    auto& s = l.event;
    s.unit_path = r.text(13);
    l.scope_path = r.text(13);
    l.scope_code = r.text(14);
    l.scope_name = r.text(15);
    l.actor_name = r.text(16);
    l.official_name = r.text(17);
    l.official_username = r.text(18);
    l.unit_name = r.text(19);
    out.push_back(std::move(l));
  }
  return out;
}

// Events are numbered in time order, so the first one at or after `at` is
// found by bisecting the ids, a point read by id each (about 25 over tens of
// millions of events), instead of through an index on the time that every
// event written would also have to enter. Ids may have gaps: each probe reads
// the first event from its id on.
std::optional<int64_t> FirstIdAt(db::Conn& c, const std::string& at) {
  auto range = c.query_one(kIdRange);
  if (!range || range->is_null(0)) return std::nullopt;
  int64_t lo = range->i64(0);
  int64_t hi = range->i64(1) + 1;  // past the last event: "none"
  std::optional<int64_t> found;    // the first event from `hi` on, once it is at or after `at`
  while (lo < hi) {
    const int64_t mid = lo + (hi - lo) / 2;
    auto r = c.query_one(kFirstFrom, {mid});
    if (r && r->text(1) >= at) {
      hi = mid;
      found = r->i64(0);
    } else {
      lo = r ? r->i64(0) + 1 : hi;  // every id up to that event's is before `at`
    }
  }
  return found;
}

std::vector<std::string> FirstIdAtPlan(db::Conn& c) {
  if (c.backend() != db::Backend::kSqlite) return {};
  std::vector<std::string> out;
  for (auto& r : c.query(kIdRangePlan)) out.push_back(r.text(3));
  for (auto& r : c.query(kFirstFromPlan, {int64_t{0}})) out.push_back(r.text(3));
  return out;
}

std::map<std::string, std::string> UnitNames(db::Conn& c, const std::vector<std::string>& codes) {
  std::set<std::string> unique(codes.begin(), codes.end());
  unique.erase("");
  std::vector<std::string> list(unique.begin(), unique.end());
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < list.size(); i += kNamesPerQuery) {
    std::vector<db::Value> params;
    for (size_t k = 0; k < kNamesPerQuery; ++k)
      params.emplace_back(i + k < list.size() ? list[i + k] : std::string());  // no unit has an empty code
    for (auto& r : c.query(kUnitNames, params)) out[r.text(0)] = r.text(1);
  }
  return out;
}

}  // namespace fg::dashboard::repo
