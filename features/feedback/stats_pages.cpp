// The feedback statistics (issue 15, item 7): /feedback/thong-ke (a GET form of
// filters, the key figures and one table per grouping: kind, channel, category,
// unit), /feedback/thong-ke.xlsx (the same tables in one sheet) and
// GET /api/v1/feedback/stats (JSON).
#include <cctype>
#include <cmath>
#include <memory>

#include <boost/json.hpp>

#include "features/desk/stats.h"
#include "features/feedback/page_options.h"
#include "features/feedback/routes.h"
#include "platform/async/pool.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/render/xlsx.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::feedback {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;
namespace xlsx = render::xlsx;

Service::StatsQuery QueryFrom(const http::Request& req) {
  std::map<std::string, std::string> params;
  for (const auto& [k, v] : http::ParseUrlEncoded(req.query)) params[k] = v;
  return {http::FormValue(params, "unit"), render::DateFromForm(params, "from"), render::DateFromForm(params, "to")};
}

std::string Percent(std::optional<double> v) { return v ? desk::FormatPercent(*v) : "—"; }

// One grouping of the figures, with the label of each line.
struct Group {
  std::string id;  // the table's id, and the catalogue's word
  const std::vector<Tally>* lines;
  std::string (*label)(const Tally&);
};
std::string KindLabel(const Tally& t) { return Text("feedback.kind." + t.key); }
std::string ChannelLabel(const Tally& t) { return Text("feedback.channel." + t.key); }
std::string CategoryLabel(const Tally& t) { return Text("feedback.category." + t.key); }
std::string UnitLabel(const Tally& t) { return t.label; }

std::vector<Group> Groups(const Tallies& t) {
  return {{"kind", &t.by_kind, KindLabel},
          {"channel", &t.by_channel, ChannelLabel},
          {"category", &t.by_category, CategoryLabel},
          {"unit", &t.by_unit, UnitLabel}};
}

// The columns: a count, a share (a fraction) or a number of days; nullopt where not defined.
enum class Figure { kCount, kShare, kDays };
struct Column {
  const char* name;
  Figure figure;
  std::optional<double> (*value)(const Tally&);
};
std::optional<double> Num(int64_t n) { return static_cast<double>(n); }
constexpr Column kColumns[] = {
    {"received", Figure::kCount, [](const Tally& t) { return Num(t.received); }},
    {"answered", Figure::kCount, [](const Tally& t) { return Num(t.answered); }},
    {"on_time", Figure::kCount, [](const Tally& t) { return Num(t.on_time); }},
    {"late", Figure::kCount, [](const Tally& t) { return Num(t.late); }},
    {"on_time_rate", Figure::kShare, [](const Tally& t) { return t.OnTimeRate(); }},
    {"days", Figure::kDays, [](const Tally& t) { return t.MeanHandlingDays(); }},
    {"reopened", Figure::kCount, [](const Tally& t) { return Num(t.reopened); }},
    {"rated", Figure::kCount, [](const Tally& t) { return Num(t.rated); }},
    {"satisfied_share", Figure::kShare, [](const Tally& t) { return t.SatisfiedShare(); }},
};
// As people read it: "1.234", "95,2 %", "12,5", or "—".
std::string Cell(const Column& c, const Tally& t) {
  const auto v = c.value(t);
  if (!v) return "—";
  switch (c.figure) {
    case Figure::kCount: return desk::FormatCount(std::llround(*v));
    case Figure::kShare: return desk::FormatPercent(*v);
    case Figure::kDays: return desk::FormatOneDecimal(*v);
  }
  return "";
}
// A typed cell, formatted by Excel.
xlsx::Cell SheetCell(const Column& c, const Tally& t) {
  const auto v = c.value(t);
  if (!v) return xlsx::Cell::Empty();
  return xlsx::Cell::Number(*v, c.figure == Figure::kShare ? "0.0%" : c.figure == Figure::kDays ? "0.0" : "#,##0");
}

std::string QueryOf(const Service::Stats& s) {
  return "unit=" + http::UrlEncode(s.unit_code) + "&from=" + s.from + "&to=" + s.to;
}

