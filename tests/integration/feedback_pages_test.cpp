// The feedback pages over HTTP on the real binary with demo data: a citizen's
// form (every error at once, the code), the lookup without personal data, an
// official's register, item page and actions through to a published answer, and
// an administrator connecting the ward's mailbox (a real dovecot) and reading it.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "platform/auth/crypto.h"
#include "platform/http/message.h"
#include "tests/support/http_client.h"
#include "tests/support/imap_server.h"

namespace fg::testing {
namespace {

class FeedbackPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_path_ = new std::string(TempPath("feedback_pages.db"));
    // Mailboxes are read by "Đọc thư ngay" only: the test counts what one reading takes.
    setenv("FRIENDLYGOV_FEEDBACK_MAIL_POLL_SECONDS", "0", 1);
    server_ = new ServerProcess(*db_path_, {"--demo"});
    unsetenv("FRIENDLYGOV_FEEDBACK_MAIL_POLL_SECONDS");
    for (const char* role : {"admin", "leader", "desk", "specialist", "evaluator"})
      (*sessions_)[role] = Login(server_->port(), role, "demo");
    anonymous_ = new Session(AnonymousSession());
  }
  static void TearDownTestSuite() {
    delete server_;
    delete db_path_;
    delete anonymous_;
  }
  // A cookie and CSRF token for a visitor: from the form page's fg_csrf cookie.
  static Session AnonymousSession() {
    auto r = Request(server_->port(), "GET", "/gop-y", "", {});
    Session s;
    auto it = r.headers.find("set-cookie");
    if (it != r.headers.end()) {
      std::smatch m;
      if (std::regex_search(it->second, m, std::regex("fg_csrf=([^;]+)"))) {
        s.cookie = "fg_csrf=" + m[1].str();
        s.csrf = m[1].str();
      }
    }
    return s;
  }
  static HttpResult Get(const Session& s, const std::string& target) {
    return Request(server_->port(), "GET", target, "", {{"Cookie", s.cookie}});
  }
  static HttpResult Post(const Session& s, const std::string& target,
                         const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string body = "csrf_token=" + http::UrlEncode(s.csrf);
    for (auto& [k, v] : fields) body += "&" + http::UrlEncode(k) + "=" + http::UrlEncode(v);
    return Request(server_->port(), "POST", target, body,
                   {{"Cookie", s.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  }
  static const Session& As(const std::string& role) { return (*sessions_)[role]; }
  static bool Has(const HttpResult& r, const std::string& s) { return r.body.find(s) != std::string::npos; }
  // Where a redirect leads, without its fragment (a browser keeps that to itself).
  static std::string Location(const HttpResult& r) {
    auto it = r.headers.find("location");
    return it == r.headers.end() ? "" : it->second.substr(0, it->second.find('#'));
  }
  static size_t SummaryItems(const HttpResult& r) {
    const auto at = r.body.find("error-summary");
    if (at == std::string::npos) return 0;
    const auto end = r.body.find("</ul>", at);
    size_t n = 0;
    for (auto p = r.body.find("<li", at); p != std::string::npos && p < end; p = r.body.find("<li", p + 1)) ++n;
    return n;
  }
  static std::string Submit(const std::string& title) {
    auto r = Post(*anonymous_, "/gop-y",
                  {{"unit_code", "25270"},
                   {"feedback_kind", "feedback"},
                   {"category", "infrastructure"},
                   {"feedback_title", title},
                   {"content", "Đèn đường tắt cả tuần."},
                   {"name", "Trần Thị Bình"},
                   {"phone", "0912 888 777"}});
    EXPECT_EQ(r.status, 303) << r.body;
    std::smatch m;
    const std::string loc = Location(r);
    EXPECT_TRUE(std::regex_search(loc, m, std::regex("ma=(GY-25270-\\d{4}-\\d{4,})"))) << loc;
    return m.size() > 1 ? m[1].str() : "";
  }
  static std::string* db_path_;
  static ServerProcess* server_;
  static std::map<std::string, Session>* sessions_;
  static Session* anonymous_;
};
std::string* FeedbackPagesTest::db_path_ = nullptr;
ServerProcess* FeedbackPagesTest::server_ = nullptr;
std::map<std::string, Session>* FeedbackPagesTest::sessions_ = new std::map<std::string, Session>();
Session* FeedbackPagesTest::anonymous_ = nullptr;

TEST_F(FeedbackPagesTest, PublicFormShowsEveryErrorAtOnceBesideItsField) {
  auto form = Get(*anonymous_, "/gop-y?unit=25270");
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form, "Phường Chơn Thành"));
  auto r = Post(*anonymous_, "/gop-y",
                {{"unit_code", "25270"},
                 {"feedback_kind", "complaint"},
                 {"category", "infrastructure"},
                 {"feedback_title", ""},
                 {"content", ""},
                 {"email", "khong-phai-thu"}});
  EXPECT_EQ(r.status, 400);
  // Title, content, e-mail, and a complaint's missing name (its missing contact is the e-mail's field).
  EXPECT_EQ(SummaryItems(r), 4u) << r.body;
  for (const char* id : {"feedback_title-error", "content-error", "email-error", "name-error"})
    EXPECT_TRUE(Has(r, id)) << id;
}

TEST_F(FeedbackPagesTest, CitizenGetsACodeAndSeesTheAnswerWithoutPersonalData) {
  const std::string code = Submit("Đèn đường hỏng ở ấp 3");
  ASSERT_FALSE(code.empty());
  auto sent = Get(*anonymous_, "/gop-y/da-gui?ma=" + code);
  EXPECT_TRUE(Has(sent, code));
  // With a phone, the lookup needs its last 4 digits; the wrong ones read like an unknown code.
  EXPECT_EQ(Get(*anonymous_, "/gop-y/tra-cuu?ma=" + code).status, 404);
  EXPECT_EQ(Get(*anonymous_, "/gop-y/tra-cuu?ma=" + code + "&so=1234").status, 404);
  auto found = Get(*anonymous_, "/gop-y/tra-cuu?ma=" + code + "&so=8777");
  EXPECT_EQ(found.status, 200);
  EXPECT_TRUE(Has(found, "Mới tiếp nhận"));
  EXPECT_FALSE(Has(found, "Trần Thị Bình"));
  EXPECT_FALSE(Has(found, "0912 888 777"));

  // The desk officer sees it in the register, with the sender's details on its page.
  auto list = Get(As("desk"), "/feedback");
  EXPECT_TRUE(Has(list, code));
  auto page = Get(As("desk"), "/feedback/" + code);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page, "0912 888 777"));
  // A draft without text: the error beside the field; then a draft, the leader's approval, publication.
  auto bad = Post(As("specialist"), "/feedback/" + code, {{"action", "draft_reply"}, {"feedback_text", ""}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Has(bad, "feedback_text-error"));
  auto draft = Post(As("specialist"), "/feedback/" + code,
                    {{"action", "draft_reply"}, {"feedback_text", "Đã thay bóng đèn. Cảm ơn bà Trần Thị Bình."}});
  EXPECT_EQ(draft.status, 303);
  EXPECT_EQ(Location(draft), "/feedback/" + code + "?done=draft_reply");
  // The desk officer is not offered the approval; posting it anyway is refused.
  auto desk_page = Get(As("desk"), "/feedback/" + code);
  EXPECT_FALSE(Has(desk_page, "value=\"approve_reply\""));
  EXPECT_EQ(Post(As("desk"), "/feedback/" + code, {{"action", "approve_reply"}}).status, 403);
  EXPECT_EQ(Post(As("leader"), "/feedback/" + code, {{"action", "approve_reply"}}).status, 303);
  auto done = Post(As("leader"), "/feedback/" + code, {{"action", "publish"}});
  EXPECT_EQ(done.status, 303);
  auto banner = Get(As("leader"), Location(done));
  EXPECT_TRUE(Has(banner, "Đã công khai câu trả lời"));

  auto answered = Get(*anonymous_, "/gop-y/tra-cuu?ma=" + code + "&so=8777");
  EXPECT_TRUE(Has(answered, "Đã thay bóng đèn. Cảm ơn bà [đã ẩn]."));
  EXPECT_FALSE(Has(answered, "Trần Thị Bình"));
}

