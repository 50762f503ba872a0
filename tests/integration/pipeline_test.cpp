// The request pipeline under load, against the real binary: writes that wait
// do not hold up health checks and static files; overload is answered with
// 503 and Retry-After, never a hang; only the assets folder is ever served.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <thread>

#include "platform/db/db.h"
#include "tests/support/http_client.h"
#include "tests/support/stored.h"

namespace fg::testing {
namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::pair<std::string, std::string>> Api(const Session& s) {
  return {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}};
}

std::string UnitBody(const std::string& code) {
  return R"({"code":")" + code + R"(","name":"Xã Thử","level":"commune","parent_code":"75"})";
}

// Writers hammer the API for a bounded time while a prober times /healthz and
// a static file.
TEST(Pipeline, HealthAndStaticFilesAnswerDuringAWriteStorm) {
  ServerProcess server(TempPath("storm.db"), {"--demo"});
  auto admin = Login(server.port(), "admin", "demo");
  ASSERT_FALSE(admin.cookie.empty());
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::vector<std::thread> writers;
  for (int t = 0; t < 24; ++t)
    writers.emplace_back([&, t] {
      for (int i = 0; !stop && i < 2000; ++i) {
        auto r = Request(server.port(), "POST", "/api/v1/units",
                         UnitBody("W" + std::to_string(t) + "-" + std::to_string(i)), Api(admin));
        if (r.status == 201) ++written;
      }
    });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the storm is on
  std::vector<double> health_ms, static_ms;
  for (int i = 0; i < 40; ++i) {
    auto t0 = Clock::now();
    auto h = Request(server.port(), "GET", "/healthz");
    auto t1 = Clock::now();
    auto s = Request(server.port(), "GET", "/static/site.css");
    auto t2 = Clock::now();
    EXPECT_EQ(h.status, 200);
    EXPECT_EQ(s.status, 200);
    health_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    static_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  stop = true;
  for (auto& w : writers) w.join();
  EXPECT_GT(written.load(), 100) << "the storm did not write";
  std::sort(health_ms.begin(), health_ms.end());
  std::sort(static_ms.begin(), static_ms.end());
  // Were they queued behind the writes, every probe would wait for them. The
  // median says whether they are; the slowest only that none hung (other
  // tests share the cores: ctest runs two at once).
  EXPECT_LT(health_ms[health_ms.size() / 2], 100.0) << "median /healthz during the storm";
  EXPECT_LT(static_ms[static_ms.size() / 2], 100.0) << "median static file during the storm";
  EXPECT_LT(health_ms.back(), 1000.0) << "slowest /healthz during the storm";
  EXPECT_LT(static_ms.back(), 1000.0) << "slowest static file during the storm";
}

// With room for two requests in flight, a crowd gets 503 + Retry-After for
// the rest, every request is answered, and every acknowledged write is stored.
TEST(Pipeline, OverloadAnswers503WithRetryAfterAndLosesNothing) {
  std::string path = TempPath("overload.db");
  std::mutex mu;
  std::vector<std::string> acknowledged;
  std::atomic<int> overloaded{0}, other{0}, retry_after_ok{0};
  {
    ServerProcess server(path, {"--demo"}, {{"FRIENDLYGOV_MAX_IN_FLIGHT", "2"}});
    auto admin = Login(server.port(), "admin", "demo");
    ASSERT_FALSE(admin.cookie.empty());
    std::vector<std::thread> clients;
    for (int t = 0; t < 16; ++t)
      clients.emplace_back([&, t] {
        for (int i = 0; i < 40; ++i) {
          std::string code = "O" + std::to_string(t) + "-" + std::to_string(i);
          auto r = Request(server.port(), "POST", "/api/v1/units", UnitBody(code), Api(admin));
          if (r.status == 201) {
            std::lock_guard lk(mu);
            acknowledged.push_back(code);
          } else if (r.status == 503) {
            ++overloaded;
            if (r.headers["retry-after"] == "1" && r.headers["content-type"] == "application/problem+json" &&
                r.body.find("\"status\":503") != std::string::npos)
              ++retry_after_ok;
          } else {
            ++other;
          }
        }
      });
    for (auto& c : clients) c.join();
    // The health check is not counted against the cap.
    EXPECT_EQ(Request(server.port(), "GET", "/healthz").status, 200);
  }
  EXPECT_GT(overloaded.load(), 0) << "16 concurrent writers never exceeded 2 in flight";
  EXPECT_EQ(retry_after_ok.load(), overloaded.load());
  EXPECT_EQ(other.load(), 0);
  ASSERT_GT(acknowledged.size(), 0u);
  auto db = db::OpenSqlite(path, {});
  size_t missing = db->read([&](db::Conn& c) { return MissingUnits(c, acknowledged); });
  EXPECT_EQ(missing, 0u);
}

// Found by review: an absolute path joined onto the static folder replaced it,
// and the path was decoded twice. Only files under static/ are ever served.
TEST(Pipeline, StaticServesOnlyTheAssetsFolder) {
  ServerProcess server(TempPath("static.db"), {});
  for (const char* target : {"/static//etc/passwd", "/static/%2Fetc%2Fpasswd", "/static/%252Fetc%252Fpasswd",
                             "/static/..%2F..%2Fetc%2Fpasswd", "/static/../CMakeLists.txt",
                             "/static/%2e%2e/CMakeLists.txt", "/static//proc/self/environ", "/static/"}) {
    auto r = SendRaw(server.port(), std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("cmake_minimum_required"), std::string::npos) << target;
  }
  EXPECT_EQ(SendRaw(server.port(), "GET /static/site.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status,
            200);
}

// Pipelined requests on one connection are answered in order.
TEST(Pipeline, PipelinedRequestsAreAnsweredInOrder) {
  ServerProcess server(TempPath("pipelined.db"), {});
  auto r = SendRaw(server.port(),
                   "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                   "GET /no-such-page HTTP/1.1\r\nHost: x\r\n\r\n"
                   "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                   10000, /*until_close=*/true);
  size_t first = r.raw.find("HTTP/1.1 200");
  size_t second = r.raw.find("HTTP/1.1 404");
  size_t third = r.raw.find("HTTP/1.1 200", second == std::string::npos ? 0 : second);
  EXPECT_NE(first, std::string::npos);
  EXPECT_NE(second, std::string::npos);
  EXPECT_NE(third, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
}

}  // namespace
}  // namespace fg::testing

namespace fg::testing {
namespace {

long RssMiB(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6)) / 1024;
  return 0;
}

// Found by review: 20 concurrent logins took the process from 20 MB to 1.3 GB
// (64 MiB per argon2id hash, unbounded) and slowed /healthz to seconds. Hashes
// now run two at a time off the io threads.
TEST(Pipeline, ConcurrentLoginsKeepMemoryBoundedAndHealthFast) {
  // The real cost: ctest's FG_TEST_FAST_PASSWORD_HASH would hash the demo
  // passwords in 8 KiB, and this test would prove nothing.
  const char* fast = std::getenv("FG_TEST_FAST_PASSWORD_HASH");
  const std::string saved = fast ? fast : "";
  unsetenv("FG_TEST_FAST_PASSWORD_HASH");
  ServerProcess server(TempPath("logins.db"), {"--demo"});
  if (fast) setenv("FG_TEST_FAST_PASSWORD_HASH", saved.c_str(), 1);
  const long base = RssMiB(server.pid());  // the process with its demo data, before any hash
  std::atomic<bool> done{false};
  std::atomic<long> peak{0};
  std::thread sampler([&] {
    while (!done) {
      long now = RssMiB(server.pid());
      if (now > peak) peak = now;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  std::vector<std::thread> logins;
  std::atomic<int> answered{0};
  for (int i = 0; i < 20; ++i)
    logins.emplace_back([&] {
      auto r = Request(
          server.port(), "POST", "/login",
          "username=admin&password=wrong-password-123&csrf_token=concurrent-logins-0123456789",
          {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "fg_csrf=concurrent-logins-0123456789"}},
          // Two hashes at a time: under sanitizers on a loaded CI machine the
          // last of 20 is answered after 10-20 s. The test is that each one is.
          120000);
      if (r.status != 0) ++answered;
    });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto t0 = Clock::now();
  EXPECT_EQ(Request(server.port(), "GET", "/healthz").status, 200);
  double health_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  for (auto& t : logins) t.join();
  done = true;
  sampler.join();
  const std::string out = server.output();
  EXPECT_EQ(answered.load(), 20) << "the server's log ends: " << out.substr(out.size() > 3000 ? out.size() - 3000 : 0);
  // Two hashes of 64 MiB at once (more under sanitizers); unbounded it was 1.3 GB.
  EXPECT_LT(peak.load() - base, 300) << "growth of resident memory, MiB, from " << base;
  EXPECT_LT(health_ms, 1000.0) << "/healthz while 20 logins were hashed (no hang; other tests share the cores)";
}

// Found by review: out of descriptors, the accept loop spun at ~650,000 log
// lines a second. The connection cap now fits the descriptor limit, and
// accept errors pause accepting.
TEST(Pipeline, ConnectionCapFitsTheDescriptorLimit) {
  ServerProcess server(TempPath("fds.db"), {"--log-level", "warn"}, {{"TEST_RLIMIT_NOFILE", "96"}});
  std::vector<int> sockets;
  for (int i = 0; i < 150; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server.port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0)
      sockets.push_back(fd);
    else
      ::close(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  for (int fd : sockets) ::close(fd);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(Request(server.port(), "GET", "/healthz").status, 200);  // still serving
  std::string out = server.output();
  size_t lines = static_cast<size_t>(std::count(out.begin(), out.end(), '\n'));
  EXPECT_NE(out.find("descriptor limit"), std::string::npos) << out.substr(0, 2000);
  EXPECT_LT(lines, 100u) << "log lines in one second of 150 connections: " << out.substr(0, 2000);
}

}  // namespace
}  // namespace fg::testing
