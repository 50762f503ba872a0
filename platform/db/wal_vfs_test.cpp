// The WAL's writes gathered per commit (wal_vfs.h), on real files.
#include "platform/db/wal_vfs.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <utility>

#include <unistd.h>

namespace fg::db {
namespace {

namespace fs = std::filesystem;

class WalVfsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_initialize(), SQLITE_OK);
    InstallWalVfs();
    dir_ = fs::temp_directory_path() / ("fg-wal-vfs-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
    db_ = Open(path_, nullptr);
    Exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0");
    Exec(db_, "CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB NOT NULL)");
  }
  void TearDown() override {
    sqlite3_close(db_);
    fs::remove_all(dir_);
  }

  static sqlite3* Open(const std::string& path, const char* vfs) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs), SQLITE_OK);
    return db;
  }
  static void Exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &err), SQLITE_OK) << sql << ": " << (err ? err : "");
    sqlite3_free(err);
  }
  static int64_t One(sqlite3* db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    EXPECT_EQ(sqlite3_step(st), SQLITE_ROW) << sql;
    const int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
  }
  // One transaction of `rows` rows of `bytes` random bytes each.
  void Insert(int rows, int bytes) {
    Exec(db_, "BEGIN");
    const std::string sql = "INSERT INTO t (v) VALUES (randomblob(" + std::to_string(bytes) + "))";
    for (int i = 0; i < rows; ++i) Exec(db_, sql.c_str());
    Exec(db_, "COMMIT");
  }
  int64_t WalBytes() const { return static_cast<int64_t>(fs::file_size(path_ + "-wal")); }
  // The files as a crash leaves them (database and WAL, no shared memory),
  // opened by SQLite's own VFS: it rebuilds its index from the WAL, checking
  // every frame's checksum, and drops any frame after the first bad one.
  // Answers the copy's row count and bytes, after an integrity check.
  std::pair<int64_t, int64_t> RecoveredCopy(const std::string& name) {
    const std::string copy = (dir_ / name).string();
    fs::copy_file(path_, copy);
    fs::copy_file(path_ + "-wal", copy + "-wal");
    sqlite3* c = Open(copy, "unix");
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(c, "PRAGMA integrity_check", -1, &st, nullptr), SQLITE_OK);
    EXPECT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok");
    sqlite3_finalize(st);
    std::pair<int64_t, int64_t> out{One(c, "SELECT count(*) FROM t"), One(c, "SELECT coalesce(sum(length(v)), 0) FROM t")};
    sqlite3_close(c);
    return out;
  }

  fs::path dir_;
  std::string path_;
  sqlite3* db_ = nullptr;
};

TEST_F(WalVfsTest, IsSQLitesDefault) {
  ASSERT_NE(sqlite3_vfs_find(nullptr), nullptr);
  EXPECT_STREQ(sqlite3_vfs_find(nullptr)->zName, "fg-wal");
}

TEST_F(WalVfsTest, ACommitsFramesReachTheKernelInAFewWritesAndEveryReaderSeesThem) {
  Insert(1, 10);  // the WAL's header and first frames
  const int64_t wal_before = WalBytes();
  const WalVfsCounts before = WalVfsCounted();
  Insert(25, 3000);  // one row a page: 25 pages and more
  const WalVfsCounts after = WalVfsCounted();
  const int64_t frames = (WalBytes() - wal_before) / (4096 + 24);
  ASSERT_GE(frames, 25);
  // SQLite wrote each frame as a header and a page; the kernel got pieces
  // of at most 128 KB.
  EXPECT_EQ(after.gathered - before.gathered, static_cast<uint64_t>(2 * frames));
  const uint64_t bound = static_cast<uint64_t>((frames * (4096 + 24) + 0x1ffff - 1) / (0x1ffff - 4095)) + 1;
  EXPECT_LE(after.written - before.written, bound);
  EXPECT_GE(after.written - before.written, 1u);
  // Another connection, and SQLite's own VFS, read it at once.
  sqlite3* other = Open(path_, "unix");
  EXPECT_EQ(One(other, "SELECT count(*) FROM t"), 26);
  EXPECT_EQ(One(other, "SELECT sum(length(v)) FROM t"), 10 + 25 * 3000);
  sqlite3_close(other);
}

