// Reading spreadsheets back: our own writer's output, and workbooks built
// here part by part (with libzip) the way other programs write them: inline
// and rich strings, booleans, formula results, a sheet that is not sheet1.xml,
// and the limits (a zip bomb, too many rows, not a zip at all).
#include "platform/render/xlsx_reader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <string>

#include "platform/render/xlsx.h"

namespace fg::render::xlsx {
namespace {

// A zip archive of these parts (name -> bytes), deflated.
std::string Zip(const std::map<std::string, std::string>& parts) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(out);
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, bytes] : parts) {
    zip_source_t* s = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
    zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
  }
  EXPECT_EQ(zip_close(z), 0);
  zip_source_open(out);
  zip_source_seek(out, 0, SEEK_END);
  const auto size = zip_source_tell(out);
  zip_source_seek(out, 0, SEEK_SET);
  std::string bytes(static_cast<size_t>(size), '\0');
  zip_source_read(out, bytes.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(out);
  zip_source_free(out);
  return bytes;
}

const char* kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tiêu chí" sheetId="1" r:id="rId7"/><sheet name="Khác" sheetId="2" r:id="rId8"/></sheets></workbook>)";
const char* kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId8" Type="worksheet" Target="worksheets/other.xml"/><Relationship Id="rId7" Type="worksheet" Target="worksheets/first.xml"/></Relationships>)";

std::string SheetXml(const std::string& rows) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)" +
         rows + "</x:sheetData></x:worksheet>";
}

TEST(XlsxReader, ReadsBackWhatOurWriterWrites) {
  Sheet s;
  s.name = "Bộ tiêu chí";
  s.title = "BỘ TIÊU CHÍ";
  s.subtitles = {"Phiên bản 2"};
  s.columns = {{"Mã", 8}, {"Nội dung", 40}, {"Điểm", 8}};
  s.rows = {{Cell::Text("1"), Cell::Text("Thực hiện dân chủ ở cơ sở\r\ndòng hai", true), Cell::Number(28)},
            {Cell::Text("1.1"), Cell::Text("Niêm yết công khai"), Cell::Number(0.25, "0.00")},
            {Cell::Empty(), Cell::Empty(), Cell::Number(19.5)}};
  const auto rows = ReadFirstSheet(Write(s));
  // Row 1 is the title, row 2 the subtitle, row 3 empty, row 4 the header.
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[0].at(0), "BỘ TIÊU CHÍ");
  EXPECT_EQ(rows[1].at(0), "Phiên bản 2");
  EXPECT_TRUE(rows[2].empty());
  EXPECT_EQ(rows[3], (std::vector<std::string>{"Mã", "Nội dung", "Điểm"}));
  // The line break comes back (the file escapes its carriage return as _x000D_).
  EXPECT_EQ(rows[4], (std::vector<std::string>{"1", "Thực hiện dân chủ ở cơ sở\r\ndòng hai", "28"}));
  EXPECT_EQ(rows[5], (std::vector<std::string>{"1.1", "Niêm yết công khai", "0.25"}));
  EXPECT_EQ(rows[6], (std::vector<std::string>{"", "", "19.5"}));
}

TEST(XlsxReader, ReadsOtherProducersCells) {
  const std::string shared =
      R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Mã</t></si><si><r><rPr><b/></rPr><t>Tiêu chí </t></r><r><t>đầu</t></r><rPh><t>ヨミ</t></rPh></si></sst>)";
  const std::string sheet = SheetXml(
      R"(<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c></x:row>)"
      R"(<x:row r="4"><x:c r="B4" t="inlineStr"><x:is><x:t>Có </x:t><x:r><x:t>hai phần</x:t></x:r></x:is></x:c>)"
      R"(<x:c r="C4" t="b"><x:v>1</x:v></x:c><x:c r="D4"><x:f>1/3</x:f><x:v>0.33333333333333331</x:v></x:c>)"
      R"(<x:c r="E4" t="str"><x:f>A2</x:f><x:v>Mã</x:v></x:c><x:c r="AA4"><x:v>7</x:v></x:c></x:row>)");
  const auto rows = ReadFirstSheet(
      Zip({{"xl/workbook.xml", kWorkbook},
           {"xl/_rels/workbook.xml.rels", kRels},
           {"xl/sharedStrings.xml", shared},
           {"xl/worksheets/first.xml", sheet},
           {"xl/worksheets/other.xml", SheetXml(R"(<x:row r="1"><x:c r="A1"><x:v>9</x:v></x:c></x:row>)")}}));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_TRUE(rows[0].empty());
  EXPECT_EQ(rows[1], (std::vector<std::string>{"Mã", "", "Tiêu chí đầu"}));  // the reading (rPh) left out
  EXPECT_TRUE(rows[2].empty());
  ASSERT_EQ(rows[3].size(), 27u);  // AA = column 27
  EXPECT_EQ(rows[3][1], "Có hai phần");
  EXPECT_EQ(rows[3][2], "TRUE");
  EXPECT_EQ(rows[3][3], "0.3333333333333333");
  EXPECT_EQ(rows[3][4], "Mã");
  EXPECT_EQ(rows[3][26], "7");
}

