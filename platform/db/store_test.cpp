// The storage suite: runs on SQLite and on a real PostgreSQL server.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <future>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "platform/async/wait.h"
#include "platform/db/ancestors.h"
#include "platform/db/batch_counts.h"
#include "platform/db/db.h"
#include "platform/db/events.h"
#include "platform/db/group_commit.h"
#include "platform/db/kept_reads.h"
#include "platform/errors.h"
#include "platform/source_dir.h"
#include "tests/support/test_db.h"

namespace fg::db {
namespace {

const Query kCreate{"t_create", "CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, n BIGINT, x DOUBLE PRECISION)"};
const Query kInsert{"t_insert", "INSERT INTO t (k, n, x) VALUES (?, ?, ?)"};
const Query kGet{"t_get", "SELECT k, n, x FROM t WHERE k = ?"};
const Query kCount{"t_count", "SELECT count(*) FROM t"};
const Query kTamper{"tamper", "UPDATE events SET after_json = ? WHERE seq = ?"};
const Query kRehash{"rehash", "UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?"};
const Query kEventAt{"event_at", "SELECT at, after_json FROM events WHERE seq = ?"};
const Query kForgeHead{"forge_head", "UPDATE event_head SET hash = ? WHERE id = 1"};

// A waiter as a request coroutine would have, but blocking its own thread:
// enough to drive the store's suspending path from a test.
class ThreadWaiter final : public async::Waiter {
 public:
  explicit ThreadWaiter(std::chrono::steady_clock::time_point deadline) : blocking_(deadline) {}
  void suspend(const std::function<void(async::Resume)>& start) override {
    blocking_.suspend(start);
    ++suspensions;
  }
  std::chrono::steady_clock::time_point deadline() const override { return blocking_.deadline(); }
  int suspensions = 0;

