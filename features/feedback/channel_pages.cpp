// The page where an administrator connects a unit's feedback channels
// (/feedback/kenh): the e-mail box read over IMAP (its address, login and the
// last reading; "read now"), the Zalo OA and the Facebook page (the webhook
// address to declare on the platform, the app id and secret). Passwords and
// secrets are never shown again.
#include "features/feedback/page_options.h"
#include "features/feedback/routes.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::feedback {
namespace {

using http::Context;
using http::FormValue;
using http::Response;
using render::PageView;
using render::Text;

struct Typed {
  std::string channel, app_id;  // the form sent, what was typed (never the secret)
  std::string mail_url, mail_username;
  bool mail_skip_backlog = false;
};

void MailSection(ctemplate::TemplateDictionary& b, const Service::MailboxStatus& m, const Typed& typed,
                 const AppError* error) {
  b.ShowSection(m.connected ? "MAIL_CONNECTED" : "MAIL_NOT_CONNECTED");
  if (m.connected) {
    b.SetValue("MAIL_USERNAME", m.username);
    b.SetValue("MAIL_UPDATED", FormatLocal(m.updated_at));
    b.SetValue("MAIL_TAKEN", std::to_string(m.taken));
    if (m.checked_at.empty())
      b.ShowSection("MAIL_NEVER");
    else
      b.SetValueAndShowSection("MAIL_CHECKED_AT", FormatLocal(m.checked_at), "MAIL_CHECKED");
    if (!m.error.empty()) b.SetValueAndShowSection("MAIL_ERROR_TEXT", Text(m.error), "MAIL_ERROR");
    if (m.failures > 0)
      b.SetValueAndShowSection("MAIL_FAILING_TEXT",
                               Text("feedback.mail.failing", {{"uid", std::to_string(m.failed_uid)},
                                                              {"failures", std::to_string(m.failures)},
                                                              {"n", std::to_string(Service::kMailAttempts)}}),
                               "MAIL_FAILING");
  }
  const bool sent = typed.channel == "email";
  b.SetValue("MAIL_URL_VALUE", sent ? typed.mail_url : m.url);
  b.SetValue("MAIL_USERNAME_VALUE", sent ? typed.mail_username : m.username);
  if (sent ? typed.mail_skip_backlog : m.skip_backlog) b.ShowSection("MAIL_SKIP_CHECKED");
  if (m.connected && m.skip_backlog) b.ShowSection("MAIL_SKIP_PENDING");
  if (error && sent)
    for (const auto& fp : error->problems()) {
      const std::string field = fp.field == "mail_url"        ? "MAIL_URL"
                                : fp.field == "mail_username" ? "MAIL_USERNAME"
                                : fp.field == "mail_password" ? "MAIL_PASSWORD"
                                                              : "";
      if (field.empty()) continue;
      b.ShowSection(field + "_INVALID");
      b.SetValue(field + "_ERROR", Text(fp.key, fp.args));
    }
}

Response ChannelsPage(Context& ctx, Service& svc, const std::string& unit_code, const Typed& typed = {},
                      const AppError* error = nullptr) {
  const auto units = svc.AdminUnits(*ctx.user);
  if (units.empty()) throw Forbidden();
  const std::string unit = unit_code.empty() ? units.front().first : unit_code;
  const auto channels = svc.Channels(*ctx.user, unit);
  PageView v(ctx, Text("feedback.channels.title"), "features/feedback/templates/channels.tpl");
  const auto n = text::ParseInt64(ctx.req.query_param("n"));
  v.ShowDone("feedback.channels.done.", {{"n", std::to_string(n && *n >= 0 ? *n : 0)}});
  auto& b = v.body();
  Options(b, "UNIT_OPTION", units, unit);
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  b.SetValue("UNIT_CODE", unit);
  MailSection(b, svc.Mailbox(*ctx.user, unit), typed, error);
  for (const auto& c : channels) {
    auto* d = b.AddSectionDictionary("CHANNEL");
    d->SetValue("NAME", c.channel);
    d->SetValue("LABEL", Text("feedback.channel." + c.channel));
    d->SetValue("WEBHOOK", render::Site().public_url + "/api/v1/feedback/webhooks/" + c.channel + "/" + unit);
    d->SetValue("SECRET_LABEL", Text("feedback.channels.secret." + c.channel));
    if (c.connected) {
      d->ShowSection("CONNECTED");
      if (!c.app_id.empty()) d->SetValueAndShowSection("APP_ID", c.app_id, "HAS_APP_ID");
      d->SetValue("UPDATED", FormatLocal(c.updated_at));
    } else {
      d->ShowSection("NOT_CONNECTED");
    }
    if (c.channel == "zalo") {
      d->ShowSection("ASKS_APP_ID");
      d->SetValue("APP_ID_VALUE", typed.channel == c.channel ? typed.app_id : c.app_id);
    }
    // The errors of the form that was sent, beside its own fields.
    if (error && typed.channel == c.channel)
      for (const auto& fp : error->problems()) {
        const std::string field = fp.field == "app_id" ? "APP_ID" : fp.field == "secret" ? "SECRET" : "";
        if (field.empty()) continue;
        d->ShowSection(field + "_INVALID");
        d->SetValue(field + "_ERROR", Text(fp.key, fp.args));
      }
  }
  // The summary links to this page's fields (mail_url, zalo_secret ...).
  if (error)
    v.ShowErrors(typed.channel == "email" ? *error : WithFieldsRenamed(*error, [&](const std::string& f) {
      return typed.channel + "_" + f;
    }));
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

}  // namespace

void RegisterChannelPages(http::App& app, const std::shared_ptr<Service>& svc) {
  app.page("GET", "/feedback/kenh", http::Access::kUser,
           [svc](Context& ctx) { return ChannelsPage(ctx, *svc, ctx.req.query_param("unit")); });
  app.page("POST", "/feedback/kenh", http::Access::kUser, [svc](Context& ctx) {
    const auto form = ctx.req.form();
    const std::string unit = FormValue(form, "unit"), channel = FormValue(form, "channel");
    Typed typed{channel, FormValue(form, channel + "_app_id"), FormValue(form, "mail_url"),
                FormValue(form, "mail_username"), !FormValue(form, "mail_skip_backlog").empty()};
    try {
      if (channel == "email")
        svc->PutMailbox(*ctx.user, unit, typed.mail_url, typed.mail_username, FormValue(form, "mail_password"),
                        typed.mail_skip_backlog);
      else
        svc->PutChannel(*ctx.user, unit, channel, typed.app_id, FormValue(form, channel + "_secret"));
      return Response::Redirect("/feedback/kenh?unit=" + http::UrlEncode(unit) + "&done=" +
                                (channel == "zalo"    ? "zalo"
                                 : channel == "email" ? "email"
                                                      : "facebook"));
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return ChannelsPage(ctx, *svc, unit, typed, &e);
    }
  });
  // Reads the unit's mailbox now (the poller reads it every few minutes anyway).
  app.page("POST", "/feedback/kenh/doc-thu", http::Access::kUser, [svc](Context& ctx) {
    const std::string unit = FormValue(ctx.req.form(), "unit");
    const auto r = svc->ReadMailbox(*ctx.user, unit);
    return Response::Redirect("/feedback/kenh?unit=" + http::UrlEncode(unit) +
                              (!r.error.empty() ? "&done=read_failed"
                               : r.skipped      ? "&done=read_skipped&n=" + std::to_string(r.skipped)
                                                : "&done=read&n=" + std::to_string(r.created)) +
                              "#email-heading");
  });
}

}  // namespace fg::feedback
