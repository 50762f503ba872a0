// Dates and instants from outside (platform/time.*): ISO dates, RFC 3339 with
// offsets, stored UTC text, clock times. Whatever parses formats back to text
// that parses to the same value.
#include "fuzz/fuzz.h"
#include "platform/time.h"

using namespace fg;
using namespace std::chrono;

namespace {

bool YearInRange(SysSeconds t) {  // the formats have four-digit years
  const int y = static_cast<int>(year_month_day{floor<days>(t)}.year());
  return y >= 1 && y <= 9998;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::Quiet();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);

  if (auto d = ParseIsoDate(s)) {
    FG_FUZZ_CHECK(IsIsoDate(s));
    FG_FUZZ_CHECK(FormatIsoDate(*d) == s);
    FormatDayMonthYear(*d);
  } else {
    FG_FUZZ_CHECK(!IsIsoDate(s));
  }

  if (auto t = ParseRfc3339(s)) {
    if (YearInRange(*t)) {
      const std::string text = FormatRfc3339Local(*t);
      FG_FUZZ_CHECK(ParseRfc3339(text) == t);
      FG_FUZZ_CHECK(ParseUtc(FormatUtc(*t)) == t);
    }
  }

  if (auto t = ParseUtc(s)) {
    const std::string text = FormatUtc(*t);
    FG_FUZZ_CHECK(ParseUtc(text) == t);
    // Only FormatUtc's own shape is read (a leap second :60 reads as the next minute).
    if (s.substr(17, 2) != "60") FG_FUZZ_CHECK(text == s);
    FormatLocal(s);
  } else {
    FG_FUZZ_CHECK(FormatLocal(s) == s);  // shown as it is
  }

  if (auto c = ParseClock(s)) {
    FG_FUZZ_CHECK(*c >= 0 && *c <= 24 * 3600);
    FG_FUZZ_CHECK(FormatClock(*c) == s);
  }
  return 0;
}