 private:
  async::BlockingWaiter blocking_;
};
const Query kVersions{"versions", "SELECT count(*), max(version) FROM schema_migrations"};

// Holds a store's only writer inside a write (after `first`, if given) until
// release(): what is written meanwhile queues behind it.
class HeldWriter {
 public:
  explicit HeldWriter(Db& db, std::function<void(Conn&)> first = {})
      : thread_([this, &db, first = std::move(first)] {
          db.write([&](Conn& c) {
            if (first) first(c);
            holding_ = true;
            released_.wait();
          });
        }) {
    while (!holding_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~HeldWriter() { release(); }
  void release() {
    if (!thread_.joinable()) return;
    release_.set_value();
    thread_.join();
  }

 private:
  std::promise<void> release_;
  std::shared_future<void> released_ = release_.get_future().share();
  std::atomic<bool> holding_{false};
  std::thread thread_;  // last: it uses the members above
};

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = fg::testing::OpenTestDb(GetParam());
    db_->write([](Conn& c) { c.exec(kCreate); });
  }
  int64_t Count() {
    return db_->read([](Conn& c) { return c.query_one(kCount)->i64(0); });
  }
  void Reopen(const Options& opt) {
    db_->close();
    db_ = fg::testing::OpenTestDb(GetParam(), opt);
    db_->write([](Conn& c) { c.exec(kCreate); });
  }
  // Starts `n` inserts and returns once they all wait in the write queue.
  std::vector<std::thread> QueuedInserts(const std::string& prefix, int n) {
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i)
      threads.emplace_back([this, prefix, i] {
        db_->write([&](Conn& c) { c.exec(kInsert, {prefix + std::to_string(i), int64_t{i}, nullptr}); });
      });
    while (db_->stats().write_queue_depth < static_cast<uint64_t>(n))
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return threads;
  }
  // Chains what is not chained yet (PostgreSQL's sealer runs just after commits).
  void Seal() {
    db_->write([](Conn& c) { events::Seal(c); });
  }
  void AppendEvents(int n) {
    for (int i = 0; i < n; ++i)
      db_->write([&](Conn& c) {
        events::Append(c, {std::nullopt, "tester", std::nullopt, "thing", std::to_string(i), "create", "",
                           "{\"i\":" + std::to_string(i) + "}"});
      });
    Seal();
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

// insert() answers the generated key of the row it inserted, on either
// backend (SQLite reads the rowid, PostgreSQL adds RETURNING id), and fails
// when its statement inserted nothing.
TEST_P(StoreTest, InsertAnswersTheNewRowsKey) {
  const Query create_keyed{"keyed_create", GetParam() == "sqlite"
                                               ? "CREATE TABLE keyed (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"
                                               : "CREATE TABLE keyed (id BIGINT GENERATED BY DEFAULT AS IDENTITY "
                                                 "PRIMARY KEY, name TEXT NOT NULL)"};
  const Query insert_keyed{"keyed_insert", "INSERT INTO keyed (name) VALUES (?)"};
  const Query insert_none{"keyed_insert_none", "INSERT INTO keyed (name) SELECT name FROM keyed WHERE name = ?"};
  const Query name_of{"keyed_name", "SELECT name FROM keyed WHERE id = ?"};
  db_->write([&](Conn& c) { c.exec(create_keyed); });
  std::vector<int64_t> ids;
  for (const char* name : {"an", "binh", "chi"})
    ids.push_back(db_->write([&](Conn& c) { return c.insert(insert_keyed, {std::string(name)}); }));
  EXPECT_NE(ids[0], ids[1]);
  EXPECT_NE(ids[1], ids[2]);
  EXPECT_EQ(db_->read([&](Conn& c) { return c.query_one(name_of, {ids[1]})->text(0); }), "binh");
  EXPECT_EQ(db_->read([&](Conn& c) { return c.query_one(name_of, {ids[2]})->text(0); }), "chi");
  EXPECT_THROW(db_->write([&](Conn& c) { c.insert(insert_none, {std::string("nobody")}); }), std::runtime_error);
}

// An inherited setting is read through the paths of a unit and its ancestors
// (platform/db/ancestors.h): the nearest unit holding one wins, units off the
// path are never read, and SQLite builds no temporary table for the paths.
TEST_P(StoreTest, AncestorLookupsFindTheNearestSettingWithoutATemporaryTable) {
  const Query unit{"anc_unit",
                   "INSERT INTO units (id, code, name, level, path, valid_from, created_at, updated_at) "
                   "VALUES (?, ?, 'x', 'commune', ?, '2025-07-01', '', '')"};
  const Query create{"anc_create", "CREATE TABLE anc_settings (unit_id BIGINT PRIMARY KEY, v TEXT NOT NULL)"};
  const Query put{"anc_put", "INSERT INTO anc_settings (unit_id, v) VALUES (?, ?)"};
  const Query lookup{"anc_lookup", "SELECT s.v, u.path FROM " FG_ANCESTOR_UNITS
                                   " JOIN anc_settings s ON s.unit_id = u.id WHERE " FG_ANCESTOR_MATCH " AND s.v <> ?"};
  db_->write([&](Conn& c) {
    c.exec(create);
    for (auto [id, path] :
         {std::pair{9001, "/9001/"}, {9002, "/9001/9002/"}, {9003, "/9001/9002/9003/"}, {9004, "/9001/9004/"}})
      c.exec(unit, {int64_t{id}, "ANC" + std::to_string(id), std::string(path)});
    c.exec(put, {int64_t{9001}, std::string("province")});
    c.exec(put, {int64_t{9002}, std::string("district")});
    c.exec(put, {int64_t{9004}, std::string("other district")});
  });
  auto nearest = [&](const char* path, const char* skip = "") {
    auto r = db_->read([&](Conn& c) { return Nearest(c.query(lookup, AncestorParams(path, {std::string(skip)}))); });
    return r ? r->text(0) : std::string("none");
  };
  EXPECT_EQ(nearest("/9001/9002/9003/"), "district");
  EXPECT_EQ(nearest("/9001/9002/9003/", "district"), "province");  // the parameter after the paths
  EXPECT_EQ(nearest("/9001/9004/"), "other district");
  EXPECT_EQ(nearest("/9001/"), "province");
  EXPECT_EQ(nearest("/9005/"), "none");
  if (GetParam() != "sqlite") return;
  const Query explain{"anc_explain",
                      "EXPLAIN SELECT s.v, u.path FROM " FG_ANCESTOR_UNITS
                      " JOIN anc_settings s ON s.unit_id = u.id WHERE " FG_ANCESTOR_MATCH " AND s.v <> ?"};
  std::string opcodes;
  for (auto& r : db_->read([&](Conn& c) { return c.query(explain, AncestorParams("/9001/", {std::string()})); }))
    opcodes += r.text(1) + " ";
  EXPECT_EQ(opcodes.find("OpenEphemeral"), std::string::npos) << opcodes;
  EXPECT_NE(opcodes.find("InitCoroutine"), std::string::npos) << opcodes;
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
  const std::string dir = std::string(FG_SOURCE_DIR) + "/platform/db/migrations";
  int v = Migrate(*db_, dir);
  auto row = db_->read([](Conn& c) { return *c.query_one(kVersions); });
  EXPECT_EQ(row.i64(1), v);
  // One row per migration file, none applied twice (numbers reserved by
  // parallel branches may leave gaps, so the files are counted).
  int64_t files = 0;
  for (auto& e : std::filesystem::directory_iterator(dir)) files += e.path().extension() == ".sql";
  EXPECT_EQ(row.i64(0), files);
}

TEST_P(StoreTest, EventChainVerifiesAndDetectsTampering) {
  AppendEvents(5);
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
  Seal();
  auto v = db_->read([](Conn& c) { return events::Verify(c); });
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.checked, 16);
  EXPECT_EQ(v.unsealed, 0);
  EXPECT_EQ(db_->read([](Conn& c) { return events::Count(c); }), 16);
}

// A write refused after appending its event takes the event back, and the
// events of the writes around it in the same group commit still chain.
TEST_P(StoreTest, AnEventOfARefusedWriteLeavesNoGapInTheChain) {
  std::vector<std::thread> threads;
  std::atomic<int> refused{0};
  for (int i = 0; i < 12; ++i)
    threads.emplace_back([&, i] {
      try {
        db_->write([&](Conn& c) {
          events::Append(c, {std::nullopt, "t", std::nullopt, "x", std::to_string(i), "create", "", "{}"});
          if (i % 3 == 0) throw AppError(ErrorKind::kConflict, "error.conflict");
        });
      } catch (const AppError&) {
        ++refused;
      }
    });
  for (auto& t : threads) t.join();
  Seal();
  auto v = db_->read([](Conn& c) { return events::Verify(c); });
  EXPECT_EQ(refused.load(), 4);
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.checked, 8);
  EXPECT_EQ(v.unsealed, 0);
}

// In one group commit (the writer held, then six writes queued behind it),
// writes that append two events each, every other one refused after its
// events, the first among them: the kept events chain without a gap and the
// head is the last kept.
TEST_P(StoreTest, RefusedWritesInOneBatchTakeTheirEventsOutOfTheChain) {
  Options opt;
  opt.writers = 1;
  Reopen(opt);
  const uint64_t batches_before = db_->stats().write_batches;
  auto append = [](Conn& c, const std::string& id) {
    for (const char* action : {"create", "update"})
      events::Append(c, {std::nullopt, "t", std::nullopt, "x", id, action, "", "{}"});
  };
  HeldWriter holder(*db_);
  std::vector<std::thread> threads;
  std::atomic<int> refused{0};
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&, i] {
      try {
        db_->write([&](Conn& c) {
          append(c, std::to_string(i));
          if (i % 2 == 0) throw AppError(ErrorKind::kConflict, "error.conflict");
        });
      } catch (const AppError&) {
        ++refused;
      }
    });
    // queued in order, so the refused ones sit between kept ones
    while (db_->stats().write_queue_depth < static_cast<uint64_t>(i) + 1)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(3));  // on SQLite, past the held batch's window
  holder.release();
  for (auto& t : threads) t.join();
  Seal();
  EXPECT_EQ(refused.load(), 3);
  // The batch, and Seal()'s; on SQLite the held write, past the 2 ms window, committed alone first.
  EXPECT_EQ(db_->stats().write_batches - batches_before, db_->backend() == Backend::kSqlite ? 3u : 2u);
  auto [v, head, ids] = db_->read([](Conn& c) {
    std::vector<std::string> ids;
    for (auto& e : events::ListRecent(c, INT64_MAX, 20)) ids.insert(ids.begin(), e.entity_id + " " + e.action);
    return std::make_tuple(events::Verify(c), events::ReadHead(c), ids);
  });
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.checked, 6);
  EXPECT_EQ(v.unsealed, 0);
  EXPECT_EQ(head.seq, 6);
  EXPECT_EQ(ids, (std::vector<std::string>{"1 create", "1 update", "3 create", "3 update", "5 create", "5 update"}));
}

