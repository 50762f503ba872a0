// Spreadsheets (.xlsx, libxlsxwriter): one sheet with a title, a bold header
// row that stays in view (frozen) and carries an autofilter, column widths,
// and typed cells: numbers as numbers, dates as real Excel dates shown
// dd/mm/yyyy (or dd/mm/yyyy hh:mm), so that sorting and sums work.
// Synchronous: run it on pdf::Pool(pdf::Lane::kExport) from a request (it
// writes a temporary file).
#pragma once
#include <chrono>
#include <string>
#include <vector>

namespace fg::render::xlsx {

enum class Type { kEmpty, kText, kNumber, kDate, kDateTime };

struct Cell {
  Type type = Type::kEmpty;
  std::string text;
  double number = 0;
  std::chrono::sys_days day{};  // local date (kDate, kDateTime)
  int seconds = 0;              // after local midnight (kDateTime)
  std::string format;           // kNumber: Excel's number format ("0.0%", "#,##0"); "" = general
  bool bold = false;            // kText, kNumber

  static Cell Empty() { return {}; }
  static Cell Text(std::string s, bool bold = false) { return {Type::kText, std::move(s), 0, {}, 0, {}, bold}; }
  static Cell Number(double n, std::string format = {}) {
    return {Type::kNumber, {}, n, {}, 0, std::move(format), false};
  }
  static Cell Date(std::chrono::sys_days d) { return {Type::kDate, {}, 0, d, 0, {}, false}; }
  static Cell DateTime(std::chrono::sys_days d, int seconds) { return {Type::kDateTime, {}, 0, d, seconds, {}, false}; }
};

struct Column {
  std::string header;
  double width = 12;  // in characters, as Excel counts them
};

struct Sheet {
  std::string name;                    // the tab's name (at most 31 characters; []:*?/\ are replaced)
  std::string title;                   // row 1, bold and larger
  std::vector<std::string> subtitles;  // the rows below the title
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  bool landscape = true;  // printed on A4, fitted to the page width, the header row repeated
};

// The .xlsx file's bytes. Throws std::runtime_error when libxlsxwriter fails.
std::string Write(const Sheet& sheet);

// Excel's serial day number of a date (days since 30/12/1899).
double Serial(std::chrono::sys_days d, int seconds = 0);

}  // namespace fg::render::xlsx
