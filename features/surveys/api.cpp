// The evaluations' JSON API: criteria sets, a dossier's evaluations (the
// evaluator's, and the citizen's with the 4 digits), the report.
#include <boost/json.hpp>

#include "features/surveys/json.h"
#include "features/surveys/routes.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"

namespace fg::surveys {

using http::Context;

void RegisterApi(http::App& app, const std::shared_ptr<Service>& svc) {
  app.api("GET", "/api/v1/criteria-sets", http::Access::kPublic, [svc](Context& ctx) {
    boost::json::array items;
    for (const auto& s : svc->CriteriaSets(ctx.req.query_param("unit"))) items.push_back(ToJson(s));
    return http::Json(200, {{"items", items}});
  });
  app.api("POST", "/api/v1/criteria-sets", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    auto unit = ctx.req.query_param("unit");
    if (unit.empty()) throw BadInput("surveys.unit_required", "unit");
    return http::Json(201, ToJson(svc->AddCriteriaSet(*ctx.user, unit, CriteriaSetFrom(b))));
  });
  app.api("GET", "/api/v1/questionnaires", http::Access::kPublic, [svc](Context& ctx) {
    boost::json::array items;
    for (const auto& q : svc->Questionnaires(ctx.req.query_param("unit"))) items.push_back(ToJson(q));
    return http::Json(200, {{"items", items}});
  });
  app.api("GET", "/api/v1/questionnaires/{id}", http::Access::kPublic, [svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("surveys.questionnaire_not_found");
    return http::Json(200, ToJson(svc->GetQuestionnaire(*id)));
  });
  app.api("POST", "/api/v1/questionnaires", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    auto unit = ctx.req.query_param("unit");
    if (unit.empty()) throw BadInput("surveys.unit_required", "unit");
    return http::Json(201, ToJson(svc->SaveQuestionnaire(*ctx.user, unit, QuestionnaireFrom(b))));
  });
  app.api("GET", "/api/v1/evaluations/report", http::Access::kUser, [svc](Context& ctx) {
    ReportQuery q{ctx.req.query_param("unit"), ctx.req.query_param("from"), ctx.req.query_param("to"),
                  ctx.req.query_param("by"), ctx.req.query_param("source")};
    return http::Json(200, ToJson(svc->Report(*ctx.user, q)));
  });
  app.api("GET", "/api/v1/dossiers/{code}/evaluations", http::Access::kUser, [svc](Context& ctx) {
    const auto& code = ctx.req.params.at("code");
    auto view = svc->EvaluatorView(*ctx.user, code);
    boost::json::array items;
    for (const auto& e : svc->Evaluations(*ctx.user, code)) items.push_back(ToJson(e));
    return http::Json(200, {{"criteria_set", ToJson(view.set)}, {"items", items}});
  });
  app.api("POST", "/api/v1/dossiers/{code}/evaluations", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"points"});
    return http::Json(201, ToJson(svc->EvaluateAsEvaluator(*ctx.user, ctx.req.params.at("code"), PointsFrom(b))));
  });
  // The citizen's: the dossier code and the last 4 digits of the applicant's phone or ID number.
  app.api("GET", "/api/v1/public/evaluations/{code}", http::Access::kPublic, [svc](Context& ctx) {
    return http::Json(200, ToJson(svc->CitizenView(ctx.req.params.at("code"), ctx.req.query_param("check"),
                                                   ctx.user ? "" : ctx.req.remote_addr)));
  });
  app.api("POST", "/api/v1/public/evaluations/{code}", http::Access::kPublic, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"check", "points"});
    return http::Json(
        201, ToJson(svc->EvaluateAsCitizen(ctx.req.params.at("code"), http::JsonString(b, "check").value_or(""),
                                           ctx.user ? "" : ctx.req.remote_addr, PointsFrom(b))));
  });
  RegisterCampaignApi(app, svc);
}

}  // namespace fg::surveys
