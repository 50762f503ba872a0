// The Vietnamese lunisolar calendar by Hồ Ngọc Đức's astronomical algorithm,
// computed for the meridian of UTC+7 (the Chinese calendar uses UTC+8 and
// differs in some years, e.g. Tết 1985 and 2007). Valid for 1900-2199.
#pragma once
#include <chrono>
#include <optional>

namespace fg::calendar {

struct LunarDate {
  int day = 1;    // 1..30
  int month = 1;  // 1..12
  int year = 0;   // the solar year in which the lunar year begins
  bool leap = false;
  bool operator==(const LunarDate&) const = default;
};

inline constexpr int kFirstYear = 1900;
inline constexpr int kLastYear = 2199;

bool InSupportedRange(std::chrono::year_month_day d);

// REQUIRES: InSupportedRange(d).
LunarDate ToLunar(std::chrono::sys_days d);
// nullopt when the lunar date does not exist (no such leap month, day 30 of a
// 29-day month, out of range).
std::optional<std::chrono::sys_days> ToSolar(const LunarDate& l);
// Days in the lunar month that contains `d` (29 or 30).
int LunarMonthLength(std::chrono::sys_days d);

}  // namespace fg::calendar
