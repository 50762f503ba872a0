#include "features/calendar/engine.h"

#include <gtest/gtest.h>

#include <random>
#include <utility>

#include "features/calendar/lunar.h"
#include "features/calendar/testing.h"
#include "platform/time.h"

namespace fg::calendar {
namespace {

using namespace std::chrono;

using testing::D;
using testing::Decision;
// Local time UTC+7.
Instant T(int y, unsigned m, unsigned d, int hh, int mm) { return FromLocal(D(y, m, d), (hh * 60 + mm) * 60); }
// The 2026 decisions: 2/1 swapped with Saturday 10/1; 31/8 swapped.
std::vector<DayEntry> Days2026() {
  return EffectiveDays(kFirstYear, kLastYear,
                       {Decision(D(2026, 1, 2), DayKind::kSwap), Decision(D(2026, 1, 10), DayKind::kMakeupWorkday),
                        Decision(D(2026, 8, 31), DayKind::kSwap)});
}

class Engine : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { days_ = new std::vector<DayEntry>(Days2026()); }
  static void TearDownTestSuite() { delete days_; }
  static WorkCalendar Cal(WorkWeek w = {}) { return WorkCalendar(*days_, std::move(w)); }
  static DueResult Days(const WorkCalendar& c, Instant at, int n, std::vector<Pause> pauses = {}) {
    return c.Due({at, LimitUnit::kDays, n, 15 * 3600, std::move(pauses)});
  }
  static std::vector<DayEntry>* days_;
};
std::vector<DayEntry>* Engine::days_ = nullptr;

TEST_F(Engine, WorkingDays) {
  auto c = Cal();
  EXPECT_FALSE(c.IsWorkingDay(D(2026, 1, 2)));  // swapped
  EXPECT_TRUE(c.IsWorkingDay(D(2026, 1, 10)));  // make-up Saturday
  EXPECT_FALSE(c.IsWorkingDay(D(2026, 2, 20)));
  EXPECT_FALSE(c.IsWorkingDay(D(2026, 4, 27)));  // compensatory for Hùng Kings
  EXPECT_EQ(c.NextWorkingDay(D(2026, 2, 13)), D(2026, 2, 23));
  EXPECT_EQ(c.NextWorkingDay(D(2026, 1, 9)), D(2026, 1, 10));
  // February 2026 has 20 weekdays, 5 of them Tết.
  EXPECT_EQ(c.WorkingDaysBetween(D(2026, 2, 1), D(2026, 3, 1)), 15);
  EXPECT_EQ(c.WorkingDaysBetween(D(2026, 3, 1), D(2026, 2, 1)), -15);
  EXPECT_TRUE(c.IsLastWorkingDayOfWeek(D(2026, 3, 6)));  // a Friday
  EXPECT_FALSE(c.IsLastWorkingDayOfWeek(D(2026, 3, 5)));
  EXPECT_TRUE(c.IsLastWorkingDayOfWeek(D(2026, 4, 29)));  // Wednesday before 30/4 and 1/5
  EXPECT_FALSE(c.IsLastWorkingDayOfWeek(D(2026, 1, 9)));  // Friday before a make-up Saturday
}

TEST_F(Engine, AfterTheCutOffTheClockStartsOnTheNextWorkingDay) {
  // The example: Friday 13/2/2026 16:10, 3 working days, Tết 14-22/2.
  auto r = Days(Cal(), T(2026, 2, 13, 16, 10), 3);
  EXPECT_EQ(r.starts_at, T(2026, 2, 23, 7, 30));
  EXPECT_EQ(r.due_at, T(2026, 2, 25, 17, 0));
  EXPECT_EQ(r.warning_at, T(2026, 2, 24, 17, 0));
  // Before the cut-off the clock starts at receipt and the due time keeps the time of day.
  r = Days(Cal(), T(2026, 3, 2, 9, 15), 3);
  EXPECT_EQ(r.starts_at, T(2026, 3, 2, 9, 15));
  EXPECT_EQ(r.due_at, T(2026, 3, 5, 9, 15));
  EXPECT_EQ(Days(Cal(), T(2026, 3, 2, 6, 0), 1).starts_at, T(2026, 3, 2, 7, 30));
  EXPECT_EQ(Days(Cal(), T(2026, 3, 2, 12, 0), 1).starts_at, T(2026, 3, 2, 13, 30));
  EXPECT_EQ(Days(Cal(), T(2026, 3, 7, 9, 0), 1).due_at, T(2026, 3, 9, 17, 0));  // received on a Saturday
  // At the cut-off itself the day still counts; a second later it does not.
  EXPECT_EQ(Days(Cal(), T(2026, 3, 2, 15, 0), 1).starts_at, T(2026, 3, 2, 15, 0));
  EXPECT_EQ(Days(Cal(), T(2026, 3, 2, 15, 0) + seconds{1}, 1).starts_at, T(2026, 3, 3, 7, 30));
  // A custom cut-off.
  auto c = Cal();
  EXPECT_EQ(c.Due({T(2026, 3, 2, 15, 30), LimitUnit::kDays, 1, 16 * 3600, {}}).due_at, T(2026, 3, 3, 15, 30));
}

TEST_F(Engine, HoursAreEighthsOfAWorkingDay) {
  auto c = Cal();
  // 4 legal hours = half of 7.5 working hours = 3h45: 09:00 -> 11:30 (2h30), 13:30 -> 14:45.
  EXPECT_EQ(c.Due({T(2026, 3, 2, 9, 0), LimitUnit::kHours, 4, 15 * 3600, {}}).due_at, T(2026, 3, 2, 14, 45));
  EXPECT_EQ(c.Due({T(2026, 3, 2, 9, 0), LimitUnit::kHours, 8, 15 * 3600, {}}).due_at, T(2026, 3, 3, 9, 0));
  WorkWeek six;
  six.hours_per_day = 6;
  EXPECT_EQ(Cal(six).Due({T(2026, 3, 2, 9, 0), LimitUnit::kHours, 6, 15 * 3600, {}}).due_at, T(2026, 3, 3, 9, 0));
}

TEST_F(Engine, SameDayAndTheNoFridayRule) {
  auto c = Cal();
  auto same = [](const WorkCalendar& cal, Instant at) {
    return cal.Due({at, LimitUnit::kSameDay, 0, 15 * 3600, {}}).due_at;
  };
  EXPECT_EQ(same(c, T(2026, 3, 2, 10, 0)), T(2026, 3, 2, 17, 0));
  EXPECT_EQ(same(c, T(2026, 3, 2, 15, 30)), T(2026, 3, 3, 17, 0));
  EXPECT_EQ(same(c, T(2026, 3, 6, 15, 30)), T(2026, 3, 9, 17, 0));  // Friday -> Monday
  WorkWeek rule;
  rule.no_friday_rule = true;
  auto f = Cal(rule);
  EXPECT_EQ(same(f, T(2026, 3, 6, 15, 30)), T(2026, 3, 6, 17, 0));   // Friday after cut-off: that day
  EXPECT_EQ(same(f, T(2026, 3, 5, 15, 30)), T(2026, 3, 6, 17, 0));   // Thursday: the rule does not apply
  EXPECT_EQ(same(f, T(2026, 4, 29, 16, 0)), T(2026, 4, 29, 17, 0));  // last working day before 30/4
  EXPECT_EQ(same(f, T(2026, 3, 6, 17, 30)), T(2026, 3, 9, 17, 0));   // after closing: next working day
  // The rule is for same-day procedures only.
  EXPECT_EQ(Days(f, T(2026, 3, 6, 15, 30), 1).due_at, T(2026, 3, 9, 17, 0));
}

TEST_F(Engine, PausesAreExcluded) {
  auto c = Cal();
  // Monday 08:00 + 2 days = Wednesday 08:00; a one-working-day pause moves it to Thursday 08:00.
  auto r = Days(c, T(2026, 3, 2, 8, 0), 2, {{T(2026, 3, 3, 8, 0), T(2026, 3, 4, 8, 0)}});
  EXPECT_EQ(r.due_at, T(2026, 3, 5, 8, 0));
  EXPECT_EQ(r.paused_seconds, c.SecondsPerDay());
  // Non-working time inside a pause does not count twice: Friday 16:00 -> Monday 08:00 is 1h30.
  r = Days(c, T(2026, 3, 2, 8, 0), 5, {{T(2026, 3, 6, 16, 0), T(2026, 3, 9, 8, 0)}});
  EXPECT_EQ(r.paused_seconds, 90 * 60);
  // A pause before the clock starts (received after the cut-off) excludes nothing.
  r = Days(c, T(2026, 3, 2, 16, 0), 1, {{T(2026, 3, 2, 16, 10), T(2026, 3, 2, 16, 50)}});
  EXPECT_EQ(r.paused_seconds, 0);
  EXPECT_EQ(r.due_at, T(2026, 3, 3, 17, 0));
  // A pause that begins after the dossier is due is rejected, naming the pause.
  try {
    Days(c, T(2026, 3, 2, 8, 0), 1, {{T(2026, 3, 10, 8, 0), T(2026, 3, 11, 8, 0)}});
    FAIL() << "expected an error";
  } catch (const EngineError& e) {
    EXPECT_EQ(e.key, "calendar.pause_after_due");
    EXPECT_EQ(e.field, "pauses[0].from");
  }
}

TEST_F(Engine, ElapsedAndTimeliness) {
  auto c = Cal();
  EXPECT_EQ(c.Elapsed(T(2026, 3, 6, 16, 0), T(2026, 3, 9, 8, 30)), 2 * 3600);
  EXPECT_EQ(c.Elapsed(T(2026, 3, 2, 7, 30), T(2026, 3, 3, 7, 30)), c.SecondsPerDay());
  EXPECT_EQ(c.Elapsed(T(2026, 3, 2, 7, 30), T(2026, 3, 3, 7, 30), {{T(2026, 3, 2, 13, 0), T(2026, 3, 2, 14, 0)}}),
            c.SecondsPerDay() - 1800);
  const Instant due = T(2026, 3, 5, 9, 15);
  EXPECT_EQ(WorkCalendar::Classify(T(2026, 3, 4, 16, 0), due), Timeliness::kEarly);
  EXPECT_EQ(WorkCalendar::Classify(T(2026, 3, 5, 8, 0), due), Timeliness::kOnTime);
  EXPECT_EQ(WorkCalendar::Classify(due, due), Timeliness::kOnTime);
  EXPECT_EQ(WorkCalendar::Classify(T(2026, 3, 5, 9, 16), due), Timeliness::kLate);
}

TEST_F(Engine, OutOfRangeAndBadWeeks) {
  auto c = Cal();
  EXPECT_THROW(Days(c, T(1899, 12, 31, 9, 0), 1), EngineError);
  EXPECT_THROW(Days(c, T(2199, 12, 30, 9, 0), 10), EngineError);
  WorkWeek w;
  w.sessions = {{10 * 3600, 9 * 3600}};
  EXPECT_EQ(CheckWorkWeek(w), "calendar.week.bad_sessions");
  w = {};
  w.rest_days = 0x7f;
  EXPECT_EQ(CheckWorkWeek(w), "calendar.week.bad_rest_days");
  EXPECT_EQ(CheckWorkWeek(WorkWeek{}), "");
}

bool InWorkingHours(const WorkCalendar& c, Instant t) {
  const auto [day, sec] = ToLocal(t);
  if (!c.IsWorkingDay(day)) return false;
  for (const auto& s : c.week().sessions)
    if (sec >= s.start && sec <= s.end) return true;
  return false;
}

// Over every day 1900-2199 (but the last weeks): the due instant lies in working
// hours and never moves earlier when the receipt is later.
TEST_F(Engine, PropertyDueInWorkingHoursAndMonotonicInReceipt) {
  auto c = Cal();
  const int times[] = {6 * 60, 9 * 60 + 15, 11 * 60 + 45, 14 * 60 + 59, 15 * 60, 16 * 60 + 30, 20 * 60};
  Instant prev_due = Instant::min();
  Instant prev_same = Instant::min();
  int failures = 0;
  for (Date d = D(1900, 1, 1); d < D(2199, 12, 1) && failures < 5; d += days{1}) {
    for (int m : times) {
      Instant at = FromLocal(d, m * 60);
      auto r = Days(c, at, 3);
      auto same = c.Due({at, LimitUnit::kSameDay, 0, 15 * 3600, {}}).due_at;
      bool ok = InWorkingHours(c, r.due_at) && InWorkingHours(c, same) && InWorkingHours(c, r.starts_at) &&
                r.due_at >= prev_due && same >= prev_same && r.starts_at >= at && r.warning_at <= r.due_at;
      if (!ok) {
        ADD_FAILURE() << "property fails for receipt " << FormatIsoDate(d) << " minute " << m;
        ++failures;
      }
      prev_due = r.due_at;
      prev_same = same;
    }
  }
}

// Random receipts in 2020-2030: due grows with the amount, and adding a pause never moves it earlier.
TEST_F(Engine, PropertyMonotonicInAmountAndPauses) {
  auto c = Cal();
  std::mt19937_64 rng(20261123);
  const int64_t from = T(2020, 1, 1, 0, 0).time_since_epoch().count();
  const int64_t span = T(2030, 1, 1, 0, 0).time_since_epoch().count() - from;
  for (int i = 0; i < 20000; ++i) {
    Instant at{seconds{from + static_cast<int64_t>(rng() % span)}};
    LimitUnit unit = i % 2 ? LimitUnit::kDays : LimitUnit::kHours;
    Instant prev{};
    for (int n = 0; n <= 12; ++n) {
      Instant due = c.Due({at, unit, n, 15 * 3600, {}}).due_at;
      ASSERT_GE(due, prev) << "amount " << n;
      prev = due;
    }
    auto base = c.Due({at, unit, 5, 15 * 3600, {}});
    Instant pf = at + seconds{static_cast<int64_t>(rng() % 600000)};
    if (pf > base.due_at) continue;
    Instant pt = pf + seconds{1 + static_cast<int64_t>(rng() % 400000)};
    auto paused = c.Due({at, unit, 5, 15 * 3600, {{pf, pt}}});
    ASSERT_GE(paused.due_at, base.due_at);
    ASSERT_EQ(c.Elapsed(paused.starts_at, paused.due_at, {{pf, pt}}), c.Elapsed(base.starts_at, base.due_at));
  }
}

}  // namespace
}  // namespace fg::calendar

namespace fg::calendar {
namespace {

TEST(WorkWeekText, RoundTrips) {
  auto s = ParseSessions("07:30-11:30, 13:30-17:00");
  ASSERT_TRUE(s);
  EXPECT_EQ(FormatSessions(*s), "07:30-11:30,13:30-17:00");
  EXPECT_EQ(*s, WorkWeek{}.sessions);
  EXPECT_EQ(ParseSessions("07:30-11:30,"), std::nullopt);
  EXPECT_EQ(ParseSessions("7:30-11:30"), std::nullopt);
  EXPECT_EQ(ParseSessions(""), std::nullopt);
  EXPECT_EQ(ParseRestDays("6,7"), WorkWeek{}.rest_days);
  EXPECT_EQ(FormatRestDays(WorkWeek{}.rest_days), "6,7");
  EXPECT_EQ(ParseRestDays("7"), 1u);
  EXPECT_EQ(ParseRestDays("8"), std::nullopt);
}

}  // namespace
}  // namespace fg::calendar
