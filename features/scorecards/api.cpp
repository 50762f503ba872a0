// The scorecards' JSON API: criteria sets (import, export, change while
// unused), assessments and their steps, rankings.
#include <boost/json.hpp>

#include "features/scorecards/json.h"
#include "features/scorecards/page_parts.h"
#include "features/scorecards/routes.h"
#include "features/scorecards/rules.h"
#include "platform/auth/crypto.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"
#include "platform/time.h"

namespace fg::scorecards {

using http::Context;

namespace {
int64_t IdOf(const Context& ctx, const char* not_found) {
  auto id = ctx.req.id_param("id");
  if (!id) throw NotFound(not_found);
  return *id;
}
}  // namespace

void RegisterApi(http::App& app, const std::shared_ptr<Service>& svc) {
  app.api("GET", "/api/v1/scorecards/sets", http::Access::kUser, [svc](Context& ctx) {
    boost::json::array items;
    for (const auto& s : svc->Sets(*ctx.user)) items.push_back(ToJson(s));
    return http::Json(200, {{"items", items}});
  });
  app.api("POST", "/api/v1/scorecards/sets", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    auto unit = ctx.req.query_param("unit");
    if (unit.empty()) throw BadInput("scorecards.unit_required", "unit");
    return http::Json(201, ToJson(svc->ImportSet(*ctx.user, unit, SetFromJson(b))));
  });
  app.api("GET", "/api/v1/scorecards/sets/{id}", http::Access::kUser, [svc](Context& ctx) {
    return http::Json(200, ToJson(svc->GetSet(*ctx.user, IdOf(ctx, "scorecards.set_not_found"))));
  });
  app.api("PUT", "/api/v1/scorecards/sets/{id}", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    return http::Json(200, ToJson(svc->UpdateSet(*ctx.user, IdOf(ctx, "scorecards.set_not_found"), SetFromJson(b))));
  });
  app.api("GET", "/api/v1/scorecards/assessments", http::Access::kUser, [svc](Context& ctx) {
    boost::json::array items;
    for (const auto& a : svc->Assessments(*ctx.user, ctx.req.query_param("unit"))) items.push_back(ToJson(a));
    return http::Json(200, {{"items", items}});
  });
  app.api("POST", "/api/v1/scorecards/assessments", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"set_id", "unit", "from", "to"});
    auto set_id = http::JsonInt(b, "set_id");
    if (!set_id) throw BadInput("scorecards.set_not_found", "set_id");
    return http::Json(
        201, ToJson(svc->Open(*ctx.user, *set_id, http::JsonString(b, "unit").value_or(""),
                              http::JsonString(b, "from").value_or(""), http::JsonString(b, "to").value_or(""))));
  });
  app.api("GET", "/api/v1/scorecards/assessments/{id}", http::Access::kUser, [svc](Context& ctx) {
    return http::Json(200, ToJson(svc->View(*ctx.user, IdOf(ctx, "scorecards.assessment_not_found"))));
  });
  app.api("PUT", "/api/v1/scorecards/assessments/{id}/self", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"lines"});
    return http::Json(200,
                      ToJson(svc->SelfAssess(*ctx.user, IdOf(ctx, "scorecards.assessment_not_found"), SelfFrom(b))));
  });
  app.api("POST", "/api/v1/scorecards/assessments/{id}/submit", http::Access::kUser, [svc](Context& ctx) {
    return http::Json(200, ToJson(svc->Submit(*ctx.user, IdOf(ctx, "scorecards.assessment_not_found"))));
  });
  app.api("PUT", "/api/v1/scorecards/assessments/{id}/appraisal", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"lines", "flags"});
    return http::Json(200, ToJson(svc->Appraise(*ctx.user, IdOf(ctx, "scorecards.assessment_not_found"),
                                                AppraisalFrom(b), FlagsFrom(b))));
  });
  app.api("POST", "/api/v1/scorecards/assessments/{id}/return", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"comment"});
    return http::Json(200, ToJson(svc->Return(*ctx.user, IdOf(ctx, "scorecards.assessment_not_found"),
                                              http::JsonString(b, "comment").value_or(""))));
  });
  app.api("POST", "/api/v1/scorecards/assessments/{id}/lock", http::Access::kUser, [svc](Context& ctx) {
    return http::Json(200, ToJson(svc->Lock(*ctx.user, IdOf(ctx, "scorecards.assessment_not_found"))));
  });
  app.api("PUT", "/api/v1/scorecards/assessments/{id}/deadlines", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"self_due", "appraisal_due"});
    return http::Json(200, ToJson(svc->SetDeadlines(*ctx.user, IdOf(ctx, "scorecards.assessment_not_found"),
                                                    http::JsonString(b, "self_due").value_or(""),
                                                    http::JsonString(b, "appraisal_due").value_or(""))));
  });
  app.api("POST", "/api/v1/scorecards/assessments/{id}/evidence", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"line", "name", "content_base64"});
    const auto bytes = auth::FromBase64(http::JsonString(b, "content_base64").value_or(""));
    if (!bytes) throw BadInput("scorecards.base64", "content_base64");
    auto e =
        svc->AddEvidence(*ctx.user, IdOf(ctx, "scorecards.assessment_not_found"),
                         http::JsonString(b, "line").value_or(""), http::JsonString(b, "name").value_or(""), *bytes);
    return http::Json(201, ToJson(e));
  });
  // A file of up to kMaxEvidenceBytes in base64 (4 characters per 3 bytes), with its JSON.
  app.allow_body("POST", "/api/v1/scorecards/assessments/{id}/evidence", kMaxEvidenceBytes / 3 * 4 + 64 * 1024);
  app.api("GET", "/api/v1/scorecards/assessments/{id}/evidence", http::Access::kUser, [svc](Context& ctx) {
    boost::json::array items;
    for (const auto& e : svc->EvidenceOf(*ctx.user, IdOf(ctx, "scorecards.assessment_not_found")))
      items.push_back(ToJson(e));
    return http::Json(200, {{"items", items}});
  });
  app.api("GET", "/api/v1/scorecards/evidence/{id}", http::Access::kUser, [svc](Context& ctx) {
    auto [e, bytes] = svc->EvidenceFile(*ctx.user, IdOf(ctx, "scorecards.evidence_not_found"));
    return http::Response::Text(200, std::move(bytes), e.mime);
  });
  app.api("DELETE", "/api/v1/scorecards/evidence/{id}", http::Access::kUser, [svc](Context& ctx) {
    svc->RemoveEvidence(*ctx.user, IdOf(ctx, "scorecards.evidence_not_found"));
    return http::Response::Text(204, "");
  });
  auto set_param = [](Context& ctx) {
    const int64_t id = SetIdOf(ctx.req.query_param("set"), "set");
    if (id == 0) throw BadInput("scorecards.set_not_found", "set");
    return id;
  };
  app.api("GET", "/api/v1/scorecards/rankings", http::Access::kUser, [svc, set_param](Context& ctx) {
    return http::Json(200, ToJson(svc->RankingOf(*ctx.user, set_param(ctx), ctx.req.query_param("unit"),
                                                 ctx.req.query_param("from"))));
  });
  app.api("GET", "/api/v1/scorecards/history", http::Access::kUser, [svc, set_param](Context& ctx) {
    return http::Json(200, ToJson(svc->HistoryOf(*ctx.user, set_param(ctx), ctx.req.query_param("unit"))));
  });
  app.api("GET", "/api/v1/scorecards/commitments", http::Access::kUser, [svc](Context& ctx) {
    const std::string year = ctx.req.query_param("year");
    const int y = year.empty() ? std::stoi(TodayLocalIso().substr(0, 4)) : ParseYear("year", year);
    boost::json::array items;
    for (const auto& k : svc->Commitments(*ctx.user, ctx.req.query_param("unit"), y)) items.push_back(ToJson(k));
    return http::Json(200, {{"items", items}});
  });
  app.api("POST", "/api/v1/scorecards/commitments", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"unit", "indicator", "year", "target", "note"});
    auto year = b.if_contains("year");
    const std::string year_text = !year               ? ""
                                  : year->is_int64()  ? std::to_string(year->as_int64())
                                  : year->is_string() ? std::string(year->as_string())
                                                      : "?";
    return http::Json(201, ToJson(svc->Commit(*ctx.user, http::JsonString(b, "unit").value_or(""),
                                              http::JsonString(b, "indicator").value_or(""), year_text, TargetText(b),
                                              http::JsonString(b, "note").value_or(""))));
  });
  app.api("DELETE", "/api/v1/scorecards/commitments/{id}", http::Access::kUser, [svc](Context& ctx) {
    svc->Withdraw(*ctx.user, IdOf(ctx, "scorecards.commitment_not_found"));
    return http::Response::Text(204, "");
  });
  app.api("GET", "/api/v1/scorecards/recognition", http::Access::kUser, [svc, set_param](Context& ctx) {
    return http::Json(200, ToJson(svc->RecognitionOf(*ctx.user, set_param(ctx), ctx.req.query_param("unit"),
                                                     ctx.req.query_param("from"))));
  });
}

}  // namespace fg::scorecards
