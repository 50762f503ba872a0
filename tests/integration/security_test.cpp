// Findings of the outside security review (issue 8), against the real binary.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <thread>

#include "tests/support/http_client.h"

namespace fg::testing {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

const char* kPassword = "mat-khau-dai-1";

Headers Api(const Session& s) {
  return {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}};
}

// A POST /login with an extra form field, as a browser would send it.
HttpResult PostLogin(int port, const std::string& username, const std::string& password,
                     const std::string& extra = "") {
  auto page = Request(port, "GET", "/dang-nhap");
  std::string body =
      "username=" + username + "&password=" + password + "&csrf_token=" + InputValue(page.body, "csrf_token") + extra;
  return Request(
      port, "POST", "/login", body,
      {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "fg_csrf=" + CookieFrom(page, "fg_csrf")}});
}

// The error message shown on the login page.
// The error summary of the login page.
std::string LoginError(const HttpResult& r) {
  size_t at = r.body.find("class=\"error-summary\"");
  if (at == std::string::npos) return "";
  at = r.body.find("<li>", at);
  if (at == std::string::npos) return "";
  at += 4;
  return r.body.substr(at, r.body.find("</li>", at) - at);
}

int64_t CreateOfficial(int port, const Session& admin, const std::string& username, const std::string& unit,
                       const std::string& roles) {
  auto r = Request(port, "POST", "/api/v1/officials",
                   R"({"username":")" + username + R"(","full_name":"Người thử","unit_code":")" + unit +
                       R"(","password":")" + kPassword + R"(","roles":)" + roles + "}",
                   Api(admin));
  EXPECT_EQ(r.status, 201) << r.body;
  return boost::json::parse(r.body).at("id").as_int64();
}

// 1. A value holding its own placeholder used to make message formatting loop forever.
TEST(Security, PlaceholdersInInputDoNotHangTheServer) {
  ServerProcess server(TempPath("sec_placeholder.db"), {"--demo"});
  for (int i = 0; i < 2; ++i) {
    // A hang would end in the client's timeout: no status, not 400.
    auto r = i == 0 ? Request(server.port(), "GET", "/api/v1/calendar/holidays?year=2026&unit=%7Bcode%7D")
                    : Request(server.port(), "POST", "/api/v1/calendar/due", R"({"{field}":1})",
                              {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 400) << r.raw;
    EXPECT_NE(r.body.find(i == 0 ? "{code}" : "{field}"), std::string::npos) << r.body;
  }
}

class SecurityServer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_path_ = new std::string(TempPath("security.db"));
    server_ = new ServerProcess(*db_path_, {"--demo"});
    admin_ = new Session(Login(server_->port(), "admin", "demo"));
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
    delete db_path_;
  }
  int port() { return server_->port(); }
  const Session& admin() { return *admin_; }
  static std::string* db_path_;
  static ServerProcess* server_;
  static Session* admin_;
};
std::string* SecurityServer::db_path_ = nullptr;
ServerProcess* SecurityServer::server_ = nullptr;
Session* SecurityServer::admin_ = nullptr;

// 2. A ward's administrator must not act on an official holding roles on the province.
TEST_F(SecurityServer, WardAdministratorCannotTakeOverAProvinceOfficial) {
  CreateOfficial(port(), admin(), "ward.admin", "25270", R"([{"role":"admin","unit_code":"25270"}])");
  int64_t helper =
      CreateOfficial(port(), admin(), "province.helper", "25270", R"([{"role":"admin","unit_code":"75"}])");
  auto ward = Login(port(), "ward.admin", kPassword);
  ASSERT_FALSE(ward.cookie.empty());
  auto token = Request(port(), "POST", "/api/v1/tokens",
                       R"({"official_id":)" + std::to_string(helper) + R"(,"name":"x"})", Api(ward));
  EXPECT_EQ(token.status, 403) << token.body;
  auto id = std::to_string(helper);
  EXPECT_EQ(Request(port(), "PATCH", "/api/v1/officials/" + id, R"({"active":false})", Api(ward)).status, 403);
  EXPECT_EQ(Request(port(), "PATCH", "/api/v1/officials/" + id, R"({"email":"x@evil.vn"})", Api(ward)).status, 403);
  auto ok = Request(port(), "POST", "/api/v1/tokens", R"({"official_id":)" + id + R"(,"name":"x"})", Api(admin()));
  EXPECT_EQ(ok.status, 201) << ok.body;
}

