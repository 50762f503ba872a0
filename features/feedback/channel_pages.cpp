// The page where an administrator connects a unit's Zalo OA and Facebook page
// (/feedback/kenh): the status of each (never the secret), the webhook address
// to declare on the platform, and a form for the app id and secret.
#include "features/feedback/page_options.h"
#include "features/feedback/routes.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
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
};

Response ChannelsPage(Context& ctx, Service& svc, const std::string& unit_code, const Typed& typed = {},
                      const AppError* error = nullptr) {
  const auto units = svc.AdminUnits(*ctx.user);
  if (units.empty()) throw Forbidden();
  const std::string unit = unit_code.empty() ? units.front().first : unit_code;
  const auto channels = svc.Channels(*ctx.user, unit);
  PageView v(ctx, Text("feedback.channels.title"), "features/feedback/templates/channels.tpl");
  v.ShowDone("feedback.channels.done.");
  auto& b = v.body();
  Options(b, "UNIT_OPTION", units, unit);
  for (const auto& c : channels) {
    auto* d = b.AddSectionDictionary("CHANNEL");
    d->SetValue("NAME", c.channel);
    d->SetValue("LABEL", Text("feedback.channel." + c.channel));
    d->SetValue("CSRF_TOKEN", ctx.csrf_token);
    d->SetValue("UNIT_CODE", unit);
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
  // The summary links to this page's fields (zalo_secret ...).
  if (error) v.ShowErrors(WithFieldsRenamed(*error, [&](const std::string& f) { return typed.channel + "_" + f; }));
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

}  // namespace

void RegisterChannelPages(http::App& app, std::shared_ptr<Service> svc) {
  app.page("GET", "/feedback/kenh", http::Access::kUser,
           [svc](Context& ctx) { return ChannelsPage(ctx, *svc, ctx.req.query_param("unit")); });
  app.page("POST", "/feedback/kenh", http::Access::kUser, [svc](Context& ctx) {
    const auto form = ctx.req.form();
    const std::string unit = FormValue(form, "unit"), channel = FormValue(form, "channel");
    Typed typed{channel, FormValue(form, channel + "_app_id")};
    try {
      svc->PutChannel(*ctx.user, unit, channel, typed.app_id, FormValue(form, channel + "_secret"));
      return Response::Redirect("/feedback/kenh?unit=" + http::UrlEncode(unit) +
                                "&done=" + (channel == "zalo" ? "zalo" : "facebook"));
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return ChannelsPage(ctx, *svc, unit, typed, &e);
    }
  });
}

}  // namespace fg::feedback
