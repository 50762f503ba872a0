#include "platform/stats/share.h"

#include <algorithm>
#include <cmath>

namespace fg::stats {

Share WilsonShare(int64_t count, int64_t total, int64_t minimum) {
  Share s;
  s.count = count;
  s.total = total;
  s.too_few = total < minimum;
  if (total <= 0) return s;
  constexpr double z = 1.959963984540054;  // the 97.5th percentile of the normal distribution
  const double n = static_cast<double>(total);
  const double p = static_cast<double>(count) / n;
  const double d = 1 + z * z / n;
  const double centre = (p + z * z / (2 * n)) / d;
  const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d;
  s.value = p;
  s.low = std::max(0.0, centre - half);
  s.high = std::min(1.0, centre + half);
  return s;
}

}  // namespace fg::stats
