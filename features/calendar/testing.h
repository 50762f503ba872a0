// Shorthands for the calendar's tests and benchmark.
#pragma once
#include "features/calendar/rules.h"

namespace fg::calendar::testing {

inline Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

// A stored decision of `kind` on `d`, as an administrator would record it.
inline DayEntry Decision(Date d, DayKind kind) {
  DayEntry e;
  e.date = d;
  e.kind = kind;
  e.name = "x";
  return e;
}

}  // namespace fg::calendar::testing
