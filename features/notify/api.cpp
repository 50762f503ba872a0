// The notifications' API: a unit's channels, the templates, delivery callbacks.
#include <boost/json.hpp>

#include "features/notify/pages.h"
#include "features/notify/rules.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"

namespace fg::notify {
namespace {

namespace json = boost::json;
using http::Context;

json::object ChannelsJson(const std::string& unit_code, const std::vector<Channel>& channels) {
  json::array items;
  for (auto& ch : channels) {
    json::object config;
    for (auto& [k, v] : ch.config) config[k] = v;
    items.push_back({{"channel", ch.name}, {"config", config}});
  }
  return {{"unit_code", unit_code}, {"channels", items}};
}

std::vector<Channel> ChannelsFrom(const json::object& b) {
  http::JsonAllowOnly(b, {"channels"});
  auto it = b.find("channels");
  if (it == b.end()) throw BadInput("error.required", "channels");
  if (!it->value().is_array()) throw BadInput("error.json_type", "channels", {{"type", "array"}});
  std::vector<Channel> out;
  Problems problems;
  for (auto& item : it->value().as_array()) {
    if (!item.is_object()) throw BadInput("error.json_type", "channels", {{"type", "object"}});
    const auto& o = item.as_object();
    http::JsonAllowOnly(o, {"channel", "config"});
    Channel ch;
    ch.name = http::JsonString(o, "channel").value_or("");
    if (auto c = o.find("config"); c != o.end()) {
      if (!c->value().is_object()) throw BadInput("error.json_type", ch.name + ".config", {{"type", "object"}});
      for (auto& [k, v] : c->value().as_object()) {
        if (!v.is_string()) {
          problems.add(BadInput("error.json_type", ch.name + "." + std::string(k), {{"type", "string"}}));
          continue;
        }
        ch.config[std::string(k)] = std::string(v.as_string());
      }
    }
    out.push_back(std::move(ch));
  }
  problems.raise_if_any();
  return out;
}

json::object TemplateJson(const Template& t) {
  json::object o{{"channel", t.channel}, {"version", t.version}, {"body", t.body}};
  if (t.channel == "email") o["subject"] = t.subject;
  return o;
}

}  // namespace

void RegisterApi(http::App& app, const std::shared_ptr<Service>& svc) {
  app.api("GET", "/api/v1/units/{code}/notify-channels", http::Access::kUser, [svc](Context& ctx) {
    const std::string code = ctx.req.params.at("code");
    return http::Json(200, ChannelsJson(code, svc->Channels(*ctx.user, code)));
  });
  app.api("PUT", "/api/v1/units/{code}/notify-channels", http::Access::kUser, [svc](Context& ctx) {
    const std::string code = ctx.req.params.at("code");
    svc->SetChannels(*ctx.user, code, ChannelsFrom(http::ParseJsonObject(ctx.req)));
    return http::Json(200, ChannelsJson(code, svc->Channels(*ctx.user, code)));
  });
  app.api("POST", "/api/v1/notify/callbacks/{channel}", http::Access::kPublic, [svc](Context& ctx) {
    svc->VerifyCallback(ctx.req.query_param("token"));  // the token first: 403 whatever the body
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"status", "error"});
    auto m = svc->Callback(ctx.req.params.at("channel"), ctx.req.query_param("token"),
                           http::JsonString(b, "status").value_or(""), http::JsonString(b, "error").value_or(""));
    return http::Json(200, {{"id", m.id}, {"status", m.status}});
  });
  app.api("GET", "/api/v1/notify/templates/{event}", http::Access::kUser, [svc](Context& ctx) {
    if (!Service::CanRetry(*ctx.user)) throw Forbidden();
    const std::string event = ctx.req.params.at("event");
    if (!IsEvent(event)) throw NotFound("notify.bad_event");
    json::array placeholders;
    for (auto& p : Placeholders(event)) placeholders.push_back(json::value(p));
    json::array history;
    for (const char* ch : {"sms", "email"})
      for (auto& t : svc->TemplateHistory(event, ch)) history.push_back(TemplateJson(t));
    return http::Json(200, {{"event", event},
                            {"placeholders", placeholders},
                            {"sms", TemplateJson(svc->GetTemplate(event, "sms"))},
                            {"email", TemplateJson(svc->GetTemplate(event, "email"))},
                            {"history", history}});
  });
  app.api("PUT", "/api/v1/notify/templates/{event}", http::Access::kUser, [svc](Context& ctx) {
    const std::string event = ctx.req.params.at("event");
    if (!IsEvent(event)) throw NotFound("notify.bad_event");
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"channel", "subject", "body"});
    Template t{event,
               http::JsonString(b, "channel").value_or(""),
               0,
               http::JsonString(b, "subject").value_or(""),
               http::JsonString(b, "body").value_or(""),
               ""};
    return http::Json(200, TemplateJson(svc->SaveTemplate(*ctx.user, t)));
  });
}

}  // namespace fg::notify
