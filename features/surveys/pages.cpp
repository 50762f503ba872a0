// Evaluation pages: the citizen's (/danh-gia-ho-so, public, reached from the
// lookup with the code and the last 4 digits; no script needed), the
// evaluator's on a dossier (/desk/dossiers/{code}/evaluation) and the report
// (/surveys/evaluations, its CSV and XLSX).
#include <sstream>

#include "features/letters/chart.h"
#include "features/surveys/routes.h"
#include "features/surveys/rules.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/render/xlsx.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::surveys {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

std::string GradeText(Grade g) { return Text("surveys.grade." + std::string(GradeName(g))); }

std::map<std::string, std::string> PointsOf(const std::map<std::string, std::string>& form) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : form)
    if (k.rfind("points.", 0) == 0) out[k.substr(7)] = v;
  return out;
}

// The criteria of `v`: computed ones with their points, entered ones as
// choices 0..max (or, when `read_only`, the evaluation's points).
void FillCriteria(ctemplate::TemplateDictionary& b, const EvaluationView& v, const Evaluation* done,
                  const std::map<std::string, std::string>& typed, const AppError* err) {
  std::map<std::string, std::string> errors;
  if (err)
    for (const auto& p : err->problems()) errors[p.field] = Text(p.key, p.args);
  int i = 0;
  for (const auto& c : v.set.criteria) {
    ++i;
    auto* row = b.AddSectionDictionary("CRITERION");
    row->SetIntValue("N", i);
    row->SetValue("KEY", c.key);
    row->SetValue("LABEL", c.label);
    row->SetIntValue("MAX", c.max);
    std::optional<int64_t> points;
    if (done && done->points.count(c.key)) points = done->points.at(c.key);
    auto computed = v.computed.find(c.key);
    if (!done && computed != v.computed.end()) points = computed->second;
    if (points) {
      row->SetIntValue("POINTS", *points);
      row->ShowSection(computed != v.computed.end() ? "COMPUTED" : "ENTERED_DONE");
      continue;
    }
    auto* field = row->AddSectionDictionary("CHOOSE");
    field->SetValue("KEY", c.key);
    field->SetValue("LABEL", c.label);
    field->SetValue("FIELD_ID", render::FieldId("points." + c.key));
    auto e = errors.find("points." + c.key);
    if (e != errors.end()) field->SetValueAndShowSection("ERROR", e->second, "INVALID");
    auto t = typed.find(c.key);
    for (int64_t p = 0; p <= c.max; ++p) {
      auto* opt = field->AddSectionDictionary("OPTION");
      opt->SetValue("KEY", c.key);
      opt->SetIntValue("VALUE", p);
      opt->SetValue("OPTION_ID", render::FieldId("points." + c.key) + "-" + std::to_string(p));
      opt->SetValue("OPTION_LABEL", Text("surveys.points_option", {{"n", std::to_string(p)}}));
      if (t != typed.end() && t->second == std::to_string(p)) opt->ShowSection("CHECKED");
    }
  }
  if (done) {
    b.SetIntValue("TOTAL", done->total);
    b.SetIntValue("MAX_TOTAL", done->max_total);
    b.SetValue("GRADE", GradeText(done->grade));
    b.ShowSection("DONE");
  }
}

// ---- the citizen's page ----
AppError OnCitizenForm(const AppError& e) {
  if (e.field() == "code") return WithField(e, "ma");
  if (e.field() == "check") return WithField(e, "so");
  return e;
}

Response CitizenPage(Context& ctx, Service& svc, const std::string& code, const std::string& check,
                     const std::map<std::string, std::string>& typed = {}, const AppError* err = nullptr) {
  PageView v(ctx, Text("surveys.citizen_title"), "features/surveys/templates/evaluate_public.tpl");
  v.ShowDone("surveys.done.");
  auto& b = v.body();
  b.SetValue("MA", code);
  b.SetValue("SO", check);
  if (code.empty() && !ctx.req.has_query_param("ma") && !err) {
    b.ShowSection("ASK");
    return v.render();
  }
  try {
    if (code.empty()) throw BadInput("surveys.code_required", "code");
    auto view = svc.CitizenView(code, check, ctx.user ? "" : ctx.req.remote_addr);
    b.SetValue("CODE", view.code);
    b.SetValue("PROCEDURE", view.procedure_name);
    b.SetValue("UNIT", view.unit_name);
    b.ShowSection("FOUND");
    if (view.existing) {
      FillCriteria(b, view, &*view.existing, {}, nullptr);
    } else if (!view.finished) {
      b.ShowSection("NOT_FINISHED");
    } else {
      b.ShowSection("FORM");
      if (err) v.ShowErrors(*err);
      FillCriteria(b, view, nullptr, typed, err);
    }
    return v.render(err ? 400 : 200);
  } catch (const AppError& e) {
    switch (e.kind()) {
      case ErrorKind::kNotFound:
        b.ShowSection("ASK");
        b.SetValueAndShowSection("ASKED", code, "NOT_FOUND");
        return v.render(404);
      case ErrorKind::kTooMany:
        b.ShowSection("ASK");
        v.ShowError(Text(e.key(), e.args()));
        return v.render(429);
      case ErrorKind::kBadRequest:
        b.ShowSection("ASK");
        v.ShowErrors(OnCitizenForm(e));
        return v.render(400);
      default: throw;
    }
  }
}

