// A unit's notification channels (/desk/notify/channels?unit=): the form for
// administrators covering the unit, a read-only list for the others who work
// on it (leaders, desk officers).
#include <algorithm>

#include "features/notify/channels.h"
#include "features/notify/pages.h"
#include "features/notify/rules.h"
#include "features/notify/service.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/text/text.h"

namespace fg::notify {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

const char* const kEditable[] = {"email", "sms", "zalo", "facebook", "log"};

bool IsFlag(const std::string& k) { return k == "ascii" || k == "night" || k == "starttls"; }

// The unit the page is about: ?unit=, else the first unit the caller works on.
std::string UnitOf(Context& ctx) {
  std::string code = ctx.req.query_param("unit");
  if (!code.empty()) return code;
  for (auto& g : ctx.user->grants)
    if (g.role == auth::Role::kAdmin || g.role == auth::Role::kLeader || g.role == auth::Role::kDesk)
      return g.unit_code;
  throw Forbidden();
}

// The sample "received" SMS and its segments with and without diacritics.
std::string SegmentsText(Service& svc) {
  const std::string text = render::Fill(svc.GetTemplate("received", "sms").body, Service::SampleParams("received"));
  return Text("notify.segments", {{"text", text},
                                  {"with", std::to_string(SmsSegments(text))},
                                  {"without", std::to_string(SmsSegments(StripDiacritics(text)))}});
}

// Renders the page. `shown`: the channels as saved (secrets masked) or as
// posted; `saved`: as saved (which secrets exist); `error`: the refused save.
Response ChannelsPage(Context& ctx, Service& svc, const std::string& unit_code, const std::vector<Channel>& shown,
                      const std::vector<Channel>& saved, const AppError* error) {
  const auto unit = svc.Unit(unit_code);
  PageView v(ctx, Text("notify.channels_title"), "features/notify/templates/channels.tpl");
  auto& b = v.body();
  b.SetValue("UNIT_NAME", unit.name);
  b.SetValue("UNIT_CODE", unit.code);
  b.SetValue("UNIT_URL", http::UrlEncode(unit.code));
  b.SetValue("SEGMENTS", SegmentsText(svc));
  std::map<std::string, std::string> errors;
  if (error) {
    v.ShowErrors(*error);
    for (auto& fp : error->problems()) errors.emplace(fp.field, Text(fp.key, fp.args));
  }
  auto find = [](const std::vector<Channel>& list, const std::string& name) -> const Channel* {
    for (auto& ch : list)
      if (ch.name == name) return &ch;
    return nullptr;
  };
  if (svc.CanSetChannels(*ctx.user, unit.code)) {
    b.ShowSection("CAN_EDIT");
    // Channels in use first (in their order), then the others.
    std::vector<std::string> order;
    for (auto& ch : shown) order.push_back(ch.name);
    for (const char* n : kEditable)
      if (!find(shown, n)) order.emplace_back(n);
    for (size_t i = 0; i < order.size(); ++i) {
      const std::string& name = order[i];
      const Channel* ch = find(shown, name);
      const Channel* old = find(saved, name);
      auto* c = b.AddSectionDictionary("CHANNEL");
      c->SetValue("NAME", name);
      c->SetValue("LABEL", Text("desk.notify_channel." + name));
      if (ch) c->SetValue("USE_CHECKED", "checked");
      for (size_t n = 1; n <= order.size(); ++n) {
        auto* o = c->AddSectionDictionary("POSITION");
        o->SetIntValue("N", static_cast<long>(n));
        if (n == i + 1) o->SetValue("SELECTED", "selected");
      }
      for (auto& key : ChannelKeys(name)) {
        const std::string field = name + "." + key;
        const std::string id = render::FieldId(field);
        std::string value;
        if (ch)
          if (auto it = ch->config.find(key); it != ch->config.end()) value = it->second;
        auto* f = c->AddSectionDictionary("FIELD");
        f->SetValue("NAME", field);
        f->SetValue("ID", id);
        f->SetValue("LABEL", text::UpperFirst(Text("field." + field)));
        std::vector<std::string> described;
        if (auto it = errors.find(field); it != errors.end()) {
          f->ShowSection("INVALID");
          f->SetValue("ERROR", it->second);
        }
        if (IsFlag(key)) {
          f->ShowSection("IS_CHECK");
          if (value == "1") f->SetValue("CHECKED", "checked");
          continue;
        }
        f->ShowSection("IS_INPUT");
        std::string hint;
        if (IsSecret(key)) {
          const bool has = old && old->config.count(key);
          // The field's error says what to do ("type it again"), which "leave it empty to keep it" would contradict.
          if (!errors.count(field)) hint = Text(has ? "notify.secret_saved" : "notify.secret_empty");
          value.clear();  // write-only: never sent back to the browser
        }
        if (!hint.empty()) {
          f->SetValueAndShowSection("TEXT", hint, "HINT");
          described.push_back(id + "-hint");
        }
        if (errors.count(field)) described.push_back(id + "-error");
        if (!described.empty()) {
          std::string ids;
          for (auto& d : described) ids += (ids.empty() ? "" : " ") + d;
          f->SetValueAndShowSection("IDS", ids, "DESCRIBED");
        }
        auto* input = f->AddSectionDictionary(key == "headers" || key == "body" ? "TEXTAREA" : "LINE");
        input->SetValue("TYPE", IsSecret(key) ? "password" : "text");
        input->SetValue("AUTOCOMPLETE", IsSecret(key) ? "new-password" : "off");
        input->SetValue("VALUE", value);
      }
    }
  } else {
    b.ShowSection("READ_ONLY");
    int64_t n = 0;
    for (auto& ch : saved) {
      auto* r = b.AddSectionDictionary("ROW");
      r->SetIntValue("N", static_cast<long>(++n));
      r->SetValue("LABEL", Text("desk.notify_channel." + ch.name));
      for (auto& [k, val] : ch.config) {
        auto* s = r->AddSectionDictionary("SETTING");
        s->SetValue("KEY", text::UpperFirst(Text("field." + ch.name + "." + k)));
        s->SetValue("VALUE", val);
      }
    }
    b.ShowSection(saved.empty() ? "NONE" : "HAS_ROWS");
  }
  v.ShowDone("notify.done.");
  return v.render(error ? 400 : 200);
}

std::vector<Channel> ChannelsFromForm(const std::map<std::string, std::string>& form) {
  std::vector<std::pair<int64_t, Channel>> used;
  int64_t fallback = 100;
  for (const char* name : kEditable) {
    const std::string n = name;
    if (http::FormValue(form, n + ".use") != "1") continue;
    Channel ch{n, 0, {}};
    for (auto& key : ChannelKeys(n)) {
      const std::string value = http::FormValue(form, n + "." + key);
      if (!value.empty()) ch.config[key] = value;
    }
    const auto pos = http::ParseInt64(http::FormValue(form, n + ".position"));
    used.emplace_back(pos.value_or(++fallback), std::move(ch));
  }
  std::stable_sort(used.begin(), used.end(), [](auto& a, auto& b) { return a.first < b.first; });
  std::vector<Channel> out;
  for (auto& [pos, ch] : used) out.push_back(std::move(ch));
  return out;
}

}  // namespace

void RegisterChannelsPages(http::App& app, const std::shared_ptr<Service>& svc) {
  app.page("GET", "/desk/notify/channels", http::Access::kUser, [svc](Context& ctx) {
    const std::string unit = UnitOf(ctx);
    const auto saved = svc->Channels(*ctx.user, unit);
    return ChannelsPage(ctx, *svc, unit, saved, saved, nullptr);
  });
  app.page("POST", "/desk/notify/channels", http::Access::kUser, [svc](Context& ctx) {
    const std::string unit = UnitOf(ctx);
    const auto posted = ChannelsFromForm(ctx.req.form());
    try {
      svc->SetChannels(*ctx.user, unit, posted);
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return ChannelsPage(ctx, *svc, unit, posted, svc->Channels(*ctx.user, unit), &e);
    }
    return Response::Redirect("/desk/notify/channels?unit=" + http::UrlEncode(unit) + "&done=channels_saved");
  });
}

}  // namespace fg::notify
