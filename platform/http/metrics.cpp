#include "platform/http/metrics.h"

#include <sstream>

namespace fg::http {

void Metrics::observe(const std::string& route, int status, double seconds) {
  std::lock_guard lk(mu_);
  ++requests_[{route, status}];
  size_t i = 0;
  while (i < std::size(kBounds) && seconds > kBounds[i]) ++i;
  ++buckets_[i];
  sum_ += seconds;
  ++count_;
}

void Metrics::add_collector(std::function<std::string()> fn) {
  std::lock_guard lk(mu_);
  collectors_.push_back(std::move(fn));
}

std::string Metrics::render() const {
  std::ostringstream o;
  std::vector<std::function<std::string()>> collectors;
  {
    std::lock_guard lk(mu_);
    o << "# HELP friendlygov_http_requests_total HTTP requests by route and status.\n"
         "# TYPE friendlygov_http_requests_total counter\n";
    for (auto& [k, n] : requests_)
      o << "friendlygov_http_requests_total{route=\"" << k.first << "\",status=\"" << k.second << "\"} " << n << "\n";
    o << "# HELP friendlygov_http_request_duration_seconds Time to handle a request.\n"
         "# TYPE friendlygov_http_request_duration_seconds histogram\n";
    uint64_t cum = 0;
    for (size_t i = 0; i < std::size(kBounds); ++i) {
      cum += buckets_[i];
      o << "friendlygov_http_request_duration_seconds_bucket{le=\"" << kBounds[i] << "\"} " << cum << "\n";
    }
    cum += buckets_.back();
    o << "friendlygov_http_request_duration_seconds_bucket{le=\"+Inf\"} " << cum << "\n"
      << "friendlygov_http_request_duration_seconds_sum " << sum_ << "\n"
      << "friendlygov_http_request_duration_seconds_count " << count_ << "\n";
    collectors = collectors_;
  }
  for (auto& c : collectors) o << c();
  return o.str();
}

}  // namespace fg::http
