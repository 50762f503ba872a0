#include "features/scorecards/chart.h"

#include <algorithm>
#include <cstdio>

#include "features/scorecards/rules.h"
#include "platform/render/pdf.h"

namespace fg::scorecards {
namespace {

constexpr const char* kFill = "#0b4f8a";  // 8.4:1 on white, as the desk's chart
constexpr int kRowHeight = 44;            // a label line, then the bar
constexpr int kBarHeight = 18;
constexpr double kSpan = 75.0;  // percent of the width for the maximum

std::string Escape(const std::string& s) { return render::pdf::Escape(s); }

std::string Percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f%%", v);
  return buf;
}

}  // namespace

std::string RankingChartSvg(const std::vector<ScoreBar>& bars, Points max, const std::string& title,
                            const std::string& desc, const std::string& empty) {
  if (bars.empty() || max <= 0) return "<p class=\"chart-empty\">" + Escape(empty) + "</p>";
  const int height = kRowHeight * static_cast<int>(bars.size());
  std::string s = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"" +
                  std::to_string(height) +
                  "\" role=\"img\" aria-labelledby=\"ranking-chart-title ranking-chart-desc\">"
                  "<title id=\"ranking-chart-title\">" +
                  Escape(title) + "</title><desc id=\"ranking-chart-desc\">" + Escape(desc) + "</desc>";
  for (size_t i = 0; i < bars.size(); ++i) {
    const int top = kRowHeight * static_cast<int>(i);
    const double w = kSpan * static_cast<double>(std::clamp<Points>(bars[i].points, 0, max)) / static_cast<double>(max);
    s += "<g class=\"bar\"><text x=\"0\" y=\"" + std::to_string(top + 15) + "\" font-size=\"14\" fill=\"#1b1b1b\">" +
         Escape(bars[i].label) + "</text>";
    if (bars[i].points > 0)
      s += "<rect x=\"0\" y=\"" + std::to_string(top + 21) + "\" width=\"" + Percent(w) + "\" height=\"" +
           std::to_string(kBarHeight) + "\" fill=\"" + kFill + "\"/>";
    s += "<text x=\"" + Percent(w) + "\" dx=\"6\" y=\"" + std::to_string(top + 35) +
         "\" font-size=\"13\" fill=\"#1b1b1b\">" + Escape(FormatPoints(bars[i].points)) + "</text></g>";
  }
  return s + "</svg>";
}

}  // namespace fg::scorecards
