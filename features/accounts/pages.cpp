#include <boost/json.hpp>

#include "features/accounts/routes.h"
#include "features/org/routes.h"
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

Response LoginForm(Context& ctx, const std::string& username, const std::string& next, const AppError* error) {
  PageView v(ctx, Text("accounts.login_title"), "features/accounts/templates/login.tpl");
  v.ShowDone("accounts.login_done.");
  v.body().SetValue("USERNAME", username);
  v.body().SetValue("NEXT", next);
  if (error) v.ShowErrors(*error);
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

Response PasswordForm(Context& ctx, const AppError* error) {
  PageView v(ctx, Text("accounts.password_title"), "features/accounts/templates/password.tpl");
  if (error) v.ShowErrors(*error);
  if (ctx.user->must_change_password) v.body().ShowSection("MUST_CHANGE");
  v.ShowDone("accounts.password_done.");
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

Response TokensPage(Context& ctx, Service& svc, org::Service& org, const std::string& new_token, const AppError* error,
                    int status) {
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
  if (error) v.ShowErrors(*error);
  v.ShowDone("accounts.token_done.");
  return v.render(status);
}

int64_t IdParam(const Context& ctx, const char* name) {
  if (auto id = ctx.req.id_param(name)) return *id;
  throw AppError(ErrorKind::kNotFound, "error.not_found");
}

std::string WithQuery(const char* path, const Context& ctx) {
  const auto q = ctx.req.target.find('?');
  return q == std::string::npos ? path : path + ctx.req.target.substr(q);
}

}  // namespace

void RegisterPages(http::App& app, Service& svc, org::Service& org) {
  app.page("GET", "/login", http::Access::kPublic,
           [](Context& ctx) { return Response::Redirect(WithQuery("/dang-nhap", ctx), 301); });

  app.page("GET", "/dang-nhap", http::Access::kPublic, [](Context& ctx) {
    // A session with a temporary password is authenticated here only to be sent on to the form.
    if (ctx.user) return Response::Redirect(ctx.user->must_change_password ? "/account/password" : "/dashboard");
    return LoginForm(ctx, "", ctx.req.query_param("next"), nullptr);
  });

  auto login = [&svc](Context& ctx) {
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
      return LoginForm(ctx, form["username"], next, &e);
    }
  };
  app.page("POST", "/dang-nhap", http::Access::kPublic, login);
  app.page("POST", "/login", http::Access::kPublic, login);  // forms of pages loaded before the move

  app.page("POST", "/logout", http::Access::kPublic, [&svc](Context& ctx) {
    svc.Logout(ctx.req.cookie("fg_session"));
    Response r = Response::Redirect("/dang-nhap?done=logged_out");
    r.headers.emplace_back("Set-Cookie", http::SetCookieValue("fg_session", "", {true, 0}));
    return r;
  });

  app.page("GET", "/account/password", http::Access::kAccount, [](Context& ctx) { return PasswordForm(ctx, nullptr); });

  app.page("POST", "/account/password", http::Access::kAccount, [&svc](Context& ctx) {
    auto form = ctx.req.form();
    try {
      svc.ChangePassword(*ctx.user, form["current_password"], form["password"], form["confirm_password"]);
      return Response::Redirect("/account/password?done=changed");
    } catch (const AppError& e) {
      if (e.kind() != ErrorKind::kBadRequest) throw;
      return PasswordForm(ctx, &e);
    }
  });

  app.page("POST", "/officials/{id}/unlock", http::Access::kUser, [&svc](Context& ctx) {
    int64_t id = IdParam(ctx, "id");
    svc.Unlock(*ctx.user, id);
    return Response::Redirect("/officials/" + std::to_string(id) + "?done=unlocked");
  });

  app.page("POST", "/officials/{id}/password-reset", http::Access::kUser, [&svc, &org](Context& ctx) {
    int64_t id = IdParam(ctx, "id");
    auto form = ctx.req.form();
    try {
      auto reset = svc.ResetPassword(*ctx.user, id, form["password"]);
      if (reset.temporary_password.empty())
        return Response::Redirect("/officials/" + std::to_string(id) + "?done=password_reset");
      // A generated password is shown once, here.
      PageView v(ctx, Text("accounts.access_title"), "features/accounts/templates/official_access.tpl");
      v.body().SetIntValue("ID", id);
      v.body().SetValue("PASSWORD", reset.temporary_password);
      v.ShowNotice(Text("accounts.password_reset_done"));
      return v.render();
    } catch (const AppError& e) {
      if (e.kind() != ErrorKind::kBadRequest) throw;
      return org::OfficialPageWithError(ctx, org, id, WithField(e, "reset_password"));
    }
  });

  app.page("GET", "/tokens", http::Access::kUser,
           [&svc, &org](Context& ctx) { return TokensPage(ctx, svc, org, "", nullptr, 200); });

  app.page("POST", "/tokens", http::Access::kUser, [&svc, &org](Context& ctx) {
    auto form = ctx.req.form();
    try {
      auto official = http::ParseInt64(form["official_id"]);
      if (!official) throw BadInput("error.required", "official_id");
      auto [t, token] = svc.CreateToken(*ctx.user, *official, form["name"]);
      return TokensPage(ctx, svc, org, token, nullptr, 201);
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return TokensPage(ctx, svc, org, "", &e, http::StatusOf(e.kind()));
    }
  });

  // "Thu hồi" opens a confirmation; the POST revokes.
  app.page("GET", "/tokens/{id}/revoke", http::Access::kUser, [&svc](Context& ctx) {
    int64_t id = IdParam(ctx, "id");
    for (auto& t : svc.ListTokens(*ctx.user)) {
      if (t.id != id) continue;
      if (t.revoked_at) throw AppError(ErrorKind::kNotFound, "accounts.token_not_found");
      return render::ConfirmPage(ctx, Text("accounts.revoke_title"),
                                 Text("accounts.revoke_question", {{"name", t.name}, {"owner", t.official_username}}),
                                 "/tokens/" + std::to_string(id) + "/revoke", Text("accounts.revoke_button"),
                                 "/tokens");
    }
    // Not one of the tokens this administrator manages.
    throw Forbidden();
  });

  app.page("POST", "/tokens/{id}/revoke", http::Access::kUser, [&svc](Context& ctx) {
    svc.RevokeToken(*ctx.user, IdParam(ctx, "id"));
    return Response::Redirect("/tokens?done=revoked");
  });
}

}  // namespace fg::accounts
