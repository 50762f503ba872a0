#include "features/accounts/rules.h"

namespace fg::accounts {

std::optional<std::chrono::seconds> DelayAfter(int failures, const ThrottleRule& rule) {
  if (failures < rule.free_failures) return std::nullopt;
  auto delay = rule.first_delay;
  for (int i = rule.free_failures; i < failures && delay < rule.max_delay; ++i) delay *= 2;
  return std::min(delay, rule.max_delay);
}

}  // namespace fg::accounts
