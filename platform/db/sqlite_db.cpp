// SQLite backend: WAL, foreign keys, one writer thread with group commit
// (events chained as they are appended), a syncing thread that makes its
// commits durable (fdatasync of the WAL; synchronous=NORMAL), read-only
// connections used on the calling thread.
#include <fcntl.h>
#include <sqlite3.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <unordered_map>

#include <spdlog/spdlog.h>

#include "platform/db/batch_counts.h"
#include "platform/db/chain_tip.h"
#include "platform/db/db.h"
#include "platform/db/events.h"
#include "platform/db/group_commit.h"
#include "platform/db/wal_vfs.h"
#include "platform/errors.h"

namespace fg::db {
namespace {

// Once per process, before the first connection: no global memory statistics
// (every allocation would take one process-wide mutex, which io threads'
// reads and the writer then fight over) and no per-connection mutexes (each
// connection is used by one thread at a time).
void ConfigureSqlite() {
  static const bool done = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    const bool ok = sqlite3_initialize() == SQLITE_OK;
    if (ok) InstallWalVfs();  // a commit's WAL frames in one write (wal_vfs.h)
    return ok;
  }();
  (void)done;
}

// CREATE, DROP or ALTER: what sqlite3_total_changes64 does not count.
bool ChangesSchema(const char* sql) {
  while (*sql == ' ' || *sql == '\n' || *sql == '\t') ++sql;
  for (const char* word : {"CREATE", "DROP", "ALTER"})
    if (strncasecmp(sql, word, std::strlen(word)) == 0) return true;
  return false;
}

class SqliteConn final : public Conn {
 public:
  SqliteConn(const std::string& path, bool read_only) {
    ConfigureSqlite();
    int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error("cannot open SQLite database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 10000);
    sqlite3_extended_result_codes(db_, 1);
    exec_script("PRAGMA foreign_keys=ON");
    // A batch run again after a write's fault runs each write in its own
    // savepoint (group_commit.h), as does the sealing pass: the savepoints'
    // journal (the original pages a write changed, for ROLLBACK TO) is kept
    // in memory instead of a temporary file, which cost a pwrite per changed
    // page. It holds at most one write's pages and dies with the batch.
    if (!read_only) {
      exec_script("PRAGMA journal_mode=WAL; PRAGMA temp_store=MEMORY");
      // In WAL mode, NORMAL commits without syncing the WAL (the store's
      // syncing thread does, before any caller resumes) and still syncs around
      // checkpoints and when the WAL is reused. It does not pad a commit's
      // last frame to a sector, which FULL does where a write may disturb the
      // rest of its sector (no "powersafe overwrite"). A database that cannot
      // be in WAL mode (in memory), or whose file lacks powersafe overwrite,
      // commits with FULL.
      const char* wal = sqlite3_filename_wal(sqlite3_db_filename(db_, "main"));
      int psow = -1;
      sqlite3_file_control(db_, "main", SQLITE_FCNTL_POWERSAFE_OVERWRITE, &psow);
      if (JournalMode() == "wal" && wal && *wal && psow == 1) wal_path_ = wal;
      exec_script(wal_path_.empty() ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    }
    // Readers map the file: after each commit a reader's page cache is reset,
    // and pages then come from the mapping instead of a read() each.
    if (read_only) exec_script("PRAGMA mmap_size=268435456");
  }
  ~SqliteConn() override {
    for (auto& [k, s] : stmts_) sqlite3_finalize(s);
    sqlite3_close(db_);
  }

  std::vector<Row> query(const Query& q, const std::vector<Value>& params) override {
    sqlite3_stmt* st = prepare(q, params);
    std::vector<Row> rows;
    int rc;
    // The parameters are bound in place (prepare): the statement lets go of
    // them before they do, also when reading a row throws.
    struct Unbind {
      sqlite3_stmt* st;
      ~Unbind() {
        if (!st) return;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
      }
    } unbind{st};
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      int n = sqlite3_column_count(st);
      std::vector<Value> cols;
      cols.reserve(n);
      for (int i = 0; i < n; ++i) {
        switch (sqlite3_column_type(st, i)) {
          case SQLITE_INTEGER: cols.emplace_back(static_cast<int64_t>(sqlite3_column_int64(st, i))); break;
          case SQLITE_FLOAT: cols.emplace_back(sqlite3_column_double(st, i)); break;
          case SQLITE_NULL: cols.emplace_back(nullptr); break;
          default: {
            auto p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
            cols.emplace_back(std::string(p, sqlite3_column_bytes(st, i)));
          }
        }
      }
      rows.emplace_back(std::move(cols));
    }
    unbind.st = nullptr;
    finish(q, st, rc);
    return rows;
  }

  int64_t exec(const Query& q, const std::vector<Value>& params) override {
    sqlite3_stmt* st = prepare(q, params);
    if (!sqlite3_stmt_readonly(st) && ChangesSchema(q.sql)) ++schema_changes_;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    finish(q, st, rc);
    return sqlite3_changes64(db_);
  }

  int64_t insert(const Query& q, const std::vector<Value>& params) override {
    if (const int64_t n = exec(q, params); n != 1)
      throw std::runtime_error(std::string("SQLite ") + q.name + ": " + std::to_string(n) + " rows inserted, not one");
    return sqlite3_last_insert_rowid(db_);
  }

  void exec_script(std::string_view sql) override {
    ++schema_changes_;  // scripts are DDL (migrations), or may be
    std::string s(sql);
    char* err = nullptr;
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw std::runtime_error("SQLite: " + msg);
    }
  }

