// Use cases of the working-day calendar: national days off (statutory rules +
// the yearly decisions stored in the database), units' working weeks, and
// deadline computations. Engines are built once per distinct working week and
// rebuilt when the stored decisions change (also when another server changed them).
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "features/calendar/engine.h"
#include "platform/auth/principal.h"
#include "platform/db/db.h"
#include "platform/db/kept_reads.h"

namespace fg::calendar {

struct EffectiveWeek {
  WorkWeek week;
  std::string unit_code;  // the unit asked about ("" for the national default)
  std::string from_code;  // the unit whose setting applies ("" = the defaults)
};

// The national days off and one unit's working week, from one read of the store.
struct CalendarView {
  EffectiveWeek week;
  std::shared_ptr<const std::vector<DayEntry>> days;  // effective days 1900-2199, date order
  std::shared_ptr<const WorkCalendar> calendar;
  // The days of `year`; for a unit, make-up workdays that are not its rest days are left out.
  std::vector<DayEntry> DaysOf(int year) const;
};

// A deadline question as it arrives from the API or the CLI (text, unvalidated).
struct DueInput {
  std::string received_at;  // RFC 3339
  std::string limit_unit;   // days | hours | same_day
  std::optional<int64_t> amount;
  std::string cutoff;  // "HH:MM", default 15:00
  struct PauseInput {
    std::string from, to, reason;  // [from, to)
  };
  std::vector<PauseInput> pauses;
  std::string unit_code;
  std::string completed_at;  // optional: classify a completion
};

struct DueOutput {
  DueResult result;
  EffectiveWeek week;
  std::vector<Pause> pauses;  // as validated, with their reasons
  std::optional<Timeliness> timeliness;
  std::optional<int64_t> elapsed_seconds;
};

struct WeekInput {
  std::string sessions, rest_days, hours_per_day;
  bool no_friday_rule = false;
};

// {min} and {max} of the years the calendar covers, for error messages.
const std::map<std::string, std::string>& YearRange();

// Limits on one request.
inline constexpr int64_t kMaxDays = 3650;
inline constexpr int64_t kMaxHours = kMaxDays * 24;
inline constexpr size_t kMaxPauses = 200;
inline constexpr size_t kMaxReasonChars = 500;

class Service {
 public:
  explicit Service(db::Db& db) : db_(db) {}

  // The calendar of a unit ("" = the national default); unknown unit: BadInput naming `field`.
  CalendarView View(const std::string& unit_code, const char* field = "unit_code");
  // View(unit_code, "unit").DaysOf(year); a year outside 1900-2199 is a BadInput.
  std::vector<DayEntry> Holidays(int year, const std::string& unit_code = "");
  std::optional<std::string> YearReference(int year);
  // Only the stored decisions of `year`.
  std::vector<DayEntry> Decisions(int year);

  // Unknown unit: BadInput naming `field`.
  EffectiveWeek WeekOf(const std::string& unit_code, const char* field = "unit_code");
  DueOutput Due(const DueInput& in);
  // Working days in [from, to) and the first working day after `date`, for a unit
  // (field "unit") or the national default; dates are "YYYY-MM-DD" (fields from, to, date).
  int64_t WorkingDaysBetween(const std::string& from, const std::string& to, const std::string& unit_code);
  std::string NextWorkingDay(const std::string& date, const std::string& unit_code);

  // National decisions: the system principal, or an administrator of the root
  // when the unit tree has exactly one root (org::Service::AdministersWholeTree).
  bool CanEditNational(const auth::Principal& p);
  void PutDecision(const auth::Principal& p, const std::string& date, const std::string& kind, const std::string& name,
                   const std::string& reference);
  void DeleteDecision(const auth::Principal& p, const std::string& date);
  void PutYearReference(const auth::Principal& p, int year, const std::string& reference);
  // A unit's working week: administrators of the unit's subtree.
  void SetWeek(const auth::Principal& p, const std::string& unit_code, const WeekInput& in);
  void InheritWeek(const auth::Principal& p, const std::string& unit_code);

 private:
  // The effective days for the stored decisions' `signature` (cached; re-read when it changed).
  std::shared_ptr<const std::vector<DayEntry>> DaysFor(const std::string& signature);
  std::shared_ptr<const WorkCalendar> CalendarFor(const std::shared_ptr<const std::vector<DayEntry>>& days,
                                                  const WorkWeek& w);

  db::Db& db_;
  // A unit's effective week and the decisions' signature, by unit code (View).
  db::KeptReads<std::pair<EffectiveWeek, std::string>> views_{db_, {"units", "unit_work_weeks", "calendar_generation"}};
  std::mutex mu_;
  std::string signature_;
  std::shared_ptr<const std::vector<DayEntry>> days_;
  std::vector<std::pair<WorkWeek, std::shared_ptr<const WorkCalendar>>> calendars_;
};

// Display text of an entry: the administrator's name, or the catalogue's.
std::string NameOf(const DayEntry& e);
std::string ReferenceOf(const DayEntry& e);

}  // namespace fg::calendar
