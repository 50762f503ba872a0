#pragma once
// Shared by the report benchmarks (stats_bench, ratings_bench, scorecards_bench):
// a test province of communes with their officials, working days, skewed
// volumes, the desk's and the ratings' counters written through the features'
// own writes, and the median / p95 of repeated runs of a report.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "features/desk/repo.h"
#include "features/desk/rules.h"
#include "features/desk/service.h"
#include "features/org/service.h"
#include "features/ratings/repo.h"
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

// `n` procedures 9.100000, 9.100001, ... of the province "P", "Thủ tục thử số k",
// with legal limits of 3 to 12 working days.
inline void AddProcedures(desk::Service& desk, int n) {
  for (int p = 0; p < n; ++p) {
    desk::ProcedureInput in;
    in.unit_code = "P";
    in.code = "9." + std::to_string(100000 + p);
    in.name = "Thủ tục thử số " + std::to_string(p + 1);
    in.field = "Thử";
    in.limit_unit = "days";
    in.limit_amount = 3 + p % 10;
    desk.CreateProcedure(org::SystemPrincipal(), in);
  }
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

// Who works at the communes: `officials[u * per_unit + k]` is official k of commune u.
struct Staff {
  std::vector<int64_t> units;
  std::vector<int64_t> officials;
  int per_unit = 0;
  int64_t official(int u, int k) const {
    return officials[(static_cast<size_t>(u) * static_cast<size_t>(per_unit)) + static_cast<size_t>(k)];
  }
};

// The desk's counters of `dossiers` dossiers received on `days` (drawn at
// random) through repo::AddStats, the desk's own write (daily rows and the two
// monthly ones), 50,000 a transaction. Official 0 of a commune receives and
// returns, 1 (80 %) or 2 resolves. Per dossier a receipt, then 2 % refused,
// 1.5 % withdrawn, 0.5 % stopped, else a result (62 % early, 32 % on time, 6 %
// late, half the late ones apologised) after 0-11 working days, a return, 8 %
// a supplement request. Communes are skewed 1/sqrt(rank), procedures 1/rank.
inline void FillDeskCounters(db::Db& db, const Staff& staff, const std::vector<int64_t>& procedures, int dossiers,
                             const std::vector<std::chrono::sys_days>& days, std::mt19937_64& rng) {
  const Skewed unit_of(static_cast<int>(staff.units.size()), 0.5),
      procedure_of(static_cast<int>(procedures.size()), 1.0);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  auto day_text = [&](size_t i) { return FormatIsoDate(days[std::min(i, days.size() - 1)]); };
  const int batch = 50000;
  for (int first = 0; first < dossiers; first += batch) {
    db.write([&](db::Conn& c) {
      for (int i = first; i < std::min(dossiers, first + batch); ++i) {
        const int u = unit_of(rng);
        const int64_t unit = staff.units[static_cast<size_t>(u)];
        const int64_t procedure = procedures[static_cast<size_t>(procedure_of(rng))];
        const int64_t desk_officer = staff.official(u, 0);
        const int64_t resolver = staff.official(u, pick(10) < 8 ? 1 : 2);
        const size_t day = static_cast<size_t>(pick(static_cast<int>(days.size())));
        auto add = [&](size_t d, int64_t official, desk::Action a, std::optional<desk::Timeliness> t = std::nullopt,
                       int64_t seconds = 0) {
          desk::repo::AddStats(c, unit, day_text(d), procedure, official, desk::Delta(a, t, seconds));
        };
        add(day, desk_officer, desk::Action::kReceive);
        const int fate = pick(1000);
        if (fate < 20) {
          add(day, desk_officer, desk::Action::kRefuse);
          continue;
        }
        if (fate < 35) {
          add(day + static_cast<size_t>(pick(3)), desk_officer, desk::Action::kWithdraw);
          continue;
        }
        if (fate < 40) {
          add(day + static_cast<size_t>(pick(5)), resolver, desk::Action::kStop);
          continue;
        }
        if (pick(100) < 8) add(day + 1, resolver, desk::Action::kRequestSupplement);
        const int spent = pick(12);  // working days to the result
        const int t = pick(100);
        const auto timeliness = t < 62   ? desk::Timeliness::kEarly
                                : t < 94 ? desk::Timeliness::kOnTime
                                         : desk::Timeliness::kLate;
        if (timeliness == desk::Timeliness::kLate && pick(2) == 0)
          add(day + static_cast<size_t>(spent / 2), resolver, desk::Action::kApology);
        const size_t done = day + static_cast<size_t>(spent);
        add(done, resolver, desk::Action::kResultReady, timeliness, spent * 27000 + pick(27000));
        add(done + static_cast<size_t>(pick(4)), desk_officer, desk::Action::kReturn);
      }
    });
    std::fprintf(stderr, "\rcounters of %d dossiers written", std::min(dossiers, first + batch));
  }
  std::fprintf(stderr, "\n");
}

// The ratings' counters of about `ratings` ratings on `days` through
// repo::AddCounts, the code every rating's write runs, one transaction a day.
// Each commune-day's ratings (busy communes above the base rate, the same skew
// as the dossiers, so the total is about 1.3 times `ratings`) are added up per
// (official, procedure, level, reason) first, as the counters would hold them
// after that many single writes: 55 % very satisfied, 35 % satisfied, 10 % not
// (with one of the 5 reasons) on the 3-level scale; procedure ids 1..`procedures`
// (1/rank). Returns the number of ratings counted.
inline int64_t FillRatingCounters(db::Db& db, const Staff& staff, int procedures, int64_t ratings,
                                  const std::vector<std::chrono::sys_days>& days, std::mt19937_64& rng) {
  const int units = static_cast<int>(staff.units.size());
  const Skewed unit_of(units, 0.5), procedure_of(procedures, 1.0);
  const int per_unit_day = static_cast<int>(ratings / (units * static_cast<int64_t>(days.size())));
  int64_t written = 0;
  for (const auto& d : days) {
    const std::string day = FormatIsoDate(d);
    db.write([&](db::Conn& c) {
      for (int u = 0; u < units; ++u) {
        const int n = std::max(1, static_cast<int>(per_unit_day * 2.0 * (units - unit_of(rng)) / units));
        std::map<std::tuple<int, int, int, int>, int64_t> counts;  // official, procedure, level, reason
        for (int i = 0; i < n; ++i) {
          const int level = static_cast<int>(rng() % 100);
          const int li = level < 55 ? 0 : level < 90 ? 1 : 4;  // 3-level scale
          const int reason = li == 4 ? static_cast<int>(rng() % 5) : -1;
          ++counts[{static_cast<int>(rng() % static_cast<uint64_t>(staff.per_unit)), procedure_of(rng), li, reason}];
        }
        for (const auto& [key, k] : counts) {
          const auto [official, procedure, li, reason] = key;
          ratings::Rating r;
          r.unit_id = staff.units[static_cast<size_t>(u)];
          r.official_id = staff.official(u, official);
          r.procedure_id = procedure + 1;
          r.level = ratings::kLevels[li];
          if (reason >= 0) r.reasons = {ratings::kReasons[reason]};
          r.day = day;
          ratings::repo::AddCounts(c, r, k);
          written += k;
        }
      }
    });
    std::fprintf(stderr, "\rcounters of %lld ratings written", static_cast<long long>(written));
  }
  std::fprintf(stderr, "\n");
  return written;
}

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
