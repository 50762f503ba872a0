// Collecting every bad field of a form at once.
#include "platform/errors.h"

#include <gtest/gtest.h>

namespace fg {
namespace {

TEST(Problems, CollectsEveryFieldInOrderAndRaisesThemTogether) {
  Problems p;
  int value = p.check([]() -> int { throw BadInput("error.required", "name"); });
  EXPECT_EQ(value, 0);  // a default instead of the refused value
  EXPECT_EQ(p.check([] { return 7; }), 7);
  p.check([] { throw BadInput("error.bad_date", "valid_from"); });
  p.add(BadInput("error.too_long", "name", {{"max", "5"}}));  // a second problem of "name" is dropped
  EXPECT_TRUE(p.has("name"));
  EXPECT_FALSE(p.has("code"));
  try {
    p.raise_if_any();
    FAIL() << "nothing raised";
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kBadRequest);
    EXPECT_EQ(e.field(), "name");
    EXPECT_EQ(e.key(), "error.required");
    auto list = e.problems();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].field, "name");
    EXPECT_EQ(list[1].field, "valid_from");
    EXPECT_EQ(list[1].key, "error.bad_date");
  }
}

TEST(Problems, OtherErrorsPassThroughAndAnEmptyCollectorRaisesNothing) {
  Problems p;
  EXPECT_THROW(p.check([] { throw AppError(ErrorKind::kForbidden, "error.forbidden"); }), AppError);
  EXPECT_THROW(p.check([] { throw AppError(ErrorKind::kBadRequest, "error.bad_json"); }), AppError);  // no field
  EXPECT_TRUE(p.empty());
  EXPECT_NO_THROW(p.raise_if_any());
}

TEST(Problems, ASingleFieldErrorListsItself) {
  auto e = BadInput("org.bad_code", "code");
  ASSERT_EQ(e.problems().size(), 1u);
  EXPECT_EQ(e.problems()[0].key, "org.bad_code");
  EXPECT_TRUE(AppError(ErrorKind::kConflict, "x").problems().empty());
}

}  // namespace
}  // namespace fg
