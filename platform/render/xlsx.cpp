#include "platform/render/xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace fg::render::xlsx {
namespace {

// A temporary file name that is removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    path_ = (std::filesystem::temp_directory_path() / "fg-xlsx-XXXXXX").string();
    const int fd = mkstemp(path_.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for a spreadsheet");
    close(fd);
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string SheetName(const std::string& s) {
  std::string out;
  size_t chars = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++chars > 31) break;  // at most 31 code points
    out += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
  }
  return out.empty() ? "Sheet1" : out;
}

void Check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx ") + what + ": " + lxw_strerror(e));
}

}  // namespace

double Serial(std::chrono::sys_days d, int seconds) {
  using namespace std::chrono;
  const sys_days epoch = year{1899} / December / 30;
  return static_cast<double>((d - epoch).count()) + seconds / 86400.0;
}

std::string Write(const Sheet& s) {
  TempFile file;
  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (!wb) throw std::runtime_error("xlsx: cannot start a workbook");
  lxw_worksheet* ws = workbook_add_worksheet(wb, SheetName(s.name).c_str());

  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_bg_color(head, 0xEEEEEE);
  lxw_format* text = workbook_add_format(wb);
  format_set_text_wrap(text);
  format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* number = workbook_add_format(wb);
  format_set_align(number, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* datetime = workbook_add_format(wb);
  format_set_num_format(datetime, "dd/mm/yyyy hh:mm");
  format_set_align(datetime, LXW_ALIGN_VERTICAL_TOP);

  // Text and numbers with a number format or in bold: one format per kind, made when first used.
  std::map<std::pair<std::string, bool>, lxw_format*> styled;
  auto style = [&](const Cell& v, lxw_format* plain) {
    if (v.format.empty() && !v.bold) return plain;
    auto [it, added] = styled.try_emplace({v.format, v.bold}, nullptr);
    if (added) {
      it->second = workbook_add_format(wb);
      format_set_align(it->second, LXW_ALIGN_VERTICAL_TOP);
      if (!v.format.empty()) format_set_num_format(it->second, v.format.c_str());
      if (v.bold) format_set_bold(it->second);
    }
    return it->second;
  };

  lxw_row_t row = 0;
  if (!s.title.empty()) Check(worksheet_write_string(ws, row++, 0, s.title.c_str(), title), "title");
  for (const auto& line : s.subtitles) Check(worksheet_write_string(ws, row++, 0, line.c_str(), nullptr), "subtitle");
  if (row > 0) ++row;  // a blank row before the table
  const lxw_row_t header_row = row;
  const auto ncols = static_cast<lxw_col_t>(s.columns.size());
  for (lxw_col_t c = 0; c < ncols; ++c) {
    Check(worksheet_set_column(ws, c, c, s.columns[c].width, nullptr), "column");
    Check(worksheet_write_string(ws, row, c, s.columns[c].header.c_str(), head), "header");
  }
  ++row;
  for (const auto& cells : s.rows) {
    for (lxw_col_t c = 0; c < ncols && c < cells.size(); ++c) {
      const Cell& v = cells[c];
      switch (v.type) {
        case Type::kEmpty: break;
        case Type::kText: Check(worksheet_write_string(ws, row, c, v.text.c_str(), style(v, text)), "cell"); break;
        case Type::kNumber: Check(worksheet_write_number(ws, row, c, v.number, style(v, number)), "cell"); break;
        case Type::kDate: Check(worksheet_write_number(ws, row, c, Serial(v.day), date), "cell"); break;
        case Type::kDateTime:
          Check(worksheet_write_number(ws, row, c, Serial(v.day, v.seconds), datetime), "cell");
          break;
      }
    }
    ++row;
  }
  if (ncols > 0) {
    worksheet_freeze_panes(ws, header_row + 1, 0);
    Check(worksheet_autofilter(ws, header_row, 0, std::max(header_row, row - 1), ncols - 1), "autofilter");
    Check(worksheet_repeat_rows(ws, header_row, header_row), "repeat rows");
  }
  worksheet_set_paper(ws, 9);  // A4
  if (s.landscape) worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  Check(workbook_close(wb), "close");

  std::ifstream in(file.path(), std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("xlsx: cannot read the written workbook");
  return bytes.str();
}

}  // namespace fg::render::xlsx
