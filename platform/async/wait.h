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
#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

namespace fg::async {

// Where a coroutine's resumption runs (an io thread's loop). Several handed
// over together cost one hand-over: one lock of the loop's queue and at most
// one wake-up of its thread, instead of one each.
class ResumeTarget {
 public:
  virtual ~ResumeTarget() = default;
  // Runs each of `fns`, in order, on the target's thread; callable from any thread.
  virtual void resume_all(std::vector<std::function<void()>> fns) = 0;
};

// Resumes a suspended coroutine. Call it exactly once, from any thread.
class Resume {
 public:
  Resume() = default;
  // Runs `fn` where it is called.
  template <class F, class = std::enable_if_t<std::is_invocable_v<F&> && !std::is_same_v<std::decay_t<F>, Resume>>>
  Resume(F fn) : fn_(std::move(fn)) {}  // NOLINT(google-explicit-constructor): a plain function resumes
  // Hands `fn` over to `target`.
  Resume(std::shared_ptr<ResumeTarget> target, std::function<void()> fn)
      : target_(std::move(target)), fn_(std::move(fn)) {}

  void operator()();
  explicit operator bool() const { return static_cast<bool>(fn_); }

 private:
  friend void ResumeAll(std::vector<Resume>& resumes);
  std::shared_ptr<ResumeTarget> target_;
  std::function<void()> fn_;
};

// Calls each of `resumes` once (and empties it); those for one target are
// handed over to it together, in their order.
void ResumeAll(std::vector<Resume>& resumes);

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