TEST_P(StoreTest, UnsealedEventsAreCountedAndSealedInIdOrder) {
  db_->write([](Conn& c) {
    for (int i = 0; i < 3; ++i)
      events::Append(c, {std::nullopt, "t", std::nullopt, "x", std::to_string(i), "a", "", "{}"});
  });
  db_->write([](Conn& c) {
    // Undo SQLite's chaining at append (and PostgreSQL's sealer's) to look at
    // the unsealed state; the head first, in the sealer's order.
    if (c.backend() == Backend::kPostgres) c.exec_script("SELECT seq FROM event_head WHERE id = 1 FOR UPDATE");
    c.exec_script("UPDATE events SET seq = NULL, prev_hash = NULL, hash = NULL");
    c.exec_script("UPDATE event_head SET seq = 0, hash = '" + events::kGenesisHash + "', mac = ''");
  });
  auto v = db_->read([](Conn& c) { return events::Verify(c); });
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.checked + v.unsealed, 3);
  EXPECT_EQ(db_->read([](Conn& c) { return events::Count(c); }), 3);
  Seal();
  auto after =
      db_->read([](Conn& c) { return std::make_pair(events::Verify(c), events::ListRecent(c, INT64_MAX, 10)); });
  EXPECT_TRUE(after.first.ok) << after.first.reason;
  EXPECT_EQ(after.first.checked, 3);
  ASSERT_EQ(after.second.size(), 3u);
  for (auto& e : after.second) EXPECT_EQ(e.seq, e.id);  // chained in insertion order
}

// Anyone who can write the database can recompute every hash; only the key's
// holder can sign the head.
TEST_P(StoreTest, SignedHeadDetectsARewrittenHistory) {
  events::SetSealKey("test-key-0123456789abcdef0123456789");
  AppendEvents(3);
  ASSERT_TRUE(db_->read([](Conn& c) { return events::Verify(c); }).ok);
  db_->write([](Conn& c) {
    c.exec(kTamper, {std::string("{\"i\":99}"), int64_t{2}});
    std::string prev = c.query_one(Query{"h1", "SELECT hash FROM events WHERE seq = 1"})->text(0);
    for (int64_t seq = 2; seq <= 3; ++seq) {
      auto r = c.query_one(kEventAt, {seq});
      events::Event e{std::nullopt, "tester", std::nullopt, "thing", std::to_string(seq - 1), "create", "", r->text(1)};
      std::string h = events::ChainHash(prev, seq, r->text(0), e);
      c.exec(kRehash, {prev, h, seq});
      prev = h;
    }
    c.exec(kForgeHead, {prev});
  });
  auto with_key = db_->read([](Conn& c) { return events::Verify(c); });
  events::SetSealKey("");
  auto without_key = db_->read([](Conn& c) { return events::Verify(c); });
  EXPECT_FALSE(with_key.ok);
  EXPECT_NE(with_key.reason.find("signature"), std::string::npos) << with_key.reason;
  EXPECT_TRUE(without_key.ok) << without_key.reason;  // why the key matters
}

