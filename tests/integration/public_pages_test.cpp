// The citizens' pages on the real binary with demo data: the home page at /,
// finding a commune by name without diacritics, a commune's page, the footer
// from configuration, and no personal data on any of them.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>

#include "tests/support/http_client.h"

namespace fg::testing {
namespace {

class PublicPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_path_ = new std::string(TempPath("public.db"));
    // The agency and hotline configured; address and e-mail fall back to the demo's.
    server_ = new ServerProcess(
        *db_path_, {"--demo"},
        {{"FRIENDLYGOV_SITE_AGENCY", "Văn phòng UBND tỉnh Thử"}, {"FRIENDLYGOV_SITE_HOTLINE", "0251 3822 222"}});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete db_path_;
  }
  HttpResult Get(const std::string& target, const std::vector<std::pair<std::string, std::string>>& h = {}) {
    return Request(server_->port(), "GET", target, "", h);
  }
  static bool Has(const HttpResult& r, const std::string& s) { return r.body.find(s) != std::string::npos; }
  static std::string* db_path_;
  static ServerProcess* server_;
};
std::string* PublicPagesTest::db_path_ = nullptr;
ServerProcess* PublicPagesTest::server_ = nullptr;

TEST_F(PublicPagesTest, HomePageIsForCitizensWithTheConfiguredFooter) {
  auto r = Get("/");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_TRUE(Has(r, "action=\"/xa\"")) << r.body;
  EXPECT_TRUE(Has(r, "name=\"ten\""));
  EXPECT_TRUE(Has(r, "href=\"/calendar/due\""));
  EXPECT_TRUE(Has(r, "id=\"home-lookup\" href=\"/tra-cuu\""));
  EXPECT_FALSE(Has(r, "sắp có"));
  EXPECT_TRUE(Has(r, "href=\"/dang-nhap\""));  // staff still find the login
  EXPECT_FALSE(Has(r, "href=\"/dashboard\""));
  // A site with few communes lists those in force (the demo: three), not the merged ones.
  EXPECT_TRUE(Has(r, "<a href=\"/xa/25270\">Phường Chơn Thành</a>"));
  EXPECT_TRUE(Has(r, "<a href=\"/xa/25300\">Xã Nha Bích</a>"));
  EXPECT_FALSE(Has(r, "/xa/25291"));
  // Footer: configured values, the demo's for the others.
  EXPECT_TRUE(Has(r, "Cơ quan chịu trách nhiệm: Văn phòng UBND tỉnh Thử"));
  EXPECT_TRUE(Has(r, "href=\"tel:02513822222\">0251 3822 222</a>"));
  EXPECT_TRUE(Has(r, "Địa chỉ: Số 2 Nguyễn Văn Trị"));
  EXPECT_TRUE(Has(r, "href=\"mailto:hotro@demo.friendlygov.vn\""));
  EXPECT_FALSE(Has(r, "bản trình diễn"));  // the configured agency replaced the demo's
  // The footer is on every page.
  EXPECT_TRUE(Has(Get("/calendar"), "Cơ quan chịu trách nhiệm: Văn phòng UBND tỉnh Thử"));
}

TEST_F(PublicPagesTest, StaffOnTheHomePageGetALinkToTheirWorkspace) {
  auto s = Login(server_->port(), "leader", "demo");
  auto r = Get("/", {{"Cookie", s.cookie}});
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Has(r, "Trần Thị Lãnh"));
  EXPECT_TRUE(Has(r, "<a href=\"/dashboard\">Vào trang làm việc"));
  EXPECT_FALSE(Has(r, "Cán bộ, công chức đăng nhập"));
}

TEST_F(PublicPagesTest, SearchFindsCommunesWithoutDiacritics) {
  auto r = Get("/xa?ten=chon+thanh");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_TRUE(Has(r, "<a href=\"/xa/25270\">Phường Chơn Thành</a>")) << r.body;
  EXPECT_TRUE(Has(r, "Tỉnh Đồng Nai"));
  // "d" and "Đ" are one letter; upper case and marks are ignored.
  EXPECT_TRUE(Has(Get("/xa?ten=TRAN%20BIEN"), "Phường Trấn Biên"));
  EXPECT_TRUE(Has(Get("/xa?ten=Tr%E1%BA%A5n"), "Phường Trấn Biên"));  // "Trấn", percent-encoded UTF-8
  // A merged ward is found, says where it went, and is listed after the one in force.
  auto merged = Get("/xa?ten=nha+bich");
  ASSERT_EQ(merged.status, 200);
  const size_t now = merged.body.find("href=\"/xa/25300\""), old = merged.body.find("href=\"/xa/25291\"");
  ASSERT_NE(now, std::string::npos) << merged.body;
  ASSERT_NE(old, std::string::npos);
  EXPECT_LT(now, old);
  EXPECT_TRUE(Has(merged, "Từ ngày 01/07/2025 đã nhập vào Xã Nha Bích."));
  EXPECT_TRUE(Has(Get("/xa?ten=khong+co+noi+nay"), "id=\"no-results\""));
}

