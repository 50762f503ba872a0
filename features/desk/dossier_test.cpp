// Dossiers through the service, on both backends: intake, codes under
// concurrency, the state machine, pauses, apologies, public lookup, statistics.
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <map>
#include <random>
#include <set>
#include <thread>
#include <tuple>

#include "features/calendar/testing.h"
#include "features/desk/rules.h"
#include "features/desk/testing.h"
#include "platform/errors.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using calendar::testing::D;
using fg::testing::KindOf;

SysSeconds T(int y, unsigned m, unsigned d, int hh, int mm) { return FromLocal(D(y, m, d), (hh * 60 + mm) * 60); }

class DeskDossierTest : public testing::DeskFixture {
 protected:
  db::Options Options() override {
    db::Options o;
    o.writers = 4;  // PostgreSQL: several writer connections, as in production
    return o;
  }
  void SetUp() override {
    DeskFixture::SetUp();
    SetClockForTesting(T(2026, 3, 9, 9, 0));  // Monday
    admin_ = Official("admin.p1", "P1", "admin");
    desk_ = Official("desk.c1", "C1", "desk");
    specialist_ = Official("spec.c1", "C1", "specialist");
    leader_ = Official("leader.c1", "C1", "leader");
    outsider_ = Official("desk.c2", "C2", "desk");
    proc_ = svc_->CreateProcedure(admin_, BirthInput("P1"));
  }
  void TearDown() override { SetClockForTesting(std::nullopt); }
  IntakeInput Intake(const std::string& key = "") {
    IntakeInput in;
    in.procedure_id = proc_.id;
    in.unit_code = "C1";
    in.applicant = {"Nguyễn Thị Hoa", "079123456789", "0912 345 678", "hoa@example.vn", "Ấp 3, Xã Một"};
    in.summary = "Đăng ký khai sinh cho con";
    in.documents = {{"Tờ khai đăng ký khai sinh", "original", 1}};
    in.client_key = key;
    return in;
  }
  Dossier Receive(const std::string& key = "") { return svc_->Receive(desk_, Intake(key)).detail.dossier; }
  DossierDetail Do(const auth::Principal& p, const std::string& code, Action a, TransitionInput in = {}) {
    in.action = a;
    return svc_->Apply(p, code, in);
  }
  std::string RefusalKey(const std::function<void()>& f) {
    try {
      f();
    } catch (const AppError& e) {
      return e.key();
    }
    return "none";
  }
  auth::Principal admin_, desk_, specialist_, leader_, outsider_;
  Procedure proc_;
};

TEST_P(DeskDossierTest, IntakeAssignsCodeDueInstantAndFirstHandOver) {
  svc_->SetAgencyCode(admin_, "C1", "000.00.01.H22");
  auto res = svc_->Receive(desk_, Intake());
  const Dossier& d = res.detail.dossier;
  EXPECT_TRUE(res.created);
  EXPECT_EQ(d.code, "000.00.01.H22-260309-0001");
  EXPECT_EQ(d.state, State::kReceived);
  EXPECT_EQ(d.procedure_version, 1);
  EXPECT_EQ(d.due_at, FormatUtc(T(2026, 3, 12, 9, 0)));  // 3 working days
  EXPECT_EQ(d.applicant.phone, "0912 345 678");
  ASSERT_EQ(res.detail.handovers.size(), 1u);
  EXPECT_EQ(res.detail.handovers[0].step_name, "Tiếp nhận");
  EXPECT_EQ(res.detail.handovers[0].to_official, desk_.official_id);
  ASSERT_EQ(res.detail.entries.size(), 1u);
  EXPECT_EQ(res.detail.entries[0].action, Action::kReceive);
  EXPECT_EQ(Receive().code, "000.00.01.H22-260309-0002");
  // The next day starts again at 0001; after the cut-off the clock starts the next morning.
  SetClockForTesting(T(2026, 3, 10, 16, 0));
  auto late = Receive();
  EXPECT_EQ(late.code, "000.00.01.H22-260310-0001");
  EXPECT_EQ(late.starts_at, FormatUtc(T(2026, 3, 11, 7, 30)));
  EXPECT_EQ(late.due_at, FormatUtc(T(2026, 3, 13, 17, 0)));
}

