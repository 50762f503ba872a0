#include "platform/async/pool.h"

#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include "platform/errors.h"

namespace fg::async {

BlockingPool::BlockingPool(int threads, size_t max_queued, int nice) : max_queued_(max_queued) {
  for (int i = 0; i < std::max(1, threads); ++i) threads_.emplace_back([this, nice] { loop(nice); });
}

BlockingPool::~BlockingPool() {
  {
    std::lock_guard lk(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
}

size_t BlockingPool::queued() const {
  std::lock_guard lk(mu_);
  return queue_.size();
}

void BlockingPool::offload(Waiter& w, std::function<void()> work, std::exception_ptr& error) {
  std::exception_ptr refused;
  w.suspend([&](Resume resume) {
    {
      std::lock_guard lk(mu_);
      if (!stopping_ && queue_.size() < max_queued_) {
        queue_.push_back({std::move(work), &error, w.deadline(), std::move(resume)});
        cv_.notify_one();
        return;
      }
    }
    refused = std::make_exception_ptr(AppError(ErrorKind::kUnavailable, "error.overloaded"));
    resume();
  });
  if (refused) std::rethrow_exception(refused);
}

void BlockingPool::loop(int nice) {
  pthread_setname_np(pthread_self(), "fg-pool");
  if (nice > 0) setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), nice);
  for (;;) {
    Job job;
    {
      std::unique_lock lk(mu_);
      cv_.wait(lk, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    if (std::chrono::steady_clock::now() > job.deadline) {
      *job.error = std::make_exception_ptr(AppError(ErrorKind::kUnavailable, "error.timeout"));
    } else {
      try {
        job.work();
      } catch (...) {
        *job.error = std::current_exception();
      }
    }
    // The waiting coroutine owns `work`'s captures: resume last, touch nothing after.
    Resume resume = std::move(job.resume);
    job = {};
    resume();
  }
}

}  // namespace fg::async
