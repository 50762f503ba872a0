// The procedure catalogue as CSV, for import and export (read and written with
// libcsv through features/org/csv.h): pure, no store, so that it can be tested
// and fuzzed alone. One row per procedure (columns: ProcedureCsvColumns()); a
// procedure's documents and steps are one cell each, in a mini-format:
//   documents  "Tờ khai|original|1; Căn cước|copy|1"          name|kind|count
//   steps      "Tiếp nhận|Bộ phận một cửa|4; Ký duyệt|Chủ tịch UBND|8"   name|handler|hours
// Items are separated by ";" and parts by "|"; spaces around them do not
// count; a ";", "|" or "\" inside a name is written "\;", "\|", "\\". A kind
// may also be written in Vietnamese ("bản chính", "bản sao", "bản sao chứng
// thực"); a missing kind is "original", a missing count 1, missing hours 0.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "features/desk/model.h"
#include "platform/errors.h"

namespace fg::desk {

// Limits of one import: the file's size (1 MB: it must fit, with the rest of
// the form, in a request body, 1 MiB by default) and its rows (the header not counted).
inline constexpr size_t kMaxCsvBytes = 1000 * 1000;
inline constexpr size_t kMaxCsvRows = 2000;

// Every column, in the order an export writes them.
const std::vector<std::string>& ProcedureCsvColumns();

std::string FormatDocuments(const std::vector<Document>& docs);
std::string FormatSteps(const std::vector<Step>& steps);
// A cell back to its items. A count or hours that is not a whole number, or an
// item with too many parts, adds a problem naming it ("documents[1].count",
// "steps[0]") to `problems`; the rest is left to ValidateProcedure.
std::vector<Document> ParseDocuments(std::string_view cell, Problems& problems);
std::vector<Step> ParseSteps(std::string_view cell, Problems& problems);

// The procedures as an Excel-friendly CSV: UTF-8 with a byte order mark, CRLF
// line ends, every cell quoted, dates YYYY-MM-DD. A cell that would start with
// "=", "+", "-" or "@" gets a leading tab, so that a spreadsheet does not take
// it for a formula (an import trims it away).
std::string WriteProceduresCsv(const std::vector<Procedure>& procedures);

struct CsvRow {
  int64_t line = 0;   // the row's number, the header being row 1
  ProcedureInput in;  // the cells of the columns present
};
struct CsvProblem {
  int64_t line = 0;
  FieldProblem problem;  // field: a column or an item of one ("documents[1].count"); "" the row itself
};
struct ProceduresCsv {
  std::vector<std::string> columns;  // the header's columns, in its order
  std::vector<CsvRow> rows;
  std::vector<CsvProblem> problems;  // every cell that cannot be read, not only the first
};

// Reads an import: UTF-8 with or without a byte order mark, "," or ";" between
// cells (Excel under a Vietnamese locale writes ";"), dates as 17/02/2026 or
// 2026-02-17, blank rows skipped. The header must name unit_code and code;
// other columns may be left out (ProcedureCsvColumns() in any order).
// Throws, naming the field "csv", for what concerns the whole file: BadInput
// desk.csv_empty, org.csv_malformed (with the line), desk.csv_header,
// desk.csv_unknown_column, desk.csv_repeated_column; ErrorKind::kTooLarge
// desk.csv_too_large beyond kMaxCsvBytes or kMaxCsvRows.
ProceduresCsv ReadProceduresCsv(std::string_view text);

// `base` with the cells of `row` laid over it, for the columns present: an
// update keeps what the file does not say (an empty valid_from included).
ProcedureInput Overlay(ProcedureInput base, const ProcedureInput& row, const std::vector<std::string>& columns);

// The CSV column a field belongs to: "documents[2].kind" -> "documents".
std::string ColumnOf(std::string_view field);
// A problem with a procedure's field as a sentence that names the field in
// words, with the item's number for documents and steps ("Hãy nhập tên giấy
// tờ thứ 3."). Used by the pages, the CSV preview and the import API.
std::string ProblemText(const FieldProblem& fp);

}  // namespace fg::desk
