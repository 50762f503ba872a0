// Evaluations through the service, on both backends: the citizen's proof,
// once per dossier and source (also when submitted concurrently), who may
// evaluate, criteria sets by unit, the report's counters.
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <set>
#include <thread>

#include "features/calendar/testing.h"
#include "features/desk/testing.h"
#include "features/surveys/questionnaire_form.h"
#include "features/surveys/rules.h"
#include "features/surveys/service.h"
#include "platform/errors.h"
#include "platform/time.h"

namespace fg::surveys {
namespace {

using calendar::testing::D;
using desk::Action;
using fg::testing::KindOf;

SysSeconds T(int y, unsigned m, unsigned d, int hh, int mm) { return FromLocal(D(y, m, d), (hh * 60 + mm) * 60); }

std::map<std::string, std::string> AllTwo() {
  return {{"c5", "2"}, {"c6", "2"}, {"c7", "2"}, {"c8", "2"}, {"c9", "2"}};
}

class SurveysEvaluationTest : public desk::testing::DeskFixture {
 protected:
  db::Options Options() override {
    db::Options o;
    o.writers = 4;
    return o;
  }
  void SetUp() override {
    DeskFixture::SetUp();
    SetClockForTesting(T(2026, 3, 9, 9, 0));  // Monday
    admin_ = Official("admin.p1", "P1", "admin");
    desk_ = Official("desk.c1", "C1", "desk");
    leader_ = Official("leader.c1", "C1", "leader");
    evaluator_ = Official("eval.p1", "P1", "evaluator");
    outsider_ = Official("eval.c2", "C2", "evaluator");
    proc_ = svc_->CreateProcedure(admin_, BirthInput("P1"));
    surveys_ = std::make_unique<Service>(*db_, *svc_);
  }
  void TearDown() override { SetClockForTesting(std::nullopt); }
  // Received Monday 09:00, handed to the leader at once, result at 09:30: far
  // ahead of the 3-day limit.
  std::string Finished() {
    desk::IntakeInput in;
    in.procedure_id = proc_.id;
    in.unit_code = "C1";
    in.applicant = {"Nguyễn Thị Hoa", "079123456789", "0912 345 678", "", "Ấp 3, Xã Một"};
    in.summary = "Đăng ký khai sinh cho con";
    in.documents = {{"Tờ khai đăng ký khai sinh", "original", 1}};
    auto code = svc_->Receive(desk_, in).detail.dossier.code;
    desk::TransitionInput t;
    t.action = Action::kTransfer;
    t.to_official = leader_.official_id;
    svc_->Apply(desk_, code, t);
    SetClockForTesting(T(2026, 3, 9, 9, 30));
    t = {};
    t.action = Action::kResultReady;
    svc_->Apply(leader_, code, t);
    return code;
  }
  auth::Principal admin_, desk_, leader_, evaluator_, outsider_;
  desk::Procedure proc_;
  std::unique_ptr<Service> surveys_;
};

std::string KeyOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    return e.key();
  }
  return "";
}

