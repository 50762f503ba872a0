#include "platform/async/wait.h"

#include <condition_variable>
#include <mutex>

namespace fg::async {
namespace {
thread_local Waiter* t_current = nullptr;
}

// Not inline: a coroutine is resumed on the thread that suspended it (each io
// thread runs its own io_context), but keeping the thread-local access behind a
// call also keeps the compiler from caching its address across a suspension.
__attribute__((noinline)) Waiter* Current() { return t_current; }
__attribute__((noinline)) void SetCurrent(Waiter* w) { t_current = w; }

void BlockingWaiter::suspend(const std::function<void(Resume)>& start) {
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  start([&] {
    std::lock_guard lk(mu);  // held while notifying: the waiter cannot return meanwhile
    done = true;
    cv.notify_one();
  });
  std::unique_lock lk(mu);
  cv.wait(lk, [&] { return done; });
}

std::optional<std::chrono::steady_clock::time_point> Deadline() {
  if (auto* w = Current()) return w->deadline();
  return std::nullopt;
}

}  // namespace fg::async
