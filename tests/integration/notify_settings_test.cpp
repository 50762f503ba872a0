// A unit's notification channels over the API and the page, on the real
// binary with demo data: every bad setting refused at once beside its field,
// nothing half-written, secrets never sent back and kept when left empty,
// only administrators covering the unit change them.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <set>
#include <thread>

#include "platform/http/message.h"
#include "tests/support/http_client.h"

namespace fg::testing {
namespace {

namespace json = boost::json;

const char* const kSecrets[] = {"Bearer gw-secret-4711", "zalo-token-0815", "smtp-pass-2342", "fb-page-token-9922"};

void ExpectNoSecret(const std::string& body) {
  for (const char* s : kSecrets) EXPECT_EQ(body.find(s), std::string::npos) << s << " in " << body;
}

std::set<std::string> ErrorFields(const std::string& body) {
  std::set<std::string> out;
  const json::value v = json::parse(body);
  for (auto& e : v.at("errors").as_array()) out.insert(std::string(e.at("field").as_string()));
  return out;
}

class NotifySettings : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<ServerProcess>(TempPath("notify_settings.db"), std::vector<std::string>{"--demo"});
    admin_ = Login(server_->port(), "admin", "demo");
    desk_ = Login(server_->port(), "desk", "demo");
  }
  HttpResult Api(const Session& s, const std::string& method, const std::string& target, const std::string& body) {
    return Request(server_->port(), method, target, body,
                   {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}});
  }
  HttpResult Get(const Session& s, const std::string& target) {
    return Request(server_->port(), "GET", target, "", {{"Cookie", s.cookie}});
  }
  HttpResult Post(const Session& s, const std::string& target, const std::string& form) {
    return Request(server_->port(), "POST", target, form + "&csrf_token=" + http::UrlEncode(s.csrf),
                   {{"Cookie", s.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  }
  std::unique_ptr<ServerProcess> server_;
  Session admin_, desk_;
};

const std::string kGood = R"({"channels": [
  {"channel": "zalo", "config": {"access_token": "zalo-token-0815", "template_received": "301"}},
  {"channel": "sms", "config": {"url": "http://127.0.0.1:9/send", "auth_header": "Authorization: Bearer gw-secret-4711",
                                "ascii": "1", "night": "1"}},
  {"channel": "email", "config": {"url": "smtp://127.0.0.1:2525", "from": "motcua@chonthanh.gov.vn",
                                  "username": "motcua", "password": "smtp-pass-2342"}},
  {"channel": "facebook", "config": {"access_token": "fb-page-token-9922"}}]})";

