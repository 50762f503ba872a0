#include "features/calendar/rules.h"

#include <algorithm>
#include <map>
#include <set>

#include "features/calendar/lunar.h"

namespace fg::calendar {
namespace {

using namespace std::chrono;

Date Ymd(int y, unsigned m, unsigned d) { return Date{year{y} / month{m} / day{d}}; }
bool IsWeekend(Date d) {
  weekday w{d};
  return w == Saturday || w == Sunday;
}

DayEntry Holiday(Date d, std::string key, const LawVersion& law) {
  DayEntry e;
  e.date = d;
  e.kind = DayKind::kHoliday;
  e.key = std::move(key);
  e.reference = law.reference_key;
  return e;
}

}  // namespace

std::string_view KindName(DayKind k) {
  switch (k) {
    case DayKind::kHoliday: return "holiday";
    case DayKind::kCompensatory: return "compensatory";
    case DayKind::kSwap: return "swap";
    case DayKind::kMakeupWorkday: return "makeup_workday";
    case DayKind::kWorkday: return "workday";
  }
  return "holiday";
}

std::optional<DayKind> ParseKind(std::string_view s) {
  for (DayKind k : kAllKinds)
    if (KindName(k) == s) return k;
  return std::nullopt;
}

bool IsDayOff(DayKind k) { return k == DayKind::kHoliday || k == DayKind::kCompensatory || k == DayKind::kSwap; }

const std::vector<LawVersion>& LawVersions() {
  static const std::vector<LawVersion> kVersions = {
      {Ymd(1995, 1, 1), "calendar.law.1994", 4, false, 1},
      {Ymd(2007, 4, 2), "calendar.law.2007", 4, true, 1},
      {Ymd(2013, 5, 1), "calendar.law.2012", 5, true, 1},
      {Ymd(2021, 1, 1), "calendar.law.2019", 5, true, 2},
  };
  return kVersions;
}

const LawVersion& LawInForce(Date d) {
  const auto& v = LawVersions();
  const LawVersion* in_force = &v.front();
  for (const auto& l : v)
    if (l.effective <= d) in_force = &l;
  return *in_force;
}

std::vector<DayEntry> StatutoryDays(int y) {
  std::vector<DayEntry> out;
  auto fixed = [&](unsigned m, unsigned d, const char* key) {
    Date date = Ymd(y, m, d);
    out.push_back(Holiday(date, key, LawInForce(date)));
  };
  fixed(1, 1, "calendar.holiday.new_year");

  if (auto tet = ToSolar({1, 1, y, false})) {
    const LawVersion& law = LawInForce(*tet);
    out.push_back(Holiday(*tet - days{1}, "calendar.holiday.tet_eve", law));
    for (int i = 0; i < law.tet_days - 1; ++i) out.push_back(Holiday(*tet + days{i}, "calendar.holiday.tet", law));
  }
  if (auto hung = ToSolar({10, 3, y, false}); hung && LawInForce(*hung).hung_kings)
    out.push_back(Holiday(*hung, "calendar.holiday.hung_kings", LawInForce(*hung)));
  fixed(4, 30, "calendar.holiday.reunification");
  fixed(5, 1, "calendar.holiday.labour");
  fixed(9, 2, "calendar.holiday.national");
  const Date national = Ymd(y, 9, 2);
  if (LawInForce(national).national_days == 2) {
    // The law leaves the side to the Prime Minister; the day after when 2/9 is a
    // Monday or Thursday (so the break joins a weekend), otherwise the day before,
    // as decided every year 2021-2026.
    weekday w{national};
    Date adjacent = (w == Monday || w == Thursday) ? national + days{1} : national - days{1};
    out.push_back(Holiday(adjacent, "calendar.holiday.national_extra", LawInForce(national)));
  }
  std::sort(out.begin(), out.end(), [](const DayEntry& a, const DayEntry& b) { return a.date < b.date; });

  // A holiday on a weekly rest day gives a compensatory day on the next working day.
  std::set<Date> taken;
  for (const auto& e : out) taken.insert(e.date);
  std::vector<DayEntry> comp;
  for (const auto& e : out) {
    if (!IsWeekend(e.date)) continue;
    Date d = e.date + days{1};
    while (IsWeekend(d) || taken.count(d)) d += days{1};
    taken.insert(d);
    DayEntry c;
    c.date = d;
    c.kind = DayKind::kCompensatory;
    c.key = "calendar.holiday.compensatory";
    c.of_key = e.key;
    c.reference = e.reference;
    comp.push_back(std::move(c));
  }
  out.insert(out.end(), comp.begin(), comp.end());
  std::sort(out.begin(), out.end(), [](const DayEntry& a, const DayEntry& b) { return a.date < b.date; });
  return out;
}

std::vector<DayEntry> ApplyOverrides(std::vector<DayEntry> generated, const std::vector<DayEntry>& overrides) {
  std::map<Date, DayEntry> by_date;
  for (auto& e : generated) by_date[e.date] = std::move(e);
  for (const auto& o : overrides) {
    if (o.kind == DayKind::kWorkday) {
      by_date.erase(o.date);
      continue;
    }
    DayEntry e = o;
    e.overridden = true;
    by_date[o.date] = std::move(e);
  }
  std::vector<DayEntry> out;
  out.reserve(by_date.size());
  for (auto& [d, e] : by_date) out.push_back(std::move(e));
  return out;
}

std::vector<DayEntry> EffectiveDays(int from_year, int to_year, const std::vector<DayEntry>& overrides) {
  std::vector<DayEntry> generated;
  for (int y = from_year; y <= to_year; ++y) {
    auto days_of_year = StatutoryDays(y);
    generated.insert(generated.end(), days_of_year.begin(), days_of_year.end());
  }
  const Date first = Ymd(from_year, 1, 1), end = Ymd(to_year + 1, 1, 1);
  std::vector<DayEntry> in_range;
  for (const auto& o : overrides)
    if (o.date >= first && o.date < end) in_range.push_back(o);
  auto out = ApplyOverrides(std::move(generated), in_range);
  std::erase_if(out, [&](const DayEntry& e) { return e.date < first || e.date >= end; });
  return out;
}

}  // namespace fg::calendar
