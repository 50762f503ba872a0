// Filling message placeholders: one pass over the template, values never re-read.
#include "platform/render/messages.h"

#include <gtest/gtest.h>

#include "platform/source_dir.h"

namespace fg::render {
namespace {

class MessagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { LoadMessages(FG_SOURCE_DIR); }
};

TEST_F(MessagesTest, PlaceholdersAreFilledOnceFromTheTemplate) {
  // "{field} dài quá {max} ký tự."
  EXPECT_EQ(Text("error.too_long", {{"field", "{max}"}, {"max", "5"}}), "{max} dài quá 5 ký tự.");
  EXPECT_EQ(Text("error.too_long", {{"field", "x"}, {"max", "{field}"}}), "x dài quá {field} ký tự.");
  // The field's label comes from the catalogue, capitalised where it begins the sentence.
  EXPECT_EQ(Text("error.required", {{"field", "valid_from"}}), "Hãy nhập ngày bắt đầu hiệu lực.");
  EXPECT_EQ(Text("error.too_long", {{"field", "valid_from"}, {"max", "5"}}), "Ngày bắt đầu hiệu lực dài quá 5 ký tự.");
  EXPECT_EQ(Text("error.too_long", {{"field", "parent_code"}, {"max", "5"}}), "Đơn vị cha dài quá 5 ký tự.");
  // Placeholders without a value stay as they are; extra values are ignored.
  EXPECT_EQ(Text("org.csv_row", {{"reason", "x"}, {"other", "y"}}), "Dòng {line}: x");
}

TEST_F(MessagesTest, AValueMayContainItsOwnPlaceholder) {
  EXPECT_EQ(Text("error.required", {{"field", "{field}"}}), "Hãy nhập {field}.");
  EXPECT_EQ(Text("calendar.unknown_unit", {{"field", "unit"}, {"code", "{code}{code}"}}),
            "Đơn vị: không có đơn vị mã {code}{code}.");
  EXPECT_EQ(Text("org.csv_row", {{"line", "{line}"}, {"reason", "{reason} {"}}), "Dòng {line}: {reason} {");
}

TEST_F(MessagesTest, FillWorksOnAnyTemplate) {
  EXPECT_EQ(Fill("{a}{b}{", {{"a", "{b}"}, {"b", "2"}}), "{b}2{");
  EXPECT_EQ(Fill("}{}{field}", {{"", "e"}, {"field", "valid_from"}}), "}engày bắt đầu hiệu lực");
  EXPECT_EQ(Fill("{x", {{"x", "1"}}), "{x");
}

}  // namespace
}  // namespace fg::render