TEST_F(NotifySettings, ApiSavesInOrderAndNeverReturnsSecrets) {
  const std::string path = "/api/v1/units/25270/notify-channels";
  auto r = Api(admin_, "PUT", path, kGood);
  ASSERT_EQ(r.status, 200) << r.body;
  ExpectNoSecret(r.body);
  auto got = Get(desk_, path);
  ASSERT_EQ(got.status, 200) << got.body;
  ExpectNoSecret(got.body);
  auto channels = json::parse(got.body).at("channels").as_array();
  ASSERT_EQ(channels.size(), 4u);
  EXPECT_EQ(channels[0].at("channel").as_string(), "zalo");
  EXPECT_EQ(channels[1].at("channel").as_string(), "sms");
  EXPECT_EQ(channels[2].at("channel").as_string(), "email");
  EXPECT_EQ(channels[3].at("channel").as_string(), "facebook");
  EXPECT_EQ(channels[0].at("config").at("access_token").as_string(), "********");
  EXPECT_EQ(channels[3].at("config").at("access_token").as_string(), "********");
  EXPECT_EQ(channels[1].at("config").at("ascii").as_string(), "1");

  // A saved token goes only to the address it was saved for: a new address needs it typed again.
  r = Api(admin_, "PUT", path,
          R"({"channels": [{"channel": "facebook", "config": {"url": "https://elsewhere.example/send",
                                                              "access_token": "********"}}]})");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(ErrorFields(r.body), (std::set<std::string>{"facebook.access_token"}));
  EXPECT_EQ(json::parse(Get(admin_, path).body).at("channels").as_array().size(), 4u);  // nothing written

  // Reordered, secrets left out: kept (Zalo needs its token, so a lost one would be refused).
  r = Api(admin_, "PUT", path,
          R"({"channels": [{"channel": "sms", "config": {"url": "http://127.0.0.1:9/send", "auth_header": ""}},
                           {"channel": "zalo", "config": {"access_token": "********"}}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  channels = json::parse(r.body).at("channels").as_array();
  ASSERT_EQ(channels.size(), 2u);
  EXPECT_EQ(channels[0].at("channel").as_string(), "sms");
  EXPECT_EQ(channels[0].at("config").at("auth_header").as_string(), "********");
  EXPECT_FALSE(channels[0].at("config").as_object().contains("ascii"));
  EXPECT_EQ(channels[1].at("config").at("access_token").as_string(), "********");

  // A unit without a saved token: Zalo without one is refused.
  r = Api(
      admin_, "PUT", "/api/v1/units/75/notify-channels",
      R"({"channels": [{"channel": "zalo", "config": {}}, {"channel": "facebook", "config": {"url": "ftp://x/"}}]})");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(ErrorFields(r.body), (std::set<std::string>{"zalo.access_token", "facebook.access_token", "facebook.url"}));
}

TEST_F(NotifySettings, ApiRefusesEveryBadSettingAtOnceAndWritesNothing) {
  const std::string path = "/api/v1/units/25270/notify-channels";
  ASSERT_EQ(Api(admin_, "PUT", path, kGood).status, 200);
  const std::string before = Get(admin_, path).body;
  auto r = Api(admin_, "PUT", path, R"({"channels": [
    {"channel": "email", "config": {"url": "http://mail", "from": "khong-phai-thu"}},
    {"channel": "sms", "config": {"url": "http://gw", "method": "DELETE", "colour": "red", "timeout_ms": "5"}}]})");
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.headers["content-type"].find("application/problem+json"), std::string::npos);
  // New addresses: the saved password and gateway header are not kept unless typed again.
  EXPECT_EQ(ErrorFields(r.body), (std::set<std::string>{"email.url", "email.from", "email.password", "sms.auth_header",
                                                        "sms.method", "sms.colour", "sms.timeout_ms"}));
  EXPECT_EQ(Get(admin_, path).body, before);

  r = Api(admin_, "PUT", path, R"({"channels": [{"channel": "fax"}, {"channel": "log"}, {"channel": "log"}]})");
  EXPECT_EQ(r.status, 400) << r.body;
  r = Api(admin_, "PUT", path, R"({"channels": [{"channel": "sms", "config": {"url": 5}}]})");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(Get(admin_, path).body, before);
}

TEST_F(NotifySettings, OnlyAdministratorsCoveringTheUnitChangeIt) {
  const std::string body = R"({"channels": [{"channel": "log"}]})";
  EXPECT_EQ(Api(desk_, "PUT", "/api/v1/units/25270/notify-channels", body).status, 403);
  EXPECT_EQ(Api(desk_, "PUT", "/api/v1/units/75/notify-channels", body).status, 403);
  EXPECT_EQ(Get(desk_, "/api/v1/units/75/notify-channels").status, 403);  // the desk officer's province
  EXPECT_EQ(Get(admin_, "/api/v1/units/nope/notify-channels").status, 404);
  EXPECT_EQ(Request(server_->port(), "GET", "/api/v1/units/25270/notify-channels").status, 401);
}