// An expected refusal inside a group commit rolls back alone: no write of the
// batch runs twice, the others commit once.
// A refusal raised before the write changes anything (as services refuse)
// costs the others of its group commit nothing: each write runs once.
TEST_P(StoreTest, RefusalInAGroupCommitCostsNoReplay) {
  constexpr int kThreads = 48;
  std::vector<std::atomic<int>> runs(kThreads);
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      try {
        db_->write([&](Conn& c) {
          ++runs[i];
          if (i % 3 == 0) throw AppError(ErrorKind::kConflict, "error.conflict");
          c.exec(kInsert, {"r" + std::to_string(i), int64_t{i}, nullptr});
        });
      } catch (const AppError&) {
        ++refused;
      }
    });
  for (auto& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) EXPECT_EQ(runs[i].load(), 1) << "write " << i;
  EXPECT_EQ(refused.load(), kThreads / 3);
  EXPECT_EQ(Count(), kThreads - kThreads / 3);
}

// In one group commit, a write that fails after changing rows (an insert, an
// event, counter amounts) leaves none of them; every other write, refused
// ones aside, lands once, with its event chained and its amounts counted once.
TEST_P(StoreTest, AWriteFailingAfterItsChangesLeavesNoneOfThemAndTheOthersLandOnce) {
  Options opt;
  opt.writers = 1;
  Reopen(opt);
  const Query create{"fc_create", "CREATE TABLE fc (k TEXT PRIMARY KEY, n BIGINT NOT NULL)"};
  const Query add{"fc_add", "INSERT INTO fc (k, n) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET n = fc.n + excluded.n"};
  const Query get{"fc_get", "SELECT n FROM fc WHERE k = ?"};
  db_->write([&](Conn& c) { c.exec(create); });
  constexpr int kWrites = 12;
  std::vector<std::exception_ptr> errors(kWrites);
  std::vector<std::thread> threads;
  {
    HeldWriter holder(*db_);
    for (int i = 0; i < kWrites; ++i) {
      threads.emplace_back([&, i] {
        try {
          db_->write([&](Conn& c) {
            if (i == 2) throw AppError(ErrorKind::kConflict, "error.conflict");  // refused before any change
            c.exec(kInsert, {"f" + std::to_string(i), int64_t{i}, nullptr});
            events::Append(c, {std::nullopt, "t", std::nullopt, "x", std::to_string(i), "create", "", "{}"});
            counts::Add(c, add, {std::string("all")}, {1});
            if (i == 5 || i == 9) throw std::runtime_error("fault");  // after its changes
          });
        } catch (...) {
          errors[i] = std::current_exception();
        }
      });
      while (db_->stats().write_queue_depth < static_cast<uint64_t>(i) + 1)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }  // released: the queued writes run in one batch
  for (auto& t : threads) t.join();
  Seal();
  for (int i = 0; i < kWrites; ++i) {
    const bool present = db_->read([&](Conn& c) { return c.query_one(kGet, {"f" + std::to_string(i)}).has_value(); });
    EXPECT_EQ(present, i != 2 && i != 5 && i != 9) << "write " << i;
    EXPECT_EQ(static_cast<bool>(errors[i]), !present) << "write " << i;
  }
  EXPECT_THROW(std::rethrow_exception(errors[2]), AppError);
  EXPECT_THROW(std::rethrow_exception(errors[5]), std::runtime_error);
  auto [v, n] = db_->read([&](Conn& c) {
    return std::pair{events::Verify(c), c.query_one(get, {std::string("all")})};
  });
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.checked, kWrites - 3);
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->i64(0), kWrites - 3);
}