  Backend backend() const override { return Backend::kSqlite; }
  sqlite3* handle() { return db_; }
  // Moves with every row a completed statement changed and with every
  // statement or script that may change the schema (which
  // sqlite3_total_changes64 does not count); -1 outside a transaction.
  int64_t change_mark() const {
    return sqlite3_get_autocommit(db_) ? -1 : static_cast<int64_t>(sqlite3_total_changes64(db_)) + schema_changes_;
  }
  // The WAL's path when commits leave syncing it to the store; else empty.
  const std::string& wal_path() const { return wal_path_; }

 private:
  std::string JournalMode() {
    sqlite3_stmt* st = nullptr;
    std::string mode;
    if (sqlite3_prepare_v2(db_, "PRAGMA journal_mode", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
      mode = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return mode;
  }

  sqlite3_stmt* prepare(const Query& q, const std::vector<Value>& params) {
    auto it = stmts_.find(q.sql);
    sqlite3_stmt* st;
    if (it == stmts_.end()) {
      if (sqlite3_prepare_v3(db_, q.sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string("SQLite prepare ") + q.name + ": " + sqlite3_errmsg(db_));
      stmts_.emplace(q.sql, st);
    } else {
      st = it->second;
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      std::visit(
          [&](auto&& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>)
              sqlite3_bind_null(st, idx);
            else if constexpr (std::is_same_v<T, int64_t>)
              sqlite3_bind_int64(st, idx, v);
            else if constexpr (std::is_same_v<T, double>)
              sqlite3_bind_double(st, idx, v);
            else
              // Not copied: every caller steps the statement to its end and
              // resets it (finish) while `params` lives.
              sqlite3_bind_text(st, idx, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
          },
          params[i]);
    }
    return st;
  }

  void finish(const Query& q, sqlite3_stmt* st, int rc) {
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_DONE) return;
    std::string msg = std::string(q.name) + ": " + sqlite3_errmsg(db_);
    if ((rc & 0xff) == SQLITE_CONSTRAINT) throw ConstraintError(msg);
    // A full disk refuses the write (503) and corrupts nothing: SQLite rolls
    // the transaction back; writes succeed again once space returns.
    if ((rc & 0xff) == SQLITE_FULL) throw AppError(ErrorKind::kUnavailable, "error.disk_full");
    throw std::runtime_error("SQLite " + msg);
  }

  sqlite3* db_ = nullptr;
  std::string wal_path_;
  std::unordered_map<const char*, sqlite3_stmt*> stmts_;  // keyed by the literal's address
  int64_t schema_changes_ = 0;                            // change_mark()
};

// Makes the WAL's committed frames durable: fdatasync of the file through a
// descriptor of its own (a sync covers the file, whichever descriptor wrote).
// The writer's connection keeps the WAL from being removed while the store
// is open; should the file at the path ever be another, frames written to the
// first may not be on disk, and the sync fails (which stops the process).
class WalSync {
 public:
  explicit WalSync(std::string path) : path_(std::move(path)) {}
  ~WalSync() {
    if (fd_ >= 0) ::close(fd_);
  }
  WalSync(const WalSync&) = delete;
  WalSync& operator=(const WalSync&) = delete;

  void operator()() {
    if (fd_ < 0 && (fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC)) < 0)
      throw std::system_error(errno, std::generic_category(), "open " + path_);
    // Only the file's identity is asked for: a query of its times (stat,
    // fstat) makes the kernel stamp the next write with a fine-grained
    // time (multigrain timestamps, Linux 6.13), so that every sync would
    // also write the inode, one more disk write each.
    struct statx at_path {};
    struct statx opened {};
    if (::statx(AT_FDCWD, path_.c_str(), 0, STATX_INO, &at_path) != 0 ||
        ::statx(fd_, "", AT_EMPTY_PATH, STATX_INO, &opened) != 0 || at_path.stx_ino != opened.stx_ino ||
        at_path.stx_dev_major != opened.stx_dev_major || at_path.stx_dev_minor != opened.stx_dev_minor)
      throw std::runtime_error(path_ + " was replaced while the store had it open");
    if (::fdatasync(fd_) != 0) throw std::system_error(errno, std::generic_category(), "fdatasync " + path_);
  }

 private:
  std::string path_;
  int fd_ = -1;
};

class SqliteDb final : public Db {
 public:
  SqliteDb(std::string path, const Options& opt) : path_(std::move(path)), opt_(opt) {
    std::vector<std::unique_ptr<Conn>> writer;
    writer.push_back(std::make_unique<SqliteConn>(path_, false));
    writer.back()->exec_script("PRAGMA wal_autocheckpoint=" + std::to_string(opt.checkpoint_frames));
    // Every row the writer changes names its table (Db::watch).
    sqlite3_update_hook(
        static_cast<SqliteConn&>(*writer.back()).handle(),
        [](void* self, int op, const char*, const char* table, sqlite3_int64) {
          static_cast<SqliteDb*>(self)->note_change(table, op == SQLITE_INSERT);
        },
        this);
    // One writer: events are chained as they are appended (events::Append),
    // from a tip the writer keeps through the batch (platform/db/chain_tip.h).
    // Counter rows are summed through the batch and written once each
    // (platform/db/batch_counts.h).
    GroupCommit::Steps steps;
    steps.write_begins = [] {
      events::tip::WriteBegins();
      counts::WriteBegins();
    };
    steps.write_undone = [] {
      events::tip::WriteUndone();
      counts::WriteUndone();
    };
    steps.batch_undone = [] {
      events::tip::Forget();
      counts::Forget();
    };
    // Writes run without a savepoint each: a statement that fails undoes its
    // own changes, so a write that fails with the mark unmoved changed nothing.
    steps.change_mark = [conn = &static_cast<SqliteConn&>(*writer.back())] { return conn->change_mark(); };
    steps.before_commit = [this](Conn& c) {
      counts::Flush(c);
      // The head follows the batch's events, or the batch fails: its events
      // must never commit beyond the head.
      events::tip::Flush(c);
      if (!schema_ready_) return;
      // Chains, after the batch's own, any events an earlier version left
      // unchained (one probe of a partial index, empty but for that case). A
      // failure here is logged and does not fail the batch.
      c.exec(kSealSavepoint);
      try {
        if (const int64_t n = events::Seal(c))
          spdlog::warn("store: chained {} events that an earlier version left unchained", n);
        c.exec(kSealRelease);
      } catch (const std::exception& e) {
        spdlog::error("store: chaining events left unchained failed (the writes commit without it): {}", e.what());
        c.exec(kSealRollback);
        c.exec(kSealRelease);
      }
    };
    steps.after_commit = [this] {
      events::tip::Forget();
      counts::Forget();
      count_changes(/*every_watch=*/false);
    };
    // Readers see a batch from its commit, up to one fdatasync before it is
    // durable; its callers resume only after (docs/architecture.md, "Store").
    if (const std::string& wal = static_cast<SqliteConn&>(*writer.back()).wal_path(); !wal.empty()) {
      wal_sync_ = std::make_unique<WalSync>(wal);
      steps.sync = [s = wal_sync_.get()] { (*s)(); };
    }
    writes_ = std::make_unique<GroupCommit>(std::move(writer), opt_, std::move(steps));
  }
  ~SqliteDb() override { close(); }

