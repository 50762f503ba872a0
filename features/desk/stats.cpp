#include "features/desk/stats.h"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "platform/errors.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using namespace std::chrono;

constexpr std::string_view kGroupNames[] = {"unit", "procedure", "official", "month"};

std::string MonthText(year_month ym) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", int(ym.year()), unsigned(ym.month()));
  return buf;
}

sys_days LastDay(year_month ym) { return sys_days{ym / last}; }

// "12,5" from tenths.
std::string OneDecimal(int64_t tenths) {
  const std::string whole = std::to_string(tenths / 10);
  return whole + "," + std::to_string(tenths % 10);
}

std::optional<double> Num(int64_t n) { return static_cast<double>(n); }

constexpr StatsColumn kColumns[] = {
    {"received", StatsValue::kCount, [](const StatsFigures& f) { return Num(f.n.received); }},
    {"resolved", StatsValue::kCount, [](const StatsFigures& f) { return Num(f.resolved()); }},
    {"early", StatsValue::kCount, [](const StatsFigures& f) { return Num(f.n.resolved_early); }},
    {"on_time", StatsValue::kCount, [](const StatsFigures& f) { return Num(f.n.resolved_on_time); }},
    {"late", StatsValue::kCount, [](const StatsFigures& f) { return Num(f.n.resolved_late); }},
    {"rate", StatsValue::kRate, [](const StatsFigures& f) { return OnTimeRate(f.n); }},
    {"average", StatsValue::kHours,
     [](const StatsFigures& f) -> std::optional<double> {
       auto s = AverageResolveSeconds(f.n);
       if (!s) return std::nullopt;
       return static_cast<double>(*s) / 3600.0;
     }},
    {"open_on_time", StatsValue::kCount, [](const StatsFigures& f) { return Num(f.open_on_time); }},
    {"open_overdue", StatsValue::kCount, [](const StatsFigures& f) { return Num(f.open_overdue); }},
    {"refused", StatsValue::kCount, [](const StatsFigures& f) { return Num(f.n.refused); }},
    {"withdrawn", StatsValue::kCount, [](const StatsFigures& f) { return Num(f.n.withdrawn); }},
    {"stopped", StatsValue::kCount, [](const StatsFigures& f) { return Num(f.n.stopped); }},
    {"returned", StatsValue::kCount, [](const StatsFigures& f) { return Num(f.n.returned); }},
    {"apologies", StatsValue::kCount, [](const StatsFigures& f) { return Num(f.n.apologies); }},
    {"supplements", StatsValue::kCount, [](const StatsFigures& f) { return Num(f.n.supplements); }},
};

}  // namespace

std::span<const StatsColumn> StatsColumns() { return kColumns; }

std::string FormatStatsValue(const StatsColumn& c, const StatsFigures& f) {
  const auto v = c.value(f);
  if (!v) return "—";
  switch (c.kind) {
    case StatsValue::kCount: return FormatCount(std::llround(*v));
    case StatsValue::kRate: return FormatPercent(*v);
    case StatsValue::kHours: return FormatOneDecimal(*v);
  }
  return "";
}

std::string_view StatsGroupName(StatsGroup g) { return kGroupNames[static_cast<size_t>(g)]; }

std::optional<StatsGroup> ParseStatsGroup(std::string_view s) {
  for (size_t i = 0; i < std::size(kGroupNames); ++i)
    if (kGroupNames[i] == s) return static_cast<StatsGroup>(i);
  return std::nullopt;
}

