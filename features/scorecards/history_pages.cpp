// /cham-diem/so-sanh: a unit against itself over the periods of a set (every
// version of its code) and against its peers (the same level under the same
// parent): an SVG chart of its locked totals with the peers' mean marked, and
// the table with the same figures, the change from the period before, its rank
// and whether it was recognised.
#include <algorithm>
#include <memory>

#include "features/scorecards/chart.h"
#include "features/scorecards/page_parts.h"
#include "features/scorecards/routes.h"
#include "features/scorecards/rules.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/time.h"

namespace fg::scorecards {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

std::string Signed(Points change) {
  if (change == 0) return Text("scorecards.history.same");
  return (change > 0 ? "+" : "−") + FormatPoints(change > 0 ? change : -change);
}

Response HistoryPage(Context& ctx, Service& svc) {
  const int64_t asked = SetFromQuery(ctx.req);
  PageView v(ctx, Text("scorecards.history.title"), "features/scorecards/templates/history.tpl");
  auto& b = v.body();
  // One read of the caller's assessments: the default set and the units to pick from.
  const auto seen = AssessmentsSeen(svc, *ctx.user);
  // One entry per code: the history covers every version of it.
  const int64_t set_id = SetOptions(b, svc.Sets(*ctx.user), seen, asked, true);
  // The units the caller may pick: those with an assessment in their subtree.
  std::string unit = ctx.req.query_param("unit");
  std::vector<std::pair<std::string, std::string>> units;
  for (const auto& a : seen)
    if (std::none_of(units.begin(), units.end(), [&](const auto& u) { return u.first == a.unit_code; }))
      units.emplace_back(a.unit_code, a.unit_name);
  if (unit.empty() && !units.empty()) unit = units.front().first;
  for (const auto& [code, name] : units) {
    auto* o = b.AddSectionDictionary("UNIT_OPTION");
    o->SetValue("CODE", code);
    o->SetValue("NAME", name);
    if (code == unit) o->ShowSection("SELECTED");
  }
  if (!units.empty()) b.ShowSection("HAS_UNITS");
  if (set_id == 0) return v.render();
  const History h = svc.HistoryOf(*ctx.user, set_id, unit);
  b.ShowSection("RESULT");
  b.SetValue("UNIT", h.unit_name);
  b.SetValue("SET", h.set_name);
  if (h.points.empty()) {
    b.ShowSection("NO_POINTS");
    return v.render();
  }
  b.ShowSection("HAS_POINTS");
  std::vector<ScoreBar> bars;
  Points max = 0;
  const HistoryPoint* before = nullptr;
  for (const auto& p : h.points) {
    auto* row = b.AddSectionDictionary("ROW");
    row->SetValue("PERIOD", Text("scorecards.period", {{"from", DisplayDate(p.from)}, {"to", DisplayDate(p.to)}}));
    row->SetIntValue("ID", p.assessment_id);
    row->SetValue("TOTAL", FormatPoints(p.total));
    row->SetValue("MAX", FormatPoints(p.max_total));
    row->SetValue("CHANGE", before ? Signed(p.total - before->total) : "—");
    row->SetValue("RANK", p.rank == 0 ? Text("scorecards.unranked")
                                      : Text(p.tied ? "scorecards.history.rank_tied" : "scorecards.history.rank",
                                             {{"rank", std::to_string(p.rank)}, {"n", std::to_string(p.peers)}}));
    row->SetValue("MEAN", FormatPoints(p.peer_mean));
    row->SetValue("BEST", FormatPoints(p.peer_best));
    row->SetValue("RECOGNISED", Text(p.recognised ? "scorecards.recognition.yes" : "scorecards.recognition.no"));
    if (before && p.set_version != before->set_version)
      row->SetValueAndShowSection("VERSION", std::to_string(p.set_version), "NEW_VERSION");
    bars.push_back({Text("scorecards.history.bar", {{"from", DisplayDate(p.from)}, {"to", DisplayDate(p.to)}}), p.total,
                    p.peer_mean});
    max = std::max(max, p.max_total);
    before = &p;
  }
  b.SetValue("CHART", RankingChartSvg(bars, max, Text("scorecards.history.chart_title", {{"unit", h.unit_name}}),
                                      Text("scorecards.history.chart_desc"), Text("scorecards.chart_empty")));
  return v.render();
}

}  // namespace

void RegisterHistoryPages(http::App& app, const std::shared_ptr<Service>& svc) {
  app.page("GET", "/cham-diem/so-sanh", http::Access::kUser, [svc](Context& ctx) { return HistoryPage(ctx, *svc); });
}

}  // namespace fg::scorecards
