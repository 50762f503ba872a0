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
  app.api("GET", "/api/v1/me", http::Access::kAccount, [](http::Context& ctx) {
    boost::json::array roles;
    for (auto& g : ctx.user->grants)
      roles.push_back({{"role", auth::RoleName(g.role)}, {"unit_code", g.unit_code}, {"unit_name", g.unit_name}});
    return http::Json(200, {{"id", ctx.user->official_id},
                            {"username", ctx.user->username},
                            {"full_name", ctx.user->full_name},
                            {"roles", roles},
                            {"auth", ctx.user->via_api_token ? "token" : "session"},
                            {"must_change_password", ctx.user->must_change_password}});
  });
  // The one thing a session with a temporary password may do besides GET /api/v1/me.
  app.api("POST", "/api/v1/me/password", http::Access::kAccount, [&svc](http::Context& ctx) {
    auto body = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(body, {"current_password", "password", "confirm_password"});
    svc.ChangePassword(*ctx.user, http::JsonString(body, "current_password").value_or(""),
                       http::JsonString(body, "password").value_or(""),
                       http::JsonString(body, "confirm_password").value_or(""));
    return http::Response::Text(204, "");
  });
  app.api("POST", "/api/v1/officials/{id}/unlock", http::Access::kUser, [&svc](http::Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw AppError(ErrorKind::kNotFound, "org.official_not_found");
    svc.Unlock(*ctx.user, *id);
    return http::Response::Text(204, "");
  });
  app.api("POST", "/api/v1/officials/{id}/password-reset", http::Access::kUser, [&svc](http::Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw AppError(ErrorKind::kNotFound, "org.official_not_found");
    boost::json::object body;
    if (!ctx.req.body.empty()) body = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(body, {"password"});
    auto reset = svc.ResetPassword(*ctx.user, *id, http::JsonString(body, "password").value_or(""));
    boost::json::object out{{"official_id", *id}, {"must_change_password", true}};
    if (!reset.temporary_password.empty()) out["temporary_password"] = reset.temporary_password;
    return http::Json(200, out);
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
