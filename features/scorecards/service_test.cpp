// Scorecard assessments through the service, on both backends: the cycle
// (open, self-assess, submit, return, appraise, lock) with its events, who may
// do each step (a commune cannot appraise itself; an evaluator only inside
// their subtree), the frozen-set rule, bad input reported at once without a
// write, the shipped templates, and the on-time rate read from the desk.
#include <gtest/gtest.h>

#include "features/calendar/testing.h"
#include "features/desk/testing.h"
#include "features/scorecards/rules.h"
#include "features/scorecards/service.h"
#include "platform/errors.h"
#include "platform/source_dir.h"
#include "platform/time.h"

namespace fg::scorecards {
namespace {

using fg::testing::KindOf;

// Figures handed to the service instead of the live counters.
class FakeIndicators : public IndicatorSource {
 public:
  std::map<std::string, IndicatorValue> values;
  int reads = 0;
  std::map<std::string, IndicatorValue> Read(const auth::Principal&, const std::string&, const std::string&,
                                             const std::string&) override {
    ++reads;
    return values;
  }
};

Criterion Manual(std::string key, Points max) {
  Criterion c;
  c.key = std::move(key);
  c.title = "Tiêu chí " + c.key;
  c.max = max;
  c.step = 25;
  return c;
}

// 1 (5 points): 1.1 manual 2, 1.2 manual 3; 2 (5 points): 2.1 on-time rate at 100%.
CriteriaSet TwoCriteria(const std::string& code = "thu") {
  CriteriaSet s;
  s.code = code;
  s.name = "Bộ tiêu chí thử";
  s.min_volume = 10;
  s.recognition.min_total = 800;
  s.recognition.min_share_bp = 5000;
  s.recognition.disqualifiers = {{"ky_luat", "Bị kỷ luật"}};
  Criterion one = Manual("1", 500);
  one.children = {Manual("1.1", 200), Manual("1.2", 300)};
  Criterion rate = Manual("2.1", 500);
  rate.method = Method::kIndicator;
  rate.indicator = "on_time_rate";
  rate.rule = Rule{RuleKind::kTarget, 10000, {}, 0, 0};
  Criterion two = Manual("2", 500);
  two.children = {rate};
  s.criteria = {one, two};
  return s;
}

class ScorecardsServiceTest : public desk::testing::DeskFixture {
 protected:
  void SetUp() override {
    DeskFixture::SetUp();
    admin_ = Official("admin.p1", "P1", "admin");
    evaluator_ = Official("eval.p1", "P1", "evaluator");
    leader_ = Official("leader.c1", "C1", "leader");
    other_ = Official("eval.c2", "C2", "evaluator");
    leader2_ = Official("leader.c2", "C2", "leader");
    sc_ = std::make_unique<Service>(*db_, fake_);
    fake_.values["on_time_rate"] = {45, 50};  // 90% x 5 = 4.5 points
    set_ = sc_->ImportSet(admin_, "P1", TwoCriteria());
  }
  int64_t Events(const std::string& action) {
    return db_->read([&](db::Conn& c) {
      return c
          .query_one({"test_scorecard_events", "SELECT COUNT(*) FROM events WHERE entity = 'scorecard_assessment' AND "
                                               "action = ?"},
                     {action})
          ->i64(0);
    });
  }
  Assessment Submitted() {
    auto a = sc_->Open(evaluator_, set_.id, "C1", "2026-01-01", "2026-12-31");
    sc_->SelfAssess(leader_, a.id, {{"1.1", {"1,75", "Đã niêm yết đủ"}}, {"1.2", {"3", ""}}});
    return sc_->Submit(leader_, a.id);
  }
  FakeIndicators fake_;
  auth::Principal admin_, evaluator_, leader_, other_, leader2_;
  std::unique_ptr<Service> sc_;
  CriteriaSet set_;
};

TEST_P(ScorecardsServiceTest, TheCycleFromSelfAssessmentToLockedScore) {
  auto a = Submitted();
  EXPECT_EQ(a.state, State::kSubmitted);
  // The appraiser accepts 1.1 and lowers 1.2 to 2.5 with a reason.
  a = sc_->Appraise(evaluator_, a.id, {{"1.1", {false, "", ""}}, {"1.2", {true, "2,5", "Thiếu biên bản họp"}}},
                    std::nullopt);
  EXPECT_EQ(a.lines.at("1.1").appraised_points, 175);
  EXPECT_EQ(a.lines.at("1.2").appraised_points, 250);
  EXPECT_EQ(a.lines.at("1.2").self_points, 300);
  a = sc_->Lock(evaluator_, a.id);
  EXPECT_EQ(a.state, State::kLocked);
  // 1.75 + 2.5 + 45/50 x 5 = 4.5: 8.75.
  ASSERT_TRUE(a.total);
  EXPECT_EQ(*a.total, 875);
  // The figure is fixed at lock: later counters do not change the score.
  fake_.values["on_time_rate"] = {10, 50};
  auto v = sc_->View(leader_, a.id);
  EXPECT_EQ(v.score.total, 875);
  EXPECT_EQ(v.score.lines.at("2.1").raw->count, 45);
  EXPECT_TRUE(v.recognition.recognised);
  EXPECT_FALSE(v.may_self_assess);
  EXPECT_FALSE(v.may_appraise);
  for (const char* action : {"open", "self_assess", "submit", "appraise", "lock"}) EXPECT_EQ(Events(action), 1) << action;
  // Locked: nothing changes any more.
  EXPECT_EQ(KindOf([&] { sc_->SelfAssess(leader_, a.id, {{"1.1", {"2", ""}}}); }), ErrorKind::kConflict);
  EXPECT_EQ(KindOf([&] { sc_->Lock(evaluator_, a.id); }), ErrorKind::kConflict);
}

TEST_P(ScorecardsServiceTest, ReturnedForCorrectionTheCommuneEditsAndSubmitsAgain) {
  auto a = Submitted();
  EXPECT_EQ(KindOf([&] { sc_->Return(evaluator_, a.id, " "); }), ErrorKind::kBadRequest);
  a = sc_->Return(evaluator_, a.id, "Bổ sung minh chứng tiêu chí 1.2");
  EXPECT_EQ(a.state, State::kReturned);
  EXPECT_EQ(a.return_comment, "Bổ sung minh chứng tiêu chí 1.2");
  EXPECT_EQ(KindOf([&] { sc_->Appraise(evaluator_, a.id, {}, std::nullopt); }), ErrorKind::kConflict);
  sc_->SelfAssess(leader_, a.id, {{"1.2", {"2,75", "Đã bổ sung"}}});
  a = sc_->Submit(leader_, a.id);
  EXPECT_EQ(a.state, State::kSubmitted);
  EXPECT_EQ(a.lines.at("1.2").self_points, 275);
  EXPECT_EQ(Events("return"), 1);
  EXPECT_EQ(Events("submit"), 2);
}

TEST_P(ScorecardsServiceTest, ACommuneCannotAppraiseItselfNorAnEvaluatorOutsideTheirSubtree) {
  auto a = Submitted();
  // The commune's leader holds a grant on the unit itself: not an appraiser.
  EXPECT_EQ(KindOf([&] { sc_->Appraise(leader_, a.id, {{"1.1", {false, "", ""}}}, std::nullopt); }),
            ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { sc_->Lock(leader_, a.id); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { sc_->Return(leader_, a.id, "Tự trả lại"); }), ErrorKind::kForbidden);
  // An evaluator and a leader of another commune see nothing of it.
  EXPECT_EQ(KindOf([&] { sc_->Appraise(other_, a.id, {{"1.1", {false, "", ""}}}, std::nullopt); }),
            ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { sc_->View(leader2_, a.id); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { sc_->Open(other_, set_.id, "C1", "2027-01-01", "2027-12-31"); }), ErrorKind::kForbidden);
  // The province does not self-assess for the commune.
  auto b = sc_->Open(evaluator_, set_.id, "C1", "2027-01-01", "2027-12-31");
  EXPECT_EQ(KindOf([&] { sc_->SelfAssess(evaluator_, b.id, {{"1.1", {"2", ""}}}); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { sc_->SelfAssess(admin_, b.id, {{"1.1", {"2", ""}}}); }), ErrorKind::kForbidden);
  EXPECT_EQ(Events("appraise"), 0);
}

TEST_P(ScorecardsServiceTest, BadPointsAreAllReportedAndNothingIsWritten) {
  auto a = sc_->Open(leader_, set_.id, "C1", "", "");
  EXPECT_EQ(a.from, TodayLocalIso().substr(0, 4) + "-01-01");
  EXPECT_EQ(a.to, TodayLocalIso().substr(0, 4) + "-12-31");
  try {
    sc_->SelfAssess(leader_, a.id, {{"1.1", {"2,5", ""}}, {"1.2", {"1,1", ""}}, {"2.1", {"1", ""}}});
    FAIL();
  } catch (const AppError& e) {
    std::vector<std::string> fields;
    for (auto& p : e.problems()) fields.push_back(p.field + " " + p.key);
    EXPECT_EQ(fields, (std::vector<std::string>{"lines.1.1.points scorecards.points_max",
                                                "lines.1.2.points scorecards.points_step",
                                                "lines.2.1.points scorecards.line_unknown"}));
  }
  auto v = sc_->View(leader_, a.id);
  EXPECT_TRUE(v.a.lines.empty());
  EXPECT_EQ(v.a.revision, 1);
  EXPECT_EQ(Events("self_assess"), 0);
  // Submitting without every manual line's points names the missing ones.
  try {
    sc_->Submit(leader_, a.id);
    FAIL();
  } catch (const AppError& e) {
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.problems()[0].field, "lines.1.1.points");
  }
  // An adjustment needs a reason.
  auto b = sc_->Open(evaluator_, set_.id, "C2", "2025-01-01", "2025-12-31");
  sc_->SelfAssess(leader2_, b.id, {{"1.1", {"1", ""}}, {"1.2", {"3", ""}}});
  sc_->Submit(leader2_, b.id);
  EXPECT_EQ(KindOf([&] { sc_->Appraise(evaluator_, b.id, {{"1.2", {true, "2", " "}}}, std::nullopt); }),
            ErrorKind::kBadRequest);
  EXPECT_EQ(KindOf([&] { sc_->Lock(evaluator_, b.id); }), ErrorKind::kBadRequest);  // nothing appraised yet
}

TEST_P(ScorecardsServiceTest, ASetInUseIsFrozenAndChangesBecomeANewVersion) {
  auto changed = TwoCriteria();
  changed.name = "Bộ tiêu chí thử (sửa)";
  auto s = sc_->UpdateSet(admin_, set_.id, changed);
  EXPECT_EQ(s.version, 1);
  EXPECT_EQ(sc_->GetSet(admin_, set_.id).name, "Bộ tiêu chí thử (sửa)");
  sc_->Open(leader_, set_.id, "C1", "2026-01-01", "2026-12-31");
  EXPECT_TRUE(sc_->GetSet(admin_, set_.id).frozen);
  EXPECT_EQ(KindOf([&] { sc_->UpdateSet(admin_, set_.id, TwoCriteria()); }), ErrorKind::kConflict);
  auto v2 = sc_->ImportSet(admin_, "P1", TwoCriteria());
  EXPECT_EQ(v2.version, 2);
  EXPECT_NE(v2.id, set_.id);
  EXPECT_EQ(sc_->GetSet(admin_, set_.id).name, "Bộ tiêu chí thử (sửa)");
  // A code belongs to its unit; only administrators import.
  EXPECT_EQ(KindOf([&] { sc_->ImportSet(Official("admin.c2", "C2", "admin"), "C2", TwoCriteria()); }),
            ErrorKind::kConflict);
  EXPECT_EQ(KindOf([&] { sc_->ImportSet(evaluator_, "P1", TwoCriteria("khac")); }), ErrorKind::kForbidden);
}

TEST_P(ScorecardsServiceTest, RankingListsLockedUnitsWithTheMinimumVolumeGuard) {
  auto a = Submitted();
  sc_->Appraise(evaluator_, a.id, {{"1.1", {false, "", ""}}, {"1.2", {false, "", ""}}}, std::nullopt);
  sc_->Lock(evaluator_, a.id);  // 1.75 + 3 + 4.5 = 9.25
  // C2: full manual points, but only 5 dossiers (< 10): unranked.
  fake_.values["on_time_rate"] = {5, 5};
  auto b = sc_->Open(evaluator_, set_.id, "C2", "2026-01-01", "2026-12-31");
  sc_->SelfAssess(leader2_, b.id, {{"1.1", {"2", ""}}, {"1.2", {"3", ""}}});
  sc_->Submit(leader2_, b.id);
  sc_->Appraise(evaluator_, b.id, {{"1.1", {false, "", ""}}, {"1.2", {false, "", ""}}}, std::set<std::string>{});
  auto locked = sc_->Lock(evaluator_, b.id);
  EXPECT_TRUE(locked.below_minimum);
  EXPECT_EQ(*locked.total, 500);
  auto r = sc_->RankingOf(evaluator_, set_.id, "P1", "2026-01-01");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].entry.unit_name, "Xã Một");
  EXPECT_EQ(r.rows[0].rank, 1);
  EXPECT_EQ(r.rows[1].entry.unit_name, "Xã Hai");
  EXPECT_EQ(r.rows[1].rank, 0);
  EXPECT_EQ(r.pending, 0);
}

