// Group commit, shared by both backends: queued write functions are applied by
// writer threads (one for SQLite, a few for PostgreSQL), many in one
// transaction, so that one commit (one round trip, one sync of the log) serves
// every write of the batch. A refused or failing write rolls back alone: on
// PostgreSQL each write runs inside its own SAVEPOINT; on SQLite writes run
// bare, since a refusal changes nothing before it is raised, and a write that
// fails after changing rows (a fault) makes the batch run again with
// savepoints, without it (Steps::change_mark).
//
// A caller inside a request coroutine suspends until its batch is durable (no
// thread is held); any other caller blocks. The queue is bounded, and a write
// whose request deadline passes before a writer takes it is refused (503)
// without running.
//
// A backend whose commit returns before it is durable (SQLite's WAL with
// synchronous=NORMAL) gives a `sync` step: a thread of its own then makes
// each committed batch durable and resumes its callers, while the writer goes
// on with the next writes. One sync serves every batch committed before it
// began; no caller resumes before a sync that began after its commit.
#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "platform/async/wait.h"
#include "platform/db/db.h"

namespace fg::db {

class GroupCommit {
 public:
  // What a backend adds to every batch, each on the writer thread; any may be empty.
  struct Steps {
    // Inside the transaction, after the batch's writes. A throw fails the batch.
    std::function<void(Conn&)> before_commit;
    // After a successful commit, outside the transaction, before the batch's callers resume.
    std::function<void()> after_commit;
    // Before each write, and after a write is rolled back to its savepoint:
    // state a backend keeps beside the transaction (events' chain tip) follows it.
    std::function<void()> write_begins;
    std::function<void()> write_undone;
    // After a batch's transaction failed and was rolled back.
    std::function<void()> batch_undone;
    // A number that moves whenever the open transaction's rows change, and
    // another (-1) once no transaction is open. Given, writes run without a
    // savepoint each: one that fails with the number unmoved changed nothing
    // and fails alone; one that fails having moved it makes the batch run
    // again, each write in its savepoint, without it.
    std::function<int64_t()> change_mark;
    // Makes every commit that has returned durable (on the syncing thread,
    // while the writer goes on).
    // Empty: a commit is durable when it returns. A throw is fatal: the
    // process logs it and aborts, since the batches it leaves behind are
    // visible to readers and may or may not be on disk.
    std::function<void()> sync;
  };

  // `writers`: one connection per writer thread.
  GroupCommit(std::vector<std::unique_ptr<Conn>> writers, const Options& opt, Steps steps = {});
  ~GroupCommit();

  void submit(const std::function<void(Conn&)>& fn);
  void fill(Stats& s) const;
  // Applies what is queued, then stops the writers. Later submits throw.
  void close();

 private:
  struct Job;
  struct Done {
    Job* job;
    std::exception_ptr error;
  };
  void loop(Conn& conn);
  void sync_loop();
  // Moves queued writes into `batch`, up to max_batch in all; returns how many.
  size_t take(std::vector<Job*>& batch);
  size_t take_locked(std::vector<Job*>& batch);  // REQUIRES: mu_ held
  // The sync step (and the tests' hook); a failure stops the process.
  void sync();
  void apply(Conn& conn, std::vector<Job*>& batch);
  // Runs the writes of `batch` that have neither run nor failed, taking in
  // writes queued meanwhile. `bare`: without savepoints (Steps::change_mark);
  // returns the index of a write that failed after changing rows, and stops.
  std::optional<size_t> run_writes(Conn& conn, std::vector<Job*>& batch, std::vector<std::exception_ptr>& errors,
                                   std::vector<bool>& ran, bool bare, std::chrono::steady_clock::time_point started);
  // Gives each job its outcome and resumes its caller; the resumptions for
  // one io thread are handed over together. Empties `done`.
  static void finish(std::vector<Done>& done);

  Options opt_;
  std::vector<std::unique_ptr<Conn>> conns_;
  Steps steps_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job*> queue_;
  bool closing_ = false;
  Stats stats_;
  std::vector<std::thread> threads_;
  // Committed batches' callers waiting for the next sync (only with a sync step).
  std::mutex sync_mu_;
  std::condition_variable sync_cv_;
  std::vector<Done> unsynced_;
  bool sync_closing_ = false;
  std::thread syncer_;
};

namespace testing {
// Runs before each sync step, on the thread that syncs, as part of it: tests hold
// a sync back with it, or fail one.
void SetBeforeSync(std::function<void()> hook);
}  // namespace testing

}  // namespace fg::db
