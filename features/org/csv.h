// The units CSV (RFC 4180, read and written with libcsv): pure, no store, so
// that the parsing and validation of an import can be tested and fuzzed alone.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "features/org/rules.h"

namespace fg::org {

// Rows of fields separated by `delimiter`; a leading UTF-8 byte order mark
// (Excel) is skipped. BadInput("org.csv_malformed", "file") naming the line otherwise.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text, char delimiter = ',');
// `s` as one quoted CSV field, appended to `out`.
void AppendCsvField(std::string& out, std::string_view s);
// An import's rows, validated (header code,name,level,parent_code,valid_from,
// valid_to[,successor_code]; blank lines skipped). BadInput org.csv_empty,
// org.csv_header, or org.csv_row with the line number and the reason.
std::vector<UnitDraft> ReadUnitsCsv(std::string_view csv, std::string_view today);

}  // namespace fg::org
