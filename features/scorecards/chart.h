// The ranking chart: an inline SVG of horizontal bars, one per unit, in the
// style of the desk's and the letters' charts (role="img" with <title> and
// <desc>, the table beside it with the same figures). Pure, no I/O.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "features/scorecards/model.h"

namespace fg::scorecards {

struct ScoreBar {
  std::string label;  // "1. Phường Chơn Thành"
  Points points = 0;
  std::optional<Points> mark = {};  // a tick across the bar (e.g. the peers' mean; say so in the label)
};

// Bars scaled to `max` (the set's total); each value written as points
// ("92,75"). Every text escaped here. Without bars, a paragraph with `empty`.
std::string RankingChartSvg(const std::vector<ScoreBar>& bars, Points max, const std::string& title,
                            const std::string& desc, const std::string& empty);

}  // namespace fg::scorecards
