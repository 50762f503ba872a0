#pragma once
// Shared by the report benchmarks (stats_bench, ratings_bench): a test province
// of communes with their officials, working days, skewed volumes for filling a
// store, and the median / p95 of repeated runs of a report.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "features/org/service.h"
#include "platform/db/db.h"
#include "platform/time.h"

namespace fg::bench {

// Imports the province "P" (Tỉnh Thử) and `communes` communes C001, C002, ... under it.
inline void ImportProvince(org::Service& org, int communes) {
  std::string csv =
      "code,name,level,parent_code,valid_from,valid_to,successor_code\nP,Tỉnh Thử,province,,2000-01-01,,\n";
  for (int u = 1; u <= communes; ++u) {
    char code[16];
    std::snprintf(code, sizeof code, "C%03d", u);
    csv += std::string(code) + ",Xã Thử " + std::to_string(u) + ",commune,P,2000-01-01,,\n";
  }
  org.ImportCsv(org::SystemPrincipal(), csv);
}

// `per_unit` officials bench.<u>.<k> at each unit of `units`, in that order.
inline void AddOfficials(db::Db& db, const std::vector<int64_t>& units, int per_unit) {
  static const db::Query kInsertOfficial{
      "bench_official_insert",
      "INSERT INTO officials (username, full_name, unit_id, password_hash, created_at, updated_at) "
      "VALUES (?, ?, ?, 'x', ?, ?) RETURNING id"};
  const std::string now = NowUtcText();
  db.write([&](db::Conn& c) {
    for (size_t u = 0; u < units.size(); ++u)
      for (int k = 0; k < per_unit; ++k) {
        const std::string name = "bench." + std::to_string(u) + "." + std::to_string(k);
        c.query_one(kInsertOfficial, {name, "Cán bộ " + name, units[u], now, now});
      }
  });
}

// Monday to Friday of the years [first, first + years).
inline std::vector<std::chrono::sys_days> WorkingDays(int first, int years) {
  using namespace std::chrono;
  std::vector<sys_days> out;
  for (sys_days d = sys_days{year{first} / 1 / 1}; d < sys_days{year{first + years} / 1 / 1}; d += days{1})
    if (weekday{d}.iso_encoding() <= 5) out.push_back(d);
  return out;
}

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
