// The feedback JSON API (docs/api.md):
//   POST /api/v1/feedback/webhooks/{channel}/{unit}: Zalo OA and Facebook page
//     webhooks, authorised by the platform's signature only (service.h Webhook);
//   PUT  /api/v1/feedback/channels/{channel}?unit=CODE: connect a unit's account
//     (app id, secret), administrators covering the unit.
#include "features/feedback/routes.h"
#include "features/feedback/webhook.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"

namespace fg::feedback {

void RegisterApi(http::App& app, std::shared_ptr<Service> svc) {
  app.api("POST", "/api/v1/feedback/webhooks/{channel}/{unit}", http::Access::kPublic, [svc](http::Context& ctx) {
    const std::string channel = ctx.req.params.at("channel");
    const std::string signature(ctx.req.header(channel == "facebook" ? "x-hub-signature-256" : "x-zevent-signature"));
    const auto r = svc->Webhook(channel, ctx.req.params.at("unit"), ctx.req.body, signature);
    boost::json::array codes;
    for (const auto& c : r.codes) codes.emplace_back(c);
    return http::Json(200, {{"created", r.created}, {"duplicates", r.duplicates}, {"codes", codes}});
  });
  app.api("PUT", "/api/v1/feedback/channels/{channel}", http::Access::kUser, [svc](http::Context& ctx) {
    const auto body = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(body, {"app_id", "secret"});
    svc->PutChannel(*ctx.user, ctx.req.query_param("unit"), ctx.req.params.at("channel"),
                    http::JsonString(body, "app_id").value_or(""), http::JsonString(body, "secret").value_or(""));
    return http::Response::Text(204, "");
  });
}

}  // namespace fg::feedback
