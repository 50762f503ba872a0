// The evaluation's computed criteria on crafted dossiers, grading at the band
// edges, entered points, and SIPAS indexes from hand-made answers. Every
// expected value is worked out by hand in the comments.
#include <gtest/gtest.h>

#include "features/surveys/rules.h"
#include "platform/errors.h"

namespace fg::surveys {
namespace {

using desk::Action;
using desk::Timeliness;

CriteriaSet Nine() {
  CriteriaSet s;
  s.id = 1;
  s.code = "nd61";
  s.name = "Bộ tiêu chí quốc gia";
  s.criteria = {{"c1", "Tổng thời gian", "total_time"},
                {"c2", "Thời gian từng cơ quan", "step_time"},
                {"c3", "Số lần liên hệ", "supplements"},
                {"c4", "Số cơ quan", "agencies"},
                {"c5", "Một cửa", ""},
                {"c6", "Công khai", ""},
                {"c7", "Thái độ", ""},
                {"c8", "Tiếp thu ý kiến", ""},
                {"c9", "Dịch vụ công trực tuyến", ""}};
  return s;
}

desk::Handover Step(std::optional<Timeliness> t) {
  desk::Handover h;
  h.timeliness = t;
  return h;
}

desk::Entry E(Action a) {
  desk::Entry e;
  e.action = a;
  return e;
}

std::map<std::string, std::string> Entered(const std::string& c5, const std::string& c6, const std::string& c7,
                                           const std::string& c8, const std::string& c9) {
  return {{"c5", c5}, {"c6", c6}, {"c7", c7}, {"c8", c8}, {"c9", c9}};
}

TEST(SurveysRules, EarlyDossierWithOneStepOnTimeAndNoReturns) {
  desk::Dossier d;
  d.timeliness = Timeliness::kEarly;
  // Intake early, appraisal on time, the signature still open (not counted).
  auto f = FactsOf(d, {Step(Timeliness::kEarly), Step(Timeliness::kOnTime), Step(std::nullopt)},
                   {E(Action::kReceive), E(Action::kTransfer), E(Action::kResultReady)});
  // c1 early = 2; c2 worst finished step on time = 1; c3 no supplement = 2; c4 one agency = 2;
  // entered 2 + 2 + 1 + 2 + 2 = 9; total 2 + 1 + 2 + 2 + 9 = 16 > 15: Xuất sắc.
  auto e = Score(Nine(), f, Entered("2", "2", "1", "2", "2"));
  EXPECT_EQ(e.points.at("c1"), 2);
  EXPECT_EQ(e.points.at("c2"), 1);
  EXPECT_EQ(e.points.at("c3"), 2);
  EXPECT_EQ(e.points.at("c4"), 2);
  EXPECT_EQ(e.total, 16);
  EXPECT_EQ(e.max_total, 18);
  EXPECT_EQ(e.grade, Grade::kExcellent);
}

TEST(SurveysRules, LateDossierWithALateAgencyAndTwoReturns) {
  desk::Dossier d;
  d.timeliness = Timeliness::kLate;
  auto f = FactsOf(d, {Step(Timeliness::kEarly), Step(Timeliness::kLate)},
                   {E(Action::kReceive), E(Action::kRequestSupplement), E(Action::kSupplementReceived),
                    E(Action::kRequestSupplement), E(Action::kSupplementReceived), E(Action::kResultReady)});
  EXPECT_EQ(f.supplements, 2);
  // c1 late = 0; c2 one agency late = 0; c3 two returns = 0; c4 = 2; entered 10: total 12, Tốt.
  auto e = Score(Nine(), f, Entered("2", "2", "2", "2", "2"));
  EXPECT_EQ(e.points.at("c1"), 0);
  EXPECT_EQ(e.points.at("c2"), 0);
  EXPECT_EQ(e.points.at("c3"), 0);
  EXPECT_EQ(e.total, 12);
  EXPECT_EQ(e.grade, Grade::kGood);
}

TEST(SurveysRules, OnTimeDossierCameBackOnce) {
  desk::Dossier d;
  d.timeliness = Timeliness::kOnTime;
  auto f = FactsOf(d, {Step(Timeliness::kOnTime), Step(Timeliness::kOnTime)},
                   {E(Action::kRequestSupplement), E(Action::kApology)});
  // c1 1, c2 1, c3 once = 1, c4 2; entered 0 + 1 + 1 + 0 + 1 = 3: total 8, Trung bình.
  auto e = Score(Nine(), f, Entered("0", "1", "1", "0", "1"));
  EXPECT_EQ(e.points.at("c3"), 1);
  EXPECT_EQ(e.total, 8);
  EXPECT_EQ(e.grade, Grade::kAverage);
}

TEST(SurveysRules, NoFinishedHandoverFallsBackOnTheDossier) {
  desk::Dossier d;
  d.timeliness = Timeliness::kEarly;
  auto f = FactsOf(d, {}, {});
  EXPECT_EQ(*Computed("step_time", f), 2);
  EXPECT_EQ(Computed("", f), std::nullopt);
}

TEST(SurveysRules, AgenciesScale) {
  DossierFacts f;
  f.agencies = 2;
  EXPECT_EQ(*Computed("agencies", f), 1);
  f.agencies = 3;
  EXPECT_EQ(*Computed("agencies", f), 0);
}

TEST(SurveysRules, GradeBandEdges) {
  EXPECT_EQ(GradeOf(18), Grade::kExcellent);
  EXPECT_EQ(GradeOf(16), Grade::kExcellent);
  EXPECT_EQ(GradeOf(15), Grade::kGood);  // the published bands leave 15 out; graded Tốt here
  EXPECT_EQ(GradeOf(12), Grade::kGood);
  EXPECT_EQ(GradeOf(11), Grade::kFair);
  EXPECT_EQ(GradeOf(9), Grade::kFair);
  EXPECT_EQ(GradeOf(8), Grade::kAverage);
  EXPECT_EQ(GradeOf(6), Grade::kAverage);
  EXPECT_EQ(GradeOf(5), Grade::kWeak);
  EXPECT_EQ(GradeOf(0), Grade::kWeak);
  // A 24-point set (12 criteria): 20/24 = 15/18 is Tốt, 21/24 = 15.75/18 Xuất sắc, 8/24 = 6/18 Trung bình.
  EXPECT_EQ(GradeOf(20, 24), Grade::kGood);
  EXPECT_EQ(GradeOf(21, 24), Grade::kExcellent);
  EXPECT_EQ(GradeOf(8, 24), Grade::kAverage);
  EXPECT_EQ(GradeOf(7, 24), Grade::kWeak);
}

TEST(SurveysRules, EveryBadEnteredPointAtOnce) {
  desk::Dossier d;
  d.timeliness = Timeliness::kOnTime;
  auto f = FactsOf(d, {}, {});
  try {
    Score(Nine(), f, {{"c5", ""}, {"c6", "3"}, {"c7", "-1"}, {"c8", "hai"}});
    FAIL() << "accepted";
  } catch (const AppError& e) {
    auto p = e.problems();
    ASSERT_EQ(p.size(), 5u);
    EXPECT_EQ(p[0].field, "points.c5");
    EXPECT_EQ(p[0].key, "surveys.points_required");
    EXPECT_EQ(p[1].field, "points.c6");
    EXPECT_EQ(p[1].key, "surveys.points_range");
    EXPECT_EQ(p[2].field, "points.c7");
    EXPECT_EQ(p[3].field, "points.c8");
    EXPECT_EQ(p[4].field, "points.c9");  // missing
    EXPECT_EQ(p[4].key, "surveys.points_required");
  }
}

TEST(SurveysRules, UnfinishedDossierIsNotEvaluated) {
  desk::Dossier d;  // no result yet
  auto f = FactsOf(d, {Step(Timeliness::kEarly)}, {});
  try {
    Score(Nine(), f, Entered("2", "2", "2", "2", "2"));
    FAIL() << "accepted";
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kConflict);
    EXPECT_EQ(e.key(), "surveys.eval_not_finished");
  }
}

TEST(SurveysRules, CriteriaSetChecks) {
  CriteriaSet s = Nine();
  s.criteria[1].key = "c1";         // twice
  s.criteria[2].compute = "magic";  // unknown
  s.criteria[3].max = 0;
  s.criteria[4].label = "  ";
  try {
    ValidateCriteriaSet(s);
    FAIL() << "accepted";
  } catch (const AppError& e) {
    auto p = e.problems();
    ASSERT_EQ(p.size(), 4u);
    EXPECT_EQ(p[0].field, "criteria[1].key");
    EXPECT_EQ(p[1].field, "criteria[2].compute");
    EXPECT_EQ(p[2].field, "criteria[3].max");
    EXPECT_EQ(p[3].field, "criteria[4].label");
  }
  EXPECT_EQ(ValidateCriteriaSet(Nine()).max_total(), 18);
}

TEST(SurveysRules, SipasElementIndexFromHandMadeAnswers) {
  // Ten answers: 5 4 3 4 2 5 5 1 4 4 -> level 1: 1, 2: 1, 3: 1, 4: 4, 5: 3; satisfied 7 of 10.
  Likert access = {1, 1, 1, 4, 3};
  auto s = ElementIndex(access);
  EXPECT_EQ(s.count, 7);
  EXPECT_EQ(s.total, 10);
  EXPECT_DOUBLE_EQ(s.value, 0.7);
  // Wilson 95% for 7/10 (published tables): 0.3968 - 0.8922.
  EXPECT_NEAR(s.low, 0.3968, 5e-4);
  EXPECT_NEAR(s.high, 0.8922, 5e-4);
  EXPECT_TRUE(s.too_few);
  EXPECT_FALSE(ElementIndex({0, 0, 0, 10, 20}).too_few);  // 30 answers: enough
  // Five elements 7/10, 5/10, 10/10, 8/10, 6/10: SIPAS (0.7 + 0.5 + 1 + 0.8 + 0.6) / 5 = 0.72.
  std::vector<stats::Share> five = {ElementIndex(access), ElementIndex({5, 0, 0, 5, 0}), ElementIndex({0, 0, 0, 0, 10}),
                                    ElementIndex({0, 1, 1, 4, 4}), ElementIndex({2, 1, 1, 3, 3})};
  EXPECT_NEAR(SipasIndex(five), 0.72, 1e-12);
  EXPECT_EQ(SipasIndex({}), 0);
}

}  // namespace
}  // namespace fg::surveys
