#include "features/scorecards/chart.h"

#include <algorithm>
#include <cstdio>

#include "features/scorecards/rules.h"
#include "platform/render/pdf.h"

namespace fg::scorecards {
namespace {

constexpr const char* kFill = "#0b4f8a";  // 8.4:1 on white, as the desk's chart
constexpr const char* kMark = "#9a3412";  // 7:1 on white: the mark juts out 3 px above and below the bar
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
  auto x = [max](Points p) {
    return kSpan * static_cast<double>(std::clamp<Points>(p, 0, max)) / static_cast<double>(max);
  };
  for (size_t i = 0; i < bars.size(); ++i) {
    const int top = kRowHeight * static_cast<int>(i);
    const double w = x(bars[i].points);
    s += "<g class=\"bar\"><text x=\"0\" y=\"" + std::to_string(top + 15) + "\" font-size=\"14\" fill=\"#1b1b1b\">" +
         Escape(bars[i].label) + "</text>";
    if (bars[i].points > 0)
      s += "<rect x=\"0\" y=\"" + std::to_string(top + 21) + "\" width=\"" + Percent(w) + "\" height=\"" +
           std::to_string(kBarHeight) + "\" fill=\"" + kFill + "\"/>";
    double end = w;
    if (bars[i].mark) {
      const double m = x(*bars[i].mark);
      end = std::max(end, m);
      s += "<line class=\"mark\" x1=\"" + Percent(m) + "\" x2=\"" + Percent(m) + "\" y1=\"" + std::to_string(top + 18) +
           "\" y2=\"" + std::to_string(top + 24 + kBarHeight) + "\" stroke=\"" + kMark + "\" stroke-width=\"3\"/>";
    }
    s += "<text x=\"" + Percent(end) + "\" dx=\"6\" y=\"" + std::to_string(top + 35) +
         "\" font-size=\"13\" fill=\"#1b1b1b\">" + Escape(FormatPoints(bars[i].points)) + "</text></g>";
  }
  return s + "</svg>";
}

}  // namespace fg::scorecards
