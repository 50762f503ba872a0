// Pure rules of the officials' pages: "due within one working day" on the
// calendar, urgency, the actions offered, the search terms and query plans.
#include <gtest/gtest.h>

#include <algorithm>

#include "features/calendar/lunar.h"
#include "features/calendar/testing.h"
#include "features/desk/rules.h"
#include "platform/errors.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using calendar::testing::D;
calendar::Instant T(int y, unsigned m, unsigned d, int hh, int mm) {
  return FromLocal(D(y, m, d), (hh * 60 + mm) * 60);
}

// The statutory days off only (no stored decisions): Tết 2026 is 16-20/02.
const calendar::WorkCalendar& Cal() {
  static const auto* days =
      new std::vector<calendar::DayEntry>(calendar::EffectiveDays(calendar::kFirstYear, calendar::kLastYear, {}));
  static const auto* cal = new calendar::WorkCalendar(*days, {});
  return *cal;
}

std::string KeyOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    return e.key();
  }
  return "none";
}

TEST(DeskDueSoon, OneWorkingDayOfTheCalendarNotTwentyFourHours) {
  // The usual week: 07:30-11:30 and 13:30-17:00, 7.5 working hours a day.
  EXPECT_EQ(DueSoonBy(Cal(), T(2026, 3, 10, 9, 0)), T(2026, 3, 11, 9, 0));  // Tuesday -> Wednesday, same hour
  // Friday afternoon reaches Monday afternoon (66 hours later, not 24).
  EXPECT_EQ(DueSoonBy(Cal(), T(2026, 3, 13, 16, 0)), T(2026, 3, 16, 16, 0));
  // In the evening and at the weekend: one working day from the last session's end.
  EXPECT_EQ(DueSoonBy(Cal(), T(2026, 3, 10, 20, 0)), T(2026, 3, 11, 17, 0));
  EXPECT_EQ(DueSoonBy(Cal(), T(2026, 3, 14, 10, 0)), T(2026, 3, 16, 17, 0));
  // The Friday before Tết reaches past the holiday week.
  EXPECT_EQ(DueSoonBy(Cal(), T(2026, 2, 13, 16, 0)), T(2026, 2, 23, 16, 0));
  // During the lunch break the morning's end counts.
  EXPECT_EQ(DueSoonBy(Cal(), T(2026, 3, 10, 12, 0)), T(2026, 3, 11, 11, 30));
}

Dossier Running(State s, calendar::Instant due) {
  Dossier d;
  d.state = s;
  d.due_at = FormatUtc(due);
  return d;
}

TEST(DeskUrgency, LateDueSoonOrNeither) {
  const auto now = T(2026, 3, 13, 16, 0);  // Friday
  const auto soon_by = DueSoonBy(Cal(), now);
  // Monday 10:00 is 66 hours away but within one working day: due soon.
  EXPECT_EQ(UrgencyOf(Running(State::kInProgress, T(2026, 3, 16, 10, 0)), now, soon_by), Urgency::kDueSoon);
  EXPECT_EQ(UrgencyOf(Running(State::kReceived, T(2026, 3, 16, 16, 0)), now, soon_by), Urgency::kDueSoon);
  EXPECT_EQ(UrgencyOf(Running(State::kReceived, T(2026, 3, 16, 16, 30)), now, soon_by), Urgency::kNone);
  EXPECT_EQ(UrgencyOf(Running(State::kReceived, now), now, soon_by), Urgency::kDueSoon);
  EXPECT_EQ(UrgencyOf(Running(State::kReceived, T(2026, 3, 13, 15, 59)), now, soon_by), Urgency::kLate);
  // Resolved or closed dossiers are neither, whatever their due instant.
  for (State s : {State::kResultReady, State::kReturned, State::kRefused, State::kWithdrawn, State::kStopped})
    EXPECT_EQ(UrgencyOf(Running(s, T(2026, 3, 1, 9, 0)), now, soon_by), Urgency::kNone);
  // A paused clock: late only when it was already late when it stopped, never "due soon".
  auto paused = Running(State::kSupplementRequested, T(2026, 3, 12, 9, 0));
  paused.paused_since = FormatUtc(T(2026, 3, 11, 9, 0));
  EXPECT_EQ(UrgencyOf(paused, now, soon_by), Urgency::kNone);
  paused.paused_since = FormatUtc(T(2026, 3, 12, 10, 0));
  EXPECT_EQ(UrgencyOf(paused, now, soon_by), Urgency::kLate);
  paused.due_at = FormatUtc(T(2026, 3, 16, 9, 0));
  paused.paused_since = FormatUtc(T(2026, 3, 13, 9, 0));
  EXPECT_EQ(UrgencyOf(paused, now, soon_by), Urgency::kNone);
}

