// The ratings' JSON API: a rating (public: the QR token, the signed link or a
// paired tablet authorises it), the tablet's state, the report, the tablets.
#include <boost/json.hpp>

#include "features/ratings/routes.h"
#include "features/ratings/rules.h"
#include "features/ratings/web.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"
#include "platform/time.h"

namespace fg::ratings {
namespace {

using http::Context;

boost::json::object ToJson(const Rating& r) {
  boost::json::array reasons;
  for (const auto& s : r.reasons) reasons.emplace_back(s);
  boost::json::object o{{"id", r.id},         {"unit_code", r.unit_code},  {"official_id", r.official_id},
                        {"source", r.source}, {"scale", r.scale},          {"level", r.level},
                        {"reasons", reasons}, {"comment", r.comment},      {"day", r.day},
                        {"at", r.at},         {"flagged", !r.flag.empty()}};
  o["dossier_code"] = r.dossier_code.empty() ? boost::json::value(nullptr) : boost::json::value(r.dossier_code);
  return o;
}

boost::json::object ToJson(const stats::Share& s) {
  return {{"count", s.count}, {"total", s.total}, {"value", s.value},
          {"low", s.low},     {"high", s.high},   {"too_few", s.too_few}};
}

boost::json::object ToJson(const ReportLine& l) {
  boost::json::object counts, shares, reasons;
  for (int i = 0; i < 5; ++i) {
    counts[kLevels[i]] = l.counts[i];
    shares[kLevels[i]] = ToJson(l.shares[i]);
    reasons[kReasons[i]] = l.reasons[i];
  }
  return {{"key", l.key},      {"label", l.label}, {"total", l.total},
          {"counts", counts},  {"shares", shares}, {"satisfied", ToJson(l.satisfied)},
          {"reasons", reasons}};
}

boost::json::object ToJson(const Device& d) {
  auto opt = [](const std::string& s) { return s.empty() ? boost::json::value(nullptr) : boost::json::value(s); };
  return {{"id", d.id},
          {"unit_code", d.unit_code},
          {"official_id", d.official_id},
          {"official_name", d.official_name},
          {"name", d.name},
          {"created_at", d.created_at},
          {"paired_at", opt(d.paired_at)},
          {"revoked_at", opt(d.revoked_at)}};
}

// The rating fields of a body (the binding fields are read by the caller).
RatingInput InputOf(const boost::json::object& b, const Context& ctx) {
  RatingInput in;
  in.level = http::JsonString(b, "level").value_or("");
  if (auto it = b.find("reasons"); it != b.end() && !it->value().is_null()) {
    if (!it->value().is_array() || it->value().as_array().size() > 10) throw BadInput("ratings.bad_reason", "reasons");
    for (const auto& v : it->value().as_array()) {
      if (!v.is_string()) throw BadInput("ratings.bad_reason", "reasons");
      in.reasons.emplace_back(v.as_string());
    }
  }
  in.comment = http::JsonString(b, "comment").value_or("");
  in.client_key = std::string(ctx.req.header("idempotency-key"));
  if (in.client_key.empty()) in.client_key = http::JsonString(b, "client_key").value_or("");
  return in;
}

http::Response Stored(const Service::Submitted& s) { return http::Json(s.created ? 201 : 200, ToJson(s.rating)); }

// A paired tablet: its token in the cookie, or in X-Kiosk-Token for other clients.
Device Tablet(Service& svc, const Context& ctx) {
  std::string token(ctx.req.header("x-kiosk-token"));
  if (token.empty()) token = ctx.req.cookie(kKioskCookie);
  return svc.DeviceOfToken(token);
}

}  // namespace

void RegisterApi(http::App& app, const std::shared_ptr<Service>& svc) {
  app.api("POST", "/api/v1/ratings", http::Access::kPublic, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(
        b, {"source", "level", "reasons", "comment", "client_key", "official_token", "dossier_code", "link_token"});
    RatingInput in = InputOf(b, ctx);
    in.source = http::JsonString(b, "source").value_or("");
    if (in.source == "qr") {
      const auto o = svc->OfficialOf(http::JsonString(b, "official_token").value_or(""));
      in.official_id = o.official_id;
      in.dossier_code = http::JsonString(b, "dossier_code").value_or("");
    } else if (in.source == "link") {
      in.dossier_id = svc->LinkOf(http::JsonString(b, "link_token").value_or("")).dossier_id;
    } else {
      throw BadInput("ratings.bad_source", "source");  // a tablet posts to /api/v1/kiosk/ratings
    }
    return Stored(svc->Submit(in, SenderOf(ctx)));
  });

