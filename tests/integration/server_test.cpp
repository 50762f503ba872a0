// The real binary on an ephemeral loopback port, spoken to over HTTP.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "platform/db/db.h"
#include "tests/support/http_client.h"
#include "tests/support/stored.h"

namespace fg::testing {
namespace {

const std::vector<std::pair<std::string, std::string>> kLimits = {{"FRIENDLYGOV_MAX_BODY_BYTES", "8192"},
                                                                  {"FRIENDLYGOV_MAX_HEADER_BYTES", "4096"},
                                                                  {"FRIENDLYGOV_READ_TIMEOUT_MS", "1000"}};

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_path_ = new std::string(TempPath("server.db"));
    server_ = new ServerProcess(*db_path_, {"--demo"}, kLimits);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete db_path_;
  }
  int port() { return server_->port(); }
  static std::string* db_path_;
  static ServerProcess* server_;
};
std::string* ServerTest::db_path_ = nullptr;
ServerProcess* ServerTest::server_ = nullptr;

std::vector<std::pair<std::string, std::string>> Api(const Session& s) {
  return {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}};
}

TEST_F(ServerTest, LoginShowsDashboardWithRealCounts) {
  HttpResult r;
  auto s = Login(port(), "admin", "demo", &r);
  ASSERT_EQ(r.status, 303) << r.raw;
  EXPECT_NE(r.headers["set-cookie"].find("HttpOnly"), std::string::npos);
  EXPECT_NE(r.headers["set-cookie"].find("SameSite=Lax"), std::string::npos);
  auto dash = Request(port(), "GET", "/dashboard", "", {{"Cookie", s.cookie}});
  ASSERT_EQ(dash.status, 200);
  EXPECT_NE(dash.body.find("Nguyễn Văn Quản"), std::string::npos);
  // Demo data: on today's date the province and its three post-2025 communes are in force.
  EXPECT_NE(dash.body.find("id=\"count-units\">4<"), std::string::npos) << dash.body;
  EXPECT_NE(dash.body.find("id=\"count-officials\">5<"), std::string::npos);
}

TEST_F(ServerTest, WrongPasswordIsRefusedInVietnamese) {
  HttpResult r;
  auto s = Login(port(), "desk", "wrong-password", &r);
  EXPECT_TRUE(s.cookie.empty());
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("Tên đăng nhập hoặc mật khẩu không đúng"), std::string::npos);
  EXPECT_NE(r.body.find("quản trị viên hệ thống của đơn vị"), std::string::npos);  // whom to ask
}

