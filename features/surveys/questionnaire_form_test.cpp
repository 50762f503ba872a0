// The questionnaire editor's form without a server: fields -> draft, the
// structural buttons, draft -> questionnaire (keys, options, elements), and
// where a service problem is shown.
#include "features/surveys/questionnaire_form.h"

#include <gtest/gtest.h>

#include "features/surveys/rules.h"

namespace fg::surveys {
namespace {

std::map<std::string, std::string> Fields() {
  return {
      {"unit", "25270"},
      {"code", "mot-cua"},
      {"name", "Khảo sát nhanh"},
      {"sections[0].title", "Phục vụ"},
      {"sections[0].questions[0].key", "q1"},
      {"sections[0].questions[0].text", "Công chức hướng dẫn rõ ràng"},
      {"sections[0].questions[0].kind", "likert"},
      {"sections[0].questions[0].required", "1"},
      {"sections[0].questions[0].element", "cong_chuc"},
      {"sections[0].questions[1].key", ""},
      {"sections[0].questions[1].text", "Ông/bà biết thủ tục qua đâu"},
      {"sections[0].questions[1].kind", "single"},
      {"sections[0].questions[1].options", "Cán bộ\r\n\r\n  Mạng  \nNgười quen\n"},
      {"sections[0].questions[1].element", "cong_chuc"},  // not for a choice: dropped
      {"sections[1].title", "Góp ý"},
      {"sections[1].questions[0].text", "Điều gì cần làm tốt hơn"},
      {"sections[1].questions[0].kind", "text"},
      {"sections[1].questions[0].options", "kept in the form, not saved"},
      // A gap: sections[2] is missing, so sections[3] is not read.
      {"sections[3].title", "Không đọc"},
  };
}

TEST(SurveysQuestionnaireForm, FieldsMakeADraftAsTyped) {
  const auto d = DraftFromForm(Fields());
  EXPECT_EQ(d.unit, "25270");
  EXPECT_EQ(d.code, "mot-cua");
  ASSERT_EQ(d.sections.size(), 2u);
  ASSERT_EQ(d.sections[0].questions.size(), 2u);
  EXPECT_TRUE(d.sections[0].questions[0].required);
  EXPECT_FALSE(d.sections[0].questions[1].required);  // an unticked box is not sent
  EXPECT_EQ(d.sections[0].questions[1].kind, QuestionKind::kSingle);
  EXPECT_EQ(d.sections[1].questions[0].options, "kept in the form, not saved");
  EXPECT_EQ(d.question_count(), 3u);
}

TEST(SurveysQuestionnaireForm, TheDraftBecomesAQuestionnaireWithKeysInOrder) {
  const auto q = ToQuestionnaire(DraftFromForm(Fields()));
  ASSERT_EQ(q.sections.size(), 2u);
  const auto& a = q.sections[0].questions;
  EXPECT_EQ(a[0].key, "q1");  // kept
  EXPECT_EQ(a[1].key, "q2");  // new: after the highest kept
  EXPECT_EQ(q.sections[1].questions[0].key, "q3");
  EXPECT_EQ(a[1].options, (std::vector<std::string>{"Cán bộ", "Mạng", "Người quen"}));
  EXPECT_EQ(a[1].element, "");
  EXPECT_EQ(a[0].element, "cong_chuc");
  EXPECT_TRUE(q.sections[1].questions[0].options.empty());
  EXPECT_NO_THROW(ValidateQuestionnaire(q));
}

TEST(SurveysQuestionnaireForm, KeysAreStableWhenCopyingAndNeverTwice) {
  Questionnaire v;
  v.code = "x";
  v.name = "X";
  v.sections = {{"A",
                 {{"q1", "Một", QuestionKind::kLikert, true, {}, ""},
                  {"q2", "Hai", QuestionKind::kLikert, true, {}, ""},
                  {"q7", "Bảy", QuestionKind::kLikert, true, {}, ""}}}};
  auto d = DraftOf(v);
  // Unchanged: the same keys.
  auto same = ToQuestionnaire(d);
  EXPECT_EQ(same.sections[0].questions[2].key, "q7");
  // Moved, one removed, one added, one tampered with a key used above: kept keys
  // follow their questions; new ones count on from the highest.
  ASSERT_TRUE(Apply(d, {EditOp::kQuestionUp, 0, 2}));      // q1 q7 q2
  ASSERT_TRUE(Apply(d, {EditOp::kRemoveQuestion, 0, 0}));  // q7 q2
  ASSERT_TRUE(Apply(d, {EditOp::kAddQuestion, 0, 0}));     // q7 q2 (new)
  d.sections[0].questions[2].text = "Mới";
  d.sections[0].questions.push_back(d.sections[0].questions[0]);  // a second "q7"
  d.sections[0].questions.back().text = "Chép";
  const auto q = ToQuestionnaire(d);
  std::vector<std::string> keys;
  for (const auto& qu : q.sections[0].questions) keys.push_back(qu.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"q7", "q2", "q8", "q9"}));
  // A new questionnaire: q1, q2 ... in order.
  auto fresh = EmptyDraft();
  Apply(fresh, {EditOp::kAddQuestion, 0, 0});
  Apply(fresh, {EditOp::kAddSection, 0, 0});
  std::vector<std::string> fresh_keys;
  for (const auto& s : ToQuestionnaire(fresh).sections)
    for (const auto& qu : s.questions) fresh_keys.push_back(qu.key);
  EXPECT_EQ(fresh_keys, (std::vector<std::string>{"q1", "q2", "q3"}));
}

