// Statistics reports through the service, on both backends, over a small fixed
// history whose figures are counted here by hand: grouping by unit, procedure,
// official and month, periods of whole months and of loose days, working time
// to resolve, dossiers in progress on time and overdue, authorisation, bad filters.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "features/calendar/testing.h"
#include "features/desk/stats.h"
#include "features/desk/testing.h"
#include "platform/errors.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using calendar::testing::D;
using fg::testing::KindOf;

SysSeconds T(int y, unsigned m, unsigned d, int hh, int mm) { return FromLocal(D(y, m, d), (hh * 60 + mm) * 60); }

class DeskStatsTest : public testing::DeskFixture {
 protected:
  void SetUp() override {
    DeskFixture::SetUp();
    SetClockForTesting(T(2026, 3, 9, 9, 0));  // Monday; working hours 07:30-11:30, 13:30-17:00
    admin_ = Official("admin.p1", "P1", "admin");
    evaluator_ = Official("eval.p1", "P1", "evaluator");
    desk_ = Official("desk.c1", "C1", "desk");
    specialist_ = Official("spec.c1", "C1", "specialist");
    leader_ = Official("leader.c1", "C1", "leader");
    desk2_ = Official("desk.c2", "C2", "desk");
    proc_ = svc_->CreateProcedure(admin_, BirthInput("P1"));  // 3 working days
    auto other = BirthInput("P1", "2.000815");
    other.name = "Chứng thực bản sao";
    other_ = svc_->CreateProcedure(admin_, other);

    // Monday 09:00: three dossiers at C1 (due Thursday 12/03 09:00), one at C2.
    d1_ = Receive(desk_, "C1", proc_);
    d2_ = Receive(desk_, "C1", proc_);
    d3_ = Receive(desk_, "C1", other_);
    d4_ = Receive(desk2_, "C2", proc_);
    // Tuesday 10:00, d1 early: 8.5 working hours (Monday 6, Tuesday 2.5).
    At(T(2026, 3, 10, 10, 0));
    Do(specialist_, d1_, Action::kResultReady);
    // Thursday 08:00, d2 on time (its due day, before 09:00): 6 + 7.5 + 7.5 + 0.5 = 21.5 hours.
    At(T(2026, 3, 12, 8, 0));
    Do(leader_, d2_, Action::kResultReady);
    // Next Monday 09:00, d3 late: 6 + 4 x 7.5 + 1.5 = 37.5 hours. Two more at C1: one refused, one open.
    At(T(2026, 3, 16, 9, 0));
    Do(specialist_, d3_, Action::kResultReady);
    d5_ = Receive(desk_, "C1", proc_);
    d6_ = Receive(desk_, "C1", proc_);
    Do(desk_, d6_, Action::kRefuse, {.reason = "Không thuộc thẩm quyền"});
    // April: d1's result handed over.
    At(T(2026, 4, 2, 9, 0));
    Do(desk_, d1_, Action::kReturn, {.returned_to = "Nguyễn Thị Hoa"});
    // Reports are read on Monday 16/03 10:00: d4 (due 12/03) is overdue, d5 (due 19/03) on time.
    At(T(2026, 3, 16, 10, 0));
  }
  void TearDown() override { SetClockForTesting(std::nullopt); }
  void At(SysSeconds t) { SetClockForTesting(t); }
  std::string Receive(const auth::Principal& p, const std::string& unit, const Procedure& proc) {
    IntakeInput in;
    in.procedure_id = proc.id;
    in.unit_code = unit;
    in.applicant = {"Nguyễn Thị Hoa", "079123456789", "0912 345 678", "", ""};
    in.summary = "Hồ sơ thử";
    return svc_->Receive(p, in).detail.dossier.code;
  }
  void Do(const auth::Principal& p, const std::string& code, Action a, TransitionInput in = {}) {
    in.action = a;
    svc_->Apply(p, code, in);
  }
  StatsReport Report(const auth::Principal& p, std::string unit, std::string from, std::string to, std::string by,
                     std::string procedure = "", std::string official = "") {
    return svc_->Statistics(
        p, {std::move(unit), std::move(from), std::move(to), std::move(procedure), std::move(official), std::move(by)});
  }
  static const StatsLine* Line(const StatsReport& r, const std::string& key) {
    for (auto& l : r.lines)
      if (l.key == key) return &l;
    return nullptr;
  }
  auth::Principal admin_, evaluator_, desk_, specialist_, leader_, desk2_;
  Procedure proc_, other_;
  std::string d1_, d2_, d3_, d4_, d5_, d6_;
};