TEST_F(ServerTest, FormsWithoutTheCsrfTokenAreRejected) {
  auto r = Request(port(), "POST", "/login", "username=admin&password=demo",
                   {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(CookieFrom(r, "fg_session").empty());

  auto s = Login(port(), "admin", "demo");
  auto bad = Request(port(), "POST", "/units",
                     "csrf_token=forged&code=CSRF1&name=X&level=commune&parent_code=75&valid_from=2026-01-01",
                     {{"Cookie", s.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(bad.status, 403);
  auto api_no_header =
      Request(port(), "POST", "/api/v1/units", R"({"code":"CSRF2","name":"X","level":"commune","parent_code":"75"})",
              {{"Cookie", s.cookie}, {"Content-Type", "application/json"}});
  EXPECT_EQ(api_no_header.status, 403);
  EXPECT_EQ(Request(port(), "GET", "/api/v1/units/CSRF1", "", Api(s)).status, 404);
  EXPECT_EQ(Request(port(), "GET", "/api/v1/units/CSRF2", "", Api(s)).status, 404);
}

TEST_F(ServerTest, AuthorisationFollowsUnitSubtrees) {
  auto leader = Login(port(), "leader", "demo");  // leader of ward 25270 only
  auto admin = Login(port(), "admin", "demo");    // administrator of province 75
  EXPECT_EQ(Request(port(), "GET", "/api/v1/units/25270", "", Api(leader)).status, 200);
  auto other = Request(port(), "GET", "/api/v1/units/26100", "", Api(leader));
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(other.headers["content-type"], "application/problem+json");
  auto create = Request(port(), "POST", "/api/v1/units",
                        R"({"code":"AUTHZ1","name":"Xã Thử","level":"commune","parent_code":"75"})", Api(leader));
  EXPECT_EQ(create.status, 403);
  auto ok = Request(port(), "POST", "/api/v1/units",
                    R"({"code":"AUTHZ1","name":"Xã Thử","level":"commune","parent_code":"75"})", Api(admin));
  EXPECT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(Request(port(), "GET", "/officials", "", {{"Cookie", Login(port(), "desk", "demo").cookie}}).status, 403);
}

TEST_F(ServerTest, TheEventLogReadsAsSentencesWithFilters) {
  Login(port(), "desk", "not-the-password");  // a wrong password for an account of the admin's province
  auto admin = Login(port(), "admin", "demo");
  auto created = Request(port(), "POST", "/api/v1/units",
                         R"({"code":"EVLOG1","name":"Xã Nhật Ký","level":"commune","parent_code":"75"})", Api(admin));
  ASSERT_EQ(created.status, 201) << created.body;
  auto security = Request(port(), "GET", "/events?type=security", "", {{"Cookie", admin.cookie}});
  ASSERT_EQ(security.status, 200);
  EXPECT_NE(security.body.find("Đăng nhập sai vào tài khoản desk từ 127.0.0.1"), std::string::npos) << security.body;
  EXPECT_EQ(security.body.find("đã tạo Xã Nhật Ký"), std::string::npos) << "only security events";
  auto history = Request(port(), "GET", "/events?entity=unit&id=EVLOG1", "", {{"Cookie", admin.cookie}});
  ASSERT_EQ(history.status, 200);
  EXPECT_NE(history.body.find("Nguyễn Văn Quản đã tạo Xã Nhật Ký (EVLOG1)"), std::string::npos) << history.body;
  EXPECT_NE(history.body.find("Chi tiết kỹ thuật"), std::string::npos);
  EXPECT_EQ(history.body.find("Đăng nhập sai"), std::string::npos);
  // A date that does not exist: the filter's error beside its field, and a "Lỗi:" title.
  auto bad = Request(port(), "GET", "/events?from_day=31&from_month=2&from_year=2026", "", {{"Cookie", admin.cookie}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("<title>Lỗi:"), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find("id=\"from-error\""), std::string::npos);
}

TEST_F(ServerTest, BadInputGetsAProblemNamingTheField) {
  auto admin = Login(port(), "admin", "demo");
  auto r = Request(port(), "POST", "/api/v1/units",
                   R"({"code":"BAD1","name":"Xã","level":"commune","parent_code":"75","valid_from":"2026-02-30"})",
                   Api(admin));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("\"field\":\"valid_from\""), std::string::npos) << r.body;
  EXPECT_EQ(Request(port(), "POST", "/api/v1/units", "{not json", Api(admin)).status, 400);
  EXPECT_EQ(Request(port(), "GET", "/api/v1/units/BAD1", "", Api(admin)).status, 404);
}

TEST_F(ServerTest, OversizedBodyIs413AndOversizedHeaderIs431) {
  std::string big(20000, 'x');
  auto r = Request(port(), "POST", "/api/v1/units", big, {{"Content-Type", "application/json"}});
  EXPECT_EQ(r.status, 413);
  EXPECT_NE(r.body.find("8 KiB"), std::string::npos) << r.body;
  // An upload route takes more than the server's 8 KiB: the request reaches
  // the application (which wants a login), not the size check.
  auto upload =
      Request(port(), "POST", "/api/v1/scorecards/assessments/1/evidence", big, {{"Content-Type", "application/json"}});
  EXPECT_EQ(upload.status, 401) << upload.body;
  auto h = Request(port(), "GET", "/healthz", "", {{"X-Padding", std::string(6000, 'y')}});
  EXPECT_EQ(h.status, 431);
  // A page's form gets the error page a person reads, in Vietnamese, not JSON.
  auto page = Request(port(), "POST", "/org/units", big, {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(page.status, 413);
  EXPECT_EQ(page.headers["content-type"].rfind("text/html", 0), 0u) << page.headers["content-type"];
  EXPECT_NE(page.body.find("<html"), std::string::npos);
  EXPECT_NE(page.body.find("8 KiB"), std::string::npos) << page.body;
  EXPECT_FALSE(page.headers["content-security-policy"].empty());
}

TEST_F(ServerTest, SlowClientIsDisconnectedAfterTheReadTimeout) {
  auto start = std::chrono::steady_clock::now();
  auto r = SendRaw(port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n", 8000);  // never finishes its headers
  auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.raw.empty());
  // The server's read timeout is 1 s here; the client would have given up
  // after 8 s, so an earlier end was the server's.
  EXPECT_LT(waited, std::chrono::seconds(7));
  EXPECT_GE(waited, std::chrono::milliseconds(900));
}

// A chunked body whose last bytes arrive one at a time: Boost.Beast 1.81 asserts
// on it (wrongly; platform/boost_assert.cpp), which in this Debug build would
// abort the server for every user.
TEST_F(ServerTest, AChunkedBodyEndingInSlowPiecesIsRead) {
  auto r = SendInPieces(port(),
                        {"POST /api/v1/units HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n",
                         "\r", "\n"},
                        150);
  EXPECT_EQ(r.status, 401) << r.raw;  // read to its end, then refused: nobody is logged in
  EXPECT_EQ(Request(port(), "GET", "/healthz").status, 200);
}

TEST_F(ServerTest, StaticFilesHaveValidatorsAndHead) {
  auto r = Request(port(), "GET", "/static/site.css");
  ASSERT_EQ(r.status, 200);
  ASSERT_FALSE(r.headers["etag"].empty());
  EXPECT_FALSE(r.headers["last-modified"].empty());
  EXPECT_EQ(Request(port(), "GET", "/static/site.css", "", {{"If-None-Match", r.headers["etag"]}}).status, 304);
  auto head = Request(port(), "HEAD", "/static/site.css");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.headers["content-length"], std::to_string(r.body.size()));
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(Request(port(), "GET", "/static/../CMakeLists.txt").status, 404);
}

TEST_F(ServerTest, SecurityHeadersAndErrorPages) {
  auto r = Request(port(), "GET", "/no-such-page");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("Không tìm thấy trang"), std::string::npos);
  EXPECT_NE(r.headers["content-security-policy"].find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.headers["x-content-type-options"], "nosniff");
  EXPECT_FALSE(r.headers["x-request-id"].empty());
}

TEST_F(ServerTest, MetricsCountRequests) {
  Request(port(), "GET", "/healthz");
  auto m = Request(port(), "GET", "/metrics");
  EXPECT_EQ(m.status, 200);
  EXPECT_NE(m.body.find("friendlygov_http_requests_total{route=\"/healthz\",status=\"200\"}"), std::string::npos);
  EXPECT_NE(m.body.find("friendlygov_db_write_batch_size_bucket"), std::string::npos);
}

TEST(Shutdown, SigtermLosesNoAcknowledgedWrite) {
  std::string path = TempPath("shutdown.db");
  ServerProcess server(path, {"--demo"});
  auto admin = Login(server.port(), "admin", "demo");
  ASSERT_FALSE(admin.cookie.empty());
  std::mutex mu;
  std::vector<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  for (int t = 0; t < 6; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; !stop && i < 10000; ++i) {
        std::string code = "S" + std::to_string(t) + "-" + std::to_string(i);
        HttpResult r;
        try {
          r = Request(server.port(), "POST", "/api/v1/units",
                      R"({"code":")" + code + R"(","name":"Xã","level":"commune","parent_code":"75"})", Api(admin));
        } catch (const std::exception&) {
          return;  // the listener is gone
        }
        if (r.status == 201) {
          std::lock_guard lk(mu);
          acknowledged.push_back(code);
        } else if (r.status == 0) {
          return;
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_EQ(server.stop(), 0);
  stop = true;
  for (auto& w : writers) w.join();
  ASSERT_GT(acknowledged.size(), 10u);
  auto db = db::OpenSqlite(path, {});
  size_t missing = db->read([&](db::Conn& c) { return MissingUnits(c, acknowledged); });
  EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged writes";
}

TEST(RateLimit, AnonymousClientsAreLimitedPerMinute) {
  ServerProcess server(TempPath("ratelimit.db"), {"--demo"}, {{"FRIENDLYGOV_ANONYMOUS_REQUESTS_PER_MINUTE", "5"}});
  // The login itself counts: GET /login and POST /login.
  auto admin = Login(server.port(), "admin", "demo");
  ASSERT_FALSE(admin.cookie.empty());
  int ok = 0;
  HttpResult last;
  for (int i = 0; i < 6; ++i) {
    last = Request(server.port(), "GET", "/api/v1/calendar/lunar?date=2026-02-17");
    if (last.status == 200) ++ok;
  }
  EXPECT_EQ(ok, 3);
  EXPECT_EQ(last.status, 429);
  EXPECT_EQ(last.headers["retry-after"], "60");
  EXPECT_EQ(last.headers["content-type"], "application/problem+json");
  EXPECT_NE(last.body.find("một phút"), std::string::npos);
  // Logged-in officials are not limited, nor are health checks.
  EXPECT_EQ(
      Request(server.port(), "GET", "/api/v1/calendar/lunar?date=2026-02-17", "", {{"Cookie", admin.cookie}}).status,
      200);
  EXPECT_EQ(Request(server.port(), "GET", "/healthz").status, 200);
}

// A server whose standard output went away (its reader closed the pipe) keeps serving:
// each request logs a line at level info, which would raise SIGPIPE.
TEST(Output, ClosedStdoutDoesNotStopTheServer) {
  ServerProcess server(TempPath("stdout.db"), {"--log-level", "info"}, {}, /*keep_output=*/false);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(Request(server.port(), "GET", "/healthz").status, 200) << "request " << i;
  EXPECT_EQ(server.stop(), 0);
}

TEST(DemoPassword, RefusedWithoutDemoFlag) {
  std::string path = TempPath("nodemo.db");
  { ServerProcess seeded(path, {"--demo"}); }
  ServerProcess plain(path, {});
  HttpResult r;
  auto s = Login(plain.port(), "admin", "demo", &r);
  EXPECT_TRUE(s.cookie.empty());
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("--demo"), std::string::npos);
}

}  // namespace
}  // namespace fg::testing
