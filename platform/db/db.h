// The store: one interface, two backends (SQLite, PostgreSQL).
//
// Reads and writes are functions handed to the store:
//   auto n = db.read([&](db::Conn& c) { return repo::CountUnits(c); });
//   db.write([&](db::Conn& c) { repo::InsertUnit(c, u); events::Append(c, ev); });
// A write returns only once its transaction is durable. On both backends
// writer threads apply queued writes in group commits (platform/db/group_commit.h):
// each write inside its own SAVEPOINT, so a refused or failing write rolls back
// alone. A function that throws is rolled back and its exception is rethrown
// to the caller.
//
// Waiting: inside a request coroutine (platform/async/wait.h) a write, and a
// PostgreSQL read, suspend the coroutine instead of blocking its io thread; a
// SQLite read runs in place (it takes microseconds). Elsewhere both block.
// Write functions run on a writer thread: they must not suspend themselves.
//
// Thread-safety: a Db is safe for concurrent use from many threads. A Conn is
// only valid inside the function it is passed to.
//
// SQL uses `?` placeholders; the PostgreSQL backend rewrites them to $n.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace fg::db {

using Value = std::variant<std::nullptr_t, int64_t, double, std::string>;

// A named statement: the name appears in logs and errors.
struct Query {
  const char* name;
  const char* sql;
};

class Row {
 public:
  explicit Row(std::vector<Value> cols) : cols_(std::move(cols)) {}
  bool is_null(size_t i) const { return std::holds_alternative<std::nullptr_t>(cols_.at(i)); }
  int64_t i64(size_t i) const;
  double f64(size_t i) const;
  std::string text(size_t i) const;  // NULL -> ""
  std::optional<std::string> opt_text(size_t i) const;
  std::optional<int64_t> opt_i64(size_t i) const;
  size_t size() const { return cols_.size(); }

 private:
  std::vector<Value> cols_;
};

enum class Backend { kSqlite, kPostgres };

class Conn {
 public:
  virtual ~Conn() = default;
  virtual std::vector<Row> query(const Query& q, const std::vector<Value>& params = {}) = 0;
  // Returns the number of rows changed.
  virtual int64_t exec(const Query& q, const std::vector<Value>& params = {}) = 0;
  // Inserts one row and returns its generated `id`. `q` is a single-row
  // INSERT without RETURNING: SQLite reads the new rowid (a RETURNING clause
  // there fills a temporary table on every run), PostgreSQL appends RETURNING id.
  // Not for an upsert (ON CONFLICT DO UPDATE): SQLite's last rowid does not
  // move when the row is updated instead. Throws unless exactly one row was inserted.
  virtual int64_t insert(const Query& q, const std::vector<Value>& params = {}) = 0;
  // Runs SQL text without parameters (DDL, several statements).
  virtual void exec_script(std::string_view sql) = 0;
  virtual Backend backend() const = 0;

  std::optional<Row> query_one(const Query& q, const std::vector<Value>& params = {}) {
    auto rows = query(q, params);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }
};

// Raised by backends for constraint violations, so services can map a duplicate
// key to a 409 without parsing driver messages.
class ConstraintError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Stats {
  uint64_t write_batches = 0;  // group commits (SQLite) or transactions (PostgreSQL)
  uint64_t writes = 0;         // write functions applied
  uint64_t write_queue_depth = 0;
  uint64_t write_refused = 0;                // refused with 503: the queue was full
  uint64_t write_retries = 0;                // run again after PostgreSQL aborted them (class 40)
  std::vector<uint64_t> batch_size_buckets;  // counts for sizes <=1,2,4,...,512,+Inf
};

class Db {
 public:
  virtual ~Db() = default;

  template <class F>
  auto read(F&& fn) -> std::invoke_result_t<F, Conn&> {
    using R = std::invoke_result_t<F, Conn&>;
    if constexpr (std::is_void_v<R>) {
      run_read([&](Conn& c) { fn(c); });
    } else {
      std::optional<R> out;
      run_read([&](Conn& c) { out.emplace(fn(c)); });
      return std::move(*out);
    }
  }

