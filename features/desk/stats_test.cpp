// The statistics' pure parts: the period and its split into months and days,
// the derived figures, the "by unit" lines, number formats, the SVG chart.
#include "features/desk/stats.h"

#include <gtest/gtest.h>

#include <regex>

#include "features/desk/stats_chart.h"
#include "tests/support/test_db.h"

namespace fg::desk {
namespace {

using fg::testing::KindOf;
using Days = std::pair<std::string, std::string>;

std::vector<std::string> FieldsOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    std::vector<std::string> out;
    for (auto& p : e.problems()) out.push_back(p.field + ":" + p.key);
    return out;
  }
  return {};
}

TEST(DeskStats, PeriodDefaultsToTheCurrentMonth) {
  auto p = ValidateStatsPeriod("", "", "2026-02-17");
  EXPECT_EQ(p.from, "2026-02-01");
  EXPECT_EQ(p.to, "2026-02-28");
  p = ValidateStatsPeriod("2024-02-15", "", "2024-02-10");
  EXPECT_EQ(p.from, "2024-02-15");
  EXPECT_EQ(p.to, "2024-02-29");  // a leap year's February
}

TEST(DeskStats, PeriodProblemsAreAllReported) {
  EXPECT_EQ(FieldsOf([] { ValidateStatsPeriod("2026-02-30", "2026-13-01", "2026-03-01"); }),
            (std::vector<std::string>{"from:error.bad_date", "to:error.bad_date"}));
  EXPECT_EQ(FieldsOf([] { ValidateStatsPeriod("2026-03-02", "2026-03-01", "2026-03-01"); }),
            (std::vector<std::string>{"to:desk.stats.to_before_from"}));
  // Five years at most: 01/01/2021 - 31/12/2025 is allowed, one more day is not.
  EXPECT_NO_THROW(ValidateStatsPeriod("2021-01-01", "2025-12-31", "2026-03-01"));
  EXPECT_EQ(FieldsOf([] { ValidateStatsPeriod("2021-01-01", "2026-01-01", "2026-03-01"); }),
            (std::vector<std::string>{"to:desk.stats.period_too_long"}));
  EXPECT_EQ(KindOf([] { ValidateStatsPeriod("x", "", "2026-03-01"); }), ErrorKind::kBadRequest);
}

TEST(DeskStats, APeriodSplitsIntoWholeMonthsAndLooseDays) {
  auto s = SplitPeriod({"2026-01-01", "2026-12-31"});
  EXPECT_EQ(s.months_from, "2026-01");
  EXPECT_EQ(s.months_to, "2026-12");
  EXPECT_TRUE(s.days.empty());

  s = SplitPeriod({"2026-01-15", "2026-03-10"});
  EXPECT_EQ(s.months_from, "2026-02");
  EXPECT_EQ(s.months_to, "2026-02");
  ASSERT_EQ(s.days.size(), 2u);
  EXPECT_EQ(s.days[0], Days("2026-01-15", "2026-01-31"));
  EXPECT_EQ(s.days[1], Days("2026-03-01", "2026-03-10"));

  s = SplitPeriod({"2026-03-05", "2026-03-20"});  // inside one month
  EXPECT_TRUE(s.months_from.empty());
  ASSERT_EQ(s.days.size(), 1u);
  EXPECT_EQ(s.days[0], Days("2026-03-05", "2026-03-20"));

  s = SplitPeriod({"2026-01-31", "2026-02-01"});  // two loose days in two months, no whole one
  EXPECT_TRUE(s.months_from.empty());
  EXPECT_EQ(s.days.size(), 1u);

  s = SplitPeriod({"2024-02-01", "2024-02-29"});  // a whole leap February
  EXPECT_EQ(s.months_from, "2024-02");
  EXPECT_TRUE(s.days.empty());

  EXPECT_EQ(MonthsOf({"2025-11-20", "2026-02-03"}),
            (std::vector<std::string>{"2025-11", "2025-12", "2026-01", "2026-02"}));
}

