// The procedure catalogue as CSV over the API: export, and import with a dry run.
#include <boost/json.hpp>

#include "features/desk/procedures_csv.h"
#include "features/desk/routes.h"
#include "platform/errors.h"
#include "platform/render/messages.h"

namespace fg::desk {
namespace {

using http::Context;

const char* KindName(ImportRow::Kind k) {
  switch (k) {
    case ImportRow::Kind::kCreate: return "create";
    case ImportRow::Kind::kUpdate: return "update";
    case ImportRow::Kind::kUnchanged: return "unchanged";
  }
  return "unchanged";
}

// Each problem with its row and column; `field` as "lines[<row>].<field>".
boost::json::array Errors(const ImportReport& r) {
  boost::json::array out;
  for (auto& cp : r.problems) {
    const std::string at = "lines[" + std::to_string(cp.line) + "]";
    out.push_back({{"field", cp.problem.field.empty() ? at : at + "." + cp.problem.field},
                   {"line", cp.line},
                   {"column", ColumnOf(cp.problem.field)},
                   {"detail", ProblemText(cp.problem)}});
  }
  return out;
}

boost::json::object Summary(const ImportReport& r, bool dry_run) {
  boost::json::array rows;
  for (auto& row : r.rows) {
    boost::json::array changed;
    for (auto& f : row.changed) changed.emplace_back(f);
    rows.push_back({{"line", row.line},
                    {"action", KindName(row.kind)},
                    {"unit_code", row.unit_code},
                    {"code", row.code},
                    {"name", row.name},
                    {"id", row.id ? boost::json::value(row.id) : boost::json::value()},
                    {"changed", changed}});
  }
  return {{"dry_run", dry_run},   {"valid", r.problems.empty()}, {"written", r.written}, {"created", r.created},
          {"updated", r.updated}, {"unchanged", r.unchanged},    {"rows", rows},         {"errors", Errors(r)}};
}

bool IsCsv(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  type.erase(0, type.find_first_not_of(' '));
  type.erase(type.find_last_not_of(' ') + 1);
  return type == "text/csv";
}

}  // namespace

void RegisterProceduresCsvApi(http::App& app, Service& svc) {
  app.api("GET", "/api/v1/procedures.csv", http::Access::kUser, [&svc](Context& ctx) {
    ProcedureQuery q{ctx.req.query_param("q"), ctx.req.query_param("unit"), true, 0};
    return http::Response::Attachment(WriteProceduresCsv(svc.ExportProcedures(ctx.user, q)), "text/csv; charset=utf-8",
                                      "procedures.csv");
  });

  app.api("POST", "/api/v1/procedures/import", http::Access::kUser, [&svc](Context& ctx) {
    if (!IsCsv(ctx.req.header("content-type"))) throw AppError(ErrorKind::kUnsupportedMediaType, "desk.csv_media_type");
    const std::string dry = ctx.req.query_param("dry_run");
    if (dry != "" && dry != "true" && dry != "false") throw BadInput("desk.bad_dry_run", "dry_run");
    const bool dry_run = dry == "true";
    const ImportReport r = svc.ImportProcedures(*ctx.user, ctx.req.body, dry_run);
    if (dry_run || r.problems.empty()) return http::Json(200, Summary(r, dry_run));
    const int status = r.forbidden ? 403 : 400;
    const std::string detail = render::Text("desk.import_problems", {{"count", std::to_string(r.problems.size())}});
    boost::json::object o{{"type", "about:blank"},
                          {"title", render::Text("status." + std::to_string(status))},
                          {"status", status},
                          {"detail", detail},
                          {"instance", ctx.req.path}};
    auto errors = Errors(r);
    o["field"] = errors.front().at("field");
    o["errors"] = std::move(errors);
    return http::Response::Text(status, boost::json::serialize(o), "application/problem+json");
  });
}

}  // namespace fg::desk
