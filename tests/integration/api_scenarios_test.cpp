// Runs every tests/api/*.json scenario against a fresh server: adding an API
// case is adding a file. A step is {"login": user} | {"logout": true} |
// {"request": {method, path, body?, body_text?, headers?}, "expect": {status, json?: {pointer: value},
//  absent?: [pointer], contains?: [text]}, "save"?: {name: pointer}}; "{name}" in paths, headers and bodies
// is replaced by saved values. `body_text` is sent as it is (a CSV file, say) under the Content-Type
// of `headers` (application/json when none); `contains` checks a text answer.
#include <gtest/gtest.h>

#include "platform/time.h"

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "platform/source_dir.h"
#include "tests/support/http_client.h"

namespace fg::testing {
namespace {

std::string Substitute(std::string s, const std::map<std::string, std::string>& vars) {
  for (auto& [k, v] : vars) {
    for (std::string quoted = "\"{" + k + "}\""; s.find(quoted) != std::string::npos;)
      s.replace(s.find(quoted), quoted.size(),
                v.find_first_not_of("0123456789") == std::string::npos ? v : "\"" + v + "\"");
    for (std::string ph = "{" + k + "}"; s.find(ph) != std::string::npos;) s.replace(s.find(ph), ph.size(), v);
  }
  return s;
}

class ApiScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(ApiScenario, Runs) {
  std::ifstream in(GetParam());
  std::stringstream ss;
  ss << in.rdbuf();
  auto doc = boost::json::parse(ss.str()).as_object();
  ServerProcess server(TempPath(std::filesystem::path(GetParam()).stem().string() + ".db"), {"--demo"});
  Session session;
  // {yesterday}: a local date (UTC+7) in the past, for dates a scenario needs behind it.
  std::map<std::string, std::string> vars{{"yesterday", FormatIsoDate(ToLocal(Now()).date - std::chrono::days(1))}};
  int n = 0;
  for (auto& step_v : doc.at("steps").as_array()) {
    auto& step = step_v.as_object();
    SCOPED_TRACE("step " + std::to_string(++n) + ": " + boost::json::serialize(step));
    if (step.contains("login")) {
      session = Login(server.port(), std::string(step.at("login").as_string()), "demo");
      ASSERT_FALSE(session.cookie.empty());
      continue;
    }
    if (step.contains("logout")) {
      session = {};
      continue;
    }
    auto& req = step.at("request").as_object();
    std::vector<std::pair<std::string, std::string>> headers;
    if (!req.contains("headers") || !req.at("headers").as_object().contains("Content-Type"))
      headers.emplace_back("Content-Type", "application/json");
    if (!session.cookie.empty()) {
      headers.emplace_back("Cookie", session.cookie);
      headers.emplace_back("X-CSRF-Token", session.csrf);
    }
    if (req.contains("headers"))
      for (auto& [k, v] : req.at("headers").as_object())
        headers.emplace_back(std::string(k), Substitute(std::string(v.as_string()), vars));
    std::string body = req.contains("body_text") ? Substitute(std::string(req.at("body_text").as_string()), vars)
                       : req.contains("body")    ? Substitute(boost::json::serialize(req.at("body")), vars)
                                                 : "";
    auto r = Request(server.port(), std::string(req.at("method").as_string()),
                     Substitute(std::string(req.at("path").as_string()), vars), body, headers);
    auto& expect = step.at("expect").as_object();
    EXPECT_EQ(r.status, expect.at("status").as_int64()) << r.body;
    if (r.status >= 400) EXPECT_EQ(r.headers["content-type"], "application/problem+json");
    boost::json::value got;
    if (!r.body.empty() && (r.body.front() == '{' || r.body.front() == '[')) got = boost::json::parse(r.body);
    if (expect.contains("json"))
      for (auto& [ptr, want] : expect.at("json").as_object()) {
        boost::system::error_code ec;
        auto* at = got.find_pointer(ptr, ec);
        ASSERT_NE(at, nullptr) << "no " << ptr << " in " << r.body;
        EXPECT_EQ(*at, want) << ptr << " in " << r.body;
      }
    if (expect.contains("contains"))
      for (auto& text : expect.at("contains").as_array())
        EXPECT_NE(r.body.find(std::string(text.as_string())), std::string::npos) << text << " not in " << r.body;
    if (expect.contains("absent"))
      for (auto& ptr : expect.at("absent").as_array()) {
        boost::system::error_code ec;
        EXPECT_EQ(got.find_pointer(ptr.as_string(), ec), nullptr) << ptr << " present in " << r.body;
      }
    if (step.contains("save"))
      for (auto& [name, ptr] : step.at("save").as_object()) {
        auto& v = got.at_pointer(std::string(ptr.as_string()));
        vars[std::string(name)] = v.is_string() ? std::string(v.as_string()) : boost::json::serialize(v);
      }
  }
}

std::vector<std::string> Scenarios() {
  std::vector<std::string> out;
  for (auto& e : std::filesystem::directory_iterator(std::string(FG_SOURCE_DIR) + "/tests/api"))
    if (e.path().extension() == ".json") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Files, ApiScenario, ::testing::ValuesIn(Scenarios()),
                         [](const auto& info) { return std::filesystem::path(info.param).stem().string(); });

}  // namespace
}  // namespace fg::testing