TEST_P(ScorecardsServiceTest, ShippedTemplatesAreInstalledOnce) {
  sc_->InstallTemplates(FG_SOURCE_DIR);
  sc_->InstallTemplates(FG_SOURCE_DIR);
  std::map<std::string, int> codes;
  for (const auto& s : sc_->Sets(leader_)) ++codes[s.code];
  EXPECT_EQ(codes, (std::map<std::string, int>{{"chi-so-766", 1}, {"cqtt", 1}, {"par-index", 1}, {"thu", 1}}));
}

TEST_P(ScorecardsServiceTest, EvidenceIsTypedByContentStoredOnceAndRequiredBeforeSubmitting) {
  auto needs = TwoCriteria("can-minh-chung");
  needs.criteria[0].children[0].evidence_required = true;
  needs.criteria[0].children[0].evidence_what = "Ảnh chụp";
  auto set = sc_->ImportSet(admin_, "P1", needs);
  auto a = sc_->Open(leader_, set.id, "C1", "2026-01-01", "2026-12-31");
  sc_->SelfAssess(leader_, a.id, {{"1.1", {"2", ""}}, {"1.2", {"3", ""}}});
  try {
    sc_->Submit(leader_, a.id);
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.key(), "scorecards.evidence_missing");
    EXPECT_EQ(e.field(), "lines.1.1.points");
  }
  // Named .pdf but an executable: refused by its content.
  EXPECT_EQ(KindOf([&] { sc_->AddEvidence(leader_, a.id, "1.1", "bien-ban.pdf", "MZ\x90\0"); }),
            ErrorKind::kUnsupportedMediaType);
  EXPECT_EQ(KindOf([&] { sc_->AddEvidence(leader_, a.id, "1.1", "", std::string(kMaxEvidenceBytes + 1, 'x')); }),
            ErrorKind::kTooLarge);
  EXPECT_EQ(KindOf([&] { sc_->AddEvidence(leader_, a.id, "9.9", "", "%PDF-1.4"); }), ErrorKind::kBadRequest);
  // Another commune's leader and the province's evaluator do not add evidence.
  EXPECT_EQ(KindOf([&] { sc_->AddEvidence(leader2_, a.id, "1.1", "", "%PDF-1.4"); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { sc_->AddEvidence(evaluator_, a.id, "1.1", "", "%PDF-1.4"); }), ErrorKind::kForbidden);
  const std::string pdf = "%PDF-1.4\nbiên bản";
  auto e1 = sc_->AddEvidence(leader_, a.id, "1.1", "Biên bản họp", pdf);
  auto e2 = sc_->AddEvidence(leader_, a.id, "1.2", "", pdf);
  EXPECT_EQ(e1.mime, "application/pdf");
  EXPECT_EQ(e1.sha256, e2.sha256);
  EXPECT_EQ(e1.sha256.size(), 64u);
  EXPECT_EQ(e2.name, "Tệp minh chứng");
  auto files = db_->read([&](db::Conn& c) {
    return c.query_one({"test_scorecard_files", "SELECT COUNT(*) FROM scorecard_files"})->i64(0);
  });
  EXPECT_EQ(files, 1);
  auto [stored, bytes] = sc_->EvidenceFile(evaluator_, e1.id);
  EXPECT_EQ(bytes, pdf);
  EXPECT_EQ(stored.name, "Biên bản họp");
  EXPECT_EQ(KindOf([&] { sc_->EvidenceFile(leader2_, e1.id); }), ErrorKind::kForbidden);
  EXPECT_EQ(sc_->EvidenceOf(leader_, a.id).size(), 2u);
  EXPECT_EQ(Events("evidence_add"), 2);
  EXPECT_EQ(sc_->Submit(leader_, a.id).state, State::kSubmitted);
  // Submitted: no more files.
  EXPECT_EQ(KindOf([&] { sc_->AddEvidence(leader_, a.id, "1.1", "", pdf); }), ErrorKind::kConflict);
}

