#include "platform/auth/principal.h"

#include <gtest/gtest.h>

namespace fg::auth {
namespace {

Principal With(std::vector<Grant> g) {
  Principal p;
  p.grants = std::move(g);
  return p;
}

TEST(Principal, GrantCoversItsSubtreeOnly) {
  auto p = With({{1, Role::kAdmin, 4, "/1/4/", "D", "District"}});
  EXPECT_TRUE(Covers(p, "/1/4/"));
  EXPECT_TRUE(Covers(p, "/1/4/9/"));
  EXPECT_FALSE(Covers(p, "/1/"));     // the parent
  EXPECT_FALSE(Covers(p, "/1/5/"));   // a sibling
  EXPECT_FALSE(Covers(p, "/1/40/"));  // shares a textual prefix, not an ancestor
}

TEST(Principal, RoleFilter) {
  auto p = With({{1, Role::kDesk, 4, "/1/4/", "", ""}});
  EXPECT_TRUE(Covers(p, "/1/4/7/", {Role::kDesk, Role::kLeader}));
  EXPECT_FALSE(Covers(p, "/1/4/7/", {Role::kAdmin}));
}

TEST(Principal, RootsDropCoveredPaths) {
  auto p = With({{1, Role::kAdmin, 4, "/1/4/", "", ""},
                 {2, Role::kAdmin, 9, "/1/4/9/", "", ""},
                 {3, Role::kAdmin, 5, "/1/5/", "", ""},
                 {4, Role::kDesk, 1, "/1/", "", ""}});
  EXPECT_EQ(Roots(p, {Role::kAdmin}), (std::vector<std::string>{"/1/4/", "/1/5/"}));
  EXPECT_EQ(Roots(p), (std::vector<std::string>{"/1/"}));
}

TEST(Principal, RoleNamesRoundTrip) {
  for (Role r : kAllRoles) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_FALSE(ParseRole("root").has_value());
}

}  // namespace
}  // namespace fg::auth
