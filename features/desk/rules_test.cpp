#include "features/desk/rules.h"

#include <gtest/gtest.h>

#include <map>

#include "features/calendar/lunar.h"
#include "features/calendar/testing.h"
#include "platform/errors.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using calendar::testing::D;
calendar::Instant T(int y, unsigned m, unsigned d, int hh, int mm) {
  return FromLocal(D(y, m, d), (hh * 60 + mm) * 60);
}

const calendar::WorkCalendar& Cal() {
  static const auto* days =
      new std::vector<calendar::DayEntry>(calendar::EffectiveDays(calendar::kFirstYear, calendar::kLastYear, {}));
  static const auto* cal = new calendar::WorkCalendar(*days, {});
  return *cal;
}

constexpr State kAllStates[] = {State::kNew,
                                State::kReceived,
                                State::kRefused,
                                State::kInProgress,
                                State::kSupplementRequested,
                                State::kPaymentRequired,
                                State::kWithdrawn,
                                State::kStopped,
                                State::kResultReady,
                                State::kReturned};
constexpr Action kAllActions[] = {Action::kReceive,
                                  Action::kTransfer,
                                  Action::kRequestSupplement,
                                  Action::kSupplementReceived,
                                  Action::kRequestPayment,
                                  Action::kPaymentReceived,
                                  Action::kRefuse,
                                  Action::kStop,
                                  Action::kWithdraw,
                                  Action::kResultReady,
                                  Action::kReturn,
                                  Action::kApology};

TEST(DeskRules, StateMachineTableIsExactlyTheDocumentedOne) {
  using S = State;
  using A = Action;
  const std::map<std::pair<S, A>, S> expected = {
      {{S::kNew, A::kReceive}, S::kReceived},
      {{S::kNew, A::kRefuse}, S::kRefused},
      {{S::kNew, A::kWithdraw}, S::kWithdrawn},
      {{S::kReceived, A::kTransfer}, S::kInProgress},
      {{S::kReceived, A::kRequestSupplement}, S::kSupplementRequested},
      {{S::kReceived, A::kRefuse}, S::kRefused},
      {{S::kReceived, A::kWithdraw}, S::kWithdrawn},
      {{S::kReceived, A::kResultReady}, S::kResultReady},
      {{S::kReceived, A::kApology}, S::kReceived},
      {{S::kInProgress, A::kTransfer}, S::kInProgress},
      {{S::kInProgress, A::kRequestSupplement}, S::kSupplementRequested},
      {{S::kInProgress, A::kRequestPayment}, S::kPaymentRequired},
      {{S::kInProgress, A::kRefuse}, S::kRefused},
      {{S::kInProgress, A::kStop}, S::kStopped},
      {{S::kInProgress, A::kWithdraw}, S::kWithdrawn},
      {{S::kInProgress, A::kResultReady}, S::kResultReady},
      {{S::kInProgress, A::kApology}, S::kInProgress},
      {{S::kSupplementRequested, A::kSupplementReceived}, S::kInProgress},
      {{S::kSupplementRequested, A::kRefuse}, S::kRefused},
      {{S::kSupplementRequested, A::kStop}, S::kStopped},
      {{S::kSupplementRequested, A::kWithdraw}, S::kWithdrawn},
      {{S::kSupplementRequested, A::kApology}, S::kSupplementRequested},
      {{S::kPaymentRequired, A::kPaymentReceived}, S::kInProgress},
      {{S::kPaymentRequired, A::kStop}, S::kStopped},
      {{S::kPaymentRequired, A::kWithdraw}, S::kWithdrawn},
      {{S::kPaymentRequired, A::kApology}, S::kPaymentRequired},
      {{S::kResultReady, A::kReturn}, S::kReturned},
  };
  for (S s : kAllStates)
    for (A a : kAllActions) {
      SCOPED_TRACE(std::string(StateName(s)) + " / " + std::string(ActionName(a)));
      auto it = expected.find({s, a});
      auto next = Next(s, a);
      if (it == expected.end()) {
        EXPECT_FALSE(next.has_value());
        EXPECT_NE(Refusal(s, a), "");
      } else {
        ASSERT_TRUE(next.has_value());
        EXPECT_EQ(*next, it->second);
        EXPECT_EQ(Refusal(s, a), "");
      }
    }
}

