// The letters' JSON API: letters (list, make, CSV batch, actions, PDF, batch
// print), templates, settings, counts, "do not send".
#include <boost/json.hpp>

#include "features/letters/json.h"
#include "features/letters/routes.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"

namespace fg::letters {
namespace {

using http::Context;

int64_t Id(const Context& ctx) {
  if (auto id = ctx.req.id_param("id")) return *id;
  throw NotFound("letters.not_found");
}

TemplateInput TemplateFrom(const boost::json::object& b) {
  http::JsonAllowOnly(b, {"title", "front", "back", "paper", "border"});
  return {http::JsonString(b, "title").value_or(""), http::JsonString(b, "front").value_or(""),
          http::JsonString(b, "back").value_or(""), http::JsonString(b, "paper").value_or(""),
          http::JsonBool(b, "border")};
}

bool IsCsv(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  type.erase(0, type.find_first_not_of(' '));
  type.erase(type.find_last_not_of(' ') + 1);
  return type == "text/csv";
}

}  // namespace

void RegisterApi(http::App& app, Service& svc) {
  // Before /api/v1/letters/{id}.
  app.api("GET", "/api/v1/letters/counts", http::Access::kUser, [&svc](Context& ctx) {
    return http::Json(200, ToJson(svc.CountsOf(*ctx.user, ctx.req.query_param("unit"), ctx.req.query_param("from"),
                                               ctx.req.query_param("to"))));
  });
  app.api("GET", "/api/v1/letters/do-not-send", http::Access::kUser, [&svc](Context& ctx) {
    boost::json::array items;
    for (const auto& d : svc.DoNotSendList(*ctx.user, ctx.req.query_param("unit"))) items.push_back(ToJson(d));
    return http::Json(200, {{"items", items}});
  });
  app.api("POST", "/api/v1/letters/do-not-send", http::Access::kUser, [&svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"unit_code", "name", "id_number", "phone", "note"});
    DoNotSend in;
    in.unit_code = http::JsonString(b, "unit_code").value_or("");
    in.name = http::JsonString(b, "name").value_or("");
    in.id_number = http::JsonString(b, "id_number").value_or("");
    in.phone = http::JsonString(b, "phone").value_or("");
    in.note = http::JsonString(b, "note").value_or("");
    return http::Json(201, ToJson(svc.AddDoNotSend(*ctx.user, in)));
  });
  app.api("DELETE", "/api/v1/letters/do-not-send/{id}", http::Access::kUser, [&svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("letters.do_not_send_not_found");
    svc.RemoveDoNotSend(*ctx.user, *id);
    return http::Response::Text(204, "");
  });
  app.api("POST", "/api/v1/letters/import", http::Access::kUser, [&svc](Context& ctx) {
    if (!IsCsv(ctx.req.header("content-type")))
      throw AppError(ErrorKind::kUnsupportedMediaType, "letters.csv_media_type");
    boost::json::array items;
    for (const auto& l : svc.CreateFromCsv(*ctx.user, ctx.req.query_param("unit"), ctx.req.body))
      items.push_back(ToJson(l, true));
    return http::Json(201, {{"created", items.size()}, {"items", items}});
  });
  app.api("POST", "/api/v1/letters/print", http::Access::kUser, [&svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"ids"});
    std::vector<int64_t> ids;
    auto it = b.find("ids");
    if (it == b.end() || !it->value().is_array()) throw BadInput("error.json_type", "ids", {{"type", "array"}});
    for (const auto& v : it->value().as_array()) {
      if (!v.is_int64()) throw BadInput("error.json_type", "ids", {{"type", "array"}});
      ids.push_back(v.as_int64());
    }
    return http::Response::InlineFile(svc.BatchPdf(*ctx.user, ids), "application/pdf", "thu.pdf");
  });
  app.api("GET", "/api/v1/letters", http::Access::kUser, [&svc](Context& ctx) {
    LetterQuery q;
    q.unit_code = ctx.req.query_param("unit");
    q.type = ctx.req.query_param("type");
    q.state = ctx.req.query_param("state");
    q.from = ctx.req.query_param("from");
    q.to = ctx.req.query_param("to");
    if (ctx.req.has_query_param("cursor")) {
      auto c = http::ParseInt64(ctx.req.query_param("cursor"));
      if (!c || *c <= 0) throw BadInput("error.bad_number", "cursor");
      q.after_id = *c;
    }
    if (ctx.req.has_query_param("limit")) {
      auto l = http::ParseInt64(ctx.req.query_param("limit"));
      if (!l) throw BadInput("letters.bad_limit", "limit");
      q.limit = *l;
    }
    auto page = svc.List(*ctx.user, q);
    boost::json::array items;
    for (const auto& l : page.items) items.push_back(ToJson(l, true));
    return http::Json(200, {{"items", items},
                            {"next_cursor", page.next_cursor ? boost::json::value(std::to_string(page.next_cursor))
                                                             : boost::json::value()}});
  });
  app.api("POST", "/api/v1/letters", http::Access::kUser, [&svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"unit_code", "type", "recipient_name", "recipient_address", "recipient_phone", "occasion",
                            "event_date", "dossier_code", "channel", "signer_title", "signer_name"});
    auto s = [&](const char* k) { return http::JsonString(b, k).value_or(""); };
    LetterInput in{s("unit_code"),       s("type"),         s("recipient_name"), s("recipient_address"),
                   s("recipient_phone"), s("occasion"),     s("event_date"),     s("dossier_code"),
                   s("channel"),         s("signer_title"), s("signer_name")};
    auto l = svc.Create(*ctx.user, in);
    auto r = http::Json(201, ToJson(l, true));
    r.set_header("Location", "/api/v1/letters/" + std::to_string(l.id));
    return r;
  });
  app.api("GET", "/api/v1/letters/{id}", http::Access::kUser,
          [&svc](Context& ctx) { return http::Json(200, ToJson(svc.Get(*ctx.user, Id(ctx)), true)); });
  // A draft's own text; "revision" is the one read (409 letters.stale when it changed since).
  app.api("PATCH", "/api/v1/letters/{id}", http::Access::kUser, [&svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"revision", "title", "front", "back"});
    const int64_t id = Id(ctx);
    auto revision = http::JsonInt(b, "revision");
    if (!revision) throw BadInput("letters.revision_required", "revision");
    LetterEdit in;
    in.revision = *revision;
    // A field left out keeps the draft's text.
    const Letter now = svc.Get(*ctx.user, id);
    in.title = http::JsonString(b, "title").value_or(now.title);
    in.front = http::JsonString(b, "front").value_or(now.front);
    in.back = http::JsonString(b, "back").value_or(now.back);
    return http::Json(200, ToJson(svc.EditDraft(*ctx.user, id, in), true));
  });
  app.api("GET", "/api/v1/letters/{id}/pdf", http::Access::kUser, [&svc](Context& ctx) {
    const int64_t id = Id(ctx);
    return http::Response::InlineFile(svc.Pdf(*ctx.user, id), "application/pdf", "thu-" + std::to_string(id) + ".pdf");
  });
  app.api("POST", "/api/v1/letters/{id}/actions/{action}", http::Access::kUser, [&svc](Context& ctx) {
    std::string channel;
    if (!ctx.req.body.empty()) {
      auto b = http::ParseJsonObject(ctx.req);
      http::JsonAllowOnly(b, {"channel"});
      channel = http::JsonString(b, "channel").value_or("");
    }
    return http::Json(200, ToJson(svc.Act(*ctx.user, Id(ctx), ctx.req.params.at("action"), channel), true));
  });

  // ---- templates and settings ----
  app.api("GET", "/api/v1/letter-templates/{type}", http::Access::kUser, [&svc](Context& ctx) {
    const std::string type = ctx.req.params.at("type"), unit = ctx.req.query_param("unit");
    auto o = ToJson(svc.GetTemplate(*ctx.user, unit, type)).as_object();
    boost::json::array versions;
    for (const auto& t : svc.TemplateVersions(*ctx.user, unit, type))
      versions.push_back({{"version", t.version}, {"created_at", t.created_at}});
    o["versions"] = versions;
    return http::Json(200, o);
  });
  app.api("PUT", "/api/v1/letter-templates/{type}", http::Access::kUser, [&svc](Context& ctx) {
    return http::Json(200, ToJson(svc.SaveTemplate(*ctx.user, ctx.req.query_param("unit"), ctx.req.params.at("type"),
                                                   TemplateFrom(http::ParseJsonObject(ctx.req)))));
  });
  app.api("POST", "/api/v1/letter-templates/{type}/preview", http::Access::kUser, [&svc](Context& ctx) {
    return http::Json(200, ToJson(svc.Preview(*ctx.user, ctx.req.query_param("unit"), ctx.req.params.at("type"),
                                              TemplateFrom(http::ParseJsonObject(ctx.req))),
                                  true));
  });
  app.api("GET", "/api/v1/letter-settings", http::Access::kUser, [&svc](Context& ctx) {
    return http::Json(200, ToJson(svc.GetSettings(*ctx.user, ctx.req.query_param("unit"))));
  });
  app.api("PUT", "/api/v1/letter-settings", http::Access::kUser, [&svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"place", "signer_title", "signer_name"});
    Settings in;
    in.place = http::JsonString(b, "place").value_or("");
    in.signer_title = http::JsonString(b, "signer_title").value_or("");
    in.signer_name = http::JsonString(b, "signer_name").value_or("");
    return http::Json(200, ToJson(svc.PutSettings(*ctx.user, ctx.req.query_param("unit"), in)));
  });
}

}  // namespace fg::letters
