// Prometheus text-format metrics: requests by route and status, a latency
// histogram, and gauges supplied by the store. Thread-safe.
#pragma once
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace fg::http {

class Metrics {
 public:
  void observe(const std::string& route, int status, double seconds);
  // Extra text appended to the exposition (store gauges ...), produced on demand.
  void add_collector(std::function<std::string()> fn);
  std::string render() const;

 private:
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  static constexpr double kBounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
  std::vector<uint64_t> buckets_ = std::vector<uint64_t>(std::size(kBounds) + 1, 0);
  double sum_ = 0;
  uint64_t count_ = 0;
  std::vector<std::function<std::string()>> collectors_;
};

}  // namespace fg::http
