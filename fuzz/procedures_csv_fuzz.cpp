// The procedure catalogue's CSV import (features/desk/procedures_csv.*):
// reading a file (libcsv, the header, every cell, the documents and steps
// mini-format) and the problems' sentences, without a store. Also: documents
// and steps written in the mini-format read back equal.
#include "features/desk/procedures_csv.h"
#include "fuzz/fuzz.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/source_dir.h"

using namespace fg;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::Quiet();
  render::LoadMessages(FG_SOURCE_DIR);  // problems are worded through the catalogue
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  desk::ProceduresCsv file;
  try {
    file = desk::ReadProceduresCsv(raw);
  } catch (const AppError& e) {
    FG_FUZZ_CHECK(e.kind() == ErrorKind::kBadRequest || e.kind() == ErrorKind::kTooLarge);
    FG_FUZZ_CHECK(e.field() == "csv");
  }
  FG_FUZZ_CHECK(file.rows.size() <= desk::kMaxCsvRows);
  int64_t last = 1;
  for (const auto& row : file.rows) {
    FG_FUZZ_CHECK(row.line > last);  // spreadsheet rows, increasing, after the header
    last = row.line;
    Problems none;
    const auto docs = desk::ParseDocuments(desk::FormatDocuments(row.in.documents), none);
    FG_FUZZ_CHECK(docs.size() == row.in.documents.size());
    for (size_t i = 0; i < docs.size(); ++i)
      FG_FUZZ_CHECK(docs[i].name == row.in.documents[i].name && docs[i].kind == row.in.documents[i].kind &&
                    docs[i].count == row.in.documents[i].count);
    const auto steps = desk::ParseSteps(desk::FormatSteps(row.in.steps), none);
    FG_FUZZ_CHECK(steps.size() == row.in.steps.size());
    for (size_t i = 0; i < steps.size(); ++i)
      FG_FUZZ_CHECK(steps[i].name == row.in.steps[i].name && steps[i].handler == row.in.steps[i].handler &&
                    steps[i].hours == row.in.steps[i].hours);
    FG_FUZZ_CHECK(none.empty());
  }
  for (const auto& p : file.problems) {
    FG_FUZZ_CHECK(p.line > 1 && p.line <= last);
    FG_FUZZ_CHECK(!desk::ProblemText(p.problem).empty());
  }
  // The cell parsers on the raw input too.
  Problems problems;
  desk::ParseDocuments(raw, problems);
  desk::ParseSteps(raw, problems);
  return 0;
}