TEST_P(DeskDossierTest, IntakeIsAuthorisedAndValidated) {
  EXPECT_EQ(KindOf([&] { svc_->Receive(outsider_, Intake()); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->Receive(specialist_, Intake()); }), ErrorKind::kForbidden);
  auto in = Intake();
  in.procedure_id = 999999;
  EXPECT_EQ(KindOf([&] { svc_->Receive(desk_, in); }), ErrorKind::kBadRequest);
  // A procedure of another commune's catalogue does not apply here.
  auto other = svc_->CreateProcedure(admin_, BirthInput("C2", "C2.1"));
  in = Intake();
  in.procedure_id = other.id;
  EXPECT_EQ(RefusalKey([&] { svc_->Receive(desk_, in); }), "desk.procedure_not_here");
  svc_->SetProcedureActive(admin_, proc_.id, false);
  EXPECT_EQ(RefusalKey([&] { svc_->Receive(desk_, Intake()); }), "desk.procedure_inactive");
}

TEST_P(DeskDossierTest, SameDayRegistrationMakesTheDossierDueToday) {
  svc_->SetSameDay(leader_, proc_.id, "C1", true);
  auto d = Receive();
  EXPECT_TRUE(d.same_day);
  EXPECT_EQ(d.due_at, FormatUtc(T(2026, 3, 9, 17, 0)));
}

TEST_P(DeskDossierTest, DossiersKeepTheProcedureVersionTheyWereReceivedUnder) {
  auto first = Receive();
  svc_->PatchProcedure(admin_, proc_.id, [](const Procedure& cur) {
    auto in = InputOf(cur);
    in.name = "Đăng ký khai sinh (mới)";
    in.limit_amount = 10;
    return in;
  });
  auto second = Receive();
  EXPECT_EQ(svc_->GetDossier(desk_, first.code).dossier.procedure_version, 1);
  EXPECT_EQ(svc_->GetDossier(desk_, first.code).dossier.procedure_name, "Đăng ký khai sinh");
  EXPECT_EQ(second.procedure_version, 2);
  EXPECT_EQ(second.procedure_name, "Đăng ký khai sinh (mới)");
  EXPECT_EQ(second.due_at, FormatUtc(T(2026, 3, 23, 9, 0)));  // 10 working days
}

TEST_P(DeskDossierTest, IntakeIsIdempotentByClientKey) {
  auto a = svc_->Receive(desk_, Intake("key-1"));
  auto b = svc_->Receive(desk_, Intake("key-1"));
  EXPECT_TRUE(a.created);
  EXPECT_FALSE(b.created);
  EXPECT_EQ(a.detail.dossier.code, b.detail.dossier.code);
  EXPECT_NE(Receive("key-2").code, a.detail.dossier.code);
  // Concurrent retries of one submission: one dossier.
  std::vector<std::thread> threads;
  std::vector<std::string> codes(8);
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&, i] { codes[i] = svc_->Receive(desk_, Intake("key-3")).detail.dossier.code; });
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), 1u);
  auto stats = svc_->Stats();
  ASSERT_EQ(stats.size(), 1u);
  EXPECT_EQ(stats[0].n.received, 3);  // key-1, key-2, key-3
  // A key does not outlive the official's role on the unit.
  org_->RemoveGrant(org::SystemPrincipal(), desk_.official_id, desk_.grants.at(0).id);
  auto demoted = *db_->read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, desk_.official_id); });
  EXPECT_EQ(KindOf([&] { svc_->Receive(demoted, Intake("key-1")); }), ErrorKind::kForbidden);
}

TEST_P(DeskDossierTest, ConcurrentIntakeGivesUniqueGapFreeCodes) {
  svc_->SetAgencyCode(admin_, "C2", "C2X");
  constexpr int kThreads = 8, kEach = 15;
  std::vector<std::vector<std::string>> codes(kThreads);
  std::barrier start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      for (int i = 0; i < kEach; ++i) {
        // Half the threads alternate between two units, so batches lock serials in both orders.
        auto in = Intake();
        auto who = desk_;
        if (t % 2 == 1 && i % 2 == 1) {
          in.unit_code = "C2";
          who = outsider_;
        }
        codes[t].push_back(svc_->Receive(who, in).detail.dossier.code);
      }
    });
  for (auto& th : threads) th.join();
  std::set<std::string> c1, c2;
  for (auto& v : codes)
    for (auto& c : v) (c.rfind("C2X-", 0) == 0 ? c2 : c1).insert(c);
  const size_t n2 = (kThreads / 2) * (kEach / 2);
  ASSERT_EQ(c1.size() + c2.size(), size_t{kThreads * kEach});  // no duplicate
  ASSERT_EQ(c2.size(), n2);
  char buf[32];
  size_t k = 0;
  for (auto& c : c1) {
    std::snprintf(buf, sizeof buf, "C1-260309-%04zu", ++k);
    EXPECT_EQ(c, buf);  // sorted 0001..n: no gap
  }
  k = 0;
  for (auto& c : c2) {
    std::snprintf(buf, sizeof buf, "C2X-260309-%04zu", ++k);
    EXPECT_EQ(c, buf);
  }
}