TEST(XlsxReader, NumbersFormattedAsPercentagesReadAsShown) {
  // As Excel stores "95%" typed in a cell: 0.95 with a percent format.
  const std::string styles =
      R"(<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/>)"
      R"(<numFmt numFmtId="165" formatCode="0&quot;%&quot;"/></numFmts>)"
      R"(<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>)"
      R"(</styleSheet>)";
  const std::string sheet =
      SheetXml(R"(<row r="1"><c r="A1" s="1"><v>0.95</v></c><c r="B1" s="2"><v>0.955</v></c>)"
               R"(<c r="C1" s="3"><v>95</v></c><c r="D1" s="0"><v>0.5</v></c><c r="E1"><v>0.25</v></c></row>)");
  const auto rows = ReadFirstSheet(Zip({{"xl/styles.xml", styles}, {"xl/worksheets/sheet1.xml", sheet}}));
  ASSERT_EQ(rows.size(), 1u);
  // A quoted % is text of the format, not a percentage.
  EXPECT_EQ(rows[0], (std::vector<std::string>{"95%", "95.5%", "95", "0.5", "0.25"}));
}

TEST(XlsxReader, RefusesWhatIsNotAWorkbookOrTooLarge) {
  EXPECT_THROW(ReadFirstSheet("PK\x03\x04 not really"), ReadError);
  EXPECT_THROW(ReadFirstSheet("%PDF-1.4"), ReadError);
  EXPECT_THROW(ReadFirstSheet(Zip({{"word/document.xml", "<w/>"}})), ReadError);  // no sheet
  EXPECT_THROW(ReadFirstSheet(Zip({{"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>"}})), ReadError);
  // A part that unpacks past the limit (a zip bomb: 17 MB of spaces deflate to a few KB).
  const std::string bomb = Zip({{"xl/worksheets/sheet1.xml", SheetXml(std::string(17 << 20, ' '))}});
  EXPECT_LT(bomb.size(), 100000u);
  EXPECT_THROW(ReadFirstSheet(bomb), ReadError);
  // One long shared string named by many cells: refused once their text passes the limit.
  std::string cells;
  for (int r = 1; r <= 200; ++r)
    cells += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\" t=\"s\"><v>0</v></c></row>";
  const std::string big = "<sst><si><t>" + std::string(100000, 'a') + "</t></si></sst>";
  EXPECT_THROW(ReadFirstSheet(Zip({{"xl/sharedStrings.xml", big}, {"xl/worksheets/sheet1.xml", SheetXml(cells)}})),
               ReadError);
  const std::string escaped = "<sst><si><t>_x005F_x000D_ giữ nguyên</t></si></sst>";
  EXPECT_EQ(
      ReadFirstSheet(Zip({{"xl/sharedStrings.xml", escaped},
                          {"xl/worksheets/sheet1.xml", SheetXml(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)")}}))
          .at(0)
          .at(0),
      "_x000D_ giữ nguyên");
  std::string many;
  for (size_t r = 1; r <= kMaxRows + 1; ++r)
    many += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>1</v></c></row>";
  EXPECT_THROW(ReadFirstSheet(Zip({{"xl/worksheets/sheet1.xml", SheetXml(many)}})), TooManyRows);
  many.resize(many.rfind("<row"));  // exactly kMaxRows rows: read
  EXPECT_EQ(ReadFirstSheet(Zip({{"xl/worksheets/sheet1.xml", SheetXml(many)}})).size(), kMaxRows);
  // Rows far below that only carry a format (or an empty string) are passed over.
  const std::string formatted = many + R"(<row r="1048576" s="3" customFormat="1"><c r="A1048576" s="3"/>)" +
                                R"(<c r="B1048576" t="inlineStr"><is><t></t></is></c></row>)";
  EXPECT_EQ(ReadFirstSheet(Zip({{"xl/worksheets/sheet1.xml", SheetXml(formatted)}})).size(), kMaxRows);
}

}  // namespace
}  // namespace fg::render::xlsx
