// Pure rules of the desk's statistics (no I/O): the period a report counts,
// how it splits into whole months and loose days, the figures derived from the
// counters, and which line of a "by unit" report a unit's counters go to.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "features/desk/model.h"

namespace fg::desk {

// The longest period a report may count (years).
inline constexpr int kStatsMaxYears = 5;

std::string_view StatsGroupName(StatsGroup g);  // unit | procedure | official | month
std::optional<StatsGroup> ParseStatsGroup(std::string_view s);

// The period of a report: `from` and `to` (YYYY-MM-DD, both included) as typed;
// empty ones default to the first and last day of `today`'s month. Throws one
// BadInput listing every problem (fields "from", "to"): a date that is not
// real, `to` before `from`, a period over kStatsMaxYears years.
struct StatsPeriod {
  std::string from, to;
};
StatsPeriod ValidateStatsPeriod(const std::string& from, const std::string& to, std::string_view today);

// A period split for reading: the whole months inside it (YYYY-MM, from the
// monthly counters; none when `months_from` is empty) and the days of its
// first and last month outside those (YYYY-MM-DD ranges, from the daily ones).
struct StatsSpans {
  std::string months_from, months_to;
  std::vector<std::pair<std::string, std::string>> days;
};
StatsSpans SplitPeriod(const StatsPeriod& p);
// The counters a report reads for its whole months: the monthly rows keyed by
// the one of procedure and official it groups or filters by (by official when
// neither: a commune has fewer officials than procedures, so fewer rows); the
// daily rows, keyed by both, when it needs both.
StatsSource SourceOf(StatsGroup by, bool procedure_filter, bool official_filter);

// Every month of the period, in order ("2026-01", "2026-02", ...).
std::vector<std::string> MonthsOf(const StatsPeriod& p);

// On-time rate: dossiers resolved early or on time over all dossiers resolved
// (early + on time + late) in the period, as a fraction in [0, 1]; nullopt when
// none was resolved. Dossiers still open, overdue or not, are not in it (they
// are the "in progress" figures); nor are refused, withdrawn or stopped ones.
std::optional<double> OnTimeRate(const Counters& n);
// Average working time to resolve, in working seconds; nullopt when none was resolved.
std::optional<int64_t> AverageResolveSeconds(const Counters& n);

// For a report "by unit" of the unit at `root_path`: the path of the line that
// a unit at `unit_path` is counted in: the root's child on the way down (each
// child's whole subtree is its line), or `root_path` itself for the root's own
// dossiers. "" when `unit_path` is not under `root_path`.
std::string LineOf(std::string_view root_path, std::string_view unit_path);

// The columns of the statistics table, on the page and in the spreadsheet, in
// order; each one's heading is the catalogue text desk.stats.col.<name>.
enum class StatsValue { kCount, kRate, kHours };
struct StatsColumn {
  std::string_view name;
  StatsValue kind;
  // A count; a rate as a fraction; working hours. nullopt: not defined (nothing resolved).
  std::optional<double> (*value)(const StatsFigures&);
};
std::span<const StatsColumn> StatsColumns();
// A cell as people read it: "1.234", "95,2 %", "12,5", or "—" when undefined.
std::string FormatStatsValue(const StatsColumn& c, const StatsFigures& f);

// "1.234.567": a count with the Vietnamese thousands separator.
std::string FormatCount(int64_t n);
// "95,2 %": a fraction in [0, 1] with one decimal and a decimal comma.
std::string FormatPercent(double fraction);
// "12,5": a non-negative value with one decimal and a decimal comma.
std::string FormatOneDecimal(double value);

}  // namespace fg::desk
