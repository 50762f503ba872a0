// Waiting without holding a thread.
//
// Request handlers run inside a stackful coroutine on an io thread (see
// platform/http/server.cpp). Code that must wait for another thread (a durable
// write, a PostgreSQL query, a password hash) asks `Current()` for the waiter of
// the running coroutine: with one, it hands its work to the other thread and
// suspends; without one (the CLI, tests, the store's own threads) it blocks as
// plain code does. Features never see this: `db.write(fn)` reads the same
// either way.
#pragma once
#include <chrono>
#include <functional>
#include <optional>

namespace fg::async {

// Resumes a suspended coroutine. Call it exactly once, from any thread.
using Resume = std::function<void()>;

class Waiter {
 public:
  virtual ~Waiter() = default;
  // Calls `start(resume)` and suspends the calling coroutine until `resume()`
  // runs. `start` must hand `resume` to another thread (or call it) before returning.
  virtual void suspend(const std::function<void(Resume)>& start) = 0;
  // The instant by which the request must be answered; work that has not
  // started by then is refused with 503 rather than begun.
  virtual std::chrono::steady_clock::time_point deadline() const = 0;
};

// A waiter for plain threads (the CLI, tests, the store's own threads):
// `suspend` blocks the calling thread until `resume` runs.
class BlockingWaiter final : public Waiter {
 public:
  explicit BlockingWaiter(std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max())
      : deadline_(deadline) {}
  void suspend(const std::function<void(Resume)>& start) override;
  std::chrono::steady_clock::time_point deadline() const override { return deadline_; }

 private:
  std::chrono::steady_clock::time_point deadline_;
};

// The waiter of the request coroutine running on this thread, or null.
Waiter* Current();
// Set by the server while it runs a handler (and after each resumption).
void SetCurrent(Waiter* w);

// The current request's deadline, if any.
std::optional<std::chrono::steady_clock::time_point> Deadline();

// Marks the thread as inside a request coroutine for the scope's life.
class Scope {
 public:
  explicit Scope(Waiter* w) : prev_(Current()) { SetCurrent(w); }
  ~Scope() { SetCurrent(prev_); }
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

 private:
  Waiter* prev_;
};

}  // namespace fg::async
