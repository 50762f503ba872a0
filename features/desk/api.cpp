// The desk's JSON API: procedures (public reading), dossiers and their transitions.
#include <boost/json.hpp>
#include <chrono>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "features/desk/json.h"
#include "features/desk/routes.h"
#include "features/desk/rules.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"
#include "platform/render/messages.h"
#include "platform/time.h"

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

boost::json::value DetailJson(const DossierDetail& d) {
  auto o = ToJson(d.dossier).as_object();
  boost::json::array handovers, entries;
  for (auto& h : d.handovers) handovers.push_back(ToJson(h));
  for (auto& e : d.entries) entries.push_back(ToJson(e));
  o["handovers"] = handovers;
  o["history"] = entries;
  o["apology"] = d.apology ? ToJson(*d.apology) : boost::json::value();
  return o;
}

boost::json::value PublicJson(const PublicView& v) {
  auto o = ToJson(v.dossier, false).as_object();
  o["state_name"] = render::Text("desk.state." + std::string(StateName(v.dossier.state)));
  boost::json::array timeline;
  for (auto& e : v.entries) {
    boost::json::object t{{"at", InstantJson(e.at)},
                          {"action", ActionName(e.action)},
                          {"text", render::Text("desk.action." + std::string(ActionName(e.action)))},
                          {"state", StateName(e.to)}};
    if (v.personal) t["note"] = e.note;
    timeline.push_back(std::move(t));
  }
  o["timeline"] = timeline;
  o["personal"] = v.personal;
  if (v.personal) o["applicant"] = {{"name", v.dossier.applicant.name}, {"address", v.dossier.applicant.address}};
  return o;
}

IntakeInput IntakeFrom(const boost::json::object& b) {
  http::JsonAllowOnly(b, {"procedure_id", "unit_code", "applicant", "summary", "documents", "return_method",
                          "notify_channel", "notify_opt_out"});
  IntakeInput in;
  in.procedure_id = http::JsonInt(b, "procedure_id").value_or(0);
  in.unit_code = http::JsonString(b, "unit_code").value_or("");
  if (auto it = b.find("applicant"); it != b.end()) {
    const auto& a = ObjectAt(it->value(), "applicant");
    in.applicant = Nested("applicant", [&] {
      http::JsonAllowOnly(a, {"name", "id_number", "phone", "email", "address"});
      return Applicant{http::JsonString(a, "name").value_or(""), http::JsonString(a, "id_number").value_or(""),
                       http::JsonString(a, "phone").value_or(""), http::JsonString(a, "email").value_or(""),
                       http::JsonString(a, "address").value_or("")};
    });
  }
  in.summary = http::JsonString(b, "summary").value_or("");
  in.documents = DocumentsIn(b);
  in.return_method = http::JsonString(b, "return_method").value_or("");
  in.notify_channel = http::JsonString(b, "notify_channel").value_or("");
  in.notify_opt_out = http::JsonBool(b, "notify_opt_out").value_or(false);
  return in;
}

TransitionInput TransitionFrom(const Context& ctx, Action a) {
  TransitionInput in;
  in.action = a;
  if (!ctx.req.body.empty()) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b,
                        {"version", "reason", "to_official", "step", "returned_to", "new_due_date", "override_reason"});
    in.expected_version = http::JsonInt(b, "version");
    in.reason = http::JsonString(b, "reason").value_or("");
    in.to_official = http::JsonInt(b, "to_official");
    in.step = http::JsonInt(b, "step");
    in.returned_to = http::JsonString(b, "returned_to").value_or("");
    in.new_due_date = http::JsonString(b, "new_due_date").value_or("");
    in.override_reason = http::JsonString(b, "override_reason").value_or("");
  }
  // If-Match: "<version>" (quotes optional) gives the version too.
  if (std::string_view m = ctx.req.header("if-match"); !m.empty()) {
    std::string v(m);
    std::erase(v, '"');
    auto n = http::ParseInt64(v);
    if (!n) throw BadInput("error.bad_number", "If-Match");
    in.expected_version = n;
  }
  return in;
}