  template <class F>
  auto write(F&& fn) -> std::invoke_result_t<F, Conn&> {
    using R = std::invoke_result_t<F, Conn&>;
    if constexpr (std::is_void_v<R>) {
      run_write([&](Conn& c) { fn(c); });
    } else {
      std::optional<R> out;
      run_write([&](Conn& c) { out.emplace(fn(c)); });
      return std::move(*out);
    }
  }

  virtual Backend backend() const = 0;
  virtual Stats stats() const = 0;
  // Stops accepting writes, applies those already queued, closes connections.
  virtual void close() = 0;
  // Online backup into a new SQLite file (SQLite backend only).
  virtual void backup(const std::string& path) = 0;
  // Called by Migrate once the schema is current: starts background work that
  // needs the tables (PostgreSQL's event sealer).
  virtual void schema_ready() {}

  // A count of this store's committed write batches that may have changed
  // rows of `tables` (SQLite: batches whose statements inserted, updated or
  // deleted such rows, seen by the writer's update hook, which misses WITHOUT
  // ROWID tables, REPLACE's deletions and DELETE without WHERE; PostgreSQL:
  // every batch). It moves after a batch commits and before any of its writers
  // resume, so a value read before a read transaction began that is unchanged
  // afterwards proves the read saw every such change this store committed.
  // Other stores' changes (other processes) are not counted. For caches
  // (accounts' principals). Rows inserted into `updated` tables are not
  // counted (SQLite), only their updates and deletions: for caches of rows
  // that a new row cannot change (a new unit changes no grant's unit).
  std::shared_ptr<const std::atomic<uint64_t>> watch(std::vector<std::string> tables,
                                                     std::vector<std::string> updated = {});

 protected:
  // Backends: the writer thread notes each changed row's table while a batch
  // runs, and counts the noted watches once the batch is committed.
  // Writer thread (SQLite): called for every changed row, it passes each table
  // and kind of change on to the watches once between two counts.
  void note_change(std::string_view table, bool inserted);
  void count_changes(bool every_watch);
  // Blocks the calling thread (never an io thread) until done; rethrows.
  virtual void run_read(const std::function<void(Conn&)>& fn) = 0;
  virtual void run_write(const std::function<void(Conn&)>& fn) = 0;

 private:
  struct Watch {
    std::vector<std::string> tables;
    std::vector<std::string> updated;
    std::shared_ptr<std::atomic<uint64_t>> count;
    bool noted = false;  // under watch_mu_
  };
  std::mutex watch_mu_;
  std::vector<Watch> watches_;
  // What note_change passed on since the last count: read and added to by
  // the writer thread alone, cleared with the watches' marks.
  std::vector<std::pair<std::string, bool>> passed_on_;
};

struct Options {
  int readers = 4;                  // SQLite read-only connections / PostgreSQL read connections
  int writers = 2;                  // PostgreSQL writer connections (SQLite has one writer)
  int max_batch = 512;              // most writes in one group commit
  size_t max_queued_writes = 8192;  // past this, a write is refused with 503
  size_t max_queued_reads = 4096;   // PostgreSQL reads waiting for a connection
  // SQLite: WAL frames (pages) past which a commit checkpoints (wal_autocheckpoint).
  // A hot page written again and again is copied once a checkpoint: fewer
  // checkpoints, fewer copies and database syncs; the WAL grows to ~16 MB.
  int checkpoint_frames = 4000;
};

// "sqlite:PATH" or "postgresql://..." (also "postgres://").
std::unique_ptr<Db> Open(const std::string& url, const Options& opt = {});

std::unique_ptr<Db> OpenSqlite(const std::string& path, const Options& opt);
std::unique_ptr<Db> OpenPostgres(const std::string& conninfo, const Options& opt);

// Applies the numbered migrations in `dir` not yet recorded; returns the schema version.
int Migrate(Db& db, const std::string& dir);

}  // namespace fg::db