TEST(SurveysQuestionnaireForm, ButtonsAreParsedAndWrittenBack) {
  for (const char* op : {"add_section", "add_question.3", "remove_section.0", "section_up.2", "section_down.1",
                         "remove_question.1.4", "question_up.0.1", "question_down.2.0"}) {
    auto a = ParseEditAction(op);
    ASSERT_TRUE(a) << op;
    EXPECT_EQ(EditActionValue(*a), op);
  }
  EXPECT_EQ(ParseEditAction("")->op, EditOp::kSave);  // Enter in a field, or a form sent without its button
  EXPECT_EQ(ParseEditAction("save")->op, EditOp::kSave);
  auto q = ParseEditAction("question_down.2.5");
  EXPECT_EQ(q->section, 2u);
  EXPECT_EQ(q->question, 5u);
  for (const char* bad : {"delete", "add_question", "add_question.x", "remove_question.1", "question_up.1.2.3",
                          "section_up.-1", "add_question.99999"})
    EXPECT_FALSE(ParseEditAction(bad)) << bad;
}

TEST(SurveysQuestionnaireForm, AddRemoveAndMoveKeepWhatWasTyped) {
  auto d = DraftFromForm(Fields());
  ASSERT_TRUE(Apply(d, {EditOp::kSectionDown, 0, 0}));
  EXPECT_EQ(d.sections[0].title, "Góp ý");
  EXPECT_EQ(d.sections[1].questions[1].options, "Cán bộ\r\n\r\n  Mạng  \nNgười quen\n");
  ASSERT_TRUE(Apply(d, {EditOp::kSectionUp, 1, 0}));
  EXPECT_EQ(d.sections[0].title, "Phục vụ");
  ASSERT_TRUE(Apply(d, {EditOp::kQuestionDown, 0, 0}));
  EXPECT_EQ(d.sections[0].questions[1].text, "Công chức hướng dẫn rõ ràng");
  EXPECT_EQ(d.sections[0].questions[1].element, "cong_chuc");
  ASSERT_TRUE(Apply(d, {EditOp::kAddQuestion, 1, 0}));
  EXPECT_EQ(d.sections[1].questions.size(), 2u);
  EXPECT_TRUE(d.sections[1].questions[1].text.empty());
  EXPECT_TRUE(d.sections[1].questions[1].required);
  ASSERT_TRUE(Apply(d, {EditOp::kAddSection, 0, 0}));
  EXPECT_EQ(d.sections.size(), 3u);
  EXPECT_EQ(d.sections[2].questions.size(), 1u);
  ASSERT_TRUE(Apply(d, {EditOp::kRemoveSection, 0, 0}));
  EXPECT_EQ(d.sections[0].title, "Góp ý");
  ASSERT_TRUE(Apply(d, {EditOp::kRemoveQuestion, 0, 0}));
  EXPECT_EQ(d.sections[0].questions.size(), 1u);
  // What does not apply changes nothing.
  const auto before = d.question_count();
  EXPECT_FALSE(Apply(d, {EditOp::kSectionUp, 0, 0}));
  EXPECT_FALSE(Apply(d, {EditOp::kSectionDown, 1, 0}));
  EXPECT_FALSE(Apply(d, {EditOp::kQuestionUp, 0, 0}));
  EXPECT_FALSE(Apply(d, {EditOp::kQuestionDown, 0, 0}));
  EXPECT_FALSE(Apply(d, {EditOp::kRemoveQuestion, 0, 5}));
  EXPECT_FALSE(Apply(d, {EditOp::kAddQuestion, 9, 0}));
  EXPECT_FALSE(Apply(d, {EditOp::kSave, 0, 0}));
  EXPECT_EQ(d.question_count(), before);
  EXPECT_EQ(d.sections.size(), 2u);
}

