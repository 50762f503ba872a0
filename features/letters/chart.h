// The counts chart: an inline SVG of horizontal bars, one per letter type,
// built on the server (pure, no I/O), in the style of the desk's statistics
// chart (features/desk/stats_chart.h): role="img" with <title> and <desc>, a
// table beside it with the same numbers.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace fg::letters {

struct CountBar {
  std::string label;
  int64_t n = 0;
};

// The SVG markup (every text escaped here); without any letter, a paragraph with `empty`.
std::string CountsChartSvg(const std::vector<CountBar>& bars, const std::string& title, const std::string& desc,
                           const std::string& empty);

}  // namespace fg::letters
