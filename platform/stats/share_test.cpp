#include "platform/stats/share.h"

#include <gtest/gtest.h>

namespace fg::stats {
namespace {

// The four worked examples of Newcombe, "Two-sided confidence intervals for
// the single proportion", Statistics in Medicine 17 (1998), table I, method 3.
TEST(WilsonShare, MatchesNewcombesPublishedIntervals) {
  struct Case {
    int64_t k, n;
    double low, high;
  } cases[] = {{81, 263, 0.2553, 0.3662}, {15, 148, 0.0624, 0.1605}, {0, 20, 0.0, 0.1611}, {1, 29, 0.0061, 0.1718}};
  for (const auto& c : cases) {
    auto s = WilsonShare(c.k, c.n);
    EXPECT_NEAR(s.low, c.low, 5e-5) << c.k << "/" << c.n;
    EXPECT_NEAR(s.high, c.high, 5e-5) << c.k << "/" << c.n;
    EXPECT_DOUBLE_EQ(s.value, static_cast<double>(c.k) / static_cast<double>(c.n));
  }
}

TEST(WilsonShare, FewAnswersAreMarkedAndNoAnswersAreEmpty) {
  EXPECT_TRUE(WilsonShare(1, 1).too_few);
  EXPECT_FALSE(WilsonShare(29, 30).too_few);
  EXPECT_TRUE(WilsonShare(29, 30, 31).too_few);
  auto none = WilsonShare(0, 0);
  EXPECT_EQ(none.value, 0);
  EXPECT_EQ(none.high, 0);
  // All satisfied: the interval still admits less than all.
  auto all = WilsonShare(30, 30);
  EXPECT_NEAR(all.high, 1.0, 1e-12);
  EXPECT_LT(all.low, 0.9);
}

}  // namespace
}  // namespace fg::stats