Response StatsPage(Context& ctx, Service& svc) {
  const auto q = QueryFrom(ctx.req);
  PageView v(ctx, Text("feedback.stats.title"), "features/feedback/templates/stats.tpl");
  std::optional<Service::Stats> stats;
  int status = 200;
  try {
    stats = svc.Statistics(*ctx.user, q);
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    v.ShowErrors(e);
    status = http::StatusOf(e.kind());
  }
  auto& b = v.body();
  v.DateInput("FROM_DATE", "from", Text("feedback.stats.field_from"), Text("feedback.stats.hint_from"),
              stats ? stats->from : q.from);
  v.DateInput("TO_DATE", "to", Text("feedback.stats.field_to"), Text("feedback.stats.hint_to"),
              stats ? stats->to : q.to);
  const std::string unit = stats ? stats->unit_code : q.unit_code;
  Options(b, "UNIT_OPTION", svc.UnitsFor(*ctx.user), unit);
  if (stats) {
    const Tally& t = stats->tallies.total;
    b.ShowSection("HAS_REPORT");
    b.SetValue("HEADING",
               Text("feedback.stats.heading",
                    {{"unit", stats->unit_name}, {"from", DisplayDate(stats->from)}, {"to", DisplayDate(stats->to)}}));
    b.SetValue("TOTAL_RECEIVED", desk::FormatCount(t.received));
    b.SetValue("TOTAL_ANSWERED", desk::FormatCount(t.answered));
    b.SetValue("TOTAL_ON_TIME_RATE", Percent(t.OnTimeRate()));
    b.SetValue("TOTAL_DAYS", t.MeanHandlingDays() ? desk::FormatOneDecimal(*t.MeanHandlingDays()) : "—");
    b.SetValue("TOTAL_REOPENED", Percent(t.ReopenedShare()));
    b.SetValue("TOTAL_SATISFIED", Percent(t.SatisfiedShare()));
    b.SetValue("AS_OF", FormatLocal(stats->as_of));
    b.SetValue("XLSX_URL", "/feedback/thong-ke.xlsx?" + QueryOf(*stats));
    for (const auto& g : Groups(stats->tallies)) {
      auto* gd = b.AddSectionDictionary("GROUP");
      gd->SetValue("ID", "by-" + g.id);
      gd->SetValue("WORD", Text("feedback.stats.word." + g.id));
      gd->SetValue("HEADER", Text("feedback.stats.header." + g.id));
      for (const auto& c : kColumns)
        gd->AddSectionDictionary("COLUMN")->SetValue("NAME", Text("feedback.stats.col." + std::string(c.name)));
      for (const auto& l : *g.lines) {
        // On the page, channels and categories nobody used are left out (the spreadsheet and API keep them).
        if (l.received == 0 && g.id != "kind" && t.received > 0) continue;
        auto* row = gd->AddSectionDictionary("LINE");
        row->SetValue("LABEL", g.label(l));
        if (g.id == "unit") row->SetValueAndShowSection("CODE", l.key, "HAS_CODE");
        for (const auto& c : kColumns) {
          auto* cell = row->AddSectionDictionary("CELL");
          cell->SetValue("NAME", Text("feedback.stats.col." + std::string(c.name)));
          cell->SetValue("VALUE", Cell(c, l));
        }
      }
    }
  }
  return v.render(status);
}

xlsx::Sheet SheetOf(const Service::Stats& s) {
  xlsx::Sheet sheet;
  sheet.name = Text("feedback.stats.sheet_name");
  sheet.title = Text("feedback.stats.sheet_title", {{"unit", s.unit_name}});
  sheet.subtitles = {Text("feedback.stats.sheet_period", {{"from", DisplayDate(s.from)}, {"to", DisplayDate(s.to)}}),
                     Text("feedback.stats.sheet_as_of", {{"at", FormatLocal(s.as_of)}})};
  sheet.columns = {{Text("feedback.stats.sheet_group"), 16}, {Text("feedback.stats.sheet_line"), 34}};
  for (const auto& c : kColumns) sheet.columns.push_back({Text("feedback.stats.col." + std::string(c.name)), 13});
  auto add = [&](const std::string& group, const std::string& label, const Tally& t) {
    std::vector<xlsx::Cell> row{xlsx::Cell::Text(group), xlsx::Cell::Text(label)};
    for (const auto& c : kColumns) row.push_back(SheetCell(c, t));
    sheet.rows.push_back(std::move(row));
  };
  add(Text("feedback.stats.sheet_total"), s.unit_name, s.tallies.total);
  for (const auto& g : Groups(s.tallies))
    for (const auto& l : *g.lines)
      add(Text("feedback.stats.header." + g.id), g.id == "unit" ? l.label + " (" + l.key + ")" : g.label(l), l);
  return sheet;
}

boost::json::object JsonOf(const Tally& t) {
  boost::json::object o{{"received", t.received}, {"answered", t.answered}, {"on_time", t.on_time},    {"late", t.late},
                        {"reopened", t.reopened}, {"rated", t.rated},       {"satisfied", t.satisfied}};
  auto opt = [](std::optional<double> v) { return v ? boost::json::value(*v) : boost::json::value(nullptr); };
  o["on_time_rate"] = opt(t.OnTimeRate());
  o["mean_handling_days"] = opt(t.MeanHandlingDays());
  o["satisfied_share"] = opt(t.SatisfiedShare());
  o["reopened_share"] = opt(t.ReopenedShare());
  return o;
}

}  // namespace

void RegisterStatsPages(http::App& app, const std::shared_ptr<Service>& svc) {
  // Spreadsheets are built off the io threads (zip compression, a temporary file).
  auto pool = std::make_shared<async::BlockingPool>(1, 16);
  app.page("GET", "/feedback/thong-ke", http::Access::kUser, [svc](Context& ctx) { return StatsPage(ctx, *svc); });
  app.page("GET", "/feedback/thong-ke.xlsx", http::Access::kUser, [svc, pool](Context& ctx) {
    const auto s = svc->Statistics(*ctx.user, QueryFrom(ctx.req));
    const std::string name = text::FileName("gop-y-" + s.unit_code + "-" + s.from + "-" + s.to + ".xlsx");
    const xlsx::Sheet sheet = SheetOf(s);
    return Response::Attachment(pool->run([&] { return xlsx::Write(sheet); }),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
  });
  app.api("GET", "/api/v1/feedback/stats", http::Access::kUser, [svc](Context& ctx) {
    const auto s = svc->Statistics(*ctx.user, QueryFrom(ctx.req));
    boost::json::object o{{"unit_code", s.unit_code}, {"unit_name", s.unit_name},        {"from", s.from}, {"to", s.to},
                          {"as_of", s.as_of},         {"total", JsonOf(s.tallies.total)}};
    for (const auto& g : Groups(s.tallies)) {
      boost::json::array lines;
      for (const auto& l : *g.lines) {
        boost::json::object line = JsonOf(l);
        line["key"] = l.key;
        if (g.id == "unit") line["name"] = l.label;
        lines.push_back(std::move(line));
      }
      o["by_" + g.id] = std::move(lines);
    }
    return http::Json(200, o);
  });
}

}  // namespace fg::feedback