TEST_P(DeskDossierTest, AFullPathFromReceiptToReturnWithHandOvers) {
  auto d = Receive();
  auto r = Do(desk_, d.code, Action::kTransfer, {.to_official = specialist_.official_id});
  EXPECT_EQ(r.dossier.state, State::kInProgress);
  EXPECT_EQ(r.dossier.step, 1);
  EXPECT_EQ(r.dossier.assignee_id, specialist_.official_id);
  ASSERT_EQ(r.handovers.size(), 2u);
  EXPECT_EQ(r.handovers[0].finished_at, FormatUtc(T(2026, 3, 9, 9, 0)));
  EXPECT_EQ(r.handovers[0].timeliness, Timeliness::kOnTime);  // 0 of 4 hours used, less than a day spare
  EXPECT_EQ(r.handovers[1].step_name, "Thẩm định");
  SetClockForTesting(T(2026, 3, 11, 16, 0));  // 12 hours budget; 2 days 7 hours used
  r = Do(specialist_, d.code, Action::kTransfer, {.to_official = leader_.official_id});
  EXPECT_EQ(r.handovers[1].timeliness, Timeliness::kLate);
  EXPECT_EQ(r.dossier.step, 2);
  SetClockForTesting(T(2026, 3, 11, 16, 30));
  r = Do(leader_, d.code, Action::kResultReady);
  EXPECT_EQ(r.dossier.state, State::kResultReady);
  EXPECT_EQ(r.dossier.timeliness, Timeliness::kEarly);  // due Thursday 09:00: resolved the day before
  EXPECT_EQ(r.handovers[2].timeliness, Timeliness::kOnTime);
  EXPECT_EQ(RefusalKey([&] { Do(desk_, d.code, Action::kReturn); }), "desk.receiver_required");
  r = Do(desk_, d.code, Action::kReturn, {.returned_to = "Nguyễn Thị Hoa"});
  EXPECT_EQ(r.dossier.state, State::kReturned);
  EXPECT_EQ(r.entries.size(), 5u);
  EXPECT_EQ(RefusalKey([&] { Do(desk_, d.code, Action::kTransfer, {.to_official = desk_.official_id}); }),
            "desk.dossier_closed");
}

TEST_P(DeskDossierTest, EveryRefusedTransitionIsAConflictAndChangesNothing) {
  auto d = Receive();
  for (Action a : {Action::kSupplementReceived, Action::kPaymentReceived, Action::kReturn, Action::kRequestPayment,
                   Action::kStop}) {
    SCOPED_TRACE(std::string(ActionName(a)));
    EXPECT_EQ(KindOf([&] { Do(desk_, d.code, a, {.reason = "x", .returned_to = "x"}); }), ErrorKind::kConflict);
  }
  auto now = svc_->GetDossier(desk_, d.code);
  EXPECT_EQ(now.dossier.version, 1);
  EXPECT_EQ(now.dossier.state, State::kReceived);
  EXPECT_EQ(now.entries.size(), 1u);
  // Reasons are required for refusal, stop and supplement requests.
  EXPECT_EQ(RefusalKey([&] { Do(desk_, d.code, Action::kRefuse); }), "desk.reason_required");
  EXPECT_EQ(RefusalKey([&] { Do(desk_, d.code, Action::kRequestSupplement); }), "desk.reason_required");
  // An outsider cannot act; an unknown official cannot be handed the dossier.
  EXPECT_EQ(KindOf([&] { Do(outsider_, d.code, Action::kRefuse, {.reason = "x"}); }), ErrorKind::kForbidden);
  EXPECT_EQ(RefusalKey([&] { Do(desk_, d.code, Action::kTransfer, {.to_official = outsider_.official_id}); }),
            "desk.unknown_official");
  auto r = Do(desk_, d.code, Action::kRefuse, {.reason = "Không thuộc thẩm quyền"});
  EXPECT_EQ(r.dossier.state, State::kRefused);
  EXPECT_EQ(r.dossier.reason, "Không thuộc thẩm quyền");
}

