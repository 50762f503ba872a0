#include "platform/time.h"

#include <gtest/gtest.h>

namespace fg {
namespace {

using namespace std::chrono;

TEST(Time, Rfc3339) {
  auto t = ParseRfc3339("2026-02-13T16:10:00+07:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(FormatUtc(*t), "2026-02-13T09:10:00Z");
  EXPECT_EQ(FormatRfc3339Local(*t), "2026-02-13T16:10:00+07:00");
  EXPECT_EQ(ParseRfc3339("2026-02-13T09:10:00Z"), t);
  EXPECT_EQ(ParseRfc3339("2026-02-13T09:10:00.250z"), t);
  EXPECT_EQ(ParseRfc3339("2026-02-13T04:40:00-04:30"), t);
  for (const char* bad :
       {"2026-02-13", "2026-02-13T16:10:00", "2026-02-30T10:00:00Z", "2026-02-13T24:00:00Z", "2026-02-13T16:10:00+7:00",
        "2026-02-13T16:10:00+07:00x", "2026-02-13 16:10:00Z", "2026-02-13T16:10:00."})
    EXPECT_EQ(ParseRfc3339(bad), std::nullopt) << bad;
}

TEST(Time, DatesAndClocks) {
  EXPECT_EQ(ParseIsoDate("2024-02-29"), sys_days{year{2024} / 2 / 29});
  EXPECT_EQ(ParseIsoDate("2025-02-29"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2025-1-01"), std::nullopt);
  EXPECT_EQ(FormatIsoDate(sys_days{year{1900} / 3 / 1}), "1900-03-01");
  EXPECT_EQ(ParseClock("15:00"), 15 * 3600);
  EXPECT_EQ(ParseClock("24:00"), 24 * 3600);
  EXPECT_EQ(ParseClock("24:01"), std::nullopt);
  EXPECT_EQ(ParseClock("7:30"), std::nullopt);
  EXPECT_EQ(FormatClock(7 * 3600 + 1800), "07:30");
}

TEST(Time, FormatUtcPadsEveryField) {
  EXPECT_EQ(FormatUtc(sys_days{2024y / 2 / 29} + 23h + 59min + 59s), "2024-02-29T23:59:59Z");
  EXPECT_EQ(FormatUtc(sys_days{year{987} / 1 / 2} + 3h + 4min + 5s), "0987-01-02T03:04:05Z");
  EXPECT_EQ(FormatUtc(sys_days{2100y / 12 / 31}), "2100-12-31T00:00:00Z");
  EXPECT_EQ(FormatUtc(sys_days{year{10000} / 1 / 1}), "10000-01-01T00:00:00Z");
  // What it writes, ParseUtc reads back, second by second across a day.
  for (int s = 0; s < 86400; s += 7) {
    const SysSeconds t = sys_days{2026y / 11 / 29} + seconds{s};
    EXPECT_EQ(ParseUtc(FormatUtc(t)), t);
  }
}

TEST(Time, ParseUtcReadsOnlyWhatFormatUtcWrites) {
  EXPECT_EQ(ParseUtc("2026-11-23T04:30:00Z"), sys_days{2026y / 11 / 23} + 4h + 30min);
  // Found by fuzz/time_fuzz: sscanf's %d took these.
  for (const char* bad :
       {"2026-11-23T-1:30:00Z", "2026-11-23T04:30:00Zjunk", " 2026-1-2T3:4:5Z", "+2026-11-23T04:30:00Z",
        "2026-11-23T04:-5:00Z", "2026-11-23T04:30:00z", "2026-11-23T04:3:00Z"})
    EXPECT_FALSE(ParseUtc(bad)) << bad;
  EXPECT_EQ(FormatLocal("2026-11-23T-1:30:00Z"), "2026-11-23T-1:30:00Z");  // shown as it is
}

}  // namespace
}  // namespace fg