// A write that fails after changing the schema (as a migration may, halfway
// through its script) leaves none of it: the row count does not see DDL.
TEST_P(StoreTest, AWriteFailingAfterSchemaChangesLeavesNoneOfThem) {
  Options opt;
  opt.writers = 1;
  Reopen(opt);
  const Query create_y{"ddl_y_create", "CREATE TABLE ddl_y (n BIGINT)"};
  const std::vector<std::function<void(Conn&)>> writes = {
      [](Conn& c) {
        c.exec_script("CREATE TABLE ddl_x (n BIGINT)");
        throw std::runtime_error("fault after a script");
      },
      [&](Conn& c) {
        c.exec(create_y);
        throw std::runtime_error("fault after a statement");
      },
      [](Conn& c) {
        c.exec(kInsert, {std::string("kept"), int64_t{1}, nullptr});
      },
  };
  std::vector<std::exception_ptr> errors(writes.size());
  std::vector<std::thread> threads;
  {
    HeldWriter holder(*db_);
    for (size_t i = 0; i < writes.size(); ++i) {
      threads.emplace_back([&, i] {
        try {
          db_->write(writes[i]);
        } catch (...) {
          errors[i] = std::current_exception();
        }
      });
      while (db_->stats().write_queue_depth < i + 1) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }  // released: the three run in one batch
  for (auto& t : threads) t.join();
  EXPECT_TRUE(errors[0] && errors[1] && !errors[2]);
  const Query probe_x{"ddl_x_probe", "SELECT count(*) FROM ddl_x"};
  const Query probe_y{"ddl_y_probe", "SELECT count(*) FROM ddl_y"};
  for (const Query* probe : {&probe_x, &probe_y})
    EXPECT_ANY_THROW(db_->read([&](Conn& c) { c.query(*probe); })) << probe->name << ": its table was left behind";
  EXPECT_EQ(Count(), 1);
}

// Counter rows (platform/db/batch_counts.h): the amounts a group commit's
// writes add to a row are summed and written once on SQLite (at once on
// PostgreSQL), and a write refused inside the batch takes its amounts back,
// so that a row only it added is not written at all.
TEST_P(StoreTest, CountersSumAGroupCommitsWritesWithoutTheRefusedOnes) {
  Options opt;
  opt.writers = 1;
  Reopen(opt);
  const Query create{"cnt_create",
                     "CREATE TABLE cnt (k TEXT NOT NULL, d TEXT NOT NULL, n BIGINT NOT NULL, m BIGINT NOT NULL, "
                     "PRIMARY KEY (k, d))"};
  const Query upsert{"cnt_add",
                     "INSERT INTO cnt (k, d, n, m) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (k, d) DO UPDATE SET n = cnt.n + excluded.n, m = cnt.m + excluded.m"};
  const Query get{"cnt_get", "SELECT n, m FROM cnt WHERE k = ? AND d = ?"};
  db_->write([&](Conn& c) { c.exec(create); });
  constexpr int kWrites = 30;
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  {
    HeldWriter holder(*db_, [&](Conn& c) { counts::Add(c, upsert, {std::string("a"), std::string("x")}, {1, 10}); });
    for (int i = 0; i < kWrites; ++i)
      threads.emplace_back([&, i] {
        try {
          db_->write([&](Conn& c) {
            counts::Add(c, upsert, {std::string("a"), std::string("x")}, {1, 10});
            counts::Add(c, upsert, {std::string("b"), std::to_string(i % 3)}, {1, 0});
            counts::Add(c, upsert, {std::string("b"), std::to_string(i % 3)}, {1, 0});  // the same row again
            if (i % 5 == 0) {
              counts::Add(c, upsert, {std::string("refused only"), std::string("z")}, {7, 7});
              throw AppError(ErrorKind::kConflict, "error.conflict");
            }
          });
        } catch (const AppError&) {
          ++refused;
        }
      });
    while (db_->stats().write_queue_depth < static_cast<uint64_t>(kWrites))
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }  // released: the queued writes run, mostly in one batch
  for (auto& t : threads) t.join();
  EXPECT_EQ(refused.load(), kWrites / 5);
  auto row = [&](const char* k, const std::string& d) {
    auto r = db_->read([&](Conn& c) { return c.query_one(get, {std::string(k), d}); });
    return r ? std::pair{r->i64(0), r->i64(1)} : std::pair{int64_t{-1}, int64_t{-1}};
  };
  EXPECT_EQ(row("a", "x"), (std::pair{int64_t{1 + 24}, int64_t{10 + 240}}));  // the held write and 24 of 30
  // Of the ten writes on each "b" row, two were refused (i = 0, 15; 10, 25; 5, 20): 8 writes, 2 each.
  for (const char* d : {"0", "1", "2"}) EXPECT_EQ(row("b", d), (std::pair{int64_t{16}, int64_t{0}})) << d;
  EXPECT_EQ(row("refused only", "z"), (std::pair{int64_t{-1}, int64_t{-1}}));
}

// Kept reads (platform/db/kept_reads.h) are answered again until a watched
// table changes: the next get after the change's write returned reads again.
TEST_P(StoreTest, KeptReadsAreReadAgainOnceAWatchedTableChanged) {
  const Query other{"kr_other", "CREATE TABLE kr_other (n BIGINT)"};
  const Query add_other{"kr_other_add", "INSERT INTO kr_other (n) VALUES (1)"};
  db_->write([&](Conn& c) { c.exec(other); });
  KeptReads<int64_t> kept(*db_, {"t"}, std::chrono::hours(1));
  int reads = 0;
  auto count = [&] {
    return kept.get("all", [&](Conn& c) {
      ++reads;
      return c.query_one(kCount)->i64(0);
    });
  };
  EXPECT_EQ(count(), 0);
  EXPECT_EQ(count(), 0);
  EXPECT_EQ(reads, 1);
  db_->write([](Conn& c) { c.exec(kInsert, {std::string("a"), int64_t{1}, nullptr}); });
  EXPECT_EQ(count(), 1);  // not the kept 0
  EXPECT_EQ(reads, 2);
  db_->write([&](Conn& c) { c.exec(add_other); });
  EXPECT_EQ(count(), 1);
  // SQLite's writer tells which tables a batch changed; on PostgreSQL every batch counts.
  EXPECT_EQ(reads, db_->backend() == Backend::kSqlite ? 2 : 3);
  EXPECT_THROW(kept.get("bad", [](Conn&) -> int64_t { throw std::runtime_error("read failed"); }), std::runtime_error);
  EXPECT_EQ(kept.get("bad", [](Conn&) { return int64_t{7}; }), 7);  // the failed read kept nothing
  KeptReads<int64_t> brief(*db_, {"t"}, std::chrono::milliseconds(0));
  brief.get("all", [&](Conn& c) { return c.query_one(kCount)->i64(0); });
  EXPECT_EQ(brief.get("all", [&](Conn&) { return int64_t{-1}; }), -1);  // past its life: read again
}

// A watch of a table's updates and deletions only: SQLite's writer does not
// count rows inserted into it (PostgreSQL counts every batch).
TEST_P(StoreTest, AWatchOfUpdatesAloneIgnoresInsertedRows) {
  const Query update{"w_update", "UPDATE t SET n = n + 1 WHERE k = ?"};
  const Query remove{"w_delete", "DELETE FROM t WHERE k = ?"};
  auto changes = db_->watch({}, {"t"});
  const bool sqlite = db_->backend() == Backend::kSqlite;
  // A new watch counts the first batch after it, whatever it changed: the
  // batch may have been under way when the watch began.
  db_->write([](Conn&) {});
  EXPECT_EQ(changes->load(), 1u);
  db_->write([](Conn& c) { c.exec(kInsert, {std::string("a"), int64_t{1}, nullptr}); });
  EXPECT_EQ(changes->load(), sqlite ? 1u : 2u);
  db_->write([&](Conn& c) { c.exec(update, {std::string("a")}); });
  EXPECT_EQ(changes->load(), sqlite ? 2u : 3u);
  db_->write([&](Conn& c) { c.exec(update, {std::string("none such")}); });  // changes no row
  EXPECT_EQ(changes->load(), sqlite ? 2u : 4u);
  db_->write([&](Conn& c) { c.exec(kInsert, {std::string("b"), int64_t{1}, nullptr}); });
  EXPECT_EQ(changes->load(), sqlite ? 2u : 5u);
  db_->write([&](Conn& c) { c.exec(remove, {std::string("a")}); });
  EXPECT_EQ(changes->load(), sqlite ? 3u : 6u);
}

// Past the bound on queued writes the store answers "overloaded" at once.
TEST_P(StoreTest, FullWriteQueueRefusesAtOnce) {
  Options opt;
  opt.max_queued_writes = 4;
  opt.writers = 1;
  Reopen(opt);
  HeldWriter holder(*db_);
  auto queued = QueuedInserts("q", 4);
  try {
    db_->write([](Conn& c) { c.exec(kInsert, {std::string("over"), int64_t{0}, nullptr}); });
    ADD_FAILURE() << "a write past the queue bound was accepted";
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUnavailable);
  }
  holder.release();
  for (auto& t : queued) t.join();
  EXPECT_EQ(Count(), 4);
  EXPECT_EQ(db_->stats().write_refused, 1u);
}

