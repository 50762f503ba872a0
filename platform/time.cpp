#include "platform/time.h"

#include <algorithm>

#include <atomic>

#include <fmt/compile.h>
#include <fmt/format.h>

namespace fg {
namespace {
std::atomic<int64_t> g_fixed{INT64_MIN};
using namespace std::chrono;

// Reads exactly `n` digits at `pos`.
std::optional<int> Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}
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
  const int y = static_cast<int>(ymd.year());
  if (y < 0 || y > 9999)
    return fmt::format(FMT_COMPILE("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z"), y, static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()), static_cast<long>(hms.hours().count()),
                       static_cast<long>(hms.minutes().count()), static_cast<long>(hms.seconds().count()));
  // Digit by digit: several times per write, each a different instant
  // (received, due, now), where fmt's padded fields cost about 1,400
  // instructions a call.
  std::string out = "0000-00-00T00:00:00Z";
  auto two = [&out](size_t at, long v) {
    out[at] = static_cast<char>('0' + v / 10);
    out[at + 1] = static_cast<char>('0' + v % 10);
  };
  two(0, y / 100);
  two(2, y % 100);
  two(5, static_cast<unsigned>(ymd.month()));
  two(8, static_cast<unsigned>(ymd.day()));
  two(11, hms.hours().count());
  two(14, hms.minutes().count());
  two(17, hms.seconds().count());
  return out;
}

std::string NowUtcText() { return FormatUtc(Now()); }

std::optional<SysSeconds> ParseUtc(std::string_view s) {
  // Exactly what FormatUtc writes (sscanf's %d took signs, spaces, short fields and trailing text).
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
    return std::nullopt;
  auto y = Digits(s, 0, 4), mo = Digits(s, 5, 2), d = Digits(s, 8, 2);
  auto h = Digits(s, 11, 2), mi = Digits(s, 14, 2), se = Digits(s, 17, 2);
  if (!y || !mo || !d || !h || !mi || !se) return std::nullopt;
  year_month_day ymd{year{*y}, month{static_cast<unsigned>(*mo)}, day{static_cast<unsigned>(*d)}};
  if (!ymd.ok() || *h > 23 || *mi > 59 || *se > 60) return std::nullopt;
  return sys_days{ymd} + hours{*h} + minutes{*mi} + seconds{*se};
}

std::string FormatLocal(std::string_view utc_text) {
  auto t = ParseUtc(utc_text);
  if (!t) return std::string(utc_text);
  const LocalTime local = ToLocal(*t);
  return FormatDayMonthYear(local.date) + " " + FormatClock(local.seconds);
}

std::string FormatDayMonthYear(sys_days d) {
  year_month_day ymd{d};
  return fmt::format(FMT_COMPILE("{:02}/{:02}/{:04}"), static_cast<unsigned>(ymd.day()),
                     static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
}

std::optional<sys_days> ParseIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = Digits(s, 0, 4), m = Digits(s, 5, 2), d = Digits(s, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  year_month_day ymd{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

bool IsIsoDate(std::string_view s) { return ParseIsoDate(s).has_value(); }

std::string FormatIsoDate(sys_days d) {
  year_month_day ymd{d};
  return fmt::format(FMT_COMPILE("{:04}-{:02}-{:02}"), static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::optional<SysSeconds> ParseRfc3339(std::string_view s) {
  if (s.size() < 20 || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':') return std::nullopt;
  auto date = ParseIsoDate(s.substr(0, 10));
  auto h = Digits(s, 11, 2), mi = Digits(s, 14, 2), se = Digits(s, 17, 2);
  if (!date || !h || !mi || !se || *h > 23 || *mi > 59 || *se > 59) return std::nullopt;
  size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    size_t start = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == start || pos - start > 9) return std::nullopt;
  }
  if (pos >= s.size()) return std::nullopt;
  int offset = 0;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    auto oh = Digits(s, pos + 1, 2), om = Digits(s, pos + 4, 2);
    if (!oh || !om || pos + 3 >= s.size() || s[pos + 3] != ':' || *oh > 23 || *om > 59) return std::nullopt;
    offset = (*oh * 60 + *om) * 60 * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  return SysSeconds{*date} + hours{*h} + minutes{*mi} + seconds{*se} - seconds{offset};
}

std::string FormatRfc3339Local(SysSeconds t) {
  const LocalTime local = ToLocal(t);
  const year_month_day ymd{local.date};
  return fmt::format(FMT_COMPILE("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+07:00"), static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), local.seconds / 3600,
                     local.seconds / 60 % 60, local.seconds % 60);
}

std::optional<int> ParseClock(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  auto h = Digits(s, 0, 2), m = Digits(s, 3, 2);
  if (!h || !m || *m > 59 || *h > 24 || (*h == 24 && *m != 0)) return std::nullopt;
  return (*h * 60 + *m) * 60;
}

std::string FormatClock(int seconds) {
  return fmt::format(FMT_COMPILE("{:02}:{:02}"), seconds / 3600, seconds / 60 % 60);
}

std::string TodayLocalIso() { return FormatIsoDate(ToLocal(Now()).date); }

std::string DisplayDate(std::string_view iso) {
  auto d = ParseIsoDate(iso);
  return d ? FormatDayMonthYear(*d) : std::string(iso);
}

std::string IsoFromDayMonthYear(std::string_view s) {
  const size_t a = s.find('/'), b = a == std::string_view::npos ? a : s.find('/', a + 1);
  if (b == std::string_view::npos || s.find('/', b + 1) != std::string_view::npos) return std::string(s);
  auto part = [](std::string_view p, size_t min, size_t max) {
    bool digits = p.size() >= min && p.size() <= max &&
                  std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
    return digits ? std::string(max - p.size(), '0') + std::string(p) : std::string();
  };
  std::string d = part(s.substr(0, a), 1, 2), m = part(s.substr(a + 1, b - a - 1), 1, 2),
              y = part(s.substr(b + 1), 4, 4);
  if (d.empty() || m.empty() || y.empty()) return std::string(s);
  return y + "-" + m + "-" + d;
}

}  // namespace fg
