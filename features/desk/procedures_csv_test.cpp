// The procedures CSV without a store: the documents/steps mini-format, the
// file's header and rows, problems by row and column, and the round trip.
#include "features/desk/procedures_csv.h"

#include <gtest/gtest.h>

#include "features/desk/rules.h"
#include "platform/render/messages.h"
#include "platform/source_dir.h"

namespace fg::desk {
namespace {

class ProceduresCsvTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { render::LoadMessages(FG_SOURCE_DIR); }
  // "line:field:key" of each problem, in order.
  static std::vector<std::string> Problems(const ProceduresCsv& f) {
    std::vector<std::string> out;
    for (auto& p : f.problems) out.push_back(std::to_string(p.line) + ":" + p.problem.field + ":" + p.problem.key);
    return out;
  }
  static std::string FileError(std::string_view csv) {
    try {
      ReadProceduresCsv(csv);
    } catch (const AppError& e) {
      return e.key() + "@" + e.field();
    }
    return "none";
  }
};

TEST_F(ProceduresCsvTest, DocumentsCellReadsItemsPartsAndDefaults) {
  fg::Problems problems;
  const auto docs = ParseDocuments(
      " Tờ khai đăng ký khai sinh | original | 1 ;Giấy chứng sinh|bản sao chứng thực| 2; "
      "Căn cước|Bản sao; Sổ hộ khẩu ;",
      problems);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].name, "Tờ khai đăng ký khai sinh");
  EXPECT_EQ(docs[0].kind, "original");
  EXPECT_EQ(docs[0].count, 1);
  EXPECT_EQ(docs[1].kind, "certified_copy");
  EXPECT_EQ(docs[1].count, 2);
  EXPECT_EQ(docs[2].kind, "copy");  // Vietnamese, any case
  EXPECT_EQ(docs[2].count, 1);      // count left out
  EXPECT_EQ(docs[3].name, "Sổ hộ khẩu");
  EXPECT_EQ(docs[3].kind, "");  // ValidateProcedure makes it "original"
  EXPECT_TRUE(ParseDocuments("", problems).empty());
  EXPECT_TRUE(ParseDocuments(" ; ;", problems).empty());
}

TEST_F(ProceduresCsvTest, EscapedSeparatorsRoundTrip) {
  const std::vector<Document> docs = {
      {"Giấy tờ A; hoặc B", "copy", 2}, {"Mẫu 01|02", "original", 1}, {"Đường dẫn C:\\hồ sơ\\", "certified_copy", 3}};
  const std::string cell = FormatDocuments(docs);
  EXPECT_EQ(cell, "Giấy tờ A\\; hoặc B|copy|2; Mẫu 01\\|02|original|1; Đường dẫn C:\\\\hồ sơ\\\\|certified_copy|3");
  fg::Problems problems;
  const auto back = ParseDocuments(cell, problems);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(back.size(), 3u);
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(back[i].name, docs[i].name);
    EXPECT_EQ(back[i].kind, docs[i].kind);
    EXPECT_EQ(back[i].count, docs[i].count);
  }
  const std::vector<Step> steps = {{"Tiếp nhận", "Bộ phận một cửa", 4}, {"Ký; đóng dấu", "Chủ tịch | Phó", 12}};
  const auto steps_back = ParseSteps(FormatSteps(steps), problems);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(steps_back.size(), 2u);
  EXPECT_EQ(steps_back[1].name, "Ký; đóng dấu");
  EXPECT_EQ(steps_back[1].handler, "Chủ tịch | Phó");
  EXPECT_EQ(steps_back[1].hours, 12);
}

TEST_F(ProceduresCsvTest, BadItemsAreNamedByPosition) {
  fg::Problems problems;
  ParseDocuments("Tờ khai|original|một; Giấy tờ|copy|1|thừa; Ảnh||-1", problems);
  ParseSteps("Tiếp nhận|Một cửa|4 giờ", problems);
  try {
    problems.raise_if_any();
    FAIL();
  } catch (const AppError& e) {
    std::vector<std::string> fields;
    for (auto& p : e.problems()) fields.push_back(p.field + ":" + p.key);
    EXPECT_EQ(fields,
              (std::vector<std::string>{"documents[0].count:error.bad_number", "documents[1]:desk.csv_item_parts",
                                        "steps[0].hours:error.bad_number"}));
  }
  // A negative count parses; ValidateProcedure refuses it.
  fg::Problems none;
  EXPECT_EQ(ParseDocuments("Ảnh||-1", none).at(0).count, -1);
  EXPECT_TRUE(none.empty());
}

