// The recognised units of a period: /cham-diem/cong-nhan (the list with the
// reasons of those not recognised), its decision annex as PDF
// (/cham-diem/cong-nhan.pdf: the recognised units only, under the
// administrative header, with a blank decision number to fill in) and the
// whole result as a spreadsheet (/cham-diem/cong-nhan.xlsx).
#include <algorithm>
#include <memory>

#include "features/desk/forms.h"
#include "features/scorecards/page_parts.h"
#include "features/scorecards/routes.h"
#include "features/scorecards/rules.h"
#include "platform/async/pool.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/render/pdf.h"
#include "platform/render/xlsx.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::scorecards {

namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;
namespace pdf = render::pdf;
namespace xlsx = render::xlsx;

// The list of ?unit=&from= (the caller's own unit, the newest period; one the
// set does not have is replaced by the newest).
RecognitionList ListFor(Context& ctx, Service& svc, int64_t set_id) {
  const std::string unit = ctx.req.query_param("unit"), from = ctx.req.query_param("from");
  auto list = svc.RecognitionOf(*ctx.user, set_id, unit, from);
  if (!KnownPeriod(list.ranking, from)) list = svc.RecognitionOf(*ctx.user, set_id, unit, "");
  return list;
}

std::string FileName(const RecognitionList& l, const std::string& ext) {
  return text::FileName("cong-nhan-" + l.ranking.set.code + "-" + l.ranking.unit_code + "-" + l.ranking.from + ext);
}

std::string RankText(const Ranked& x) {
  if (x.rank == 0) return Text("scorecards.unranked");
  return x.tied ? Text("scorecards.rank_tied", {{"rank", std::to_string(x.rank)}}) : std::to_string(x.rank);
}

std::string RuleText(const CriteriaSet& s) {
  return Text("scorecards.recognition_rule",
              {{"min", FormatPoints(s.recognition.min_total)}, {"share", FormatPoints(s.recognition.min_share_bp)}});
}

Response ListPage(Context& ctx, Service& svc) {
  const int64_t asked = SetFromQuery(ctx.req);
  PageView v(ctx, Text("scorecards.recognition.title"), "features/scorecards/templates/recognition.tpl");
  auto& b = v.body();
  const int64_t set_id = SetOptions(b, svc.Sets(*ctx.user), AssessmentsSeen(svc, *ctx.user), asked, false);
  if (set_id == 0) return v.render();
  const auto l = ListFor(ctx, svc, set_id);
  const Ranking& r = l.ranking;
  PeriodOptions(b, r);
  if (r.periods.empty()) {
    b.ShowSection("NO_PERIODS");
    return v.render();
  }
  b.ShowSection("RESULT");
  b.SetValue("SET", r.set.name);
  b.SetValue("UNIT", r.unit_name);
  b.SetValue("PERIOD", r.to.empty()
                           ? "—"
                           : Text("scorecards.period", {{"from", DisplayDate(r.from)}, {"to", DisplayDate(r.to)}}));
  b.SetValue("RULE", RuleText(r.set));
  b.SetValue("SUMMARY", Text("scorecards.recognition.summary",
                             {{"n", std::to_string(l.recognised)}, {"total", std::to_string(r.rows.size())}}));
  if (r.pending > 0) b.SetValueAndShowSection("PENDING", std::to_string(r.pending), "HAS_PENDING");
  const std::string query = "?set=" + std::to_string(r.set.id) + "&unit=" + r.unit_code + "&from=" + r.from;
  b.SetValue("QUERY", query);
  if (!r.rows.empty()) b.ShowSection("HAS_ROWS");
  int64_t n = 0;
  for (const auto& x : r.rows) {
    const auto& result = l.results.at(x.entry.assessment_id);
    if (result.recognised) {
      auto* row = b.AddSectionDictionary("YES");
      row->SetIntValue("N", ++n);
      row->SetValue("UNIT", x.entry.unit_name);
      row->SetIntValue("ID", x.entry.assessment_id);
      row->SetValue("TOTAL", FormatPoints(x.entry.total));
      row->SetValue("RANK", RankText(x));
      continue;
    }
    auto* row = b.AddSectionDictionary("NO");
    row->SetValue("UNIT", x.entry.unit_name);
    row->SetIntValue("ID", x.entry.assessment_id);
    row->SetValue("TOTAL", FormatPoints(x.entry.total));
    for (const auto& reason : RecognitionReasons(r.set, result))
      row->AddSectionDictionary("REASON")->SetValue("TEXT", reason);
  }
  if (n > 0) b.ShowSection("HAS_YES");
  if (n < static_cast<int64_t>(r.rows.size())) b.ShowSection("HAS_NO");
  return v.render();
}