// Answers of the public lookup without the 4 digits (the same for every
// caller), by code: served again while the dossier's version is unchanged
// (Service::Lookup checks it with one point read) and for at most 10 minutes
// (what the version does not cover: the receiving unit renamed). At most 10,000 codes; past
// that an arbitrary one makes room.
class PublicAnswers {
 public:
  struct Answer {
    int64_t version;
    std::chrono::steady_clock::time_point fresh_until;
    std::string body;
  };
  std::shared_ptr<const Answer> find(const std::string& code) {
    std::lock_guard lock(mu_);
    auto it = answers_.find(code);
    if (it == answers_.end() || it->second->fresh_until < std::chrono::steady_clock::now()) return nullptr;
    return it->second;
  }
  void put(const std::string& code, int64_t version, const std::string& body) {
    auto a = std::make_shared<const Answer>(
        Answer{version, std::chrono::steady_clock::now() + std::chrono::minutes(10), body});
    std::lock_guard lock(mu_);
    if (answers_.size() >= 10000 && !answers_.contains(code)) answers_.erase(answers_.begin());
    answers_[code] = std::move(a);
  }

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const Answer>> answers_;
};

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

  // ---- dossiers ----
  app.api("POST", "/api/v1/dossiers", http::Access::kUser, [&svc](Context& ctx) {
    auto in = IntakeFrom(http::ParseJsonObject(ctx.req));
    in.client_key = std::string(ctx.req.header("idempotency-key"));
    auto res = svc.Receive(*ctx.user, in);
    auto r = http::Json(res.created ? 201 : 200, DetailJson(res.detail));
    r.set_header("Location", "/api/v1/dossiers/" + http::UrlEncode(res.detail.dossier.code));
    return r;
  });
  app.api("GET", "/api/v1/dossiers", http::Access::kUser, [&svc](Context& ctx) {
    DossierQuery q;
    q.unit_code = ctx.req.query_param("unit");
    q.q = ctx.req.query_param("q");
    if (ctx.req.has_query_param("view")) {
      auto v = ParseView(ctx.req.query_param("view"));
      if (!v) throw BadInput("desk.bad_view", "view");
      q.view = *v;
    }
    if (ctx.req.has_query_param("state")) {
      q.state = ParseState(ctx.req.query_param("state"));
      if (!q.state) throw BadInput("desk.bad_state", "state");
    }
    q.procedure_id = IntQuery(ctx, "procedure");
    q.assignee_id = IntQuery(ctx, "assignee");
    if (ctx.req.has_query_param("due_before")) {
      auto t = ParseRfc3339(ctx.req.query_param("due_before"));
      if (!t) throw BadInput("desk.bad_instant", "due_before");
      q.due_before = FormatUtc(*t);
    }
    if (ctx.req.has_query_param("cursor")) {
      auto c = http::ParseInt64(ctx.req.query_param("cursor"));
      if (!c || *c <= 0) throw BadInput("desk.bad_cursor", "cursor");
      q.after_id = *c;
    }
    q.limit = IntQuery(ctx, "limit").value_or(50);
    auto page = svc.ListDossiers(*ctx.user, q);
    boost::json::array items;
    for (auto& d : page.items) items.push_back(ToJson(d));
    return http::Json(200, {{"items", items},
                            {"next_cursor", page.next_cursor ? boost::json::value(std::to_string(page.next_cursor))
                                                             : boost::json::value()}});
  });
  // Before /api/v1/dossiers/{code}, which would take "stats" for a code.
  app.api("GET", "/api/v1/dossiers/stats", http::Access::kUser, [&svc](Context& ctx) {
    StatsQuery q;
    q.unit_code = ctx.req.query_param("unit");
    q.from = ctx.req.query_param("from");
    q.to = ctx.req.query_param("to");
    q.procedure = ctx.req.query_param("procedure");
    q.official = ctx.req.query_param("official");
    q.by = ctx.req.query_param("by");
    return http::Json(200, ToJson(svc.Statistics(*ctx.user, q)));
  });
  app.api("GET", "/api/v1/dossiers/{code}", http::Access::kUser, [&svc](Context& ctx) {
    return http::Json(200, DetailJson(svc.GetDossier(*ctx.user, ctx.req.params.at("code"))));
  });
  app.api("POST", "/api/v1/dossiers/{code}/actions/{action}", http::Access::kUser, [&svc](Context& ctx) {
    auto a = ParseAction(ctx.req.params.at("action"));
    if (!a || *a == Action::kReceive) throw AppError(ErrorKind::kNotFound, "desk.bad_action");
    auto detail = svc.Apply(*ctx.user, ctx.req.params.at("code"), TransitionFrom(ctx, *a));
    auto r = http::Json(200, DetailJson(detail));
    r.set_header("ETag", "\"" + std::to_string(detail.dossier.version) + "\"");
    return r;
  });
  // Anonymous callers are rate limited per address (Service::LimitLookups), as the /tra-cuu page.
  app.api("GET", "/api/v1/public/dossiers/{code}", http::Access::kPublic,
          [&svc, answers = std::make_shared<PublicAnswers>()](Context& ctx) {
            const std::string& code = ctx.req.params.at("code");
            const std::string check = ctx.req.query_param("check");
            try {
              auto held = check.empty() ? answers->find(code) : nullptr;
              auto view = svc.Lookup(code, check, ctx.user ? "" : ctx.req.remote_addr,
                                     held ? std::optional(held->version) : std::nullopt);
              if (view.unchanged) return http::Response::Text(200, held->body, "application/json");
              auto r = http::Json(200, PublicJson(view));
              if (check.empty()) answers->put(code, view.dossier.version, r.body);
              return r;
            } catch (const AppError& e) {
              if (e.kind() != ErrorKind::kTooMany) throw;
              auto r = http::Problem(429, render::Text("status.429"), render::Text(e.key(), e.args()), ctx.req.path);
              r.set_header("Retry-After", std::to_string(svc.LookupWindow().count()));
              return r;
            }
          });
}

}  // namespace fg::desk