// ---- the evaluator's page ----
Response EvaluatorPage(Context& ctx, Service& svc, const std::map<std::string, std::string>& typed = {},
                       const AppError* err = nullptr) {
  const auto& code = ctx.req.params.at("code");
  auto view = svc.EvaluatorView(*ctx.user, code);
  auto all = svc.Evaluations(*ctx.user, code);
  PageView v(ctx, Text("surveys.evaluator_title", {{"code", view.code}}),
             "features/surveys/templates/evaluate_staff.tpl");
  v.ShowDone("surveys.done.");
  if (err) v.ShowErrors(*err);
  auto& b = v.body();
  b.SetValue("CODE", view.code);
  b.SetValue("PROCEDURE", view.procedure_name);
  b.SetValue("UNIT", view.unit_name);
  b.SetValue("SET_NAME", view.set.name);
  for (const auto& e : all) {
    auto* row = b.AddSectionDictionary("EVALUATION");
    row->SetValue("SOURCE", Text("surveys.source." + std::string(SourceName(e.source))));
    row->SetIntValue("TOTAL", e.total);
    row->SetIntValue("MAX_TOTAL", e.max_total);
    row->SetValue("GRADE", GradeText(e.grade));
    row->SetValue("AT", FormatLocal(e.created_at));
  }
  if (all.empty()) b.ShowSection("NO_EVALUATION");
  // Every criterion of the set with the points each source gave.
  for (const auto& c : view.set.criteria) {
    auto* row = b.AddSectionDictionary("POINTS_ROW");
    row->SetValue("LABEL", c.label);
    for (Source s : {Source::kCitizen, Source::kEvaluator}) {
      std::string cell = "—";
      for (const auto& e : all)
        if (e.source == s && e.points.count(c.key)) cell = std::to_string(e.points.at(c.key));
      row->SetValue(s == Source::kCitizen ? "CITIZEN" : "EVALUATOR", cell);
    }
  }
  if (view.existing) {
    b.ShowSection("ALREADY");
  } else if (!view.finished) {
    b.ShowSection("NOT_FINISHED");
  } else if (view.may_evaluate) {
    b.ShowSection("FORM");
    FillCriteria(b, view, nullptr, typed, err);
  } else {
    b.ShowSection("CANNOT");
  }
  return v.render(err ? 400 : 200);
}

// ---- the report ----
std::string MonthFromForm(const std::string& s) {
  // "03/2026" or "3/2026" -> "2026-03"; anything else as typed (the service refuses it).
  auto slash = s.find('/');
  if (slash == std::string::npos || slash == 0 || slash > 2 || s.size() - slash != 5) return s;
  std::string m = s.substr(0, slash), y = s.substr(slash + 1);
  if (m.size() == 1) m = "0" + m;
  return y + "-" + m;
}
std::string MonthForForm(const std::string& iso) {
  if (iso.size() != 7 || iso[4] != '-') return iso;
  return iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

ReportQuery QueryOf(const Context& ctx) {
  return {ctx.req.query_param("unit"), MonthFromForm(ctx.req.query_param("tu_thang")),
          MonthFromForm(ctx.req.query_param("den_thang")), ctx.req.query_param("by"), ctx.req.query_param("source")};
}

AppError OnReportForm(const AppError& e) {
  Problems p;
  for (auto fp : e.problems()) {
    if (fp.field == "from") fp.field = "tu_thang";
    if (fp.field == "to") fp.field = "den_thang";
    p.add(fp);
  }
  try {
    p.raise_if_any();
  } catch (const AppError& out) {
    return out;
  }
  return e;
}

std::string Average(const EvaluationTotals& t, const std::string& key) {
  auto n = t.scored.count(key) ? t.scored.at(key) : 0;
  if (!n) return "—";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(t.points.at(key)) / static_cast<double>(n));
  std::string s = buf;
  for (auto& ch : s)
    if (ch == '.') ch = ',';
  return s;
}

int64_t GradeCount(const EvaluationTotals& t, Grade g) {
  auto it = t.grades.find(std::string(GradeName(g)));
  return it == t.grades.end() ? 0 : it->second;
}

