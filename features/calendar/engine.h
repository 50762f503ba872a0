// The deadline engine: working days and working time of one unit's working
// week on top of the national days off. Built once per (days off, week) into
// tables over 1900-2199 so that every question is answered in O(1) (plus one
// step per pause): a working-clock position is
//   (working days before the day) * (working seconds per day) + seconds worked that day.
// Instants are UTC seconds; days and sessions are local time (ToLocal in platform/time.h).
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/calendar/rules.h"

namespace fg::calendar {

using Instant = std::chrono::sys_seconds;

struct Session {
  int start = 0;  // seconds after local midnight
  int end = 0;
  bool operator==(const Session&) const = default;
};

// A unit's working week (inherited down the unit tree unless overridden).
struct WorkWeek {
  std::vector<Session> sessions = {{7 * 3600 + 1800, 11 * 3600 + 1800}, {13 * 3600 + 1800, 17 * 3600}};
  unsigned rest_days = (1u << 6) | (1u << 0);  // bit i: weekday i (0 Sunday ... 6 Saturday)
  int hours_per_day = 8;                       // legal hours in one working day
  bool no_friday_rule = false;    // same-day procedures received on a week's last working day are due that day
  int64_t SecondsPerDay() const;  // working seconds of one working day
  bool operator==(const WorkWeek&) const = default;
};
// "" when valid, else a catalogue key naming the problem.
std::string CheckWorkWeek(const WorkWeek& w);
// Text forms used in storage and forms: "07:30-11:30,13:30-17:00" and ISO weekdays "6,7".
std::string FormatSessions(const std::vector<Session>& s);
std::optional<std::vector<Session>> ParseSessions(std::string_view s);
std::string FormatRestDays(unsigned mask);
std::optional<unsigned> ParseRestDays(std::string_view s);

enum class LimitUnit { kDays, kHours, kSameDay };

struct Pause {
  Instant from, to;    // [from, to)
  std::string reason;  // why the clock stopped (supplement requested, payment awaited ...); kept, not used
};

struct DueRequest {
  Instant received_at;
  LimitUnit unit = LimitUnit::kDays;
  int64_t amount = 0;
  int cutoff = 15 * 3600;     // seconds after local midnight; received later, the clock starts the next working day
  std::vector<Pause> pauses;  // sorted, disjoint, starting at or after received_at
};

struct DueResult {
  Instant starts_at;                   // when the clock starts
  Instant due_at;                      // never outside working hours (a session's end counts as inside)
  Instant warning_at;                  // one working day before due (not before starts_at)
  int64_t paused_seconds = 0;          // working seconds excluded by pauses
  std::vector<int64_t> pause_seconds;  // the same, pause by pause
};

enum class Timeliness { kEarly, kOnTime, kLate };
std::string_view TimelinessName(Timeliness t);

// Thrown for input the engine cannot answer: instants outside 1900-2199, a
// pause that starts after the due instant. `field` names the culprit.
struct EngineError {
  std::string key;
  std::string field;
};

class WorkCalendar {
 public:
  // `days_off`: effective national days (holidays, compensatory days, swaps,
  // make-up workdays) over the supported years. REQUIRES: CheckWorkWeek(week) == "".
  WorkCalendar(const std::vector<DayEntry>& days_off, WorkWeek week);

  const WorkWeek& week() const { return week_; }
  int64_t SecondsPerDay() const { return day_len_; }

  bool IsWorkingDay(Date d) const;
  // The first working day strictly after `d`.
  Date NextWorkingDay(Date d) const;
  // Working days in [from, to) (negative when to < from).
  int64_t WorkingDaysBetween(Date from, Date to) const;
  // Is `d` the last working day of its ISO week (the next one is in a later week)?
  bool IsLastWorkingDayOfWeek(Date d) const;

  DueResult Due(const DueRequest& r) const;
  // Working seconds in [from, to) minus the paused ones.
  int64_t Elapsed(Instant from, Instant to, const std::vector<Pause>& pauses = {}) const;
  // Early: done on a date before the due date; on time: by the due instant; late: after it.
  static Timeliness Classify(Instant completed, Instant due);

  // The working-clock position of an instant (see the file comment).
  int64_t Position(Instant t) const;
  enum class Edge { kStart, kEnd };
  // The instant of a position: on a boundary between two sessions or days,
  // kEnd gives the end of the earlier one and kStart the start of the later one.
  Instant At(int64_t pos, Edge edge) const;

 private:
  int64_t DayIndex(Date d) const;  // throws EngineError when out of range
  int64_t PositionAt(int64_t day_index, int seconds) const;
  int64_t WorkedThatDay(int seconds) const;

  WorkWeek week_;
  int64_t day_len_ = 0;
  Date first_;
  std::vector<int32_t> before_;  // working days before day i (size days+1)
  std::vector<int32_t> nth_;     // day index of the k-th working day
};

}  // namespace fg::calendar