TEST_F(PublicPagesTest, SearchReturnsToTheCalendarOrTheDeadlineCalculator) {
  auto cal = Get("/xa?cho=lich&ten=chon+thanh");
  EXPECT_TRUE(Has(cal, "href=\"/calendar?unit=25270\"")) << cal.body;
  EXPECT_TRUE(Has(cal, "name=\"cho\" value=\"lich\""));  // a new search keeps the destination
  // A ward merged away leads to the one it merged into.
  auto due = Get("/xa?cho=han&ten=hung+long");
  EXPECT_TRUE(Has(due, "href=\"/calendar/due?unit=25270\">Phường Hưng Long</a>")) << due.body;
  // Anything else leads to the commune's page, never off the site.
  EXPECT_TRUE(Has(Get("/xa?cho=https://evil.example&ten=chon+thanh"), "href=\"/xa/25270\""));
  EXPECT_TRUE(Has(Get("/calendar"), "href=\"/xa?cho=lich\""));
  EXPECT_TRUE(Has(Get("/calendar/due"), "href=\"/xa?cho=han\""));
}

TEST_F(PublicPagesTest, SearchIsBounded) {
  auto empty = Get("/xa?ten=");
  EXPECT_EQ(empty.status, 400);
  EXPECT_TRUE(Has(empty, "Hãy nhập tên xã, phường cần tìm.")) << empty.body;
  EXPECT_TRUE(Has(empty, "<title>Lỗi: "));
  auto long_query = Get("/xa?ten=" + std::string(61, 'a'));
  EXPECT_EQ(long_query.status, 400);
  EXPECT_TRUE(Has(long_query, "dài quá 60 ký tự"));
  EXPECT_EQ(Get("/xa?ten=" + std::string(60, 'a')).status, 200);
  EXPECT_EQ(Get("/xa").status, 200);  // the form alone
}

TEST_F(PublicPagesTest, CommunePageShowsHoursAndLinks) {
  auto r = Get("/xa/25270");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_TRUE(Has(r, "<h1>Phường Chơn Thành <small>mã 25270</small></h1>")) << r.body;
  EXPECT_TRUE(Has(r, "Tỉnh Đồng Nai"));
  EXPECT_TRUE(Has(r, "Thứ Hai đến Thứ Sáu"));
  EXPECT_TRUE(Has(r, "07:30 – 11:30"));
  EXPECT_TRUE(Has(r, "href=\"/calendar?unit=25270\""));
  EXPECT_TRUE(Has(r, "href=\"/calendar/due?unit=25270\""));
  EXPECT_TRUE(Has(r, "id=\"place-lookup\" href=\"/tra-cuu\""));
  EXPECT_FALSE(Has(r, "<form method=\"post\""));  // no dead form
  // A ward merged away points to its successor and offers nothing else.
  auto old = Get("/xa/25276");
  ASSERT_EQ(old.status, 200);
  EXPECT_TRUE(Has(old, "không còn là đơn vị hành chính từ ngày 01/07/2025")) << old.body;
  EXPECT_TRUE(Has(old, "href=\"/xa/25270\""));
  EXPECT_FALSE(Has(old, "/calendar/due?unit=25276"));
  // The old district's name shows as the parent.
  EXPECT_TRUE(Has(old, "Thị xã Chơn Thành"));
  EXPECT_EQ(Get("/xa/75").status, 404);  // a province is not a commune
  EXPECT_EQ(Get("/xa/nope").status, 404);
}

TEST_F(PublicPagesTest, NoPersonalDataOnPublicPages) {
  for (const char* target : {"/", "/xa?ten=chon", "/xa/25270", "/xa/25276"}) {
    auto r = Get(target);
    EXPECT_EQ(r.status, 200) << target;
    for (const char* secret : {"0912345", "@demo.friendlygov.vn\">l", "Trần Thị Lãnh", "Lê Văn Một"})
      EXPECT_FALSE(Has(r, secret)) << target << " shows " << secret;
  }
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

TEST(SiteConfiguration, FooterKeysAreCheckedAtStartUp) {
  auto ok = Check("FRIENDLYGOV_SITE_HOTLINE='+84 251.3822-222' FRIENDLYGOV_SITE_EMAIL=lienhe@dongnai.gov.vn");
  EXPECT_EQ(ok.first, 0) << ok.second;
  EXPECT_NE(ok.second.find("site_hotline=+84 251.3822-222"), std::string::npos) << ok.second;
  auto hotline = Check("FRIENDLYGOV_SITE_HOTLINE='gọi ngay'");
  EXPECT_EQ(hotline.first, 2);
  EXPECT_NE(hotline.second.find("'site_hotline'"), std::string::npos) << hotline.second;
  auto email = Check("FRIENDLYGOV_SITE_EMAIL=khong-phai-thu");
  EXPECT_EQ(email.first, 2);
  EXPECT_NE(email.second.find("'site_email'"), std::string::npos) << email.second;
  auto agency = Check("FRIENDLYGOV_SITE_AGENCY=\"$(printf 'a\\001b')\"");
  EXPECT_EQ(agency.first, 2) << agency.second;
  EXPECT_NE(agency.second.find("'site_agency'"), std::string::npos) << agency.second;
}

}  // namespace
}  // namespace fg::testing