// Writes queued while a group commit runs join it before it commits: the
// writer is held inside the first write while eight more are queued, and all
// nine commit together (before, the eight waited for a second commit). On
// SQLite, whose commits do not wait for the disk, a batch that has run for
// 2 ms commits instead: the eight, queued later, then commit together in the
// next one.
TEST_P(StoreTest, WritesQueuedWhileABatchRunsJoinIt) {
  Options opt;
  opt.writers = 1;
  Reopen(opt);
  const uint64_t batches_before = db_->stats().write_batches;
  HeldWriter holder(*db_, [](Conn& c) { c.exec(kInsert, {std::string("first"), int64_t{0}, nullptr}); });
  auto queued = QueuedInserts("j", 8);
  const bool sqlite = db_->backend() == Backend::kSqlite;
  if (sqlite) std::this_thread::sleep_for(std::chrono::milliseconds(3));  // past the window, however fast the above
  holder.release();
  for (auto& t : queued) t.join();
  EXPECT_EQ(Count(), 9);
  EXPECT_EQ(db_->stats().write_batches - batches_before, sqlite ? 2u : 1u);
}

// Inside a request, the write suspends (the waiter is used) and one whose
// deadline passed before a writer took it is refused without running.
TEST_P(StoreTest, RequestWritesSuspendAndExpiredOnesNeverRun) {
  ThreadWaiter live(std::chrono::steady_clock::now() + std::chrono::seconds(30));
  {
    async::Scope in_request(&live);
    db_->write([](Conn& c) { c.exec(kInsert, {std::string("live"), int64_t{1}, nullptr}); });
  }
  EXPECT_EQ(live.suspensions, 1);
  ThreadWaiter late(std::chrono::steady_clock::now() - std::chrono::milliseconds(1));
  bool ran = false;
  try {
    async::Scope in_request(&late);
    db_->write([&](Conn& c) {
      ran = true;
      c.exec(kInsert, {std::string("late"), int64_t{2}, nullptr});
    });
    ADD_FAILURE() << "an expired write was accepted";
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUnavailable);
  }
  EXPECT_FALSE(ran);
  EXPECT_EQ(Count(), 1);
}

// Two writes that take the same rows in opposite orders, on two writer
// connections: PostgreSQL aborts one as a deadlock. The store runs that one
// again, so both land, each once, and the caller never sees the deadlock.
TEST_P(StoreTest, WritesTakingRowsInOppositeOrdersBothLand) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "SQLite has one writer: its writes never interleave";
  const Query kBump{"t_bump", "UPDATE t SET n = n + 1 WHERE k = ?"};
  const Query kPause{"t_pause", "SELECT pg_sleep(0.3)"};
  db_->close();
  Options opt;
  opt.writers = 2;
  opt.max_batch = 1;  // one write per transaction: the two run side by side
  db_ = fg::testing::OpenTestDb(GetParam(), opt);
  db_->write([&](Conn& c) {
    c.exec(kCreate);
    c.exec(kInsert, {std::string("a"), int64_t{0}, nullptr});
    c.exec(kInsert, {std::string("b"), int64_t{0}, nullptr});
  });
  std::atomic<int> runs{0};
  auto crossing = [&](const std::string& first, const std::string& second) {
    db_->write([&](Conn& c) {
      ++runs;
      c.exec(kBump, {first});
      c.query_one(kPause);
      c.exec(kBump, {second});
    });
  };
  std::thread one([&] { crossing("a", "b"); });
  std::thread two([&] { crossing("b", "a"); });
  one.join();
  two.join();
  auto n = [&](const std::string& k) { return db_->read([&](Conn& c) { return c.query_one(kGet, {k})->i64(1); }); };
  EXPECT_EQ(n("a"), 2);
  EXPECT_EQ(n("b"), 2);
  EXPECT_GE(db_->stats().write_retries, 1u);
  EXPECT_EQ(runs.load(), 2 + static_cast<int>(db_->stats().write_retries));
}

