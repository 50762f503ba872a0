#pragma once
// Shared by the report benchmarks (stats_bench, ratings_bench): skewed volumes
// for filling a store, and the median / p95 of repeated runs of a report.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <vector>

namespace fg::bench {

// Index drawn with weight 1/(rank+1)^s: a few procedures (birth registration,
// certified copies) carry most dossiers; communes differ less in size.
class Skewed {
 public:
  Skewed(int n, double s) {
    double sum = 0;
    for (int i = 0; i < n; ++i) cumulative_.push_back(sum += 1.0 / std::pow(i + 1, s));
  }
  int operator()(std::mt19937_64& rng) const {
    const double x = std::uniform_real_distribution<double>(0, cumulative_.back())(rng);
    return static_cast<int>(std::lower_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin());
  }

 private:
  std::vector<double> cumulative_;
};

struct Timing {
  double median, p95;
};

// `runs` timed runs of f after 3 untimed ones (to warm SQLite's pages and the templates).
template <class F>
Timing Time(int runs, F&& f) {
  using Clock = std::chrono::steady_clock;
  for (int i = 0; i < 3; ++i) f();
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

}  // namespace fg::bench