TEST_P(DeskDossierTest, AStaleVersionIsRefused) {
  auto d = Receive();
  EXPECT_EQ(RefusalKey([&] {
              Do(desk_, d.code, Action::kTransfer, {.expected_version = 7, .to_official = specialist_.official_id});
            }),
            "desk.stale_version");
  auto r = Do(desk_, d.code, Action::kTransfer, {.expected_version = 1, .to_official = specialist_.official_id});
  EXPECT_EQ(r.dossier.version, 2);
}

TEST_P(DeskDossierTest, ConcurrentTransitionsOnOneDossierExactlyOneWins) {
  for (int round = 0; round < 5; ++round) {
    auto d = Receive();
    constexpr int kThreads = 6;
    std::barrier start(kThreads);
    std::atomic<int> won{0}, conflicts{0}, other{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] {
        start.arrive_and_wait();
        try {
          // Different actions, all allowed in the state both read.
          if (t % 2)
            Do(desk_, d.code, Action::kTransfer, {.to_official = specialist_.official_id});
          else
            Do(desk_, d.code, Action::kRequestSupplement, {.reason = "Thiếu giấy chứng sinh"});
          ++won;
        } catch (const AppError& e) {
          (e.kind() == ErrorKind::kConflict ? conflicts : other)++;
        }
      });
    for (auto& th : threads) th.join();
    // One read-then-write can see another's result and be refused as a bad
    // transition: also a 409. Exactly one change is applied either way.
    auto now = svc_->GetDossier(desk_, d.code);
    EXPECT_EQ(now.dossier.version, 1 + won.load());
    EXPECT_EQ(other.load(), 0);
    EXPECT_EQ(now.entries.size(), 1u + won.load());
    EXPECT_GE(won.load(), 1);
    // The transfer leaves the dossier in progress where another transfer is allowed, so
    // a late transfer may legally follow; the version check forbids two from one read.
    for (size_t i = 1; i < now.entries.size(); ++i) EXPECT_EQ(now.entries[i].from, now.entries[i - 1].to);
  }
}

