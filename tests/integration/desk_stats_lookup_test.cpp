// The desk's statistics and public lookup on the real binary with demo data:
// the statistics API's figures against a recount from the dossiers the API
// lists, refusal outside the caller's subtree and of bad filters, the page and
// its spreadsheet; the lookup page masked and unmasked, an unknown code, and
// the per-address limit (429 with Retry-After) on the page and the API together.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "tests/support/http_client.h"

namespace fg::testing {
namespace {

namespace json = boost::json;

class DeskStatsLookupTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_path_ = new std::string(TempPath("desk_stats.db"));
    server_ = new ServerProcess(*db_path_, {"--demo"});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete db_path_;
  }
  static int port() { return server_->port(); }
  static HttpResult Get(const std::string& target, const std::string& cookie = "") {
    std::vector<std::pair<std::string, std::string>> h;
    if (!cookie.empty()) h.emplace_back("Cookie", cookie);
    return Request(port(), "GET", target, "", h);
  }
  static json::object GetJson(const std::string& target, const std::string& cookie) {
    auto r = Get(target, cookie);
    EXPECT_EQ(r.status, 200) << target << "\n" << r.body;
    return json::parse(r.body).as_object();
  }
  static bool Has(const HttpResult& r, const std::string& s) { return r.body.find(s) != std::string::npos; }
  // Every dossier of the demo province, as the list API gives them.
  static std::vector<json::object> AllDossiers(const std::string& cookie) {
    std::vector<json::object> out;
    std::string cursor;
    for (int page = 0; page < 100; ++page) {
      auto o = GetJson("/api/v1/dossiers?unit=75&limit=200" + (cursor.empty() ? "" : "&cursor=" + cursor), cookie);
      for (auto& d : o["items"].as_array()) out.push_back(d.as_object());
      if (o["next_cursor"].is_null()) break;
      cursor = std::string(o["next_cursor"].as_string());
    }
    return out;
  }
  static std::string Text(const json::object& o, const char* key) {
    auto it = o.find(key);
    return it == o.end() || it->value().is_null() ? "" : std::string(it->value().as_string());
  }
  static std::string* db_path_;
  static ServerProcess* server_;
};
std::string* DeskStatsLookupTest::db_path_ = nullptr;
ServerProcess* DeskStatsLookupTest::server_ = nullptr;

// "YYYY-MM-DD" of today in UTC+7.
std::string TodayLocal() {
  std::time_t t = std::time(nullptr) + 7 * 3600;
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&t));
  return buf;
}

TEST_F(DeskStatsLookupTest, StatisticsMatchARecountOfTheListedDossiers) {
  auto admin = Login(port(), "admin", "demo");
  const std::string today = TodayLocal();
  const std::string from = std::to_string(std::stoi(today.substr(0, 4)) - 1) + today.substr(4);  // a year back
  const std::string q = "unit=75&from=" + from + "&to=" + today;
  auto report = GetJson("/api/v1/dossiers/stats?" + q + "&by=month", admin.cookie);
  const std::string as_of = Text(report, "as_of");
  ASSERT_FALSE(as_of.empty());

  // The recount, from each dossier's own fields (instants at +07:00: the date is the local day).
  std::map<std::string, int64_t> want;
  const auto dossiers = AllDossiers(admin.cookie);
  ASSERT_GT(dossiers.size(), 100u);
  auto in_period = [&](const std::string& at) {
    return !at.empty() && at.substr(0, 10) >= from && at.substr(0, 10) <= today;
  };
  for (const auto& d : dossiers) {
    const std::string state = Text(d, "state"), closed = Text(d, "closed_at"), done = Text(d, "completed_at");
    if (in_period(Text(d, "received_at"))) ++want["received"];
    if (in_period(done)) {
      ++want["resolved"];
      ++want["resolved_" + Text(d, "timeliness")];
    }
    if (in_period(closed)) {
      if (state == "refused") ++want["refused"];
      if (state == "withdrawn") ++want["withdrawn"];
      if (state == "stopped") ++want["stopped"];
      if (state == "returned") ++want["returned"];
    }
    if (d.at("apologised").as_bool()) ++want["apologies"];
    // In progress now (as the report counted): overdue when past due, or paused after the due instant.
    if (state == "received" || state == "in_progress" || state == "supplement_requested" ||
        state == "payment_required") {
      const std::string paused = Text(d, "paused_since"), due = Text(d, "due_at");
      const std::string until = paused.empty() ? as_of : paused;
      ++want[due < until ? "in_progress_overdue" : "in_progress_on_time"];
    }
    // Supplement requests are in the history only.
    const auto detail = GetJson("/api/v1/dossiers/" + Text(d, "code"), admin.cookie);
    for (auto& e : detail.at("history").as_array())
      if (e.at("action") == "request_supplement" && in_period(std::string(e.at("at").as_string())))
        ++want["supplements"];
  }
  ASSERT_GT(want["resolved"], 10);
  const auto& total = report["total"].as_object();
  for (const char* k :
       {"received", "resolved", "resolved_early", "resolved_on_time", "resolved_late", "refused", "withdrawn",
        "stopped", "returned", "apologies", "supplements", "in_progress_on_time", "in_progress_overdue"})
    EXPECT_EQ(total.at(k).as_int64(), want[k]) << k;
  EXPECT_NEAR(total.at("on_time_rate").as_double(),
              double(want["resolved_early"] + want["resolved_on_time"]) / double(want["resolved"]), 1e-9);
  EXPECT_GT(total.at("resolved_working_seconds").as_int64(), 0);
  EXPECT_EQ(total.at("average_working_seconds").as_int64(),
            (total.at("resolved_working_seconds").as_int64() + want["resolved"] / 2) / want["resolved"]);
  // The months add up to the total (in-progress figures are in the total only).
  int64_t received = 0;
  for (auto& g : report["groups"].as_array()) received += g.at("received").as_int64();
  EXPECT_EQ(received, want["received"]);
  EXPECT_EQ(report["groups"].as_array().size(), 13u);  // a year back to today: 13 months

  // By unit: the demo's dossiers are all at ward 25270, a child of the province.
  auto by_unit = GetJson("/api/v1/dossiers/stats?" + q + "&by=unit", admin.cookie);
  bool found = false;
  for (auto& g : by_unit["groups"].as_array()) {
    if (g.at("key") != "25270") continue;
    found = true;
    EXPECT_EQ(g.at("received").as_int64(), want["received"]);
    EXPECT_EQ(g.at("in_progress_overdue").as_int64(), want["in_progress_overdue"]);
    EXPECT_EQ(g.at("label"), "Phường Chơn Thành");
  }
  EXPECT_TRUE(found);
}

