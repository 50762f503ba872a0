// The officials' desk pages over HTTP on the real binary with demo data:
// intake (success, every error at once, a retried POST, who may receive), the
// list views against the calendar, search on the page and in the API (and that
// it reads the term index), an action and the 409 of a stale version.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "features/calendar/service.h"
#include "features/desk/repo.h"
#include "features/desk/rules.h"
#include "platform/db/db.h"
#include "platform/http/message.h"
#include "platform/time.h"
#include "tests/support/http_client.h"

namespace fg::testing {
namespace {

namespace json = boost::json;

class DeskPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_path_ = new std::string(TempPath("desk_pages.db"));
    server_ = new ServerProcess(*db_path_, {"--demo"});
    for (const char* role : {"admin", "leader", "desk", "specialist", "evaluator"})
      (*sessions_)[role] = Login(server_->port(), role, "demo");
    // A procedure of the demo province (3 working days, two documents) for these tests alone.
    auto r = Api("admin", "POST", "/api/v1/procedures",
                 {{"unit_code", "75"},
                  {"code", "T.PAGES"},
                  {"name", "Thủ tục thử trang một cửa"},
                  {"field", "Thử"},
                  {"limit_unit", "days"},
                  {"limit_amount", 3},
                  {"documents", json::array{{{"name", "Tờ khai"}, {"kind", "original"}},
                                            {{"name", "Giấy chứng sinh"}, {"kind", "copy"}}}},
                  {"steps", json::array{{{"name", "Tiếp nhận"}, {"handler", "Một cửa"}, {"hours", 4}},
                                        {{"name", "Thẩm định"}, {"handler", "Chuyên môn"}, {"hours", 8}}}}});
    procedure_ = json::parse(r.body).at("id").as_int64();
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
  // A dossier of the test procedure received at the demo ward through the API.
  static std::string Receive(const std::string& name, const std::string& phone = "") {
    auto r =
        Api("desk", "POST", "/api/v1/dossiers",
            {{"unit_code", "25270"}, {"procedure_id", procedure_}, {"applicant", {{"name", name}, {"phone", phone}}}});
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(json::parse(r.body).at("code").as_string());
  }
  static bool Has(const HttpResult& r, const std::string& s) { return r.body.find(s) != std::string::npos; }
  static std::string Location(const HttpResult& r) {
    auto it = r.headers.find("location");
    return it == r.headers.end() ? "" : it->second;
  }
  static std::string* db_path_;
  static ServerProcess* server_;
  static std::map<std::string, Session>* sessions_;
  static int64_t procedure_;
};
std::string* DeskPagesTest::db_path_ = nullptr;
ServerProcess* DeskPagesTest::server_ = nullptr;
std::map<std::string, Session>* DeskPagesTest::sessions_ = new std::map<std::string, Session>();
int64_t DeskPagesTest::procedure_ = 0;

std::vector<std::pair<std::string, std::string>> GoodIntake(int64_t procedure, const std::string& key) {
  return {{"procedure_id", std::to_string(procedure)},
          {"unit_code", "25270"},
          {"client_key", key},
          {"document", "1"},
          {"applicant.name", "Đặng Thị Ngọc Ánh"},
          {"applicant.id_number", "079123456789"},
          {"applicant.phone", "0912 345 678"},
          {"applicant.email", "anh.dang@example.vn"},
          {"applicant.address", "Khu phố 2, Phường Chơn Thành"},
          {"summary", "Đăng ký cho con"},
          {"return_method", "at_desk"}};
}

TEST_F(DeskPagesTest, IntakeReceivesAndOpensTheDossierWithABannerAndForm01) {
  // Step 1: the procedures that apply at the ward, found without diacritics.
  auto choose = Get("desk", "/desk/intake?q=thu+trang+mot+cua");
  ASSERT_EQ(choose.status, 200) << choose.body;
  EXPECT_TRUE(Has(choose, "/desk/intake?procedure=" + std::to_string(procedure_) + "&amp;unit=25270"));
  EXPECT_TRUE(Has(choose, "3 ngày làm việc"));
  // Step 2: the form with the time limit, the documents not ticked, a client key.
  auto form = Get("desk", "/desk/intake?procedure=" + std::to_string(procedure_));
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(Has(form, "Thủ tục thử trang một cửa"));
  EXPECT_TRUE(Has(form, "3 ngày làm việc"));
  EXPECT_TRUE(Has(form, "Giấy chứng sinh (bản sao, 1 bản)"));
  EXPECT_FALSE(Has(form, "checked"));
  const std::string key = InputValue(form.body, "client_key");
  EXPECT_GE(key.size(), 16u);

  auto posted = Post("desk", "/desk/intake", GoodIntake(procedure_, key));
  ASSERT_EQ(posted.status, 303) << posted.body;
  const std::string location = Location(posted);
  std::smatch m;
  ASSERT_TRUE(
      std::regex_match(location, m, std::regex("/desk/dossiers/(000\\.27\\.01\\.H75-\\d{6}-\\d{4,})\\?done=received")))
      << location;
  const std::string code = m[1];
  auto page = Get("desk", location);
  ASSERT_EQ(page.status, 200) << page.body;
  // The banner names the code and the due date (dd/mm/yyyy HH:MM); form 01 is one click away.
  EXPECT_TRUE(std::regex_search(page.body,
                                std::regex("Đã tiếp nhận hồ sơ " + std::regex_replace(code, std::regex("\\."), "\\.") +
                                           "\\. Hẹn trả kết quả lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\.")))
      << page.body;
  EXPECT_TRUE(Has(page, "href=\"/desk/dossiers/" + code + "/forms/01\">In giấy tiếp nhận (mẫu 01)"));
  EXPECT_TRUE(Has(page, "Giấy chứng sinh (bản sao, 1 bản)"));  // the ticked document only
  EXPECT_FALSE(Has(page, "Tờ khai (bản chính"));
  EXPECT_TRUE(Has(page, "Đặng Thị Ngọc Ánh"));
  EXPECT_TRUE(Has(page, "Được tiếp nhận"));
  EXPECT_TRUE(Has(page, "Lê Văn Một"));  // received by, and the assignee
  // Without ?done the banner and the call-out are gone.
  auto plain = Get("desk", "/desk/dossiers/" + code);
  EXPECT_FALSE(Has(plain, "Đã tiếp nhận hồ sơ"));
  EXPECT_FALSE(Has(plain, "id=\"print-receipt\""));
}

TEST_F(DeskPagesTest, IntakeShowsEveryErrorAtOnceAndKeepsWhatWasTyped) {
  auto form = Get("desk", "/desk/intake?procedure=" + std::to_string(procedure_));
  auto fields = GoodIntake(procedure_, InputValue(form.body, "client_key"));
  for (auto& [k, v] : fields) {
    if (k == "applicant.name") v = "";
    if (k == "applicant.id_number") v = "0791234";
    if (k == "applicant.phone") v = "gọi sau";
    if (k == "applicant.email") v = "anh@";
  }
  auto r = Post("desk", "/desk/intake", fields);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(Has(r, "<title>Lỗi: Tiếp nhận hồ sơ"));
  for (const char* id : {"applicant-name", "applicant-id_number", "applicant-phone", "applicant-email"}) {
    EXPECT_TRUE(Has(r, std::string("<a href=\"#") + id + "\">")) << id;
    EXPECT_TRUE(Has(r, std::string("id=\"") + id + "-error\"")) << id;
  }
  EXPECT_TRUE(Has(r, "Hãy nhập họ và tên người nộp."));
  EXPECT_TRUE(Has(r, "value=\"0791234\""));
  EXPECT_TRUE(Has(r, "value=\"anh@\""));
  EXPECT_TRUE(Has(r, "name=\"document\" value=\"1\" checked"));
  EXPECT_TRUE(Has(r, "name=\"client_key\" value=\"" + InputValue(form.body, "client_key") + "\""));
}

TEST_F(DeskPagesTest, ARetriedIntakeReturnsTheSameDossier) {
  auto fields = GoodIntake(procedure_, "retry-key-0001");
  for (auto& [k, v] : fields)
    if (k == "applicant.name") v = "Phan Văn Lặp";
  auto first = Post("desk", "/desk/intake", fields);
  auto second = Post("desk", "/desk/intake", fields);
  ASSERT_EQ(first.status, 303) << first.body;
  EXPECT_EQ(second.status, 303);
  EXPECT_EQ(Location(first), Location(second));
  auto found = json::parse(Api("desk", "GET", "/api/v1/dossiers?q=phan+van+lap").body);
  EXPECT_EQ(found.at("items").as_array().size(), 1u);
}

TEST_F(DeskPagesTest, OnlyThoseWhoReceiveGetTheIntakeForm) {
  for (const char* role : {"evaluator", "specialist"}) {
    EXPECT_EQ(Get(role, "/desk/intake").status, 403) << role;
    EXPECT_EQ(Get(role, "/desk/intake?procedure=" + std::to_string(procedure_)).status, 403) << role;
    EXPECT_EQ(Post(role, "/desk/intake", GoodIntake(procedure_, std::string("k-") + role)).status, 403) << role;
  }
  EXPECT_EQ(Get("evaluator", "/desk").status, 403);
  EXPECT_EQ(Get("evaluator", "/desk/dossiers").status, 403);
  EXPECT_FALSE(Has(Get("evaluator", "/dashboard"), "href=\"/desk\""));  // no "Một cửa" in the navigation
  auto desk_home = Get("specialist", "/desk");
  EXPECT_EQ(desk_home.status, 200);
  EXPECT_TRUE(Has(desk_home, "href=\"/desk\" aria-current=\"page\">Một cửa</a>"));
  EXPECT_FALSE(Has(desk_home, "href=\"/desk/intake\""));  // no form offered that they cannot submit
  EXPECT_TRUE(Has(Get("leader", "/desk/intake"), "Bước 1 trên 2"));
}

// The rows of the dossiers `codes` rewritten as the test needs (state, due, pause).
struct Row {
  std::string code;
  int state;
  SysSeconds due;
  std::optional<SysSeconds> paused_since;
};
void Rewrite(const std::string& db_path, const std::vector<Row>& rows) {
  static const db::Query kSet{
      "test_set_dossier", "UPDATE dossiers SET state = ?, due_at = ?, warning_at = ?, paused_since = ? WHERE code = ?"};
  auto db = db::OpenSqlite(db_path, {});
  db->write([&](db::Conn& c) {
    for (auto& r : rows)
      c.exec(kSet, {int64_t{r.state}, FormatUtc(r.due), FormatUtc(r.due),
                    r.paused_since ? db::Value(FormatUtc(*r.paused_since)) : db::Value(nullptr), r.code});
  });
  db->close();
}

TEST_F(DeskPagesTest, ListViewsJudgeDueSoonAndLateOnTheCalendar) {
  std::map<std::string, std::string> code;
  for (const char* n : {"late", "soon", "far", "paused_late", "paused_ok", "edge_in", "edge_out", "returned"})
    code[n] = Receive(std::string("Người xem ") + n);
  // The ward's calendar, as the server sees it: one working day from now.
  auto db = db::OpenSqlite(*db_path_, {});
  calendar::Service calendar(*db);
  const auto cal = calendar.View("25270").calendar;
  db->close();
  const SysSeconds now = Now();
  const int64_t pos = cal->Position(now), day = cal->SecondsPerDay();
  using std::chrono::hours;
  using std::chrono::minutes;
  Rewrite(*db_path_,
          {{code["late"], 4, now - hours(1), {}},
           {code["soon"], 2, now + minutes(2), {}},  // a running clock can spend at most 2 minutes of it by then
           {code["far"], 2, now + hours(24 * 40), {}},
           {code["paused_late"], 5, now - hours(3), now - hours(2)},  // stopped after it was due
           {code["paused_ok"], 5, now - hours(2), now - hours(3)},    // stopped before it was due
           // Just inside and just outside one working day (whatever the hour or the day of the week).
           {code["edge_in"], 4, cal->At(pos + day - 600, calendar::WorkCalendar::Edge::kEnd), {}},
           {code["edge_out"], 4, cal->At(pos + day + 600, calendar::WorkCalendar::Edge::kStart), {}},
           {code["returned"], 10, now - hours(48), {}}});
  const std::string filter = "&procedure=" + std::to_string(procedure_);
  auto shown = [&](const std::string& view) {
    auto r = Get("leader", "/desk/dossiers?view=" + view + filter);
    EXPECT_EQ(r.status, 200) << r.body;
    std::set<std::string> out;
    for (auto& [name, c] : code)
      if (Has(r, "href=\"/desk/dossiers/" + c + "\"")) out.insert(name);
    return out;
  };
  EXPECT_EQ(shown("late"), (std::set<std::string>{"late", "paused_late"}));
  EXPECT_EQ(shown("due_soon"), (std::set<std::string>{"soon", "edge_in"}));
  EXPECT_EQ(shown("all").size(), code.size());
  // The badges in the list say the same.
  auto all = Get("leader", "/desk/dossiers?view=all" + filter);
  const size_t at = all.body.find(code["late"]);
  ASSERT_NE(at, std::string::npos);
  const std::string row = all.body.substr(at, all.body.find("</tr>", at) - at);
  EXPECT_NE(row.find("badge-late"), std::string::npos) << row;
  // The desk home counts them (with the demo's own dossiers: at least these).
  auto home = Get("leader", "/desk");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(home.body, m, std::regex("id=\"count-late\">(\\d+)<")));
  EXPECT_GE(std::stoi(m[1]), 2);
}