TEST_P(DeskStatsTest, ByUnitEachChildWithItsFigures) {
  auto r = Report(admin_, "P1", "2026-03-01", "2026-03-31", "unit");
  EXPECT_EQ(r.unit_code, "P1");
  ASSERT_EQ(r.lines.size(), 2u);     // P1 has no dossier of its own: its two communes, by name
  EXPECT_EQ(r.lines[0].code, "C2");  // Xã Hai before Xã Một
  EXPECT_EQ(r.lines[1].code, "C1");
  const auto& c1 = r.lines[1].f;
  EXPECT_EQ(c1.n.received, 5);
  EXPECT_EQ(c1.n.resolved_early, 1);
  EXPECT_EQ(c1.n.resolved_on_time, 1);
  EXPECT_EQ(c1.n.resolved_late, 1);
  EXPECT_EQ(c1.n.refused, 1);
  EXPECT_EQ(c1.n.returned, 0);               // in April
  EXPECT_EQ(c1.n.resolved_seconds, 243000);  // (8.5 + 21.5 + 37.5) working hours
  EXPECT_EQ(c1.open_on_time, 1);             // d5
  EXPECT_EQ(c1.open_overdue, 0);
  const auto& c2 = r.lines[0].f;
  EXPECT_EQ(c2.n.received, 1);
  EXPECT_EQ(c2.resolved(), 0);
  EXPECT_EQ(c2.open_overdue, 1);  // d4
  // The total is the sum of the lines.
  EXPECT_EQ(r.total.n.received, 6);
  EXPECT_EQ(r.total.resolved(), 3);
  EXPECT_EQ(r.total.open_on_time, 1);
  EXPECT_EQ(r.total.open_overdue, 1);
  EXPECT_DOUBLE_EQ(*OnTimeRate(r.total.n), 2.0 / 3.0);
  EXPECT_EQ(*AverageResolveSeconds(r.total.n), 81000);  // 22.5 working hours

  // A commune alone: its own line.
  auto c = Report(desk_, "C1", "2026-03-01", "2026-03-31", "unit");
  ASSERT_EQ(c.lines.size(), 1u);
  EXPECT_EQ(c.lines[0].code, "C1");
  EXPECT_EQ(c.lines[0].f.n, c1.n);
}

TEST_P(DeskStatsTest, ByProcedureOfficialAndMonth) {
  auto p = Report(admin_, "P1", "2026-03-01", "2026-03-31", "procedure");
  ASSERT_EQ(p.lines.size(), 2u);  // by procedure code: 1.001193 before 2.000815
  EXPECT_EQ(p.lines[0].code, "1.001193");
  EXPECT_EQ(p.lines[0].label, "Đăng ký khai sinh");
  EXPECT_EQ(p.lines[0].f.n.received, 5);  // d1, d2, d4, d5, d6
  EXPECT_EQ(p.lines[0].f.open_on_time + p.lines[0].f.open_overdue, 2);
  EXPECT_EQ(p.lines[1].f.n.received, 1);  // d3
  EXPECT_EQ(p.lines[1].f.n.resolved_late, 1);

  auto o = Report(admin_, "P1", "2026-03-01", "2026-03-31", "official");
  const auto* desk = Line(o, std::to_string(desk_.official_id));
  ASSERT_TRUE(desk);
  EXPECT_EQ(desk->label, "Người desk.c1");
  EXPECT_EQ(desk->f.n.received, 5);
  EXPECT_EQ(desk->f.n.refused, 1);
  EXPECT_EQ(desk->f.open_on_time, 1);  // d5, which the desk officer holds
  const auto* spec = Line(o, std::to_string(specialist_.official_id));
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec->f.n.resolved_early, 1);
  EXPECT_EQ(spec->f.n.resolved_late, 1);
  const auto* leader = Line(o, std::to_string(leader_.official_id));
  ASSERT_TRUE(leader);
  EXPECT_EQ(leader->f.n.resolved_on_time, 1);
  EXPECT_EQ(Line(o, std::to_string(desk2_.official_id))->f.open_overdue, 1);
  EXPECT_FALSE(Line(o, std::to_string(evaluator_.official_id)));  // no figures: no line

  auto m = Report(admin_, "P1", "2026-02-01", "2026-04-30", "month");
  ASSERT_EQ(m.lines.size(), 3u);  // every month of the period, even an empty one
  EXPECT_EQ(m.lines[0].key, "2026-02");
  EXPECT_EQ(m.lines[0].f.n, Counters{});
  EXPECT_EQ(m.lines[1].f.n.received, 6);
  EXPECT_EQ(m.lines[2].key, "2026-04");
  EXPECT_EQ(m.lines[2].f.n.returned, 1);
  EXPECT_EQ(m.lines[1].f.open_on_time + m.lines[1].f.open_overdue, 0);  // in progress: the total only
  EXPECT_EQ(m.total.open_on_time + m.total.open_overdue, 2);

  // Filters: one procedure, one official.
  auto f = Report(admin_, "P1", "2026-03-01", "2026-03-31", "unit", std::to_string(other_.id));
  EXPECT_EQ(f.total.n.received, 1);
  EXPECT_EQ(f.total.open_on_time + f.total.open_overdue, 0);
  EXPECT_EQ(f.procedure_name, "Chứng thực bản sao");
  auto g = Report(admin_, "P1", "2026-03-01", "2026-03-31", "procedure", "", std::to_string(leader_.official_id));
  ASSERT_EQ(g.lines.size(), 1u);
  EXPECT_EQ(g.total.n.resolved_on_time, 1);
  EXPECT_EQ(g.total.n.received, 0);
}

