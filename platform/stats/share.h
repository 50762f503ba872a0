// A share of answers (satisfied / all, on time / all) with its 95% Wilson
// score interval and the "too few answers" rule of the reports: a share over
// fewer answers than the configured minimum is shown but marked, so a unit
// with one rating never tops a unit with ten thousand.
#pragma once
#include <cstdint>

namespace fg::stats {

struct Share {
  int64_t count = 0;  // answers in the share
  int64_t total = 0;  // all answers
  double value = 0;   // count / total, 0 when total is 0
  double low = 0;     // 95% Wilson score interval
  double high = 0;
  bool too_few = true;  // total below the minimum
};

inline constexpr int64_t kDefaultMinimumAnswers = 30;

// Newcombe (1998), method 3 (score interval without continuity correction).
Share WilsonShare(int64_t count, int64_t total, int64_t minimum = kDefaultMinimumAnswers);

}  // namespace fg::stats
