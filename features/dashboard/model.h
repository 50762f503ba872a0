// The event log as people read it: filters, and events with the names of the
// people and units they concern.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/events.h"

namespace fg::dashboard {

// What the log shows; every part is optional. Dates are "YYYY-MM-DD" (local,
// inclusive); `type` is an events::KindOf value ("unit", "official",
// "security", "calendar", "work_week").
struct LogFilter {
  std::optional<int64_t> actor_id;
  std::string unit_code;  // the unit's subtree
  std::string type;
  std::string from;
  std::string to;
  std::string entity;  // one entity's history ("unit" also shows its working week)
  std::string entity_id;
  int64_t before = 0;  // events with a smaller id (the "older" cursor); 0: the newest
};

// An event with the names it refers to, looked up with the page's one query.
struct LogEntry {
  events::Stored event;
  std::string scope_path;  // the unit whose administrators see it ("" for national events)
  std::string scope_code;
  std::string scope_name;
  std::string actor_name;         // the acting official's name now ("" for the system)
  std::string official_name;      // entity "official": their name now
  std::string official_username;  // entity "official": their username
  std::string unit_name;          // entity "unit" or "work_week": the unit's name now
};

struct LogPage {
  std::vector<LogEntry> entries;
  int64_t next_before = 0;  // the cursor of the next (older) page; 0 when there is none
  // Names of the units whose codes the page's changes mention (parent, successor, roles).
  std::map<std::string, std::string> unit_names;
};

// An event as a sentence, with the fields an update changed.
struct Change {
  std::string label;  // "tên đơn vị" ...
  std::string before;
  std::string after;
};
struct Described {
  std::string sentence;
  std::vector<Change> changes;
};

}  // namespace fg::dashboard