TEST_F(NotifySettings, PageShowsErrorsBesideFieldsAndKeepsSecrets) {
  ASSERT_EQ(Api(admin_, "PUT", "/api/v1/units/25270/notify-channels", kGood).status, 200);
  auto page = Get(admin_, "/desk/notify/channels?unit=25270");
  ASSERT_EQ(page.status, 200) << page.body;
  ExpectNoSecret(page.body);
  EXPECT_NE(page.body.find("Đã lưu (ẩn). Để trống để giữ nguyên."), std::string::npos);
  EXPECT_NE(page.body.find("phần tin"), std::string::npos);  // the segment count

  // SMS first with an empty URL, e-mail with a bad sender: both errors, beside their fields.
  auto r = Post(admin_, "/desk/notify/channels?unit=25270",
                "sms.use=1&sms.position=1&sms.url=&email.use=1&email.position=2&email.url=smtp%3A%2F%2Fm&"
                "email.from=khong-phai-thu&email.password=");
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("id=\"sms-url-error\""), std::string::npos);
  EXPECT_NE(r.body.find("Hãy nhập địa chỉ cổng SMS."), std::string::npos);
  EXPECT_NE(r.body.find("id=\"email-from-error\""), std::string::npos);
  ExpectNoSecret(r.body);

  // Saved in the new order; the e-mail password left empty is kept.
  r = Post(admin_, "/desk/notify/channels?unit=25270",
           "sms.use=1&sms.position=2&sms.url=http%3A%2F%2F127.0.0.1%3A9%2Fsend&email.use=1&email.position=1&"
           "email.url=smtp%3A%2F%2F127.0.0.1%3A2525&email.from=motcua%40chonthanh.gov.vn&email.username=motcua&"
           "email.password=");
  ASSERT_EQ(r.status, 303) << r.body;
  auto api = json::parse(Get(admin_, "/api/v1/units/25270/notify-channels").body).at("channels").as_array();
  ASSERT_EQ(api.size(), 2u);
  EXPECT_EQ(api[0].at("channel").as_string(), "email");
  EXPECT_EQ(api[0].at("config").at("password").as_string(), "********");
  EXPECT_EQ(api[1].at("channel").as_string(), "sms");
  EXPECT_NE(Get(admin_, "/desk/notify/channels?unit=25270&done=channels_saved").body.find("Đã lưu các kênh"),
            std::string::npos);

  // A desk officer sees the channels, not a form; a unit above theirs is refused.
  auto ro = Get(desk_, "/desk/notify/channels?unit=25270");
  ASSERT_EQ(ro.status, 200) << ro.body;
  EXPECT_EQ(ro.body.find("method=\"post\" action=\"/desk/notify/channels"), std::string::npos);
  EXPECT_NE(ro.body.find("Chỉ quản trị viên"), std::string::npos);
  ExpectNoSecret(ro.body);
  EXPECT_EQ(Post(desk_, "/desk/notify/channels?unit=25270", "log.use=1").status, 403);
  EXPECT_EQ(Get(desk_, "/desk/notify/channels?unit=75").status, 403);
}

TEST_F(NotifySettings, TemplateEditorPreviewsRefusesUnknownPlaceholdersAndKeepsVersions) {
  const std::string page = "/desk/notify/templates/received?channel=sms";
  auto r = Get(admin_, page);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("{code}, {procedure}, {unit}, {link}, {due_date}"), std::string::npos);
  EXPECT_NE(r.body.find("Chưa lưu phiên bản nào"), std::string::npos);

  r = Post(admin_, page, "action=preview&body=" + http::UrlEncode("Hồ sơ {code} của {ten_nguoi_nop}"));
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("id=\"body-error\""), std::string::npos);
  EXPECT_NE(r.body.find("{ten_nguoi_nop}"), std::string::npos);

  r = Post(admin_, page, "action=preview&body=" + http::UrlEncode("Hồ sơ {code} hẹn ngày {due_date}."));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("Hồ sơ H75.25270-261126-0001 hẹn ngày 30/11/2026."), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("phần tin"), std::string::npos);
  EXPECT_NE(Get(admin_, page).body.find("Chưa lưu phiên bản nào"), std::string::npos);  // a preview saves nothing

  r = Post(admin_, page, "action=save&body=" + http::UrlEncode("Hồ sơ {code} hẹn ngày {due_date}."));
  ASSERT_EQ(r.status, 303) << r.body;
  auto api = Get(desk_, "/api/v1/notify/templates/received");
  ASSERT_EQ(api.status, 200) << api.body;
  auto v = json::parse(api.body);
  EXPECT_EQ(v.at("sms").at("version").as_int64(), 1);
  EXPECT_EQ(v.at("sms").at("body").as_string(), "Hồ sơ {code} hẹn ngày {due_date}.");
  EXPECT_EQ(v.at("email").at("version").as_int64(), 0);
  EXPECT_EQ(v.at("history").as_array().size(), 1u);

  auto bad = Api(admin_, "PUT", "/api/v1/notify/templates/received",
                 R"({"channel": "email", "subject": "Hồ sơ {ma}", "body": "{xyz} {code}"})");
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(ErrorFields(bad.body), (std::set<std::string>{"subject", "body"}));
  EXPECT_EQ(Api(desk_, "PUT", "/api/v1/notify/templates/received", R"({"channel": "sms", "body": "{code}"})").status,
            403);
  EXPECT_EQ(Get(admin_, "/api/v1/notify/templates/nope").status, 404);

  auto ro = Get(desk_, page);
  ASSERT_EQ(ro.status, 200) << ro.body;
  EXPECT_EQ(ro.body.find("action=\"/desk/notify/templates"), std::string::npos);
  EXPECT_NE(ro.body.find("Hồ sơ {code} hẹn ngày {due_date}."), std::string::npos);
}

