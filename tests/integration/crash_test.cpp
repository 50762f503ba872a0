// Crash consistency: the server is killed with SIGKILL at random moments under
// concurrent write load, 20 times over one database. After every restart each
// acknowledged write is present, every stored unit has its event, the
// database is intact and the event chain verifies.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <mutex>
#include <random>
#include <thread>

#include "platform/db/db.h"
#include "platform/db/events.h"
#include "tests/support/http_client.h"
#include "tests/support/stored.h"

namespace fg::testing {
namespace {

TEST(Crash, SigkillUnderWriteLoadLosesNothingAcknowledged) {
  const std::string path = TempPath("crash.db");
  std::mt19937 rng(20261126);
  std::mutex mu;
  std::vector<std::string> acknowledged;
  for (int round = 0; round < 20; ++round) {
    ServerProcess server(path, {"--demo"});
    auto admin = Login(server.port(), "admin", "demo");
    ASSERT_FALSE(admin.cookie.empty()) << "round " << round;
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    for (int t = 0; t < 6; ++t)
      writers.emplace_back([&, t] {
        for (int i = 0; !stop && i < 5000; ++i) {
          std::string code = "K" + std::to_string(round) + "-" + std::to_string(t) + "-" + std::to_string(i);
          HttpResult r;
          try {
            r = Request(server.port(), "POST", "/api/v1/units",
                        R"({"code":")" + code + R"(","name":"Xã","level":"commune","parent_code":"75"})",
                        {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}, {"Content-Type", "application/json"}});
          } catch (const std::runtime_error&) {
            return;  // killed between two requests: the connection is refused
          }
          if (r.status == 201) {
            std::lock_guard lk(mu);
            acknowledged.push_back(code);
          } else if (r.status == 0) {
            return;  // killed
          }
        }
      });
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(50, 400)(rng)));
    EXPECT_EQ(server.stop(SIGKILL), -SIGKILL);
    stop = true;
    for (auto& w : writers) w.join();
  }
  ASSERT_GT(acknowledged.size(), 100u);

  auto db = db::OpenSqlite(path, {});
  static const db::Query kIntegrity{"integrity", "PRAGMA integrity_check"};
  static const db::Query kWithoutEvent{
      "unit_without_event",
      "SELECT count(*) FROM units u WHERE u.code LIKE 'K%' AND NOT EXISTS "
      "(SELECT 1 FROM events e WHERE e.entity = 'unit' AND e.entity_id = u.code AND e.action = 'create')"};
  db->read([&](db::Conn& c) {
    EXPECT_EQ(c.query_one(kIntegrity)->text(0), "ok");
    EXPECT_EQ(MissingUnits(c, acknowledged), 0u) << "of " << acknowledged.size() << " acknowledged writes";
    EXPECT_EQ(c.query_one(kWithoutEvent)->i64(0), 0) << "a unit stored without its event";
    auto v = events::Verify(c);
    EXPECT_TRUE(v.ok) << v.reason << " at " << v.bad_seq;
    EXPECT_EQ(v.unsealed, 0);
  });
}

}  // namespace
}  // namespace fg::testing