TEST_F(DeskPagesTest, SearchFindsByNamePhoneOrCodeThroughTheIndex) {
  const std::string code = Receive("Võ Thị Tường Vi", "0987 111 555");
  const std::string other = Receive("Võ Văn Tường", "0987 111 666");
  auto list = [&](const std::string& q) { return Get("desk", "/desk/dossiers?view=all&q=" + http::UrlEncode(q)); };
  for (const char* q :
       {"vo thi tuong vi", "VÕ THỊ TƯỜNG VI", "tuong vi", "111555", "0987 111 555", "+84 987 111 555"}) {
    auto r = list(q);
    EXPECT_EQ(r.status, 200) << q;
    EXPECT_TRUE(Has(r, "href=\"/desk/dossiers/" + code + "\"")) << q;
    EXPECT_FALSE(Has(r, "href=\"/desk/dossiers/" + other + "\"")) << q;
  }
  EXPECT_TRUE(Has(list(code), "href=\"/desk/dossiers/" + code + "\""));
  EXPECT_TRUE(Has(list("vo tuong"), "href=\"/desk/dossiers/" + other + "\""));
  auto bad = list("55");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Has(bad, "<a href=\"#q\">"));
  // The API: the same search, and a problem naming q.
  auto api = json::parse(Api("desk", "GET", "/api/v1/dossiers?q=tuong+vi").body);
  ASSERT_EQ(api.at("items").as_array().size(), 1u);
  EXPECT_EQ(api.at("items").at(0).at("code").as_string(), code);
  auto due = Api("desk", "GET", "/api/v1/dossiers?q=555&view=all");
  EXPECT_EQ(due.status, 400);
  EXPECT_EQ(json::parse(due.body).at("errors").at(0).at("field").as_string(), "q");
  EXPECT_EQ(Api("desk", "GET", "/api/v1/dossiers?view=soon").status, 400);
  // SQLite's plan for these searches reads the terms' index and the dossiers by id: no scan.
  auto db = db::OpenSqlite(*db_path_, {});
  for (const char* q : {"vo thi tuong vi", "111555"}) {
    const auto plan = db->read([&](db::Conn& c) { return desk::repo::SearchPlan(c, "/", *desk::PlanSearch(q)); });
    std::string text;
    for (auto& line : plan) text += line + "\n";
    EXPECT_NE(text.find("USING COVERING INDEX sqlite_autoindex_dossier_terms_1"), std::string::npos) << text;
    EXPECT_EQ(text.find("SCAN "), std::string::npos) << text;
  }
  db->close();
}

