// Durable write throughput: the store's writer (many concurrent writers, group
// commit, synchronous=FULL) against raw SQLite inserts batched 100 per
// transaction with synchronous=FULL, on the same disk.
//   make bench            (or build-bench/store_bench [rows] [writers] [dir])
// Writers are measured two ways: as blocked threads (the CLI's way), and as
// suspended coroutines on one thread (the server's way: a request coroutine
// waits for its group commit without holding a thread).
#include <sqlite3.h>

#include <boost/context/fiber.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "platform/async/wait.h"
#include "platform/db/db.h"

namespace {

using Clock = std::chrono::steady_clock;
const char* kSchema = "CREATE TABLE IF NOT EXISTS bench (id INTEGER PRIMARY KEY, k TEXT NOT NULL, v TEXT NOT NULL)";

void Fresh(const std::string& path) {
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
}

double Raw(const std::string& path, int rows) {
  Fresh(path);
  sqlite3* db;
  // SQLite's own VFS, as any program would have it: not the store's (platform/db/wal_vfs.h).
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "unix");
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
  sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr);
  sqlite3_stmt* st;
  sqlite3_prepare_v2(db, "INSERT INTO bench (k, v) VALUES (?, ?)", -1, &st, nullptr);
  auto t0 = Clock::now();
  for (int i = 0; i < rows; i += 100) {
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (int j = i; j < i + 100 && j < rows; ++j) {
      std::string k = "key-" + std::to_string(j);
      sqlite3_bind_text(st, 1, k.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(st, 2, "value of a typical small row", -1, SQLITE_STATIC);
      sqlite3_step(st);
      sqlite3_reset(st);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  sqlite3_finalize(st);
  sqlite3_close(db);
  return rows / secs;
}

// Writer `w`'s share of the rows, one durable write each.
void WriteShare(fg::db::Db& db, int w, int rows, int writers) {
  static const fg::db::Query kInsert{"bench_insert", "INSERT INTO bench (k, v) VALUES (?, ?)"};
  for (int i = w; i < rows; i += writers)
    db.write([&](fg::db::Conn& c) {
      c.exec(kInsert, {"key-" + std::to_string(i), std::string("value of a typical small row")});
    });
}

// A fresh store; times `run_writers(db)`, which writes all rows; keeps the store's statistics.
template <class F>
double TimeStore(const std::string& path, int rows, fg::db::Stats* stats, F&& run_writers) {
  Fresh(path);
  auto db = fg::db::OpenSqlite(path, {});
  static const fg::db::Query kCreate{"bench_create", kSchema};
  db->write([](fg::db::Conn& c) { c.exec(kCreate); });
  auto t0 = Clock::now();
  run_writers(*db);
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  *stats = db->stats();
  db->close();
  return rows / secs;
}

double Store(const std::string& path, int rows, int writers, fg::db::Stats* stats) {
  return TimeStore(path, rows, stats, [&](fg::db::Db& db) {
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) threads.emplace_back([&, w] { WriteShare(db, w, rows, writers); });
    for (auto& t : threads) t.join();
  });
}

// A minimal coroutine scheduler: `writers` fibers on the calling thread, each
// writing its share of rows; a fiber waiting for its commit is resumed when the
// store's writer calls its Resume.
class FiberScheduler final : public fg::async::Waiter {
 public:
  struct Task {
    boost::context::fiber fiber;
    boost::context::fiber* caller = nullptr;  // the scheduler, inside the fiber
  };

  void suspend(const std::function<void(fg::async::Resume)>& start) override {
    Task* me = current_;
    start([this, me] {
      std::lock_guard lk(mu_);
      ready_.push_back(me);
      cv_.notify_one();
    });
    *me->caller = std::move(*me->caller).resume();
  }
  std::chrono::steady_clock::time_point deadline() const override { return Clock::time_point::max(); }

  void run(std::vector<Task>& tasks) {
    size_t done = 0;
    for (auto& t : tasks) done += step(t);
    while (done < tasks.size()) {
      std::deque<Task*> batch;
      {
        std::unique_lock lk(mu_);
        cv_.wait(lk, [&] { return !ready_.empty(); });
        batch.swap(ready_);
      }
      for (Task* t : batch) done += step(*t);
    }
  }

 private:
  size_t step(Task& t) {
    current_ = &t;
    fg::async::Scope in_request(this);
    t.fiber = std::move(t.fiber).resume();
    return t.fiber ? 0 : 1;
  }
  Task* current_ = nullptr;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Task*> ready_;
};

double StoreFibers(const std::string& path, int rows, int writers, fg::db::Stats* stats) {
  return TimeStore(path, rows, stats, [&](fg::db::Db& db) {
    FiberScheduler sched;
    std::vector<FiberScheduler::Task> tasks(static_cast<size_t>(writers));
    for (int w = 0; w < writers; ++w) {
      auto* task = &tasks[static_cast<size_t>(w)];
      task->fiber = boost::context::fiber([&, w, task](boost::context::fiber&& caller) {
        task->caller = &caller;
        WriteShare(db, w, rows, writers);
        return std::move(caller);
      });
    }
    sched.run(tasks);
  });
}

}  // namespace

int main(int argc, char** argv) {
  int rows = argc > 1 ? std::stoi(argv[1]) : 50000;
  int writers = argc > 2 ? std::stoi(argv[2]) : 128;
  std::string dir = argc > 3 ? argv[3] : "var";
  std::filesystem::create_directories(dir);
  std::string path = dir + "/bench.db";
  double raw = Raw(path, rows);
  fg::db::Stats stats;
  double store = Store(path, rows, writers, &stats);
  fg::db::Stats fstats;
  double fibers = StoreFibers(path, rows, writers, &fstats);
  Fresh(path);
  std::printf("rows: %d, concurrent writers: %d, disk: %s\n", rows, writers, std::filesystem::absolute(dir).c_str());
  std::printf("raw SQLite, 100 rows per transaction, synchronous=FULL: %10.0f rows/s\n", raw);
  std::printf("store, %d blocked threads, one row per write:        %10.0f rows/s (%llu commits, %.1f writes/commit)\n",
              writers, store, static_cast<unsigned long long>(stats.write_batches),
              static_cast<double>(stats.writes) / static_cast<double>(stats.write_batches));
  std::printf("store, %d coroutines waiting on one thread:         %10.0f rows/s (%llu commits, %.1f writes/commit)\n",
              writers, fibers, static_cast<unsigned long long>(fstats.write_batches),
              static_cast<double>(fstats.writes) / static_cast<double>(fstats.write_batches));
  std::printf("ratio store/raw: threads %.2f, coroutines %.2f (target >= 0.70)\n", store / raw, fibers / raw);
  return 0;
}