// 7. E-mail and phone are validated; nothing makes the officials list invalid JSON.
TEST_F(SecurityServer, OfficialContactsAreValidated) {
  int64_t id = CreateOfficial(port(), admin(), "contact.test", "25270", "[]");
  const std::string path = "/api/v1/officials/" + std::to_string(id);
  for (const char* email : {R"("a\u0000b@x.vn")", R"("a@x.vn\r\nBcc: y@z.vn")", R"("a b@x.vn")", R"("a@@x.vn")"}) {
    auto r = Request(port(), "PATCH", path, std::string(R"({"email":)") + email + "}", Api(admin()));
    EXPECT_EQ(r.status, 400) << email << " " << r.body;
    EXPECT_NE(r.body.find("\"field\":\"email\""), std::string::npos) << r.body;
  }
  for (const char* phone : {R"("0912\n345678")", R"("0912\u0000345678")", R"("12-34")", R"("phone me")"}) {
    auto r = Request(port(), "PATCH", path, std::string(R"({"phone":)") + phone + "}", Api(admin()));
    EXPECT_EQ(r.status, 400) << phone << " " << r.body;
    EXPECT_NE(r.body.find("\"field\":\"phone\""), std::string::npos) << r.body;
  }
  auto r = Request(port(), "PATCH", path, R"({"phone":"+84 912-345-678","email":"ok@xa.gov.vn"})", Api(admin()));
  EXPECT_EQ(r.status, 200) << r.body;
  // Invalid UTF-8 through the HTML form.
  auto form =
      Request(port(), "POST", "/officials/" + std::to_string(id),
              "csrf_token=" + admin().csrf + "&full_name=Ng%C6%B0%E1%BB%9Di&unit_code=25270&email=%FF%FE%40x.vn",
              {{"Cookie", admin().cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(form.status, 400);
  auto list = Request(port(), "GET", "/api/v1/officials", "", Api(admin()));
  ASSERT_EQ(list.status, 200);
  boost::system::error_code ec;
  boost::json::parse(list.body, ec);
  EXPECT_FALSE(ec) << "the officials list is not valid JSON";
}

// 10. Concurrent PATCHes of different fields must all be kept.
TEST_F(SecurityServer, ConcurrentPatchesOfDifferentFieldsAreAllKept) {
  int64_t id = CreateOfficial(port(), admin(), "patch.test", "25270", "[]");
  const std::string path = "/api/v1/officials/" + std::to_string(id);
  for (int round = 0; round < 8; ++round) {
    const std::string n = std::to_string(round);
    const std::vector<std::pair<std::string, std::string>> fields = {{"full_name", "Tên " + n},
                                                                     {"position", "Chức vụ " + n},
                                                                     {"phone", "091234567" + n},
                                                                     {"email", "r" + n + "@x.vn"}};
    std::vector<std::thread> threads;
    for (auto& [field, value] : fields)
      threads.emplace_back([&, field = field, value = value] {
        auto r = Request(port(), "PATCH", path, "{\"" + field + "\":\"" + value + "\"}", Api(admin()));
        EXPECT_EQ(r.status, 200) << r.body;
      });
    for (auto& t : threads) t.join();
    auto got = boost::json::parse(Request(port(), "GET", path, "", Api(admin())).body).as_object();
    for (auto& [field, value] : fields) EXPECT_EQ(got.at(field).as_string(), value) << "round " << round;
  }
  // A unit too: two fields, sequentially, each PATCH keeps the other.
  ASSERT_EQ(Request(port(), "POST", "/api/v1/units",
                    R"({"code":"PATCH1","name":"Xã Vá","level":"commune","parent_code":"75"})", Api(admin()))
                .status,
            201);
  EXPECT_EQ(Request(port(), "PATCH", "/api/v1/units/PATCH1", R"({"name":"Xã Vá Mới"})", Api(admin())).status, 200);
  auto u = Request(port(), "PATCH", "/api/v1/units/PATCH1", R"({"valid_to":"2030-01-01"})", Api(admin()));
  EXPECT_NE(u.body.find("\"name\":\"Xã Vá Mới\""), std::string::npos) << u.body;
  EXPECT_NE(u.body.find("\"valid_to\":\"2030-01-01\""), std::string::npos) << u.body;
}

// 11. JSON only under application/json, and no key twice.
TEST_F(SecurityServer, JsonBodiesNeedTheirMediaTypeAndUniqueKeys) {
  const std::string due = R"({"received_at":"2026-02-13T16:10:00+07:00","limit":{"unit":"days","amount":3}})";
  EXPECT_EQ(Request(port(), "POST", "/api/v1/calendar/due", due, {{"Content-Type", "application/json; charset=utf-8"}})
                .status,
            200);
  for (const char* type : {"text/plain", "application/x-www-form-urlencoded", ""}) {
    Headers h;
    if (*type) h.emplace_back("Content-Type", type);
    auto r = Request(port(), "POST", "/api/v1/calendar/due", due, h);
    EXPECT_EQ(r.status, 415) << type << " " << r.body;
    EXPECT_EQ(r.headers["content-type"], "application/problem+json");
  }
  // A form posted across sites cannot reach a JSON API with a session either.
  auto unit =
      Request(port(), "POST", "/api/v1/units", R"({"code":"MEDIA1","name":"Xã","level":"commune","parent_code":"75"})",
              {{"Cookie", admin().cookie}, {"X-CSRF-Token", admin().csrf}, {"Content-Type", "text/plain"}});
  EXPECT_EQ(unit.status, 415);
  auto dup = Request(port(), "POST", "/api/v1/calendar/due",
                     R"({"received_at":"2026-02-13T16:10:00+07:00","received_at":"2026-02-14T08:00:00+07:00",)"
                     R"("limit":{"unit":"days","amount":3}})",
                     {{"Content-Type", "application/json"}});
  EXPECT_EQ(dup.status, 400);
  EXPECT_NE(dup.body.find("\"field\":\"received_at\""), std::string::npos) << dup.body;
}

// An anonymous visitor's form token: made only for a page with a form (the
// token in the form equals the cookie), never for a page without one, and the
// stand-in a page is rendered with is never accepted.
TEST_F(SecurityServer, AnAnonymousFormTokenComesOnlyWithAFormAndMatchesItsCookie) {
  auto form = Request(server_->port(), "GET", "/dang-nhap");
  const std::string cookie = CookieFrom(form, "fg_csrf"), token = InputValue(form.body, "csrf_token");
  EXPECT_GE(cookie.size(), 20u);
  EXPECT_EQ(token, cookie);
  EXPECT_EQ(form.body.find("fgPendingFormToken"), std::string::npos);
  auto again = Request(server_->port(), "GET", "/dang-nhap");
  EXPECT_NE(CookieFrom(again, "fg_csrf"), cookie);  // each new visitor has their own

  for (const char* page : {"/xa/25270/thu-tuc", "/xa/25270/danh-ba", "/tra-cuu"}) {
    auto r = Request(server_->port(), "GET", page);
    EXPECT_EQ(r.status, 200) << page;
    EXPECT_EQ(r.headers.count("set-cookie"), 0u) << page << " " << r.headers["set-cookie"];
  }
  // The stand-in, posted without a cookie, is refused like any missing token.
  auto forged = Request(server_->port(), "POST", "/login",
                        "username=admin&password=demo&csrf_token=fgPendingFormToken0fgPendingFormToken",
                        {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(forged.status, 403) << forged.body;
  EXPECT_TRUE(CookieFrom(forged, "fg_session").empty());
}

// 5. `next` after login stays on this site and out of the headers.
TEST(Security, LoginRedirectsOnlyToLocalPaths) {
  ServerProcess server(TempPath("sec_next.db"), {"--demo"});
  const std::pair<const char*, const char*> cases[] = {
      {"/%09/evil.com", "/dashboard"},    {"/a%0d%0aX-Injected", "/dashboard"},
      {"%2F%2Fevil.com", "/dashboard"},   {"/%5Cevil.com", "/dashboard"},
      {"https://evil.com", "/dashboard"}, {"/calendar%3Fyear%3D2026", "/calendar?year=2026"},
  };
  for (auto& [next, want] : cases) {
    auto r = PostLogin(server.port(), "admin", "demo", std::string("&next=") + next);
    EXPECT_EQ(r.status, 303) << next << " " << r.raw;
    EXPECT_EQ(r.headers["location"], want) << next;
    EXPECT_EQ(r.headers.count("x-injected"), 0u) << next;
  }
}

// 3 and 4. Concurrent guesses make that address wait for that account (every
// guess counts), and the answer then is the answer for an unknown account.
TEST(Security, ConcurrentGuessesMakeTheAddressWaitAndWaitingLooksUnknown) {
  ServerProcess server(TempPath("sec_lock.db"), {"--demo"});
  std::vector<std::thread> threads;
  for (int i = 0; i < 10; ++i)
    threads.emplace_back([&, i] { PostLogin(server.port(), "desk", "sai-mat-khau-" + std::to_string(i)); });
  for (auto& t : threads) t.join();
  auto waiting = PostLogin(server.port(), "desk", "demo");
  auto unknown = PostLogin(server.port(), "no.such.user", "demo");
  EXPECT_TRUE(CookieFrom(waiting, "fg_session").empty()) << "the address did not have to wait";
  EXPECT_EQ(waiting.status, unknown.status);
  EXPECT_FALSE(LoginError(unknown).empty());
  EXPECT_EQ(LoginError(waiting), LoginError(unknown));
  // Other accounts from the same address are not affected.
  EXPECT_EQ(PostLogin(server.port(), "leader", "demo").status, 303);
}

// Issue 9 item 4: an administrator covering the official lifts the wait, or
// sets a temporary password that must be changed before anything else.
TEST(Security, AdministratorUnlocksAndResetsAndTheTemporaryPasswordMustBeChanged) {
  ServerProcess server(TempPath("sec_unlock.db"), {"--demo"});
  auto admin = Login(server.port(), "admin", "demo");
  auto desk = Login(server.port(), "desk", "demo");
  auto me = Request(server.port(), "GET", "/api/v1/me", "", Api(desk));
  int64_t desk_id = boost::json::parse(me.body).at("id").as_int64();
  for (int i = 0; i < 6; ++i) PostLogin(server.port(), "desk", "sai-mat-khau");
  EXPECT_NE(PostLogin(server.port(), "desk", "demo").status, 303);
  const std::string unlock = "/api/v1/officials/" + std::to_string(desk_id) + "/unlock";
  EXPECT_EQ(Request(server.port(), "POST", unlock, "", Api(desk)).status, 403);  // not an administrator
  EXPECT_EQ(Request(server.port(), "POST", unlock, "", Api(admin)).status, 204);
  EXPECT_EQ(PostLogin(server.port(), "desk", "demo").status, 303);

  auto reset = Request(server.port(), "POST", "/api/v1/officials/" + std::to_string(desk_id) + "/password-reset", "",
                       Api(admin));
  ASSERT_EQ(reset.status, 200) << reset.body;
  std::string temporary(boost::json::parse(reset.body).at("temporary_password").as_string());
  EXPECT_EQ(Request(server.port(), "GET", "/api/v1/me", "", Api(desk)).status, 401);  // sessions ended
  auto login = PostLogin(server.port(), "desk", temporary);
  ASSERT_EQ(login.status, 303);
  EXPECT_EQ(login.headers["location"], "/account/password");
  Headers fresh = {{"Cookie", "fg_session=" + CookieFrom(login, "fg_session")}};
  auto dash = Request(server.port(), "GET", "/dashboard", "", fresh);
  EXPECT_EQ(dash.status, 303);
  EXPECT_EQ(dash.headers["location"], "/account/password");
  EXPECT_EQ(Request(server.port(), "GET", "/dang-nhap", "", fresh).headers["location"], "/account/password");
  auto form = Request(server.port(), "GET", "/account/password", "", fresh);
  EXPECT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("id=\"must-change\""), std::string::npos);
  std::string csrf = InputValue(form.body, "csrf_token");
  Headers api = {{"Cookie", "fg_session=" + CookieFrom(login, "fg_session")},
                 {"X-CSRF-Token", csrf},
                 {"Content-Type", "application/json"}};
  auto refused = Request(server.port(), "GET", "/api/v1/units", "", api);
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("mật khẩu tạm thời"), std::string::npos) << refused.body;
  // Public pages still answer; pages of the workspace lead to the form.
  EXPECT_EQ(Request(server.port(), "GET", "/calendar", "", fresh).status, 200);
  EXPECT_EQ(Request(server.port(), "GET", "/units", "", fresh).headers["location"], "/account/password");
  auto who = Request(server.port(), "GET", "/api/v1/me", "", api);
  EXPECT_NE(who.body.find("\"must_change_password\":true"), std::string::npos) << who.body;
  auto changed = Request(server.port(), "POST", "/api/v1/me/password",
                         R"({"current_password":")" + temporary +
                             R"(","password":"mat-khau-moi-dai","confirm_password":"mat-khau-moi-dai"})",
                         api);
  EXPECT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(Request(server.port(), "GET", "/dashboard", "", fresh).status, 200);
  EXPECT_EQ(Request(server.port(), "GET", "/api/v1/units", "", api).status, 200);
}

}  // namespace
}  // namespace fg::testing
