// The units CSV without a store: parsing, validation and error lines.
#include "features/org/csv.h"

#include <gtest/gtest.h>

#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/source_dir.h"

namespace fg::org {
namespace {

class CsvTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { render::LoadMessages(FG_SOURCE_DIR); }
  static std::string KeyAndLine(std::string_view csv) {
    try {
      ReadUnitsCsv(csv, "2026-01-01");
    } catch (const AppError& e) {
      return e.key() + ":" + (e.args().count("line") ? e.args().at("line") : "");
    }
    return "ok";
  }
};

TEST_F(CsvTest, QuotedFieldsBomAndBlankLines) {
  const auto drafts = ReadUnitsCsv(
      "\xEF\xBB\xBF"
      "code,name,level,parent_code,valid_from,valid_to,successor_code\r\n"
      "01,\"Hà Nội, \"\"Thủ đô\"\"\",province,,,\r\n"
      "\r\n"
      "001,\"Quận Ba Đình\",district,01,2020-01-01,2025-07-01,00004\r\n",
      "2026-01-01");
  ASSERT_EQ(drafts.size(), 2u);
  EXPECT_EQ(drafts[0].name, "Hà Nội, \"Thủ đô\"");
  EXPECT_EQ(drafts[0].valid_from, "2026-01-01");  // today when not given
  EXPECT_EQ(drafts[1].parent_code, "01");
  EXPECT_EQ(drafts[1].successor_code, "00004");
}

TEST_F(CsvTest, DatesAsSpreadsheetsWriteThem) {
  const auto drafts = ReadUnitsCsv(
      "code,name,level,parent_code,valid_from,valid_to\n"
      "001,Huyện A,district,01,1/1/2020,01/07/2025\n",
      "2026-01-01");
  ASSERT_EQ(drafts.size(), 1u);
  EXPECT_EQ(drafts[0].valid_from, "2020-01-01");
  EXPECT_EQ(drafts[0].valid_to, "2025-07-01");
  EXPECT_EQ(KeyAndLine("code,name,level,parent_code,valid_from,valid_to\n01,A,province,,31/02/2025,\n"),
            "org.csv_row:2");
}

TEST_F(CsvTest, ErrorsNameTheLine) {
  EXPECT_EQ(KeyAndLine(""), "org.csv_empty:");
  EXPECT_EQ(KeyAndLine("code,name,level\n"), "org.csv_header:");
  EXPECT_EQ(KeyAndLine("code,name,level,parent_code,valid_from,valid_to\n\"01,x\n"), "org.csv_malformed:2");
  EXPECT_EQ(
      KeyAndLine("code,name,level,parent_code,valid_from,valid_to\n01,A,province,,,\n02,B,province,,2025-02-30,\n"),
      "org.csv_row:3");
}

TEST_F(CsvTest, WrittenFieldsReadBack) {
  std::string out;
  for (std::string_view f : {"a,b", "\"q\"", "dòng\r\nhai", " x ", ""}) {
    AppendCsvField(out, f);
    out += ',';
  }
  out.pop_back();
  out += "\r\n";
  const auto rows = ParseCsv(out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a,b", "\"q\"", "dòng\r\nhai", " x ", ""}));
}

}  // namespace
}  // namespace fg::org
