// Pure rules of the letters: placeholders, Vietnamese dates, paragraphs.
#include "features/letters/rules.h"

#include <gtest/gtest.h>

#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/source_dir.h"
#include "platform/time.h"

namespace fg::letters {
namespace {

class LettersRulesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { render::LoadMessages(FG_SOURCE_DIR); }
};

std::chrono::sys_days Day(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

TEST_F(LettersRulesTest, SubstitutesKnownPlaceholdersOnceWithoutRescanningValues) {
  const std::string text = "Kính gửi: ((recipient_name))\nNgày ((event_date)), ((unit_name)). ((recipient_name))!";
  const auto out = Substitute(
      text,
      {{"recipient_name", "Ông ((unit_name))"}, {"event_date", "ngày 17 tháng 02 năm 2026"}, {"unit_name", "Xã Một"}});
  EXPECT_EQ(out, "Kính gửi: Ông ((unit_name))\nNgày ngày 17 tháng 02 năm 2026, Xã Một. Ông ((unit_name))!");
  // A placeholder without a value is left empty; text without markers is unchanged; a lone "((" stays.
  EXPECT_EQ(Substitute("A ((signer_name)) B", {}), "A  B");
  EXPECT_EQ(Substitute("không có ô điền (( nào", {{"x", "y"}}), "không có ô điền (( nào");
}

TEST_F(LettersRulesTest, FindsUnknownPlaceholdersOnceEach) {
  EXPECT_TRUE(UnknownPlaceholders("((recipient_name)) ((signer_title)) ((letter_date))").empty());
  const auto bad = UnknownPlaceholders("((ten_nguoi_nhan)) ((recipient_name)) ((Recipient_Name)) ((ten_nguoi_nhan))");
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_EQ(bad[0], "ten_nguoi_nhan");
  EXPECT_EQ(bad[1], "Recipient_Name");
}

TEST_F(LettersRulesTest, TemplateWithUnknownPlaceholderIsRefusedWithTheValidList) {
  TemplateInput in{"THƯ CHÚC MỪNG", "Kính gửi ((nguoi_nhan)), ((recipient_name))", "Mặt sau ((ngay))", "A5", false};
  try {
    CheckTemplate(in, {});
    FAIL() << "accepted";
  } catch (const AppError& e) {
    const auto problems = e.problems();
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].field, "front");
    EXPECT_EQ(problems[0].key, "letters.unknown_placeholder");
    EXPECT_EQ(problems[0].args.at("names"), "((nguoi_nhan))");
    EXPECT_NE(problems[0].args.at("valid").find("((recipient_name))"), std::string::npos);
    EXPECT_NE(problems[0].args.at("valid").find("((signer_title))"), std::string::npos);
    EXPECT_EQ(problems[1].field, "back");
    const std::string message = render::Text(problems[0].key, problems[0].args);
    EXPECT_NE(message.find("((nguoi_nhan))"), std::string::npos);
    EXPECT_NE(message.find("((event_date))"), std::string::npos);
  }
  // Paper must be A5 or A4; the title is required.
  try {
    CheckTemplate({"", "x", "", "Letter", std::nullopt}, {});
    FAIL() << "accepted";
  } catch (const AppError& e) {
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.problems()[0].field, "title");
    EXPECT_EQ(e.problems()[1].field, "paper");
  }
  const Template ok = CheckTemplate({"THƯ CẢM ƠN", "Kính gửi ((recipient_name))", "", "A4", true}, {});
  EXPECT_EQ(ok.paper, "A4");
  EXPECT_TRUE(ok.border);
}

TEST_F(LettersRulesTest, VietnameseDatesFollowDecree30) {
  EXPECT_EQ(VietnameseDate(Day(2026, 2, 17)), "ngày 17 tháng 02 năm 2026");
  EXPECT_EQ(VietnameseDate(Day(2026, 1, 5)), "ngày 05 tháng 01 năm 2026");
  EXPECT_EQ(VietnameseDate(Day(2025, 3, 9)), "ngày 09 tháng 3 năm 2025");
  EXPECT_EQ(VietnameseDate(Day(2024, 12, 31)), "ngày 31 tháng 12 năm 2024");
}

TEST_F(LettersRulesTest, ValuesFormatTheEventDate) {
  Letter l;
  l.recipient_name = "Bà Lê Thị Mai";
  l.event_date = "2026-02-17";
  const auto v = ValuesOf(l, "Xã Một", "Xã Một", "2026-03-01");
  EXPECT_EQ(v.at("event_date"), "ngày 17 tháng 02 năm 2026");
  EXPECT_EQ(v.at("letter_date"), "ngày 01 tháng 3 năm 2026");
  EXPECT_EQ(v.at("unit_name"), "Xã Một");
}

TEST_F(LettersRulesTest, ParagraphsSplitAtBlankLines) {
  const auto p = Paragraphs("Dòng một\ndòng hai\n\n  \nĐoạn hai\r\n\r\n");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0], "Dòng một\ndòng hai");
  EXPECT_EQ(p[1], "Đoạn hai");
}

TEST_F(LettersRulesTest, EveryTypeHasADefaultTemplateWithKnownPlaceholders) {
  for (const auto& t : Types()) {
    const std::string k = "letters.default." + t;
    ASSERT_TRUE(render::HasText(k + ".title")) << t;
    ASSERT_TRUE(render::HasText(k + ".front")) << t;
    EXPECT_TRUE(UnknownPlaceholders(render::Text(k + ".front")).empty()) << t;
    EXPECT_TRUE(render::HasText("letters.type." + t)) << t;
  }
  EXPECT_TRUE(render::HasText("letters.default.condolence.back"));
  EXPECT_TRUE(UnknownPlaceholders(render::Text("letters.default.condolence.back")).empty());
}

}  // namespace
}  // namespace fg::letters
