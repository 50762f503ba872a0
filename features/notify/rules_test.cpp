#include "features/notify/rules.h"

#include <gtest/gtest.h>

#include "features/notify/channels.h"

namespace fg::notify {
namespace {

SysSeconds Local(int y, unsigned m, unsigned d, int hh, int mm) {
  return FromLocal(std::chrono::sys_days{std::chrono::year{y} / m / d}, hh * 3600 + mm * 60);
}

TEST(NotifyRules, BackoffDoublesWithinJitterAndIsCapped) {
  EXPECT_EQ(Backoff(1, 0.0), std::chrono::seconds{30});
  EXPECT_EQ(Backoff(2, 0.0), std::chrono::seconds{60});
  EXPECT_EQ(Backoff(3, 0.0), std::chrono::seconds{120});
  // Jitter adds less than half the wait.
  EXPECT_GE(Backoff(3, 0.99), std::chrono::seconds{120});
  EXPECT_LT(Backoff(3, 0.99), std::chrono::seconds{180});
  EXPECT_EQ(Backoff(30, 0.0), std::chrono::seconds{6 * 3600});
  EXPECT_LT(Backoff(30, 0.99), std::chrono::seconds{9 * 3600});
}

TEST(NotifyRules, QuietHoursHoldSmsUntilSevenInTheMorning) {
  EXPECT_EQ(NotBefore(Local(2026, 11, 26, 10, 0), false), Local(2026, 11, 26, 10, 0));
  EXPECT_EQ(NotBefore(Local(2026, 11, 26, 20, 59), false), Local(2026, 11, 26, 20, 59));
  EXPECT_EQ(NotBefore(Local(2026, 11, 26, 21, 0), false), Local(2026, 11, 27, 7, 0));
  EXPECT_EQ(NotBefore(Local(2026, 11, 26, 23, 30), false), Local(2026, 11, 27, 7, 0));
  EXPECT_EQ(NotBefore(Local(2026, 11, 27, 3, 0), false), Local(2026, 11, 27, 7, 0));
  EXPECT_EQ(NotBefore(Local(2026, 11, 27, 7, 0), false), Local(2026, 11, 27, 7, 0));
  // The unit allows night messages.
  EXPECT_EQ(NotBefore(Local(2026, 11, 26, 23, 30), true), Local(2026, 11, 26, 23, 30));
}

TEST(NotifyRules, UnknownPlaceholdersAreListedOnce) {
  EXPECT_TRUE(UnknownPlaceholders("received", "Hồ sơ {code} hẹn {due_date}, xem {link}").empty());
  EXPECT_EQ(UnknownPlaceholders("received", "Hồ sơ {code}: {reason} {ten} {reason}"),
            (std::vector<std::string>{"reason", "ten"}));
  EXPECT_TRUE(UnknownPlaceholders("refused", "Lý do: {reason}").empty());
  EXPECT_EQ(UnknownPlaceholders("result_ready", "Nhận tại {pickup} {due_date"),
            (std::vector<std::string>{"{due_date"}));
  EXPECT_EQ(UnknownPlaceholders("apology", "{}"), (std::vector<std::string>{""}));
}

TEST(NotifyRules, DiacriticsStrippedCaseKept) {
  EXPECT_EQ(StripDiacritics("Đã tiếp nhận hồ sơ của ông Nguyễn Văn Đức"), "Da tiep nhan ho so cua ong Nguyen Van Duc");
  EXPECT_EQ(StripDiacritics("ABC 123"), "ABC 123");
}

TEST(NotifyRules, SmsSegments) {
  EXPECT_EQ(SmsSegments(std::string(160, 'a')), 1);
  EXPECT_EQ(SmsSegments(std::string(161, 'a')), 2);
  EXPECT_EQ(SmsSegments(std::string(306, 'a')), 2);
  EXPECT_EQ(SmsSegments(std::string(307, 'a')), 3);
  std::string vi;
  for (int i = 0; i < 70; ++i) vi += "ệ";
  EXPECT_EQ(SmsSegments(vi), 1);
  EXPECT_EQ(SmsSegments(vi + "a"), 2);
}

TEST(NotifyRules, MsisdnAndKeys) {
  EXPECT_EQ(Msisdn("0912 345.678"), "84912345678");
  EXPECT_EQ(Msisdn("+84 912 345 678"), "84912345678");
  EXPECT_EQ(IdemKey(12, 3, "received"), "fg-d12-v3-received");
  EXPECT_NE(IdemKey(12, 3, "received"), IdemKey(12, 4, "received"));
}

TEST(NotifyRules, RouteChoiceFirstThenPositionWithoutAddresslessChannels) {
  std::vector<Channel> unit = {{"sms", 1, {}}, {"zalo", 0, {}}, {"email", 2, {}}};
  auto names = [](const std::vector<Channel>& v) {
    std::vector<std::string> out;
    for (auto& c : v) out.push_back(c.name);
    return out;
  };
  EXPECT_EQ(names(Route(unit, "", "0912345678", "a@b.vn")), (std::vector<std::string>{"zalo", "sms", "email"}));
  EXPECT_EQ(names(Route(unit, "email", "0912345678", "a@b.vn")), (std::vector<std::string>{"email", "zalo", "sms"}));
  EXPECT_EQ(names(Route(unit, "sms", "", "a@b.vn")), (std::vector<std::string>{"email"}));
  EXPECT_TRUE(Route(unit, "", "", "").empty());
  // One who wrote to the OA has no phone: Zalo still reaches them, SMS does not.
  EXPECT_EQ(names(Route(unit, "zalo", "", "", "U1")), (std::vector<std::string>{"zalo"}));
  // Messenger only reaches one who wrote to the page, first when they did.
  unit.push_back({"facebook", 3, {}});
  EXPECT_EQ(names(Route(unit, "", "0912345678", "a@b.vn")), (std::vector<std::string>{"zalo", "sms", "email"}));
  EXPECT_EQ(names(Route(unit, "facebook", "", "a@b.vn", "", "P1")), (std::vector<std::string>{"facebook", "email"}));
}

TEST(NotifyChannels, OnlyARefusedMailboxOrMessageIsAPermanentSmtpFailure) {
  EXPECT_TRUE(PermanentSmtpFailure(false, 550));
  EXPECT_TRUE(PermanentSmtpFailure(false, 553));
  EXPECT_FALSE(PermanentSmtpFailure(true, 535));   // login refused: the setting is wrong, not the message
  EXPECT_FALSE(PermanentSmtpFailure(false, 530));  // TLS required
  EXPECT_FALSE(PermanentSmtpFailure(false, 421));  // busy
  EXPECT_FALSE(PermanentSmtpFailure(false, 0));    // no answer
}

TEST(NotifyChannels, JsonPath) {
  EXPECT_EQ(JsonPath(R"({"error":0,"data":{"msg_id":"abc"}})", "data.msg_id"), "abc");
  EXPECT_EQ(JsonPath(R"({"error":0})", "error"), "0");
  EXPECT_EQ(JsonPath(R"({"error":0})", "data.msg_id"), "");
  EXPECT_EQ(JsonPath("not json", "a"), "");
}

TEST(NotifyChannels, SecretsAreKnown) {
  EXPECT_TRUE(IsSecret("password"));
  EXPECT_TRUE(IsSecret("access_token"));
  EXPECT_FALSE(IsSecret("url"));
}

}  // namespace
}  // namespace fg::notify