TEST_F(ProceduresCsvTest, HeaderAndFileProblems) {
  EXPECT_EQ(FileError(""), "desk.csv_empty@csv");
  EXPECT_EQ(FileError("\xEF\xBB\xBF\r\n\r\n"), "desk.csv_empty@csv");
  EXPECT_EQ(FileError("code,name\n1,A\n"), "desk.csv_header@csv");
  EXPECT_EQ(FileError("unit_code,code,colour\n"), "desk.csv_unknown_column@csv");
  EXPECT_EQ(FileError("unit_code,code,name,code\n"), "desk.csv_repeated_column@csv");
  EXPECT_EQ(FileError("unit_code,code\n75,\"1.0\n"), "org.csv_malformed@csv");
  std::string big = "unit_code,code\n";
  for (int i = 0; i < 2001; ++i) big += "75,C" + std::to_string(i) + "\n";
  EXPECT_EQ(FileError(big), "desk.csv_too_large@csv");
  try {
    ReadProceduresCsv(std::string(kMaxCsvBytes + 1, 'x'));
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kTooLarge);
  }
  // 2,000 rows are fine.
  big = "unit_code,code\n";
  for (int i = 0; i < 2000; ++i) big += "75,C" + std::to_string(i) + "\n";
  EXPECT_EQ(ReadProceduresCsv(big).rows.size(), 2000u);
}

TEST_F(ProceduresCsvTest, SemicolonsBomBlankRowsAndEveryCellProblem) {
  const auto f = ReadProceduresCsv(
      "\xEF\xBB\xBF"
      "unit_code;code;name;limit_amount;online_level;active;documents;valid_from\r\n"
      "75;1.001193;Đăng ký khai sinh;3;2;TRUE;Tờ khai|copy|1;01/07/2025\r\n"
      ";;;;;;;\r\n"
      "\r\n"
      "75;1.2;Thử;ba;x;có lẽ;Tờ khai||không;\r\n"
      "75;1.3;Thử;1;0;false;;;thừa\r\n");
  EXPECT_EQ(f.columns.size(), 8u);
  ASSERT_EQ(f.rows.size(), 3u);
  EXPECT_EQ(f.rows[0].line, 2);
  EXPECT_EQ(f.rows[0].in.limit_amount, 3);
  EXPECT_EQ(f.rows[0].in.online_level, 2);
  EXPECT_EQ(f.rows[0].in.active, true);
  EXPECT_EQ(f.rows[0].in.documents.at(0).kind, "copy");
  EXPECT_EQ(f.rows[0].in.valid_from, "2025-07-01");
  // Row numbers are the spreadsheet's: the empty rows still count.
  EXPECT_EQ(f.rows[1].line, 5);
  EXPECT_EQ(f.rows[2].line, 6);
  EXPECT_EQ(f.rows[2].in.active, false);
  EXPECT_EQ(Problems(f),
            (std::vector<std::string>{"5:limit_amount:error.bad_number", "5:online_level:error.bad_number",
                                      "5:active:desk.csv_bad_active", "5:documents[0].count:error.bad_number",
                                      "6::desk.csv_extra_cells"}));
}

TEST_F(ProceduresCsvTest, ExportReadsBackToTheSameProcedures) {
  Procedure p;
  p.unit_code = "75";
  p.code = "1.001193";
  p.name = "Đăng ký khai sinh, \"lưu động\"";
  p.field = "Hộ tịch";
  p.level = "commune";
  p.limit = Limit::kHours;
  p.limit_amount = 12;
  p.cutoff = "16:30";
  p.online_level = 1;
  p.fees = "=8.000 đồng";  // would be a formula in a spreadsheet
  p.result = "Giấy khai sinh";
  p.documents = {{"Tờ khai; mẫu 01", "original", 1}, {"Căn cước", "copy", 2}};
  p.steps = {{"Tiếp nhận", "Bộ phận một cửa", 4}, {"Ký", "Chủ tịch UBND", 8}};
  p.legal_basis = "- Luật Hộ tịch 2014;\n- Nghị định 123/2015/NĐ-CP";
  p.valid_from = "2025-07-01";
  p.valid_to = "2030-01-01";
  p.active = false;
  Procedure q = p;
  q.code = "2.000815";
  q.limit = Limit::kSameDay;
  q.limit_amount = 0;
  q.documents.clear();
  q.steps.clear();
  q.valid_to.reset();
  q.active = true;
  q.legal_basis = "";

  const std::string csv = WriteProceduresCsv({p, q});
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF\"unit_code\",\"code\"", 0), 0u) << "a BOM, then the header";
  EXPECT_NE(csv.find("\r\n"), std::string::npos);
  EXPECT_NE(csv.find("\"\t=8.000 đồng\""), std::string::npos) << "a formula-like cell gets a leading tab";
  EXPECT_NE(csv.find("\"\t- Luật Hộ tịch"), std::string::npos);

  const auto f = ReadProceduresCsv(csv);
  EXPECT_TRUE(f.problems.empty());
  EXPECT_EQ(f.columns, ProcedureCsvColumns());
  ASSERT_EQ(f.rows.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const Procedure& want = i == 0 ? p : q;
    // What an import stores: the row laid over the current version, validated.
    const Procedure got = ValidateProcedure(Overlay(ProcedureInput{}, f.rows[i].in, f.columns), "2026-01-01");
    EXPECT_TRUE(ChangedFields(want, got).empty()) << "row " << i << " differs in " << [&] {
      std::string s;
      for (auto& x : ChangedFields(want, got)) s += x + " ";
      return s;
    }();
    EXPECT_EQ(got.code, want.code);
  }
}

