// Operations: /metrics behind a token, Secure cookies behind TLS, and the
// event chain's head exported and checked with the command-line tools.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <boost/json.hpp>

#include "platform/db/db.h"
#include "platform/source_dir.h"
#include "tests/support/http_client.h"
#include "tests/support/routes.h"

namespace fg::testing {
namespace {

// Runs the binary with `args` on the database; returns (exit code, output).
std::pair<int, std::string> Cli(const std::string& db_path, const std::string& args) {
  std::string cmd = std::string("ASAN_OPTIONS=detect_leaks=0 ") + FG_BINARY + " --database sqlite:" + db_path +
                    " --assets-dir " + FG_SOURCE_DIR + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[512];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = pclose(p);
  return {WEXITSTATUS(status), out};
}

// `friendlygov routes` (what the e2e page walks enumerate) prints the route table.
TEST(Ops, RoutesCommandPrintsEveryRoute) {
  auto [code, out] = Cli(TempPath("routes.db"), "routes");
  ASSERT_EQ(code, 0) << out;
  std::vector<std::string> printed;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] != '{') continue;
    auto o = boost::json::parse(line).as_object();
    printed.push_back(std::string(o.at("method").as_string()) + " " + std::string(o.at("pattern").as_string()) + " " +
                      std::string(o.at("access").as_string()) + (o.at("is_api").as_bool() ? " api" : " page"));
  }
  std::vector<std::string> registered;
  for (const auto& r : RegisteredRoutes())
    registered.push_back(r.method + " " + r.pattern + " " + http::AccessName(r.access) + (r.is_api ? " api" : " page"));
  EXPECT_EQ(printed, registered);
}

TEST(Ops, MetricsNeedTheTokenWhenOneIsConfigured) {
  ServerProcess server(TempPath("metrics.db"), {}, {{"FRIENDLYGOV_METRICS_TOKEN", "metrics-secret-0123456789"}});
  auto anonymous = Request(server.port(), "GET", "/metrics");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.body.find("friendlygov_http_requests_total"), std::string::npos);
  EXPECT_EQ(Request(server.port(), "GET", "/metrics", "", {{"Authorization", "Bearer wrong-token-0123456789"}}).status,
            401);
  auto ok = Request(server.port(), "GET", "/metrics", "", {{"Authorization", "Bearer metrics-secret-0123456789"}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_NE(ok.body.find("friendlygov_http_requests_total"), std::string::npos);
}

TEST(Ops, CookiesAreSecureBehindTls) {
  ServerProcess plain(TempPath("cookie1.db"), {});
  EXPECT_EQ(Request(plain.port(), "GET", "/dang-nhap").headers["set-cookie"].find("Secure"), std::string::npos);
  ServerProcess tls(TempPath("cookie2.db"), {}, {{"FRIENDLYGOV_COOKIE_SECURE", "true"}});
  EXPECT_NE(Request(tls.port(), "GET", "/dang-nhap").headers["set-cookie"].find("; Secure"), std::string::npos);
}

// A head exported for safe keeping detects a history cut back, and a seal key
// detects a history rewritten by someone without it.
TEST(Ops, ExportedHeadAndSealKeyCatchARewrittenHistory) {
  const std::string path = TempPath("head.db");
  const std::string key = TempPath("event.key");
  std::remove(key.c_str());
  auto made = Cli(path, "new-event-key " + key);
  ASSERT_EQ(made.first, 0) << made.second;
  { ServerProcess seeded(path, {"--demo"}, {{"FRIENDLYGOV_EVENT_KEY_FILE", key}}); }
  auto head = Cli(path, "export-head");
  ASSERT_EQ(head.first, 0) << head.second;
  const std::string head_file = TempPath("head.json");
  std::ofstream(head_file) << head.second.substr(head.second.find('{'));
  auto ok = Cli(path, "verify-events --head " + head_file);
  EXPECT_EQ(ok.first, 0) << ok.second;
  const std::string junk_file = TempPath("junk-head.json");
  std::ofstream(junk_file) << "{\"seq\": \"x\", \"hash\": \"y\"}";
  auto junk = Cli(path, "verify-events --head " + junk_file);
  EXPECT_EQ(junk.first, 1) << junk.second;
  EXPECT_NE(junk.second.find("not a head written by export-head"), std::string::npos) << junk.second;

  // Someone with write access cuts the last events and moves the head back.
  auto db = db::OpenSqlite(path, {});
  db->write([](db::Conn& c) {
    c.exec_script("DELETE FROM events WHERE seq > (SELECT max(seq) - 2 FROM events)");
    c.exec_script(
        "UPDATE event_head SET seq = (SELECT max(seq) FROM events), "
        "hash = (SELECT hash FROM events WHERE seq = (SELECT max(seq) FROM events))");
  });
  db->close();
  auto cut = Cli(path, "verify-events --head " + head_file);
  EXPECT_EQ(cut.first, 1) << cut.second;
  EXPECT_NE(cut.second.find("no longer in the chain"), std::string::npos) << cut.second;
  auto with_key = Cli(path, "verify-events");
  EXPECT_EQ(with_key.first, 0) << "without the key the cut chain still looks whole: " << with_key.second;
  setenv("FRIENDLYGOV_EVENT_KEY_FILE", key.c_str(), 1);
  auto signed_check = Cli(path, "verify-events");
  unsetenv("FRIENDLYGOV_EVENT_KEY_FILE");
  EXPECT_EQ(signed_check.first, 1) << signed_check.second;
  EXPECT_NE(signed_check.second.find("signature"), std::string::npos) << signed_check.second;
}

}  // namespace
}  // namespace fg::testing
