#include "features/desk/stats_xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "features/desk/stats.h"

namespace fg::desk {
namespace {

// libxlsxwriter writes a file: a private temporary one, removed on every path.
class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/fg-stats-XXXXXX.xlsx";
    const int fd = mkstemps(path_.data(), 5);
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for the spreadsheet");
    close(fd);
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void Check(lxw_error e) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx: ") + lxw_strerror(e));
}

}  // namespace

std::string StatsXlsx(const StatsSheet& s) {
  TempFile file;
  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (!wb) throw std::runtime_error("xlsx: cannot start a workbook");
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(head, 0xEEF1F4);
  format_set_border(head, LXW_BORDER_THIN);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* count = workbook_add_format(wb);
  format_set_num_format(count, "#,##0");
  lxw_format* rate = workbook_add_format(wb);
  format_set_num_format(rate, "0.0%");
  lxw_format* hours = workbook_add_format(wb);
  format_set_num_format(hours, "0.0");

  lxw_row_t row = 0;
  worksheet_write_string(ws, row++, 0, s.title.c_str(), title);
  for (const auto& line : s.lines) worksheet_write_string(ws, row++, 0, line.c_str(), nullptr);
  ++row;
  const lxw_row_t header = row;
  worksheet_write_string(ws, row, 0, s.group_header.c_str(), head);
  for (size_t i = 0; i < s.columns.size(); ++i)
    worksheet_write_string(ws, row, static_cast<lxw_col_t>(i + 1), s.columns[i].c_str(), head);
  ++row;
  const auto columns = StatsColumns();
  auto write_figures = [&](lxw_row_t r, const StatsFigures& f) {
    for (size_t i = 0; i < columns.size(); ++i) {
      const auto v = columns[i].value(f);
      const auto col = static_cast<lxw_col_t>(i + 1);
      if (!v) {
        worksheet_write_string(ws, r, col, "—", nullptr);
        continue;
      }
      lxw_format* fmt = columns[i].kind == StatsValue::kRate    ? rate
                        : columns[i].kind == StatsValue::kHours ? hours
                                                                : count;
      worksheet_write_number(ws, r, col, *v, fmt);
    }
  };
  for (const auto& r : s.rows) {
    const std::string label =
        r.code.empty() || r.label.find(r.code) != std::string::npos ? r.label : r.label + " (" + r.code + ")";
    worksheet_write_string(ws, row, 0, label.c_str(), nullptr);
    write_figures(row, *r.f);
    ++row;
  }
  if (s.total) {
    worksheet_write_string(ws, row, 0, s.total_label.c_str(), bold);
    write_figures(row, *s.total);
  }
  worksheet_set_column(ws, 0, 0, 42, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(s.columns.size()), 14, nullptr);
  worksheet_set_row(ws, header, 48, nullptr);
  worksheet_freeze_panes(ws, header + 1, 1);
  Check(workbook_close(wb));

  std::ifstream in(file.path(), std::ios::binary);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace fg::desk
