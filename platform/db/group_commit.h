// Group commit, shared by both backends: queued write functions are applied by
// writer threads (one for SQLite, a few for PostgreSQL), many in one
// transaction, each inside its own SAVEPOINT so that a refused or failing write
// rolls back alone and never costs the others a replay. One commit (one fsync,
// one round trip) then serves every write of the batch.
//
// A caller inside a request coroutine suspends until its batch is durable (no
// thread is held); any other caller blocks. The queue is bounded, and a write
// whose request deadline passes before a writer takes it is refused (503)
// without running.
#pragma once
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "platform/async/wait.h"
#include "platform/db/db.h"

namespace fg::db {

class GroupCommit {
 public:
  // `writers`: one connection per writer thread. `before_commit` runs inside
  // every batch's transaction after its writes (in its own savepoint; a failure
  // there is logged and does not fail the batch). `after_commit` runs after
  // each successful commit, outside the transaction, before the batch's
  // callers resume.
  GroupCommit(std::vector<std::unique_ptr<Conn>> writers, const Options& opt,
              std::function<void(Conn&)> before_commit = {}, std::function<void()> after_commit = {});
  ~GroupCommit();

  void submit(const std::function<void(Conn&)>& fn);
  void fill(Stats& s) const;
  // Applies what is queued, then stops the writers. Later submits throw.
  void close();

 private:
  struct Job;
  void loop(Conn& conn);
  // Moves queued writes into `batch`, up to max_batch in all; returns how many.
  size_t take(std::vector<Job*>& batch);
  size_t take_locked(std::vector<Job*>& batch);  // REQUIRES: mu_ held
  void apply(Conn& conn, std::vector<Job*>& batch);
  static void finish(Job& job, std::exception_ptr error);

  Options opt_;
  std::vector<std::unique_ptr<Conn>> conns_;
  std::function<void(Conn&)> before_commit_;
  std::function<void()> after_commit_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job*> queue_;
  bool closing_ = false;
  Stats stats_;
  std::vector<std::thread> threads_;
};

}  // namespace fg::db
