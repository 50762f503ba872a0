// iCalendar (RFC 5545) export of a year's days off and make-up workdays, so
// officials can subscribe in their phone or desktop calendars. Pure formatting.
#pragma once
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace fg::calendar {

struct IcsEvent {
  std::chrono::sys_days date;  // an all-day event
  std::string uid;             // stable across exports (the date and kind)
  std::string summary;
  std::string description;
};

// TEXT value escaping: backslash, semicolon, comma, line breaks.
std::string IcsEscape(std::string_view s);
// Folds a content line at 75 octets (CRLF + space), never inside a UTF-8 sequence; ends with CRLF.
std::string IcsLine(std::string_view line);
std::string ToICalendar(std::string_view calendar_name, const std::vector<IcsEvent>& events,
                        std::chrono::sys_seconds stamp);

}  // namespace fg::calendar