// A message sent by the log channel: its callback URL (on the developers'
// page) reports delivery, which the dossier page then shows.
TEST_F(NotifySettings, DeliveryCallbackWithTheSignedToken) {
  auto r = Api(admin_, "POST", "/api/v1/procedures",
               R"({"unit_code": "75", "code": "T.CALLBACK", "name": "Thủ tục thử lời báo", "field": "Thử",
                   "limit_unit": "days", "limit_amount": 3})");
  ASSERT_EQ(r.status, 201) << r.body;
  const int64_t procedure = json::parse(r.body).at("id").as_int64();
  r = Api(desk_, "POST", "/api/v1/dossiers",
          json::serialize(json::object{{"unit_code", "25270"},
                                       {"procedure_id", procedure},
                                       {"applicant", {{"name", "Lê Văn Tâm"}, {"phone", "0912 000 111"}}}}));
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string code(json::parse(r.body).at("code").as_string());

  std::string token;
  for (int i = 0; i < 100 && token.empty(); ++i) {
    const std::string log = Get(admin_, "/desk/notify/log").body;
    const size_t at = log.find(code);
    const std::string marker = "/api/v1/notify/callbacks/log?token=";
    const size_t t = at == std::string::npos ? at : log.find(marker, at);
    if (t != std::string::npos) token = log.substr(t + marker.size(), log.find('<', t) - t - marker.size());
    if (token.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(Get(desk_, "/desk/notify/log").status, 403);

  auto call = [&](const std::string& channel, const std::string& tok, const std::string& body) {
    return Request(server_->port(), "POST", "/api/v1/notify/callbacks/" + channel + "?token=" + http::UrlEncode(tok),
                   body, {{"Content-Type", "application/json"}});
  };
  const std::string id = token.substr(0, token.find('.'));
  EXPECT_EQ(call("log", id + ".AAAA" + token.substr(token.find('.') + 5), R"({"status": "delivered"})").status, 403);
  EXPECT_EQ(
      call("log", std::to_string(std::stoll(id) + 1) + token.substr(token.find('.')), R"({"status": "delivered"})")
          .status,
      403);
  EXPECT_EQ(call("log", token, R"({"status": "arrived"})").status, 400);
  EXPECT_EQ(call("sms", token, R"({"status": "delivered"})").status, 409);  // not sent on that channel
  auto ok = call("log", token, R"({"status": "delivered"})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(json::parse(ok.body).at("status").as_string(), "delivered");
  auto dossier = Get(desk_, "/desk/dossiers/" + code);
  EXPECT_NE(dossier.body.find("Đã đến người nhận"), std::string::npos) << dossier.body;

  // A gateway that reports failure: the message is failed, with "send again".
  ok = call("log", token, R"({"status": "failed", "error": "thuê bao không liên lạc được"})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto failed = Get(desk_, "/desk/messages?status=failed");
  EXPECT_NE(failed.body.find("thuê bao không liên lạc được"), std::string::npos);
}

}  // namespace
}  // namespace fg::testing
