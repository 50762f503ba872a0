#include "features/calendar/lunar.h"

#include <gtest/gtest.h>

#include "features/calendar/rules.h"
#include "features/calendar/testing.h"
#include "platform/time.h"

namespace fg::calendar {
namespace {

using namespace std::chrono;

using testing::D;

TEST(Lunar, TetDatesOfTheVietnameseCalendar) {
  EXPECT_EQ(ToSolar({1, 1, 2024, false}), D(2024, 2, 10));
  EXPECT_EQ(ToSolar({1, 1, 2025, false}), D(2025, 1, 29));
  EXPECT_EQ(ToSolar({1, 1, 2026, false}), D(2026, 2, 17));
  EXPECT_EQ(ToSolar({1, 1, 2027, false}), D(2027, 2, 6));
  EXPECT_EQ(ToLunar(D(2026, 2, 17)), (LunarDate{1, 1, 2026, false}));
}

TEST(Lunar, DiffersFromTheChineseCalendarWhereUtc7Matters) {
  // Tết 1985 was 21 January in Việt Nam but 20 February in China; 2007: 17 vs 18 February;
  // 1968 (Mậu Thân): 29 vs 30 January.
  EXPECT_EQ(ToSolar({1, 1, 1985, false}), D(1985, 1, 21));
  EXPECT_EQ(ToSolar({1, 1, 2007, false}), D(2007, 2, 17));
  EXPECT_EQ(ToSolar({1, 1, 1968, false}), D(1968, 1, 29));
}

TEST(Lunar, HungKingsCommemoration) {
  EXPECT_EQ(ToSolar({10, 3, 2026, false}), D(2026, 4, 26));
  EXPECT_EQ(ToSolar({10, 3, 2025, false}), D(2025, 4, 7));
  EXPECT_EQ(ToSolar({10, 3, 2024, false}), D(2024, 4, 18));
}

TEST(Lunar, LeapMonths) {
  EXPECT_EQ(ToSolar({1, 2, 2023, true}), D(2023, 3, 22));  // nhuận tháng 2 Quý Mão
  EXPECT_EQ(ToSolar({1, 6, 2025, true}), D(2025, 7, 25));  // nhuận tháng 6 Ất Tỵ
  EXPECT_EQ(ToSolar({1, 4, 2020, true}), D(2020, 5, 23));  // nhuận tháng 4 Canh Tý
  EXPECT_EQ(ToLunar(D(2025, 7, 25)), (LunarDate{1, 6, 2025, true}));
  EXPECT_EQ(ToSolar({1, 5, 2025, true}), std::nullopt);  // 2025 has no leap 5th month
  EXPECT_EQ(ToSolar({1, 6, 2026, true}), std::nullopt);  // 2026 has no leap month
}

TEST(Lunar, ImpossibleDates) {
  // The 12th month of Giáp Thìn had 29 days: 2025-01-28 was its last day.
  EXPECT_EQ(ToLunar(D(2025, 1, 28)), (LunarDate{29, 12, 2024, false}));
  EXPECT_EQ(ToSolar({30, 12, 2024, false}), std::nullopt);
  EXPECT_EQ(ToSolar({0, 1, 2026, false}), std::nullopt);
  EXPECT_EQ(ToSolar({1, 13, 2026, false}), std::nullopt);
  EXPECT_EQ(ToSolar({1, 1, 2200, false}), std::nullopt);
}

// Every day 1900-2199: solar -> lunar -> solar is the identity, and lunar dates
// advance by one day, or start a new month of 29 or 30 days.
TEST(LunarProperty, RoundTripAndContinuityOverEveryDay) {
  const sys_days first = D(1900, 2, 1), last = D(2199, 12, 31);
  LunarDate prev = ToLunar(first - days{1});
  int failures = 0;
  for (sys_days d = first; d <= last && failures < 5; d += days{1}) {
    LunarDate l = ToLunar(d);
    auto back = ToSolar(l);
    if (back != d) {
      ADD_FAILURE() << "round trip fails at " << FormatIsoDate(d);
      ++failures;
    }
    bool next_day = l.day == prev.day + 1 && l.month == prev.month && l.year == prev.year && l.leap == prev.leap;
    bool new_month = l.day == 1 && (prev.day == 29 || prev.day == 30);
    if (!next_day && !new_month) {
      ADD_FAILURE() << "discontinuity at " << FormatIsoDate(d);
      ++failures;
    }
    prev = l;
  }
}

}  // namespace
}  // namespace fg::calendar
