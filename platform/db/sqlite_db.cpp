// SQLite backend: WAL, foreign keys, synchronous=FULL, one writer thread with
// group commit, a pool of read-only connections.
#include <sqlite3.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "platform/db/db.h"

namespace fg::db {
namespace {

class SqliteConn final : public Conn {
 public:
  SqliteConn(const std::string& path, bool read_only) {
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
    if (!read_only) exec_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL");
  }
  ~SqliteConn() override {
    for (auto& [k, s] : stmts_) sqlite3_finalize(s);
    sqlite3_close(db_);
  }

  std::vector<Row> query(const Query& q, const std::vector<Value>& params) override {
    sqlite3_stmt* st = prepare(q, params);
    std::vector<Row> rows;
    int rc;
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
    finish(q, st, rc);
    return rows;
  }

  int64_t exec(const Query& q, const std::vector<Value>& params) override {
    sqlite3_stmt* st = prepare(q, params);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    finish(q, st, rc);
    return sqlite3_changes64(db_);
  }

  void exec_script(std::string_view sql) override {
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

 private:
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
            if constexpr (std::is_same_v<T, std::nullptr_t>) sqlite3_bind_null(st, idx);
            else if constexpr (std::is_same_v<T, int64_t>) sqlite3_bind_int64(st, idx, v);
            else if constexpr (std::is_same_v<T, double>) sqlite3_bind_double(st, idx, v);
            else sqlite3_bind_text(st, idx, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
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
    throw std::runtime_error("SQLite " + msg);
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<const char*, sqlite3_stmt*> stmts_;  // keyed by the literal's address
};

const Query kBegin{"begin_immediate", "BEGIN IMMEDIATE"};
const Query kCommit{"commit", "COMMIT"};
const Query kRollback{"rollback", "ROLLBACK"};
const Query kSavepoint{"savepoint", "SAVEPOINT w"};
const Query kRelease{"release", "RELEASE w"};
const Query kRollbackTo{"rollback_to", "ROLLBACK TO w"};

// A queued write. It lives on the caller's stack; the writer fills `error` and
// `done` under done_mu_ and never touches it after releasing that lock.
struct WriteJob {
  const std::function<void(Conn&)>* fn;
  std::exception_ptr error;
  bool done = false;
};

class SqliteDb final : public Db {
 public:
  SqliteDb(std::string path, const Options& opt) : path_(std::move(path)), opt_(opt) {
    writer_conn_ = std::make_unique<SqliteConn>(path_, false);
    stats_.batch_size_buckets.assign(10, 0);
    writer_ = std::thread([this] { writer_loop(); });
  }
  ~SqliteDb() override { close(); }

  Backend backend() const override { return Backend::kSqlite; }

  Stats stats() const override {
    std::lock_guard lk(mu_);
    Stats s = stats_;
    s.write_queue_depth = queue_.size();
    return s;
  }

  void close() override {
    {
      std::lock_guard lk(mu_);
      if (closing_) return;
      closing_ = true;
    }
    cv_.notify_all();
    if (writer_.joinable()) writer_.join();
    std::lock_guard lk(pool_mu_);
    idle_.clear();
    writer_conn_.reset();
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
  void run_read(const std::function<void(Conn&)>& fn) override {
    std::unique_ptr<SqliteConn> conn;
    {
      std::unique_lock lk(pool_mu_);
      pool_cv_.wait(lk, [&] { return !idle_.empty() || open_readers_ < opt_.readers; });
      if (!idle_.empty()) {
        conn = std::move(idle_.back());
        idle_.pop_back();
      } else {
        ++open_readers_;
      }
    }
    if (!conn) conn = std::make_unique<SqliteConn>(path_, true);
    struct Return {
      SqliteDb* self;
      std::unique_ptr<SqliteConn>& c;
      ~Return() {
        std::lock_guard lk(self->pool_mu_);
        self->idle_.push_back(std::move(c));
        self->pool_cv_.notify_one();
      }
    } ret{this, conn};
    // A read sees one consistent snapshot.
    conn->exec_script("BEGIN");
    try {
      fn(*conn);
    } catch (...) {
      conn->exec_script("ROLLBACK");
      throw;
    }
    conn->exec_script("COMMIT");
  }

  void run_write(const std::function<void(Conn&)>& fn) override {
    WriteJob job{&fn, {}};
    {
      std::lock_guard lk(mu_);
      if (closing_) throw std::runtime_error("the store is closed");
      queue_.push_back(&job);
    }
    cv_.notify_one();
    {
      std::unique_lock lk(done_mu_);
      done_cv_.wait(lk, [&] { return job.done; });
    }
    if (job.error) std::rethrow_exception(job.error);
  }

 private:
  void writer_loop() {
    std::vector<WriteJob*> batch;
    for (;;) {
      {
        std::unique_lock lk(mu_);
        cv_.wait(lk, [&] { return closing_ || !queue_.empty(); });
        if (queue_.empty()) return;  // closing and drained
        size_t n = std::min<size_t>(queue_.size(), static_cast<size_t>(opt_.max_batch));
        batch.assign(queue_.begin(), queue_.begin() + static_cast<long>(n));
        queue_.erase(queue_.begin(), queue_.begin() + static_cast<long>(n));
      }
      apply(batch);
      batch.clear();
    }
  }

  // Runs every write of the batch without savepoints (the common case: none
  // fails). If one throws, the whole transaction is rolled back and the batch
  // is replayed with a SAVEPOINT per write so that only the failing one is lost.
  bool run_fast(std::vector<WriteJob*>& batch) {
    writer_conn_->exec(kBegin, {});
    for (auto* job : batch) {
      try {
        (*job->fn)(*writer_conn_);
      } catch (...) {
        writer_conn_->exec(kRollback, {});
        return false;
      }
    }
    writer_conn_->exec(kCommit, {});
    return true;
  }

  void run_isolated(std::vector<WriteJob*>& batch, std::vector<std::exception_ptr>& errors) {
    writer_conn_->exec(kBegin, {});
    for (size_t i = 0; i < batch.size(); ++i) {
      writer_conn_->exec(kSavepoint, {});
      try {
        (*batch[i]->fn)(*writer_conn_);
        writer_conn_->exec(kRelease, {});
      } catch (...) {
        errors[i] = std::current_exception();
        writer_conn_->exec(kRollbackTo, {});
        writer_conn_->exec(kRelease, {});
      }
    }
    writer_conn_->exec(kCommit, {});
  }

  void apply(std::vector<WriteJob*>& batch) {
    std::vector<std::exception_ptr> errors(batch.size());
    std::exception_ptr commit_error;
    try {
      if (!run_fast(batch)) run_isolated(batch, errors);
    } catch (...) {
      commit_error = std::current_exception();
      try {
        writer_conn_->exec_script("ROLLBACK");
      } catch (...) {
      }
    }
    {
      std::lock_guard lk(mu_);
      ++stats_.write_batches;
      stats_.writes += batch.size();
      size_t b = 0;
      while (b + 1 < stats_.batch_size_buckets.size() && (size_t{1} << b) < batch.size()) ++b;
      ++stats_.batch_size_buckets[b];
    }
    // One notify_all for the whole batch (no promise to allocate per write);
    // waiters of a later batch wake, see `done` false and sleep again.
    {
      std::lock_guard lk(done_mu_);
      for (size_t i = 0; i < batch.size(); ++i) {
        batch[i]->error = commit_error ? commit_error : errors[i];
        batch[i]->done = true;
      }
    }
    done_cv_.notify_all();
  }

  std::string path_;
  Options opt_;
  std::unique_ptr<SqliteConn> writer_conn_;
  std::thread writer_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::mutex done_mu_;  // guards WriteJob::done and ::error
  std::condition_variable done_cv_;
  std::deque<WriteJob*> queue_;
  bool closing_ = false;
  Stats stats_;

  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<SqliteConn>> idle_;
  int open_readers_ = 0;
};

}  // namespace

std::unique_ptr<Db> OpenSqlite(const std::string& path, const Options& opt) {
  return std::make_unique<SqliteDb>(path, opt);
}

}  // namespace fg::db