TEST_P(SurveysEvaluationTest, TheCitizenEvaluatesOnceWithTheLastFourDigits) {
  auto code = Finished();
  EXPECT_EQ(KeyOf([&] { surveys_->CitizenView(code, "", ""); }), "surveys.check_required");
  EXPECT_EQ(KeyOf([&] { surveys_->EvaluateAsCitizen(code, "1111", "", AllTwo()); }), "surveys.check_wrong");
  auto view = surveys_->CitizenView(code, "5678", "");  // the phone's last 4 digits
  EXPECT_TRUE(view.finished);
  EXPECT_EQ(view.set.code, "nd61");
  ASSERT_EQ(view.set.criteria.size(), 9u);
  EXPECT_EQ(view.computed.at("c1"), 2);  // 30 minutes of a 3-day limit
  EXPECT_EQ(view.computed.at("c3"), 2);  // never came back
  EXPECT_EQ(view.computed.at("c4"), 2);
  EXPECT_FALSE(view.existing);
  auto e = surveys_->EvaluateAsCitizen(code, "6789", "", AllTwo());  // the ID number's last 4 work too
  EXPECT_EQ(e.source, Source::kCitizen);
  EXPECT_EQ(e.points.at("c9"), 2);
  EXPECT_EQ(e.total, e.points.at("c1") + e.points.at("c2") + 2 + 2 + 10);
  EXPECT_EQ(KeyOf([&] { surveys_->EvaluateAsCitizen(code, "5678", "", AllTwo()); }), "surveys.eval_exists");
  EXPECT_TRUE(surveys_->CitizenView(code, "5678", "").existing);
  // The evaluator's is another source: allowed once too.
  surveys_->EvaluateAsEvaluator(evaluator_, code, AllTwo());
  EXPECT_EQ(KeyOf([&] { surveys_->EvaluateAsEvaluator(evaluator_, code, AllTwo()); }), "surveys.eval_exists");
  EXPECT_EQ(surveys_->Evaluations(desk_, code).size(), 2u);
}

TEST_P(SurveysEvaluationTest, AnOpenDossierIsNotEvaluatedAndNothingIsWritten) {
  desk::IntakeInput in;
  in.procedure_id = proc_.id;
  in.unit_code = "C1";
  in.applicant = {"Trần Văn Nam", "", "0987 654 321", "", "Ấp 1"};
  in.summary = "Khai sinh";
  in.documents = {{"Tờ khai", "original", 1}};
  auto code = svc_->Receive(desk_, in).detail.dossier.code;
  EXPECT_EQ(KeyOf([&] { surveys_->EvaluateAsCitizen(code, "4321", "", AllTwo()); }), "surveys.eval_not_finished");
  EXPECT_FALSE(surveys_->CitizenView(code, "4321", "").finished);
  EXPECT_TRUE(surveys_->Evaluations(leader_, code).empty());
  EXPECT_EQ(KindOf([&] { surveys_->EvaluateAsCitizen("KHONG-CO", "4321", "", AllTwo()); }), ErrorKind::kNotFound);
}

TEST_P(SurveysEvaluationTest, BadPointsAreAllReportedAndNothingIsWritten) {
  auto code = Finished();
  try {
    surveys_->EvaluateAsEvaluator(evaluator_, code, {{"c5", "9"}, {"c6", "x"}});
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.problems().size(), 5u);  // c5, c6 out of range, c7-c9 missing
  }
  EXPECT_TRUE(surveys_->Evaluations(evaluator_, code).empty());
  auto rep = surveys_->Report(admin_, {.unit_code = "P1"});
  EXPECT_EQ(rep.total.n, 0);
}

