// The SQL of the yearly calendar decisions and units' working weeks.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "features/calendar/engine.h"
#include "platform/db/db.h"

namespace fg::calendar::repo {

struct StoredWeek {
  int64_t unit_id = 0;
  std::string unit_code;
  std::string sessions, rest_days;
  int hours_per_day = 8;
  bool no_friday_rule = false;
};

// Changes whenever a calendar day is added, changed or removed (cache key).
std::string DaysSignature(db::Conn& c);
std::vector<DayEntry> AllDays(db::Conn& c);
std::vector<DayEntry> DaysBetween(db::Conn& c, const std::string& from, const std::string& to_exclusive);
std::optional<DayEntry> DayAt(db::Conn& c, const std::string& date);
void UpsertDay(db::Conn& c, const DayEntry& e);
bool DeleteDay(db::Conn& c, const std::string& date);

std::optional<std::string> YearReference(db::Conn& c, int year);
void UpsertYear(db::Conn& c, int year, const std::string& reference);

// The week of the unit itself or its nearest ancestor with one (by path).
std::optional<StoredWeek> WeekFor(db::Conn& c, const std::string& unit_path);
void UpsertWeek(db::Conn& c, const StoredWeek& w);
bool DeleteWeek(db::Conn& c, int64_t unit_id);

}  // namespace fg::calendar::repo