TEST(SurveysQuestionnaireForm, LimitsStopTheButtonsAndTheReading) {
  QuestionnaireDraft d;
  for (size_t i = 0; i < kMaxSections; ++i) d.sections.push_back(EmptySection());
  EXPECT_FALSE(Apply(d, {EditOp::kAddSection, 0, 0}));
  while (d.question_count() < kMaxQuestions) d.sections[0].questions.push_back(EmptyQuestion());
  EXPECT_FALSE(Apply(d, {EditOp::kAddQuestion, 1, 0}));
  // A form with more than the limits is read one past them (so the service reports it), no further.
  std::map<std::string, std::string> f{{"name", "N"}};
  for (int i = 0; i < 30; ++i) {
    const std::string at = "sections[" + std::to_string(i) + "]";
    f[at + ".title"] = "P";
    for (int j = 0; j < 10; ++j) f[at + ".questions[" + std::to_string(j) + "].text"] = "C";
  }
  const auto read = DraftFromForm(f);
  EXPECT_EQ(read.question_count(), kMaxQuestions + 1);
  EXPECT_LE(read.sections.size(), kMaxSections + 1);
  // 25 option lines: 21 kept, enough for the service to refuse the count.
  QuestionnaireDraft many = EmptyDraft();
  many.sections[0].questions[0].kind = QuestionKind::kMultiple;
  for (int i = 0; i < 25; ++i) many.sections[0].questions[0].options += "Phương án " + std::to_string(i) + "\n";
  EXPECT_EQ(ToQuestionnaire(many).sections[0].questions[0].options.size(), kMaxOptions + 1);
}

TEST(SurveysQuestionnaireForm, ProblemsFindTheirFields) {
  EXPECT_EQ(EditorField("sections[1].questions[2].options[3]"), "sections[1].questions[2].options");
  EXPECT_EQ(EditorField("sections[1].questions[2].text"), "sections[1].questions[2].text");
  EXPECT_EQ(EditorField("name"), "name");
  auto p = PlaceOf("sections[1].questions[2].options[3]");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->section, 1u);
  EXPECT_EQ(p->question, 2u);
  EXPECT_EQ(p->part, "options");
  p = PlaceOf("sections[4].title");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->section, 4u);
  EXPECT_FALSE(p->question);
  EXPECT_EQ(p->part, "title");
  p = PlaceOf("sections[0].questions");
  ASSERT_TRUE(p);
  EXPECT_FALSE(p->question);
  EXPECT_EQ(p->part, "questions");
  EXPECT_FALSE(PlaceOf("name"));
  EXPECT_FALSE(PlaceOf("sections"));
}

}  // namespace
}  // namespace fg::surveys