TEST_P(SurveysEvaluationTest, OnlyEvaluatorsLeadersAndAdministratorsOfTheUnitEvaluate) {
  auto code = Finished();
  EXPECT_EQ(KindOf([&] { surveys_->EvaluateAsEvaluator(desk_, code, AllTwo()); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { surveys_->EvaluateAsEvaluator(outsider_, code, AllTwo()); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { surveys_->EvaluatorView(outsider_, code); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { surveys_->Evaluations(outsider_, code); }), ErrorKind::kForbidden);
  surveys_->EvaluateAsEvaluator(leader_, code, AllTwo());
}

TEST_P(SurveysEvaluationTest, ConcurrentDuplicateSubmissionsStoreOne) {
  auto code = Finished();
  constexpr int kN = 8;
  std::barrier start(kN);
  std::atomic<int> stored{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kN; ++i)
    threads.emplace_back([&] {
      start.arrive_and_wait();
      try {
        surveys_->EvaluateAsCitizen(code, "5678", "", AllTwo());
        ++stored;
      } catch (const AppError& e) {
        if (e.key() == "surveys.eval_exists") ++refused;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(stored.load(), 1);
  EXPECT_EQ(refused.load(), kN - 1);
  EXPECT_EQ(surveys_->Evaluations(admin_, code).size(), 1u);
  auto rep = surveys_->Report(admin_, {.unit_code = "P1"});
  EXPECT_EQ(rep.total.n, 1);  // the counters counted one
}

TEST_P(SurveysEvaluationTest, TheReportSumsTheCounters) {
  auto a = Finished();
  auto b = Finished();
  surveys_->EvaluateAsCitizen(a, "5678", "", AllTwo());
  surveys_->EvaluateAsEvaluator(evaluator_, a, {{"c5", "0"}, {"c6", "0"}, {"c7", "0"}, {"c8", "0"}, {"c9", "0"}});
  surveys_->EvaluateAsCitizen(b, "5678", "", {{"c5", "1"}, {"c6", "1"}, {"c7", "1"}, {"c8", "1"}, {"c9", "1"}});
  auto rep = surveys_->Report(admin_, {.unit_code = "P1", .by = "unit"});
  EXPECT_EQ(rep.total.n, 3);
  EXPECT_EQ(rep.total.points.at("c7"), 2 + 0 + 1);
  EXPECT_EQ(rep.total.scored.at("c7"), 3);
  EXPECT_EQ(rep.total.points.at("c1"), 6);  // 2 each: all three far ahead of the limit
  ASSERT_EQ(rep.lines.size(), 1u);
  EXPECT_EQ(rep.lines[0].label, "Xã Một");
  auto citizens = surveys_->Report(admin_, {.unit_code = "P1", .by = "procedure", .source = "citizen"});
  EXPECT_EQ(citizens.total.n, 2);
  ASSERT_EQ(citizens.lines.size(), 1u);
  EXPECT_EQ(citizens.lines[0].label, "Đăng ký khai sinh");
  // The grades add up to the evaluations.
  int64_t graded = 0;
  for (auto& [g, n] : rep.total.grades) graded += n;
  EXPECT_EQ(graded, 3);
  EXPECT_EQ(KindOf([&] { surveys_->Report(outsider_, {.unit_code = "P1"}); }), ErrorKind::kForbidden);
  try {
    surveys_->Report(admin_, {.unit_code = "P1", .from = "2026-13", .to = "x", .by = "day"});
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.problems().size(), 3u);
  }
  // A bad last month without a first one: refused, not guessed from.
  EXPECT_EQ(KindOf([&] { surveys_->Report(admin_, {.unit_code = "P1", .to = "2026-3"}); }), ErrorKind::kBadRequest);
  EXPECT_EQ(surveys_->Report(admin_, {.unit_code = "P1", .to = "2026-03"}).from, "2025-04");
}

TEST_P(SurveysEvaluationTest, AProvinceSetAppliesToItsSubtree) {
  CriteriaSet s;
  s.code = "tinh-mot";
  s.name = "Bộ tiêu chí của tỉnh";
  s.criteria = {{"tong", "Tổng thời gian", "total_time", 2}, {"thai_do", "Thái độ", "", 4}};
  EXPECT_EQ(KindOf([&] { surveys_->AddCriteriaSet(evaluator_, "P1", s); }), ErrorKind::kForbidden);
  auto v1 = surveys_->AddCriteriaSet(admin_, "P1", s);
  EXPECT_EQ(v1.version, 1);
  auto v2 = surveys_->AddCriteriaSet(admin_, "P1", s);
  EXPECT_EQ(v2.version, 2);
  auto code = Finished();
  auto view = surveys_->EvaluatorView(evaluator_, code);
  EXPECT_EQ(view.set.id, v2.id);
  auto e = surveys_->EvaluateAsEvaluator(evaluator_, code, {{"thai_do", "3"}});
  EXPECT_EQ(e.total, 5);  // 2 + 3 of 6: 15/18, Tốt
  EXPECT_EQ(e.max_total, 6);
  EXPECT_EQ(e.grade, Grade::kGood);
  s.code = "nd61";  // the national set's code is not the province's to version
  EXPECT_EQ(KindOf([&] { surveys_->AddCriteriaSet(admin_, "P1", s); }), ErrorKind::kConflict);
}

TEST_P(SurveysEvaluationTest, TheSipasTemplateShipsAndQuestionnairesAreVersioned) {
  auto all = surveys_->Questionnaires("");
  ASSERT_EQ(all.size(), 1u);
  const auto& sipas = all[0];
  EXPECT_EQ(sipas.code, "sipas");
  EXPECT_TRUE(sipas.frozen);
  EXPECT_NO_THROW(ValidateQuestionnaire(sipas));
  std::set<std::string> elements;
  size_t likert = 0;
  for (const auto& s : sipas.sections)
    for (const auto& q : s.questions)
      if (q.kind == QuestionKind::kLikert) {
        ++likert;
        elements.insert(q.element);
      }
  EXPECT_EQ(elements, (std::set<std::string>{"tiep_can", "thu_tuc", "cong_chuc", "ket_qua", "gop_y"}));
  EXPECT_GE(likert, 15u);

  Questionnaire q;
  q.code = "xa-mot";
  q.name = "Khảo sát của tỉnh";
  q.sections = {{"Chung", {{"q1", "Ông/bà có hài lòng không", QuestionKind::kLikert, true, {}, "chung"}}}};
  EXPECT_EQ(KindOf([&] { surveys_->SaveQuestionnaire(leader_, "C1", q); }), ErrorKind::kForbidden);
  auto v1 = surveys_->SaveQuestionnaire(admin_, "P1", q);
  q.sections[0].questions[0].text = "Ông/bà hài lòng đến mức nào";
  auto v2 = surveys_->SaveQuestionnaire(admin_, "P1", q);
  EXPECT_EQ(v2.version, 2);
  // The first version is kept as it was.
  EXPECT_EQ(surveys_->GetQuestionnaire(v1.id).sections[0].questions[0].text, "Ông/bà có hài lòng không");
  EXPECT_EQ(surveys_->Questionnaires("C1").size(), 3u);
  EXPECT_EQ(surveys_->Questionnaires("C2").size(), 3u);  // C2 is under P1 too
  q.code = "sipas";
  EXPECT_EQ(KindOf([&] { surveys_->SaveQuestionnaire(admin_, "P1", q); }), ErrorKind::kConflict);
}

// The editor's form through the service: a copy of a version saved as the
// next version, keys in order, every problem at once, who may save.
TEST_P(SurveysEvaluationTest, TheEditorsFormSavesANewVersionWithEveryProblemAtOnce) {
  EXPECT_TRUE(surveys_->MayEditQuestionnairesAt(admin_, "P1"));
  EXPECT_TRUE(surveys_->MayEditQuestionnairesAt(admin_, "C1"));  // under P1
  EXPECT_FALSE(surveys_->MayEditQuestionnairesAt(leader_, "C1"));
  EXPECT_FALSE(surveys_->MayEditQuestionnairesAt(evaluator_, "P1"));
  EXPECT_FALSE(surveys_->MayEditQuestionnairesAt(admin_, "khong-co"));

  // A new questionnaire typed in the editor: keys q1, q2 ... in order.
  std::map<std::string, std::string> f{{"unit", "P1"},
                                       {"code", "mot-cua"},
                                       {"name", "Khảo sát nhanh"},
                                       {"sections[0].title", "Phục vụ"},
                                       {"sections[0].questions[0].text", "Công chức hướng dẫn rõ ràng"},
                                       {"sections[0].questions[0].kind", "likert"},
                                       {"sections[0].questions[0].required", "1"},
                                       {"sections[0].questions[0].element", "cong_chuc"},
                                       {"sections[1].title", "Góp ý"},
                                       {"sections[1].questions[0].text", "Ông/bà biết thủ tục qua đâu"},
                                       {"sections[1].questions[0].kind", "single"},
                                       {"sections[1].questions[0].options", "Cán bộ\nMạng"}};
  const auto draft = DraftFromForm(f);
  EXPECT_EQ(KindOf([&] { surveys_->SaveQuestionnaire(leader_, "C1", ToQuestionnaire(draft)); }), ErrorKind::kForbidden);
  const auto v1 = surveys_->SaveQuestionnaire(admin_, draft.unit, ToQuestionnaire(draft));
  EXPECT_EQ(v1.version, 1);
  EXPECT_EQ(surveys_->GetQuestionnaire(v1.id).sections[1].questions[0].key, "q2");
  EXPECT_EQ(surveys_->GetQuestionnaire(v1.id).unit_code, "P1");
  EXPECT_FALSE(surveys_->GetQuestionnaire(v1.id).created_at.empty());

  // Its next version from the editor: a question added to the first section
  // and moved to the top; the kept questions keep their keys.
  auto d = DraftOf(surveys_->GetQuestionnaire(v1.id));
  ASSERT_TRUE(Apply(d, {EditOp::kAddQuestion, 0, 0}));
  d.sections[0].questions[1].text = "Nơi chờ đủ chỗ ngồi";
  ASSERT_TRUE(Apply(d, {EditOp::kQuestionUp, 0, 1}));
  const auto v2 = surveys_->SaveQuestionnaire(admin_, d.unit, ToQuestionnaire(d));
  EXPECT_EQ(v2.version, 2);
  const auto back = surveys_->GetQuestionnaire(v2.id);
  ASSERT_EQ(back.sections[0].questions.size(), 2u);
  EXPECT_EQ(back.sections[0].questions[0].key, "q3");
  EXPECT_EQ(back.sections[0].questions[0].text, "Nơi chờ đủ chỗ ngồi");
  EXPECT_EQ(back.sections[0].questions[1].key, "q1");
  EXPECT_EQ(back.sections[1].questions[0].options, (std::vector<std::string>{"Cán bộ", "Mạng"}));
  // Version 1 is as it was.
  EXPECT_EQ(surveys_->GetQuestionnaire(v1.id).sections[0].questions.size(), 1u);
  // Both versions are visible at the ward under P1, with the system's template.
  auto seen = surveys_->VisibleQuestionnaires(leader_);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].code, "sipas");
  EXPECT_EQ(seen[2].version, 2);

  // Every problem at once: the code (another's), the name, an empty question,
  // a choice with one option, a section left without questions.
  auto bad = d;
  bad.code = "sipas";
  bad.name = " ";
  bad.sections[0].questions[0].text = "";
  bad.sections[1].questions[0].options = "Chỉ một";
  bad.sections.push_back(SectionDraft{"Trống", {}});
  try {
    surveys_->SaveQuestionnaire(admin_, "P1", ToQuestionnaire(bad));
    FAIL() << "accepted";
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kBadRequest);
    std::vector<std::string> fields;
    for (const auto& p : e.problems()) fields.push_back(p.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"code", "name", "sections[0].questions[0].text",
                                                "sections[1].questions[0].options", "sections[2].questions"}));
    EXPECT_EQ(e.problems()[0].key, "surveys.questionnaire_code_taken");
  }
  // The code of another unit alone: a conflict, as before.
  auto taken = d;
  taken.code = "sipas";
  EXPECT_EQ(KindOf([&] { surveys_->SaveQuestionnaire(admin_, "P1", ToQuestionnaire(taken)); }), ErrorKind::kConflict);
  // Nothing was saved by the refusals.
  EXPECT_EQ(surveys_->VisibleQuestionnaires(admin_).size(), 3u);
}

FG_BOTH_BACKENDS(SurveysEvaluationTest);

}  // namespace
}  // namespace fg::surveys
