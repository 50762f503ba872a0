// Deadline computations per second on one core (issue target: >= 5 million).
//   make bench   (or build-bench/calendar_bench --benchmark_filter=Due)
// Receipts are spread over 2020-2030 at random minutes (day and night, weekends,
// holidays), limits of 1-20 working days / 1-40 hours; the calendar carries the
// statutory holidays of 1900-2199 and the 2026 decisions.
#include <benchmark/benchmark.h>

#include <random>

#include "features/calendar/engine.h"
#include "features/calendar/lunar.h"
#include "features/calendar/testing.h"

namespace {

using namespace fg::calendar;
using namespace std::chrono;

// The statutory days of 1900-2199 with the 2026 decisions (2/1 swapped for Saturday 10/1).
std::vector<DayEntry> Days() {
  return EffectiveDays(kFirstYear, kLastYear,
                       {testing::Decision(testing::D(2026, 1, 2), DayKind::kSwap),
                        testing::Decision(testing::D(2026, 1, 10), DayKind::kMakeupWorkday)});
}

const WorkCalendar& Calendar() {
  static const WorkCalendar cal(Days(), WorkWeek{});
  return cal;
}

std::vector<DueRequest> Requests(LimitUnit unit, int pauses) {
  std::mt19937_64 rng(42);
  const int64_t from = sys_seconds{sys_days{year{2020} / 1 / 1}}.time_since_epoch().count();
  const int64_t span = int64_t{86400} * 365 * 10;
  std::vector<DueRequest> out(4096);
  for (auto& r : out) {
    r.received_at = Instant{seconds{from + static_cast<int64_t>(rng() % span) / 60 * 60}};
    r.unit = unit;
    r.amount = unit == LimitUnit::kHours ? 1 + rng() % 40 : 1 + rng() % 20;
    if (pauses > 0) r.amount = 10 + rng() % 10;  // long enough for the pauses to start before due
    for (int p = 0; p < pauses; ++p) {
      const Instant start = (p == 0 ? r.received_at : r.pauses.back().to) + hours{1 + rng() % 20};
      r.pauses.push_back({start, start + hours{1 + rng() % 30}});
    }
  }
  return out;
}

void Run(benchmark::State& state, LimitUnit unit, int pauses) {
  const auto& cal = Calendar();
  const auto requests = Requests(unit, pauses);
  size_t i = 0;
  for (auto _ : state) {
    auto r = cal.Due(requests[i++ & 4095]);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_DueDays(benchmark::State& s) { Run(s, LimitUnit::kDays, 0); }
void BM_DueHours(benchmark::State& s) { Run(s, LimitUnit::kHours, 0); }
void BM_DueSameDay(benchmark::State& s) { Run(s, LimitUnit::kSameDay, 0); }
void BM_DueDaysTwoPauses(benchmark::State& s) { Run(s, LimitUnit::kDays, 2); }
BENCHMARK(BM_DueDays);
BENCHMARK(BM_DueHours);
BENCHMARK(BM_DueSameDay);
BENCHMARK(BM_DueDaysTwoPauses);

// Building the tables of one working week (done once per distinct week and
// after each change of the national decisions).
void BM_BuildCalendar(benchmark::State& state) {
  const auto days = Days();
  for (auto _ : state) {
    WorkCalendar cal(days, WorkWeek{});
    benchmark::DoNotOptimize(cal);
  }
}
BENCHMARK(BM_BuildCalendar)->Unit(benchmark::kMillisecond);

void BM_ToLunar(benchmark::State& state) {
  sys_days d = sys_days{year{2026} / 1 / 1};
  for (auto _ : state) {
    benchmark::DoNotOptimize(ToLunar(d));
    d += days{1};
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ToLunar);

}  // namespace

BENCHMARK_MAIN();
