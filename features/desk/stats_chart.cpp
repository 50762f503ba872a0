#include "features/desk/stats_chart.h"

#include <algorithm>
#include <cstdio>

#include "features/desk/stats.h"
#include "platform/text/text.h"

namespace fg::desk {
namespace {

using text::XmlEscape;

// Colours on white, each at least 3:1 (WCAG 1.4.11): early #1e6b35 (6.8:1),
// on time #0b4f8a (8.4:1), late #a4161a (7.7:1) hatched with pale stripes so
// that "late" does not rest on telling red from green.
constexpr const char* kEarly = "#1e6b35";
constexpr const char* kOnTime = "#0b4f8a";
constexpr const char* kLate = "url(#stats-late)";

constexpr int kLegendHeight = 34;
constexpr int kRowHeight = 48;  // a label line, then the bar
constexpr int kBarHeight = 18;

// At most `n` code points of UTF-8 text, with "…" when cut.
std::string Cut(const std::string& s, int n) {
  int count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (count++ == n - 1) {
      // Is there more after this code point?
      size_t next = i + 1;
      while (next < s.size() && (static_cast<unsigned char>(s[next]) & 0xC0) == 0x80) ++next;
      if (next < s.size()) {
        std::string head = s.substr(0, i);
        while (!head.empty() && head.back() == ' ') head.pop_back();
        return head + "…";
      }
      return s;
    }
  }
  return s;
}

std::string Percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f%%", v);
  return buf;
}

}  // namespace

std::string StatsChartSvg(const std::vector<ChartBar>& bars, const ChartText& text) {
  int64_t most = 0;
  for (const auto& b : bars) most = std::max(most, b.early + b.on_time + b.late);
  if (most == 0) return "<p class=\"chart-empty\">" + XmlEscape(text.empty) + "</p>";

  const int height = kLegendHeight + kRowHeight * static_cast<int>(bars.size());
  std::string s;
  s += "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"" + std::to_string(height) +
       "\" role=\"img\" aria-labelledby=\"stats-chart-title stats-chart-desc\">";
  s += "<title id=\"stats-chart-title\">" + XmlEscape(text.title) + "</title>";
  s += "<desc id=\"stats-chart-desc\">" + XmlEscape(text.desc) + "</desc>";
  s += "<defs><pattern id=\"stats-late\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
       "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#a4161a\"/>"
       "<rect width=\"3\" height=\"8\" fill=\"#f4b6b8\"/></pattern></defs>";
  // Legend: three swatches with their words, on one line (fits 320 px).
  const struct {
    const char* fill;
    const std::string& word;
    int x;
  } legend[] = {{kEarly, text.early, 0}, {kOnTime, text.on_time, 110}, {kLate, text.late, 220}};
  s += "<g class=\"legend\" font-size=\"14\">";
  for (const auto& l : legend) {
    s += "<rect x=\"" + std::to_string(l.x) + "\" y=\"4\" width=\"16\" height=\"16\" fill=\"" + l.fill + "\"/>";
    s += "<text x=\"" + std::to_string(l.x + 22) + "\" y=\"17\" fill=\"#1b1b1b\">" + XmlEscape(l.word) + "</text>";
  }
  s += "</g>";
  for (size_t i = 0; i < bars.size(); ++i) {
    const ChartBar& b = bars[i];
    const int top = kLegendHeight + kRowHeight * static_cast<int>(i);
    const std::string label = XmlEscape(b.label), shown = XmlEscape(Cut(b.label, kChartLabelChars));
    s += "<g class=\"bar\">";
    s += "<text x=\"0\" y=\"" + std::to_string(top + 15) + "\" font-size=\"14\" fill=\"#1b1b1b\">";
    if (shown != label) s += "<title>" + label + "</title>";
    s += shown + "</text>";
    double x = 0;
    const int y = top + 21;
    const struct {
      int64_t n;
      const char* fill;
      const std::string& word;
    } parts[] = {{b.early, kEarly, text.early}, {b.on_time, kOnTime, text.on_time}, {b.late, kLate, text.late}};
    for (const auto& part : parts) {
      if (part.n <= 0) continue;
      const double w = kChartSpan * static_cast<double>(part.n) / static_cast<double>(most);
      s += "<rect x=\"" + Percent(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" + Percent(w) + "\" height=\"" +
           std::to_string(kBarHeight) + "\" fill=\"" + part.fill + "\" stroke=\"#fff\" stroke-width=\"1\"><title>" +
           XmlEscape(part.word) + ": " + FormatCount(part.n) + "</title></rect>";
      x += w;
    }
    s += "<text x=\"" + Percent(x) + "\" dx=\"6\" y=\"" + std::to_string(y + 14) +
         "\" font-size=\"13\" fill=\"#1b1b1b\">" + FormatCount(b.early + b.on_time + b.late) + "</text>";
    s += "</g>";
  }
  s += "</svg>";
  return s;
}

}  // namespace fg::desk
