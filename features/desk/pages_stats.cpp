// The desk's statistics page (/desk/stats) and its spreadsheet (/desk/stats.xlsx):
// a GET form of filters, the key figures, a bar chart drawn on the server as
// inline SVG (stats_chart.h) and the table with the same numbers.
#include <cctype>
#include <memory>

#include "features/desk/routes.h"
#include "features/desk/stats.h"
#include "features/desk/stats_chart.h"
#include "features/desk/stats_xlsx.h"
#include "platform/async/pool.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

constexpr StatsGroup kGroups[] = {StatsGroup::kUnit, StatsGroup::kProcedure, StatsGroup::kOfficial, StatsGroup::kMonth};

// The filters as typed: dates from the Ngày / Tháng / Năm inputs (or from=YYYY-MM-DD).
StatsQuery QueryFrom(const http::Request& req) {
  std::map<std::string, std::string> params;
  for (const auto& [k, v] : http::ParseUrlEncoded(req.query)) params[k] = v;
  StatsQuery q;
  q.unit_code = http::FormValue(params, "unit");
  q.from = render::DateFromForm(params, "from");
  q.to = render::DateFromForm(params, "to");
  q.procedure = http::FormValue(params, "procedure");
  q.official = http::FormValue(params, "official");
  q.by = http::FormValue(params, "by");
  return q;
}

// The query string of a report (ISO dates), for links to the spreadsheet and to a unit's own report.
std::string QueryOf(const StatsReport& r, const std::string& unit_code, StatsGroup by) {
  std::string s = "unit=" + http::UrlEncode(unit_code) + "&from=" + r.from + "&to=" + r.to;
  if (r.procedure_id) s += "&procedure=" + std::to_string(*r.procedure_id);
  if (r.official_id) s += "&official=" + std::to_string(*r.official_id);
  return s + "&by=" + std::string(StatsGroupName(by));
}

// What a line is called where people read it.
std::string LabelOf(const StatsReport& r, const StatsLine& l) {
  switch (r.by) {
    case StatsGroup::kUnit:  // the unit's own dossiers beside its children's
      return l.code == r.unit_code && r.lines.size() > 1 ? Text("desk.stats.own_line", {{"name", l.label}}) : l.label;
    case StatsGroup::kProcedure: return l.label.empty() ? Text("desk.stats.procedure_label", {{"id", l.key}}) : l.label;
    case StatsGroup::kOfficial:
      if (l.key == "0") return Text("desk.stats.system");
      return l.label.empty() ? Text("desk.stats.official_label", {{"id", l.key}}) : l.label;
    case StatsGroup::kMonth:
      return Text("desk.stats.month_label", {{"month", l.key.substr(5, 2)}, {"year", l.key.substr(0, 4)}});
  }
  return l.label;
}

std::string GroupWord(StatsGroup g) { return Text("desk.stats.by." + std::string(StatsGroupName(g))); }

void FillCells(ctemplate::TemplateDictionary& d, const char* section, const StatsFigures& f) {
  for (const auto& c : StatsColumns()) {
    auto* cell = d.AddSectionDictionary(section);
    cell->SetValue("NAME", Text("desk.stats.col." + std::string(c.name)));
    cell->SetValue("VALUE", FormatStatsValue(c, f));
  }
}

// The group's word inside a sentence ("theo đơn vị").
std::string GroupInSentence(StatsGroup g) { return Text("desk.stats.word." + std::string(StatsGroupName(g))); }

void ShowReport(PageView& v, const StatsReport& r) {
  auto& b = v.body();
  b.ShowSection("HAS_REPORT");
  b.SetValue("HEADING", Text("desk.stats.heading",
                             {{"unit", r.unit_name}, {"from", DisplayDate(r.from)}, {"to", DisplayDate(r.to)}}));
  b.SetValue("TOTAL_RECEIVED", FormatCount(r.total.n.received));
  b.SetValue("TOTAL_RESOLVED", FormatCount(r.total.resolved()));
  const auto rate = OnTimeRate(r.total.n);
  b.SetValue("TOTAL_RATE", rate ? FormatPercent(*rate) : "—");
  b.SetValue("TOTAL_OPEN", FormatCount(r.total.open_on_time + r.total.open_overdue));
  b.SetValue("TOTAL_OVERDUE", FormatCount(r.total.open_overdue));
  b.SetValue("AS_OF", FormatLocal(r.as_of));
  const std::string word = GroupInSentence(r.by);
  b.SetValue("GROUP_WORD", word);
  b.SetValue("GROUP_HEADER", GroupWord(r.by));
  b.SetValue("XLSX_URL", "/desk/stats.xlsx?" + QueryOf(r, r.unit_code, r.by));
  for (const auto& c : StatsColumns())
    b.AddSectionDictionary("COLUMN")->SetValue("NAME", Text("desk.stats.col." + std::string(c.name)));

  std::vector<ChartBar> bars;
  for (const auto& l : r.lines) {
    auto* row = b.AddSectionDictionary("LINE");
    const std::string label = LabelOf(r, l);
    // A child unit's line leads to its own report, grouped by its children.
    if (r.by == StatsGroup::kUnit && l.code != r.unit_code)
      row->SetValueAndShowSection("LINK", "/desk/stats?" + QueryOf(r, l.code, StatsGroup::kUnit), "HAS_LINK");
    else
      row->ShowSection("NO_LINK");
    row->SetValue("LABEL", label);
    if (!l.code.empty()) row->SetValueAndShowSection("CODE", l.code, "HAS_CODE");
    FillCells(*row, "CELL", l.f);
    bars.push_back({label, l.f.n.resolved_early, l.f.n.resolved_on_time, l.f.n.resolved_late});
  }
  FillCells(b, "TOTAL_CELL", r.total);
  b.SetValue("CHART", StatsChartSvg(
                          bars, {Text("desk.stats.chart_title", {{"group", word}}),
                                 Text("desk.stats.chart_desc", {{"group", word}}), Text("desk.stats.early"),
                                 Text("desk.stats.on_time"), Text("desk.stats.late"), Text("desk.stats.chart_empty")}));
}