TEST_F(DeskPagesTest, AnActionIsAFormAndAStaleVersionIsAClear409) {
  const std::string code = Receive("Bùi Văn Chuyển");
  const std::string base = "/desk/dossiers/" + code;
  auto page = Get("desk", base);
  EXPECT_TRUE(Has(page, "href=\"" + base + "/actions/transfer\""));
  EXPECT_FALSE(Has(page, "href=\"" + base + "/actions/return\""));  // nothing is ready to return
  auto form = Get("desk", base + "/actions/transfer");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_EQ(InputValue(form.body, "version"), "1");
  EXPECT_TRUE(Has(form, "Phạm Thị Chuyên"));  // officials of the ward
  EXPECT_TRUE(Has(form, "Bước 2: Thẩm định (Chuyên môn)"));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(form.body, m, std::regex("<option value=\"(\\d+)\" >Phạm Thị Chuyên")));
  const std::string specialist = m[1];
  // A refused input comes back with its message; nothing changed.
  auto missing = Post("desk", base + "/actions/transfer", {{"version", "1"}, {"step", "1"}, {"to_official", ""}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_TRUE(Has(missing, "id=\"to_official-error\""));
  auto done = Post("desk", base + "/actions/transfer", {{"version", "1"}, {"step", "1"}, {"to_official", specialist}});
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(Location(done), base + "?done=transfer");
  auto after = Get("desk", Location(done));
  EXPECT_TRUE(Has(after, "Đã chuyển hồ sơ " + code + " cho Phạm Thị Chuyên.")) << after.body;
  EXPECT_TRUE(Has(after, "Đang xử lý"));
  // Another official still holding version 1: refused with a clear page, nothing changed.
  auto stale = Post("leader", base + "/actions/refuse", {{"version", "1"}, {"reason", "Không đủ điều kiện"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(Has(stale, "Hồ sơ vừa được người khác cập nhật")) << stale.body;
  EXPECT_TRUE(Has(stale, "href=\"" + base + "\""));
  EXPECT_TRUE(Has(Get("desk", base), "Đang xử lý"));
  // An action the state no longer allows: a 409 page, not a form.
  auto not_now = Get("desk", base + "/actions/return");
  EXPECT_EQ(not_now.status, 409);
  EXPECT_FALSE(Has(not_now, "name=\"version\""));
  EXPECT_EQ(Get("desk", base + "/actions/fly").status, 404);
  EXPECT_EQ(Get("evaluator", base + "/actions/transfer").status, 403);
}

}  // namespace
}  // namespace fg::testing
