#include "platform/async/periodic.h"

#include <spdlog/spdlog.h>

namespace fg::async {

void Periodic::Start(std::string name, std::chrono::milliseconds every, std::function<void()> pass) {
  if (every.count() <= 0 || thread_.joinable()) return;
  stop_ = false;
  thread_ = std::thread([this, name = std::move(name), every, pass = std::move(pass)] {
    for (;;) {
      try {
        pass();
      } catch (const std::exception& e) {
        spdlog::warn("{}: {}", name, e.what());
      }
      std::unique_lock lk(mu_);
      if (cv_.wait_for(lk, every, [this] { return stop_.load(); })) return;
    }
  });
}

void Periodic::Stop() {
  {
    std::lock_guard lk(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace fg::async