// The form with the caller's choices; `error` when the filters were refused.
Response StatsPage(Context& ctx, Service& svc) {
  const StatsQuery q = QueryFrom(ctx.req);
  PageView v(ctx, Text("desk.stats.title"), "features/desk/templates/stats_page.tpl");
  std::optional<StatsReport> report;
  int status = 200;
  try {
    report = svc.Statistics(*ctx.user, q);
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    v.ShowErrors(e);
    status = http::StatusOf(e.kind());
  }
  // The form shows what was counted, else what was typed.
  const StatsOptions options = svc.StatsChoices(*ctx.user, report ? report->unit_code : q.unit_code);
  auto& b = v.body();
  v.DateInput("FROM_DATE", "from", Text("desk.stats.field_from"), Text("desk.stats.hint_from"),
              report ? report->from : q.from);
  v.DateInput("TO_DATE", "to", Text("desk.stats.field_to"), Text("desk.stats.hint_to"), report ? report->to : q.to);
  for (const auto& u : options.units) {
    auto* o = b.AddSectionDictionary("UNIT_OPTION");
    o->SetValue("VALUE", u.value);
    o->SetValue("LABEL", u.ended ? Text("desk.stats.ended", {{"name", u.label}}) : u.label);
    std::string indent;
    for (int i = 0; i < u.depth; ++i) indent += "— ";
    o->SetValue("INDENT", indent);
    if (u.value == options.unit_code) o->SetValue("SELECTED", "selected");
  }
  const std::string procedure = report && report->procedure_id ? std::to_string(*report->procedure_id) : q.procedure;
  for (const auto& p : options.procedures) {
    auto* o = b.AddSectionDictionary("PROCEDURE_OPTION");
    o->SetValue("VALUE", p.value);
    o->SetValue("LABEL", p.label);
    o->SetValue("CODE", p.code);
    if (p.value == procedure) o->SetValue("SELECTED", "selected");
  }
  const std::string official = report && report->official_id ? std::to_string(*report->official_id) : q.official;
  for (const auto& p : options.officials) {
    auto* o = b.AddSectionDictionary("OFFICIAL_OPTION");
    o->SetValue("VALUE", p.value);
    o->SetValue("LABEL", p.label);
    if (p.value == official) o->SetValue("SELECTED", "selected");
  }
  const std::string by = report ? std::string(StatsGroupName(report->by)) : q.by;
  for (StatsGroup g : kGroups) {
    auto* o = b.AddSectionDictionary("BY_OPTION");
    o->SetValue("VALUE", std::string(StatsGroupName(g)));
    o->SetValue("LABEL", Text("desk.stats.by_option." + std::string(StatsGroupName(g))));
    if (StatsGroupName(g) == by) o->SetValue("SELECTED", "selected");
  }
  if (report) ShowReport(v, *report);
  return v.render(status);
}

}  // namespace

void RegisterStatsPages(http::App& app, Service& svc) {
  // Spreadsheets are built off the io threads (zip compression, a temporary file).
  auto pool = std::make_shared<async::BlockingPool>(1, 16);
  app.page("GET", "/desk/stats", http::Access::kUser, [&svc](Context& ctx) { return StatsPage(ctx, svc); });
  app.page("GET", "/desk/stats.xlsx", http::Access::kUser, [&svc, pool](Context& ctx) {
    const StatsReport r = svc.Statistics(*ctx.user, QueryFrom(ctx.req));
    StatsSheet sheet;
    sheet.title = Text("desk.stats.sheet_title", {{"unit", r.unit_name}});
    sheet.lines.push_back(
        Text("desk.stats.sheet_period",
             {{"from", DisplayDate(r.from)}, {"to", DisplayDate(r.to)}, {"group", GroupInSentence(r.by)}}));
    sheet.lines.push_back(Text("desk.stats.sheet_filters",
                               {{"procedure", r.procedure_id ? r.procedure_name : Text("desk.stats.all_procedures")},
                                {"official", r.official_id ? r.official_name : Text("desk.stats.all_officials")}}));
    sheet.lines.push_back(Text("desk.stats.sheet_as_of", {{"at", FormatLocal(r.as_of)}}));
    sheet.group_header = GroupWord(r.by);
    for (const auto& c : StatsColumns()) sheet.columns.push_back(Text("desk.stats.col." + std::string(c.name)));
    for (const auto& l : r.lines) sheet.rows.push_back({LabelOf(r, l), l.code, &l.f});
    sheet.total_label = Text("desk.stats.sheet_total");
    sheet.total = &r.total;
    const std::string name = text::FileName("thong-ke-" + r.unit_code + "-" + r.from + "-" + r.to + ".xlsx");
    return Response::Attachment(pool->run([&] { return StatsXlsx(sheet); }),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
  });
}

}  // namespace fg::desk
