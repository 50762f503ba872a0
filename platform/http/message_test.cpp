#include "platform/http/message.h"

#include <gtest/gtest.h>

namespace fg::http {
namespace {

TEST(Message, ParseInt64IsStrict) {
  EXPECT_EQ(ParseInt64("42"), 42);
  EXPECT_EQ(ParseInt64("-7"), -7);
  EXPECT_EQ(ParseInt64("9223372036854775807"), INT64_MAX);
  for (const char* bad : {"", "4x", " 4", "4 ", "+4", "9223372036854775808", "1e3", "0x10"})
    EXPECT_EQ(ParseInt64(bad), std::nullopt) << bad;
}

TEST(Message, IdParamIsAPositiveInteger) {
  Request r;
  r.params = {{"id", "12"}, {"zero", "0"}, {"neg", "-3"}, {"text", "12abc"}};
  EXPECT_EQ(r.id_param("id"), 12);
  EXPECT_EQ(r.id_param("zero"), std::nullopt);
  EXPECT_EQ(r.id_param("neg"), std::nullopt);
  EXPECT_EQ(r.id_param("text"), std::nullopt);
  EXPECT_EQ(r.id_param("missing"), std::nullopt);
}

TEST(Message, IsLocalPathAcceptsOnlyPathsOnThisSite) {
  using namespace std::string_literals;
  for (std::string ok :
       {"/", "/dashboard", "/calendar?year=2026&unit=25270", "/units/75#top", "/a:b", "/đơn-vị", "/%2F%2Fevil.com"})
    EXPECT_TRUE(IsLocalPath(ok)) << ok;
  for (const std::string& bad :
       {""s, "dashboard"s, "//evil.com"s, "///evil.com"s, "/\\evil.com"s, "\\/evil.com"s, "/\t/evil.com"s,
        "/\n/evil.com"s, "/\r/evil.com"s, "/a\r\nSet-Cookie: x=1"s, "/a\0b"s, "/a\x7f"s, "/a\x01"s, "/x/..\\..\\evil"s,
        "https://evil.com"s, "javascript:alert(1)"s, " /dashboard"s, "\t//evil.com"s, "/ \x0b/evil.com"s})
    EXPECT_FALSE(IsLocalPath(bad)) << bad;
}

}  // namespace
}  // namespace fg::http
