// The event log's SQL: one page of events with the names they refer to, each
// filter served by an index (migration 0006).
#pragma once
#include <climits>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/dashboard/model.h"
#include "platform/db/db.h"

namespace fg::dashboard::repo {

// Which index leads the query: the most selective filter given.
enum class Lead { kNewest, kActor, kEntity, kType, kUnit };

struct PageQuery {
  Lead lead = Lead::kNewest;
  // Visibility: events whose scope unit's path starts with `root` ("/1/4/"),
  // and when `unscoped`, events without a unit; events without a unit done by
  // `own_actor` too.
  std::string root;
  bool unscoped = false;
  int64_t own_actor = -1;
  // Filters ("" or 0: none).
  int64_t actor = 0;
  std::string type;
  std::string unit_path;  // the subtree of this path
  std::string entity;     // with entity_id; entity_also: a second entity with the same id
  std::string entity_also;
  std::string entity_id;
  std::string at_from;            // UTC text, inclusive
  std::string at_to = "9999";     // UTC text, exclusive
  int64_t id_from = 0;            // inclusive
  int64_t id_before = INT64_MAX;  // exclusive
  int limit = 51;
};

// Newest first.
std::vector<LogEntry> Page(db::Conn& c, const PageQuery& q);
// The id of the first event at or after `at` (UTC text); nullopt when none.
std::optional<int64_t> FirstIdAt(db::Conn& c, const std::string& at);
// The plans of FirstIdAt's statements as SQLite runs them (EXPLAIN QUERY PLAN), for tests.
std::vector<std::string> FirstIdAtPlan(db::Conn& c);
// Unit names by code, for the codes given (unknown codes are left out).
std::map<std::string, std::string> UnitNames(db::Conn& c, const std::vector<std::string>& codes);

}  // namespace fg::dashboard::repo
