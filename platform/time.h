// Instants are stored as UTC text "YYYY-MM-DDTHH:MM:SSZ" (sorts as text in
// both backends) and shown in Asia/Ho_Chi_Minh (UTC+7, no DST).
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace fg {

using SysSeconds = std::chrono::sys_seconds;

SysSeconds Now();
// Tests move the clock; pass nullopt to return to the system clock.
void SetClockForTesting(std::optional<SysSeconds> fixed);

std::string FormatUtc(SysSeconds t);  // 2026-11-23T04:30:00Z
std::string NowUtcText();
std::optional<SysSeconds> ParseUtc(std::string_view s);
std::string FormatLocal(std::string_view utc_text);       // 23/11/2026 11:30 (UTC+7)
std::string FormatDayMonthYear(std::chrono::sys_days d);  // 23/11/2026
// A "YYYY-MM-DD" date as people read it: "23/11/2026"; any other text unchanged.
std::string DisplayDate(std::string_view iso);
// "17/02/2026" or "17/2/2026" (as spreadsheets write dates in Việt Nam) as
// "2026-02-17"; any other text unchanged, for the date check to judge.
std::string IsoFromDayMonthYear(std::string_view s);
// "YYYY-MM-DD" that is a real calendar date.
bool IsIsoDate(std::string_view s);
std::optional<std::chrono::sys_days> ParseIsoDate(std::string_view s);
std::string FormatIsoDate(std::chrono::sys_days d);
// RFC 3339 with an offset ("2026-02-13T16:10:00+07:00", "...Z", optional fraction, dropped).
std::optional<SysSeconds> ParseRfc3339(std::string_view s);
// RFC 3339 at UTC+7: 2026-02-25T17:00:00+07:00.
std::string FormatRfc3339Local(SysSeconds t);
// "HH:MM" (00:00-24:00) as seconds after midnight.
std::optional<int> ParseClock(std::string_view s);
std::string FormatClock(int seconds);
std::string TodayLocalIso();  // today's date in UTC+7

// Wall-clock time in Việt Nam: UTC+7 all year (no daylight saving).
inline constexpr std::chrono::seconds kLocalOffset{7 * 3600};
struct LocalTime {
  std::chrono::sys_days date;
  int seconds;  // after local midnight
};
inline LocalTime ToLocal(SysSeconds t) {
  const auto local = t + kLocalOffset;
  const auto date = std::chrono::floor<std::chrono::days>(local);
  return {date, static_cast<int>((local - date).count())};
}
inline SysSeconds FromLocal(std::chrono::sys_days date, int seconds) {
  return SysSeconds{date} + std::chrono::seconds{seconds} - kLocalOffset;
}

}  // namespace fg
