#include "features/calendar/rules.h"

#include <gtest/gtest.h>

#include <map>

#include "features/calendar/lunar.h"
#include "features/calendar/testing.h"

namespace fg::calendar {
namespace {

using namespace std::chrono;

using testing::D;
using testing::Decision;

std::map<Date, DayKind> Kinds(const std::vector<DayEntry>& entries) {
  std::map<Date, DayKind> out;
  for (const auto& e : entries) out[e.date] = e.kind;
  return out;
}

TEST(Rules, LabourCode2019In2026) {
  // 1/1; Tết = last day of Ất Tỵ (16/2) + 17-20/2; Hùng Kings 26/4 is a Sunday -> Monday 27/4;
  // 30/4; 1/5; 2/9 (Wednesday) with the day before.
  std::map<Date, DayKind> want = {{D(2026, 1, 1), DayKind::kHoliday},  {D(2026, 2, 16), DayKind::kHoliday},
                                  {D(2026, 2, 17), DayKind::kHoliday}, {D(2026, 2, 18), DayKind::kHoliday},
                                  {D(2026, 2, 19), DayKind::kHoliday}, {D(2026, 2, 20), DayKind::kHoliday},
                                  {D(2026, 4, 26), DayKind::kHoliday}, {D(2026, 4, 27), DayKind::kCompensatory},
                                  {D(2026, 4, 30), DayKind::kHoliday}, {D(2026, 5, 1), DayKind::kHoliday},
                                  {D(2026, 9, 1), DayKind::kHoliday},  {D(2026, 9, 2), DayKind::kHoliday}};
  EXPECT_EQ(Kinds(StatutoryDays(2026)), want);
}

TEST(Rules, EarlierLawsHadOneDayForNationalDayAndFourForTet) {
  auto k2020 = Kinds(StatutoryDays(2020));
  EXPECT_TRUE(k2020.count(D(2020, 9, 2)));
  EXPECT_FALSE(k2020.count(D(2020, 9, 1)));
  EXPECT_FALSE(k2020.count(D(2020, 9, 3)));
  // Tết 2020 (Saturday 25/1): 24/1 + 25-28/1; Saturday and Sunday give 29/1 and 30/1.
  EXPECT_EQ(k2020[D(2020, 1, 29)], DayKind::kCompensatory);
  EXPECT_EQ(k2020[D(2020, 1, 30)], DayKind::kCompensatory);
  EXPECT_FALSE(k2020.count(D(2020, 1, 31)));

  // 2010, Labour Code 1994 as amended in 2007: Tết of four days (13/2 to 16/2), Hùng Kings 23/4.
  auto k2010 = Kinds(StatutoryDays(2010));
  EXPECT_TRUE(k2010.count(D(2010, 2, 13)));
  EXPECT_TRUE(k2010.count(D(2010, 2, 16)));
  EXPECT_EQ(k2010[D(2010, 2, 17)], DayKind::kCompensatory);  // for Saturday 13/2
  EXPECT_EQ(k2010[D(2010, 2, 18)], DayKind::kCompensatory);  // for Sunday 14/2
  EXPECT_EQ(k2010[D(2010, 4, 23)], DayKind::kHoliday);
  // Before the 2007 amendment there was no Hùng Kings holiday.
  auto k2005 = Kinds(StatutoryDays(2005));
  auto hung2005 = *ToSolar({10, 3, 2005, false});
  EXPECT_FALSE(k2005.count(hung2005));
  EXPECT_EQ(LawInForce(D(2021, 1, 1)).national_days, 2);
  EXPECT_EQ(LawInForce(D(2020, 12, 31)).national_days, 1);
}

TEST(Rules, NationalDayAdjacentDayFollowsTheYearlyDecisions) {
  EXPECT_TRUE(Kinds(StatutoryDays(2021)).count(D(2021, 9, 3)));  // Thursday -> Friday
  EXPECT_TRUE(Kinds(StatutoryDays(2022)).count(D(2022, 9, 1)));  // Friday -> Thursday
  EXPECT_TRUE(Kinds(StatutoryDays(2024)).count(D(2024, 9, 3)));  // Monday -> Tuesday
  EXPECT_TRUE(Kinds(StatutoryDays(2025)).count(D(2025, 9, 1)));  // Tuesday -> Monday
  // 2023: 1/9 Friday and 2/9 Saturday, compensated on Monday 4/9.
  auto k2023 = Kinds(StatutoryDays(2023));
  EXPECT_TRUE(k2023.count(D(2023, 9, 1)));
  EXPECT_EQ(k2023[D(2023, 9, 4)], DayKind::kCompensatory);
}

TEST(Rules, OverridesReplaceAndRemove) {
  // Tết 2024 as decided: 8/2 to 14/2 off; the default would also give 15/2.
  auto base = StatutoryDays(2024);
  EXPECT_EQ(Kinds(base)[D(2024, 2, 15)], DayKind::kCompensatory);
  auto eff = ApplyOverrides(
      base, {Decision(D(2024, 2, 8), DayKind::kHoliday), Decision(D(2024, 2, 15), DayKind::kWorkday),
             Decision(D(2024, 4, 29), DayKind::kSwap), Decision(D(2024, 5, 4), DayKind::kMakeupWorkday)});
  auto k = Kinds(eff);
  for (unsigned d = 8; d <= 14; ++d) EXPECT_TRUE(k.count(D(2024, 2, d)) && IsDayOff(k[D(2024, 2, d)])) << d;
  EXPECT_FALSE(k.count(D(2024, 2, 15)));
  EXPECT_EQ(k[D(2024, 4, 29)], DayKind::kSwap);
  EXPECT_EQ(k[D(2024, 5, 4)], DayKind::kMakeupWorkday);
  for (size_t i = 1; i < eff.size(); ++i) EXPECT_LT(eff[i - 1].date, eff[i].date);
}

TEST(Rules, EffectiveDaysKeepsTheRequestedYearsOnly) {
  auto eff =
      EffectiveDays(2026, 2026, {Decision(D(2025, 5, 2), DayKind::kSwap), Decision(D(2026, 1, 2), DayKind::kSwap)});
  ASSERT_FALSE(eff.empty());
  for (const auto& e : eff) EXPECT_EQ(year_month_day{e.date}.year(), year{2026});
  EXPECT_EQ(Kinds(eff)[D(2026, 1, 2)], DayKind::kSwap);
}

TEST(Rules, KindNamesRoundTrip) {
  for (auto k : kAllKinds) EXPECT_EQ(ParseKind(KindName(k)), k);
  EXPECT_EQ(ParseKind("weekend"), std::nullopt);
}

}  // namespace
}  // namespace fg::calendar
