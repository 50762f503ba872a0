#include "features/calendar/ics.h"

#include <cstdio>

namespace fg::calendar {
namespace {

using namespace std::chrono;

std::string Basic(sys_days d) {
  year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

}  // namespace

std::string IcsEscape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string IcsLine(std::string_view line) {
  std::string out;
  size_t width = 0;  // octets on the current physical line
  for (size_t i = 0; i < line.size();) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    const size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (width + len > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line.substr(i, len));
    width += len;
    i += len;
  }
  return out + "\r\n";
}

std::string ToICalendar(std::string_view calendar_name, const std::vector<IcsEvent>& events, sys_seconds stamp) {
  const sys_days stamp_day = floor<days>(stamp);
  const hh_mm_ss hms{stamp - stamp_day};
  char time[16];
  std::snprintf(time, sizeof time, "T%02ld%02ld%02ldZ", long(hms.hours().count()), long(hms.minutes().count()),
                long(hms.seconds().count()));
  const std::string dtstamp = Basic(stamp_day) + time;
  std::string out = IcsLine("BEGIN:VCALENDAR") + IcsLine("VERSION:2.0") +
                    IcsLine("PRODID:-//FriendlyGov//Calendar//VI") + IcsLine("CALSCALE:GREGORIAN") +
                    IcsLine("METHOD:PUBLISH") + IcsLine("X-WR-CALNAME:" + IcsEscape(calendar_name)) +
                    IcsLine("X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
  for (const auto& e : events) {
    out += IcsLine("BEGIN:VEVENT");
    out += IcsLine("UID:" + e.uid);
    out += IcsLine("DTSTAMP:" + dtstamp);
    out += IcsLine("DTSTART;VALUE=DATE:" + Basic(e.date));
    out += IcsLine("DTEND;VALUE=DATE:" + Basic(e.date + days{1}));
    out += IcsLine("SUMMARY:" + IcsEscape(e.summary));
    if (!e.description.empty()) out += IcsLine("DESCRIPTION:" + IcsEscape(e.description));
    out += IcsLine("TRANSP:TRANSPARENT");
    out += IcsLine("END:VEVENT");
  }
  return out + IcsLine("END:VCALENDAR");
}

}  // namespace fg::calendar
