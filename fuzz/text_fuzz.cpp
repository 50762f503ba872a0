// Text a person typed (platform/text): Clean, Nfc, Length, Trim. What Clean
// returns is trimmed, valid UTF-8 in NFC, within its length.
#include <fuzzer/FuzzedDataProvider.h>

#include "fuzz/fuzz.h"
#include "platform/errors.h"
#include "platform/text/text.h"

using namespace fg;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::Quiet();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  const size_t max_chars = size ? data[0] % 64 : 10;
  const bool required = size && (data[size - 1] & 1);
  const bool multiline = size && (data[size - 1] & 2);

  if (auto n = text::Nfc(s)) {
    FG_FUZZ_CHECK(text::Nfc(*n) == *n);  // NFC is idempotent
    FG_FUZZ_CHECK(text::Length(*n, true).has_value() == text::Length(s, true).has_value());
  }
  const std::string t = text::Trim(s);
  FG_FUZZ_CHECK(t.size() <= s.size() && s.find(t) != std::string_view::npos);
  if (text::Length(s, multiline)) FG_FUZZ_CHECK(text::Nfc(s).has_value());  // valid UTF-8 has an NFC form

  try {
    const std::string out = text::Clean("name", s, max_chars, required, multiline);
    const auto n = text::Length(out, multiline);
    FG_FUZZ_CHECK(n.has_value());  // valid UTF-8, no control characters
    FG_FUZZ_CHECK(*n <= max_chars);
    FG_FUZZ_CHECK(!required || !out.empty());
    FG_FUZZ_CHECK(text::Nfc(out) == out);
    FG_FUZZ_CHECK(text::Trim(out) == out);
    // Cleaning is idempotent.
    FG_FUZZ_CHECK(text::Clean("name", out, max_chars, required, multiline) == out);
  } catch (const AppError& e) {
    FG_FUZZ_CHECK(e.kind() == ErrorKind::kBadRequest && e.field() == "name");
    FG_FUZZ_CHECK(e.key() == "error.bad_utf8" || e.key() == "error.required" || e.key() == "error.too_long");
  }
  return 0;
}