TEST(DeskStats, EachReportReadsTheMonthlyRowsKeyedByWhatItNeeds) {
  EXPECT_EQ(SourceOf(StatsGroup::kUnit, false, false), StatsSource::kMonthOfficials);
  EXPECT_EQ(SourceOf(StatsGroup::kMonth, false, false), StatsSource::kMonthOfficials);
  EXPECT_EQ(SourceOf(StatsGroup::kOfficial, false, false), StatsSource::kMonthOfficials);
  EXPECT_EQ(SourceOf(StatsGroup::kProcedure, false, false), StatsSource::kMonthProcedures);
  EXPECT_EQ(SourceOf(StatsGroup::kUnit, true, false), StatsSource::kMonthProcedures);
  EXPECT_EQ(SourceOf(StatsGroup::kMonth, false, true), StatsSource::kMonthOfficials);
  EXPECT_EQ(SourceOf(StatsGroup::kProcedure, false, true), StatsSource::kDaysOnly);
  EXPECT_EQ(SourceOf(StatsGroup::kOfficial, true, false), StatsSource::kDaysOnly);
  EXPECT_EQ(SourceOf(StatsGroup::kUnit, true, true), StatsSource::kDaysOnly);
}

TEST(DeskStats, OnTimeRateAndAverageAreOverResolvedDossiers) {
  Counters n;
  EXPECT_FALSE(OnTimeRate(n));
  EXPECT_FALSE(AverageResolveSeconds(n));
  n.received = 10;
  n.refused = 3;
  n.resolved_early = 2;
  n.resolved_on_time = 5;
  n.resolved_late = 1;
  n.resolved_seconds = 8 * 3600 + 4;  // 8 dossiers, 1 working hour each (and 4 s)
  EXPECT_DOUBLE_EQ(*OnTimeRate(n), 7.0 / 8.0);
  EXPECT_EQ(*AverageResolveSeconds(n), 3600 + 1);  // 4 / 8 rounds to 1
}

TEST(DeskStats, AUnitIsCountedInTheLineOfTheRootsChildAboveIt) {
  EXPECT_EQ(LineOf("/1/", "/1/"), "/1/");        // the root's own
  EXPECT_EQ(LineOf("/1/", "/1/4/"), "/1/4/");    // a child
  EXPECT_EQ(LineOf("/1/", "/1/4/9/"), "/1/4/");  // a grandchild: in its parent's line
  EXPECT_EQ(LineOf("/1/", "/2/4/"), "");         // elsewhere
  EXPECT_EQ(LineOf("/1/4/", "/1/45/"), "");      // a prefix of digits is not an ancestor
  EXPECT_EQ(LineOf("/1/4/", "/1/4/12/30/"), "/1/4/12/");
}

TEST(DeskStats, NumbersReadTheVietnameseWay) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1000), "1.000");
  EXPECT_EQ(FormatCount(1234567), "1.234.567");
  EXPECT_EQ(FormatPercent(0.9523), "95,2 %");
  EXPECT_EQ(FormatPercent(1.0), "100,0 %");
  EXPECT_EQ(FormatPercent(0.0), "0,0 %");
  StatsFigures f;
  f.n.resolved_on_time = 2;
  f.n.resolved_seconds = 2 * 45000;  // 12.5 hours each
  for (const auto& c : StatsColumns()) {
    if (c.name == "average") {
      EXPECT_EQ(FormatStatsValue(c, f), "12,5");
      EXPECT_EQ(FormatStatsValue(c, StatsFigures{}), "—");
    }
    if (c.name == "rate") EXPECT_EQ(FormatStatsValue(c, f), "100,0 %");
  }
}

// ---- the chart ----

const ChartText kText{"Tiêu đề", "Mô tả", "Trước hạn", "Đúng hạn", "Quá hạn", "Không có dữ liệu"};