TEST(DeskRules, RefusalsNameTheReason) {
  for (State s : {State::kRefused, State::kWithdrawn, State::kStopped, State::kReturned}) {
    EXPECT_TRUE(IsTerminal(s));
    for (Action a : kAllActions) EXPECT_EQ(Refusal(s, a), "desk.dossier_closed");
  }
  EXPECT_EQ(Refusal(State::kInProgress, Action::kSupplementReceived), "desk.not_awaiting_supplement");
  EXPECT_EQ(Refusal(State::kInProgress, Action::kPaymentReceived), "desk.not_awaiting_payment");
  EXPECT_EQ(Refusal(State::kInProgress, Action::kReturn), "desk.result_not_ready");
  EXPECT_EQ(Refusal(State::kResultReady, Action::kTransfer), "desk.already_resolved");
  EXPECT_EQ(Refusal(State::kPaymentRequired, Action::kTransfer), "desk.bad_transition");
  // National codes 1..10 and names round-trip.
  int code = 1;
  for (State s : kAllStates) {
    EXPECT_EQ(static_cast<int>(s), code++);
    EXPECT_EQ(ParseState(StateName(s)), s);
  }
  for (Action a : kAllActions) EXPECT_EQ(ParseAction(ActionName(a)), a);
}

TEST(DeskRules, DossierCodeHasADailySerialOfAtLeastFourDigits) {
  EXPECT_EQ(DossierCode("000.00.01.H22", D(2026, 3, 17), 42), "000.00.01.H22-260317-0042");
  EXPECT_EQ(DossierCode("25270", D(2026, 1, 5), 1), "25270-260105-0001");
  EXPECT_EQ(DossierCode("25270", D(2026, 1, 5), 12345), "25270-260105-12345");
}

TEST(DeskRules, PrefixEndBoundsExactlyThePrefix) {
  EXPECT_EQ(PrefixEnd("ho"), "hp");
  EXPECT_EQ(PrefixEnd("hz"), "i");
  EXPECT_EQ(PrefixEnd("a9"), "aa");
  EXPECT_EQ(PrefixEnd("zz"), "");
  EXPECT_EQ(Terms("dang ky ho tich ho"), (std::vector<std::string>{"dang", "ho", "ky", "tich"}));
  Procedure p;
  p.code = "1.001193";
  p.name = "Đăng ký khai sinh";
  p.field = "Hộ tịch";
  EXPECT_EQ(SearchKey(p), "1 001193 dang ky khai sinh ho tich");
}

TEST(DeskRules, DueFollowsTheEngineWithCutOffAndSameDay) {
  Procedure p;
  p.limit = Limit::kDays;
  p.limit_amount = 3;
  // Monday 9 March 2026, 10:00: three working days -> Thursday 10:00.
  auto r = DueOf(Cal(), p, false, T(2026, 3, 9, 10, 0));
  EXPECT_EQ(r.due_at, T(2026, 3, 12, 10, 0));
  // After the 15:00 cut-off the clock starts Tuesday morning -> Friday 17:00 (end of Thursday + ...).
  r = DueOf(Cal(), p, false, T(2026, 3, 9, 16, 0));
  EXPECT_EQ(r.starts_at, T(2026, 3, 10, 7, 30));
  EXPECT_EQ(r.due_at, T(2026, 3, 12, 17, 0));
  // Same day registered: due at the end of the receipt day.
  r = DueOf(Cal(), p, true, T(2026, 3, 9, 10, 0));
  EXPECT_EQ(r.due_at, T(2026, 3, 9, 17, 0));
}

TEST(DeskRules, APauseMovesTheDueInstantByItsWorkingTime) {
  Procedure p;
  p.limit_amount = 3;
  auto r = DueOf(Cal(), p, false, T(2026, 3, 9, 10, 0));  // due Thursday 10:00
  // Paused from Monday 14:00 to Tuesday 09:30: 3 h + 2 h of working time.
  auto moved = Resume(Cal(), r.starts_at, r.due_at, T(2026, 3, 9, 14, 0), T(2026, 3, 10, 9, 30));
  EXPECT_EQ(moved.paused_seconds, 5 * 3600);
  EXPECT_EQ(moved.due_at, T(2026, 3, 12, 17, 0));  // 10:00-11:30, 13:30-17:00
  EXPECT_EQ(moved.warning_at, T(2026, 3, 11, 17, 0));
}

