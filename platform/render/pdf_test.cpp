// The PDF builder: page sizes, text that comes back out of the PDF with its
// Vietnamese diacritics (pdftotext, poppler-utils), page breaks with a table's
// header repeated, the date line, and documents built on several threads at once.
#include "platform/render/pdf.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "platform/render/messages.h"
#include "platform/source_dir.h"
#include "tests/support/tools.h"

namespace fg::render::pdf {
namespace {

// `command PDF`'s output.
std::string Tool(const std::string& command, const std::string& pdf) { return testing::RunTool(command, pdf, ".pdf"); }
// The text of a PDF as `pdftotext -layout` reads it (to standard output).
std::string TextOf(const std::string& pdf) {
  return testing::RunTool("pdftotext -layout -enc UTF-8", pdf, ".pdf", "-");
}
using testing::InfoField;

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

class PdfTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { LoadMessages(FG_SOURCE_DIR); }
};

TEST_F(PdfTest, DateLinePadsDaysBelowTenAndTheFirstTwoMonths) {
  using namespace std::chrono;
  EXPECT_EQ(DateLine("Chơn Thành", year{2026} / 2 / 17), "Chơn Thành, ngày 17 tháng 02 năm 2026");
  EXPECT_EQ(DateLine("Chơn Thành", year{2026} / 1 / 5), "Chơn Thành, ngày 05 tháng 01 năm 2026");
  EXPECT_EQ(DateLine("Nha Bích", year{2026} / 3 / 9), "Nha Bích, ngày 09 tháng 3 năm 2026");
  EXPECT_EQ(DateLine("Nha Bích", year{2025} / 12 / 31), "Nha Bích, ngày 31 tháng 12 năm 2025");
}

TEST_F(PdfTest, EscapeMakesUserTextSafeForMarkup) {
  EXPECT_EQ(Escape("Lê & <Bình> \"A\""), "Lê &amp; &lt;Bình&gt; &quot;A&quot;");
}

TEST_F(PdfTest, PageSizesAreA5AndA4InPoints) {
  for (auto [paper, expected] :
       {std::pair{Paper::kA5, "419.528 x 595.276 pts"}, std::pair{Paper::kA4, "595.276 x 841.89 pts"},
        std::pair{Paper::kA4Landscape, "841.89 x 595.276 pts"}}) {
    Document d(paper, "Thử khổ giấy");
    d.Paragraph("Trang");
    const std::string info = Tool("pdfinfo", d.Finish());
    EXPECT_EQ(InfoField(info, "Page size").rfind(expected, 0), 0u) << info;  // pdfinfo adds "(A4)" to A4 only
    EXPECT_EQ(InfoField(info, "Title"), "Thử khổ giấy") << info;
    EXPECT_EQ(InfoField(info, "Pages"), "1") << info;
  }
}

TEST_F(PdfTest, VietnameseTextComesBackOutWithItsDiacritics) {
  Document d(Paper::kA5, "Giấy tiếp nhận");
  d.AdministrativeHeader({"ỦY BAN NHÂN DÂN PHƯỜNG CHƠN THÀNH", "BỘ PHẬN MỘT CỬA", "",
                          DateLine("Chơn Thành", std::chrono::year{2026} / 2 / 17), 0});
  d.Paragraph("Tiếp nhận hồ sơ của: <b>" + Escape("Nguyễn Thị Hồng Ánh") + "</b>");
  d.Paragraph("Không phải markup: a < b & c > d");  // printed as it is
  const std::string text = TextOf(d.Finish());
  for (const char* s :
       {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BỘ PHẬN MỘT CỬA",
        "Chơn Thành, ngày 17 tháng 02 năm 2026", "Nguyễn Thị Hồng Ánh", "Không phải markup: a < b & c > d"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
}

TEST_F(PdfTest, LongTextBreaksAcrossPagesAndTablesRepeatTheirHeader) {
  Document d(Paper::kA5, "Dài");
  std::string para;
  for (int i = 0; i < 400; ++i) para += "Thủ tục hành chính một cửa. ";
  d.Paragraph(para, {10, false, false, Align::kJustify});
  const int after_text = d.pages();
  EXPECT_GE(after_text, 2);
  Table t;
  t.widths = {1, 4, 2};
  t.header = {{"<b>STT</b>"}, {"Tên giấy tờ"}, {"Hình thức"}};
  for (int i = 1; i <= 120; ++i)
    t.rows.push_back({{std::to_string(i)},
                      {"Giấy tờ số " + std::to_string(i) + " có tên khá dài để xuống dòng"},
                      {"Bản sao chứng thực"}});
  d.Table(t);
  const int pages = d.pages();
  EXPECT_GT(pages, after_text + 1);
  const std::string text = TextOf(d.Finish());
  EXPECT_EQ(Count(text, "\f"), static_cast<size_t>(pages));  // pdftotext ends each page with a form feed
  // The header on every page the table covers: the pages after the text's last one, and that one.
  EXPECT_EQ(Count(text, "Tên giấy tờ"), static_cast<size_t>(pages - after_text + 1));
  EXPECT_NE(text.find("Giấy tờ số 120 "), std::string::npos);
}

TEST_F(PdfTest, QrIsDrawnAndTheDocumentStaysValid) {
  const qr::Matrix m = qr::Encode("http://127.0.0.1:8080/tra-cuu?ma=25270-260217-0001");
  Document d(Paper::kA5, "QR");
  d.Qr(m, 80);
  Table t;
  t.borders = false;
  t.widths = {3, 1};
  t.rows.push_back({{"Quét mã để tra cứu"}, {"", Align::kCenter, &m, 70}});
  d.Table(t);
  const std::string pdf = d.Finish();
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  EXPECT_NE(TextOf(pdf).find("Quét mã để tra cứu"), std::string::npos);
  EXPECT_EQ(InfoField(Tool("pdfinfo", pdf), "Pages"), "1");
}

// Each thread has its own pango font map: documents built at once on several
// threads come out whole and identical in text to one built alone.
TEST_F(PdfTest, DocumentsBuiltOnSeveralThreadsAtOnce) {
  auto build = [](int i) {
    Document d(Paper::kA5, "Song song");
    d.AdministrativeHeader({"ỦY BAN NHÂN DÂN XÃ MỘT", "BỘ PHẬN MỘT CỬA", "", "", 0});
    Table t;
    t.widths = {1, 3};
    t.header = {{"STT"}, {"Nội dung"}};
    for (int r = 0; r < 40; ++r) t.rows.push_back({{std::to_string(r)}, {"Hồ sơ " + std::to_string(i)}});
    d.Table(t);
    return d.Finish();
  };
  const std::string alone = TextOf(build(7));
  std::vector<std::string> out(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      for (size_t j = 0; j < 2; ++j) out[i * 2 + j] = build(7);
    });
  for (auto& t : threads) t.join();
  for (const auto& pdf : out) {
    EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
    EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
    EXPECT_EQ(TextOf(pdf), alone);
  }
}

TEST_F(PdfTest, RenderRunsTheBuildAndReturnsTheBytes) {
  const std::string pdf = Render(Paper::kA4, "Sổ", [](Document& d) { d.Paragraph("<b>SỔ THEO DÕI HỒ SƠ</b>"); });
  EXPECT_NE(TextOf(pdf).find("SỔ THEO DÕI HỒ SƠ"), std::string::npos);
}

}  // namespace
}  // namespace fg::render::pdf