TEST(DeskActions, OnlyWhatTheStateAllowsAndApologiesOnceBeforeTheWarning) {
  Dossier d;
  d.state = State::kReceived;
  d.warning_at = FormatUtc(T(2026, 3, 11, 9, 0));
  const auto before = T(2026, 3, 10, 9, 0), after = T(2026, 3, 11, 10, 0);
  auto has = [](const std::vector<Action>& v, Action a) { return std::find(v.begin(), v.end(), a) != v.end(); };
  auto received = AllowedActions(d, before, false);
  EXPECT_EQ(received, (std::vector<Action>{Action::kTransfer, Action::kResultReady, Action::kRequestSupplement,
                                           Action::kApology, Action::kWithdraw, Action::kRefuse}));
  // After the warning instant only an administrator may still apologise.
  EXPECT_FALSE(has(AllowedActions(d, after, false), Action::kApology));
  EXPECT_TRUE(has(AllowedActions(d, after, true), Action::kApology));
  d.apologised = true;
  EXPECT_FALSE(has(AllowedActions(d, before, true), Action::kApology));
  d.state = State::kSupplementRequested;
  EXPECT_EQ(AllowedActions(d, before, false),
            (std::vector<Action>{Action::kSupplementReceived, Action::kWithdraw, Action::kRefuse, Action::kStop}));
  d.state = State::kResultReady;
  EXPECT_EQ(AllowedActions(d, before, true), std::vector<Action>{Action::kReturn});
  for (State s : {State::kReturned, State::kRefused, State::kWithdrawn, State::kStopped}) {
    d.state = s;
    EXPECT_TRUE(AllowedActions(d, before, true).empty()) << StateName(s);
  }
  // Never an intake: that is a new dossier.
  for (State s : {State::kNew, State::kReceived, State::kInProgress}) {
    d.state = s;
    EXPECT_FALSE(has(AllowedActions(d, before, true), Action::kReceive));
  }
}

TEST(DeskViews, NamesRoundTrip) {
  for (auto v : {DossierView::kAll, DossierView::kMine, DossierView::kDueSoon, DossierView::kLate})
    EXPECT_EQ(ParseView(ViewName(v)), v);
  EXPECT_FALSE(ParseView("soon"));
  EXPECT_TRUE(IsOpen(State::kResultReady));
  EXPECT_FALSE(IsOpen(State::kReturned));
}

TEST(DeskSearchTerms, NameWordsDigitsReversedAndTheCode) {
  EXPECT_EQ(PhoneDigits("0912 345 678"), "0912345678");
  EXPECT_EQ(PhoneDigits("+84 912.345.678"), "0912345678");
  EXPECT_EQ(PhoneDigits("(0251) 3822-222"), "02513822222");
  EXPECT_EQ(PhoneDigits("+84 251 3822 222"), "02513822222");
  EXPECT_EQ(PhoneDigits("079123456789"), "079123456789");  // an ID number stays as it is
  const auto terms =
      DossierTerms("000.27.01.H75-260317-0042", {"Nguyễn Thị Đào", "079123456789", "+84 912 345 678", "", ""});
  const std::vector<SearchTerm> expected = {
      {"c", "0002701h752603170042"}, {"n", "dao"},         {"n", "nguyen"}, {"n", "thi"},
      {"d", "8765432190"},           {"d", "987654321970"}};
  EXPECT_EQ(terms, expected);
  // A repeated word or the same number twice is one term.
  EXPECT_EQ(DossierTerms("X-260317-0001", {"Lê Lê", "0912345678", "0912345678", "", ""}).size(), 3u);
}

