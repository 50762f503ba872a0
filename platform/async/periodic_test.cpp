// The background pass: runs at once, again after its interval, survives a
// throw, and Stop() returns without waiting out a long interval.
#include "platform/async/periodic.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

namespace fg::async {
namespace {

void WaitFor(const std::atomic<int>& n, int at_least) {
  for (int i = 0; i < 5000 && n.load() < at_least; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

TEST(Periodic, RunsAtOnceAgainAfterAThrowAndStopsWithoutWaitingTheInterval) {
  std::atomic<int> passes{0};
  Periodic p;
  p.Start("test", std::chrono::milliseconds(1), [&] {
    if (++passes == 1) throw std::runtime_error("first pass fails");
  });
  WaitFor(passes, 3);
  EXPECT_GE(passes.load(), 3);  // the throw did not end the loop
  p.Stop();
  EXPECT_FALSE(p.running());
  EXPECT_TRUE(p.stopping());

  std::atomic<int> slow{0};
  Periodic hourly;
  hourly.Start("test", std::chrono::hours(1), [&] { ++slow; });
  hourly.Start("test", std::chrono::hours(1), [&] { slow += 100; });  // a second Start does nothing
  WaitFor(slow, 1);
  hourly.Stop();  // wakes the hour's wait
  EXPECT_EQ(slow.load(), 1);
}

TEST(Periodic, NoIntervalNeverStarts) {
  std::atomic<int> passes{0};
  Periodic p;
  p.Start("test", std::chrono::milliseconds(0), [&] { ++passes; });
  EXPECT_FALSE(p.running());
  EXPECT_EQ(passes.load(), 0);
}

}  // namespace
}  // namespace fg::async
