// The units CSV import (features/org/csv.*): parsing and validating every row,
// without a store. Also: fields written with AppendCsvField read back equal.
#include "features/org/csv.h"
#include "fuzz/fuzz.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/source_dir.h"
#include "platform/text/text.h"
#include "platform/time.h"

using namespace fg;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::Quiet();
  render::LoadMessages(FG_SOURCE_DIR);  // row errors quote the reason's text
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  try {
    const auto drafts = org::ReadUnitsCsv(raw, "2026-01-01");
    for (const auto& d : drafts) {
      FG_FUZZ_CHECK(!d.code.empty() && !d.name.empty());
      FG_FUZZ_CHECK(text::Nfc(d.name) == d.name);
      FG_FUZZ_CHECK(IsIsoDate(d.valid_from));
      if (d.valid_to) FG_FUZZ_CHECK(IsIsoDate(*d.valid_to) && *d.valid_to > d.valid_from);
      FG_FUZZ_CHECK(d.parent_code != d.code);
    }
  } catch (const AppError& e) {
    FG_FUZZ_CHECK(e.kind() == ErrorKind::kBadRequest);
  }

  // Round trip: the input's rows (when it parses) written out and read again.
  std::vector<std::vector<std::string>> rows;
  try {
    rows = org::ParseCsv(raw);
  } catch (const AppError&) {
    return 0;
  }
  std::string out;
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      org::AppendCsvField(out, row[i]);
    }
    out += "\r\n";
  }
  std::vector<std::vector<std::string>> back = org::ParseCsv(out);
  FG_FUZZ_CHECK(back == rows);
  return 0;
}
