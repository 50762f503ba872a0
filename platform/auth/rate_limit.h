// A fixed-window rate limiter keyed by a string (an IP address). Thread-safe.
#pragma once
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace fg::auth {

class RateLimiter {
 public:
  RateLimiter(int max_events, std::chrono::seconds window) : max_(max_events), window_(window) {}
  // Records one event for `key` at `now`; false when the key is over its limit.
  bool allow(const std::string& key, std::chrono::sys_seconds now);

 private:
  struct Window {
    std::chrono::sys_seconds start;
    int count = 0;
  };
  int max_;
  std::chrono::seconds window_;
  std::mutex mu_;
  std::unordered_map<std::string, Window> windows_;
};

}  // namespace fg::auth
