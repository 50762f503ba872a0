// The printed forms over HTTP on the real binary: dossiers are received and
// handled in the store before the server starts (with the clock set to
// 11/02/2026, two days before Tết), then the PDFs are fetched and read back
// with `pdftotext -layout` and `pdfinfo` (poppler-utils), the register's
// spreadsheet with `unzip -p`, and the HTML pages checked for what they print.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "features/accounts/service.h"
#include "features/calendar/service.h"
#include "features/desk/service.h"
#include "features/org/service.h"
#include "platform/auth/crypto.h"
#include "platform/db/db.h"
#include "platform/render/messages.h"
#include "platform/source_dir.h"
#include "platform/time.h"
#include "tests/support/http_client.h"
#include "tests/support/tools.h"

namespace fg::testing {
namespace {

SysSeconds Local(int y, unsigned m, unsigned d, int hh, int mm) {
  return FromLocal(std::chrono::year{y} / m / d, (hh * 60 + mm) * 60);
}

// pdftotext -layout, with every run of white space made one space (so that a
// sentence wrapped over two lines is found whole).
std::string Text(const std::string& pdf) {
  return std::regex_replace(RunTool("pdftotext -layout -enc UTF-8", pdf, ".pdf", "-"), std::regex("\\s+"), " ");
}

struct Fixture {
  std::string db_path;
  std::string a, refused, plain;  // dossier codes
  std::string token;              // an API token of the desk officer
};

// A commune under a province, a desk officer with a password, a procedure,
// and three dossiers: A (supplement requested and received, apology, stopped),
// a refused one, and a plain one.
Fixture Prepare() {
  Fixture f;
  f.db_path = TempPath("forms.db");
  auth::InitCrypto();
  render::LoadMessages(FG_SOURCE_DIR);
  auto db = db::OpenSqlite(f.db_path, {});
  db::Migrate(*db, std::string(FG_SOURCE_DIR) + "/platform/db/migrations");
  {
    org::Service org(*db);
    accounts::Service accounts(*db, false);
    calendar::Service calendar(*db);
    desk::Service desk(*db, calendar);
    const auto sys = org::SystemPrincipal();
    SetClockForTesting(Local(2026, 2, 2, 8, 0));
    org.ImportCsv(sys,
                  "code,name,level,parent_code,valid_from,valid_to\n"
                  "88,Tỉnh Thử Nghiệm,province,,1976-01-01,\n"
                  "88001,Phường Hòa Bình,ward,88,2025-07-01,\n");
    auto officer = org.CreateOfficial(
        sys,
        {"forms.desk", "Lê Thị Tiếp Nhận", "88001", "Công chức một cửa", "0912000111", "", "forms-password-1", true},
        {{"desk", "88001"}});
    f.token = accounts.CreateToken(sys, officer.id, "forms").second;
    const auto p = *db->read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, officer.id); });
    desk::ProcedureInput pin;
    pin.unit_code = "88";
    pin.code = "1.001193";
    pin.name = "Đăng ký khai sinh";
    pin.field = "Hộ tịch";
    pin.limit_unit = "days";
    pin.limit_amount = 3;
    pin.valid_from = "2025-07-01";
    const auto proc = desk.CreateProcedure(sys, pin);
    desk.SetAgencyCode(sys, "88001", "000.00.01.H88");

    auto receive = [&](const std::string& name) {
      desk::IntakeInput in;
      in.procedure_id = proc.id;
      in.unit_code = "88001";
      in.applicant = {name, "079123456789", "0912 345 678", "", "Tổ 5, khu phố Hòa Bình"};
      in.documents = {{"Tờ khai đăng ký khai sinh", "original", 1}, {"Giấy chứng sinh", "original", 1}};
      in.return_method = "at_desk";
      return desk.Receive(p, in).detail.dossier.code;
    };
    auto act = [&](const std::string& code, desk::Action a, desk::TransitionInput in = {}) {
      in.action = a;
      desk.Apply(p, code, in);
    };
    SetClockForTesting(Local(2026, 2, 11, 10, 25));  // Wednesday before Tết (14-22/02/2026 off)
    f.a = receive("Nguyễn Thị Hồng Ánh");
    f.refused = receive("Trần Văn Bình");
    f.plain = receive("Phạm Thị Dung");
    desk::TransitionInput supplement;
    supplement.reason = "Bản sao giấy đăng ký kết hôn của cha mẹ";
    act(f.a, desk::Action::kRequestSupplement, supplement);
    act(f.a, desk::Action::kSupplementReceived);
    desk::TransitionInput apology;
    apology.reason = "Chờ xác minh nơi cư trú";
    apology.new_due_date = "2026-02-26";
    act(f.a, desk::Action::kApology, apology);
    desk::TransitionInput stop;
    stop.reason = "Người yêu cầu đề nghị dừng";
    act(f.a, desk::Action::kStop, stop);
    desk::TransitionInput refuse;
    refuse.reason = "Không thuộc thẩm quyền của phường";
    act(f.refused, desk::Action::kRefuse, refuse);
    SetClockForTesting(std::nullopt);
  }
  db->close();
  return f;
}

class FormsHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fixture_ = new Fixture(Prepare());
    server_ = new ServerProcess(fixture_->db_path, {});
    session_ = new Session(Login(server_->port(), "forms.desk", "forms-password-1"));
  }
  static void TearDownTestSuite() {
    delete session_;
    delete server_;
    delete fixture_;
  }
  static HttpResult Get(const std::string& target) {
    return Request(server_->port(), "GET", target, "", {{"Cookie", session_->cookie}});
  }
  static HttpResult Pdf(const std::string& code, const std::string& nn) {
    auto r = Get("/desk/dossiers/" + code + "/forms/" + nn + ".pdf");
    EXPECT_EQ(r.status, 200) << nn << " " << r.body.substr(0, 300);
    EXPECT_EQ(r.headers["content-type"], "application/pdf");
    return r;
  }
  static Fixture* fixture_;
  static ServerProcess* server_;
  static Session* session_;
};
Fixture* FormsHttpTest::fixture_ = nullptr;
ServerProcess* FormsHttpTest::server_ = nullptr;
Session* FormsHttpTest::session_ = nullptr;

TEST_F(FormsHttpTest, ReceiptPdfIsA5AndReadsBackInVietnamese) {
  ASSERT_FALSE(::testing::Test::HasFailure());
  const auto r = Pdf(fixture_->plain, "01");
  EXPECT_NE(r.headers.at("content-disposition").find("mau-01-" + fixture_->plain + ".pdf"), std::string::npos);
  const std::string info = RunTool("pdfinfo", r.body, ".pdf");
  EXPECT_EQ(InfoField(info, "Page size").rfind("419.528 x 595.276 pts", 0), 0u) << info;  // A5: 148 x 210 mm
  EXPECT_EQ(InfoField(info, "Pages"), "1") << info;
  EXPECT_EQ(InfoField(info, "Title"), "Giấy tiếp nhận hồ sơ và hẹn trả kết quả – hồ sơ " + fixture_->plain) << info;
  const std::string text = Text(r.body);
  for (const std::string& s : std::vector<std::string>{
           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc",
           "BỘ PHẬN MỘT CỬA",
           "Hòa Bình, ngày 11 tháng 02 năm 2026",
           "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
           "Mã hồ sơ: " + fixture_->plain,
           "Tiếp nhận hồ sơ của: Phạm Thị Dung",
           "Giấy chứng sinh",
           "4. Thời gian nhận hồ sơ: 10 giờ 25 phút, ngày 11/02/2026",
           // Three working days: Thursday, Friday, then Tết until Sunday 22/02.
           "5. Thời gian trả kết quả giải quyết hồ sơ: 10 giờ 25 phút, ngày 23/02/2026",
           "6. Đăng ký nhận kết quả tại: Bộ phận một cửa Phường Hòa Bình",
           "NGƯỜI NỘP HỒ SƠ",
           "NGƯỜI TIẾP NHẬN HỒ SƠ",
           "Lê Thị Tiếp Nhận",
       })
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
  // The public lookup, at the address the server derived from where it listens (the line may wrap).
  EXPECT_NE(std::regex_replace(text, std::regex(" "), "")
                .find("http://127.0.0.1:" + std::to_string(server_->port()) + "/tra-cuu?ma=" + fixture_->plain),
            std::string::npos)
      << text;
}