TEST(DeskSearchPlan, WhatADeskOfficerTypes) {
  EXPECT_FALSE(PlanSearch(""));
  EXPECT_FALSE(PlanSearch("   "));
  // A phone number as written, its last digits, with the country code: a suffix of the digits.
  for (const char* q : {"0912 345 678", "0912.345.678", "+84 912 345 678", "84912345678"}) {
    auto s = PlanSearch(q);
    ASSERT_TRUE(s) << q;
    EXPECT_EQ(s->kind, "d") << q;
    EXPECT_EQ(s->from, "8765432190") << q;
    EXPECT_EQ(s->to, "8765432191") << q;
  }
  auto tail = PlanSearch("345678");
  EXPECT_EQ(tail->kind, "d");
  EXPECT_EQ(tail->from, "876543");
  EXPECT_EQ(tail->to, "876544");
  EXPECT_EQ(PlanSearch("9999")->to, "999a");  // digits sort before letters
  EXPECT_EQ(KeyOf([] { PlanSearch("678"); }), "desk.search_few_digits");
  EXPECT_EQ(KeyOf([] { PlanSearch("1234567890123456"); }), "desk.search_many_digits");
  // A code, in any case: exactly that dossier.
  auto code = PlanSearch(" 000.27.01.h75-260317-0042 ");
  ASSERT_TRUE(code);
  EXPECT_EQ(code->kind, "c");
  EXPECT_EQ(code->code, "000.27.01.h75-260317-0042");
  EXPECT_EQ(code->from, "0002701h752603170042");
  EXPECT_EQ(PlanSearch("25270-260317-12345")->kind, "c");
  // Not codes: a phone with dashes, a code without its serial.
  EXPECT_EQ(PlanSearch("0912-345-678")->kind, "d");
  EXPECT_EQ(PlanSearch("H75-260317")->kind, "n");
  // Names: diacritics and case ignored; the index is read by the rarest-looking word.
  auto name = PlanSearch("Nguyễn Văn An");
  ASSERT_TRUE(name);
  EXPECT_EQ(name->kind, "n");
  EXPECT_EQ(name->from, "an");
  EXPECT_EQ(name->to, "ao");
  EXPECT_EQ(name->words, (std::vector<std::string>{"nguyen", "van"}));
  EXPECT_EQ(PlanSearch("nguyen van a")->from, "a");
  EXPECT_EQ(PlanSearch("hoa nguyen")->from, "hoa");
  EXPECT_EQ(PlanSearch("nguyen tran")->from, "tran");  // both frequent: the less frequent
  EXPECT_EQ(PlanSearch("tran van binh")->from, "binh");
  EXPECT_EQ(PlanSearch("thi")->from, "thi");
  EXPECT_EQ(PlanSearch("le")->from, "le");
  EXPECT_EQ(PlanSearch("zz")->to, "");  // no upper bound
  EXPECT_EQ(PlanSearch("Đào đào")->words, std::vector<std::string>{});
  EXPECT_EQ(KeyOf([] { PlanSearch("a b c d e f"); }), "desk.search_many_words");
  EXPECT_EQ(KeyOf([] { PlanSearch("!!!"); }), "desk.search_nothing");
  EXPECT_EQ(KeyOf([] { PlanSearch(std::string(101, 'a')); }), "error.too_long");
}

}  // namespace
}  // namespace fg::desk
