#include "platform/auth/rate_limit.h"

#include <gtest/gtest.h>

namespace fg::auth {
namespace {
using std::chrono::seconds;
using std::chrono::sys_seconds;

TEST(RateLimiter, RefusesOverLimitWithinWindowAndRecovers) {
  RateLimiter rl(3, seconds(60));
  sys_seconds t0{seconds(1'000'000)};
  EXPECT_TRUE(rl.allow("a", t0));
  EXPECT_TRUE(rl.allow("a", t0 + seconds(1)));
  EXPECT_TRUE(rl.allow("a", t0 + seconds(2)));
  EXPECT_FALSE(rl.allow("a", t0 + seconds(3)));
  EXPECT_TRUE(rl.allow("b", t0 + seconds(3)));  // keys are independent
  EXPECT_TRUE(rl.allow("a", t0 + seconds(61)));
}

TEST(RateLimiter, CountsOnlyRecordedEvents) {
  RateLimiter rl(2, seconds(60));
  sys_seconds t0{seconds(1'000'000)};
  for (int i = 0; i < 10; ++i) EXPECT_FALSE(rl.exhausted("a", t0));  // checking counts nothing
  rl.record("a", t0);
  EXPECT_FALSE(rl.exhausted("a", t0 + seconds(1)));
  rl.record("a", t0 + seconds(2));
  EXPECT_TRUE(rl.exhausted("a", t0 + seconds(3)));
  EXPECT_FALSE(rl.exhausted("b", t0 + seconds(3)));
  EXPECT_FALSE(rl.exhausted("a", t0 + seconds(60)));  // a new window
}

}  // namespace
}  // namespace fg::auth