TEST_F(FeedbackPagesTest, OfficialsRegisterHotlineCallsAndEvaluatorsDoNot) {
  auto r = Post(As("desk"), "/feedback/moi",
                {{"unit_code", "25270"},
                 {"channel", "hotline"},
                 {"feedback_kind", "recommendation"},
                 {"category", "environment"},
                 {"feedback_title", "Thu gom rác"},
                 {"content", "Đề nghị thu gom rác 2 lần/tuần."}});
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_NE(Location(r).find("?done=registered"), std::string::npos);
  EXPECT_EQ(Get(As("evaluator"), "/feedback/moi").status, 403);
  auto list = Get(As("evaluator"), "/feedback");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(Has(list, "feedback-empty"));
  auto overdue = Get(As("desk"), "/feedback?urgency=overdue");
  EXPECT_EQ(overdue.status, 200);
  EXPECT_EQ(Get(As("desk"), "/feedback?urgency=tomorrow").status, 400);
}

// ---- Open311 GeoReport v2: every method in both formats, and the error codes ----

TEST_F(FeedbackPagesTest, AnAdministratorConnectsTheMailboxAndItsMessagesBecomeItems) {
  ImapServer imap;
  ASSERT_TRUE(imap.ok()) << imap.error();
  const std::string box = "gopy@phuong.example.vn";
  imap.AddUser(box);
  // Every error beside its field at once, what was typed kept, the password never echoed.
  auto bad = Post(As("admin"), "/feedback/kenh",
                  {{"unit", "25270"},
                   {"channel", "email"},
                   {"mail_url", "https://mail.example.vn"},
                   {"mail_username", ""},
                   {"mail_password", ""}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(SummaryItems(bad), 3u) << bad.body;
  for (const char* id : {"mail_url-error", "mail_username-error", "mail_password-error"})
    EXPECT_TRUE(Has(bad, id)) << id;
  EXPECT_TRUE(Has(bad, "value=\"https://mail.example.vn\""));
  const std::vector<std::pair<std::string, std::string>> good{{"unit", "25270"},
                                                              {"channel", "email"},
                                                              {"mail_url", imap.url()},
                                                              {"mail_username", box},
                                                              {"mail_password", ImapServer::kPassword}};
  EXPECT_EQ(Post(As("desk"), "/feedback/kenh", good).status, 403);
  auto saved = Post(As("admin"), "/feedback/kenh", good);
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto page = Get(As("admin"), Location(saved));
  EXPECT_TRUE(Has(page, "Đã lưu hộp thư góp ý")) << page.body;
  EXPECT_TRUE(Has(page, "Chưa đọc lần nào"));
  EXPECT_FALSE(Has(page, ImapServer::kPassword));

  const std::string pdf = "%PDF-1.4\n%%EOF\n";
  imap.Deliver(box,
               "From: =?UTF-8?B?VHLhuqduIFRo4buLIELDrG5o?= <binh@example.com>\r\nMessage-ID: <p1@example.com>\r\n"
               "Subject: =?UTF-8?Q?N=C6=B0=E1=BB=9Bc_ng=E1=BA=ADp_khu_ph=E1=BB=91_5?=\r\nMIME-Version: 1.0\r\n"
               "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
               "Mưa lớn là ngập.\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; "
               "filename*=UTF-8''bi%C3%AAn%20b%E1%BA%A3n.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                   auth::Base64(pdf) + "\r\n--b--\r\n");
  EXPECT_EQ(Post(As("desk"), "/feedback/kenh/doc-thu", {{"unit", "25270"}}).status, 403);
  auto read = Post(As("admin"), "/feedback/kenh/doc-thu", {{"unit", "25270"}});
  ASSERT_EQ(read.status, 303) << read.body;
  EXPECT_NE(Location(read).find("done=read&n=1"), std::string::npos) << Location(read);
  page = Get(As("admin"), Location(read));
  EXPECT_TRUE(Has(page, "1 thư mới được ghi vào sổ theo dõi")) << page.body;
  EXPECT_TRUE(Has(page, "Đã ghi 1 thư vào sổ theo dõi"));

  auto list = Get(As("desk"), "/feedback?unit_code=25270");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      list.body, m, std::regex(">(GY-25270-\\d{4}-\\d{4,})</a></td><td[^>]*>[^<]*</td><td[^>]*>Nước ngập khu phố 5<")))
      << list.body;
  const std::string code = m[1].str();
  auto item = Get(As("desk"), "/feedback/" + code);
  EXPECT_TRUE(Has(item, "Mưa lớn là ngập."));
  EXPECT_TRUE(Has(item, "binh@example.com"));
  EXPECT_TRUE(Has(item, "href=\"/feedback/" + code + "/tep/1\" download>biên bản.pdf</a>")) << item.body;
  auto file = Get(As("desk"), "/feedback/" + code + "/tep/1");
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, pdf);
  EXPECT_EQ(file.headers["content-type"], "application/octet-stream");
  EXPECT_EQ(file.headers["content-disposition"],
            "attachment; filename=\"bi_n b_n.pdf\"; filename*=UTF-8''bi%C3%AAn%20b%E1%BA%A3n.pdf");
  EXPECT_EQ(Get(As("desk"), "/feedback/" + code + "/tep/2").status, 404);
  EXPECT_EQ(Get(As("evaluator"), "/feedback/" + code + "/tep/1").status, 404);

  // A reading that fails (a wrong password) says so in the alert colour, never as a confirmation.
  auto wrong = good;
  wrong.back().second = "mat-khau-sai-123";
  ASSERT_EQ(Post(As("admin"), "/feedback/kenh", wrong).status, 303);
  auto failed = Post(As("admin"), "/feedback/kenh/doc-thu", {{"unit", "25270"}});
  ASSERT_EQ(failed.status, 303) << failed.body;
  EXPECT_NE(Location(failed).find("done=read_failed"), std::string::npos) << Location(failed);
  page = Get(As("admin"), Location(failed));
  EXPECT_TRUE(Has(page, "class=\"banner banner-warning\" role=\"alert\"")) << page.body;
  EXPECT_FALSE(Has(page, "banner-success"));
  EXPECT_TRUE(Has(page, "Không đọc được hộp thư góp ý"));
}