  // The tablet. A custom header is required on the POST: a cross-site form cannot send one.
  app.api("GET", "/api/v1/kiosk/state", http::Access::kPublic, [svc](Context& ctx) {
    std::string token(ctx.req.header("x-kiosk-token"));
    if (token.empty()) token = ctx.req.cookie(kKioskCookie);
    const KioskState s = svc->KioskStateOf(token);
    boost::json::object o{{"device_id", s.device_id},
                          {"official_name", s.official_name},
                          {"scale", s.settings.scale},
                          {"reset_seconds", s.settings.reset_seconds}};
    o["dossier_id"] = s.dossier_id ? boost::json::value(*s.dossier_id) : boost::json::value(nullptr);
    o["dossier_code"] = s.dossier_code;
    o["procedure_name"] = s.procedure_name;
    auto r = http::Json(200, o);
    r.set_header("Cache-Control", "no-store");
    return r;
  });
  app.api("POST", "/api/v1/kiosk/ratings", http::Access::kPublic, [svc](Context& ctx) {
    if (ctx.req.header("x-kiosk").empty()) throw AppError(ErrorKind::kForbidden, "error.csrf");
    const Device d = Tablet(*svc, ctx);
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"level", "reasons", "comment", "client_key", "dossier_id"});
    RatingInput in = InputOf(b, ctx);
    in.source = "kiosk";
    in.official_id = d.official_id;
    in.device_id = d.id;
    if (auto id = http::JsonInt(b, "dossier_id"); id && *id > 0) in.dossier_id = *id;
    return Stored(svc->Submit(in, SenderOf(ctx)));
  });

  // Officials.
  app.api("GET", "/api/v1/ratings/report", http::Access::kUser, [svc](Context& ctx) {
    ReportQuery q;
    q.unit_code = ctx.req.query_param("unit");
    q.from = ctx.req.query_param("from");
    q.to = ctx.req.query_param("to");
    if (!ctx.req.query_param("by").empty()) q.by = ctx.req.query_param("by");
    if (auto m = http::ParseInt64(ctx.req.query_param("min")); m && *m > 0) q.minimum = *m;
    const Report rep = svc->ReportOf(*ctx.user, q);
    boost::json::array lines;
    for (const auto& l : rep.lines) lines.push_back(ToJson(l));
    return http::Json(200, {{"unit_code", rep.query.unit_code},
                            {"from", rep.query.from},
                            {"to", rep.query.to},
                            {"by", rep.query.by},
                            {"minimum", rep.query.minimum},
                            {"lines", lines},
                            {"total", ToJson(rep.total)}});
  });
  app.api("GET", "/api/v1/ratings/devices", http::Access::kUser, [svc](Context& ctx) {
    boost::json::array items;
    for (const auto& d : svc->Devices(*ctx.user, ctx.req.query_param("unit"))) items.push_back(ToJson(d));
    return http::Json(200, {{"items", items}});
  });
  app.api("POST", "/api/v1/ratings/devices", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"unit_code", "name"});
    auto p = svc->CreatePairing(*ctx.user, http::JsonString(b, "unit_code").value_or(""),
                                http::JsonString(b, "name").value_or(""));
    auto o = ToJson(p.device);
    o["pairing_code"] = p.code;
    o["pairing_expires"] = p.device.pairing_expires;
    return http::Json(201, o);
  });
  app.api("POST", "/api/v1/ratings/devices/{id}/revoke", http::Access::kUser, [svc](Context& ctx) {
    const auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("ratings.device_not_found");
    svc->Revoke(*ctx.user, *id);
    return http::Response::Text(204, "");
  });
  auto settings_json = [](const Service::UnitSettings& us) {
    return boost::json::object{{"unit_code", us.unit_code},
                               {"scale", us.settings.scale},
                               {"levels", boost::json::value_from(LevelsOf(us.settings.scale))},
                               {"reset_seconds", us.settings.reset_seconds},
                               {"link_days", us.settings.link_days},
                               {"may_edit", us.may_edit}};
  };
  app.api("GET", "/api/v1/ratings/settings", http::Access::kUser, [svc, settings_json](Context& ctx) {
    return http::Json(200, settings_json(svc->GetSettings(*ctx.user, ctx.req.query_param("unit"))));
  });
  app.api("PUT", "/api/v1/ratings/settings", http::Access::kUser, [svc, settings_json](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"scale", "reset_seconds", "link_days"});
    // All three are required: a missing or non-integer one is reported on its field.
    auto number = [&](const char* key) { return SettingValue(http::JsonInt(b, key)); };
    Settings in;
    in.scale = number("scale");
    in.reset_seconds = number("reset_seconds");
    in.link_days = number("link_days");
    return http::Json(200, settings_json(svc->PutSettings(*ctx.user, ctx.req.query_param("unit"), in)));
  });
  app.api("POST", "/api/v1/ratings/invitations", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"dossier_code"});
    const std::string code = http::JsonString(b, "dossier_code").value_or("");
    svc->Invite(*ctx.user, code);
    return http::Json(201, {{"dossier_code", code}});
  });
}

}  // namespace fg::ratings
