#include "features/accounts/rules.h"

#include <gtest/gtest.h>

namespace fg::accounts {
namespace {
using std::chrono::seconds;

TEST(DelayAfter, NoneBelowTheFreeFailuresThenDoublingUpToTheCap) {
  ThrottleRule rule{5, seconds(60), seconds(3600)};
  for (int n = 0; n < 5; ++n) EXPECT_FALSE(DelayAfter(n, rule)) << n;
  EXPECT_EQ(DelayAfter(5, rule), seconds(60));
  EXPECT_EQ(DelayAfter(6, rule), seconds(120));
  EXPECT_EQ(DelayAfter(7, rule), seconds(240));
  EXPECT_EQ(DelayAfter(10, rule), seconds(1920));
  EXPECT_EQ(DelayAfter(11, rule), seconds(3600));  // 3840 capped
  EXPECT_EQ(DelayAfter(1'000'000, rule), seconds(3600));
}

}  // namespace
}  // namespace fg::accounts
