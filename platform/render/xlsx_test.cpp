// Spreadsheets: the .xlsx is a zip; its sheet, shared strings and styles are
// read back with `unzip -p` and checked for rows, typed cells and the layout.
#include "platform/render/xlsx.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>

#include "tests/support/tools.h"

namespace fg::render::xlsx {
namespace {

// A member of the zip, as `unzip -p` prints it.
std::string Part(const std::string& xlsx, const std::string& member) {
  return testing::RunTool("unzip -p", xlsx, ".xlsx", member);
}

size_t Count(const std::string& s, const std::regex& re) {
  return static_cast<size_t>(std::distance(std::sregex_iterator(s.begin(), s.end(), re), std::sregex_iterator()));
}

TEST(Xlsx, SerialDaysAreExcels) {
  using namespace std::chrono;
  EXPECT_EQ(Serial(year{2025} / 1 / 1), 45658);  // as Excel shows =DATE(2025,1,1) formatted as a number
  EXPECT_EQ(Serial(year{2026} / 2 / 17), 46070);
  EXPECT_DOUBLE_EQ(Serial(year{2026} / 2 / 17, 18 * 3600), 46070.75);
}

TEST(Xlsx, SheetHasTitleBoldHeaderTypedCellsFrozenHeaderAndFilter) {
  using namespace std::chrono;
  Sheet s;
  s.name = "Sổ theo dõi hồ sơ";
  s.title = "SỔ THEO DÕI HỒ SƠ";
  s.subtitles = {"Đơn vị: Phường Chơn Thành", "Từ ngày 01/02/2026 đến ngày 28/02/2026"};
  s.columns = {{"STT", 6}, {"Tên người nộp hồ sơ", 24}, {"Nhận hồ sơ", 17}, {"Hẹn trả", 12}};
  for (int i = 1; i <= 3; ++i)
    s.rows.push_back({Cell::Number(i), Cell::Text(i == 2 ? "Nguyễn Thị Hồng Ánh" : "Lê Văn " + std::to_string(i)),
                      Cell::DateTime(year{2026} / 2 / 17, 10 * 3600 + 25 * 60), Cell::Date(year{2026} / 2 / 20)});
  s.rows.push_back({Cell::Number(4), Cell::Empty(), Cell::Empty(), Cell::Empty()});
  const std::string bytes = Write(s);
  ASSERT_EQ(bytes.rfind("PK", 0), 0u);  // a zip

  const std::string sheet = Part(bytes, "xl/worksheets/sheet1.xml");
  // Title, two subtitles, (a blank row, not written), the header, four data rows.
  EXPECT_EQ(Count(sheet, std::regex("<row ")), 8u) << sheet;
  EXPECT_NE(sheet.find("<pane ySplit=\"5\""), std::string::npos) << sheet;  // frozen below the header (row 5)
  EXPECT_NE(sheet.find("<autoFilter ref=\"A5:D9\"/>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>46070.43402777778"), std::string::npos) << sheet;  // 17/02/2026 10:25
  EXPECT_NE(sheet.find("<v>46073</v>"), std::string::npos) << sheet;          // 20/02/2026
  EXPECT_NE(sheet.find("<c r=\"A7\" s=\""), std::string::npos);
  EXPECT_NE(sheet.find("<v>2</v>"), std::string::npos);  // the number 2, not a string
  EXPECT_NE(sheet.find("<cols>"), std::string::npos);

  const std::string strings = Part(bytes, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("Nguyễn Thị Hồng Ánh"), std::string::npos);
  EXPECT_NE(strings.find("SỔ THEO DÕI HỒ SƠ"), std::string::npos);
  const std::string styles = Part(bytes, "xl/styles.xml");
  EXPECT_NE(styles.find("formatCode=\"dd/mm/yyyy\""), std::string::npos) << styles;
  EXPECT_NE(styles.find("formatCode=\"dd/mm/yyyy hh:mm\""), std::string::npos);
  EXPECT_NE(styles.find("<b/>"), std::string::npos);
  EXPECT_NE(Part(bytes, "xl/workbook.xml").find("name=\"Sổ theo dõi hồ sơ\""), std::string::npos);
}

TEST(Xlsx, SheetNamesAreCutAndCleaned) {
  Sheet s;
  s.name = "Một/hai:ba*bốn? năm [sáu] bảy tám chín mười mười một";
  s.columns = {{"A", 5}};
  const std::string workbook = Part(Write(s), "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Một-hai-ba-bốn- năm -sáu- bảy t\""), std::string::npos) << workbook;  // 31 characters
}

TEST(Xlsx, NumberFormatsAndBoldTextGetStylesOfTheirOwn) {
  Sheet s;
  s.columns = {{"Đơn vị", 20}, {"Tỉ lệ", 10}};
  s.rows.push_back({Cell::Text("Phường Chơn Thành"), Cell::Number(0.918, "0.0%")});
  s.rows.push_back({Cell::Text("Tổng cộng", true), Cell::Number(0.5, "0.0%")});
  const std::string styles = Part(Write(s), "xl/styles.xml");
  EXPECT_NE(styles.find("formatCode=\"0.0%\""), std::string::npos) << styles;
  // One style for both rates (made once), one bold one for the total's label.
  EXPECT_EQ(Count(styles, std::regex("formatCode=\"0\\.0%\"")), 1u) << styles;
  // The total's label: the bold font (fonts are shared), without the header's fill and border.
  EXPECT_NE(styles.find("<font><b/>"), std::string::npos) << styles;
  EXPECT_NE(styles.find("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\""), std::string::npos) << styles;
}

}  // namespace
}  // namespace fg::render::xlsx
