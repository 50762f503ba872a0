// A fixed set of threads for work that would block an io thread for long
// (password hashing, PostgreSQL round trips). Bounded: past `max_queued`
// waiting jobs, or when a job would start after its request's deadline, the
// caller gets AppError kUnavailable (503) and the job never runs.
#pragma once
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "platform/async/wait.h"

namespace fg::async {

class BlockingPool {
 public:
  // `nice` > 0 lowers the threads' scheduling priority (Linux per-thread nice).
  BlockingPool(int threads, size_t max_queued, int nice = 0);
  ~BlockingPool();
  BlockingPool(const BlockingPool&) = delete;
  BlockingPool& operator=(const BlockingPool&) = delete;

  // Inside a request coroutine: runs `fn` on a pool thread and suspends the
  // coroutine meanwhile. Elsewhere (CLI, tests, the pool's own threads): runs
  // `fn` on the calling thread. Returns its result or rethrows its exception.
  template <class F>
  auto run(F&& fn) -> std::invoke_result_t<F> {
    using R = std::invoke_result_t<F>;
    Waiter* w = Current();
    if (!w) return fn();
    std::exception_ptr error;
    if constexpr (std::is_void_v<R>) {
      offload(
          *w, [&] { fn(); }, error);
      if (error) std::rethrow_exception(error);
    } else {
      std::optional<R> out;
      offload(
          *w, [&] { out.emplace(fn()); }, error);
      if (error) std::rethrow_exception(error);
      return std::move(*out);
    }
  }

  size_t queued() const;

 private:
  struct Job {
    std::function<void()> work;
    std::exception_ptr* error;
    std::chrono::steady_clock::time_point deadline;
    Resume resume;
  };
  void offload(Waiter& w, std::function<void()> work, std::exception_ptr& error);
  void loop(int nice);

  size_t max_queued_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace fg::async