TEST_F(FeedbackPagesTest, Open311MethodsFormatsAndErrors) {
  const int port = server_->port();
  const Session& admin = As("admin");
  auto me = boost::json::parse(Request(port, "GET", "/api/v1/me", "", {{"Cookie", admin.cookie}}).body).as_object();
  const int64_t admin_id = me.at("id").as_int64();
  auto made = Request(port, "POST", "/api/v1/tokens",
                      boost::json::serialize(boost::json::object{{"official_id", admin_id}, {"name", "open311"}}),
                      {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}, {"Content-Type", "application/json"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string key = std::string(boost::json::parse(made.body).at("token").as_string());

  for (const char* ext : {"json", "xml"}) {
    const std::string e = ext;
    const std::string type = e == "json" ? "application/json" : "text/xml";
    auto disc = Request(port, "GET", "/open311/v2/discovery." + e, "", {});
    EXPECT_EQ(disc.status, 200);
    EXPECT_NE(disc.headers["content-type"].find(type), std::string::npos);
    EXPECT_TRUE(Has(disc, "GeoReport_v2"));
    auto services = Request(port, "GET", "/open311/v2/services." + e, "", {});
    EXPECT_EQ(services.status, 200);
    EXPECT_TRUE(Has(services, "infrastructure"));
    auto def = Request(port, "GET", "/open311/v2/services/infrastructure." + e, "", {});
    EXPECT_EQ(def.status, 200);
    EXPECT_TRUE(Has(def, "singlevaluelist"));
    EXPECT_EQ(Request(port, "GET", "/open311/v2/services/weather." + e, "", {}).status, 404);

    auto form = [&](const std::string& extra) {
      return "jurisdiction_id=25270&service_code=infrastructure&address_string=" + http::UrlEncode("Ấp 3") +
             "&description=" + http::UrlEncode("Ổ gà lớn, gọi 0912 555 444") + "&last_name=" + http::UrlEncode("Lê") +
             "&first_name=" + http::UrlEncode("Văn An") + "&phone=0912555444" + extra;
    };
    const std::vector<std::pair<std::string, std::string>> urlencoded = {
        {"Content-Type", "application/x-www-form-urlencoded"}};
    // No key, a wrong key: 403 with the errors document.
    auto nokey = Request(port, "POST", "/open311/v2/requests." + e, form(""), urlencoded);
    EXPECT_EQ(nokey.status, 403);
    EXPECT_TRUE(Has(nokey, e == "json" ? "\"code\":403" : "<code>403</code>")) << nokey.body;
    EXPECT_EQ(Request(port, "POST", "/open311/v2/requests." + e, form("&api_key=wrong"), urlencoded).status, 403);
    // A bad service code: 400 naming the parameter.
    auto bad = Request(port, "POST", "/open311/v2/requests." + e,
                       "api_key=" + key + "&jurisdiction_id=25270&service_code=weather&address_string=x", urlencoded);
    EXPECT_EQ(bad.status, 400);
    EXPECT_TRUE(Has(bad, "service_code")) << bad.body;
    // Created.
    auto created = Request(port, "POST", "/open311/v2/requests." + e, form("&api_key=" + key), urlencoded);
    ASSERT_EQ(created.status, 201) << created.body;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(created.body, m, std::regex("GY-25270-\\d{4}-\\d{4,}")));
    const std::string id = m[0].str();
    // The request by id and in the list, without personal data, with the legal deadline.
    auto one = Request(port, "GET", "/open311/v2/requests/" + id + "." + e, "", {});
    EXPECT_EQ(one.status, 200);
    EXPECT_TRUE(Has(one, "expected_datetime"));
    EXPECT_TRUE(Has(one, "+07:00"));
    for (const char* personal : {"0912", "Văn An", "555"}) EXPECT_FALSE(Has(one, personal)) << personal;
    auto list = Request(port, "GET", "/open311/v2/requests." + e + "?status=open&service_code=infrastructure", "", {});
    EXPECT_EQ(list.status, 200);
    EXPECT_TRUE(Has(list, id));
    EXPECT_FALSE(Has(list, "0912"));
    auto closed = Request(port, "GET", "/open311/v2/requests." + e + "?status=closed", "", {});
    EXPECT_FALSE(Has(closed, id));
    EXPECT_EQ(Request(port, "GET", "/open311/v2/requests." + e + "?start_date=hom-qua", "", {}).status, 400);
    std::string ids = "GY-0-2026-0000";
    for (int n = 1; n <= 100; ++n) ids += ",GY-0-2026-" + std::to_string(1000 + n);
    EXPECT_EQ(Request(port, "GET", "/open311/v2/requests." + e + "?service_request_id=" + ids, "", {}).status, 400);
    EXPECT_EQ(Request(port, "GET", "/open311/v2/requests/GY-0-2026-0001." + e, "", {}).status, 404);
    // A complaint through Open311 is registered but never public.
    auto complaint = Request(port, "POST", "/open311/v2/requests." + e,
                             form("&api_key=" + key + "&attribute%5Bkind%5D=complaint"), urlencoded);
    ASSERT_EQ(complaint.status, 201) << complaint.body;
    ASSERT_TRUE(std::regex_search(complaint.body, m, std::regex("GY-25270-\\d{4}-\\d{4,}")));
    EXPECT_EQ(Request(port, "GET", "/open311/v2/requests/" + m[0].str() + "." + e, "", {}).status, 404);
  }
  EXPECT_EQ(Request(port, "GET", "/open311/v2/services.csv", "", {}).status, 404);
}

}  // namespace
}  // namespace fg::testing