FG_BOTH_BACKENDS(StoreTest);

// Events an earlier version left unchained are reported, not touched, when a
// store merely opens (`verify-events`), and chained by the next group commit.
TEST(SqliteStore, EventsLeftUnsealedAreShownThenChainedByTheNextWrite) {
  const auto path = fg::testing::TempPath("unsealed.db");
  const std::string migrations = std::string(FG_SOURCE_DIR) + "/platform/db/migrations";
  {
    auto db = OpenSqlite(path, {});
    Migrate(*db, migrations);
    db->write([](Conn& c) {
      for (int i = 0; i < 3; ++i)
        events::Append(c, {std::nullopt, "t", std::nullopt, "x", std::to_string(i), "a", "", "{}"});
    });
  }
  {  // as an earlier version left them (a store's own writes would chain them again)
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    const std::string undo =
        "UPDATE events SET seq = NULL, prev_hash = NULL, hash = NULL; UPDATE event_head SET "
        "seq = 0, hash = '" +
        events::kGenesisHash + "', mac = ''";
    EXPECT_EQ(sqlite3_exec(raw, undo.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(raw);
  }
  auto db = OpenSqlite(path, {});
  Migrate(*db, migrations);
  auto opened = db->read([](Conn& c) { return events::Verify(c); });
  EXPECT_TRUE(opened.ok) << opened.reason;
  EXPECT_EQ(opened.unsealed, 3);
  db->write([](Conn& c) { events::Append(c, {std::nullopt, "t", std::nullopt, "x", "new", "a", "", "{}"}); });
  auto v = db->read([](Conn& c) { return events::Verify(c); });
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.checked, 4);
  EXPECT_EQ(v.unsealed, 0);
}

// A batch whose commit fails after appending events (a deferred foreign key
// checked at COMMIT) leaves the chain as it was: the next batch chains from
// the committed head, with no gap.
TEST(SqliteStore, EventsOfABatchWhoseCommitFailedLeaveNoGap) {
  const auto path = fg::testing::TempPath("failed_commit.db");
  auto db = OpenSqlite(path, {});
  Migrate(*db, std::string(FG_SOURCE_DIR) + "/platform/db/migrations");
  auto append = [](Conn& c, const std::string& id) {
    events::Append(c, {std::nullopt, "t", std::nullopt, "x", id, "create", "", "{}"});
  };
  db->write([&](Conn& c) { append(c, "kept"); });
  EXPECT_THROW(db->write([&](Conn& c) {
    append(c, "lost");
    c.exec_script("PRAGMA defer_foreign_keys = ON");
    c.exec_script(
        "INSERT INTO role_grants (official_id, unit_id, role, created_at) VALUES (999999, 999999, 'desk', 'x')");
  }),
               std::exception);
  db->write([&](Conn& c) { append(c, "after"); });
  auto [v, recent] =
      db->read([](Conn& c) { return std::make_pair(events::Verify(c), events::ListRecent(c, INT64_MAX, 5)); });
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.checked, 2);
  ASSERT_EQ(recent.size(), 2u);
  EXPECT_EQ(recent[0].entity_id, "after");
  EXPECT_EQ(recent[1].entity_id, "kept");
}

// A batch whose transaction cannot even begin (another process holds the
// write lock past the busy timeout) applied nothing: its writes are told so.
TEST(SqliteStore, WritesOfABatchThatCouldNotBeginFail) {
  const auto path = fg::testing::TempPath("nobegin.db");
  auto db = OpenSqlite(path, {});
  db->write([](Conn& c) {
    c.exec(kCreate);
    c.exec_script("PRAGMA busy_timeout=100");  // the writer's connection: wait 100 ms, not 10 s
  });
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  bool failed = false;
  try {
    db->write([](Conn& c) { c.exec(kInsert, {std::string("locked out"), int64_t{1}, nullptr}); });
  } catch (const std::exception&) {
    failed = true;
  }
  sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_TRUE(failed) << "a write that never ran was reported as done";
  EXPECT_EQ(db->read([](Conn& c) { return c.query_one(kCount)->i64(0); }), 0);
}

