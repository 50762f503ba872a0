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

}  // namespace
}  // namespace fg::auth