StatsPeriod ValidateStatsPeriod(const std::string& from_in, const std::string& to_in, std::string_view today_in) {
  const sys_days today = ParseIsoDate(today_in).value_or(sys_days{});
  const year_month this_month = year_month_day{today}.year() / year_month_day{today}.month();
  Problems p;
  auto date = [&](const std::string& text, sys_days fallback, const char* field) -> std::optional<sys_days> {
    if (text.empty()) return fallback;
    auto d = ParseIsoDate(text);
    if (!d) p.add(BadInput("error.bad_date", field));
    return d;
  };
  const auto from = date(from_in, sys_days{this_month / 1}, "from");
  const auto to = date(to_in, LastDay(this_month), "to");
  if (from && to) {
    if (*to < *from) {
      p.add(BadInput("desk.stats.to_before_from", "to"));
    } else {
      const year_month_day f{*from};
      // At most kStatsMaxYears years: 01/01/2021 to 31/12/2025 is the longest from 01/01/2021.
      const sys_days limit = sys_days{year_month_day{f.year() + years{kStatsMaxYears}, f.month(), f.day()}};
      if (*to >= limit)
        p.add(BadInput("desk.stats.period_too_long", "to", {{"years", std::to_string(kStatsMaxYears)}}));
    }
  }
  p.raise_if_any();
  return {FormatIsoDate(*from), FormatIsoDate(*to)};
}

StatsSpans SplitPeriod(const StatsPeriod& p) {
  const sys_days from = *ParseIsoDate(p.from), to = *ParseIsoDate(p.to);
  const year_month_day f{from}, t{to};
  const year_month first = f.year() / f.month(), last_month = t.year() / t.month();
  // The first and last whole months inside [from, to].
  const year_month whole_from = f.day() == day{1} ? first : first + months{1};
  const year_month whole_to = to == LastDay(last_month) ? last_month : last_month - months{1};
  StatsSpans s;
  if (whole_from > whole_to) {  // no whole month: the days themselves
    s.days.emplace_back(p.from, p.to);
    return s;
  }
  s.months_from = MonthText(whole_from);
  s.months_to = MonthText(whole_to);
  if (whole_from != first) s.days.emplace_back(p.from, FormatIsoDate(LastDay(first)));
  if (whole_to != last_month) s.days.emplace_back(FormatIsoDate(sys_days{last_month / 1}), p.to);
  return s;
}

StatsSource SourceOf(StatsGroup by, bool procedure_filter, bool official_filter) {
  const bool procedure = by == StatsGroup::kProcedure || procedure_filter;
  const bool official = by == StatsGroup::kOfficial || official_filter;
  if (procedure && official) return StatsSource::kDaysOnly;
  return procedure ? StatsSource::kMonthProcedures : StatsSource::kMonthOfficials;
}

std::vector<std::string> MonthsOf(const StatsPeriod& p) {
  const year_month_day f{*ParseIsoDate(p.from)}, t{*ParseIsoDate(p.to)};
  std::vector<std::string> out;
  for (year_month m = f.year() / f.month(); m <= t.year() / t.month(); m += months{1}) out.push_back(MonthText(m));
  return out;
}

std::optional<double> OnTimeRate(const Counters& n) {
  const int64_t resolved = n.resolved_early + n.resolved_on_time + n.resolved_late;
  if (resolved <= 0) return std::nullopt;
  return static_cast<double>(n.resolved_early + n.resolved_on_time) / static_cast<double>(resolved);
}

std::optional<int64_t> AverageResolveSeconds(const Counters& n) {
  const int64_t resolved = n.resolved_early + n.resolved_on_time + n.resolved_late;
  if (resolved <= 0) return std::nullopt;
  return (n.resolved_seconds + resolved / 2) / resolved;
}

std::string LineOf(std::string_view root_path, std::string_view unit_path) {
  if (unit_path.substr(0, root_path.size()) != root_path) return "";
  if (unit_path.size() == root_path.size()) return std::string(root_path);
  const size_t end = unit_path.find('/', root_path.size());
  if (end == std::string_view::npos) return "";
  return std::string(unit_path.substr(0, end + 1));
}

std::string FormatCount(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string FormatPercent(double fraction) { return OneDecimal(std::llround(fraction * 1000)) + " %"; }
std::string FormatOneDecimal(double value) { return OneDecimal(std::llround(value * 10)); }

}  // namespace fg::desk