TEST_F(FormsHttpTest, EachFormOfTheHistoryPrintsItsOwnText) {
  const std::string& a = fixture_->a;
  EXPECT_NE(Text(Pdf(a, "01").body).find("Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Ánh"), std::string::npos);
  const std::string f02 = Text(Pdf(a, "02").body);
  EXPECT_NE(f02.find("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"), std::string::npos) << f02;
  EXPECT_NE(f02.find("Bản sao giấy đăng ký kết hôn của cha mẹ"), std::string::npos) << f02;
  EXPECT_NE(f02.find("số điện thoại 0912000111"), std::string::npos) << f02;
  const std::string f03 = Text(Pdf(fixture_->refused, "03").body);
  EXPECT_NE(f03.find("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"), std::string::npos) << f03;
  EXPECT_NE(f03.find("Không thuộc thẩm quyền của phường"), std::string::npos) << f03;
  const std::string f04 = Text(Pdf(a, "04").body);
  EXPECT_NE(f04.find("Ủy ban nhân dân Phường Hòa Bình xin lỗi ông/bà"), std::string::npos) << f04;
  EXPECT_NE(f04.find("Kính gửi: Ông/bà Nguyễn Thị Hồng Ánh"), std::string::npos) << f04;
  EXPECT_NE(f04.find("hẹn trả kết quả giải quyết hồ sơ vào 17 giờ 00 phút, ngày 26/02/2026"), std::string::npos) << f04;
  EXPECT_NE(f04.find("TM. ỦY BAN NHÂN DÂN"), std::string::npos) << f04;
  const std::string f05 = Text(Pdf(a, "05").body);
  EXPECT_NE(f05.find("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"), std::string::npos) << f05;
  EXPECT_NE(f05.find("Lý do: Người yêu cầu đề nghị dừng"), std::string::npos) << f05;
  const auto r06 = Pdf(a, "06");
  EXPECT_EQ(InfoField(RunTool("pdfinfo", r06.body, ".pdf"), "Page size").rfind("419.528 x 595.276 pts", 0), 0u);
  const std::string f06 = Text(r06.body);
  EXPECT_NE(f06.find("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"), std::string::npos) << f06;
  EXPECT_NE(f06.find("Dừng xử lý"), std::string::npos) << f06;  // the dossier's state, as it ended
}

TEST_F(FormsHttpTest, FormsTheHistoryDoesNotGiveAre404WithTheReason) {
  auto page = Get("/desk/dossiers/" + fixture_->plain + "/forms/02.pdf");
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.body.find("chưa có yêu cầu bổ sung"), std::string::npos) << page.body;
  EXPECT_EQ(Get("/desk/dossiers/" + fixture_->plain + "/forms/03").status, 404);
  EXPECT_EQ(Get("/desk/dossiers/" + fixture_->plain + "/forms/07").status, 404);
  EXPECT_EQ(Get("/desk/dossiers/KHONG-CO/forms/01").status, 404);
  auto api = Request(server_->port(), "GET", "/api/v1/dossiers/" + fixture_->plain + "/forms/05.pdf", "",
                     {{"Authorization", "Bearer " + fixture_->token}});
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.headers["content-type"], "application/problem+json");
  EXPECT_NE(api.body.find("không bị dừng giải quyết"), std::string::npos) << api.body;
  EXPECT_EQ(Request(server_->port(), "GET", "/desk/dossiers/" + fixture_->plain + "/forms/01.pdf").status, 303);
}

