#include <boost/json.hpp>

#include "features/accounts/routes.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/time.h"

namespace fg::accounts {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

int StatusFor(const AppError& e) {
  switch (e.kind()) {
    case ErrorKind::kUnauthorized: return 401;
    case ErrorKind::kForbidden: return 403;
    case ErrorKind::kTooMany: return 429;
    case ErrorKind::kConflict: return 409;
    case ErrorKind::kNotFound: return 404;
    default: return 400;
  }
}

Response LoginForm(Context& ctx, const std::string& username, const std::string& next, const std::string& error,
                   int status) {
  PageView v(ctx, Text("accounts.login_title"), "features/accounts/templates/login.tpl");
  v.body().SetValue("USERNAME", username);
  v.body().SetValue("NEXT", next);
  v.ShowError(error);
  return v.render(status);
}

Response PasswordForm(Context& ctx, const std::string& error, const std::string& field, bool done, int status) {
  PageView v(ctx, Text("accounts.password_title"), "features/accounts/templates/password.tpl");
  v.ShowError(error, field);
  if (done)
    v.body().ShowSection("DONE");
  else if (ctx.user->must_change_password)
    v.body().ShowSection("MUST_CHANGE");
  return v.render(status);
}

// The answer to an administrator's unlock or password reset on an official.
Response AccessResult(Context& ctx, int64_t official_id, const std::string& notice, const std::string& password,
                      const std::string& error, int status) {
  PageView v(ctx, Text("accounts.access_title"), "features/accounts/templates/official_access.tpl");
  v.body().SetIntValue("ID", official_id);
  if (!password.empty()) v.body().SetValueAndShowSection("PASSWORD", password, "HAS_PASSWORD");
  if (!notice.empty()) v.ShowNotice(notice);
  v.ShowError(error);
  return v.render(status);
}

Response TokensPage(Context& ctx, Service& svc, org::Service& org, const std::string& new_token,
                    const std::string& error, int status) {
  PageView v(ctx, Text("accounts.tokens_title"), "features/accounts/templates/tokens.tpl");
  for (auto& t : svc.ListTokens(*ctx.user)) {
    auto* row = v.body().AddSectionDictionary("TOKEN");
    row->SetIntValue("ID", t.id);
    row->SetValue("NAME", t.name);
    row->SetValue("OWNER", t.official_username);
    row->SetValue("PREFIX", t.prefix);
    row->SetValue("CREATED", FormatLocal(t.created_at));
    if (t.revoked_at)
      row->SetValueAndShowSection("REVOKED", FormatLocal(*t.revoked_at), "IS_REVOKED");
    else
      row->ShowSection("LIVE");
  }
  for (auto& o : org.ListOfficials(*ctx.user)) {
    auto* opt = v.body().AddSectionDictionary("OFFICIAL");
    opt->SetIntValue("ID", o.id);
    opt->SetValue("LABEL", o.full_name + " (" + o.username + ")");
  }
  if (!new_token.empty()) v.body().SetValueAndShowSection("NEW_TOKEN", new_token, "HAS_NEW_TOKEN");
  v.ShowError(error);
  return v.render(status);
}

int64_t IdParam(const Context& ctx, const char* name) {
  if (auto id = ctx.req.id_param(name)) return *id;
  throw AppError(ErrorKind::kNotFound, "error.not_found");
}

}  // namespace

void RegisterPages(http::App& app, Service& svc, org::Service& org) {
  app.page("GET", "/", http::Access::kPublic,
           [](Context& ctx) { return Response::Redirect(ctx.user ? "/dashboard" : "/login"); });

  app.page("GET", "/login", http::Access::kPublic, [](Context& ctx) {
    // A session with a temporary password is authenticated here only to be sent on to the form.
    if (ctx.user) return Response::Redirect(ctx.user->must_change_password ? "/account/password" : "/dashboard");
    return LoginForm(ctx, "", ctx.req.query_param("next"), "", 200);
  });

  app.page("POST", "/login", http::Access::kPublic, [&svc](Context& ctx) {
    auto form = ctx.req.form();
    std::string next = form["next"];
    try {
      auto res = svc.Login(form["username"], form["password"], ctx.req.remote_addr);
      Response r = Response::Redirect(res.principal.must_change_password ? "/account/password"
                                      : http::IsLocalPath(next)          ? next
                                                                         : "/dashboard");
      r.headers.emplace_back("Set-Cookie", http::SetCookieValue("fg_session", res.session_token));
      return r;
    } catch (const AppError& e) {
      return LoginForm(ctx, form["username"], next, Text(e.key(), e.args()), StatusFor(e));
    }
  });

  app.page("POST", "/logout", http::Access::kPublic, [&svc](Context& ctx) {
    svc.Logout(ctx.req.cookie("fg_session"));
    Response r = Response::Redirect("/login");
    r.headers.emplace_back("Set-Cookie", http::SetCookieValue("fg_session", "", {true, 0}));
    return r;
  });

  app.page("GET", "/account/password", http::Access::kUser,
           [](Context& ctx) { return PasswordForm(ctx, "", "", false, 200); });

  app.page("POST", "/account/password", http::Access::kUser, [&svc](Context& ctx) {
    auto form = ctx.req.form();
    try {
      svc.ChangePassword(*ctx.user, form["current_password"], form["password"], form["confirm_password"]);
      return PasswordForm(ctx, "", "", true, 200);
    } catch (const AppError& e) {
      return PasswordForm(ctx, Text(e.key(), e.args()), e.field(), false, StatusFor(e));
    }
  });

  app.page("POST", "/officials/{id}/unlock", http::Access::kUser, [&svc](Context& ctx) {
    int64_t id = IdParam(ctx, "id");
    svc.Unlock(*ctx.user, id);
    return AccessResult(ctx, id, Text("accounts.unlocked"), "", "", 200);
  });

  app.page("POST", "/officials/{id}/password-reset", http::Access::kUser, [&svc](Context& ctx) {
    int64_t id = IdParam(ctx, "id");
    auto form = ctx.req.form();
    try {
      auto reset = svc.ResetPassword(*ctx.user, id, form["password"]);
      return AccessResult(ctx, id, Text("accounts.password_reset_done"), reset.temporary_password, "", 200);
    } catch (const AppError& e) {
      if (e.kind() != ErrorKind::kBadRequest) throw;
      return AccessResult(ctx, id, "", "", Text(e.key(), e.args()), StatusFor(e));
    }
  });

  app.page("GET", "/tokens", http::Access::kUser,
           [&svc, &org](Context& ctx) { return TokensPage(ctx, svc, org, "", "", 200); });

  app.page("POST", "/tokens", http::Access::kUser, [&svc, &org](Context& ctx) {
    auto form = ctx.req.form();
    try {
      auto official = http::ParseInt64(form["official_id"]);
      if (!official) throw BadInput("error.required", "official_id");
      auto [t, token] = svc.CreateToken(*ctx.user, *official, form["name"]);
      return TokensPage(ctx, svc, org, token, "", 201);
    } catch (const AppError& e) {
      if (e.kind() == ErrorKind::kForbidden) throw;
      return TokensPage(ctx, svc, org, "", Text(e.key(), e.args()), StatusFor(e));
    }
  });

  app.page("POST", "/tokens/{id}/revoke", http::Access::kUser, [&svc](Context& ctx) {
    svc.RevokeToken(*ctx.user, IdParam(ctx, "id"));
    return Response::Redirect("/tokens");
  });
}

}  // namespace fg::accounts
