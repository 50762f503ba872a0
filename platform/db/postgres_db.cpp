// PostgreSQL backend via libpq: `?` placeholders become $n; statements are
// prepared once per connection; SQLSTATE class 23 becomes ConstraintError.
#include <libpq-fe.h>

#include <condition_variable>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include <spdlog/spdlog.h>

#include <thread>

#include "platform/async/pool.h"
#include "platform/db/db.h"
#include "platform/db/events.h"
#include "platform/db/group_commit.h"
#include "platform/db/retry.h"

namespace fg::db {
namespace {

std::string ToDollarParams(const char* sql) {
  std::string out;
  int n = 0;
  bool in_str = false;
  for (const char* p = sql; *p; ++p) {
    if (*p == '\'') in_str = !in_str;
    if (*p == '?' && !in_str) {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += *p;
    }
  }
  return out;
}

class PgConn final : public Conn {
 public:
  explicit PgConn(const std::string& conninfo) {
    pg_ = PQconnectdb(conninfo.c_str());
    if (PQstatus(pg_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(pg_);
      PQfinish(pg_);
      throw std::runtime_error("cannot connect to PostgreSQL: " + msg);
    }
    exec_script("SET client_min_messages=warning; SET TIME ZONE 'UTC'");
  }
  ~PgConn() override { PQfinish(pg_); }

  std::vector<Row> query(const Query& q, const std::vector<Value>& params) override {
    PGresult* r = run(q, params);
    std::vector<Row> rows;
    int nr = PQntuples(r), nc = PQnfields(r);
    rows.reserve(nr);
    for (int i = 0; i < nr; ++i) {
      std::vector<Value> cols;
      cols.reserve(nc);
      for (int j = 0; j < nc; ++j) {
        if (PQgetisnull(r, i, j))
          cols.emplace_back(nullptr);
        else
          cols.emplace_back(std::string(PQgetvalue(r, i, j), PQgetlength(r, i, j)));
      }
      rows.emplace_back(std::move(cols));
    }
    PQclear(r);
    return rows;
  }

  int64_t exec(const Query& q, const std::vector<Value>& params) override {
    PGresult* r = run(q, params);
    const char* n = PQcmdTuples(r);
    int64_t changed = (n && *n) ? std::stoll(n) : 0;
    PQclear(r);
    return changed;
  }

  int64_t insert(const Query& q, const std::vector<Value>& params) override {
    auto it = returning_.find(q.sql);
    if (it == returning_.end()) it = returning_.emplace(q.sql, std::string(q.sql) + " RETURNING id").first;
    // The text stays at its address in the map's node, on which `prepared_` keys.
    auto rows = query(Query{q.name, it->second.c_str()}, params);
    if (rows.size() != 1)
      throw std::runtime_error(std::string("PostgreSQL ") + q.name + ": " + std::to_string(rows.size()) +
                               " rows inserted, not one");
    return rows.front().i64(0);
  }

  void exec_script(std::string_view sql) override {
    std::string s(sql);
    PGresult* r = PQexec(pg_, s.c_str());
    auto st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      std::string msg = PQerrorMessage(pg_);
      PQclear(r);
      throw std::runtime_error("PostgreSQL: " + msg);
    }
    PQclear(r);
  }

  Backend backend() const override { return Backend::kPostgres; }
  bool healthy() const { return PQstatus(pg_) == CONNECTION_OK; }

 private:
  PGresult* run(const Query& q, const std::vector<Value>& params) {
    auto it = prepared_.find(q.sql);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size());
      std::string sql = ToDollarParams(q.sql);
      PGresult* r = PQprepare(pg_, name.c_str(), sql.c_str(), 0, nullptr);
      if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        std::string msg = PQerrorMessage(pg_);
        PQclear(r);
        throw std::runtime_error(std::string("PostgreSQL prepare ") + q.name + ": " + msg);
      }
      PQclear(r);
      it = prepared_.emplace(q.sql, name).first;
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
      std::visit(
          [&](auto&& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>)
              values[i] = nullptr;
            else {
              if constexpr (std::is_same_v<T, std::string>)
                texts[i] = v;
              else
                texts[i] = std::to_string(v);
              values[i] = texts[i].c_str();
            }
          },
          params[i]);
    }
    PGresult* r =
        PQexecPrepared(pg_, it->second.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0);
    auto st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
      std::string msg = std::string(q.name) + ": " + PQerrorMessage(pg_);
      bool constraint = state && std::strncmp(state, "23", 2) == 0;
      const bool retryable = state && std::strncmp(state, "40", 2) == 0;
      PQclear(r);
      if (constraint) throw ConstraintError(msg);
      if (retryable) throw RetryableError("PostgreSQL " + msg);
      throw std::runtime_error("PostgreSQL " + msg);
    }
    return r;
  }

  PGconn* pg_ = nullptr;
  std::unordered_map<const char*, std::string> prepared_;
  std::unordered_map<const char*, std::string> returning_;  // insert(): each INSERT's text with RETURNING id
};

