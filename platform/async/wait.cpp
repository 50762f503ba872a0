#include "platform/async/wait.h"

namespace fg::async {
namespace {
thread_local Waiter* t_current = nullptr;
}

// Not inline: a coroutine is resumed on the thread that suspended it (each io
// thread runs its own io_context), but keeping the thread-local access behind a
// call also keeps the compiler from caching its address across a suspension.
__attribute__((noinline)) Waiter* Current() { return t_current; }
__attribute__((noinline)) void SetCurrent(Waiter* w) { t_current = w; }

std::optional<std::chrono::steady_clock::time_point> Deadline() {
  if (auto* w = Current()) return w->deadline();
  return std::nullopt;
}

}  // namespace fg::async
