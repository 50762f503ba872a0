#include "features/desk/rules.h"

#include <gtest/gtest.h>

namespace fg::desk {
namespace {

TEST(DeskRules, PrefixEndBoundsExactlyThePrefix) {
  EXPECT_EQ(PrefixEnd("ho"), "hp");
  EXPECT_EQ(PrefixEnd("hz"), "i");
  EXPECT_EQ(PrefixEnd("a9"), "aa");
  EXPECT_EQ(PrefixEnd("zz"), "");
  EXPECT_EQ(Terms("dang ky ho tich ho"), (std::vector<std::string>{"dang", "ho", "ky", "tich"}));
  Procedure p;
  p.code = "1.001193";
  p.name = "Đăng ký khai sinh";
  p.field = "Hộ tịch";
  EXPECT_EQ(SearchKey(p), "1 001193 dang ky khai sinh ho tich");
}

}  // namespace
}  // namespace fg::desk
