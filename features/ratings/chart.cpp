#include "features/ratings/chart.h"

#include <cstdio>

#include "platform/render/pdf.h"

namespace fg::ratings {
namespace {

// Very satisfied .. unsatisfied: dark blue to dark red, each >= 4.5:1 against the white label text.
constexpr const char* kFill[] = {"#0b4f8a", "#2e7d32", "#5f6368", "#a15c00", "#b3261e"};
constexpr int kRowHeight = 48;
constexpr int kBarHeight = 20;

std::string Escape(const std::string& s) { return render::pdf::Escape(s); }
std::string Percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f%%", v);
  return buf;
}

}  // namespace

std::string ReportChartSvg(const std::vector<ReportLine>& lines, const std::vector<std::string>& level_labels,
                           const std::string& title, const std::string& desc, const std::string& empty) {
  int64_t total = 0;
  for (const auto& l : lines) total += l.total;
  if (total == 0) return "<p class=\"chart-empty\">" + Escape(empty) + "</p>";
  const int legend = 24;
  const int height = legend + kRowHeight * static_cast<int>(lines.size());
  std::string s = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"" +
                  std::to_string(height) +
                  "\" role=\"img\" aria-labelledby=\"ratings-chart-title ratings-chart-desc\">"
                  "<title id=\"ratings-chart-title\">" +
                  Escape(title) + "</title><desc id=\"ratings-chart-desc\">" + Escape(desc) + "</desc>";
  // The legend: a square per level in use.
  double x = 0;
  for (size_t i = 0; i < 5; ++i) {
    bool used = false;
    for (const auto& l : lines) used = used || l.counts[i] > 0;
    if (!used) continue;
    s += "<rect x=\"" + Percent(x) + "\" y=\"4\" width=\"12\" height=\"12\" fill=\"" + kFill[i] + "\"/><text x=\"" +
         Percent(x) + "\" dx=\"16\" y=\"15\" font-size=\"12\" fill=\"#1b1b1b\">" + Escape(level_labels[i]) + "</text>";
    x += 20;
  }
  for (size_t r = 0; r < lines.size(); ++r) {
    const auto& l = lines[r];
    const int top = legend + kRowHeight * static_cast<int>(r);
    s += "<g class=\"bar\"><text x=\"0\" y=\"" + std::to_string(top + 15) + "\" font-size=\"14\" fill=\"#1b1b1b\">" +
         Escape(l.label) + " (" + std::to_string(l.total) + ")</text>";
    double left = 0;
    for (size_t i = 0; i < 5 && l.total > 0; ++i) {
      if (l.counts[i] == 0) continue;
      const double w = 100.0 * static_cast<double>(l.counts[i]) / static_cast<double>(l.total);
      s += "<rect x=\"" + Percent(left) + "\" y=\"" + std::to_string(top + 21) + "\" width=\"" + Percent(w) +
           "\" height=\"" + std::to_string(kBarHeight) + "\" fill=\"" + kFill[i] + "\"/>";
      left += w;
    }
    s += "</g>";
  }
  return s + "</svg>";
}

}  // namespace fg::ratings