TEST_F(DeskStatsLookupTest, StatisticsOnlyInsideTheCallersSubtreeAndBadFiltersAtOnce) {
  auto leader = Login(port(), "leader", "demo");  // leader of ward 25270
  EXPECT_EQ(Get("/api/v1/dossiers/stats?unit=25270", leader.cookie).status, 200);
  auto r = Get("/api/v1/dossiers/stats?unit=75", leader.cookie);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.headers["content-type"], "application/problem+json");
  EXPECT_EQ(Get("/desk/stats?unit=75", leader.cookie).status, 403);
  EXPECT_EQ(Get("/desk/stats.xlsx?unit=75", leader.cookie).status, 403);
  EXPECT_EQ(Get("/api/v1/dossiers/stats?unit=75").status, 401);

  auto bad = Get("/api/v1/dossiers/stats?unit=25270&from=2026-02-30&to=2020-01-01&by=week", leader.cookie);
  ASSERT_EQ(bad.status, 400) << bad.body;
  std::set<std::string> fields;
  const auto problem = json::parse(bad.body);
  for (auto& e : problem.at("errors").as_array()) fields.insert(std::string(e.at("field").as_string()));
  EXPECT_EQ(fields, (std::set<std::string>{"from", "by"}));
  auto long_period = Get("/api/v1/dossiers/stats?unit=25270&from=2020-01-01&to=2025-06-30", leader.cookie);
  EXPECT_EQ(long_period.status, 400);
  EXPECT_NE(long_period.body.find("tối đa 5 năm"), std::string::npos) << long_period.body;
}

TEST_F(DeskStatsLookupTest, StatisticsPageAndSpreadsheet) {
  auto leader = Login(port(), "leader", "demo");
  auto page = Get("/desk/stats", leader.cookie);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Has(page, "<svg class=\"chart\"")) << page.body;
  EXPECT_TRUE(Has(page, "role=\"img\""));
  EXPECT_TRUE(Has(page, "<caption id=\"stats-caption\">"));
  EXPECT_TRUE(Has(page, "<tfoot>"));
  EXPECT_TRUE(Has(page, "name=\"from_day\""));  // Ngày / Tháng / Năm inputs
  EXPECT_TRUE(Has(page, "Phường Chơn Thành"));
  // Bad dates: every problem beside its field, the form kept.
  auto bad = Get("/desk/stats?from_day=30&from_month=2&from_year=2026&to_day=1&to_month=1&to_year=2026", leader.cookie);
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Has(bad, "<title>Lỗi: "));
  EXPECT_TRUE(Has(bad, "href=\"#from\""));
  // Month by month, as a spreadsheet.
  auto x = Get("/desk/stats.xlsx?unit=25270&by=month", leader.cookie);
  ASSERT_EQ(x.status, 200);
  EXPECT_EQ(x.headers["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(x.headers["content-disposition"].find("attachment; filename=\"thong-ke-25270-"), std::string::npos);
  ASSERT_EQ(x.body.substr(0, 2), "PK");
  const std::string file = TempPath("stats.xlsx");
  std::ofstream(file, std::ios::binary) << x.body;
  // Its text (when unzip is at hand): the shared strings of the sheet.
  if (std::system("command -v unzip >/dev/null 2>&1") == 0) {
    std::string xml;
    if (FILE* p = popen(("unzip -p " + file + " xl/sharedStrings.xml").c_str(), "r")) {
      char buf[4096];
      for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) xml.append(buf, n);
      pclose(p);
    }
    EXPECT_NE(xml.find("Tỉ lệ đúng hạn"), std::string::npos) << xml;
    EXPECT_NE(xml.find("Tổng cộng"), std::string::npos);
    EXPECT_NE(xml.find("Thống kê hồ sơ Phường Chơn Thành"), std::string::npos);
    EXPECT_NE(xml.find("Tháng "), std::string::npos);  // the months' lines
  }
  std::remove(file.c_str());
}