TEST_P(DeskStatsTest, PeriodsOfLooseDaysCountLikeWholeMonths) {
  // 10/03 - 05/04: loose days only (no whole month).
  auto a = Report(admin_, "P1", "2026-03-10", "2026-04-05", "unit");
  EXPECT_EQ(a.total.n.received, 2);  // d5, d6 on 16/03
  EXPECT_EQ(a.total.n.resolved_early, 1);
  EXPECT_EQ(a.total.n.resolved_on_time, 1);
  EXPECT_EQ(a.total.n.resolved_late, 1);
  EXPECT_EQ(a.total.n.refused, 1);
  EXPECT_EQ(a.total.n.returned, 1);
  // The same days grouped otherwise come from the other daily tables (by
  // official; by procedure and official) and add up to the same.
  for (const char* by : {"official", "procedure", "month"})
    EXPECT_EQ(Report(admin_, "P1", "2026-03-10", "2026-04-05", by).total.n, a.total.n) << by;
  // 10/03 - 31/05: loose days of March, then April and May whole.
  auto b = Report(admin_, "P1", "2026-03-10", "2026-05-31", "unit");
  EXPECT_EQ(b.total.n, a.total.n);
  // One day.
  auto c = Report(admin_, "P1", "2026-03-12", "2026-03-12", "month");
  EXPECT_EQ(c.total.n.resolved_on_time, 1);
  EXPECT_EQ(c.total.n.received, 0);
  // And the rolled-up counters hold what the daily ones do.
  for (auto rollup : {StatsRollup::kMonthProcedures, StatsRollup::kMonthOfficials, StatsRollup::kDayOfficials}) {
    const size_t period = rollup == StatsRollup::kDayOfficials ? 10 : 7;
    std::map<std::pair<int64_t, std::string>, Counters> summed, rolled;
    for (auto& row : svc_->Stats()) summed[{row.unit_id, row.day.substr(0, period)}] += row.n;
    for (auto& row : svc_->RollupStats(rollup)) rolled[{row.unit_id, row.day}] += row.n;
    EXPECT_EQ(rolled, summed) << static_cast<int>(rollup);
  }
  // A procedure and an official together: read from the daily rows, whole months included.
  auto both = Report(admin_, "P1", "2026-03-01", "2026-04-30", "procedure", std::to_string(proc_.id),
                     std::to_string(specialist_.official_id));
  EXPECT_EQ(both.total.n.resolved_early, 1);  // d1 (d3, also the specialist's, is another procedure)
  EXPECT_EQ(both.total.n.resolved_late, 0);
  EXPECT_EQ(both.total.n.received, 0);
}

TEST_P(DeskStatsTest, WorkingTimeToResolveLeavesPausesOut) {
  At(T(2026, 3, 23, 9, 0));  // Monday
  const std::string code = Receive(desk_, "C1", proc_);
  At(T(2026, 3, 24, 8, 0));
  Do(specialist_, code, Action::kRequestSupplement, {.reason = "Bản sao giấy chứng sinh"});
  At(T(2026, 3, 25, 8, 0));
  Do(desk_, code, Action::kSupplementReceived);
  At(T(2026, 3, 25, 9, 0));
  Do(specialist_, code, Action::kResultReady);
  // Monday 6 hours, Tuesday 07:30-08:00, Wednesday 08:00-09:00: 7.5 working hours.
  auto r = Report(admin_, "C1", "2026-03-23", "2026-03-25", "unit");
  EXPECT_EQ(r.total.resolved(), 1);
  EXPECT_EQ(r.total.n.resolved_seconds, 27000);
  EXPECT_EQ(r.total.n.supplements, 1);
}

TEST_P(DeskStatsTest, OnlyCallersCoveringTheUnit) {
  EXPECT_NO_THROW(Report(evaluator_, "P1", "", "", ""));  // any role covering it
  EXPECT_EQ(KindOf([&] { Report(desk_, "P1", "", "", ""); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { Report(desk_, "C2", "", "", ""); }), ErrorKind::kForbidden);
  // Without a unit: the caller's own.
  auto r = Report(desk_, "", "", "", "");
  EXPECT_EQ(r.unit_code, "C1");
  EXPECT_EQ(r.from, "2026-03-01");  // this month
  EXPECT_EQ(r.to, "2026-03-31");
  auto options = svc_->StatsChoices(desk_, "");
  ASSERT_EQ(options.units.size(), 1u);
  EXPECT_EQ(options.units[0].value, "C1");
  EXPECT_EQ(svc_->StatsChoices(admin_, "").units.size(), 3u);
}

TEST_P(DeskStatsTest, EveryBadFilterIsReportedAtOnce) {
  try {
    Report(admin_, "NOPE", "2026-02-30", "", "week", "999999", "x");
    FAIL() << "accepted";
  } catch (const AppError& e) {
    ASSERT_EQ(e.kind(), ErrorKind::kBadRequest);
    std::set<std::string> fields;
    for (auto& p : e.problems()) fields.insert(p.field);
    EXPECT_EQ(fields, (std::set<std::string>{"from", "unit", "procedure", "official", "by"}));
  }
}

FG_BOTH_BACKENDS(DeskStatsTest);

}  // namespace
}  // namespace fg::desk
