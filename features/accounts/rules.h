// Pure rules of logging in: how long an (account, client address) pair waits
// after wrong passwords.
#pragma once
#include <chrono>
#include <optional>

namespace fg::accounts {

struct ThrottleRule {
  int free_failures = 5;                 // wrong passwords a pair may make without waiting
  std::chrono::seconds first_delay{60};  // the wait after failure number free_failures
  std::chrono::seconds max_delay{3600};  // doubling stops here
};

// The wait after a pair's `failures`-th consecutive wrong password: none below
// `free_failures`, then first_delay, doubled per further failure, capped.
std::optional<std::chrono::seconds> DelayAfter(int failures, const ThrottleRule& rule);

}  // namespace fg::accounts
