#include "features/calendar/engine.h"

#include <algorithm>

#include "features/calendar/lunar.h"
#include "platform/time.h"

namespace fg::calendar {
namespace {

using namespace std::chrono;

constexpr int64_t kDay = 86400;

}  // namespace

int64_t WorkWeek::SecondsPerDay() const {
  int64_t total = 0;
  for (const auto& s : sessions) total += s.end - s.start;
  return total;
}

std::string CheckWorkWeek(const WorkWeek& w) {
  if (w.sessions.empty()) return "calendar.week.no_sessions";
  int prev_end = 0;
  for (const auto& s : w.sessions) {
    if (s.start < prev_end || s.end <= s.start || s.end > kDay) return "calendar.week.bad_sessions";
    prev_end = s.end;
  }
  if ((w.rest_days & 0x7f) == 0x7f || w.rest_days > 0x7f) return "calendar.week.bad_rest_days";
  if (w.hours_per_day < 1 || w.hours_per_day > 24) return "calendar.week.bad_hours_per_day";
  return "";
}

std::string FormatSessions(const std::vector<Session>& sessions) {
  std::string out;
  for (const auto& s : sessions) {
    if (!out.empty()) out += ',';
    out += FormatClock(s.start) + "-" + FormatClock(s.end);
  }
  return out;
}

std::optional<std::vector<Session>> ParseSessions(std::string_view text) {
  std::vector<Session> out;
  for (size_t begin = 0; begin <= text.size();) {
    const size_t comma = std::min(text.find(',', begin), text.size());
    std::string_view part = text.substr(begin, comma - begin);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (part.size() != 11 || part[5] != '-') return std::nullopt;
    auto a = ParseClock(part.substr(0, 5)), b = ParseClock(part.substr(6, 5));
    if (!a || !b) return std::nullopt;
    out.push_back({*a, *b});
    begin = comma + 1;
  }
  return out;
}

std::string FormatRestDays(unsigned mask) {
  std::string out;
  for (unsigned iso = 1; iso <= 7; ++iso) {
    if (!((mask >> (iso % 7)) & 1u)) continue;
    if (!out.empty()) out += ',';
    out += std::to_string(iso);
  }
  return out;
}

std::optional<unsigned> ParseRestDays(std::string_view text) {
  unsigned mask = 0;
  for (char ch : text) {
    if (ch == ',' || ch == ' ') continue;
    if (ch < '1' || ch > '7') return std::nullopt;
    mask |= 1u << ((ch - '0') % 7);
  }
  return mask;
}

std::string_view TimelinessName(Timeliness t) {
  switch (t) {
    case Timeliness::kEarly: return "early";
    case Timeliness::kOnTime: return "on_time";
    case Timeliness::kLate: return "late";
  }
  return "on_time";
}

WorkCalendar::WorkCalendar(const std::vector<DayEntry>& days_off, WorkWeek week)
    : week_(std::move(week)), first_(year{kFirstYear} / 1 / 1) {
  day_len_ = week_.SecondsPerDay();
  const Date end = year{kLastYear + 1} / 1 / 1;
  const auto n = static_cast<size_t>((end - first_).count());
  std::vector<uint8_t> working(n);
  for (size_t i = 0; i < n; ++i) {
    const unsigned wd = weekday{first_ + days{i}}.c_encoding();
    working[i] = (week_.rest_days >> wd) & 1u ? 0 : 1;
  }
  for (const auto& e : days_off) {
    const auto i = (e.date - first_).count();
    if (i < 0 || static_cast<size_t>(i) >= n) continue;
    if (IsDayOff(e.kind))
      working[i] = 0;
    else if (e.kind == DayKind::kMakeupWorkday)
      working[i] = 1;
  }
  before_.resize(n + 1);
  before_[0] = 0;
  nth_.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    before_[i + 1] = before_[i] + working[i];
    if (working[i]) nth_.push_back(static_cast<int32_t>(i));
  }
}

int64_t WorkCalendar::DayIndex(Date d) const {
  const int64_t i = (d - first_).count();
  if (i < 0 || i >= static_cast<int64_t>(before_.size()) - 1) throw EngineError{"calendar.out_of_range", ""};
  return i;
}

bool WorkCalendar::IsWorkingDay(Date d) const {
  const int64_t i = DayIndex(d);
  return before_[i + 1] != before_[i];
}

Date WorkCalendar::NextWorkingDay(Date d) const {
  const int64_t k = before_[DayIndex(d) + 1];
  if (k >= static_cast<int64_t>(nth_.size())) throw EngineError{"calendar.out_of_range", ""};
  return first_ + days{nth_[k]};
}