void FillLine(ctemplate::TemplateDictionary* row, const std::string& label, const EvaluationTotals& t,
              const CriteriaSet& set) {
  row->SetValue("LABEL", label);
  row->SetIntValue("N", t.n);
  for (const auto& c : set.criteria) {
    auto* cell = row->AddSectionDictionary("AVG");
    cell->SetValue("VALUE", Average(t, c.key));
  }
  for (Grade g : kGrades) {
    auto* cell = row->AddSectionDictionary("GRADE_N");
    cell->SetIntValue("VALUE", GradeCount(t, g));
  }
}

std::string LineLabel(const EvaluationReport& r, const ReportLine& l) {
  return r.by == "month" ? MonthForForm(l.key) : l.label;
}

Response ReportPage(Context& ctx, Service& svc) {
  PageView v(ctx, Text("surveys.report_title"), "features/surveys/templates/evaluations_report.tpl");
  auto& b = v.body();
  auto q = QueryOf(ctx);
  b.SetValue("UNIT", q.unit_code);
  b.SetValue("TU_THANG", ctx.req.query_param("tu_thang"));
  b.SetValue("DEN_THANG", ctx.req.query_param("den_thang"));
  for (const char* by : {"unit", "procedure", "month"}) {
    auto* o = b.AddSectionDictionary("BY");
    o->SetValue("VALUE", by);
    o->SetValue("LABEL", Text(std::string("surveys.by.") + by));
    if (q.by == by) o->ShowSection("SELECTED");
  }
  for (const char* s : {"", "citizen", "evaluator"}) {
    auto* o = b.AddSectionDictionary("SOURCE");
    o->SetValue("VALUE", s);
    o->SetValue("LABEL", Text(std::string("surveys.source_filter.") + (*s ? s : "all")));
    if (q.source == s) o->ShowSection("SELECTED");
  }
  EvaluationReport r;
  try {
    r = svc.Report(*ctx.user, q);
  } catch (const AppError& e) {
    if (e.kind() != ErrorKind::kBadRequest) throw;
    v.ShowErrors(OnReportForm(e));
    return v.render(400);
  }
  b.ShowSection("RESULT");
  b.SetValue("UNIT", r.unit_code);
  b.SetValue("UNIT_NAME", r.unit_name);
  b.SetValue("FROM", MonthForForm(r.from));
  b.SetValue("TO", MonthForForm(r.to));
  b.SetValue("SET_NAME", r.set.name);
  b.SetValue("GROUP_HEADER", Text("surveys.by." + r.by));
  int i = 0;
  for (const auto& c : r.set.criteria) {
    auto* h = b.AddSectionDictionary("CRITERION_HEAD");
    h->SetIntValue("N", ++i);
    h->SetValue("LABEL", c.label);
  }
  for (Grade g : kGrades) b.AddSectionDictionary("GRADE_HEAD")->SetValue("LABEL", GradeText(g));
  for (const auto& l : r.lines) FillLine(b.AddSectionDictionary("LINE"), LineLabel(r, l), l.t, r.set);
  FillLine(b.AddSectionDictionary("TOTAL"), Text("surveys.total"), r.total, r.set);
  if (r.lines.empty()) b.ShowSection("EMPTY");
  std::vector<letters::CountBar> bars;
  for (Grade g : kGrades) bars.push_back({GradeText(g), GradeCount(r.total, g)});
  b.SetValue("CHART",
             letters::CountsChartSvg(bars, Text("surveys.chart_title"),
                                     Text("surveys.chart_desc", {{"unit", r.unit_name}}), Text("surveys.chart_empty")));
  std::string qs = "?unit=" + http::UrlEncode(r.unit_code) + "&tu_thang=" + http::UrlEncode(MonthForForm(r.from)) +
                   "&den_thang=" + http::UrlEncode(MonthForForm(r.to)) + "&by=" + http::UrlEncode(r.by) +
                   "&source=" + http::UrlEncode(r.source);
  b.SetValue("XLSX_URL", "/surveys/evaluations.xlsx" + qs);
  b.SetValue("CSV_URL", "/surveys/evaluations.csv" + qs);
  return v.render();
}

// The report's table as rows of text (CSV and XLSX).
std::vector<std::vector<std::string>> ReportRows(const EvaluationReport& r) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head = {Text("surveys.by." + r.by), Text("surveys.col.evaluations")};
  for (const auto& c : r.set.criteria) head.push_back(c.label);
  for (Grade g : kGrades) head.push_back(GradeText(g));
  rows.push_back(head);
  auto add = [&](const std::string& label, const EvaluationTotals& t) {
    std::vector<std::string> row = {label, std::to_string(t.n)};
    for (const auto& c : r.set.criteria) row.push_back(Average(t, c.key));
    for (Grade g : kGrades) row.push_back(std::to_string(GradeCount(t, g)));
    rows.push_back(row);
  };
  for (const auto& l : r.lines) add(LineLabel(r, l), l.t);
  add(Text("surveys.total"), r.total);
  return rows;
}