// The width (in percent) of each <rect> with a fill that is one of the bar colours, in order.
std::vector<double> SegmentWidths(const std::string& svg) {
  std::vector<double> out;
  static const std::regex re(R"re(<rect x="[0-9.]+%" y="\d+" width="([0-9.]+)%")re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back(std::stod((*it)[1]));
  return out;
}

TEST(DeskStatsChart, BarsAreProportionalToTheirCounts) {
  const std::string svg = StatsChartSvg({{"A", 2, 6, 2}, {"B", 0, 5, 0}}, kText);
  auto w = SegmentWidths(svg);
  ASSERT_EQ(w.size(), 4u);  // A: early, on time, late; B: on time
  // The longest bar (A, 10 dossiers) spans kChartSpan percent; B (5) half of it.
  EXPECT_NEAR(w[0] + w[1] + w[2], kChartSpan, 0.01);
  EXPECT_NEAR(w[0], kChartSpan * 0.2, 0.01);
  EXPECT_NEAR(w[1], kChartSpan * 0.6, 0.01);
  EXPECT_NEAR(w[2], kChartSpan * 0.2, 0.01);
  EXPECT_NEAR(w[3], kChartSpan * 0.5, 0.01);
  // Stacked: each segment starts where the previous one ended.
  EXPECT_NE(svg.find("<rect x=\"15.000%\""), std::string::npos);  // A's on-time part, after its early one
  // The totals at the bars' ends.
  EXPECT_NE(svg.find(">10</text>"), std::string::npos);
  EXPECT_NE(svg.find(">5</text>"), std::string::npos);
}

TEST(DeskStatsChart, IsAnImageWithATitleDescriptionAndLegend) {
  const std::string svg = StatsChartSvg({{"A", 1, 0, 0}}, kText);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-labelledby=\"stats-chart-title stats-chart-desc\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"stats-chart-title\">Tiêu đề</title>"), std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"stats-chart-desc\">Mô tả</desc>"), std::string::npos);
  for (const char* word : {">Trước hạn</text>", ">Đúng hạn</text>", ">Quá hạn</text>"})
    EXPECT_NE(svg.find(word), std::string::npos) << word;
  // Percent widths: the text keeps its size at any screen width.
  EXPECT_NE(svg.find("width=\"100%\""), std::string::npos);
  EXPECT_EQ(svg.find("viewBox"), std::string::npos);
}

TEST(DeskStatsChart, LabelsAreEscapedAndLongOnesCut) {
  ChartText text = kText;
  text.title = "<b>&";
  const std::string long_name(60, 'x');
  const std::string svg = StatsChartSvg({{"<script>alert(\"x\")</script> & 'y'", 1, 0, 0}, {long_name, 0, 1, 0}}, text);
  EXPECT_EQ(svg.find("<script>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"), std::string::npos);
  EXPECT_NE(svg.find("&lt;b&gt;&amp;"), std::string::npos);
  // Cut to kChartLabelChars code points with "…", the whole name in a tooltip.
  EXPECT_NE(svg.find(std::string(kChartLabelChars - 1, 'x') + "…</text>"), std::string::npos);
  EXPECT_NE(svg.find("<title>" + long_name + "</title>"), std::string::npos);
  // Vietnamese is cut on code points, never inside one.
  const std::string vi = "Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi";
  const std::string cut = StatsChartSvg({{vi, 1, 0, 0}}, kText);
  EXPECT_NE(cut.find("Đăng ký khai sinh, đăng ký thường trú,…</text>"), std::string::npos) << cut;
}

TEST(DeskStatsChart, WithoutResolvedDossiersSaysSo) {
  EXPECT_EQ(StatsChartSvg({}, kText), "<p class=\"chart-empty\">Không có dữ liệu</p>");
  EXPECT_EQ(StatsChartSvg({{"A", 0, 0, 0}, {"B", 0, 0, 0}}, kText), "<p class=\"chart-empty\">Không có dữ liệu</p>");
}

}  // namespace
}  // namespace fg::desk