int64_t WorkCalendar::WorkingDaysBetween(Date from, Date to) const {
  return int64_t{before_[DayIndex(to)]} - before_[DayIndex(from)];
}

bool WorkCalendar::IsLastWorkingDayOfWeek(Date d) const {
  if (!IsWorkingDay(d)) return false;
  const unsigned iso = weekday{d}.iso_encoding();  // 1 Monday .. 7 Sunday
  const Date next_monday = d + days{8 - iso};
  return NextWorkingDay(d) >= next_monday;
}

int64_t WorkCalendar::WorkedThatDay(int seconds) const {
  int64_t worked = 0;
  for (const auto& s : week_.sessions) worked += std::clamp(seconds, s.start, s.end) - s.start;
  return worked;
}

int64_t WorkCalendar::PositionAt(int64_t i, int seconds) const {
  const int64_t worked = before_[i + 1] != before_[i] ? WorkedThatDay(seconds) : 0;
  return int64_t{before_[i]} * day_len_ + worked;
}

int64_t WorkCalendar::Position(Instant t) const {
  const LocalTime local = ToLocal(t);
  return PositionAt(DayIndex(local.date), local.seconds);
}

Instant WorkCalendar::At(int64_t pos, Edge edge) const {
  int64_t k = pos / day_len_;
  int64_t r = pos % day_len_;
  int time;
  if (edge == Edge::kEnd && r == 0 && k > 0) {
    k -= 1;
    time = week_.sessions.back().end;
  } else {
    time = week_.sessions.back().end;
    for (const auto& s : week_.sessions) {
      const int64_t len = s.end - s.start;
      if (edge == Edge::kEnd ? r <= len : r < len) {
        time = static_cast<int>(s.start + r);
        break;
      }
      r -= len;
    }
  }
  if (k < 0 || k >= static_cast<int64_t>(nth_.size())) throw EngineError{"calendar.out_of_range", ""};
  return FromLocal(first_ + days{nth_[k]}, time);
}

DueResult WorkCalendar::Due(const DueRequest& r) const {
  const auto [date, sec] = ToLocal(r.received_at);
  const int64_t i = DayIndex(date);
  const bool working = before_[i + 1] != before_[i];
  const bool before_cutoff = sec <= r.cutoff;  // received at the cut-off itself still counts that day
  const bool friday_rule = r.unit == LimitUnit::kSameDay && week_.no_friday_rule && sec < week_.sessions.back().end &&
                           working && IsLastWorkingDayOfWeek(date);
  // Otherwise the clock starts at the opening of the next working day.
  const int64_t start =
      (working && (before_cutoff || friday_rule)) ? PositionAt(i, sec) : int64_t{before_[i + 1]} * day_len_;
  int64_t due = 0;
  switch (r.unit) {
    case LimitUnit::kDays: due = start + r.amount * day_len_; break;
    case LimitUnit::kHours: due = start + r.amount * day_len_ / week_.hours_per_day; break;
    case LimitUnit::kSameDay: due = (start / day_len_ + 1) * day_len_; break;
  }
  DueResult out;
  for (size_t p = 0; p < r.pauses.size(); ++p) {
    const auto& pause = r.pauses[p];
    if (pause.from > At(due, Edge::kEnd))
      throw EngineError{"calendar.pause_after_due", "pauses[" + std::to_string(p) + "].from"};
    const int64_t from = std::max(Position(pause.from), start);
    const int64_t excluded = std::max<int64_t>(0, Position(pause.to) - from);
    due += excluded;
    out.paused_seconds += excluded;
    out.pause_seconds.push_back(excluded);
  }
  out.starts_at = At(start, Edge::kStart);
  out.due_at = At(due, Edge::kEnd);
  out.warning_at = due - day_len_ > start ? At(due - day_len_, Edge::kEnd) : out.starts_at;
  return out;
}

int64_t WorkCalendar::Elapsed(Instant from, Instant to, const std::vector<Pause>& pauses) const {
  const int64_t a = Position(from), b = Position(to);
  int64_t paused = 0;
  for (const auto& p : pauses) {
    const int64_t pf = std::max(Position(p.from), a), pt = std::min(Position(p.to), b);
    if (pt > pf) paused += pt - pf;
  }
  return b - a - paused;
}

Timeliness WorkCalendar::Classify(Instant completed, Instant due) {
  if (completed > due) return Timeliness::kLate;
  return ToLocal(completed).date < ToLocal(due).date ? Timeliness::kEarly : Timeliness::kOnTime;
}

}  // namespace fg::calendar
