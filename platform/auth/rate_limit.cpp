#include "platform/auth/rate_limit.h"

namespace fg::auth {

bool RateLimiter::allow(const std::string& key, std::chrono::sys_seconds now) {
  std::lock_guard lk(mu_);
  if (windows_.size() > 100000) {  // bound memory: forget finished windows
    for (auto it = windows_.begin(); it != windows_.end();)
      it = now - it->second.start >= window_ ? windows_.erase(it) : std::next(it);
  }
  auto& w = windows_[key];
  if (w.count == 0 || now - w.start >= window_) {
    w.start = now;
    w.count = 0;
  }
  return ++w.count <= max_;
}

bool RateLimiter::exhausted(const std::string& key, std::chrono::sys_seconds now) {
  std::lock_guard lk(mu_);
  auto it = windows_.find(key);
  return it != windows_.end() && now - it->second.start < window_ && it->second.count >= max_;
}

}  // namespace fg::auth
