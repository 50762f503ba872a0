// A fixed-window rate limiter keyed by a string (an IP address). Thread-safe.
// Either every event counts (`allow`), or only some do: `exhausted` checks
// before the work, `record` counts the events that matter (failed logins).
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
  // Whether `key` has used up its limit in the current window, without recording anything.
  bool exhausted(const std::string& key, std::chrono::sys_seconds now);
  // Records one event for `key` at `now` (counted events only, such as failures).
  void record(const std::string& key, std::chrono::sys_seconds now) { allow(key, now); }

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