TEST_F(DeskStatsLookupTest, LookupShowsTheNameOnlyWithTheRightDigits) {
  auto admin = Login(port(), "admin", "demo");
  const auto dossiers = AllDossiers(admin.cookie);
  ASSERT_FALSE(dossiers.empty());
  const auto& d = dossiers.front();
  const std::string code = Text(d, "code");
  const auto& applicant = d.at("applicant").as_object();
  const std::string name = Text(applicant, "name"), phone = Text(applicant, "phone");
  std::string digits;
  for (char c : phone)
    if (isdigit(static_cast<unsigned char>(c))) digits += c;
  const std::string last4 = digits.substr(digits.size() - 4);
  const std::string wrong = last4 == "0000" ? "1111" : "0000";

  auto masked = Get("/tra-cuu?ma=" + code);
  ASSERT_EQ(masked.status, 200) << masked.body;
  EXPECT_TRUE(Has(masked, "id=\"dossier-status\""));
  EXPECT_FALSE(Has(masked, name));
  const unsigned char lead = static_cast<unsigned char>(name[0]);  // the first letter, of 1 to 3 bytes
  EXPECT_TRUE(Has(masked, name.substr(0, lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 3) + "***")) << name;
  EXPECT_FALSE(Has(masked, last4));
  EXPECT_FALSE(Has(masked, "Lê Văn Một"));  // no official's name

  auto wrong_digits = Get("/tra-cuu?ma=" + code + "&so=" + wrong);
  EXPECT_EQ(wrong_digits.status, 200);
  EXPECT_FALSE(Has(wrong_digits, name));
  EXPECT_TRUE(Has(wrong_digits, "4 số cuối không khớp"));

  auto right = Get("/tra-cuu?ma=" + code + "&so=" + last4);
  EXPECT_EQ(right.status, 200);
  EXPECT_TRUE(Has(right, name));
  EXPECT_TRUE(Has(right, "*" + digits.substr(digits.size() - 3) + "<"));  // the phone, masked
  EXPECT_FALSE(Has(right, "4 số cuối không khớp"));

  auto api = Get("/api/v1/public/dossiers/" + code + "?check=" + last4);
  ASSERT_EQ(api.status, 200);
  EXPECT_EQ(json::parse(api.body).at("personal"), true);

  // An unknown code: a clear page with the code's format, 404, as the API.
  auto unknown = Get("/tra-cuu?ma=25270-991231-0001&so=1234");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(Has(unknown, "Không tìm thấy hồ sơ"));
  EXPECT_TRUE(Has(unknown, "000.00.01.H22-260317-0042"));
  EXPECT_EQ(Get("/api/v1/public/dossiers/25270-991231-0001").status, 404);
  auto empty = Get("/tra-cuu?ma=");
  EXPECT_EQ(empty.status, 400);
  EXPECT_TRUE(Has(empty, "Hãy nhập mã hồ sơ"));
}

// Past the limit, lookups by the page and the API are refused for a while.
TEST(DeskLookupLimit, TooManyLookupsFromOneAddressAre429WithRetryAfter) {
  const std::string db = TempPath("desk_lookup_limit.db");
  ServerProcess server(db, {}, {{"FRIENDLYGOV_LOOKUPS_PER_ADDRESS", "3"}});
  auto get = [&](const std::string& target) { return Request(server.port(), "GET", target); };
  EXPECT_EQ(get("/tra-cuu").status, 200);  // the empty form is not a lookup
  EXPECT_EQ(get("/tra-cuu?ma=X-260101-0001").status, 404);
  EXPECT_EQ(get("/api/v1/public/dossiers/X-260101-0002").status, 404);
  EXPECT_EQ(get("/tra-cuu?ma=X-260101-0003").status, 404);
  auto page = get("/tra-cuu?ma=X-260101-0004");
  EXPECT_EQ(page.status, 429);
  EXPECT_EQ(page.headers["retry-after"], "300");
  EXPECT_NE(page.body.find("tra cứu quá nhiều lần"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("5 phút"), std::string::npos);
  auto api = get("/api/v1/public/dossiers/X-260101-0005");
  EXPECT_EQ(api.status, 429);
  EXPECT_EQ(api.headers["retry-after"], "300");
  EXPECT_EQ(api.headers["content-type"], "application/problem+json");
  EXPECT_EQ(get("/tra-cuu").status, 200);  // the form still opens
}

}  // namespace
}  // namespace fg::testing
