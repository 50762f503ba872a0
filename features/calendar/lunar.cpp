#include "features/calendar/lunar.h"

#include <atomic>
#include <cstdint>

#include <cmath>
#include <numbers>

namespace fg::calendar {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

constexpr double kTimeZone = 7.0;
constexpr double kPi = std::numbers::pi;
constexpr double kDr = kPi / 180.0;
constexpr long kUnixEpochJdn = 2440588;  // Julian day number of 1970-01-01
constexpr double kSynodicMonth = 29.530588853;
constexpr double kNewMoon1900 = 2415021.076998695;  // Julian day of the new moon of 1900-01-01

long Jdn(sys_days d) { return d.time_since_epoch().count() + kUnixEpochJdn; }
sys_days FromJdn(long jdn) { return sys_days{days{jdn - kUnixEpochJdn}}; }
long Floor(double x) { return static_cast<long>(std::floor(x)); }

// Julian day of the k-th new moon after 1900-01-01 (Meeus, simplified).
double NewMoon(long k) {
  const double t = k / 1236.85, t2 = t * t, t3 = t2 * t;
  double jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * std::sin((166.56 + 132.87 * t - 0.009173 * t2) * kDr);
  const double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  double c1 = (0.1734 - 0.000393 * t) * std::sin(m * kDr) + 0.0021 * std::sin(2 * kDr * m);
  c1 += -0.4068 * std::sin(mpr * kDr) + 0.0161 * std::sin(kDr * 2 * mpr);
  c1 += -0.0004 * std::sin(kDr * 3 * mpr);
  c1 += 0.0104 * std::sin(kDr * 2 * f) - 0.0051 * std::sin(kDr * (m + mpr));
  c1 += -0.0074 * std::sin(kDr * (m - mpr)) + 0.0004 * std::sin(kDr * (2 * f + m));
  c1 += -0.0004 * std::sin(kDr * (2 * f - m)) - 0.0006 * std::sin(kDr * (2 * f + mpr));
  c1 += 0.0010 * std::sin(kDr * (2 * f - mpr)) + 0.0005 * std::sin(kDr * (2 * mpr + m));
  const double delta_t = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                                 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + c1 - delta_t;
}

// Local day number (JDN) of the k-th new moon.
long NewMoonDay(long k) { return Floor(NewMoon(k) + 0.5 + kTimeZone / 24.0); }

// The sun's apparent longitude in radians, [0, 2pi), at Julian day `jd`.
double SunLongitude(double jd) {
  const double t = (jd - 2451545.0) / 36525, t2 = t * t;
  const double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * std::sin(kDr * m);
  dl += (0.019993 - 0.000101 * t) * std::sin(kDr * 2 * m) + 0.000290 * std::sin(kDr * 3 * m);
  double l = (l0 + dl) * kDr;
  return l - 2 * kPi * std::floor(l / (2 * kPi));
}

// Which of the 12 thirty-degree sectors the sun is in at the start of local day `jdn`.
int SunSector(long jdn) { return static_cast<int>(Floor(SunLongitude(jdn - 0.5 - kTimeZone / 24.0) / kPi * 6)); }

// Day number of the start of the lunar month 11 (the one with the winter solstice) of year `y`.
long Month11(int y) {
  const long off = Jdn(sys_days{std::chrono::year{y} / 12 / 31}) - 2415021;
  const long k = Floor(off / kSynodicMonth);
  long nm = NewMoonDay(k);
  if (SunSector(nm) >= 9) nm = NewMoonDay(k - 1);
  return nm;
}

// In a 13-month year starting at month 11 `a11`: the offset of the leap month
// (the first month without a principal term).
int LeapMonthOffset(long a11) {
  const long k = Floor((a11 - kNewMoon1900) / kSynodicMonth + 0.5);
  int i = 1;
  int arc = SunSector(NewMoonDay(k + i));
  int last;
  do {
    last = arc;
    ++i;
    arc = SunSector(NewMoonDay(k + i));
  } while (arc != last && i < 14);
  return i - 1;
}

// The index k of the new moon that starts the lunar month containing `jdn`.
// The mean-phase estimate can be one off near a new moon, hence the two loops.
long MonthIndexOf(long jdn) {
  long k = Floor((jdn - kNewMoon1900) / kSynodicMonth);
  while (NewMoonDay(k + 1) <= jdn) ++k;
  while (NewMoonDay(k) > jdn) --k;
  return k;
}

long MonthStartOf(long jdn) { return NewMoonDay(MonthIndexOf(jdn)); }

}  // namespace