TEST(DeskRules, StepsAreEarlyOnTimeOrLateAgainstTheirBudget) {
  Step s{"Thẩm định", "", 12};  // 1.5 working days of 7.5 hours (sessions 07:30-11:30, 13:30-17:00)
  const int64_t budget = StepBudget(Cal(), s);
  EXPECT_EQ(budget, 12 * 27000 / 8);
  auto given = T(2026, 3, 9, 8, 0);
  EXPECT_EQ(FinishStep(Cal(), given, budget, T(2026, 3, 9, 11, 0), {}).timeliness, Timeliness::kEarly);
  EXPECT_EQ(FinishStep(Cal(), given, budget, T(2026, 3, 10, 11, 0), {}).timeliness, Timeliness::kOnTime);
  auto late = FinishStep(Cal(), given, budget, T(2026, 3, 11, 8, 0), {});
  EXPECT_EQ(late.timeliness, Timeliness::kLate);
  EXPECT_EQ(late.used_seconds, 15 * 3600);  // 7 h + 7.5 h + 0.5 h
  // The same finish with the clock paused a whole day is on time.
  std::vector<calendar::Pause> pauses = {{T(2026, 3, 9, 13, 30), T(2026, 3, 10, 13, 30), ""}};
  EXPECT_EQ(FinishStep(Cal(), given, budget, T(2026, 3, 11, 8, 0), pauses).timeliness, Timeliness::kOnTime);
}

TEST(DeskRules, ApologyOncePerDossierAndNotAfterTheWarningWithoutOverride) {
  Dossier d;
  d.state = State::kInProgress;
  auto warning = T(2026, 3, 11, 10, 0);
  EXPECT_EQ(ApologyRefusal(d, T(2026, 3, 11, 9, 0), warning, false, false), "");
  EXPECT_EQ(ApologyRefusal(d, T(2026, 3, 11, 11, 0), warning, false, true), "desk.apology_too_late");
  EXPECT_EQ(ApologyRefusal(d, T(2026, 3, 11, 11, 0), warning, true, false), "desk.apology_override_reason");
  EXPECT_EQ(ApologyRefusal(d, T(2026, 3, 11, 11, 0), warning, true, true), "");
  d.apologised = true;
  EXPECT_EQ(ApologyRefusal(d, T(2026, 3, 11, 9, 0), warning, true, true), "desk.apology_once");
  d.apologised = false;
  d.state = State::kResultReady;
  EXPECT_EQ(ApologyRefusal(d, T(2026, 3, 11, 9, 0), warning, true, true), "desk.bad_transition");
}

TEST(DeskRules, IntakeValidationNamesTheField) {
  IntakeInput in;
  in.procedure_id = 1;
  in.unit_code = "C1";
  in.applicant.name = "Nguyễn Văn A";
  EXPECT_EQ(ValidateIntake(in).return_method, "at_desk");
  auto field_of = [](const IntakeInput& x) {
    try {
      ValidateIntake(x);
    } catch (const AppError& e) {
      return e.field();
    }
    return std::string("none");
  };
  auto bad = in;
  bad.applicant.id_number = "12345";
  EXPECT_EQ(field_of(bad), "applicant.id_number");
  bad = in;
  bad.applicant.phone = "09x";
  EXPECT_EQ(field_of(bad), "applicant.phone");
  bad = in;
  bad.applicant.email = "a@b";
  EXPECT_EQ(field_of(bad), "applicant.email");
  bad = in;
  bad.applicant.name = " ";
  EXPECT_EQ(field_of(bad), "applicant.name");
  bad = in;
  bad.return_method = "pigeon";
  EXPECT_EQ(field_of(bad), "return_method");
  bad = in;
  bad.documents = {{"Tờ khai", "original", 0}};
  EXPECT_EQ(field_of(bad), "documents[0].count");
}

TEST(DeskRules, DeltasCountEachActionOnce) {
  EXPECT_EQ(Delta(Action::kReceive).received, 1);
  EXPECT_EQ(Delta(Action::kResultReady, Timeliness::kLate).resolved_late, 1);
  EXPECT_EQ(Delta(Action::kResultReady, Timeliness::kEarly).resolved_early, 1);
  EXPECT_EQ(Delta(Action::kTransfer), Counters{});
  Counters sum;
  sum += Delta(Action::kApology);
  sum += Delta(Action::kApology);
  EXPECT_EQ(sum.apologies, 2);
}

}  // namespace
}  // namespace fg::desk