TEST_P(DeskDossierTest, TwoOfficialsFromTheSameReadOneWins) {
  auto d = Receive();
  constexpr int kThreads = 8;
  std::barrier start(kThreads);
  std::atomic<int> won{0}, stale{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      start.arrive_and_wait();
      try {
        Do(desk_, d.code, Action::kTransfer, {.expected_version = 1, .to_official = specialist_.official_id});
        ++won;
      } catch (const AppError& e) {
        if (e.key() == "desk.stale_version") ++stale;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(stale.load(), kThreads - 1);
  EXPECT_EQ(svc_->GetDossier(desk_, d.code).dossier.version, 2);
}

TEST_P(DeskDossierTest, ASupplementRequestPausesTheClock) {
  auto d = Receive();  // Monday 09:00, due Thursday 09:00
  SetClockForTesting(T(2026, 3, 9, 14, 0));
  auto r = Do(desk_, d.code, Action::kRequestSupplement, {.reason = "Thiếu giấy chứng sinh"});
  EXPECT_EQ(r.dossier.state, State::kSupplementRequested);
  EXPECT_EQ(r.dossier.paused_since, FormatUtc(T(2026, 3, 9, 14, 0)));
  SetClockForTesting(T(2026, 3, 10, 9, 30));  // 3 h Monday + 2 h Tuesday
  r = Do(desk_, d.code, Action::kSupplementReceived);
  EXPECT_EQ(r.dossier.state, State::kInProgress);
  EXPECT_EQ(r.dossier.paused_seconds, 5 * 3600);
  EXPECT_EQ(r.dossier.due_at, FormatUtc(T(2026, 3, 12, 16, 0)));  // 09:00 + 5 working hours
  // Payment awaited pauses too.
  SetClockForTesting(T(2026, 3, 10, 10, 0));
  Do(desk_, d.code, Action::kRequestPayment);
  SetClockForTesting(T(2026, 3, 10, 11, 0));
  r = Do(desk_, d.code, Action::kPaymentReceived);
  EXPECT_EQ(r.dossier.due_at, FormatUtc(T(2026, 3, 12, 17, 0)));
}

TEST_P(DeskDossierTest, ApologyOnceAndNotAfterTheWarningWithoutAnAdministrator) {
  auto d = Receive();  // due Thursday 12/3 09:00, warning Wednesday 11/3 09:00
  TransitionInput in{.reason = "Chờ xác minh", .new_due_date = "2026-03-16"};
  SetClockForTesting(T(2026, 3, 11, 10, 0));
  EXPECT_EQ(RefusalKey([&] { Do(desk_, d.code, Action::kApology, in); }), "desk.apology_too_late");
  EXPECT_EQ(RefusalKey([&] { Do(admin_, d.code, Action::kApology, in); }), "desk.apology_override_reason");
  SetClockForTesting(T(2026, 3, 10, 10, 0));
  EXPECT_EQ(RefusalKey([&] {
              Do(desk_, d.code, Action::kApology, {.reason = "x", .new_due_date = "2026-03-14"});  // Saturday
            }),
            "desk.bad_new_due");
  auto r = Do(desk_, d.code, Action::kApology, in);
  EXPECT_TRUE(r.dossier.apologised);
  EXPECT_EQ(r.dossier.original_due_at, FormatUtc(T(2026, 3, 12, 9, 0)));
  EXPECT_EQ(r.dossier.due_at, FormatUtc(T(2026, 3, 16, 17, 0)));
  ASSERT_TRUE(r.apology.has_value());
  EXPECT_EQ(r.apology->reason, "Chờ xác minh");
  EXPECT_EQ(RefusalKey([&] {
              Do(admin_, d.code, Action::kApology,
                 {.reason = "y", .new_due_date = "2026-03-17", .override_reason = "z"});
            }),
            "desk.apology_once");
  // An administrator may apologise late with a reason.
  auto e = Receive();  // received Tuesday 10:00: due Friday 10:00, warning Thursday 10:00
  SetClockForTesting(T(2026, 3, 13, 9, 0));
  auto late = Do(admin_, e.code, Action::kApology,
                 {.reason = "Chờ ý kiến cơ quan phối hợp", .new_due_date = "2026-03-18", .override_reason = "Sự cố"});
  EXPECT_EQ(late.apology->override_reason, "Sự cố");
}

TEST_P(DeskDossierTest, PublicLookupShowsPersonalDataOnlyWithTheLastFourDigits) {
  auto d = Receive();
  auto v = svc_->Lookup(d.code, "");
  EXPECT_FALSE(v.personal);
  EXPECT_EQ(v.dossier.state, State::kReceived);
  EXPECT_FALSE(svc_->Lookup(d.code, "0000").personal);
  EXPECT_TRUE(svc_->Lookup(d.code, "5678").personal);  // phone 0912 345 678
  EXPECT_TRUE(svc_->Lookup(d.code, "6789").personal);  // ID number
  EXPECT_EQ(KindOf([&] { svc_->Lookup(d.code, "12a4"); }), ErrorKind::kBadRequest);
  EXPECT_EQ(KindOf([&] { svc_->Lookup("C1-260309-9999", ""); }), ErrorKind::kNotFound);
}

TEST_P(DeskDossierTest, ListingPagesByCursorWithinTheCallersSubtree) {
  std::set<std::string> all;
  for (int i = 0; i < 7; ++i) all.insert(Receive().code);
  auto in = Intake();
  in.unit_code = "C2";
  svc_->Receive(outsider_, in);
  std::set<std::string> seen;
  DossierQuery q;
  q.limit = 3;
  for (int page = 0; page < 5; ++page) {
    auto p = svc_->ListDossiers(desk_, q);
    for (auto& d : p.items) EXPECT_TRUE(seen.insert(d.code).second) << d.code;
    if (!p.next_cursor) break;
    q.after_id = p.next_cursor;
  }
  EXPECT_EQ(seen, all);  // C2's dossier is not in C1's desk's list
  q = {};
  q.state = State::kReceived;
  EXPECT_EQ(svc_->ListDossiers(admin_, q).items.size(), 8u);
  q.unit_code = "C2";
  EXPECT_EQ(KindOf([&] { svc_->ListDossiers(desk_, q); }), ErrorKind::kForbidden);
}

// Statistics counters equal a recount from the dossiers' history after a random sequence.
TEST_P(DeskDossierTest, StatisticsEqualARecountAfterRandomOperations) {
  std::mt19937 rng(GetParam() == "sqlite" ? 7 : 11);
  std::vector<std::string> codes;
  const auth::Principal* actors[] = {&desk_, &specialist_, &leader_, &admin_};
  SysSeconds clock = T(2026, 3, 9, 9, 0);  // the procedure is in force from the fixture's day
  int applied = 0;
  for (int i = 0; i < 150; ++i) {
    clock += std::chrono::minutes(std::uniform_int_distribution<int>(5, 600)(rng));
    SetClockForTesting(clock);
    if (codes.empty() || rng() % 4 == 0) {
      codes.push_back(Receive().code);
      continue;
    }
    const auto& code = codes[rng() % codes.size()];
    static constexpr Action kActions[] = {Action::kTransfer,
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
    const Action a = kActions[rng() % std::size(kActions)];
    TransitionInput in{.reason = "lý do",
                       .to_official = specialist_.official_id,
                       .returned_to = "Người nhận",
                       .new_due_date = FormatIsoDate(ToLocal(clock).date + std::chrono::days(20)),
                       .override_reason = "quá hạn"};
    try {
      Do(*actors[rng() % std::size(actors)], code, a, in);
      ++applied;
    } catch (const AppError& e) {
      ASSERT_TRUE(e.kind() == ErrorKind::kConflict || e.kind() == ErrorKind::kBadRequest) << e.key();
    }
  }
  ASSERT_GT(applied, 25);
  auto stored = svc_->Stats();
  auto recount = svc_->RecountStats();
  EXPECT_EQ(stored, recount);
  // The rolled-up counters (maintained in the same writes) are the daily ones
  // summed by month and procedure, by month and official, and by day and official.
  for (auto rollup : {StatsRollup::kMonthProcedures, StatsRollup::kMonthOfficials, StatsRollup::kDayOfficials}) {
    const bool by_official = rollup != StatsRollup::kMonthProcedures;
    const size_t period = rollup == StatsRollup::kDayOfficials ? 10 : 7;
    std::map<std::tuple<int64_t, std::string, int64_t>, Counters> summed, rolled;
    for (auto& r : stored)
      summed[{r.unit_id, r.day.substr(0, period), by_official ? r.official_id : r.procedure_id}] += r.n;
    for (auto& r : svc_->RollupStats(rollup))
      rolled[{r.unit_id, r.day, by_official ? r.official_id : r.procedure_id}] += r.n;
    EXPECT_EQ(rolled, summed) << static_cast<int>(rollup);
  }
  // And against the dossiers themselves.
  Counters total;
  for (auto& r : stored) total += r.n;
  EXPECT_EQ(total.received, static_cast<int64_t>(codes.size()));
  int64_t resolved = 0, returned = 0, apologised = 0;
  // Working time to resolve: between the working time from the clock's start to
  // the result with and without the dossier's pauses taken off.
  int64_t most_seconds = 0, least_seconds = 0;
  const auto& cal = *calendar_->View("C1").calendar;
  for (auto& c : codes) {
    auto d = svc_->GetDossier(admin_, c).dossier;
    resolved += !d.completed_at.empty();
    returned += d.state == State::kReturned;
    apologised += d.apologised;
    if (d.completed_at.empty()) continue;
    const auto start = *ParseUtc(d.starts_at), done = std::max(start, *ParseUtc(d.completed_at));
    most_seconds += cal.Elapsed(start, done);
    least_seconds += std::max<int64_t>(0, cal.Elapsed(start, done) - d.paused_seconds);
  }
  EXPECT_LE(total.resolved_seconds, most_seconds);
  EXPECT_GE(total.resolved_seconds, least_seconds);
  EXPECT_GT(total.resolved_seconds, 0);
  EXPECT_EQ(total.resolved_early + total.resolved_on_time + total.resolved_late, resolved);
  EXPECT_EQ(total.returned, returned);
  EXPECT_EQ(total.apologies, apologised);
  EXPECT_GT(resolved, 0);
}

FG_BOTH_BACKENDS(DeskDossierTest);

}  // namespace
}  // namespace fg::desk
