// The storage suite: runs on SQLite and on a real PostgreSQL server.
#include <gtest/gtest.h>

#include <thread>

#include "platform/db/db.h"
#include "platform/db/events.h"
#include "tests/support/test_db.h"

namespace fg::db {
namespace {

const Query kCreate{"t_create", "CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, n BIGINT, x DOUBLE PRECISION)"};
const Query kInsert{"t_insert", "INSERT INTO t (k, n, x) VALUES (?, ?, ?)"};
const Query kGet{"t_get", "SELECT k, n, x FROM t WHERE k = ?"};
const Query kCount{"t_count", "SELECT count(*) FROM t"};
const Query kTamper{"tamper", "UPDATE events SET after_json = ? WHERE seq = ?"};
const Query kVersions{"versions", "SELECT count(*), max(version) FROM schema_migrations"};

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = fg::testing::OpenTestDb(GetParam());
    db_->write([](Conn& c) { c.exec(kCreate); });
  }
  int64_t Count() {
    return db_->read([](Conn& c) { return c.query_one(kCount)->i64(0); });
  }
  std::unique_ptr<Db> db_;
};

TEST_P(StoreTest, WriteThenReadKeepsTypesAndNulls) {
  db_->write([](Conn& c) { c.exec(kInsert, {std::string("a"), int64_t{42}, nullptr}); });
  auto row = db_->read([](Conn& c) { return c.query_one(kGet, {std::string("a")}); });
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->text(0), "a");
  EXPECT_EQ(row->i64(1), 42);
  EXPECT_TRUE(row->is_null(2));
  EXPECT_FALSE(db_->read([](Conn& c) { return c.query_one(kGet, {std::string("zz")}).has_value(); }));
}

TEST_P(StoreTest, FailingWriteRollsBackAloneAmongConcurrentWrites) {
  constexpr int kThreads = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      try {
        db_->write([&](Conn& c) {
          c.exec(kInsert, {"k" + std::to_string(i), int64_t{i}, 1.5});
          if (i % 2) throw std::runtime_error("refused");  // after its insert
        });
      } catch (const std::runtime_error&) {
        ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), kThreads / 2);
  EXPECT_EQ(Count(), kThreads / 2);
  for (int i = 0; i < kThreads; ++i) {
    bool present = db_->read([&](Conn& c) { return c.query_one(kGet, {"k" + std::to_string(i)}).has_value(); });
    EXPECT_EQ(present, i % 2 == 0) << "row " << i;
  }
}

TEST_P(StoreTest, DuplicateKeyIsAConstraintErrorAndWritesNothing) {
  db_->write([](Conn& c) { c.exec(kInsert, {std::string("dup"), int64_t{1}, nullptr}); });
  EXPECT_THROW(db_->write([](Conn& c) {
    c.exec(kInsert, {std::string("other"), int64_t{2}, nullptr});
    c.exec(kInsert, {std::string("dup"), int64_t{3}, nullptr});
  }),
               ConstraintError);
  EXPECT_EQ(Count(), 1);  // "other" was rolled back with the failing write
}

TEST_P(StoreTest, MigrationsAreRecordedAndNotReapplied) {
  int v = Migrate(*db_, std::string(FG_SOURCE_DIR) + "/platform/db/migrations");
  auto row = db_->read([](Conn& c) { return *c.query_one(kVersions); });
  EXPECT_EQ(row.i64(1), v);
  EXPECT_EQ(row.i64(0), v);  // one row per migration, none applied twice
}

TEST_P(StoreTest, EventChainVerifiesAndDetectsTampering) {
  for (int i = 0; i < 5; ++i) {
    db_->write([&](Conn& c) {
      events::Append(c, {std::nullopt, "tester", std::nullopt, "thing", std::to_string(i), "create", "",
                         "{\"i\":" + std::to_string(i) + "}"});
    });
  }
  auto ok = db_->read([](Conn& c) { return events::Verify(c); });
  EXPECT_TRUE(ok.ok) << ok.reason;
  EXPECT_EQ(ok.checked, 5);

  db_->write([](Conn& c) { c.exec(kTamper, {std::string("{\"i\":99}"), int64_t{3}}); });
  auto bad = db_->read([](Conn& c) { return events::Verify(c); });
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.bad_seq, 3);
}

TEST_P(StoreTest, ConcurrentAppendsKeepOneUnbrokenChain) {
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i)
    threads.emplace_back([&, i] {
      db_->write([&](Conn& c) {
        events::Append(c, {std::nullopt, "t", std::nullopt, "x", std::to_string(i), "create", "", "{}"});
      });
    });
  for (auto& t : threads) t.join();
  auto v = db_->read([](Conn& c) { return events::Verify(c); });
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.checked, 16);
}

FG_BOTH_BACKENDS(StoreTest);

TEST(SqliteStore, BackupIsAReadableCopy) {
  auto db = fg::testing::OpenTestDb("sqlite");
  db->write([](Conn& c) {
    c.exec(kCreate);
    c.exec(kInsert, {std::string("b"), int64_t{7}, nullptr});
  });
  auto out = (std::filesystem::temp_directory_path() / ("fg_backup_" + std::to_string(getpid()) + ".db")).string();
  std::filesystem::remove(out);
  db->backup(out);
  auto copy = OpenSqlite(out, {});
  EXPECT_EQ(copy->read([](Conn& c) { return c.query_one(kGet, {std::string("b")})->i64(1); }), 7);
}

}  // namespace
}  // namespace fg::db