FG_BOTH_BACKENDS(ScorecardsServiceTest);

// The on-time rate comes from the desk's counters of the unit's subtree and period.
class ScorecardsLiveTest : public desk::testing::DeskFixture {};

TEST_P(ScorecardsLiveTest, OnTimeRateFromTheDeskCounters) {
  SetClockForTesting(FromLocal(calendar::testing::D(2026, 3, 9), 9 * 3600));
  auto admin = Official("admin.p1", "P1", "admin");
  auto desk = Official("desk.c1", "C1", "desk");
  auto leader = Official("leader.c1", "C1", "leader");
  auto proc = svc_->CreateProcedure(admin, BirthInput("P1"));
  desk::IntakeInput in;
  in.procedure_id = proc.id;
  in.unit_code = "C1";
  in.applicant = {"Nguyễn Thị Hoa", "079123456789", "0912 345 678", "", "Ấp 3, Xã Một"};
  in.summary = "Đăng ký khai sinh cho con";
  in.documents = {{"Tờ khai đăng ký khai sinh", "original", 1}};
  auto code = svc_->Receive(desk, in).detail.dossier.code;
  desk::TransitionInput t;
  t.action = desk::Action::kTransfer;
  t.to_official = leader.official_id;
  svc_->Apply(desk, code, t);
  t = {};
  t.action = desk::Action::kResultReady;
  svc_->Apply(leader, code, t);
  LiveIndicators live(*svc_, nullptr, nullptr);
  auto v = live.Read(leader, "C1", "2026-01-01", "2026-12-31");
  EXPECT_EQ(v.at("on_time_rate").count, 1);
  EXPECT_EQ(v.at("on_time_rate").volume, 1);
  EXPECT_EQ(v.at("late_count").count, 0);
  // C2 had none.
  auto admin_view = live.Read(admin, "C2", "2026-01-01", "2026-12-31");
  EXPECT_EQ(admin_view.at("on_time_rate").volume, 0);
  SetClockForTesting(std::nullopt);
}

FG_BOTH_BACKENDS(ScorecardsLiveTest);

}  // namespace
}  // namespace fg::scorecards
