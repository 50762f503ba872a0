#include <boost/json.hpp>

#include "features/accounts/routes.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"

namespace fg::accounts {
namespace {

boost::json::value TokenJson(const ApiToken& t) {
  return {{"id", t.id},
          {"official_id", t.official_id},
          {"username", t.official_username},
          {"name", t.name},
          {"prefix", t.prefix},
          {"created_at", t.created_at},
          {"revoked_at", t.revoked_at ? boost::json::value(*t.revoked_at) : boost::json::value()}};
}

}  // namespace

void RegisterApi(http::App& app, Service& svc, org::Service&) {
  app.api("GET", "/api/v1/me", http::Access::kUser, [](http::Context& ctx) {
    boost::json::array roles;
    for (auto& g : ctx.user->grants)
      roles.push_back({{"role", auth::RoleName(g.role)}, {"unit_code", g.unit_code}, {"unit_name", g.unit_name}});
    return http::Json(200, {{"id", ctx.user->official_id},
                            {"username", ctx.user->username},
                            {"full_name", ctx.user->full_name},
                            {"roles", roles},
                            {"auth", ctx.user->via_api_token ? "token" : "session"}});
  });
  app.api("GET", "/api/v1/tokens", http::Access::kUser, [&svc](http::Context& ctx) {
    boost::json::array out;
    for (auto& t : svc.ListTokens(*ctx.user)) out.push_back(TokenJson(t));
    return http::Json(200, {{"items", out}});
  });
  app.api("POST", "/api/v1/tokens", http::Access::kUser, [&svc](http::Context& ctx) {
    auto body = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(body, {"official_id", "name"});
    auto official = http::JsonInt(body, "official_id");
    if (!official) throw BadInput("error.required", "official_id");
    auto [t, token] = svc.CreateToken(*ctx.user, *official, http::JsonString(body, "name").value_or(""));
    auto j = TokenJson(t);
    j.as_object()["token"] = token;
    return http::Json(201, j);
  });
  app.api("DELETE", "/api/v1/tokens/{id}", http::Access::kUser, [&svc](http::Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw AppError(ErrorKind::kNotFound, "accounts.token_not_found");
    svc.RevokeToken(*ctx.user, *id);
    return http::Response::Text(204, "");
  });
}

}  // namespace fg::accounts