// SQLite commits without syncing the WAL, then syncs it before answering:
// each batch's sync is handed to the syncing thread and the writer goes on.
// While the first write's sync is held, a second write commits, and is
// answered only after a sync that began after its commit.
TEST(SqliteStore, WritesAreAnsweredAfterASyncThatBeganAfterTheirCommit) {
  auto db = fg::testing::OpenTestDb("sqlite");
  db->write([](Conn& c) { c.exec(kCreate); });
  std::promise<void> release_sync;
  std::shared_future<void> sync_released = release_sync.get_future().share();
  std::atomic<int> syncs{0};
  std::atomic<bool> sync_held{false};
  auto committed = [&](const char* key) {
    return db->read([&](Conn& c) { return c.query_one(kGet, {std::string(key)}).has_value(); });
  };
  // Per sync, whether "second" was committed as it began (read on the syncing thread).
  std::vector<bool> second_committed;
  // Holds the first sync only (every sync runs on the syncing thread).
  testing::SetBeforeSync([&] {
    ++syncs;
    second_committed.push_back(committed("second"));
    if (!sync_held.exchange(true)) sync_released.wait();
  });
  // Polls `done` for up to 30 s: a writer that waited for the held sync fails the test, not hangs it.
  auto eventually = [](const std::function<bool()>& done) {
    for (int i = 0; i < 30000 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return done();
  };
  std::promise<void> release_writer;
  std::shared_future<void> writer_released = release_writer.get_future().share();
  std::atomic<bool> writing{false};
  std::future<void> first;
  std::future<void> second;
  // Declared after the futures, so destroyed before them: however the test
  // ends, the held write and sync go on, so the futures' threads can end.
  struct Release {
    std::promise<void>& writer;
    std::promise<void>& sync;
    bool writer_done = false;
    bool sync_done = false;
    void let_writer() {
      if (!writer_done) writer.set_value();
      writer_done = true;
    }
    void let_sync() {
      if (!sync_done) sync.set_value();
      sync_done = true;
    }
    ~Release() {
      let_writer();
      let_sync();
      testing::SetBeforeSync({});
    }
  } release{release_writer, release_sync};
  first = std::async(std::launch::async, [&] {
    db->write([&](Conn& c) {
      c.exec(kInsert, {std::string("first"), int64_t{1}, nullptr});
      writing = true;
      writer_released.wait();
    });
  });
  ASSERT_TRUE(eventually([&] { return writing.load(); }));
  second = std::async(std::launch::async, [&] {
    db->write([](Conn& c) { c.exec(kInsert, {std::string("second"), int64_t{2}, nullptr}); });
  });
  ASSERT_TRUE(eventually([&] { return db->stats().write_queue_depth == 1; }));
  // Past the batch's 2 ms window, so that "second" stays out of the first batch.
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  release.let_writer();
  ASSERT_TRUE(eventually([&] { return sync_held.load(); })) << "the first batch was not handed to the syncing thread";
  EXPECT_TRUE(committed("first")) << "committed before its sync";
  EXPECT_EQ(first.wait_for(std::chrono::milliseconds(0)), std::future_status::timeout) << "answered before its sync";
  // The writer went on while that sync is held: the second write commits...
  ASSERT_TRUE(eventually([&] { return committed("second"); })) << "the writer waited for the first write's sync";
  // ...and is not answered while that sync is held.
  EXPECT_EQ(second.wait_for(std::chrono::milliseconds(0)), std::future_status::timeout) << "answered before its sync";
  EXPECT_EQ(first.wait_for(std::chrono::milliseconds(0)), std::future_status::timeout);
  EXPECT_EQ(syncs.load(), 1);
  release.let_sync();
  first.get();
  second.get();
  // The sync that answered it began after its commit: one more, or the held
  // one itself when the syncing thread took both batches at once (the writer
  // may commit the second before that thread has woken for the first).
  ASSERT_FALSE(second_committed.empty());
  EXPECT_TRUE(second_committed.back());
}

// A sync that fails leaves batches visible that may not be on disk: the
// process stops rather than answer their writers either way.
TEST(SqliteStoreDeathTest, AFailedSyncStopsTheProcess) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        auto db = fg::testing::OpenTestDb("sqlite");
        testing::SetBeforeSync([] { throw std::runtime_error("fdatasync: Input/output error"); });
        db->write([](Conn& c) { c.exec(kCreate); });
      },
      "could not be made durable.*Input/output error");
}

// The writer's commits are copied from the WAL into the database file by
// checkpoints that nobody asks for (SQLite's automatic ones, in the writer's
// commits, here every 1,000 frames): the file grows to hold what was written.
TEST(SqliteStore, CommittedWritesReachTheDatabaseFile) {
  const auto path = fg::testing::TempPath("checkpointed.db");
  Options opt;
  opt.checkpoint_frames = 1000;
  auto db = OpenSqlite(path, opt);
  db->write([](Conn& c) { c.exec(kCreate); });
  const auto empty = std::filesystem::file_size(path);
  const std::string filler(3000, 'x');
  for (int64_t i = 0; i < 1500; ++i)  // one commit each: some 3,000 WAL frames in all
    db->write([&](Conn& c) { c.exec(kInsert, {std::to_string(i) + filler, i, nullptr}); });
  // Some 3,000 frames: the checkpoints at 1,000 and 2,000 copied most of the rows (and their keys).
  EXPECT_GE(std::filesystem::file_size(path), empty + 1500 * 3000 / 2);
  EXPECT_EQ(db->read([](Conn& c) { return c.query_one(kCount)->i64(0); }), 1500);
}

TEST(SqliteStore, BackupIsAReadableCopy) {
  auto db = fg::testing::OpenTestDb("sqlite");
  db->write([](Conn& c) {
    c.exec(kCreate);
    c.exec(kInsert, {std::string("b"), int64_t{7}, nullptr});
  });
  const auto out = fg::testing::TempPath("backup.db");
  db->backup(out);
  auto copy = OpenSqlite(out, {});
  EXPECT_EQ(copy->read([](Conn& c) { return c.query_one(kGet, {std::string("b")})->i64(1); }), 7);
}

}  // namespace
}  // namespace fg::db
