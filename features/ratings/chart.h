// The report's chart: an inline SVG of horizontal stacked bars, one per line,
// each level's share in percent of the width (so text keeps its size at
// 360 px), in the style of features/desk/stats_chart.h: role="img" with
// <title> and <desc>, and the table beside it carries the same numbers. Pure.
#pragma once
#include <string>
#include <vector>

#include "features/ratings/model.h"

namespace fg::ratings {

// `level_labels`: a label per kLevels entry. Without any rating, a paragraph with `empty`.
std::string ReportChartSvg(const std::vector<ReportLine>& lines, const std::vector<std::string>& level_labels,
                           const std::string& title, const std::string& desc, const std::string& empty);

}  // namespace fg::ratings