TEST_F(FormsHttpTest, ApiGivesThePdfToAToken) {
  auto r = Request(server_->port(), "GET", "/api/v1/dossiers/" + fixture_->a + "/forms/06.pdf", "",
                   {{"Authorization", "Bearer " + fixture_->token}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers["content-type"], "application/pdf");
  EXPECT_NE(Text(r.body).find("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"), std::string::npos);
  EXPECT_EQ(Request(server_->port(), "GET", "/api/v1/dossiers/" + fixture_->a + "/forms/06.pdf").status, 401);
}

TEST_F(FormsHttpTest, HtmlFormIsPrintReadyWithTheQrCode) {
  auto r = Get("/desk/dossiers/" + fixture_->a + "/forms/01");
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string& h = r.body;
  EXPECT_NE(h.find("<link rel=\"stylesheet\" href=\"/static/print-a5.css\">"), std::string::npos);
  EXPECT_NE(h.find("<h1 id=\"form-title\" class=\"sheet-title\">GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</h1>"),
            std::string::npos);
  EXPECT_NE(h.find("Hòa Bình, ngày 11 tháng 02 năm 2026"), std::string::npos);
  EXPECT_NE(h.find("<strong>Nguyễn Thị Hồng Ánh</strong>"), std::string::npos);
  EXPECT_NE(h.find("data-print"), std::string::npos);
  EXPECT_NE(h.find("href=\"/desk/dossiers/" + fixture_->a + "/forms/01.pdf\""), std::string::npos);
  EXPECT_NE(h.find("role=\"img\" aria-label=\"Mã QR tra cứu hồ sơ " + fixture_->a + "\""), std::string::npos);
  EXPECT_NE(h.find("http://127.0.0.1:" + std::to_string(server_->port()) + "/tra-cuu?ma=" + fixture_->a),
            std::string::npos);
  // The appointment given at receipt, before the apology moved it.
  EXPECT_NE(h.find("<strong>10 giờ 25 phút, ngày 23/02/2026</strong>"), std::string::npos);
  // A field without a value is a line to fill in.
  EXPECT_NE(Get("/desk/dossiers/" + fixture_->a + "/forms/06").body.find("sheet-dots"), std::string::npos);
}

TEST_F(FormsHttpTest, RegisterAsPageA4PdfAndSpreadsheet) {
  const std::string q = "?unit=88001&from=2026-02-01&to=2026-02-28";
  auto page = Get("/desk/register" + q);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("SỔ THEO DÕI HỒ SƠ"), std::string::npos);
  EXPECT_NE(page.body.find("3 hồ sơ"), std::string::npos);
  EXPECT_NE(page.body.find(fixture_->refused), std::string::npos);

  auto pdf = Get("/desk/register.pdf" + q);
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(InfoField(RunTool("pdfinfo", pdf.body, ".pdf"), "Page size"), "841.89 x 595.276 pts (A4)");  // landscape
  const std::string text = Text(pdf.body);
  EXPECT_NE(text.find("SỔ THEO DÕI HỒ SƠ"), std::string::npos) << text;
  EXPECT_NE(text.find("Hồ sơ tiếp nhận từ ngày 01/02/2026 đến ngày 28/02/2026"), std::string::npos) << text;
  EXPECT_NE(text.find("Phạm Thị Dung"), std::string::npos) << text;

  auto x = Get("/desk/register.xlsx" + q);
  ASSERT_EQ(x.status, 200) << x.body;
  EXPECT_EQ(x.headers["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const std::string xml = RunTool("unzip -p", x.body, ".xlsx", "xl/worksheets/sheet1.xml");
  // Title, unit, period, header and the three dossiers.
  const std::regex row("<row ");
  EXPECT_EQ(std::distance(std::sregex_iterator(xml.begin(), xml.end(), row), std::sregex_iterator()), 7) << xml;
  EXPECT_NE(RunTool("unzip -p", x.body, ".xlsx", "xl/sharedStrings.xml").find("Nguyễn Thị Hồng Ánh"),
            std::string::npos);
  EXPECT_NE(RunTool("unzip -p", x.body, ".xlsx", "xl/styles.xml").find("formatCode=\"dd/mm/yyyy hh:mm\""),
            std::string::npos);
}

TEST_F(FormsHttpTest, RegisterRefusesAPeriodOverAYear) {
  auto page = Get("/desk/register?unit=88001&from=2025-01-01&to=2026-02-28");
  EXPECT_EQ(page.status, 400);
  EXPECT_NE(page.body.find("tối đa 366 ngày"), std::string::npos) << page.body;
  auto x = Get("/desk/register.xlsx?unit=88001&from=2025-01-01&to=2026-02-28");
  EXPECT_EQ(x.status, 400);
  EXPECT_NE(x.body.find("tối đa 366 ngày"), std::string::npos) << x.body;
  EXPECT_EQ(Get("/desk/register?unit=75&from=2026-02-01&to=2026-02-28").status, 400);  // no such unit here
}

// `friendlygov check-config` with `env`: (exit code, output).
std::pair<int, std::string> Check(const std::string& env) {
  std::string cmd = "ASAN_OPTIONS=detect_leaks=0 " + env + " " + FG_BINARY + " check-config 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[512];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  return {WEXITSTATUS(pclose(p)), out};
}

TEST(PublicUrlConfiguration, IsAnHttpAddress) {
  auto ok = Check("FRIENDLYGOV_PUBLIC_URL=https://motcua.dongnai.gov.vn/");
  EXPECT_EQ(ok.first, 0) << ok.second;
  EXPECT_NE(ok.second.find("public_url=https://motcua.dongnai.gov.vn\n"), std::string::npos) << ok.second;
  for (const char* bad : {"motcua.dongnai.gov.vn", "ftp://x.vn", "'https://x.vn/a b'", "https://"}) {
    auto r = Check(std::string("FRIENDLYGOV_PUBLIC_URL=") + bad);
    EXPECT_EQ(r.first, 2) << bad << ": " << r.second;
    EXPECT_NE(r.second.find("'public_url'"), std::string::npos) << r.second;
  }
}

}  // namespace
}  // namespace fg::testing
