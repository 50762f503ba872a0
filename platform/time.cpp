#include "platform/time.h"

#include <atomic>
#include <cstdio>

namespace fg {
namespace {
std::atomic<int64_t> g_fixed{INT64_MIN};
using namespace std::chrono;
}  // namespace

SysSeconds Now() {
  int64_t f = g_fixed.load();
  if (f != INT64_MIN) return SysSeconds(seconds(f));
  return floor<seconds>(system_clock::now());
}

void SetClockForTesting(std::optional<SysSeconds> fixed) {
  g_fixed.store(fixed ? fixed->time_since_epoch().count() : INT64_MIN);
}

std::string FormatUtc(SysSeconds t) {
  auto dp = floor<days>(t);
  year_month_day ymd{dp};
  hh_mm_ss hms{t - dp};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()));
  return buf;
}

std::string NowUtcText() { return FormatUtc(Now()); }

std::optional<SysSeconds> ParseUtc(std::string_view s) {
  int y, mo, d, h, mi, se;
  char z = 0;
  std::string str(s);
  if (std::sscanf(str.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &se, &z) != 7 || z != 'Z')
    return std::nullopt;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || se > 60) return std::nullopt;
  return sys_days{ymd} + hours{h} + minutes{mi} + seconds{se};
}

std::string FormatLocal(std::string_view utc_text) {
  auto t = ParseUtc(utc_text);
  if (!t) return std::string(utc_text);
  auto local = *t + hours{7};
  auto dp = floor<days>(local);
  year_month_day ymd{dp};
  hh_mm_ss hms{local - dp};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d %02ld:%02ld", static_cast<unsigned>(ymd.day()),
                static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()));
  return buf;
}

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int y = std::stoi(std::string(s.substr(0, 4)));
  unsigned m = std::stoi(std::string(s.substr(5, 2)));
  unsigned d = std::stoi(std::string(s.substr(8, 2)));
  return year_month_day{year{y}, month{m}, day{d}}.ok();
}

std::string TodayLocalIso() { return FormatUtc(Now() + hours{7}).substr(0, 10); }

}  // namespace fg
