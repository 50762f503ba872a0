// The statistics chart: an inline SVG built on the server (pure function, no
// I/O), readable without JavaScript. One horizontal bar per group (horizontal
// bars keep long names readable on a 360 px phone: each name sits on its own
// line above its bar), stacked early / on time / late, a legend, the total at
// the bar's end. The SVG is `role="img"` with a <title> and <desc>; the table
// beside it on the page carries the same numbers for assistive technology.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace fg::desk {

struct ChartBar {
  std::string label;
  int64_t early = 0, on_time = 0, late = 0;
};

// The words of the chart (from the catalogue): title, description, the three
// legend entries, and the sentence shown instead of a chart without data.
struct ChartText {
  std::string title, desc, early, on_time, late, empty;
};

// Geometry, exposed for tests: bars are laid out in percent of the chart's
// width (so the text keeps its size at any width); the longest bar takes kChartSpan percent.
inline constexpr double kChartSpan = 75.0;
inline constexpr int kChartLabelChars = 40;  // longer labels are cut with "…" (the full one in a tooltip)

// The SVG markup, every text escaped here: the page inserts it as is. Without
// any resolved dossier in `bars`, a paragraph with `text.empty` instead.
std::string StatsChartSvg(const std::vector<ChartBar>& bars, const ChartText& text);

}  // namespace fg::desk
