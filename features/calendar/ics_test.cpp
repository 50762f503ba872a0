#include "features/calendar/ics.h"

#include <gtest/gtest.h>

namespace fg::calendar {
namespace {

using namespace std::chrono;

// Undoes RFC 5545 folding (CRLF followed by one space).
std::string Unfold(std::string s) {
  for (size_t p; (p = s.find("\r\n ")) != std::string::npos;) s.erase(p, 3);
  return s;
}

TEST(Ics, EscapesText) { EXPECT_EQ(IcsEscape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf"); }

TEST(Ics, FoldsAt75OctetsWithoutSplittingCharacters) {
  std::string line = "SUMMARY:";
  for (int i = 0; i < 20; ++i) line += "Nghỉ bù cho Giỗ Tổ Hùng Vương ";
  const std::string folded = IcsLine(line);
  ASSERT_GE(folded.size(), 2u);
  EXPECT_EQ(folded.substr(folded.size() - 2), "\r\n");
  size_t start = 0;
  for (size_t end; (end = folded.find("\r\n", start)) != std::string::npos; start = end + 2) {
    EXPECT_LE(end - start, 75u);
    // A physical line never starts inside a multi-byte character.
    if (end + 3 < folded.size()) EXPECT_NE(static_cast<unsigned char>(folded[end + 3]) >> 6, 2u);
  }
  EXPECT_EQ(Unfold(folded), line + "\r\n");
}

TEST(Ics, AllDayEventsEndTheNextDay) {
  const auto text = ToICalendar(
      "Lịch nghỉ 2026", {{sys_days{year{2026} / 2 / 17}, "2026-02-17-holiday@friendlygov", "Tết Nguyên đán", ""}},
      sys_days{year{2026} / 11 / 23} + hours{5} + minutes{30});
  const auto lines = Unfold(text);
  EXPECT_EQ(lines.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u);
  EXPECT_NE(lines.find("DTSTART;VALUE=DATE:20260217\r\nDTEND;VALUE=DATE:20260218\r\n"), std::string::npos);
  EXPECT_NE(lines.find("DTSTAMP:20261123T053000Z\r\n"), std::string::npos);
  EXPECT_NE(lines.find("SUMMARY:Tết Nguyên đán\r\n"), std::string::npos);
  EXPECT_EQ(lines.find("DESCRIPTION"), std::string::npos);
  EXPECT_EQ(lines.substr(lines.size() - 15), "END:VCALENDAR\r\n");
}

}  // namespace
}  // namespace fg::calendar
