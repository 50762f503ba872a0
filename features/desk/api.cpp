// The desk's JSON API: procedures (public reading).
#include <boost/json.hpp>

#include "features/desk/json.h"
#include "features/desk/routes.h"
#include "features/desk/rules.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"

namespace fg::desk {
namespace {

using http::Context;

const boost::json::array& ArrayAt(const boost::json::object& b, const char* key) {
  static const boost::json::array kEmpty;
  auto it = b.find(key);
  if (it == b.end() || it->value().is_null()) return kEmpty;
  if (!it->value().is_array()) throw BadInput("error.json_type", key, {{"type", "array"}});
  return it->value().as_array();
}

const boost::json::object& ObjectAt(const boost::json::value& v, const std::string& field) {
  if (!v.is_object()) throw BadInput("error.json_type", field, {{"type", "object"}});
  return v.as_object();
}

// A nested read whose errors name the element ("documents[1].count").
template <class F>
auto Nested(const std::string& at, F&& f) {
  try {
    return f();
  } catch (const AppError& e) {
    if (e.kind() != ErrorKind::kBadRequest || e.field().empty()) throw;
    throw WithField(e, at + "." + e.field());
  }
}

std::vector<Document> DocumentsIn(const boost::json::object& b) {
  std::vector<Document> out;
  const auto& a = ArrayAt(b, "documents");
  for (size_t i = 0; i < a.size(); ++i) {
    const std::string at = "documents[" + std::to_string(i) + "]";
    const auto& o = ObjectAt(a[i], at);
    out.push_back(Nested(at, [&] {
      http::JsonAllowOnly(o, {"name", "kind", "count"});
      return Document{http::JsonString(o, "name").value_or(""), http::JsonString(o, "kind").value_or(""),
                      http::JsonInt(o, "count").value_or(1)};
    }));
  }
  return out;
}

std::vector<Step> StepsIn(const boost::json::object& b) {
  std::vector<Step> out;
  const auto& a = ArrayAt(b, "steps");
  for (size_t i = 0; i < a.size(); ++i) {
    const std::string at = "steps[" + std::to_string(i) + "]";
    const auto& o = ObjectAt(a[i], at);
    out.push_back(Nested(at, [&] {
      http::JsonAllowOnly(o, {"name", "handler", "hours"});
      return Step{http::JsonString(o, "name").value_or(""), http::JsonString(o, "handler").value_or(""),
                  http::JsonInt(o, "hours").value_or(0)};
    }));
  }
  return out;
}

const std::initializer_list<const char*> kProcedureFields = {
    "unit_code", "code",        "name",  "field",     "level",        "limit_unit", "limit_amount", "cutoff", "fees",
    "result",    "legal_basis", "steps", "documents", "online_level", "valid_from", "valid_to",     "active"};

// The body laid over `in` (absent keys keep their value).
ProcedureInput MergeProcedure(ProcedureInput in, const boost::json::object& b) {
  http::JsonAllowOnly(b, kProcedureFields);
  for (auto [key, dst] :
       {std::pair{"unit_code", &in.unit_code}, std::pair{"code", &in.code}, std::pair{"name", &in.name},
        std::pair{"field", &in.field}, std::pair{"level", &in.level}, std::pair{"limit_unit", &in.limit_unit},
        std::pair{"cutoff", &in.cutoff}, std::pair{"fees", &in.fees}, std::pair{"result", &in.result},
        std::pair{"legal_basis", &in.legal_basis}, std::pair{"valid_from", &in.valid_from},
        std::pair{"valid_to", &in.valid_to}})
    if (auto v = http::JsonString(b, key)) *dst = *v;
  if (b.contains("limit_amount")) in.limit_amount = http::JsonInt(b, "limit_amount");
  if (b.contains("online_level")) in.online_level = http::JsonInt(b, "online_level");
  if (b.contains("documents")) in.documents = DocumentsIn(b);
  if (b.contains("steps")) in.steps = StepsIn(b);
  if (auto v = http::JsonBool(b, "active")) in.active = v;
  return in;
}

int64_t IdParam(const Context& ctx, const char* not_found) {
  if (auto id = ctx.req.id_param("id")) return *id;
  throw AppError(ErrorKind::kNotFound, not_found);
}

std::optional<int64_t> IntQuery(const Context& ctx, const char* name) {
  if (!ctx.req.has_query_param(name)) return std::nullopt;
  auto v = http::ParseInt64(ctx.req.query_param(name));
  if (!v) throw BadInput("error.bad_number", name);
  return v;
}

}  // namespace

void RegisterApi(http::App& app, Service& svc) {
  // ---- procedures ----
  app.api("GET", "/api/v1/procedures", http::Access::kPublic, [&svc](Context& ctx) {
    ProcedureQuery q;
    q.q = ctx.req.query_param("q");
    q.unit_code = ctx.req.query_param("unit");
    q.include_inactive = ctx.req.query_param("include_inactive") == "true";
    q.limit = IntQuery(ctx, "limit").value_or(50);
    boost::json::array items;
    for (auto& p : svc.SearchProcedures(ctx.user, q)) items.push_back(ToJson(p));
    return http::Json(200, {{"items", items}});
  });
  app.api("GET", "/api/v1/procedures/{id}", http::Access::kPublic, [&svc](Context& ctx) {
    return http::Json(
        200, ToJson(svc.GetProcedure(ctx.user, IdParam(ctx, "desk.procedure_not_found"), IntQuery(ctx, "version"))));
  });
  app.api("POST", "/api/v1/procedures", http::Access::kUser, [&svc](Context& ctx) {
    auto in = MergeProcedure({}, http::ParseJsonObject(ctx.req));
    auto p = svc.CreateProcedure(*ctx.user, in);
    auto r = http::Json(201, ToJson(p));
    r.set_header("Location", "/api/v1/procedures/" + std::to_string(p.id));
    return r;
  });
  app.api("PATCH", "/api/v1/procedures/{id}", http::Access::kUser, [&svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    auto merge = [&b](const Procedure& current) { return MergeProcedure(InputOf(current), b); };
    return http::Json(200, ToJson(svc.PatchProcedure(*ctx.user, IdParam(ctx, "desk.procedure_not_found"), merge)));
  });
  app.api("DELETE", "/api/v1/procedures/{id}", http::Access::kUser, [&svc](Context& ctx) {
    return http::Json(200, ToJson(svc.SetProcedureActive(*ctx.user, IdParam(ctx, "desk.procedure_not_found"), false)));
  });
  app.api("PUT", "/api/v1/procedures/{id}/same-day/{unit}", http::Access::kUser, [&svc](Context& ctx) {
    return http::Json(200, ToJson(svc.SetSameDay(*ctx.user, IdParam(ctx, "desk.procedure_not_found"),
                                                 ctx.req.params.at("unit"), true)));
  });
  app.api("DELETE", "/api/v1/procedures/{id}/same-day/{unit}", http::Access::kUser, [&svc](Context& ctx) {
    return http::Json(200, ToJson(svc.SetSameDay(*ctx.user, IdParam(ctx, "desk.procedure_not_found"),
                                                 ctx.req.params.at("unit"), false)));
  });
}

}  // namespace fg::desk
