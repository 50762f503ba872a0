// The template editor (/desk/notify/templates, /desk/notify/templates/{event})
// and the developers' page of the `log` channel (/desk/notify/log).
#include <sstream>

#include "features/notify/channels.h"
#include "features/notify/pages.h"
#include "features/notify/rules.h"
#include "features/notify/service.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/time.h"

namespace fg::notify {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

void Lines(ctemplate::TemplateDictionary& d, const char* section, const std::string& text) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    d.AddSectionDictionary(section)->SetValue("TEXT", line);
  }
}

std::string VersionLabel(int64_t v) {
  return v == 0 ? Text("notify.template_default") : Text("notify.template_version", {{"n", std::to_string(v)}});
}

Response TemplatesPage(Context& ctx, Service& svc) {
  if (!Service::CanRetry(*ctx.user)) throw Forbidden();
  PageView v(ctx, Text("notify.templates_title"), "features/notify/templates/templates.tpl");
  for (const char* e : kEvents) {
    auto* d = v.body().AddSectionDictionary("EVENT");
    d->SetValue("NAME", e);
    d->SetValue("LABEL", Text(std::string("desk.notify_event.") + e));
    d->SetValue("SMS_VERSION", VersionLabel(svc.GetTemplate(e, "sms").version));
    d->SetValue("EMAIL_VERSION", VersionLabel(svc.GetTemplate(e, "email").version));
  }
  return v.render();
}

// `shown`: the text in the form; `preview`: also render it with sample values.
Response TemplatePage(Context& ctx, Service& svc, const Template& shown, bool preview, const AppError* error) {
  const std::string& event = shown.event;
  const std::string& channel = shown.channel;
  PageView v(ctx, Text("notify.template_title"), "features/notify/templates/template_edit.tpl");
  auto& b = v.body();
  b.SetValue("EVENT", event);
  b.SetValue("CHANNEL", channel);
  b.SetValue("EVENT_LABEL", Text("desk.notify_event." + event));
  b.SetValue("CHANNEL_LABEL", Text("notify.template_channel." + channel));
  auto* other = b.AddSectionDictionary("OTHER");
  const std::string other_channel = channel == "sms" ? "email" : "sms";
  other->SetValue("EVENT", event);
  other->SetValue("CHANNEL", other_channel);
  other->SetValue("LABEL", Text("notify.template_channel." + other_channel));
  std::string placeholders;
  for (auto& p : Placeholders(event)) placeholders += (placeholders.empty() ? "{" : ", {") + p + "}";
  b.SetValue("PLACEHOLDERS", placeholders);
  b.SetValue("SUBJECT", shown.subject);
  b.SetValue("BODY", shown.body);
  const bool email = channel == "email";
  if (Service::CanSaveTemplates(*ctx.user)) {
    auto* d = b.AddSectionDictionary("CAN_EDIT");
    if (email) d->ShowSection("IS_EMAIL");
  } else {
    auto* d = b.AddSectionDictionary("READ_ONLY");
    if (email) d->ShowSection("IS_EMAIL");
    Lines(*d, "BODY_LINE", shown.body);
  }
  if (error) v.ShowErrors(*error);
  if (preview && !error) {
    auto& pv = *b.AddSectionDictionary("PREVIEW");
    if (email) pv.ShowSection("IS_EMAIL");
    const auto params = Service::SampleParams(event);
    const std::string text = render::Fill(shown.body, params);
    pv.SetValue("PREVIEW_SUBJECT", render::Fill(shown.subject, params));
    Lines(pv, "PREVIEW_LINE", text);
    if (channel == "sms")
      pv.SetValueAndShowSection(
          "TEXT",
          Text("notify.preview_segments", {{"with", std::to_string(SmsSegments(text))},
                                           {"without", std::to_string(SmsSegments(StripDiacritics(text)))}}),
          "SEGMENTS");
  }
  const auto versions = svc.TemplateHistory(event, channel);
  for (auto& t : versions) {
    auto* d = b.AddSectionDictionary("VERSION");
    d->SetIntValue("N", static_cast<long>(t.version));
    d->SetValue("AT", FormatLocal(t.created_at));
    d->SetValue("SUBJECT", t.subject);
    d->SetValue("BODY", t.body);
    if (email) d->ShowSection("IS_EMAIL");
  }
  b.ShowSection(versions.empty() ? "NO_VERSIONS" : "HAS_VERSIONS");
  v.ShowDone("notify.done.");
  return v.render(error ? 400 : 200);
}

Template Requested(Context& ctx) {
  const std::string event = ctx.req.params.at("event");
  if (!IsEvent(event)) throw NotFound("notify.bad_event");
  std::string channel = ctx.req.query_param("channel");
  if (channel.empty()) channel = "sms";
  if (channel != "sms" && channel != "email") throw NotFound("notify.bad_channel");
  return {event, channel, 0, "", "", ""};
}

Response LogPage(Context& ctx) {
  if (!Service::IsAdministrator(*ctx.user)) throw Forbidden();
  PageView v(ctx, Text("notify.log_title"), "features/notify/templates/log.tpl");
  auto& b = v.body();
  b.SetIntValue("KEPT", static_cast<long>(kLogKept));
  const auto rows = LoggedMessages();
  for (auto& l : rows) {
    auto* d = b.AddSectionDictionary("ROW");
    d->SetValue("AT", FormatLocal(l.at));
    d->SetValue("EVENT", Text("desk.notify_event." + l.message.event));
    d->SetValue("PHONE", l.message.phone);
    d->SetValue("EMAIL", l.message.email);
    d->SetValue("TEXT", l.message.text);
    d->SetValue("CALLBACK", l.message.callback_url);
  }
  b.ShowSection(rows.empty() ? "NONE" : "HAS_ROWS");
  return v.render();
}

}  // namespace

void RegisterAdminPages(http::App& app, const std::shared_ptr<Service>& svc) {
  app.page("GET", "/desk/notify/templates", http::Access::kUser,
           [svc](Context& ctx) { return TemplatesPage(ctx, *svc); });
  app.page("GET", "/desk/notify/templates/{event}", http::Access::kUser, [svc](Context& ctx) {
    if (!Service::CanRetry(*ctx.user)) throw Forbidden();
    Template t = Requested(ctx);
    t = svc->GetTemplate(t.event, t.channel);
    return TemplatePage(ctx, *svc, t, false, nullptr);
  });
  app.page("POST", "/desk/notify/templates/{event}", http::Access::kUser, [svc](Context& ctx) {
    if (!Service::CanSaveTemplates(*ctx.user)) throw Forbidden();
    Template t = Requested(ctx);
    const auto form = ctx.req.form();
    t.subject = http::FormValue(form, "subject");
    t.body = http::FormValue(form, "body");
    const bool save = http::FormValue(form, "action") == "save";
    try {
      if (!save) return TemplatePage(ctx, *svc, Service::CheckTemplate(t), true, nullptr);
      svc->SaveTemplate(*ctx.user, t);
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return TemplatePage(ctx, *svc, t, false, &e);
    }
    return Response::Redirect("/desk/notify/templates/" + t.event + "?channel=" + t.channel + "&done=template_saved");
  });
  app.page("GET", "/desk/notify/log", http::Access::kUser, [](Context& ctx) { return LogPage(ctx); });
}

}  // namespace fg::notify