TEST_F(ProceduresCsvTest, MissingColumnsKeepTheCurrentValues) {
  const auto f = ReadProceduresCsv("unit_code,code,limit_amount,valid_from,active\n75,1.0,7,,\n");
  ProcedureInput base;
  base.name = "Cũ";
  base.limit_unit = "days";
  base.limit_amount = 3;
  base.valid_from = "2020-01-01";
  base.active = false;
  base.documents = {{"Tờ khai", "original", 1}};
  const ProcedureInput in = Overlay(base, f.rows.at(0).in, f.columns);
  EXPECT_EQ(in.name, "Cũ");
  EXPECT_EQ(in.limit_amount, 7);
  EXPECT_EQ(in.valid_from, "2020-01-01");  // empty: kept
  EXPECT_EQ(in.active, false);             // empty: kept
  EXPECT_EQ(in.documents.size(), 1u);      // no column: kept
}

TEST_F(ProceduresCsvTest, ProblemsNameTheirFieldInWords) {
  EXPECT_EQ(ColumnOf("documents[2].kind"), "documents");
  EXPECT_EQ(ColumnOf("steps[0]"), "steps");
  EXPECT_EQ(ColumnOf("name"), "name");
  EXPECT_EQ(ColumnOf(""), "");
  EXPECT_EQ(ProblemText({"documents[2].name", "error.required", {{"field", "documents[2].name"}}}),
            "Hãy nhập tên giấy tờ thứ 3.");
  EXPECT_EQ(ProblemText({"code", "error.required", {{"field", "code"}}}), "Hãy nhập mã thủ tục.");
  EXPECT_EQ(ProblemText({"steps[1].name", "error.too_long", {{"field", "steps[1].name"}, {"max", "200"}}}),
            "Tên bước thứ 2 dài quá 200 ký tự.");
  // A message that does not name its field says which item it is about.
  EXPECT_EQ(ProblemText({"documents[0].count", "desk.bad_count", {{"field", "documents[0].count"}, {"max", "100"}}}),
            "Giấy tờ thứ 1: Số lượng phải từ 1 đến 100.");
}

TEST_F(ProceduresCsvTest, ValidationReportsEveryFieldAtOnce) {
  ProcedureInput in;
  in.limit_unit = "weeks";
  in.cutoff = "25:00";
  in.documents = {{"", "photo", 0}};
  in.steps = {{"Tiếp nhận", "", -2}};
  in.valid_from = "2026-02-30";
  try {
    ValidateProcedure(in, "2026-01-01");
    FAIL();
  } catch (const AppError& e) {
    std::vector<std::string> fields;
    for (auto& p : e.problems()) fields.push_back(p.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"unit_code", "code", "name", "field", "limit_unit", "cutoff",
                                                "documents[0].name", "documents[0].kind", "documents[0].count",
                                                "steps[0].hours", "valid_from"}));
    EXPECT_EQ(e.field(), "unit_code");  // the first one, as before
  }
  // A cut-off as a spreadsheet writes it.
  in = {};
  in.unit_code = "75";
  in.code = "1";
  in.name = "A";
  in.field = "B";
  in.limit_unit = "same_day";
  in.cutoff = "8:00";
  in.legal_basis = "a\r\nb\rc";
  const Procedure p = ValidateProcedure(in, "2026-01-01");
  EXPECT_EQ(p.cutoff, "08:00");
  EXPECT_EQ(p.legal_basis, "a\nb\nc");
  in.cutoff = "15:30:00";
  EXPECT_EQ(ValidateProcedure(in, "2026-01-01").cutoff, "15:30");
}

}  // namespace
}  // namespace fg::desk