TEST_F(WalVfsTest, TheWalOnDiskIsOneSQLiteRecoversFromAfterACrash) {
  // Several commits, one larger than what is gathered before a commit.
  Insert(10, 3000);
  Insert(400, 4000);
  Insert(3, 100);
  EXPECT_EQ(RecoveredCopy("copy.db"), std::make_pair(int64_t{413}, int64_t{10 * 3000 + 400 * 4000 + 3 * 100}));
}

// A transaction that spills pages into the WAL and then changes them again
// writes them again in place, and at its commit SQLite rewrites the headers
// (checksums) of every frame from the first such page, its commit's last.
TEST_F(WalVfsTest, ACommitThatRewritesItsSpilledFramesIsWholeAfterACrash) {
  Insert(1, 10);
  Exec(db_, "PRAGMA cache_size=20");
  Exec(db_, "BEGIN");
  for (int i = 0; i < 200; ++i) Exec(db_, "INSERT INTO t (v) VALUES (randomblob(3000))");
  Exec(db_, "UPDATE t SET v = zeroblob(2000) WHERE k > 1");
  Exec(db_, "COMMIT");
  EXPECT_EQ(RecoveredCopy("copy.db"), std::make_pair(int64_t{201}, int64_t{10 + 200 * 2000}));
}

// Frames a rolled-back transaction spilled must never be written after its
// write lock goes: they would land on frames another connection committed at
// the same place meanwhile. (SQLite 3.40 happens to read the WAL while it
// rolls back, which writes them out before; what is left is dropped.)
TEST_F(WalVfsTest, ARolledBackTransactionsFramesNeverLandOnAnotherConnectionsCommit) {
  Insert(1, 10);
  sqlite3* other = Open(path_, nullptr);  // a second writer, through this VFS too
  Exec(db_, "PRAGMA cache_size=20");
  Exec(db_, "BEGIN");
  for (int i = 0; i < 100; ++i) Exec(db_, "INSERT INTO t (v) VALUES (randomblob(3000))");
  Exec(db_, "ROLLBACK");
  // More frames than the rolled-back transaction wrote, from the same place on.
  Exec(other, "BEGIN");
  for (int i = 0; i < 150; ++i) Exec(other, "INSERT INTO t (v) VALUES (randomblob(3000))");
  Exec(other, "COMMIT");
  // The first connection reads (fencing the shared memory) and writes again.
  EXPECT_EQ(One(db_, "SELECT count(*) FROM t"), 151);
  Insert(2, 100);
  EXPECT_EQ(One(other, "SELECT sum(length(v)) FROM t"), 10 + 150 * 3000 + 2 * 100);
  sqlite3_close(other);
  EXPECT_EQ(RecoveredCopy("copy.db"), std::make_pair(int64_t{153}, int64_t{10 + 150 * 3000 + 2 * 100}));
}

TEST_F(WalVfsTest, ARolledBackTransactionLeavesNothingAndTheNextCommitsWhole) {
  Insert(5, 3000);
  Exec(db_, "BEGIN");
  // More than the page cache holds (2 MB): pages spill into the WAL uncommitted.
  for (int i = 0; i < 800; ++i) Exec(db_, "INSERT INTO t (v) VALUES (randomblob(4000))");
  Exec(db_, "ROLLBACK");
  Insert(2, 3000);
  sqlite3* other = Open(path_, "unix");
  EXPECT_EQ(One(other, "SELECT count(*) FROM t"), 7);
  sqlite3_close(other);
  EXPECT_EQ(RecoveredCopy("copy.db"), std::make_pair(int64_t{7}, int64_t{7 * 3000}));
}

}  // namespace
}  // namespace fg::db