Response ReportCsv(Context& ctx, Service& svc) {
  auto r = svc.Report(*ctx.user, QueryOf(ctx));
  std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: spreadsheet programs then read the diacritics right
  for (const auto& row : ReportRows(r)) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + text::CsvField(row[i]);
    out += "\r\n";
  }
  return Response::Attachment(out, "text/csv; charset=utf-8", "danh-gia-" + r.unit_code + ".csv");
}

Response ReportXlsx(Context& ctx, Service& svc) {
  auto r = svc.Report(*ctx.user, QueryOf(ctx));
  render::xlsx::Sheet sheet;
  sheet.name = Text("surveys.report_title");
  sheet.title = Text("surveys.report_title") + " — " + r.unit_name;
  sheet.subtitles = {Text("surveys.report_period", {{"from", MonthForForm(r.from)}, {"to", MonthForForm(r.to)}}),
                     r.set.name};
  auto rows = ReportRows(r);
  for (const auto& h : rows.front()) sheet.columns.push_back({h, h.size() > 30 ? 24.0 : 14.0});
  for (size_t i = 1; i < rows.size(); ++i) {
    std::vector<render::xlsx::Cell> cells;
    for (size_t j = 0; j < rows[i].size(); ++j) {
      if (j == 0) {
        cells.push_back(render::xlsx::Cell::Text(rows[i][j], i + 1 == rows.size()));
        continue;
      }
      std::string num = rows[i][j];
      for (auto& ch : num)
        if (ch == ',') ch = '.';
      if (num == "—")
        cells.push_back(render::xlsx::Cell::Empty());
      else
        cells.push_back(render::xlsx::Cell::Number(std::stod(num), num.find('.') != std::string::npos ? "0.00" : ""));
    }
    sheet.rows.push_back(std::move(cells));
  }
  return Response::Attachment(render::xlsx::Write(sheet),
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              "danh-gia-" + r.unit_code + ".xlsx");
}

}  // namespace

void RegisterPages(http::App& app, const std::shared_ptr<Service>& svc) {
  app.page("GET", "/danh-gia-ho-so", http::Access::kPublic, [svc](Context& ctx) {
    return CitizenPage(ctx, *svc, ctx.req.query_param("ma"), ctx.req.query_param("so"));
  });
  app.page("POST", "/danh-gia-ho-so", http::Access::kPublic, [svc](Context& ctx) {
    auto form = ctx.req.form();
    const std::string code = form["ma"], check = form["so"];
    auto typed = PointsOf(form);
    try {
      svc->EvaluateAsCitizen(code, check, ctx.user ? "" : ctx.req.remote_addr, typed);
    } catch (const AppError& e) {
      if (e.key() == "surveys.eval_exists") {
        // Already evaluated (a second tab, a double tap): show the stored one.
      } else if (e.kind() == ErrorKind::kBadRequest && e.field().rfind("points.", 0) == 0) {
        return CitizenPage(ctx, *svc, code, check, typed, &e);
      } else if (e.kind() == ErrorKind::kBadRequest || e.kind() == ErrorKind::kNotFound ||
                 e.kind() == ErrorKind::kConflict) {
        return CitizenPage(ctx, *svc, code, check);
      } else {
        throw;
      }
    }
    return Response::Redirect("/danh-gia-ho-so?ma=" + http::UrlEncode(code) + "&so=" + http::UrlEncode(check) +
                              "&done=saved");
  });
  app.page("GET", "/desk/dossiers/{code}/evaluation", http::Access::kUser,
           [svc](Context& ctx) { return EvaluatorPage(ctx, *svc); });
  app.page("POST", "/desk/dossiers/{code}/evaluation", http::Access::kUser, [svc](Context& ctx) {
    const auto& code = ctx.req.params.at("code");
    auto typed = PointsOf(ctx.req.form());
    try {
      svc->EvaluateAsEvaluator(*ctx.user, code, typed);
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return EvaluatorPage(ctx, *svc, typed, &e);
    }
    return Response::Redirect("/desk/dossiers/" + http::UrlEncode(code) + "/evaluation?done=saved");
  });
  app.page("GET", "/surveys/evaluations", http::Access::kUser, [svc](Context& ctx) { return ReportPage(ctx, *svc); });
  app.page("GET", "/surveys/evaluations.csv", http::Access::kUser,
           [svc](Context& ctx) { return ReportCsv(ctx, *svc); });
  app.page("GET", "/surveys/evaluations.xlsx", http::Access::kUser,
           [svc](Context& ctx) { return ReportXlsx(ctx, *svc); });
  RegisterCampaignPages(app, svc);
  RegisterQuestionnairePages(app, svc);
}

}  // namespace fg::surveys
