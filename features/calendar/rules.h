// Which days are off: statutory holidays by the law in force, the default
// placement of Tết, compensatory days, and the government's yearly overrides
// (extra days off, swapped days, make-up working Saturdays). Pure: no I/O.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::calendar {

using Date = std::chrono::sys_days;

enum class DayKind {
  kHoliday,        // a statutory holiday (or an extra one the government declares)
  kCompensatory,   // off because a holiday fell on a weekly rest day
  kSwap,           // a working day given off in exchange for a make-up workday
  kMakeupWorkday,  // a weekly rest day that is worked
  kWorkday,        // override only: a normal working day, cancelling a generated entry
};
inline constexpr DayKind kAllKinds[] = {DayKind::kHoliday, DayKind::kCompensatory, DayKind::kSwap,
                                        DayKind::kMakeupWorkday, DayKind::kWorkday};
std::string_view KindName(DayKind k);
std::optional<DayKind> ParseKind(std::string_view s);
bool IsDayOff(DayKind k);

struct DayEntry {
  Date date;
  DayKind kind = DayKind::kHoliday;
  // Generated entries name themselves by catalogue key ("calendar.holiday.tet"),
  // with `of_key` naming the holiday a compensatory day is for; overrides carry
  // the text the administrator typed in `name`.
  std::string key;
  std::string of_key;
  std::string name;
  std::string reference;  // the law or notice; for generated entries a catalogue key
  bool overridden = false;
};

// A version of the holiday rules and the date it came into force.
struct LawVersion {
  Date effective;
  std::string reference_key;  // catalogue key of the law's citation
  int tet_days;               // days of Tết: the last day of the lunar year plus the first tet_days-1
  bool hung_kings;            // 10/3 lunar
  int national_days;          // 2/9 alone (1) or with an adjacent day (2)
};
const std::vector<LawVersion>& LawVersions();
// The version in force on `d`; the earliest one applies to dates before it.
const LawVersion& LawInForce(Date d);

// Statutory holidays and compensatory days (weekly rest = Saturday, Sunday) of
// the solar year `year`, in date order, before overrides.
std::vector<DayEntry> StatutoryDays(int year);

// Applies `overrides` (one per date) to `generated`: an override replaces the
// generated entry of its date; kWorkday entries only remove. Date order.
std::vector<DayEntry> ApplyOverrides(std::vector<DayEntry> generated, const std::vector<DayEntry>& overrides);

// Every entry of the years [from, to] with overrides applied.
std::vector<DayEntry> EffectiveDays(int from_year, int to_year, const std::vector<DayEntry>& overrides);

}  // namespace fg::calendar
