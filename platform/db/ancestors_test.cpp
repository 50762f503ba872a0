#include "platform/db/ancestors.h"

#include <gtest/gtest.h>

namespace fg::db {
namespace {

std::vector<Value> Texts(std::initializer_list<const char*> texts) {
  std::vector<Value> out;
  for (const char* t : texts) out.emplace_back(std::string(t));
  return out;
}

TEST(AncestorParams, ACommuneGivesItsProvinceDistrictAndItselfThenBlanks) {
  EXPECT_EQ(AncestorParams("/1/5/23/"), Texts({"/1/", "/1/5/", "/1/5/23/", "", "", ""}));
  EXPECT_EQ(AncestorParams("/7/"), Texts({"/7/", "", "", "", "", ""}));
}

TEST(AncestorParams, OtherParametersFollowTheSlots) {
  auto p = AncestorParams("/1/2/", {Value(std::string("thanks")), Value(int64_t{42})});
  ASSERT_EQ(p.size(), kAncestorSlots + 2);
  EXPECT_EQ(p[0], Value(std::string("/1/")));
  EXPECT_EQ(p[1], Value(std::string("/1/2/")));
  EXPECT_EQ(p[2], Value(std::string()));
  EXPECT_EQ(p[kAncestorSlots], Value(std::string("thanks")));
  EXPECT_EQ(p.back(), Value(int64_t{42}));
}

TEST(AncestorParams, APathDeeperThanTheSlotsIsRefusedNotCutShort) {
  EXPECT_THROW(AncestorParams("/1/2/3/4/5/6/7/"), std::logic_error);
  EXPECT_NO_THROW(AncestorParams("/1/2/3/4/5/6/"));
}

TEST(Nearest, TheDeepestUnitsRowWinsWhateverTheOrder) {
  auto row = [](const char* setting, const char* path) {
    return Row({Value(std::string(setting)), Value(std::string(path))});
  };
  auto r = Nearest({row("province", "/1/"), row("commune", "/1/5/23/"), row("district", "/1/5/")});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->text(0), "commune");
  EXPECT_EQ(Nearest({row("district", "/1/5/"), row("province", "/1/")})->text(0), "district");
  EXPECT_FALSE(Nearest({}).has_value());
}

}  // namespace
}  // namespace fg::db