  Backend backend() const override { return Backend::kSqlite; }

  Stats stats() const override {
    Stats s;
    writes_->fill(s);
    return s;
  }

  void close() override {
    writes_->close();
    std::lock_guard lk(pool_mu_);
    idle_.clear();
  }

  void backup(const std::string& dest) override {
    // Online backup from a read connection: WAL lets writers go on meanwhile.
    run_read([&](Conn& c) {
      sqlite3* src = static_cast<SqliteConn&>(c).handle();
      sqlite3* out = nullptr;
      if (sqlite3_open(dest.c_str(), &out) != SQLITE_OK) {
        sqlite3_close(out);
        throw std::runtime_error("cannot create backup file " + dest);
      }
      sqlite3_backup* b = sqlite3_backup_init(out, "main", src, "main");
      int rc = SQLITE_ERROR;
      if (b) {
        do {
          rc = sqlite3_backup_step(b, 256);
        } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
        sqlite3_backup_finish(b);
      }
      std::string err = sqlite3_errmsg(out);
      sqlite3_close(out);
      if (rc != SQLITE_DONE) throw std::runtime_error("backup failed: " + err);
    });
  }

 protected:
  // Runs on the calling thread, io threads included: a local read takes
  // microseconds. The pool grows to as many connections as concurrent readers.
  void run_read(const std::function<void(Conn&)>& fn) override {
    std::unique_ptr<SqliteConn> conn;
    {
      std::lock_guard lk(pool_mu_);
      if (!idle_.empty()) {
        conn = std::move(idle_.back());
        idle_.pop_back();
      }
    }
    if (!conn) conn = std::make_unique<SqliteConn>(path_, true);
    struct Return {
      SqliteDb* self;
      std::unique_ptr<SqliteConn>& c;
      ~Return() {
        std::lock_guard lk(self->pool_mu_);
        if (self->idle_.size() < kMaxIdleReaders) self->idle_.push_back(std::move(c));
      }
    } ret{this, conn};
    // A read sees one consistent snapshot.
    conn->exec(kReadBegin, {});
    try {
      fn(*conn);
    } catch (...) {
      conn->exec(kReadRollback, {});
      throw;
    }
    conn->exec(kReadCommit, {});
  }

  void run_write(const std::function<void(Conn&)>& fn) override { writes_->submit(fn); }
  void schema_ready() override { schema_ready_ = true; }

 private:
  static constexpr size_t kMaxIdleReaders = 64;
  static inline const Query kReadBegin{"read_begin", "BEGIN"};
  static inline const Query kReadCommit{"read_commit", "COMMIT"};
  static inline const Query kReadRollback{"read_rollback", "ROLLBACK"};
  static inline const Query kSealSavepoint{"seal_savepoint", "SAVEPOINT seal"};
  static inline const Query kSealRelease{"seal_release", "RELEASE SAVEPOINT seal"};
  static inline const Query kSealRollback{"seal_rollback", "ROLLBACK TO SAVEPOINT seal"};

  std::string path_;
  Options opt_;
  std::atomic<bool> schema_ready_{false};  // events can be chained
  std::unique_ptr<WalSync> wal_sync_;      // before writes_: its syncing thread uses it
  std::unique_ptr<GroupCommit> writes_;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<SqliteConn>> idle_;
};

}  // namespace

std::unique_ptr<Db> OpenSqlite(const std::string& path, const Options& opt) {
  return std::make_unique<SqliteDb>(path, opt);
}

}  // namespace fg::db
