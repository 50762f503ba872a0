// Message formatting (platform/render/messages.*): catalogue entries and
// arbitrary templates filled with arbitrary arguments.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <iterator>

#include "fuzz/fuzz.h"
#include "platform/render/messages.h"
#include "platform/source_dir.h"

using namespace fg;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::Quiet();
  render::LoadMessages(FG_SOURCE_DIR);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  static const char* const kKeys[] = {"error.too_long", "error.required",  "org.csv_row", "calendar.unknown_unit",
                                      "error.bad_date", "error.json_type", "no.such.key"};
  const std::string key = kKeys[in.ConsumeIntegralInRange<size_t>(0, std::size(kKeys) - 1)];
  const std::string tpl = in.ConsumeRandomLengthString(256);
  std::map<std::string, std::string> args;
  size_t values = 0;
  while (in.remaining_bytes() > 0 && args.size() < 8) {
    std::string name = in.ConsumeBool() ? "field" : in.ConsumeRandomLengthString(16);
    std::string value = in.ConsumeRandomLengthString(64);
    values += value.size();
    args[std::move(name)] = std::move(value);
  }

  // Without arguments a template is itself.
  FG_FUZZ_CHECK(render::Fill(tpl, {}) == tpl);
  // One pass: each placeholder is replaced at most once by a value (or the
  // field's label, at most a few hundred bytes), so the output is bounded.
  const std::string out = render::Fill(tpl, args);
  const size_t placeholders = std::count(tpl.begin(), tpl.end(), '{');
  FG_FUZZ_CHECK(out.size() <= tpl.size() + placeholders * (values + 1024));
  // Names absent from the template leave it alone.
  if (tpl.find('{') == std::string::npos) FG_FUZZ_CHECK(out == tpl);

  const std::string text = render::Text(key, args);
  if (!render::HasText(key)) FG_FUZZ_CHECK(text == key);
  return 0;
}
