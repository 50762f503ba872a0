// The letters' own pages (issue 13, part two) over HTTP on the real binary with
// demo data: every error at once beside its field ("do not send", settings,
// a draft's text, the counts' months), who may post, the 409 of a stale or
// signed draft (page and PATCH API), a template version restored through its
// confirmation page, and the counts' spreadsheet following the page's months.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "platform/http/message.h"
#include "tests/support/http_client.h"

namespace fg::testing {
namespace {

namespace json = boost::json;

class LettersPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_path_ = new std::string(TempPath("letters_pages.db"));
    server_ = new ServerProcess(*db_path_, {"--demo"});
    for (const char* role : {"admin", "leader", "desk", "specialist", "evaluator"})
      (*sessions_)[role] = Login(server_->port(), role, "demo");
  }
  static void TearDownTestSuite() {
    delete server_;
    delete db_path_;
  }
  static HttpResult Api(const std::string& role, const std::string& method, const std::string& target,
                        const json::value& body = nullptr) {
    const Session& s = (*sessions_)[role];
    return Request(server_->port(), method, target, body.is_null() ? "" : json::serialize(body),
                   {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}});
  }
  static HttpResult Get(const std::string& role, const std::string& target) {
    return Request(server_->port(), "GET", target, "", {{"Cookie", (*sessions_)[role].cookie}});
  }
  static HttpResult Post(const std::string& role, const std::string& target,
                         const std::vector<std::pair<std::string, std::string>>& fields) {
    const Session& s = (*sessions_)[role];
    std::string body = "csrf_token=" + http::UrlEncode(s.csrf);
    for (auto& [k, v] : fields) body += "&" + http::UrlEncode(k) + "=" + http::UrlEncode(v);
    return Request(server_->port(), "POST", target, body,
                   {{"Cookie", s.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  }
  static bool Has(const HttpResult& r, const std::string& s) { return r.body.find(s) != std::string::npos; }
  static std::string Location(const HttpResult& r) {
    auto it = r.headers.find("location");
    return it == r.headers.end() ? "" : it->second;
  }
  // The number of messages in the error summary.
  static size_t SummaryItems(const HttpResult& r) {
    const auto at = r.body.find("error-summary");
    if (at == std::string::npos) return 0;
    const auto end = r.body.find("</ul>", at);
    size_t n = 0;
    for (auto p = r.body.find("<li", at); p != std::string::npos && p < end; p = r.body.find("<li", p + 1)) ++n;
    return n;
  }
  static json::object Draft(const std::string& recipient) {
    auto r = Api("desk", "POST", "/api/v1/letters",
                 {{"unit_code", "25270"}, {"type", "thanks"}, {"recipient_name", recipient}});
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body).as_object();
  }
  static std::string* db_path_;
  static ServerProcess* server_;
  static std::map<std::string, Session>* sessions_;
};
std::string* LettersPagesTest::db_path_ = nullptr;
ServerProcess* LettersPagesTest::server_ = nullptr;
std::map<std::string, Session>* LettersPagesTest::sessions_ = new std::map<std::string, Session>();

TEST_F(LettersPagesTest, DoNotSendShowsEveryErrorBesideItsFieldAndRemovesThroughAConfirmation) {
  auto bad = Post("desk", "/thu/khong-gui",
                  {{"unit_code", "25270"},
                   {"name", ""},
                   {"id_number", "07x"},
                   {"phone", "12"},
                   {"note", "Gia đình xin không nhận thư"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(SummaryItems(bad), 3u) << bad.body;
  for (const char* id : {"name-error", "id_number-error", "phone-error"}) EXPECT_TRUE(Has(bad, id)) << id;
  EXPECT_TRUE(Has(bad, "value=\"Gia đình xin không nhận thư\""));  // typed values kept
  EXPECT_EQ(Api("desk", "GET", "/api/v1/letters/do-not-send?unit=25270").body.find("Gia đình xin"), std::string::npos);

  // The specialist has no such list: no page and no form; the evaluator neither.
  EXPECT_EQ(Get("specialist", "/thu/khong-gui").status, 403);
  EXPECT_EQ(Post("specialist", "/thu/khong-gui", {{"unit_code", "25270"}, {"name", "Ai đó"}}).status, 403);

  auto added =
      Post("desk", "/thu/khong-gui",
           {{"unit_code", "25270"}, {"name", "Bùi Thị Lan"}, {"id_number", "079180011122"}, {"phone", "0933 222 111"}});
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(Location(added), "/thu/khong-gui?unit=25270&done=dns_added");
  auto list = Get("desk", "/thu/khong-gui?unit=25270&done=dns_added");
  EXPECT_TRUE(Has(list, "banner-success"));
  EXPECT_TRUE(Has(list, "079180011122"));
  // The province's administrator: masked.
  auto above = Get("admin", "/thu/khong-gui?unit=75");
  EXPECT_TRUE(Has(above, "Bùi Thị Lan"));
  EXPECT_FALSE(Has(above, "079180011122"));
  EXPECT_FALSE(Has(above, "0933"));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(list.body, m, std::regex("/thu/khong-gui/([0-9]+)/xoa")));
  const std::string url = m[0];
  auto confirm = Get("desk", url);
  EXPECT_EQ(confirm.status, 200);
  EXPECT_TRUE(Has(confirm, "Bùi Thị Lan"));
  EXPECT_TRUE(Has(confirm, "action=\"" + url + "\""));
  EXPECT_EQ(Get("specialist", url).status, 403);
  auto removed = Post("desk", url, {});
  EXPECT_EQ(removed.status, 303);
  EXPECT_EQ(Location(removed), "/thu/khong-gui?unit=25270&done=dns_removed");
  EXPECT_FALSE(Has(Get("desk", "/thu/khong-gui?unit=25270"), "Bùi Thị Lan"));
  EXPECT_EQ(Post("desk", url, {}).status, 404);
}

TEST_F(LettersPagesTest, SettingsFormOnlyForSignersWithErrorsBesideTheirFields) {
  auto bad = Post("leader", "/thu/cai-dat?unit=25270", {{"place", ""}, {"signer_title", ""}, {"signer_name", ""}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(SummaryItems(bad), 2u) << bad.body;
  EXPECT_TRUE(Has(bad, "place-error"));
  EXPECT_TRUE(Has(bad, "signer_title-error"));
  auto ok = Post("leader", "/thu/cai-dat?unit=25270",
                 {{"place", "Phường Sài Gòn"},
                  {"signer_title", "TM. ỦY BAN NHÂN DÂN\r\nCHỦ TỊCH"},
                  {"signer_name", "Trần Thị Lãnh"}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(Location(ok), "/thu/cai-dat?unit=25270&done=settings_saved");
  auto api = json::parse(Api("desk", "GET", "/api/v1/letter-settings?unit=25270").body).as_object();
  EXPECT_EQ(api["place"].as_string(), "Phường Sài Gòn");
  EXPECT_EQ(api["signer_name"].as_string(), "Trần Thị Lãnh");
  // Officials who cannot save read the settings without a form, and a post is refused.
  for (const char* role : {"desk", "specialist", "evaluator"}) {
    auto page = Get(role, std::string("/thu/cai-dat?unit=") + (std::string(role) == "evaluator" ? "75" : "25270"));
    EXPECT_EQ(page.status, 200) << role;
    EXPECT_FALSE(Has(page, "name=\"place\"")) << role;
    EXPECT_EQ(Post(role, "/thu/cai-dat?unit=25270", {{"place", "X"}, {"signer_title", "Y"}}).status, 403) << role;
  }
  EXPECT_TRUE(Has(Get("leader", "/thu/cai-dat?unit=25270"), "name=\"place\""));
}

TEST_F(LettersPagesTest, ADraftsTextIsEditedUnderItsRevisionAndFrozenOnceSigned) {
  auto l = Draft("Ông Hồ Văn Nam");
  const std::string id = std::to_string(l["id"].as_int64());
  const int64_t rev = l["revision"].as_int64();
  auto form = Get("desk", "/thu/" + id + "/sua");
  EXPECT_EQ(form.status, 200);
  EXPECT_EQ(InputValue(form.body, "revision"), std::to_string(rev));
  // Every error at once.
  auto bad = Post("desk", "/thu/" + id + "/sua",
                  {{"revision", std::to_string(rev)}, {"title", ""}, {"front", ""}, {"back", ""}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(SummaryItems(bad), 2u) << bad.body;
  auto ok = Post("desk", "/thu/" + id + "/sua",
                 {{"revision", std::to_string(rev)},
                  {"title", "THƯ CẢM ƠN"},
                  {"front", "Kính gửi Ông Hồ Văn Nam.\r\n\r\nCâu mới."},
                  {"back", ""}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(Location(ok), "/thu/" + id + "?done=edited");
  // The same revision again (another tab): 409, the typed text kept, the letter unchanged.
  auto stale =
      Post("leader", "/thu/" + id + "/sua",
           {{"revision", std::to_string(rev)}, {"title", "THƯ CẢM ƠN"}, {"front", "Bản của tab cũ"}, {"back", ""}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(Has(stale, "Bản của tab cũ"));
  EXPECT_EQ(InputValue(stale.body, "revision"), std::to_string(rev + 1));
  auto now = json::parse(Api("desk", "GET", "/api/v1/letters/" + id).body).as_object();
  EXPECT_EQ(now["front"].as_string(), "Kính gửi Ông Hồ Văn Nam.\n\nCâu mới.");
  EXPECT_EQ(now["revision"].as_int64(), rev + 1);
  // The API: a stale revision is a problem+json 409; a good one edits (a field left out is kept).
  auto api_stale = Api("desk", "PATCH", "/api/v1/letters/" + id, {{"revision", rev}, {"front", "X"}});
  EXPECT_EQ(api_stale.status, 409);
  EXPECT_EQ(api_stale.headers["content-type"], "application/problem+json");
  EXPECT_EQ(Api("desk", "PATCH", "/api/v1/letters/" + id, {{"front", "X"}}).status, 400);
  auto api_ok = Api("desk", "PATCH", "/api/v1/letters/" + id, {{"revision", rev + 1}, {"back", "Mặt sau mới"}});
  ASSERT_EQ(api_ok.status, 200) << api_ok.body;
  auto edited = json::parse(api_ok.body).as_object();
  EXPECT_EQ(edited["back"].as_string(), "Mặt sau mới");
  EXPECT_EQ(edited["front"].as_string(), "Kính gửi Ông Hồ Văn Nam.\n\nCâu mới.");
  // Outside the caller's subtree and for evaluators: refused.
  EXPECT_EQ(Get("evaluator", "/thu/" + id + "/sua").status, 403);
  // Signed: frozen. The page is read-only, the post and the API are 409.
  ASSERT_EQ(Api("leader", "POST", "/api/v1/letters/" + id + "/actions/issue").status, 200);
  auto frozen = Get("desk", "/thu/" + id + "/sua");
  EXPECT_EQ(frozen.status, 200);
  EXPECT_TRUE(Has(frozen, "letter-frozen"));
  EXPECT_FALSE(Has(frozen, "name=\"front\""));
  EXPECT_FALSE(Has(Get("desk", "/thu/" + id), "/sua\""));
  EXPECT_EQ(Post("leader", "/thu/" + id + "/sua", {{"revision", "99"}, {"title", "A"}, {"front", "B"}}).status, 409);
  EXPECT_EQ(Api("leader", "PATCH", "/api/v1/letters/" + id, {{"revision", rev + 3}, {"front", "B"}}).status, 409);
  EXPECT_EQ(json::parse(Api("desk", "GET", "/api/v1/letters/" + id).body).at("back").as_string(), "Mặt sau mới");
}

TEST_F(LettersPagesTest, ATemplateVersionIsRestoredAsANewVersionThroughAConfirmation) {
  for (const char* text : {"Cảm ơn ((recipient_name)) lần một.", "Cảm ơn ((recipient_name)) lần hai."}) {
    auto r =
        Api("leader", "PUT", "/api/v1/letter-templates/thanks?unit=25270", {{"title", "THƯ CẢM ƠN"}, {"front", text}});
    ASSERT_EQ(r.status, 200) << r.body;
  }
  auto versions = json::parse(Api("desk", "GET", "/api/v1/letter-templates/thanks?unit=25270").body).as_object();
  const auto& vs = versions["versions"].as_array();
  ASSERT_GE(vs.size(), 2u);
  const int64_t newest = vs[0].at("version").as_int64(), older = vs[1].at("version").as_int64();
  const std::string restore = "/thu/mau/thanks/phien-ban/" + std::to_string(older) + "/khoi-phuc?unit=25270";
  auto page = Get("leader", "/thu/mau/thanks/phien-ban?unit=25270");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page, "lần một"));
  EXPECT_TRUE(Has(page, "/thu/mau/thanks/phien-ban/" + std::to_string(older) + "/khoi-phuc?unit=25270"));
  // The desk officer reads the versions but is offered no restore, and may not.
  auto desk_page = Get("desk", "/thu/mau/thanks/phien-ban?unit=25270");
  EXPECT_EQ(desk_page.status, 200);
  EXPECT_FALSE(Has(desk_page, "/khoi-phuc"));
  EXPECT_EQ(Get("desk", restore).status, 403);
  EXPECT_EQ(Post("desk", restore, {}).status, 403);
  EXPECT_EQ(Get("leader", "/thu/mau/thanks/phien-ban/999999/khoi-phuc?unit=25270").status, 404);
  auto confirm = Get("leader", restore);
  EXPECT_EQ(confirm.status, 200);
  EXPECT_TRUE(Has(confirm, "phiên bản " + std::to_string(older)));
  auto done = Post("leader", restore, {});
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(Location(done), "/thu/mau/thanks?unit=25270&done=template_restored");
  auto now = json::parse(Api("desk", "GET", "/api/v1/letter-templates/thanks?unit=25270").body).as_object();
  EXPECT_EQ(now["version"].as_int64(), newest + 1);
  EXPECT_EQ(now["front"].as_string(), "Cảm ơn ((recipient_name)) lần một.");
  EXPECT_EQ(now["versions"].as_array().size(), vs.size() + 1);
}

TEST_F(LettersPagesTest, CountsFollowTheChosenMonthsOnThePageAndInTheSpreadsheet) {
  // Both ends wrong: both errors at once, beside their fields.
  auto bad = Get("leader", "/thu/thong-ke?unit=25270&from_month=13&from_year=2026&to_month=2&to_year=26");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(SummaryItems(bad), 2u) << bad.body;
  EXPECT_TRUE(Has(bad, "from-error"));
  EXPECT_TRUE(Has(bad, "to-error"));
  EXPECT_TRUE(Has(bad, "value=\"13\""));
  auto backwards = Get("leader", "/thu/thong-ke?unit=25270&from_month=5&from_year=2026&to_month=2&to_year=2026");
  EXPECT_EQ(backwards.status, 400);
  EXPECT_TRUE(Has(backwards, "to-error"));
  // One issued letter this month: counted in a period that holds this month, not in last year's.
  auto l = Draft("Bà Phan Thị Cúc");
  auto issued = Api("leader", "POST", "/api/v1/letters/" + std::to_string(l["id"].as_int64()) + "/actions/issue");
  ASSERT_EQ(issued.status, 200);
  const std::string issued_at(json::parse(issued.body).at("issued_at").as_string());
  const std::string year = issued_at.substr(0, 4);  // UTC; the month below spans the whole year either way
  const std::string last = std::to_string(std::stoi(year) - 1);
  auto counts = json::parse(
      Api("leader", "GET", "/api/v1/letters/counts?unit=25270&from=" + year + "-01&to=" + year + "-12").body);
  const int64_t total = counts.at("total").as_int64();
  ASSERT_GE(total, 1);
  auto page = Get("leader", "/thu/thong-ke?unit=25270&from_month=1&from_year=" + year + "&to_month=12&to_year=" + year);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page, "<strong id=\"letters-total\">" + std::to_string(total) + "</strong>")) << page.body;
  EXPECT_TRUE(Has(page, "/thu/thong-ke.xlsx?unit=25270&amp;from=" + year + "-01&amp;to=" + year + "-12"));
  auto past = Get("leader", "/thu/thong-ke?unit=25270&from_month=1&from_year=" + last + "&to_month=12&to_year=" + last);
  EXPECT_TRUE(Has(past, "<strong id=\"letters-total\">0</strong>"));
  auto xlsx = Get("leader", "/thu/thong-ke.xlsx?unit=25270&from=" + last + "-01&to=" + last + "-12");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_NE(xlsx.headers["content-disposition"].find("thu-25270-" + last + "-01-" + last + "-12.xlsx"),
            std::string::npos);
  EXPECT_EQ(Get("leader", "/thu/thong-ke.xlsx?unit=25270&from=2026-13").status, 400);
}

TEST_F(LettersPagesTest, ProcedureRulesAreSetPerUnitWithErrorsAndRemovedThroughAConfirmation) {
  auto page = Get("desk", "/thu/thu-tuc?unit=25270");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page, "1.001193"));                  // a default: births
  EXPECT_FALSE(Has(page, "name=\"procedure_code\""));  // no form for who cannot save
  auto bad = Post("leader", "/thu/thu-tuc?unit=25270", {{"procedure_code", "1 001/193"}, {"type", "wedding"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(SummaryItems(bad), 2u) << bad.body;
  EXPECT_TRUE(Has(bad, "procedure_code-error"));
  EXPECT_TRUE(Has(bad, "type-error"));
  EXPECT_EQ(Post("desk", "/thu/thu-tuc?unit=25270", {{"procedure_code", "1.001193"}, {"type", "none"}}).status, 403);
  auto ok = Post("leader", "/thu/thu-tuc?unit=25270", {{"procedure_code", "1.001193"}, {"type", "none"}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(Location(ok), "/thu/thu-tuc?unit=25270&done=rule_saved");
  const std::string remove = "/thu/thu-tuc/xoa?unit=25270&code=1.001193";
  auto mine = Get("leader", "/thu/thu-tuc?unit=25270&done=rule_saved");
  EXPECT_TRUE(Has(mine, "banner-success"));
  const std::string off = "<td data-label=\"Thư tự lập\">Không lập thư</td>";
  EXPECT_TRUE(Has(mine, off)) << mine.body;
  EXPECT_TRUE(Has(mine, "/thu/thu-tuc/xoa?unit=25270&amp;code=1.001193"));
  EXPECT_EQ(Get("desk", remove).status, 403);
  auto confirm = Get("leader", remove);
  EXPECT_EQ(confirm.status, 200);
  EXPECT_TRUE(Has(confirm, "1.001193"));
  auto removed = Post("leader", remove, {});
  ASSERT_EQ(removed.status, 303);
  EXPECT_EQ(Location(removed), "/thu/thu-tuc?unit=25270&done=rule_removed");
  EXPECT_EQ(Get("leader", remove).status, 404);
  EXPECT_FALSE(Has(Get("leader", "/thu/thu-tuc?unit=25270"), off));
}

}  // namespace
}  // namespace fg::testing
