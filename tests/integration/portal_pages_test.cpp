// The portal of a place (issue 16) on the real binary with demo data: the
// catalogue and its search without diacritics, a procedure's page, the QR
// poster (decoded with zbarimg), the directory showing only what each person
// agreed to, the live figures, open data, the sitemap, and HTTP caching.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>
#include <set>
#include <thread>

#include "tests/support/http_client.h"
#include "tests/support/tools.h"

namespace fg::testing {
namespace {

const char* kBase = "https://dichvu.example.vn";

class PortalPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_path_ = new std::string(TempPath("portal.db"));
    server_ = new ServerProcess(*db_path_, {"--demo"}, {{"FRIENDLYGOV_PUBLIC_URL", kBase}});
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
std::string* PortalPagesTest::db_path_ = nullptr;
ServerProcess* PortalPagesTest::server_ = nullptr;

TEST_F(PortalPagesTest, CatalogueListsTheProceduresOfTheWardByField) {
  auto r = Get("/xa/25270/thu-tuc");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_TRUE(Has(r, "<title>Thủ tục hành chính tại Phường Chơn Thành · ")) << r.body;
  EXPECT_TRUE(Has(r, "<meta name=\"description\" content=\"Danh mục 22 thủ tục hành chính tại Phường Chơn Thành"));
  // The province's catalogue applies at the ward; grouped by field.
  EXPECT_TRUE(Has(r, "<a href=\"/xa/25270/thu-tuc/1.001193\">Đăng ký khai sinh</a>"));
  EXPECT_TRUE(Has(r, ">Hộ tịch <small>"));
  EXPECT_TRUE(Has(r, ">Chứng thực <small>"));
  EXPECT_TRUE(Has(r, "Thời hạn: Trong ngày · Lệ phí: Miễn lệ phí"));
  EXPECT_TRUE(Has(r, "href=\"/xa/25270/thu-tuc/ap-phich.pdf\""));
  EXPECT_TRUE(Has(r, "href=\"/xa/25270/thu-tuc.csv\""));
  EXPECT_FALSE(Has(r, "<form method=\"post\""));
  // The commune's page links to it, the directory and the figures.
  auto place = Get("/xa/25270");
  EXPECT_TRUE(Has(place, "href=\"/xa/25270/thu-tuc\""));
  EXPECT_TRUE(Has(place, "href=\"/xa/25270/danh-ba\""));
  EXPECT_TRUE(Has(place, "href=\"/xa/25270/so-lieu\""));
  EXPECT_EQ(Get("/xa/nope/thu-tuc").status, 404);
  EXPECT_EQ(Get("/xa/75/thu-tuc").status, 404);  // a province is not a place
  // A ward merged away points to its successor's catalogue.
  auto old = Get("/xa/25276/thu-tuc");
  ASSERT_EQ(old.status, 200);
  EXPECT_TRUE(Has(old, "href=\"/xa/25270/thu-tuc\"")) << old.body;
  EXPECT_FALSE(Has(old, "/xa/25276/thu-tuc/1.001193"));
}

TEST_F(PortalPagesTest, SearchWithoutDiacritics) {
  for (const char* q : {"khai+sinh", "KHAI%20SINH", "kh%C3%A1i+s"}) {  // "khái s": marks and case ignored
    auto r = Get(std::string("/xa/25270/thu-tuc?tim=") + q);
    ASSERT_EQ(r.status, 200) << q;
    EXPECT_TRUE(Has(r, "/xa/25270/thu-tuc/1.001193\">Đăng ký khai sinh</a>")) << q << r.body;
    EXPECT_TRUE(Has(r, "/xa/25270/thu-tuc/1.004884\">Đăng ký lại khai sinh</a>")) << q;
    EXPECT_FALSE(Has(r, "Chứng thực bản sao")) << q;
    EXPECT_TRUE(Has(r, ": 2 thủ tục</h2>")) << q;
  }
  // "đ" is typed as "d".
  EXPECT_TRUE(Has(Get("/xa/25270/thu-tuc?tim=dat+dai"), "Hòa giải tranh chấp đất đai"));
  auto none = Get("/xa/25270/thu-tuc?tim=khong+co+thu+tuc+nay");
  EXPECT_TRUE(Has(none, "id=\"no-results\""));
  auto long_query = Get("/xa/25270/thu-tuc?tim=" + std::string(81, 'a'));
  EXPECT_EQ(long_query.status, 400);
  EXPECT_TRUE(Has(long_query, "<title>Lỗi: "));
  EXPECT_TRUE(Has(long_query, "aria-invalid=\"true\""));
}

TEST_F(PortalPagesTest, ProcedurePageSaysWhatToBringWhatItCostsAndWhere) {
  auto r = Get("/xa/25270/thu-tuc/1.008004");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_TRUE(Has(r, "<title>Cấp giấy phép xây dựng nhà ở riêng lẻ – Phường Chơn Thành · ")) << r.body;
  EXPECT_TRUE(Has(r,
                  "<meta name=\"description\" content=\"Cấp giấy phép xây dựng nhà ở riêng lẻ tại Phường Chơn "
                  "Thành: giấy tờ cần nộp, lệ phí 75.000 đồng, thời hạn giải quyết 15 ngày làm việc.\">"));
  EXPECT_TRUE(Has(r, "<h1>Cấp giấy phép xây dựng nhà ở riêng lẻ</h1>"));
  EXPECT_TRUE(Has(r, "id=\"procedure-limit\">15 ngày làm việc<"));
  EXPECT_TRUE(Has(r, "id=\"procedure-fees\">75.000 đồng<"));
  EXPECT_TRUE(Has(r, "Giấy tờ cần nộp"));
  EXPECT_TRUE(Has(r, "07:30 – 11:30"));  // the ward's working hours
  // A QR of this very page, and its address in full.
  EXPECT_TRUE(Has(r, "<svg"));
  EXPECT_TRUE(Has(r, std::string(">") + kBase + "/xa/25270/thu-tuc/1.008004</a>"));
  EXPECT_EQ(Get("/xa/25270/thu-tuc/9.999999").status, 404);
}

TEST_F(PortalPagesTest, PublicPagesCarryETagsAndMayBeCachedBySharedCaches) {
  auto r = Get("/xa/25270/thu-tuc");
  ASSERT_EQ(r.status, 200);
  const std::string etag = r.headers["etag"];
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(r.headers["cache-control"], "public, max-age=300");
  EXPECT_EQ(r.headers.count("set-cookie"), 0u) << r.headers["set-cookie"];  // nothing personal to cache
  auto again = Get("/xa/25270/thu-tuc", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(Get("/xa/25270/thu-tuc", {{"If-None-Match", "\"other\""}}).status, 200);
  // Another page has another tag.
  EXPECT_NE(Get("/xa/25270/thu-tuc?tim=khai").headers["etag"], etag);
  // A signed-in official's copy names them: private.
  auto s = Login(server_->port(), "leader", "demo");
  auto mine = Get("/xa/25270/thu-tuc", {{"Cookie", s.cookie}});
  EXPECT_EQ(mine.headers["cache-control"], "private, no-cache");
  EXPECT_TRUE(Has(mine, "Trần Thị Lãnh"));
}

// The URLs in the QR codes of a PDF, page by page (pdftoppm, then zbarimg).
std::multiset<std::string> QrUrls(const std::string& pdf) {
  std::multiset<std::string> out;
  for (int page = 1; page <= 10; ++page) {
    const std::string png = RunTool("pdftoppm -png -r 150 -f " + std::to_string(page) + " -l " + std::to_string(page),
                                    pdf, ".pdf", "2>/dev/null");
    if (png.size() < 8 || png.compare(1, 3, "PNG") != 0) break;
    const std::string found = RunTool("zbarimg --quiet --raw -Sdisable -Sqrcode.enable", png, ".png");
    std::istringstream lines(found);
    // Only the decoded texts: zbarimg may also complain (D-Bus) on the same output.
    for (std::string line; std::getline(lines, line);)
      if (line.rfind("http", 0) == 0) out.insert(line);
  }
  return out;
}

// Pages are kept rendered (features/public/page_cache.h); a change to a
// procedure shows on the next anonymous request once the catalogue's state has
// been looked at again (at most once a second), and its old ETag no longer
// earns a 304.
TEST_F(PortalPagesTest, AChangedProcedureShowsOnTheNextAnonymousRequest) {
  auto list = Get("/api/v1/procedures?unit=25270&q=chung+thuc+chu+ky&limit=1");
  ASSERT_EQ(list.status, 200) << list.body;
  const auto parsed = boost::json::parse(list.body);
  const auto& item = parsed.at("items").at(0).as_object();
  const std::string code(item.at("code").as_string());
  const std::string page = "/xa/25270/thu-tuc/" + code;
  auto before = Get(page);
  ASSERT_EQ(before.status, 200) << before.raw;
  auto catalogue = Get("/xa/25270/thu-tuc");
  const std::string page_etag = before.headers["etag"], catalogue_etag = catalogue.headers["etag"];
  EXPECT_EQ(Get(page, {{"If-None-Match", page_etag}}).status, 304);  // from the kept copy
  EXPECT_EQ(Get(page).body, before.body);
  const std::string fees = "Lệ phí thử bộ nhớ đệm 12.345 đồng";
  EXPECT_FALSE(Has(before, fees));

  auto admin = Login(server_->port(), "admin", "demo");
  auto patched =
      Request(server_->port(), "PATCH", "/api/v1/procedures/" + std::to_string(item.at("id").as_int64()),
              boost::json::serialize(boost::json::object{{"fees", fees}}),
              {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}, {"Content-Type", "application/json"}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));

  auto after = Get(page, {{"If-None-Match", page_etag}});
  ASSERT_EQ(after.status, 200) << after.raw;
  EXPECT_TRUE(Has(after, fees)) << after.body;
  EXPECT_NE(after.headers["etag"], page_etag);
  auto new_catalogue = Get("/xa/25270/thu-tuc", {{"If-None-Match", catalogue_etag}});
  ASSERT_EQ(new_catalogue.status, 200);
  EXPECT_TRUE(Has(new_catalogue, fees));
  // The kiosk's copy too, and the new copy is kept in turn.
  EXPECT_TRUE(Has(Get(page + "?kiosk=1"), fees));
  EXPECT_EQ(Get(page, {{"If-None-Match", after.headers["etag"]}}).status, 304);
}

TEST_F(PortalPagesTest, PosterQrCodesOpenEachProceduresPage) {
  auto r = Get("/xa/25270/thu-tuc/ap-phich.pdf?tim=ho+tich");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.headers["content-type"], "application/pdf");
  const auto info = RunTool("pdfinfo", r.body, ".pdf");
  EXPECT_EQ(InfoField(info, "Page size").substr(0, 13), "595.276 x 841") << info;  // A4
  // The demo's civil-status procedures (field "Hộ tịch"), one QR each, each to its own page.
  const std::set<std::string> codes = {"1.001193", "1.000656", "1.000894", "1.001022", "1.004884",
                                       "1.004746", "1.004859", "1.000110", "1.001695", "1.002755"};
  std::multiset<std::string> expected;
  for (const auto& c : codes) expected.insert(std::string(kBase) + "/xa/25270/thu-tuc/" + c);
  EXPECT_EQ(QrUrls(r.body), expected);
  // The whole catalogue: 22 procedures on two A4 sheets (12 a sheet).
  auto all = Get("/xa/25270/thu-tuc/ap-phich.pdf");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(InfoField(RunTool("pdfinfo", all.body, ".pdf"), "Pages"), "2");
  EXPECT_EQ(QrUrls(all.body).size(), 22u);
}

TEST_F(PortalPagesTest, DirectoryShowsOnlyWhatEachPersonAgreedToPublish) {
  auto r = Get("/xa/25270/danh-ba");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_TRUE(Has(r, "<title>Danh bạ cán bộ Phường Chơn Thành · "));
  // The chairwoman agreed to name, position, phone and hours.
  EXPECT_TRUE(Has(r, "Trần Thị Lãnh")) << r.body;
  EXPECT_TRUE(Has(r, "Chủ tịch UBND phường"));
  EXPECT_TRUE(Has(r, "<a href=\"tel:0912345602\">0912345602</a>"));
  EXPECT_TRUE(Has(r, "Sáng thứ Năm hằng tuần"));
  // The desk officer: name and position, not his phone nor his e-mail.
  EXPECT_TRUE(Has(r, "Lê Văn Một"));
  EXPECT_TRUE(Has(r, "Công chức Bộ phận một cửa"));
  EXPECT_FALSE(Has(r, "0912345603"));
  EXPECT_FALSE(Has(r, "desk@demo.friendlygov.vn"));
  // The specialist agreed to nothing: not even her name.
  EXPECT_FALSE(Has(r, "Phạm Thị Chuyên"));
  EXPECT_FALSE(Has(r, "0912345604"));
  EXPECT_FALSE(Has(r, "Công chức Văn phòng - Thống kê"));
  // The chairwoman is first (sort order 2 before 10).
  EXPECT_LT(r.body.find("Trần Thị Lãnh"), r.body.find("Lê Văn Một"));
}

TEST_F(PortalPagesTest, AnOfficialChangesWhatTheyPublishAndTheDirectoryFollows) {
  auto s = Login(server_->port(), "specialist", "demo");
  auto me = Get("/dashboard", {{"Cookie", s.cookie}});
  // The specialist's own id: from her publication form reached through the leader's view of officials.
  auto admin = Login(server_->port(), "admin", "demo");
  auto list = Get("/officials", {{"Cookie", admin.cookie}});
  std::smatch m;
  ASSERT_TRUE(std::regex_search(list.body, m, std::regex("href=\"/officials/(\\d+)\">Phạm Thị Chuyên")))
      << list.body.substr(0, 4000);
  const std::string id = m[1];
  auto form = Get("/officials/" + id + "/cong-khai", {{"Cookie", s.cookie}});
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(Has(form, "name=\"listed\""));
  // A desk officer may not decide for her.
  auto desk = Login(server_->port(), "desk", "demo");
  EXPECT_EQ(Get("/officials/" + id + "/cong-khai", {{"Cookie", desk.cookie}}).status, 403);
  // Every bad field at once, nothing saved.
  auto bad = Request(server_->port(), "POST", "/officials/" + id + "/cong-khai",
                     "csrf_token=" + s.csrf + "&listed=1&hours=1&hours_text=&sort_order=abc",
                     {{"Cookie", s.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Has(bad, "href=\"#hours_text\""));
  EXPECT_TRUE(Has(bad, "href=\"#sort_order\""));
  EXPECT_FALSE(Has(Get("/xa/25270/danh-ba"), "Phạm Thị Chuyên"));
  // She publishes her name and e-mail, not her phone.
  auto ok = Request(server_->port(), "POST", "/officials/" + id + "/cong-khai",
                    "csrf_token=" + s.csrf + "&listed=1&email=1&sort_order=20",
                    {{"Cookie", s.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.headers["location"], "/officials/" + id + "/cong-khai?done=saved");
  auto done = Get(ok.headers["location"], {{"Cookie", s.cookie}});
  EXPECT_TRUE(Has(done, "Đã lưu thông tin công khai của Phạm Thị Chuyên."));
  auto dir = Get("/xa/25270/danh-ba");
  EXPECT_TRUE(Has(dir, "Phạm Thị Chuyên"));
  EXPECT_TRUE(Has(dir, "mailto:specialist@demo.friendlygov.vn"));
  EXPECT_FALSE(Has(dir, "0912345604"));
  EXPECT_FALSE(Has(dir, "Công chức Văn phòng - Thống kê"));  // position not agreed
  (void)me;
}

TEST_F(PortalPagesTest, FiguresComeFromTheCountersWithTheMinimumVolumeRule) {
  auto r = Get("/xa/25270/so-lieu");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_TRUE(Has(r, "<title>Kết quả giải quyết hồ sơ tại Phường Chơn Thành · "));
  EXPECT_TRUE(Has(r, "id=\"year-received\">"));
  // The figures agree with the desk's own statistics for the same period (read as the leader).
  auto json = Get("/xa/25270/so-lieu.json");
  ASSERT_EQ(json.status, 200);
  auto v = boost::json::parse(json.body).as_object();
  EXPECT_NE(std::string(v.at("licence").as_string()).find("CC BY 4.0"), std::string::npos);
  const auto& months = v.at("months").as_array();
  ASSERT_GE(months.size(), 13u);  // January of last year to this month
  int64_t received = 0;
  for (const auto& m : months) {
    const auto& o = m.as_object();
    received += o.at("received").as_int64();
    // A share below 30 answers is not given as a figure.
    if (o.at("resolved").as_int64() < 30) EXPECT_TRUE(o.at("on_time_share").is_null());
    if (o.at("ratings").as_int64() < 30) EXPECT_TRUE(o.at("satisfied_share").is_null());
    if (o.at("resolved").as_int64() >= 30) EXPECT_TRUE(o.at("on_time_share").is_double());
    EXPECT_LE(o.at("feedback_answered_on_time").as_int64(), o.at("feedback_answered").as_int64());
    if (o.at("feedback_answered").as_int64() < 30) EXPECT_TRUE(o.at("feedback_on_time_share").is_null());
  }
  // The demo received about 280 dossiers at the ward over 90 days.
  EXPECT_GT(received, 100);
  const std::string from = std::string(months.front().as_object().at("month").as_string()) + "-01";
  const std::string to = std::string(v.at("as_of").as_string());
  auto s = Login(server_->port(), "leader", "demo");
  auto desk = Get("/api/v1/dossiers/stats?unit=25270&from=" + from + "&to=" + to, {{"Cookie", s.cookie}});
  ASSERT_EQ(desk.status, 200) << desk.body;
  EXPECT_EQ(boost::json::parse(desk.body).at("total").at("received").as_int64(), received) << desk.body;
  auto csv = Get("/xa/25270/so-lieu.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(
      csv.body.rfind("# Số liệu hồ sơ, đánh giá và trả lời phản ánh, kiến nghị theo tháng của Phường Chơn Thành.", 0),
      0u)
      << csv.body;
  EXPECT_NE(csv.body.find("\nmonth,received,resolved,resolved_on_time,on_time_share,ratings,satisfied,satisfied_share,"
                          "feedback_answered,feedback_answered_on_time,feedback_on_time_share\n"),
            std::string::npos);
}

TEST_F(PortalPagesTest, OpenDataAndSitemap) {
  auto csv = Get("/xa/25270/thu-tuc.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers["content-type"], "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("# Danh mục thủ tục hành chính tại Phường Chơn Thành. Dữ liệu mở", 0), 0u) << csv.body;
  EXPECT_NE(csv.headers["link"].find("rel=\"license\""), std::string::npos);
  size_t lines = 0;
  for (char c : csv.body) lines += c == '\n';
  EXPECT_EQ(lines, 2u + 22u);  // licence, header, one row per procedure
  auto json = Get("/xa/25270/thu-tuc.json");
  ASSERT_EQ(json.status, 200);
  auto v = boost::json::parse(json.body).as_object();
  EXPECT_EQ(v.at("procedures").as_array().size(), 22u);
  EXPECT_EQ(v.at("licence_url").as_string(), "https://creativecommons.org/licenses/by/4.0/deed.vi");
  auto index = Get("/sitemap.xml");
  ASSERT_EQ(index.status, 200);
  EXPECT_TRUE(Has(index, std::string("<loc>") + kBase + "/xa/25270/sitemap.xml</loc>")) << index.body;
  EXPECT_FALSE(Has(index, "/xa/25276/"));  // merged away
  auto place = Get("/xa/25270/sitemap.xml");
  ASSERT_EQ(place.status, 200);
  EXPECT_TRUE(Has(place, std::string("<loc>") + kBase + "/xa/25270/thu-tuc/1.001193</loc>"));
  EXPECT_TRUE(Has(place, std::string("<loc>") + kBase + "/xa/25270/danh-ba</loc>"));
}

TEST_F(PortalPagesTest, AnnouncementsAreListedSpokenAndPolledByLoudspeakers) {
  auto r = Get("/xa/25270/thong-bao");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_TRUE(Has(r, "Tiêm phòng dại cho chó, mèo")) << r.body;  // the demo's announcement
  EXPECT_TRUE(Has(r, "Nơi phát: Khu phố 1, Khu phố 2"));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.body, m, std::regex("href=\"(/xa/25270/thong-bao/(\\d+)\\.wav)\"")));
  const std::string wav_path = m[1], id = m[2];
  auto wav = Get(wav_path);
  ASSERT_EQ(wav.status, 200);
  EXPECT_EQ(wav.headers["content-type"], "audio/wav");
  EXPECT_EQ(wav.body.substr(0, 4), "RIFF");
  const std::string stat = RunTool("sox", wav.body, ".wav", "-n stat");
  ASSERT_NE(stat.find("RMS     amplitude:"), std::string::npos) << stat;
  EXPECT_GT(std::stod(stat.substr(stat.find(':', stat.find("RMS     amplitude")) + 1)), 0.02) << stat;
  // The ward's administrator registers a loudspeaker controller for two hamlets: its token is shown once.
  auto admin = Login(server_->port(), "admin", "demo");
  const std::string form = "application/x-www-form-urlencoded";
  auto reg = Request(server_->port(), "POST", "/desk/announcements/controllers?unit=25270",
                     "csrf_token=" + admin.csrf +
                         "&controller_name=Loa+khu+ph%E1%BB%91+1&hamlets=Khu+ph%E1%BB%91+1%0AKhu+ph%E1%BB%91+3",
                     {{"Cookie", admin.cookie}, {"Content-Type", form}});
  ASSERT_EQ(reg.status, 201) << reg.body;
  ASSERT_TRUE(std::regex_search(reg.body, m, std::regex("id=\"controller-token\">(loa_(\\d+)_[A-Za-z0-9_-]+)<")))
      << reg.body;
  const std::string token = m[1], controller_id = m[2];
  const std::vector<std::pair<std::string, std::string>> device = {{"Authorization", "Bearer " + token}};
  EXPECT_FALSE(Has(Get("/desk/announcements/controllers?unit=25270", {{"Cookie", admin.cookie}}), token));
  // The playlist needs the controller's token: none, an official's session or a wrong one is 401.
  EXPECT_EQ(Get("/xa/25270/thong-bao/playlist.json?ap=khu+pho+1").status, 401);
  EXPECT_EQ(Get("/xa/25270/thong-bao/playlist.json?ap=khu+pho+1", {{"Cookie", admin.cookie}}).status, 401);
  EXPECT_EQ(Get("/xa/25270/thong-bao/playlist.json", {{"Authorization", "Bearer " + token + "x"}}).status, 401);
  // Its hamlets: one the announcement is for, one it is not for; another hamlet is refused.
  auto polled = Get("/xa/25270/thong-bao/playlist.json?ap=khu+pho+1", device);
  ASSERT_EQ(polled.status, 200) << polled.body;
  EXPECT_EQ(polled.headers["cache-control"], "private, no-cache");
  auto list = boost::json::parse(polled.body).as_object();
  ASSERT_EQ(list.at("items").as_array().size(), 1u);
  EXPECT_EQ(list.at("items").as_array()[0].at("audio_url").as_string(), std::string(kBase) + wav_path);
  auto none = boost::json::parse(Get("/xa/25270/thong-bao/playlist.json?ap=khu+pho+3", device).body).as_object();
  EXPECT_TRUE(none.at("items").as_array().empty());
  EXPECT_EQ(Get("/xa/25270/thong-bao/playlist.json?ap=khu+pho+2", device).status, 403);
  // The controller reports a broadcast (an official cannot); the leader sees it in the log.
  auto s = Login(server_->port(), "leader", "demo");
  const std::string report = R"({"hamlet": "Khu phố 1", "played_at": "2026-12-01T06:30:00+07:00"})";
  auto by_official = Request(server_->port(), "POST", "/api/v1/announcements/" + id + "/broadcasts", report,
                             {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}});
  EXPECT_EQ(by_official.status, 401) << by_official.body;
  auto rep = Request(server_->port(), "POST", "/api/v1/announcements/" + id + "/broadcasts", report,
                     {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
  ASSERT_EQ(rep.status, 201) << rep.body;
  auto log = Get("/desk/announcements?unit=25270", {{"Cookie", s.cookie}});
  ASSERT_EQ(log.status, 200);
  EXPECT_TRUE(Has(log, "01/12/2026 06:30")) << log.body;
  EXPECT_TRUE(Has(log, "Loa khu phố 1")) << log.body;
  // Broadcast: no longer edited, only withdrawn (the page offers only that).
  EXPECT_FALSE(Has(log, "/desk/announcements/" + id + "/edit"));
  EXPECT_TRUE(Has(log, "/desk/announcements/" + id + "/withdraw"));
  EXPECT_EQ(Get("/desk/announcements/" + id + "/edit", {{"Cookie", s.cookie}}).status, 409);
  // Withdrawn with a reason: off the playlist at once, shown as withdrawn, no audio.
  auto no_reason =
      Request(server_->port(), "POST", "/desk/announcements/" + id + "/withdraw",
              "csrf_token=" + s.csrf + "&version=1&reason=", {{"Cookie", s.cookie}, {"Content-Type", form}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_TRUE(Has(no_reason, "href=\"#reason\""));
  auto withdrawn = Request(server_->port(), "POST", "/desk/announcements/" + id + "/withdraw",
                           "csrf_token=" + s.csrf + "&version=1&reason=Thú+y+dời+lịch",
                           {{"Cookie", s.cookie}, {"Content-Type", form}});
  ASSERT_EQ(withdrawn.status, 303) << withdrawn.body;
  EXPECT_EQ(withdrawn.headers["location"], "/desk/announcements?unit=25270&done=withdrawn");
  list = boost::json::parse(Get("/xa/25270/thong-bao/playlist.json?ap=khu+pho+1", device).body).as_object();
  EXPECT_TRUE(list.at("items").as_array().empty());
  r = Get("/xa/25270/thong-bao");
  EXPECT_TRUE(Has(r, "Thú y dời lịch")) << r.body;
  EXPECT_FALSE(Has(r, wav_path));
  EXPECT_EQ(Get(wav_path).status, 404);
  EXPECT_TRUE(Has(Get("/desk/announcements?unit=25270", {{"Cookie", s.cookie}}), "Thú y dời lịch"));
  // Revoked: the token no longer opens the playlist.
  auto revoke = Request(server_->port(), "POST", "/desk/announcements/controllers/" + controller_id + "/revoke",
                        "csrf_token=" + admin.csrf, {{"Cookie", admin.cookie}, {"Content-Type", form}});
  ASSERT_EQ(revoke.status, 303) << revoke.body;
  EXPECT_EQ(Get("/xa/25270/thong-bao/playlist.json", device).status, 401);
  // The leader writes a new one; every bad field at once first.
  auto bad = Request(server_->port(), "POST", "/desk/announcements/new?unit=25270",
                     "csrf_token=" + s.csrf + "&headline=&message=&times=25%3A00",
                     {{"Cookie", s.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(bad.status, 400);
  for (const char* f : {"#headline", "#message", "#starts_on", "#times"})
    EXPECT_TRUE(Has(bad, std::string("href=\"") + f + "\"")) << f;
  // A desk officer may not.
  auto desk = Login(server_->port(), "desk", "demo");
  EXPECT_EQ(Get("/desk/announcements/new?unit=25270", {{"Cookie", desk.cookie}}).status, 403);
}

}  // namespace
}  // namespace fg::testing