// The annex of the recognition decision: the recognised units in rank order.
std::string AnnexPdf(const RecognitionList& l) {
  const Ranking& r = l.ranking;
  const std::string title = Text("scorecards.annex.title");
  return pdf::Render(pdf::Paper::kA4, title + " " + r.set.name, [&](pdf::Document& doc) {
    doc.AdministrativeHeader({"", Text("desk.forms.people_committee", {{"unit", desk::forms::Upper(r.unit_name)}}), "",
                              pdf::DateLine(desk::forms::PlaceName(r.unit_name), *ParseIsoDate(TodayLocalIso())), 0});
    doc.Paragraph("<b>" + pdf::Escape(title) + "</b>", {.size = 13, .align = pdf::Align::kCenter, .before = 12});
    doc.Paragraph(
        "<b>" + pdf::Escape(Text("scorecards.annex.heading", {{"set", desk::forms::Upper(r.set.name)}})) + "</b>",
        {.size = 13, .align = pdf::Align::kCenter, .after = 2});
    doc.Paragraph("<i>" + pdf::Escape(Text("scorecards.annex.attached", {{"unit", r.unit_name}})) + "</i>",
                  {.size = 12, .align = pdf::Align::kCenter, .after = 2});
    if (!r.to.empty())
      doc.Paragraph(
          pdf::Escape(Text("scorecards.annex.period", {{"from", DisplayDate(r.from)}, {"to", DisplayDate(r.to)}})),
          {.size = 12, .align = pdf::Align::kCenter, .after = 8});
    if (l.recognised == 0) {
      doc.Paragraph(pdf::Escape(Text("scorecards.annex.none")), {.size = 12, .before = 8});
      return;
    }
    pdf::Table t;
    t.widths = {0.6, 3.2, 1.1, 1.1};
    t.size = 12;
    for (const char* key : {"scorecards.annex.col_n", "scorecards.annex.col_unit", "scorecards.annex.col_total",
                            "scorecards.annex.col_rank"})
      t.header.push_back({"<b>" + pdf::Escape(Text(key)) + "</b>", pdf::Align::kCenter});
    int64_t n = 0;
    for (const auto& x : r.rows) {
      if (!l.results.at(x.entry.assessment_id).recognised) continue;
      t.rows.push_back({{std::to_string(++n), pdf::Align::kCenter},
                        {pdf::Escape(x.entry.unit_name)},
                        {FormatPoints(x.entry.total), pdf::Align::kRight},
                        {pdf::Escape(RankText(x)), pdf::Align::kCenter}});
    }
    doc.Table(t);
    doc.Paragraph(pdf::Escape(Text("scorecards.annex.count", {{"n", std::to_string(n)}})),
                  {.size = 12, .italic = true, .before = 4});
  });
}

// Every locked unit of the period with its result and reasons.
xlsx::Sheet SheetOf(const RecognitionList& l) {
  const Ranking& r = l.ranking;
  xlsx::Sheet sheet;
  sheet.name = Text("scorecards.recognition.sheet_name");
  sheet.title = Text("scorecards.recognition.sheet_title", {{"set", r.set.name}, {"unit", r.unit_name}});
  if (!r.to.empty())
    sheet.subtitles.push_back(Text("scorecards.period", {{"from", DisplayDate(r.from)}, {"to", DisplayDate(r.to)}}));
  sheet.subtitles.push_back(RuleText(r.set));
  sheet.columns = {{Text("scorecards.annex.col_n"), 6},
                   {Text("scorecards.annex.col_unit"), 32},
                   {Text("scorecards.annex.col_total"), 11},
                   {Text("scorecards.annex.col_rank"), 14},
                   {Text("scorecards.recognition.col_result"), 14},
                   {Text("scorecards.recognition.col_reasons"), 60}};
  int64_t n = 0;
  for (const auto& x : r.rows) {
    const auto& result = l.results.at(x.entry.assessment_id);
    std::string reasons;
    for (const auto& reason : RecognitionReasons(r.set, result)) reasons += (reasons.empty() ? "" : " ") + reason;
    sheet.rows.push_back(
        {xlsx::Cell::Number(static_cast<double>(++n)), xlsx::Cell::Text(x.entry.unit_name),
         xlsx::Cell::Number(static_cast<double>(x.entry.total) / 100.0, "0.00"),
         x.rank == 0 || x.tied ? xlsx::Cell::Text(RankText(x)) : xlsx::Cell::Number(static_cast<double>(x.rank)),
         xlsx::Cell::Text(Text(result.recognised ? "scorecards.recognition.yes" : "scorecards.recognition.no"),
                          result.recognised),
         xlsx::Cell::Text(reasons)});
  }
  return sheet;
}

int64_t RequiredSet(Context& ctx) {
  const int64_t id = SetFromQuery(ctx.req);
  if (id == 0) throw NotFound("scorecards.set_not_found");
  return id;
}

}  // namespace

void RegisterRecognitionPages(http::App& app, const std::shared_ptr<Service>& svc) {
  app.page("GET", "/cham-diem/cong-nhan", http::Access::kUser, [svc](Context& ctx) { return ListPage(ctx, *svc); });
  app.page("GET", "/cham-diem/cong-nhan.pdf", http::Access::kUser, [svc](Context& ctx) {
    const auto l = ListFor(ctx, *svc, RequiredSet(ctx));
    return Response::InlineFile(AnnexPdf(l), "application/pdf", FileName(l, ".pdf"));
  });
  app.page("GET", "/cham-diem/cong-nhan.xlsx", http::Access::kUser, [svc](Context& ctx) {
    const auto l = ListFor(ctx, *svc, RequiredSet(ctx));
    const xlsx::Sheet sheet = SheetOf(l);
    return Response::Attachment(pdf::Pool(pdf::Lane::kExport).run([&] { return xlsx::Write(sheet); }),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                FileName(l, ".xlsx"));
  });
}

}  // namespace fg::scorecards