// Writes: group commits on `writers` connections (platform/db/group_commit.h).
// Reads: a pool of connections, each used by one thread of a BlockingPool, so a
// request coroutine suspends while its query runs. Events: a sealer thread
// with its own connection chains new events right after each commit.
class PostgresDb final : public Db {
 public:
  PostgresDb(std::string conninfo, const Options& opt)
      : conninfo_(std::move(conninfo)), opt_(opt), read_threads_(std::max(1, opt.readers), opt.max_queued_reads) {
    idle_.push_back(std::make_unique<PgConn>(conninfo_));  // fail fast on a bad URL
    std::vector<std::unique_ptr<Conn>> writers;
    for (int i = 0; i < std::max(1, opt.writers); ++i) writers.push_back(std::make_unique<PgConn>(conninfo_));
    GroupCommit::Steps steps;
    steps.after_commit = [this] {
      count_changes(/*every_watch=*/true);  // no update hook: any batch may have changed a watched table
      wake_sealer();
    };
    writes_ = std::make_unique<GroupCommit>(std::move(writers), opt_, std::move(steps));
  }
  ~PostgresDb() override { close(); }

  Backend backend() const override { return Backend::kPostgres; }
  Stats stats() const override {
    Stats s;
    writes_->fill(s);
    return s;
  }
  void close() override {
    writes_->close();
    {
      std::lock_guard lk(seal_mu_);
      if (seal_stop_) return;
      seal_stop_ = true;
      seal_pending_ = true;
    }
    seal_cv_.notify_all();
    if (sealer_.joinable()) sealer_.join();  // its last round seals what the last commits appended
    sealer_conn_.reset();
    std::lock_guard lk(mu_);
    idle_.clear();
  }
  void backup(const std::string&) override { throw std::runtime_error("backup: use pg_dump for PostgreSQL databases"); }
  void schema_ready() override {
    std::lock_guard lk(seal_mu_);
    if (sealer_.joinable() || seal_stop_) return;
    sealer_conn_ = std::make_unique<PgConn>(conninfo_);
    seal_pending_ = true;
    sealer_ = std::thread([this] { seal_loop(); });
  }

 protected:
  void run_read(const std::function<void(Conn&)>& fn) override {
    read_threads_.run([&] { with_conn(fn); });
  }
  void run_write(const std::function<void(Conn&)>& fn) override { writes_->submit(fn); }

 private:
  void with_conn(const std::function<void(Conn&)>& fn) {
    std::unique_ptr<PgConn> c;
    {
      std::lock_guard lk(mu_);
      if (!idle_.empty()) {
        c = std::move(idle_.back());
        idle_.pop_back();
      }
    }
    struct Return {
      PostgresDb* self;
      std::unique_ptr<PgConn>& c;
      ~Return() {
        std::lock_guard lk(self->mu_);
        if (c && c->healthy() && self->idle_.size() < kMaxIdle) self->idle_.push_back(std::move(c));
      }
    } ret{this, c};
    if (!c) c = std::make_unique<PgConn>(conninfo_);
    c->exec_script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");  // one snapshot, as on SQLite
    try {
      fn(*c);
      c->exec_script("COMMIT");
    } catch (...) {
      try {
        c->exec_script("ROLLBACK");
      } catch (...) {
      }
      throw;
    }
  }

  void wake_sealer() {
    {
      std::lock_guard lk(seal_mu_);
      seal_pending_ = true;
    }
    seal_cv_.notify_one();
  }

  // Seals after every commit (batched: commits that land meanwhile are sealed
  // together), and every second in case another process appended events.
  void seal_loop() {
    for (;;) {
      {
        std::unique_lock lk(seal_mu_);
        seal_cv_.wait_for(lk, std::chrono::seconds(1), [&] { return seal_pending_; });
        seal_pending_ = false;
      }
      try {
        int64_t n;
        do {
          sealer_conn_->exec_script("BEGIN");
          n = events::Seal(*sealer_conn_, 5000);
          sealer_conn_->exec_script("COMMIT");
        } while (n == 5000);
      } catch (const std::exception& e) {
        spdlog::error("event sealer: {}", e.what());
        try {
          sealer_conn_->exec_script("ROLLBACK");
        } catch (...) {
        }
        if (!sealer_conn_->healthy()) {
          try {
            sealer_conn_ = std::make_unique<PgConn>(conninfo_);
          } catch (const std::exception&) {
          }
        }
      }
      std::lock_guard lk(seal_mu_);
      if (seal_stop_) return;
    }
  }

  static constexpr size_t kMaxIdle = 64;
  std::string conninfo_;
  Options opt_;
  async::BlockingPool read_threads_;
  std::mutex mu_;
  std::vector<std::unique_ptr<PgConn>> idle_;
  std::unique_ptr<GroupCommit> writes_;

  mutable std::mutex seal_mu_;
  std::condition_variable seal_cv_;
  bool seal_pending_ = false;
  bool seal_stop_ = false;
  std::unique_ptr<PgConn> sealer_conn_;
  std::thread sealer_;
};

}  // namespace

std::unique_ptr<Db> OpenPostgres(const std::string& conninfo, const Options& opt) {
  return std::make_unique<PostgresDb>(conninfo, opt);
}

}  // namespace fg::db
