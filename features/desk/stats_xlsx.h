// The statistics table as an XLSX workbook (platform/render/xlsx).
#pragma once
#include <string>
#include <vector>

#include "features/desk/model.h"

namespace fg::desk {

// One sheet: a title, lines about the report, then the table (a header row,
// one row per group, the total), with the columns of StatsColumns().
struct StatsSheet {
  std::string title;
  std::vector<std::string> lines;
  std::string group_header;
  std::vector<std::string> columns;  // headings, in StatsColumns() order
  struct Row {
    std::string label, code;
    const StatsFigures* f = nullptr;
  };
  std::vector<Row> rows;
  std::string total_label;
  const StatsFigures* total = nullptr;
};

// The workbook's bytes. Throws std::runtime_error when libxlsxwriter fails.
std::string StatsXlsx(const StatsSheet& sheet);

}  // namespace fg::desk
