// Questionnaire checks, answer checks (required, Likert range, options, text
// length, unknown questions), and SIPAS element counts from hand-made responses.
#include <gtest/gtest.h>

#include "features/surveys/rules.h"
#include "platform/errors.h"

namespace fg::surveys {
namespace {

Questionnaire Small() {
  Questionnaire q;
  q.name = "Khảo sát thử";
  q.sections = {
      {"Tiếp cận dịch vụ",
       {{"q1", "Nơi ngồi chờ có đủ chỗ ngồi", QuestionKind::kLikert, true, {}, "tiep_can"},
        {"q2", "Trang thiết bị đầy đủ", QuestionKind::kLikert, false, {}, "tiep_can"},
        {"q3", "Ông/bà biết thủ tục qua đâu", QuestionKind::kSingle, true, {"Ti vi", "Cán bộ", "Mạng"}, ""}}},
      {"Góp ý",
       {{"q4", "Cần cải thiện điều gì", QuestionKind::kMultiple, false, {"Thời gian", "Thái độ", "Giấy tờ"}, ""},
        {"q5", "Ý kiến khác", QuestionKind::kText, false, {}, ""}}}};
  return q;
}

std::vector<std::string> Fields(const AppError& e) {
  std::vector<std::string> out;
  for (const auto& p : e.problems()) out.push_back(p.field);
  return out;
}

TEST(SurveysQuestionnaire, AValidResponseIsKeptCleaned) {
  auto a =
      ValidateAnswers(Small(), {{"q1", {"5"}}, {"q2", {"2"}}, {"q3", {"1"}}, {"q4", {"0", "2"}}, {"q5", {"  Tốt  "}}});
  EXPECT_EQ(a.at("q5"), std::vector<std::string>{"Tốt"});
  EXPECT_EQ(a.at("q4").size(), 2u);
  auto el = ElementAnswers(Small(), a);
  ASSERT_EQ(el.size(), 1u);
  EXPECT_EQ(el.at("tiep_can"), (Likert{0, 1, 0, 0, 1}));  // one 2, one 5
}

TEST(SurveysQuestionnaire, OptionalQuestionsMayBeLeftOut) {
  auto a = ValidateAnswers(Small(), {{"q1", {"4"}}, {"q3", {"0"}}, {"q5", {"   "}}});
  EXPECT_EQ(a.size(), 2u);
  EXPECT_EQ(ElementAnswers(Small(), a).at("tiep_can"), (Likert{0, 0, 0, 1, 0}));
}

TEST(SurveysQuestionnaire, EveryBadAnswerAtOnce) {
  try {
    ValidateAnswers(Small(),
                    {{"q2", {"6"}}, {"q3", {"3"}}, {"q4", {"1", "1"}}, {"q5", {std::string(501, 'a')}}, {"q9", {"1"}}});
    FAIL() << "accepted";
  } catch (const AppError& e) {
    EXPECT_EQ(Fields(e), (std::vector<std::string>{"answers.q1", "answers.q2", "answers.q3", "answers.q4", "answers.q5",
                                                   "answers.q9"}));
    EXPECT_EQ(e.problems()[0].key, "surveys.answer_required");
    EXPECT_EQ(e.problems()[1].key, "surveys.answer_invalid");
    EXPECT_EQ(e.problems()[5].key, "surveys.answer_unknown");
  }
  // Two levels for one Likert question, or a word: refused.
  EXPECT_THROW(ValidateAnswers(Small(), {{"q1", {"4", "5"}}, {"q3", {"0"}}}), AppError);
  EXPECT_THROW(ValidateAnswers(Small(), {{"q1", {"năm"}}, {"q3", {"0"}}}), AppError);
}

TEST(SurveysQuestionnaire, QuestionnaireChecks) {
  EXPECT_EQ(ValidateQuestionnaire(Small()).sections.size(), 2u);
  auto q = Small();
  q.sections[0].title = " ";
  q.sections[0].questions[1].key = "q1";            // twice
  q.sections[0].questions[2].options = {"Một"};     // one option
  q.sections[1].questions[1].options = {"a", "b"};  // options on a text question
  q.sections[1].questions[0].element = "tiep_can";  // element on a multiple choice
  try {
    ValidateQuestionnaire(q);
    FAIL() << "accepted";
  } catch (const AppError& e) {
    EXPECT_EQ(Fields(e), (std::vector<std::string>{
                             "sections[0].title", "sections[0].questions[1].key", "sections[0].questions[2].options",
                             "sections[1].questions[0].element", "sections[1].questions[1].options"}));
  }
  Questionnaire empty;
  empty.name = "Trống";
  EXPECT_THROW(ValidateQuestionnaire(empty), AppError);
}

TEST(SurveysQuestionnaire, SipasElementIndexFromHandMadeResponses) {
  // Four people answer q1 and q2 (element tiep_can): (5,4) (3,4) (2,1) (4,5).
  // Levels 5 4 3 4 2 1 4 5: satisfied (4 or 5) 5 of 8 = 0.625.
  Likert sum{};
  for (auto [a, b] : std::vector<std::pair<const char*, const char*>>{{"5", "4"}, {"3", "4"}, {"2", "1"}, {"4", "5"}}) {
    auto ans = ValidateAnswers(Small(), {{"q1", {a}}, {"q2", {b}}, {"q3", {"0"}}});
    auto el = ElementAnswers(Small(), ans).at("tiep_can");
    for (size_t i = 0; i < 5; ++i) sum[i] += el[i];
  }
  EXPECT_EQ(sum, (Likert{1, 1, 1, 3, 2}));
  auto s = ElementIndex(sum);
  EXPECT_EQ(s.count, 5);
  EXPECT_EQ(s.total, 8);
  EXPECT_DOUBLE_EQ(s.value, 0.625);
  EXPECT_TRUE(s.too_few);
}

}  // namespace
}  // namespace fg::surveys
