#include "platform/http/app.h"

#include <gtest/gtest.h>

namespace fg::http {
namespace {

// Found by review: a request path with %0A forged lines in the access log.
TEST(LogSafe, EscapesControlCharactersAndKeepsText) {
  EXPECT_EQ(LogSafe("/units/75"), "/units/75");
  EXPECT_EQ(LogSafe("/a\n2026-01-01 [info] forged"), "/a\\x0a2026-01-01 [info] forged");
  EXPECT_EQ(LogSafe(std::string("/a\r\0b\x7f\\", 7)), "/a\\x0d\\x00b\\x7f\\x5c");
  EXPECT_EQ(LogSafe("/tra-cuu/Xã Tân Hưng"), "/tra-cuu/Xã Tân Hưng");
}

}  // namespace
}  // namespace fg::http
