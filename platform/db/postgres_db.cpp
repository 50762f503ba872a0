// PostgreSQL backend via libpq: a pool of connections; each write is its own
// transaction; `?` placeholders become $n; statements are prepared once per
// connection.
#include <libpq-fe.h>

#include <condition_variable>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "platform/db/db.h"

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
        if (PQgetisnull(r, i, j)) cols.emplace_back(nullptr);
        else cols.emplace_back(std::string(PQgetvalue(r, i, j), PQgetlength(r, i, j)));
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
            if constexpr (std::is_same_v<T, std::nullptr_t>) values[i] = nullptr;
            else {
              if constexpr (std::is_same_v<T, std::string>) texts[i] = v;
              else texts[i] = std::to_string(v);
              values[i] = texts[i].c_str();
            }
          },
          params[i]);
    }
    PGresult* r = PQexecPrepared(pg_, it->second.c_str(), static_cast<int>(params.size()),
                                 values.data(), nullptr, nullptr, 0);
    auto st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
      std::string msg = std::string(q.name) + ": " + PQerrorMessage(pg_);
      bool constraint = state && std::strncmp(state, "23", 2) == 0;
      PQclear(r);
      if (constraint) throw ConstraintError(msg);
      throw std::runtime_error("PostgreSQL " + msg);
    }
    return r;
  }

  PGconn* pg_ = nullptr;
  std::unordered_map<const char*, std::string> prepared_;
};

class PostgresDb final : public Db {
 public:
  PostgresDb(std::string conninfo, const Options& opt) : conninfo_(std::move(conninfo)), opt_(opt) {
    stats_.batch_size_buckets.assign(10, 0);
    idle_.push_back(std::make_unique<PgConn>(conninfo_));  // fail fast on a bad URL
    open_ = 1;
  }

  Backend backend() const override { return Backend::kPostgres; }
  Stats stats() const override {
    std::lock_guard lk(mu_);
    Stats s = stats_;
    s.write_queue_depth = static_cast<uint64_t>(waiting_);
    return s;
  }
  void close() override {
    std::unique_lock lk(mu_);
    closing_ = true;
    cv_.wait(lk, [&] { return static_cast<int>(idle_.size()) == open_; });
    idle_.clear();
    open_ = 0;
  }
  void backup(const std::string&) override {
    throw std::runtime_error("backup: use pg_dump for PostgreSQL databases");
  }

 protected:
  void run_read(const std::function<void(Conn&)>& fn) override { with_conn(fn, false); }
  void run_write(const std::function<void(Conn&)>& fn) override { with_conn(fn, true); }

 private:
  void with_conn(const std::function<void(Conn&)>& fn, bool write) {
    std::unique_ptr<PgConn> c;
    {
      std::unique_lock lk(mu_);
      if (closing_ && write) throw std::runtime_error("the store is closed");
      ++waiting_;
      cv_.wait(lk, [&] { return !idle_.empty() || open_ < opt_.readers; });
      --waiting_;
      if (!idle_.empty()) {
        c = std::move(idle_.back());
        idle_.pop_back();
      } else {
        ++open_;
      }
    }
    struct Return {
      PostgresDb* self;
      std::unique_ptr<PgConn>& c;
      ~Return() {
        std::lock_guard lk(self->mu_);
        if (c && c->healthy()) self->idle_.push_back(std::move(c));
        else --self->open_;
        self->cv_.notify_all();
      }
    } ret{this, c};
    if (!c) c = std::make_unique<PgConn>(conninfo_);
    c->exec_script(write ? "BEGIN" : "BEGIN READ ONLY");
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
    if (write) {
      std::lock_guard lk(mu_);
      ++stats_.write_batches;
      ++stats_.writes;
      ++stats_.batch_size_buckets[0];
    }
  }

  std::string conninfo_;
  Options opt_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PgConn>> idle_;
  int open_ = 0;
  int waiting_ = 0;
  bool closing_ = false;
  Stats stats_;
};

}  // namespace

std::unique_ptr<Db> OpenPostgres(const std::string& conninfo, const Options& opt) {
  return std::make_unique<PostgresDb>(conninfo, opt);
}

}  // namespace fg::db
