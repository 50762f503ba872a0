// Pure rules of the ratings: scales, checked input, signed tokens, anomaly marks.
#include "features/ratings/rules.h"

#include <gtest/gtest.h>

#include "platform/errors.h"

namespace fg::ratings {
namespace {

TEST(RatingsRules, ScalesOfThreeFourAndFiveLevels) {
  EXPECT_EQ(LevelsOf(3), (std::vector<std::string>{"very_satisfied", "satisfied", "unsatisfied"}));
  EXPECT_EQ(LevelsOf(4),
            (std::vector<std::string>{"very_satisfied", "satisfied", "somewhat_unsatisfied", "unsatisfied"}));
  EXPECT_EQ(LevelsOf(5).size(), 5u);
  EXPECT_EQ(LevelsOf(5)[2], "neutral");
  EXPECT_FALSE(IsScale(2));
  EXPECT_FALSE(IsScale(6));
  EXPECT_TRUE(IsSatisfied("satisfied"));
  EXPECT_FALSE(IsSatisfied("neutral"));
  EXPECT_TRUE(AsksReasons("somewhat_unsatisfied"));
  EXPECT_FALSE(AsksReasons("neutral"));
}

TEST(RatingsRules, CheckedInputKeepsReasonsOnlyWhenAsked) {
  RatingInput in;
  in.source = "kiosk";
  in.level = "neutral";
  in.reasons = {"waiting"};
  const auto five = Checked(in, 5);
  EXPECT_TRUE(five.reasons.empty());
  EXPECT_THROW(Checked(in, 3), AppError);  // neutral is not on the 3-level scale
  in.level = "somewhat_unsatisfied";
  in.reasons = {"other", "come_back", "other"};
  EXPECT_EQ(Checked(in, 4).reasons, (std::vector<std::string>{"come_back", "other"}));
  in.client_key = "bad key!";
  try {
    Checked(in, 4);
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.field(), "client_key");
  }
}

TEST(RatingsRules, TokensVerifyOnlyWithTheKeyAndBeforeExpiry) {
  const std::string key(32, 'k'), other(32, 'o');
  const auto now = std::chrono::sys_seconds{std::chrono::seconds{1'800'000'000}};
  const auto t = LinkToken(42, now + std::chrono::hours(1), key);
  EXPECT_EQ(CheckLinkToken(t, now, key).result, LinkCheck::kOk);
  EXPECT_EQ(CheckLinkToken(t, now, key).dossier_id, 42);
  EXPECT_EQ(CheckLinkToken(t, now + std::chrono::hours(1), key).result, LinkCheck::kExpired);
  EXPECT_EQ(CheckLinkToken(t, now, other).result, LinkCheck::kBad);
  EXPECT_EQ(CheckLinkToken("042" + t.substr(2), now, key).result, LinkCheck::kBad);  // leading zero
  EXPECT_EQ(CheckLinkToken("", now, key).result, LinkCheck::kBad);
  const auto o = OfficialToken(7, key);
  EXPECT_EQ(OfficialOfToken(o, key), 7);
  EXPECT_FALSE(OfficialOfToken(o, other));
  // A link token is not an official token and the reverse (separate MAC domains).
  EXPECT_FALSE(OfficialOfToken("42." + t.substr(t.rfind('.') + 1), key));
  EXPECT_EQ(LinkToken(1, now, "short"), "");  // no key, no token
}

TEST(RatingsRules, AnomalyMarks) {
  EXPECT_EQ(AnomalyOf(false, 0, 1), "");
  EXPECT_EQ(AnomalyOf(true, 0, 1), "staff_address");
  EXPECT_EQ(AnomalyOf(false, kDeviceDaily, 1), "");
  EXPECT_EQ(AnomalyOf(false, kDeviceDaily + 1, 1), "device");
  EXPECT_EQ(AnomalyOf(false, 1, kBurst + 1), "burst");
}

}  // namespace
}  // namespace fg::ratings
