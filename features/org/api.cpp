#include <boost/json.hpp>

#include "features/org/json.h"
#include "features/org/routes.h"
#include "features/org/rules.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"

namespace fg::org {
namespace {

using http::Context;

UnitInput Merge(const Unit& u, const boost::json::object& b) {
  UnitInput in{u.code,          u.name,       std::string(LevelName(u.level)),
               u.parent_code,   u.valid_from, u.valid_to.value_or(""),
               u.successor_code};
  if (auto v = http::JsonString(b, "code")) in.code = *v;
  if (auto v = http::JsonString(b, "name")) in.name = *v;
  if (auto v = http::JsonString(b, "level")) in.level = *v;
  if (auto v = http::JsonString(b, "parent_code")) in.parent_code = *v;
  if (auto v = http::JsonString(b, "valid_from")) in.valid_from = *v;
  if (auto v = http::JsonString(b, "valid_to")) in.valid_to = *v;
  if (auto v = http::JsonString(b, "successor_code")) in.successor_code = *v;
  return in;
}

const std::initializer_list<const char*> kUnitFields = {"code",       "name",     "level",         "parent_code",
                                                        "valid_from", "valid_to", "successor_code"};

int64_t OfficialId(const Context& ctx) {
  if (auto id = ctx.req.id_param("id")) return *id;
  throw AppError(ErrorKind::kNotFound, "org.official_not_found");
}

OfficialInput OfficialFrom(const boost::json::object& b, const Official* current) {
  OfficialInput in;
  if (current) {
    in.full_name = current->full_name;
    in.unit_code = current->unit_code;
    in.position = current->position;
    in.phone = current->phone;
    in.email = current->email;
  }
  if (auto v = http::JsonString(b, "username")) in.username = *v;
  if (auto v = http::JsonString(b, "full_name")) in.full_name = *v;
  if (auto v = http::JsonString(b, "unit_code")) in.unit_code = *v;
  if (auto v = http::JsonString(b, "position")) in.position = *v;
  if (auto v = http::JsonString(b, "phone")) in.phone = *v;
  if (auto v = http::JsonString(b, "email")) in.email = *v;
  if (auto v = http::JsonString(b, "password")) in.password = *v;
  in.active = http::JsonBool(b, "active");
  return in;
}

}  // namespace

void RegisterApi(http::App& app, Service& svc) {
  app.api("GET", "/api/v1/units", http::Access::kUser, [&svc](Context& ctx) {
    std::optional<std::string> at;
    if (ctx.req.has_query_param("at")) at = ctx.req.query_param("at");
    std::string level = ctx.req.query_param("level");
    if (!level.empty() && !ParseLevel(level)) throw BadInput("org.bad_level", "level");
    boost::json::array items;
    for (auto& u : svc.ListUnits(*ctx.user, at))
      if (level.empty() || LevelName(u.level) == level) items.push_back(ToJson(u));
    return http::Json(200, {{"items", items}});
  });
  app.api("GET", "/api/v1/units/{code}", http::Access::kUser,
          [&svc](Context& ctx) { return http::Json(200, ToJson(svc.GetUnit(*ctx.user, ctx.req.params.at("code")))); });
  app.api("POST", "/api/v1/units", http::Access::kUser, [&svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, kUnitFields);
    UnitInput in{http::JsonString(b, "code").value_or(""),          http::JsonString(b, "name").value_or(""),
                 http::JsonString(b, "level").value_or(""),         http::JsonString(b, "parent_code").value_or(""),
                 http::JsonString(b, "valid_from").value_or(""),    http::JsonString(b, "valid_to").value_or(""),
                 http::JsonString(b, "successor_code").value_or("")};
    auto u = svc.CreateUnit(*ctx.user, in);
    auto r = http::Json(201, ToJson(u));
    r.set_header("Location", "/api/v1/units/" + http::UrlEncode(u.code));
    return r;
  });
  app.api("PATCH", "/api/v1/units/{code}", http::Access::kUser, [&svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, kUnitFields);
    auto merge = [&b](const Unit& current) { return Merge(current, b); };
    return http::Json(200, ToJson(svc.PatchUnit(*ctx.user, ctx.req.params.at("code"), merge)));
  });
  app.api("GET", "/api/v1/units-csv", http::Access::kUser, [&svc](Context& ctx) {
    return http::Response::Attachment(svc.ExportCsv(*ctx.user), "text/csv; charset=utf-8", "units.csv");
  });
  app.api("POST", "/api/v1/units-csv", http::Access::kUser, [&svc](Context& ctx) {
    auto res = svc.ImportCsv(*ctx.user, ctx.req.body);
    return http::Json(200, {{"created", res.created}, {"updated", res.updated}});
  });

  app.api("GET", "/api/v1/officials", http::Access::kUser, [&svc](Context& ctx) {
    boost::json::array items;
    for (auto& o : svc.ListOfficials(*ctx.user)) items.push_back(ToJson(o));
    return http::Json(200, {{"items", items}});
  });
  app.api("GET", "/api/v1/officials/{id}", http::Access::kUser,
          [&svc](Context& ctx) { return http::Json(200, ToJson(svc.GetOfficial(*ctx.user, OfficialId(ctx)))); });
  app.api("POST", "/api/v1/officials", http::Access::kUser, [&svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(
        b, {"username", "full_name", "unit_code", "position", "phone", "email", "password", "active", "roles"});
    std::vector<std::pair<std::string, std::string>> roles;
    if (auto it = b.find("roles"); it != b.end()) {
      if (!it->value().is_array()) throw BadInput("error.json_type", "roles", {{"type", "array"}});
      for (auto& r : it->value().as_array()) {
        if (!r.is_object()) throw BadInput("error.json_type", "roles", {{"type", "object"}});
        roles.emplace_back(http::JsonString(r.as_object(), "role").value_or(""),
                           http::JsonString(r.as_object(), "unit_code").value_or(""));
      }
    }
    auto o = svc.CreateOfficial(*ctx.user, OfficialFrom(b, nullptr), roles);
    auto r = http::Json(201, ToJson(o));
    r.set_header("Location", "/api/v1/officials/" + std::to_string(o.id));
    return r;
  });
  app.api("PATCH", "/api/v1/officials/{id}", http::Access::kUser, [&svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"full_name", "unit_code", "position", "phone", "email", "active"});
    auto merge = [&b](const Official& current) { return OfficialFrom(b, &current); };
    return http::Json(200, ToJson(svc.PatchOfficial(*ctx.user, OfficialId(ctx), merge)));
  });
}

}  // namespace fg::org
