// Dates typed as Ngày / Tháng / Năm, and dates shown as dd/mm/yyyy.
#include <gtest/gtest.h>

#include "platform/render/page.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::render {
namespace {

TEST(DateFromForm, JoinsDayMonthYearIntoAnIsoDate) {
  EXPECT_EQ(DateFromForm({{"d_day", "7"}, {"d_month", "2"}, {"d_year", "2026"}}, "d"), "2026-02-07");
  EXPECT_EQ(DateFromForm({{"d_day", " 17 "}, {"d_month", "12"}, {"d_year", "2026"}}, "d"), "2026-12-17");
  EXPECT_EQ(DateFromForm({{"d_day", ""}, {"d_month", ""}, {"d_year", ""}}, "d"), "");
  EXPECT_EQ(DateFromForm({}, "d"), "");
  // One field, as the API and older forms send it.
  EXPECT_EQ(DateFromForm({{"d", "2026-02-17"}}, "d"), "2026-02-17");
}

TEST(DateFromForm, PartsThatMakeNoDateAreRefusedByTheDateCheck) {
  for (const auto& form :
       std::vector<std::map<std::string, std::string>>{{{"d_day", "31"}, {"d_month", "2"}, {"d_year", "2026"}},
                                                       {{"d_day", "1"}, {"d_month", ""}, {"d_year", "2026"}},
                                                       {{"d_day", "x"}, {"d_month", "2"}, {"d_year", "2026"}},
                                                       {{"d_day", "1"}, {"d_month", "2"}, {"d_year", "26"}}})
    EXPECT_FALSE(IsIsoDate(DateFromForm(form, "d"))) << DateFromForm(form, "d");
}

TEST(DisplayDate, ShowsDayMonthYear) {
  EXPECT_EQ(DisplayDate("2026-11-23"), "23/11/2026");
  EXPECT_EQ(DisplayDate("2026-02-30"), "2026-02-30");  // not a date: unchanged
  EXPECT_EQ(DisplayDate(""), "");
}

TEST(IsoFromDayMonthYear, ReadsSpreadsheetDates) {
  EXPECT_EQ(IsoFromDayMonthYear("01/07/2025"), "2025-07-01");
  EXPECT_EQ(IsoFromDayMonthYear("1/7/2025"), "2025-07-01");
  EXPECT_EQ(IsoFromDayMonthYear("2025-07-01"), "2025-07-01");
  EXPECT_EQ(IsoFromDayMonthYear("1/7/25"), "1/7/25");  // two-digit years are not guessed
  EXPECT_EQ(IsoFromDayMonthYear("1/7/2025/1"), "1/7/2025/1");
  EXPECT_EQ(IsoFromDayMonthYear(""), "");
}

TEST(UpperFirst, CapitalisesTheFirstLetterIncludingVietnamese) {
  EXPECT_EQ(text::UpperFirst("đơn vị"), "Đơn vị");
  EXPECT_EQ(text::UpperFirst("ấp"), "Ấp");
  EXPECT_EQ(text::UpperFirst("mã đơn vị"), "Mã đơn vị");
  EXPECT_EQ(text::UpperFirst(""), "");
  EXPECT_EQ(text::UpperFirst("1 ngày"), "1 ngày");
}

TEST(FieldId, DotsBecomeDashes) { EXPECT_EQ(FieldId("limit.amount"), "limit-amount"); }

}  // namespace
}  // namespace fg::render
