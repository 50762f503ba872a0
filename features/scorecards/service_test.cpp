// Scorecard assessments through the service, on both backends: the cycle
// (open, self-assess, submit, return, appraise, lock) with its events, who may
// do each step (a commune cannot appraise itself; an evaluator only inside
// their subtree), the frozen-set rule, bad input reported at once without a
// write, the shipped templates, and the on-time rate read from the desk.
#include <gtest/gtest.h>

#include <set>

#include <tuple>

#include "features/calendar/testing.h"
#include "features/desk/testing.h"
#include "features/feedback/service.h"
#include "features/scorecards/json.h"
#include "features/scorecards/rules.h"
#include "features/scorecards/service.h"
#include "features/surveys/service.h"
#include "platform/errors.h"
#include "platform/source_dir.h"
#include "platform/time.h"

namespace fg::scorecards {
namespace {

using fg::testing::KindOf;
using fg::testing::ProblemsOf;

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
          .query_one({"test_scorecard_events",
                      "SELECT COUNT(*) FROM events WHERE entity = 'scorecard_assessment' AND "
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
  for (const char* action : {"open", "self_assess", "submit", "appraise", "lock"})
    EXPECT_EQ(Events(action), 1) << action;
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

// ---- the set editor ----
TEST_P(ScorecardsServiceTest, TheEditorSavesALineAddsUnderAnotherAndRemovesOne) {
  // A leaf's maximum changed: its criterion's maximum follows.
  auto row = RowOf(*Find(set_, "1.2"), "1");
  row.max = "3,5";
  row.title = "Tiêu chí đã sửa";
  auto s = sc_->SaveLine(admin_, set_.id, "1.2", row);
  EXPECT_EQ(Find(s, "1.2")->max, 350);
  EXPECT_EQ(Find(s, "1.2")->title, "Tiêu chí đã sửa");
  EXPECT_EQ(Find(s, "1")->max, 550);
  // A line added under a leaf: 1.1 becomes a criterion, its maximum the sum; the new line last under it.
  LineRow child;
  child.key = "1.1.1";
  child.parent = "1.1";
  child.title = "Dòng mới";
  child.max = "1";
  s = sc_->SaveLine(admin_, set_.id, "", child);
  ASSERT_EQ(Find(s, "1.1")->children.size(), 1u);
  EXPECT_EQ(Find(s, "1.1")->max, 100);
  EXPECT_EQ(sc_->GetSet(admin_, set_.id).criteria[0].children[0].children[0].key, "1.1.1");
  // A renamed criterion keeps its children.
  auto group = RowOf(*Find(s, "1.1"), "1");
  group.key = "1.a";
  s = sc_->SaveLine(admin_, set_.id, "1.1", group);
  ASSERT_NE(Find(s, "1.a"), nullptr);
  EXPECT_EQ(Find(s, "1.a")->children.at(0).key, "1.1.1");
  // A key another line has is refused beside the key, and nothing moves.
  auto clash = RowOf(*Find(s, "1.2"), "1");
  clash.key = "1.1.1";
  EXPECT_EQ(ProblemsOf([&] { sc_->SaveLine(admin_, set_.id, "1.2", clash); }),
            (std::map<std::string, std::string>{{"key", "scorecards.key_duplicate"}}));
  // An edit made on a copy read before another one: refused, nothing lost.
  const auto stale = sc_->GetSet(admin_, set_.id);
  auto first = RowOf(*Find(stale, "2.1"), "2");
  first.title = "Sửa của người thứ nhất";
  sc_->SaveLine(admin_, set_.id, "2.1", first);
  auto late = stale;
  late.name = "Sửa của người thứ hai";
  try {
    sc_->UpdateSet(admin_, set_.id, late, &stale);
    FAIL() << "a stale edit accepted";
  } catch (const AppError& e) {
    EXPECT_EQ(e.key(), "scorecards.set_changed");
  }
  EXPECT_EQ(Find(sc_->GetSet(admin_, set_.id), "2.1")->title, "Sửa của người thứ nhất");
  // Removing a criterion removes its children.
  s = sc_->RemoveLine(admin_, set_.id, "1.a");
  EXPECT_EQ(Find(s, "1.a"), nullptr);
  EXPECT_EQ(Find(s, "1.1.1"), nullptr);
  EXPECT_EQ(Find(s, "1")->max, 350);
  EXPECT_EQ(KindOf([&] { sc_->RemoveLine(admin_, set_.id, "9"); }), ErrorKind::kNotFound);
}

TEST_P(ScorecardsServiceTest, TheEditorNamesTheLinesOwnFieldsAndChangesNothingOnError) {
  auto row = RowOf(*Find(set_, "2.1"), "2");
  row.target = "120";  // above 100 %
  row.min_volume = "nhiều";
  // Parsing first, then the set's checks.
  EXPECT_EQ(ProblemsOf([&] { sc_->SaveLine(admin_, set_.id, "2.1", row); }),
            (std::map<std::string, std::string>{{"min_volume", "scorecards.number_format"}}));
  row.min_volume = "";
  EXPECT_EQ(ProblemsOf([&] { sc_->SaveLine(admin_, set_.id, "2.1", row); }),
            (std::map<std::string, std::string>{{"target", "scorecards.target_range"}}));
  // The total falling under the recognition minimum (8 points): named as the set's, not the line's.
  auto small = RowOf(*Find(set_, "1.2"), "1");
  small.max = "0,5";
  EXPECT_EQ(ProblemsOf([&] { sc_->SaveLine(admin_, set_.id, "1.2", small); }).count("recognition.min_total"), 1u);
  EXPECT_EQ(ToJson(sc_->GetSet(admin_, set_.id)), ToJson(set_));
}

TEST_P(ScorecardsServiceTest, OnlyTheOwnersAdministratorsEditAndNeverASetInUse) {
  auto row = RowOf(*Find(set_, "1.1"), "1");
  EXPECT_TRUE(sc_->MayEditSet(admin_, set_));
  for (const auto* who : {&evaluator_, &leader_, &leader2_}) {
    EXPECT_FALSE(sc_->MayEditSet(*who, set_));
    EXPECT_EQ(KindOf([&] { sc_->SaveLine(*who, set_.id, "1.1", row); }), ErrorKind::kForbidden);
    EXPECT_EQ(KindOf([&] { sc_->RemoveLine(*who, set_.id, "1.1"); }), ErrorKind::kForbidden);
    EXPECT_EQ(KindOf([&] { sc_->ReplaceLines(*who, set_.id, RowsOf(set_.criteria)); }), ErrorKind::kForbidden);
  }
  const auto commune_admin = Official("admin.c1", "C1", "admin");
  EXPECT_FALSE(sc_->MayEditSet(commune_admin, set_));  // the province owns it
  sc_->Open(evaluator_, set_.id, "C1", "2026-01-01", "2026-12-31");
  const auto used = sc_->GetSet(admin_, set_.id);
  EXPECT_FALSE(sc_->MayEditSet(admin_, used));
  EXPECT_EQ(KindOf([&] { sc_->SaveLine(admin_, set_.id, "1.1", row); }), ErrorKind::kConflict);
  EXPECT_EQ(KindOf([&] { sc_->SaveLine(leader_, set_.id, "1.1", row); }), ErrorKind::kForbidden);
  // A new version instead: a copy, editable, the next version of the code; a sample flag dropped.
  auto next = sc_->NewVersion(admin_, set_.id, "P1", "");
  EXPECT_EQ(next.code, set_.code);
  EXPECT_EQ(next.version, set_.version + 1);
  EXPECT_TRUE(sc_->MayEditSet(admin_, next));
  EXPECT_EQ(ToJson(next).at("criteria"), ToJson(set_).at("criteria"));
  EXPECT_EQ(KindOf([&] { sc_->NewVersion(leader_, set_.id, "C1", "ban-sao"); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { sc_->NewVersion(Official("admin.c2", "C2", "admin"), set_.id, "C2", ""); }),
            ErrorKind::kConflict);  // the code is the province's
}

TEST_P(ScorecardsServiceTest, ACommuneCannotAppraiseItselfNorAnEvaluatorOutsideTheirSubtree) {
  auto a = Submitted();
  // The commune's leader holds a grant on the unit itself: not an appraiser.
  EXPECT_EQ(KindOf([&] {
              sc_->Appraise(leader_, a.id, {{"1.1", {false, "", ""}}}, std::nullopt);
            }),
            ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { sc_->Lock(leader_, a.id); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { sc_->Return(leader_, a.id, "Tự trả lại"); }), ErrorKind::kForbidden);
  // An evaluator and a leader of another commune see nothing of it.
  EXPECT_EQ(KindOf([&] {
              sc_->Appraise(other_, a.id, {{"1.1", {false, "", ""}}}, std::nullopt);
            }),
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
  EXPECT_EQ(KindOf([&] {
              sc_->Appraise(evaluator_, b.id, {{"1.2", {true, "2", " "}}}, std::nullopt);
            }),
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

// The rule of TwoCriteria: 8 of 10 points and each criterion at least half its
// maximum, no "ky_luat". C1 meets it; C2 has 9 points but criterion 1 at 2 of 5
// and is flagged; a third period lists apart; the newest locked period is the default.
TEST_P(ScorecardsServiceTest, RecognitionListsWhoMeetsTheRuleAndWhyNot) {
  auto a = Submitted();
  sc_->Appraise(evaluator_, a.id, {{"1.1", {false, "", ""}}, {"1.2", {false, "", ""}}}, std::nullopt);
  sc_->Lock(evaluator_, a.id);  // 1.75 + 3 + 4.5 = 9.25
  fake_.values["on_time_rate"] = {50, 50};
  auto b = sc_->Open(evaluator_, set_.id, "C2", "2026-01-01", "2026-12-31");
  sc_->SelfAssess(leader2_, b.id, {{"1.1", {"1", ""}}, {"1.2", {"1", ""}}});
  sc_->Submit(leader2_, b.id);
  sc_->Appraise(evaluator_, b.id, {{"1.1", {false, "", ""}}, {"1.2", {false, "", ""}}},
                std::set<std::string>{"ky_luat"});
  EXPECT_EQ(*sc_->Lock(evaluator_, b.id).total, 700);  // 1 + 1 + 5
  // A draft of the next year: listed as a period, not the default (nothing locked there).
  sc_->Open(evaluator_, set_.id, "C1", "2027-01-01", "2027-12-31");

  auto l = sc_->RecognitionOf(evaluator_, set_.id, "P1", "");
  EXPECT_EQ(l.ranking.from, "2026-01-01");
  EXPECT_EQ(l.ranking.to, "2026-12-31");
  EXPECT_EQ(l.ranking.periods, (std::vector<std::string>{"2027-01-01", "2026-01-01"}));
  ASSERT_EQ(l.ranking.rows.size(), 2u);
  EXPECT_EQ(l.recognised, 1);
  const auto& one = l.ranking.rows[0];
  EXPECT_EQ(one.entry.unit_name, "Xã Một");
  EXPECT_EQ(one.entry.assessment_id, a.id);
  EXPECT_TRUE(l.results.at(a.id).recognised);
  const auto& two = l.results.at(b.id);
  EXPECT_FALSE(two.recognised);
  EXPECT_FALSE(two.total_ok);  // 7 < 8
  EXPECT_EQ(two.weak_criteria, (std::vector<std::string>{"1"}));
  EXPECT_EQ(two.disqualified_by, (std::vector<std::string>{"ky_luat"}));

  // The next year: one draft, nothing locked, nothing recognised.
  auto next = sc_->RecognitionOf(evaluator_, set_.id, "P1", "2027-01-01");
  EXPECT_TRUE(next.ranking.rows.empty());
  EXPECT_EQ(next.ranking.pending, 1);
  EXPECT_EQ(next.recognised, 0);
  // A commune sees its own subtree only; another commune's not at all.
  EXPECT_EQ(sc_->RecognitionOf(leader_, set_.id, "C1", "").ranking.rows.size(), 1u);
  EXPECT_EQ(KindOf([&] { sc_->RecognitionOf(leader2_, set_.id, "C1", ""); }), ErrorKind::kForbidden);
}

// C1 over 2025 and 2026 (a new version of the set in 2026), beside C2 in 2026:
// oldest first, the peers as figures (count, mean, best) and C1's rank among them.
TEST_P(ScorecardsServiceTest, HistoryComparesAUnitWithItselfAndItsPeers) {
  auto lock = [&](int64_t set_id, const std::string& unit, const auth::Principal& leader, const std::string& year,
                  const char* p11, const char* p12) {
    auto a = sc_->Open(evaluator_, set_id, unit, year + "-01-01", year + "-12-31");
    sc_->SelfAssess(leader, a.id, {{"1.1", {p11, ""}}, {"1.2", {p12, ""}}});
    sc_->Submit(leader, a.id);
    sc_->Appraise(evaluator_, a.id, {{"1.1", {false, "", ""}}, {"1.2", {false, "", ""}}}, std::set<std::string>{});
    return sc_->Lock(evaluator_, a.id);
  };
  fake_.values["on_time_rate"] = {45, 50};                      // 4.5 points
  auto y2025 = lock(set_.id, "C1", leader_, "2025", "1", "1");  // 6.5: under 8, not recognised
  auto v2 = sc_->ImportSet(admin_, "P1", TwoCriteria());        // version 2 of the code
  ASSERT_EQ(v2.version, 2);
  auto y2026 = lock(v2.id, "C1", leader_, "2026", "2", "2,5");  // 9
  lock(v2.id, "C2", leader2_, "2026", "2", "3");                // 9.5
  // A draft of C2 and another set's period do not count.
  sc_->Open(evaluator_, set_.id, "C2", "2025-01-01", "2025-12-31");

  auto h = sc_->HistoryOf(leader_, set_.id, "C1");
  EXPECT_EQ(h.unit_name, "Xã Một");
  EXPECT_EQ(h.set_code, "thu");
  ASSERT_EQ(h.points.size(), 2u);
  const auto& first = h.points[0];
  EXPECT_EQ(first.assessment_id, y2025.id);
  EXPECT_EQ(first.from, "2025-01-01");
  EXPECT_EQ(first.total, 650);
  EXPECT_EQ(first.max_total, 1000);
  EXPECT_FALSE(first.recognised);
  EXPECT_EQ(first.rank, 1);
  EXPECT_EQ(first.peers, 1);
  EXPECT_EQ(first.peer_mean, 650);
  const auto& second = h.points[1];
  EXPECT_EQ(second.assessment_id, y2026.id);
  EXPECT_EQ(second.set_version, 2);
  EXPECT_EQ(second.total, 900);
  EXPECT_TRUE(second.recognised);
  EXPECT_EQ(second.rank, 2);
  EXPECT_EQ(second.peers, 2);
  EXPECT_EQ(second.peer_mean, 925);  // (9 + 9.5) / 2
  EXPECT_EQ(second.peer_best, 950);
  // The province sees it too; another commune does not.
  EXPECT_EQ(sc_->HistoryOf(evaluator_, v2.id, "C1").points.size(), 2u);
  EXPECT_EQ(KindOf([&] { sc_->HistoryOf(leader2_, set_.id, "C1"); }), ErrorKind::kForbidden);
}

// A survey line takes "survey:<element>" and its rule: 27 of 30 reach the 90%
// target (4 points); 20 of 30 give 4 x (20/30) / 0.9 = 2.96 (half up); under the
// set's minimum of 10 answers it is not scored.
TEST_P(ScorecardsServiceTest, SurveyLinesAreScoredFromTheirElement) {
  auto s = TwoCriteria("khao-sat");
  Criterion survey = Manual("2.2", 400);
  survey.method = Method::kSurvey;
  survey.indicator = "cong_chuc";
  survey.rule = Rule{RuleKind::kTarget, 9000, {}, 0, 0};
  s.criteria[1].children.push_back(survey);
  s.criteria[1].max = 900;
  auto set = sc_->ImportSet(admin_, "P1", s);
  auto a = sc_->Open(leader_, set.id, "C1", "2026-01-01", "2026-12-31");
  auto points = [&](IndicatorValue v) {
    fake_.values["survey:cong_chuc"] = v;
    return sc_->View(leader_, a.id).score.lines.at("2.2");
  };
  EXPECT_EQ(points({27, 30}).points, 400);
  EXPECT_EQ(points({20, 30}).points, 296);
  EXPECT_EQ(points({20, 30}).raw->volume, 30);
  EXPECT_TRUE(points({5, 9}).below_minimum);
}

// The province sets the deadlines; the commune's leader is reminded of the
// self-assessment once per kind (soon, then overdue), the evaluator of the
// appraisal after submission; nobody without an address.
TEST_P(ScorecardsServiceTest, DeadlinesAreSetByTheAppraiserAndRemindedOnceThroughTheOutbox) {
  SetClockForTesting(FromLocal(calendar::testing::D(2026, 3, 9), 9 * 3600));
  db_->write([&](db::Conn& c) {
    static const db::Query q{"test_official_email", "UPDATE officials SET email = ? WHERE username = ?"};
    c.exec(q, {std::string("lanh.dao@xamot.gov.vn"), std::string("leader.c1")});
    c.exec(q, {std::string("tham.dinh@tinhmot.gov.vn"), std::string("eval.p1")});
    return 0;
  });
  auto a = sc_->Open(evaluator_, set_.id, "C1", "2026-01-01", "2026-12-31");
  EXPECT_EQ(KindOf([&] { sc_->SetDeadlines(leader_, a.id, "2026-03-12", ""); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { sc_->SetDeadlines(evaluator_, a.id, "2026-03-12", "2026-03-01"); }), ErrorKind::kBadRequest);
  a = sc_->SetDeadlines(evaluator_, a.id, "2026-03-12", "2026-03-20");
  EXPECT_EQ(a.self_due, "2026-03-12");
  EXPECT_EQ(sc_->View(leader_, a.id).a.appraisal_due, "2026-03-20");
  EXPECT_EQ(Events("deadlines"), 1);
  auto outbox = [&] {
    static const db::Query q{
        "test_scorecard_outbox",
        "SELECT email, event, params_json FROM outbox WHERE event = 'scorecard_reminder' ORDER BY id"};
    return db_->read([&](db::Conn& c) {
      std::vector<std::tuple<std::string, std::string, std::string>> out;
      for (const auto& r : c.query(q)) out.emplace_back(r.text(0), r.text(1), r.text(2));
      return out;
    });
  };
  // 09/03: three days before 12/03: the leader, once however often the pass runs.
  EXPECT_EQ(sc_->RemindDue(), 1);
  EXPECT_EQ(sc_->RemindDue(), 0);
  auto rows = outbox();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(std::get<0>(rows[0]), "lanh.dao@xamot.gov.vn");
  EXPECT_NE(std::get<2>(rows[0]).find("12/03/2026"), std::string::npos) << std::get<2>(rows[0]);
  EXPECT_NE(std::get<2>(rows[0]).find("/cham-diem/danh-gia/" + std::to_string(a.id)), std::string::npos);
  // 13/03, still a draft: overdue, once.
  SetClockForTesting(FromLocal(calendar::testing::D(2026, 3, 13), 9 * 3600));
  EXPECT_EQ(sc_->RemindDue(), 1);
  EXPECT_EQ(sc_->RemindDue(), 0);
  // Submitted on 18/03: the appraisal is due 20/03: the province's evaluator (eval.c2 is no ancestor's).
  SetClockForTesting(FromLocal(calendar::testing::D(2026, 3, 18), 9 * 3600));
  sc_->SelfAssess(leader_, a.id, {{"1.1", {"2", ""}}, {"1.2", {"3", ""}}});
  sc_->Submit(leader_, a.id);
  EXPECT_EQ(sc_->RemindDue(), 1);
  rows = outbox();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(std::get<0>(rows[2]), "tham.dinh@tinhmot.gov.vn");
  // A later deadline is a new reminder; locked, none.
  sc_->SetDeadlines(evaluator_, a.id, "2026-03-12", "2026-03-21");
  EXPECT_EQ(sc_->RemindDue(), 1);
  sc_->Appraise(evaluator_, a.id, {{"1.1", {false, "", ""}}, {"1.2", {false, "", ""}}}, std::nullopt);
  sc_->Lock(evaluator_, a.id);
  SetClockForTesting(FromLocal(calendar::testing::D(2026, 3, 30), 9 * 3600));
  EXPECT_EQ(sc_->RemindDue(), 0);
  EXPECT_EQ(KindOf([&] { sc_->SetDeadlines(evaluator_, a.id, "", ""); }), ErrorKind::kConflict);
  SetClockForTesting(std::nullopt);
}

// The commune's leader commits it; the province sees the progress of its
// subtree; nobody else commits or withdraws; a withdrawn one is gone.
TEST_P(ScorecardsServiceTest, CommitmentsOfTheUnitWithTheirProgress) {
  SetClockForTesting(FromLocal(calendar::testing::D(2026, 6, 1), 9 * 3600));
  fake_.values["on_time_rate"] = {45, 50};  // 90%
  fake_.values["late_count"] = {3, 50};
  auto rate = sc_->Commit(leader_, "C1", "on_time_rate", "2026", "98", "");
  auto late = sc_->Commit(leader_, "C1", "late_count", "2026", "5", "Không hẹn trả kết quả thứ Sáu sang tuần sau");
  EXPECT_EQ(KindOf([&] { sc_->Commit(leader_, "C1", "on_time_rate", "2026", "95", ""); }), ErrorKind::kConflict);
  EXPECT_EQ(KindOf([&] { sc_->Commit(evaluator_, "C1", "apology_count", "2026", "1", ""); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { sc_->Commit(leader2_, "C1", "apology_count", "2026", "1", ""); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { sc_->Commit(leader_, "C1", "apology_count", "2026", "-1", ""); }), ErrorKind::kBadRequest);
  sc_->Commit(leader2_, "C2", "on_time_rate", "2026", "90", "");
  const int reads_before = fake_.reads;
  auto list = sc_->Commitments(evaluator_, "P1", 2026);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(fake_.reads - reads_before, 2);  // once per unit
  EXPECT_EQ(list[0].commitment.unit_name, "Xã Một");
  EXPECT_EQ(list[0].commitment.indicator, "late_count");  // by unit, then indicator
  EXPECT_TRUE(list[0].met);                               // 3 late, at most 5
  EXPECT_EQ(list[1].commitment.id, rate.id);
  EXPECT_FALSE(list[1].met);  // 90% < 98%
  EXPECT_TRUE(list[2].met);   // C2: 90% >= 90%
  EXPECT_EQ(sc_->Commitments(leader_, "C1", 2026).size(), 2u);
  EXPECT_EQ(KindOf([&] { sc_->Commitments(leader2_, "C1", 2026); }), ErrorKind::kForbidden);
  // Next year has not begun: nothing measured.
  sc_->Commit(leader_, "C1", "on_time_rate", "2027", "99", "");
  EXPECT_FALSE(sc_->Commitments(leader_, "C1", 2027).at(0).measured);

  EXPECT_EQ(KindOf([&] { sc_->Withdraw(leader2_, late.id); }), ErrorKind::kForbidden);
  sc_->Withdraw(leader_, late.id);
  EXPECT_EQ(KindOf([&] { sc_->Withdraw(leader_, late.id); }), ErrorKind::kNotFound);
  EXPECT_EQ(KindOf([&] { sc_->Withdraw(leader2_, late.id); }), ErrorKind::kForbidden);  // no leak of "withdrawn"
  EXPECT_EQ(sc_->Commitments(leader_, "C1", 2026).size(), 1u);
  // Withdrawn, the indicator may be committed again.
  sc_->Commit(leader_, "C1", "late_count", "2026", "4", "");
  auto events = db_->read([&](db::Conn& c) {
    return c.query_one({"test_commitment_events", "SELECT COUNT(*) FROM events WHERE entity = 'scorecard_commitment'"})
        ->i64(0);
  });
  EXPECT_EQ(events, 6);  // 5 commitments, 1 withdrawal
  SetClockForTesting(std::nullopt);
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

TEST_P(ScorecardsServiceTest, APeriodIsAtMostTheFiveYearsTheLiveFiguresCount) {
  // The longest: 01/01/2021 to 31/12/2025, which the desk's and the feedback's statistics accept.
  auto a = sc_->Open(evaluator_, set_.id, "C1", "2021-01-01", "2025-12-31");
  LiveIndicators live(*svc_, nullptr, nullptr, std::make_shared<feedback::Service>(*db_, *calendar_));
  Service real(*db_, live);
  EXPECT_EQ(real.View(evaluator_, a.id).score.lines.at("2.1").raw->volume, 0);  // read, not refused
  try {
    sc_->Open(evaluator_, set_.id, "C2", "2021-01-01", "2026-01-01");
    FAIL() << "a period of five years and a day accepted";
  } catch (const AppError& e) {
    EXPECT_EQ(e.field(), "to");
    EXPECT_EQ(e.key(), "scorecards.period_order");
  }
}

TEST_P(ScorecardsServiceTest, AFileAttachedByMistakeIsRemovedBeforeSubmittingOnly) {
  auto a = sc_->Open(leader_, set_.id, "C1", "2026-01-01", "2026-12-31");
  const std::string pdf = "%PDF-1.4\nnhầm tệp";
  auto wrong = sc_->AddEvidence(leader_, a.id, "1.1", "Nhầm tệp", pdf);
  auto kept = sc_->AddEvidence(leader_, a.id, "1.2", "Biên bản", pdf);
  // Only the unit's own leaders and administrators: not the province's evaluator, not another commune.
  EXPECT_EQ(KindOf([&] { sc_->RemoveEvidence(evaluator_, wrong.id); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { sc_->RemoveEvidence(leader2_, wrong.id); }), ErrorKind::kForbidden);
  EXPECT_EQ(sc_->RemoveEvidence(leader_, wrong.id), a.id);
  auto left = sc_->EvidenceOf(leader_, a.id);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].id, kept.id);
  EXPECT_EQ(sc_->EvidenceFile(leader_, kept.id).second, pdf);  // the content another line names stays
  EXPECT_EQ(Events("evidence_remove"), 1);
  EXPECT_EQ(KindOf([&] { sc_->RemoveEvidence(leader_, wrong.id); }), ErrorKind::kNotFound);
  // Content no attached file names is not kept: adding and removing never piles it up.
  auto other = sc_->AddEvidence(leader_, a.id, "1.1", "Tệp khác", "%PDF-1.4\nkhác");
  sc_->RemoveEvidence(leader_, other.id);
  auto kept_bytes = [&] {
    return db_->read([&](db::Conn& c) {
      return c
          .query_one({"test_scorecard_file_bytes", "SELECT COUNT(*) FROM scorecard_files WHERE content_base64 <> ''"})
          ->i64(0);
    });
  };
  EXPECT_EQ(kept_bytes(), 1);
  // Attached again: its bytes are back.
  auto again = sc_->AddEvidence(leader_, a.id, "1.1", "Tệp khác", "%PDF-1.4\nkhác");
  EXPECT_EQ(sc_->EvidenceFile(leader_, again.id).second, "%PDF-1.4\nkhác");
  EXPECT_EQ(kept_bytes(), 2);
  sc_->RemoveEvidence(leader_, again.id);
  EXPECT_EQ(KindOf([&] { sc_->RemoveEvidence(leader2_, other.id); }), ErrorKind::kForbidden);  // still who first
  sc_->SelfAssess(leader_, a.id, {{"1.1", {"2", ""}}, {"1.2", {"3", ""}}});
  sc_->Submit(leader_, a.id);
  EXPECT_EQ(KindOf([&] { sc_->RemoveEvidence(leader_, kept.id); }), ErrorKind::kConflict);
  EXPECT_EQ(sc_->EvidenceOf(leader_, a.id).size(), 1u);
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

// A feedback item answered before its deadline: one of one on time.
TEST_P(ScorecardsLiveTest, FeedbackAnsweredOnTimeFromTheRegister) {
  SetClockForTesting(FromLocal(calendar::testing::D(2026, 3, 9), 9 * 3600));
  auto desk = Official("desk.c1", "C1", "desk");
  auto leader = Official("leader.c1", "C1", "leader");
  auto evaluator = Official("eval.p1", "P1", "evaluator");
  auto fb = std::make_shared<feedback::Service>(*db_, *calendar_);
  feedback::ItemInput in;
  in.kind = "feedback";
  in.channel = "hotline";
  in.category = "infrastructure";
  in.unit_code = "C1";
  in.title = "Đèn đường hỏng";
  in.content = "Đèn đường ở ấp 3 tắt đã một tuần.";
  in.person = {"Trần Thị Bình", "0912 345 678", "", ""};
  const std::string code = fb->Register(desk, in).code;
  fb->Register(desk, in);  // not answered: neither on time nor late
  SetClockForTesting(FromLocal(calendar::testing::D(2026, 3, 12), 9 * 3600));
  feedback::ActionInput reply;
  reply.action = feedback::Action::kDraftReply;
  reply.text = "Đã thay bóng đèn.";
  fb->Apply(desk, code, reply);
  reply = {};
  reply.action = feedback::Action::kApproveReply;
  fb->Apply(leader, code, reply);
  LiveIndicators live(*svc_, nullptr, nullptr, fb);
  // Read with the province evaluator's rights, as locking does.
  auto v = live.Read(evaluator, "C1", "2026-01-01", "2026-12-31");
  EXPECT_EQ(v.at("feedback_on_time_rate").count, 1);
  EXPECT_EQ(v.at("feedback_on_time_rate").volume, 1);
  EXPECT_EQ(v.at("feedback_satisfaction_share").volume, 0);  // nobody rated the answer
  EXPECT_EQ(live.Read(evaluator, "C1", "2025-01-01", "2025-12-31").at("feedback_on_time_rate").volume, 0);
  SetClockForTesting(std::nullopt);
}

// Two citizens answer the SIPAS questionnaire for C1, one all 5, one all 2:
// every element is half satisfied; a period the campaign does not meet has none.
TEST_P(ScorecardsLiveTest, SurveyElementsFromTheCampaignsOfThePeriod) {
  SetClockForTesting(FromLocal(calendar::testing::D(2026, 3, 9), 9 * 3600));
  auto admin = Official("admin.p1", "P1", "admin");
  auto evaluator = Official("eval.p1", "P1", "evaluator");
  auto surveys = std::make_shared<surveys::Service>(*db_, *svc_);
  surveys::CampaignInput in;
  in.name = "Khảo sát SIPAS 6 tháng đầu năm 2026";
  in.questionnaire_id = surveys->SipasTemplate().id;
  in.from = "2026-03-01";
  in.to = "2026-08-31";
  in.unit_codes = {"C1", "C2"};
  in.target = "100";
  auto k = surveys->CreateCampaign(admin, in);
  auto invitations = surveys->CreateInvitations(admin, k.id, "C1", "2", false);
  ASSERT_EQ(invitations.size(), 2u);
  for (int i = 0; i < 2; ++i) {
    surveys::Answers a;
    for (int q = 1; q <= 19; ++q) a["q" + std::to_string(q)] = {i == 0 ? "5" : "2"};
    surveys->Answer(invitations[i].token, a);
  }
  LiveIndicators live(*svc_, nullptr, nullptr, nullptr, surveys);
  auto v = live.Read(evaluator, "C1", "2026-01-01", "2026-12-31");
  int elements = 0;
  for (const auto& [key, value] : v) {
    if (!key.starts_with("survey:")) continue;
    ++elements;
    EXPECT_GT(value.volume, 0) << key;
    EXPECT_EQ(value.count * 2, value.volume) << key;
  }
  EXPECT_EQ(elements, 5);  // the SIPAS template's five elements
  EXPECT_TRUE(v.count("survey:cong_chuc"));
  // C2 had no answers; 2025 meets no campaign.
  EXPECT_EQ(live.Read(evaluator, "C2", "2026-01-01", "2026-12-31").at("survey:cong_chuc").volume, 0);
  EXPECT_FALSE(live.Read(evaluator, "C1", "2025-01-01", "2025-12-31").count("survey:cong_chuc"));
  SetClockForTesting(std::nullopt);
}

FG_BOTH_BACKENDS(ScorecardsLiveTest);

}  // namespace
}  // namespace fg::scorecards
