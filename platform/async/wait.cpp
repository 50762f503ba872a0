#include "platform/async/wait.h"

#include <algorithm>
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

void Resume::operator()() {
  auto fn = std::move(fn_);
  if (auto target = std::move(target_)) {
    std::vector<std::function<void()>> one;
    one.push_back(std::move(fn));
    target->resume_all(std::move(one));
  } else {
    fn();
  }
}

void ResumeAll(std::vector<Resume>& resumes) {
  // Few targets (one per io thread): a linear search per resumption. Each
  // group owns its target until its hand-over is made.
  std::vector<std::pair<std::shared_ptr<ResumeTarget>, std::vector<std::function<void()>>>> by_target;
  for (auto& r : resumes) {
    if (!r.target_) {
      r();
      continue;
    }
    auto it = std::find_if(by_target.begin(), by_target.end(), [&](auto& g) { return g.first == r.target_; });
    if (it == by_target.end())
      it = by_target.emplace(by_target.end(), std::move(r.target_), std::vector<std::function<void()>>{});
    it->second.push_back(std::move(r.fn_));
  }
  resumes.clear();
  for (auto& [target, fns] : by_target) target->resume_all(std::move(fns));
}

std::optional<std::chrono::steady_clock::time_point> Deadline() {
  if (auto* w = Current()) return w->deadline();
  return std::nullopt;
}

}  // namespace fg::async
