// The authorisation matrix (tests/authz/matrix.json): every route of the
// server x every caller (anonymous, each demo role by session, the admin's API
// token) x a target inside and outside the caller's subtree, against the real
// server. A route without an entry, or an entry without a route, fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "features/public/announcements.h"
#include "features/registry.h"
#include "platform/source_dir.h"
#include "platform/time.h"
#include "tests/support/http_client.h"
#include "tests/support/routes.h"
#include "tests/support/test_db.h"

namespace fg::testing {
namespace {

namespace json = boost::json;

using Vars = std::map<std::string, std::string>;

// The callers in the order their cells run: administrators last, so that what
// they change (a deleted grant, a created unit) cannot turn another caller's
// refusal into a 404 or 409.
const char* const kCallers[] = {"anonymous", "evaluator", "specialist", "desk", "leader", "token", "admin"};

json::value LoadMatrix() {
  std::ifstream in(std::string(FG_SOURCE_DIR) + "/tests/authz/matrix.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

std::string RouteKey(const std::string& method, const std::string& pattern) { return method + " " + pattern; }

std::vector<std::string> Segments(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    out.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

// Whether `path` (before the query) is one of `pattern`'s paths.
bool PathMatches(const std::string& pattern, const std::string& path) {
  auto p = Segments(pattern), s = Segments(path.substr(0, path.find('?')));
  if (p.size() != s.size()) return false;
  for (size_t i = 0; i < p.size(); ++i)
    if (p[i].front() != '{' && p[i] != s[i]) return false;
  return true;
}

bool HasVars(const json::value& v) {
  if (v.is_string()) return std::string_view(v.as_string()).find("${") != std::string_view::npos;
  if (v.is_object())
    for (auto& [k, x] : v.as_object())
      if (HasVars(x)) return true;
  if (v.is_array())
    for (auto& x : v.as_array())
      if (HasVars(x)) return true;
  return false;
}

std::string Substitute(std::string s, const Vars& vars) {
  for (auto& [name, value] : vars) {
    const std::string key = "${" + name + "}";
    for (size_t at; (at = s.find(key)) != std::string::npos;) s.replace(at, key.size(), value);
  }
  return s;
}

// Strings substituted; {"$number": "${name}"} becomes that variable as a number.
json::value Substitute(const json::value& v, const Vars& vars) {
  if (v.is_string()) return json::value(Substitute(std::string(v.as_string()), vars));
  if (v.is_object() && v.as_object().size() == 1 && v.as_object().contains("$number"))
    return std::stoll(Substitute(std::string(v.at("$number").as_string()), vars));
  if (v.is_object()) {
    json::object o;
    for (auto& [k, x] : v.as_object()) o[k] = Substitute(x, vars);
    return o;
  }
  if (v.is_array()) {
    json::array a;
    for (auto& x : v.as_array()) a.push_back(Substitute(x, vars));
    return a;
  }
  return v;
}

std::string FormBody(const json::object& fields, const std::string& csrf) {
  std::string body = "csrf_token=" + http::UrlEncode(csrf);
  for (auto& [k, v] : fields)
    body += "&" + http::UrlEncode(k) + "=" +
            http::UrlEncode(v.is_string() ? std::string(v.as_string()) : json::serialize(v));
  return body;
}

// "allow": authorisation passed (2xx, 3xx, a 4xx other than 401/403); "deny":
// 401, 403 or a page's redirect to the login form; anything else is reported as is.
std::string Classify(const HttpResult& r) {
  if (r.status == 401 || r.status == 403) return "deny";
  if (r.status >= 300 && r.status < 400) {
    auto it = r.headers.find("location");
    if (it != r.headers.end() && it->second.rfind("/dang-nhap?next=", 0) == 0) return "deny";
  }
  if (r.status >= 200 && r.status < 500 && r.status != 429) return "allow";
  return "status " + std::to_string(r.status);
}

struct Caller {
  std::string name;
  Session session;             // cookie and CSRF token of a logged-in role
  std::string bearer;          // the API token
  std::string anonymous_csrf;  // the double-submit cookie of an anonymous form
};

HttpResult Send(int port, const Caller& c, const std::string& method, const std::string& path, bool is_api,
                const json::value* body) {
  std::vector<std::pair<std::string, std::string>> headers;
  std::string payload;
  if (!c.session.cookie.empty()) headers.emplace_back("Cookie", c.session.cookie);
  if (!c.bearer.empty()) headers.emplace_back("Authorization", "Bearer " + c.bearer);
  if (!c.anonymous_csrf.empty()) headers.emplace_back("Cookie", "fg_csrf=" + c.anonymous_csrf);
  if (method != "GET") {
    if (is_api) {
      if (!c.session.csrf.empty()) headers.emplace_back("X-CSRF-Token", c.session.csrf);
      if (body && body->is_string()) {
        payload = std::string(body->as_string());
        headers.emplace_back("Content-Type", "text/csv; charset=utf-8");
      } else if (body) {
        payload = json::serialize(*body);
        headers.emplace_back("Content-Type", "application/json");
      }
    } else {
      const std::string csrf = !c.session.csrf.empty() ? c.session.csrf : c.anonymous_csrf;
      payload = FormBody(body ? body->as_object() : json::object(), csrf);
      headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    }
  }
  return Request(port, method, path, payload, headers);
}

// The variables of the targets inside (a ward of the demo province) and outside
// (a ward of province 77) every caller's subtree.
struct Targets {
  Vars inside{{"unit", "25270"}, {"province", "75"}};
  Vars outside{{"unit", "26560"}, {"province", "77"}};
};

// Province 77 with a ward, and an official there with a desk grant and a token,
// written as the system principal before the server starts (as the CLI would).
void AddOutsideTree(const std::string& db_path, Vars& outside) {
  auth::InitCrypto();
  render::LoadMessages(FG_SOURCE_DIR);
  auto db = db::OpenSqlite(db_path, {});
  db::Migrate(*db, std::string(FG_SOURCE_DIR) + "/platform/db/migrations");
  {
    org::Service org(*db);
    accounts::Service accounts(*db, false);
    auto sys = org::SystemPrincipal();
    org.ImportCsv(sys,
                  "code,name,level,parent_code,valid_from,valid_to\n"
                  "77,Tỉnh Ngoài,province,,1976-01-01,\n"
                  "26560,Phường Chơn Thành,ward,77,2025-07-01,\n");
    auto o = org.CreateOfficial(
        sys, {"matrix.outsider", "Công chức thử", "26560", "", "", "", "matrix-password-0", true}, {{"desk", "26560"}});
    outside["official"] = std::to_string(o.id);
    outside["grant"] = std::to_string(o.grants.at(0).id);
    outside["token"] = std::to_string(accounts.CreateToken(sys, o.id, "matrix").first.id);
    calendar::Service calendar(*db);
    desk::Service desk(*db, calendar);
    desk::ProcedureInput pin;
    pin.unit_code = "77";
    pin.code = "M.77";
    pin.name = "Thủ tục ngoài";
    pin.field = "Thử";
    pin.limit_unit = "days";
    pin.limit_amount = 3;
    const auto proc = desk.CreateProcedure(sys, pin);
    outside["procedure"] = std::to_string(proc.id);
    desk::IntakeInput in;
    in.procedure_id = proc.id;
    in.unit_code = "26560";
    in.applicant.name = "Người ngoài";
    outside["dossier"] = desk.Receive(sys, in).detail.dossier.code;
    letters::Service letters(*db);
    letters::LetterInput letter;
    letter.unit_code = "26560";
    letter.type = "thanks";
    letter.recipient_name = "Người ngoài";
    outside["letter"] = std::to_string(letters.Create(sys, letter).id);
    pub::Announcements announcements(*db);
    pub::AnnouncementInput a;
    a.unit_code = "26560";
    a.title = "Thông báo ngoài";
    a.body = "Nội dung ngoài.";
    a.starts_on = a.ends_on = TodayLocalIso();
    a.times = "06:30";
    outside["announcement"] = std::to_string(announcements.Create(sys, a).id);
    outside["controller"] =
        std::to_string(announcements.RegisterController(sys, "26560", "Loa ngoài", "Ấp 1").first.id);
  }
  db->close();
}

json::value ApiCall(int port, const Session& s, const std::string& method, const std::string& path,
                    const json::value& body, int want_status) {
  auto r = Request(port, method, path, body.is_null() ? "" : json::serialize(body),
                   {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}});
  if (r.status != want_status)
    throw std::runtime_error(method + " " + path + ": " + std::to_string(r.status) + " " + r.body);
  return json::parse(r.body);
}

TEST(AuthzMatrix, EveryRouteHasAnEntry) {
  std::set<std::string> registered;
  for (auto& r : RegisteredRoutes()) registered.insert(RouteKey(r.method, r.pattern));
  const json::value matrix = LoadMatrix();
  std::set<std::string> listed;
  for (auto& e : matrix.at("routes").as_array()) {
    std::string route(e.at("route").as_string());
    EXPECT_TRUE(listed.insert(route).second) << route << " is listed twice in tests/authz/matrix.json";
    EXPECT_TRUE(registered.count(route)) << route << " is in tests/authz/matrix.json but not registered";
  }
  for (auto& r : registered)
    EXPECT_TRUE(listed.count(r)) << r << " has no entry in tests/authz/matrix.json: add one (see CONTRIBUTING.md)";
}

TEST(AuthzMatrix, EveryCellAllowsOrDeniesAsListed) {
  const json::value matrix = LoadMatrix();
  std::map<std::string, bool> is_api;  // by route key
  for (auto& r : RegisteredRoutes()) is_api[RouteKey(r.method, r.pattern)] = r.is_api;

  Targets targets;
  const std::string db_path = TempPath("authz_matrix.db");
  AddOutsideTree(db_path, targets.outside);
  // Every anonymous cell comes from one address within a minute or two: more
  // than the per-address limit (600 a minute, tested in server_test), whose
  // 429 would hide the answer under test.
  ServerProcess server(db_path, {"--demo"}, {{"FRIENDLYGOV_ANONYMOUS_REQUESTS_PER_MINUTE", "0"}});
  const int port = server.port();

  std::map<std::string, Caller> callers;
  callers["anonymous"] = {"anonymous", {}, "", CookieFrom(Request(port, "GET", "/dang-nhap"), "fg_csrf")};
  ASSERT_FALSE(callers["anonymous"].anonymous_csrf.empty());
  for (const char* role : {"admin", "leader", "desk", "specialist", "evaluator"}) {
    Session s = Login(port, role, "demo");
    ASSERT_FALSE(s.cookie.empty()) << role << " cannot log in";
    callers[role] = {role, s, "", ""};
  }
  const Session& admin = callers["admin"].session;
  const auto admin_id = ApiCall(port, admin, "GET", "/api/v1/me", nullptr, 200).at("id").as_int64();
  callers["token"] = {"token", {}, "", ""};
  callers["token"].bearer =
      std::string(ApiCall(port, admin, "POST", "/api/v1/tokens", {{"official_id", admin_id}, {"name", "matrix"}}, 201)
                      .at("token")
                      .as_string());
  // The official inside: a desk grant on the ward, and a token.
  auto insider = ApiCall(port, admin, "POST", "/api/v1/officials",
                         {{"username", "matrix.insider"},
                          {"full_name", "Công chức thử"},
                          {"unit_code", "25270"},
                          {"password", "matrix-password-1"},
                          {"roles", json::array{{{"role", "desk"}, {"unit_code", "25270"}}}}},
                         201);
  const auto insider_id = insider.at("id").as_int64();
  targets.inside["official"] = std::to_string(insider_id);
  targets.inside["grant"] = std::to_string(insider.at("roles").at(0).at("id").as_int64());
  targets.inside["token"] = std::to_string(
      ApiCall(port, admin, "POST", "/api/v1/tokens", {{"official_id", insider_id}, {"name", "matrix"}}, 201)
          .at("id")
          .as_int64());

  // A procedure of the demo province, that applies at the ward, and a dossier received there.
  const auto procedure_id = ApiCall(port, admin, "POST", "/api/v1/procedures",
                                    {{"unit_code", "75"},
                                     {"code", "M.75"},
                                     {"name", "Thủ tục thử"},
                                     {"field", "Thử"},
                                     {"limit_unit", "days"},
                                     {"limit_amount", 3}},
                                    201)
                                .at("id")
                                .as_int64();
  targets.inside["procedure"] = std::to_string(procedure_id);
  targets.inside["dossier"] = std::string(
      ApiCall(port, admin, "POST", "/api/v1/dossiers",
              {{"unit_code", "25270"}, {"procedure_id", procedure_id}, {"applicant", {{"name", "Người thử"}}}}, 201)
          .at("code")
          .as_string());

  // A draft letter of the ward.
  targets.inside["letter"] =
      std::to_string(ApiCall(port, admin, "POST", "/api/v1/letters",
                             {{"unit_code", "25270"}, {"type", "thanks"}, {"recipient_name", "Người thử"}}, 201)
                         .at("id")
                         .as_int64());

  // The demo's announcement of the ward, and a loudspeaker controller registered there.
  {
    std::smatch m;
    const std::string page = Request(port, "GET", "/xa/25270/thong-bao").body;
    ASSERT_TRUE(std::regex_search(page, m, std::regex("/xa/25270/thong-bao/(\\d+)\\.wav")));
    targets.inside["announcement"] = m[1];
    const std::string answer =
        Request(port, "POST", "/desk/announcements/controllers?unit=25270",
                "csrf_token=" + admin.csrf + "&controller_name=Loa+th%E1%BB%AD&hamlets=%E1%BA%A4p+1",
                {{"Cookie", admin.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}})
            .body;
    ASSERT_TRUE(std::regex_search(answer, m, std::regex("/desk/announcements/controllers/(\\d+)/revoke")));
    targets.inside["controller"] = m[1];
  }

  // Entries marked "last" (logging out) run after the others.
  std::vector<const json::object*> entries;
  for (auto& e : matrix.at("routes").as_array())
    if (!e.as_object().contains("last")) entries.push_back(&e.as_object());
  for (auto& e : matrix.at("routes").as_array())
    if (e.as_object().contains("last")) entries.push_back(&e.as_object());

  std::string failures, known;
  int cells = 0;
  for (const json::object* e : entries) {
    const std::string route(e->at("route").as_string());
    const std::string method = route.substr(0, route.find(' '));
    const std::string pattern = route.substr(route.find(' ') + 1);
    if (!is_api.count(route)) continue;  // reported by EveryRouteHasAnEntry
    const std::string path(e->at("path").as_string());
    const json::value* body = e->if_contains("body");
    const bool targeted = HasVars(e->at("path")) || (body && HasVars(*body));
    const auto& expect = e->at("expect").as_object();

    for (const char* caller : kCallers) {
      const json::value* cell = expect.if_contains(caller);
      if (!cell) {
        failures += route + ": no expectation for " + caller + "\n";
        continue;
      }
      std::string want(cell->is_object() ? cell->at("expect").as_string() : cell->as_string());
      const json::value* bug = cell->is_object() ? cell->as_object().if_contains("known_bug") : nullptr;
      if (!targeted && want != "allow" && want != "deny") {
        failures += route + ": " + caller + " expects '" + want + "' but the entry names no target\n";
        continue;
      }
      std::vector<std::pair<std::string, const Vars*>> runs;
      if (targeted)
        runs = {{"inside", &targets.inside}, {"outside", &targets.outside}};
      else
        runs = {{"", &targets.inside}};
      for (auto& [where, vars] : runs) {
        const std::string target = Substitute(path, *vars);
        if (!PathMatches(pattern, target)) {
          failures += route + ": path " + target + " does not match the route\n";
          continue;
        }
        const json::value sent = body ? Substitute(*body, *vars) : json::value();
        auto r = Send(port, callers[caller], method, target, is_api[route], body ? &sent : nullptr);
        ++cells;
        const std::string expected = want == "inside" ? (where == "inside" ? "allow" : "deny") : want;
        const std::string got = Classify(r);
        if (got == expected) {
          if (bug)
            failures += route + " | " + caller + " " + where + " | marked known_bug but " + got + ": remove the mark\n";
          continue;
        }
        std::string line = route + " | " + caller + (where.empty() ? "" : " " + where) + " | expected " + expected +
                           ", got " + got + " (" + std::to_string(r.status) + " " + method + " " + target + ": " +
                           r.body.substr(0, 160) + ")\n";
        if (bug)
          known += line.substr(0, line.size() - 1) + ": known bug: " + std::string(bug->as_string()) + "\n";
        else
          failures += line;
      }
    }
  }
  if (!known.empty()) std::cout << "Known authorisation bugs (tests/authz/matrix.json):\n" << known;
  EXPECT_GT(cells, 0);
  EXPECT_TRUE(failures.empty()) << "Authorisation matrix mismatches (route | caller target | outcome), " << cells
                                << " cells:\n"
                                << failures;
  server.stop();
}

}  // namespace
}  // namespace fg::testing
