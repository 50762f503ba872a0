// Reading a spreadsheet back (.xlsx, the Office Open XML workbook): the first
// sheet's cells as text, through libzip (the archive) and expat (its XML). What
// Excel, LibreOffice and our own xlsx::Write produce: shared strings, inline
// strings (rich runs joined), formula results, booleans (TRUE / FALSE) and
// numbers in their shortest round-trip form ("0.25", "14"); a number whose
// format shows a percentage as it is shown ("95%" for 0.95, "95.5%"). Dates
// stay Excel's serial numbers; other styles, merged cells and other sheets
// are ignored.
//
// Bounded for files from the internet: the archive's size is the caller's
// (an upload limit), each part read at most kMaxPartBytes unpacked (a zip
// bomb stops there), a cell at most kMaxCellBytes, the text of all cells
// together at most kMaxPartBytes (one long shared string named by many cells
// stops there), at most kMaxRows rows and kMaxColumns columns. `_xHHHH_`
// escapes (a carriage return is `_x000D_`) are decoded.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fg::render::xlsx {

inline constexpr size_t kMaxPartBytes = 16 << 20;   // also the text returned, all cells together
inline constexpr size_t kMaxCellBytes = 32767 * 4;  // Excel's 32,767 characters, in UTF-8
inline constexpr size_t kMaxRows = 5000;
inline constexpr size_t kMaxColumns = 64;

// Not a workbook we can read: not a zip archive, no sheet, malformed XML, a
// part over its limit, too many rows.
struct ReadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// A cell with text in a row after kMaxRows (rows without text there, such as
// rows only formatted, are passed over).
struct TooManyRows : ReadError {
  TooManyRows() : ReadError("too many rows") {}
};

// rows[r][c]: the cell of row r + 1 and column c + 1 (A = 0) of the first
// sheet, "" for an empty cell; trailing empty cells and rows are dropped.
std::vector<std::vector<std::string>> ReadFirstSheet(std::string_view bytes);

}  // namespace fg::render::xlsx
