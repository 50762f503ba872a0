#include "features/desk/stats_xlsx.h"

#include "features/desk/stats.h"
#include "platform/render/xlsx.h"

namespace fg::desk {

std::string StatsXlsx(const StatsSheet& s) {
  namespace xlsx = render::xlsx;
  xlsx::Sheet sheet;
  sheet.title = s.title;
  sheet.subtitles = s.lines;
  sheet.columns.push_back({s.group_header, 42});
  for (const auto& c : s.columns) sheet.columns.push_back({c, 14});
  const auto columns = StatsColumns();
  auto row_of = [&](xlsx::Cell label, const StatsFigures& f) {
    std::vector<xlsx::Cell> cells{std::move(label)};
    for (const auto& column : columns) {
      const auto v = column.value(f);
      const char* format = column.kind == StatsValue::kRate    ? "0.0%"
                           : column.kind == StatsValue::kHours ? "0.0"
                                                               : "#,##0";
      cells.push_back(v ? xlsx::Cell::Number(*v, format) : xlsx::Cell::Text("—"));
    }
    return cells;
  };
  for (const auto& r : s.rows) {
    const std::string label =
        r.code.empty() || r.label.find(r.code) != std::string::npos ? r.label : r.label + " (" + r.code + ")";
    sheet.rows.push_back(row_of(xlsx::Cell::Text(label), *r.f));
  }
  if (s.total) sheet.rows.push_back(row_of(xlsx::Cell::Text(s.total_label, true), *s.total));
  return xlsx::Write(sheet);
}

}  // namespace fg::desk