bool InSupportedRange(std::chrono::year_month_day d) {
  return d.ok() && int(d.year()) >= kFirstYear && int(d.year()) <= kLastYear;
}

namespace {
LunarDate ComputeLunar(sys_days d) {
  const long jdn = Jdn(d);
  const int yy = int(std::chrono::year_month_day{d}.year());
  const long month_start = MonthStartOf(jdn);
  long a11 = Month11(yy), b11 = a11;
  LunarDate out;
  if (a11 >= month_start) {
    out.year = yy;
    a11 = Month11(yy - 1);
  } else {
    out.year = yy + 1;
    b11 = Month11(yy + 1);
  }
  out.day = static_cast<int>(jdn - month_start + 1);
  const int diff = static_cast<int>(Floor((month_start - a11) / 29.0));
  out.month = diff + 11;
  if (b11 - a11 > 365) {
    const int leap_diff = LeapMonthOffset(a11);
    if (diff >= leap_diff) {
      out.month = diff + 10;
      out.leap = diff == leap_diff;
    }
  }
  if (out.month > 12) out.month -= 12;
  if (out.month >= 11 && diff < 4) out.year -= 1;
  return out;
}

int ComputeMonthLength(sys_days d) {
  const long k = MonthIndexOf(Jdn(d));
  return static_cast<int>(NewMoonDay(k + 1) - NewMoonDay(k));
}

// Every conversion is memoised, lazily, in one packed word per day of
// 1900-2199 (110k days, 0.4 MB): a conversion costs ~1.4 µs of trigonometry,
// a cached one a load. Bits: 30-day month 1 | valid 1 | leap 1 | day 5 |
// month 4 | year 12.
constexpr sys_days kCacheFirst = sys_days{std::chrono::year{kFirstYear} / 1 / 1};
constexpr sys_days kCacheEnd = sys_days{std::chrono::year{kLastYear + 1} / 1 / 1};
std::atomic<uint32_t> g_lunar_cache[(kCacheEnd - kCacheFirst).count()];

uint32_t Cached(sys_days d) {
  auto& slot = g_lunar_cache[(d - kCacheFirst).count()];
  uint32_t v = slot.load(std::memory_order_relaxed);
  if (!(v & 1u << 22)) {
    LunarDate l = ComputeLunar(d);
    v = uint32_t{ComputeMonthLength(d) == 30} << 23 | 1u << 22 | uint32_t{l.leap} << 21 | uint32_t(l.day) << 16 |
        uint32_t(l.month) << 12 | uint32_t(l.year);
    slot.store(v, std::memory_order_relaxed);
  }
  return v;
}

bool InCache(sys_days d) { return d >= kCacheFirst && d < kCacheEnd; }
}  // namespace

LunarDate ToLunar(sys_days d) {
  if (!InCache(d)) return ComputeLunar(d);
  uint32_t v = Cached(d);
  return {int(v >> 16 & 31), int(v >> 12 & 15), int(v & 4095), bool(v >> 21 & 1)};
}

int LunarMonthLength(sys_days d) { return InCache(d) ? 29 + int(Cached(d) >> 23 & 1) : ComputeMonthLength(d); }

std::optional<sys_days> ToSolar(const LunarDate& l) {
  if (l.year < kFirstYear || l.year > kLastYear || l.month < 1 || l.month > 12 || l.day < 1 || l.day > 30)
    return std::nullopt;
  long a11, b11;
  if (l.month < 11) {
    a11 = Month11(l.year - 1);
    b11 = Month11(l.year);
  } else {
    a11 = Month11(l.year);
    b11 = Month11(l.year + 1);
  }
  const long k = Floor(0.5 + (a11 - kNewMoon1900) / kSynodicMonth);
  int off = l.month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const int leap_off = LeapMonthOffset(a11);
    int leap_month = leap_off - 2;
    if (leap_month < 0) leap_month += 12;
    if (l.leap && l.month != leap_month) return std::nullopt;
    if (l.leap || off >= leap_off) off += 1;
  } else if (l.leap) {
    return std::nullopt;
  }
  const long start = NewMoonDay(k + off);
  const long next = NewMoonDay(k + off + 1);
  if (l.day > next - start) return std::nullopt;
  return FromJdn(start + l.day - 1);
}

}  // namespace fg::calendar
