// The feedback JSON API (docs/api.md):
//   GET  /api/v1/feedback, POST /api/v1/feedback, GET /api/v1/feedback/{code},
//   POST /api/v1/feedback/{code}/actions: the register for officials (the same
//     service calls and rights as the pages; personal data included);
//   POST /api/v1/feedback/webhooks/{channel}/{unit}: Zalo OA and Facebook page
//     webhooks, authorised by the platform's signature only (service.h Webhook);
//   PUT  /api/v1/feedback/channels/{channel}?unit=CODE: connect a unit's mailbox
//     or account, administrators covering the unit;
//   GET, POST /api/v1/feedback/dialogues, GET /api/v1/feedback/dialogues/{id},
//   POST .../{id}/record, POST .../{id}/items: dialogue sessions (the pages' calls).
#include "features/feedback/routes.h"
#include "features/feedback/webhook.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"

namespace fg::feedback {
namespace {

boost::json::value OptText(const std::string& s) {
  return s.empty() ? boost::json::value(nullptr) : boost::json::value(s);
}
boost::json::value OptId(const std::optional<int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object ItemJson(const Item& i) {
  return {
      {"code", i.code},
      {"unit_code", i.unit_code},
      {"unit_name", i.unit_name},
      {"kind", KindName(i.kind)},
      {"channel", i.channel},
      {"category", i.category},
      {"state", StateName(i.state)},
      {"version", i.version},
      {"title", i.title},
      {"content", i.content},
      {"person",
       {{"name", i.person.name}, {"phone", i.person.phone}, {"email", i.person.email}, {"address", i.person.address}}},
      {"anonymous", i.anonymous},
      {"dossier_code", OptText(i.dossier_code)},
      {"procedure_code", OptText(i.procedure_code)},
      {"about_official_id", OptId(i.about_official_id)},
      {"assignee_id", OptId(i.assignee_id)},
      {"assignee_name", OptText(i.assignee_name)},
      {"received_at", i.received_at},
      {"due_at", OptText(i.due_at)},
      {"extended", i.extended},
      {"paused_since", OptText(i.paused_since)},
      {"reply_draft", OptText(i.reply_draft)},
      {"reply", OptText(i.reply)},
      {"published", i.published},
      {"published_answer", OptText(i.published_answer)},
      {"answered_at", OptText(i.answered_at)},
      {"closed_at", OptText(i.closed_at)},
      {"timeliness", OptText(i.timeliness)},
      {"reopen_count", i.reopen_count},
      {"merged_into", OptText(i.merged_into_code)},
      {"lookup_key", OptText(i.lookup_key)}};
}

// The service names the pages' fields; the API's are plain. `unit_code` is the
// register's body field but the list's `unit` query parameter.
AppError ApiFields(const AppError& e, bool unit_param = false) {
  return WithFieldsRenamed(e, [&](const std::string& f) -> std::string {
    if (f == "feedback_kind") return "kind";
    if (f == "feedback_title") return "title";
    if (f == "feedback_text") return "text";
    if (f == "unit_code" && unit_param) return "unit";
    return f;
  });
}

std::string_view UrgencyName(Urgency u) {
  return u == Urgency::kOverdue ? "overdue" : u == Urgency::kDueSoon ? "due_soon" : "none";
}

boost::json::object DetailJson(const Detail& d) {
  boost::json::object o = ItemJson(d.item);
  o["urgency"] = UrgencyName(d.urgency);
  boost::json::array steps, actions, photos, files;
  for (const auto& s : d.steps)
    steps.push_back({{"at", s.at},
                     {"action", s.action},
                     {"actor_id", OptId(s.actor_id)},
                     {"actor_name", OptText(s.actor_name)},
                     {"text", OptText(s.text)},
                     {"internal", s.internal}});
  for (Action a : d.actions) actions.emplace_back(ActionName(a));
  for (const auto& p : d.photos)
    photos.push_back({{"n", p.n},
                      {"mime", p.mime},
                      {"width", p.width},
                      {"height", p.height},
                      {"size", p.size},
                      {"url", "/feedback/" + d.item.code + "/anh/" + std::to_string(p.n)}});
  for (const auto& f : d.attachments)
    files.push_back({{"n", f.n},
                     {"filename", f.filename},
                     {"mime", f.mime},
                     {"size", f.size},
                     {"url", "/feedback/" + d.item.code + "/tep/" + std::to_string(f.n)}});
  o["steps"] = std::move(steps);
  o["attachments"] = std::move(files);
  o["actions"] = std::move(actions);
  o["photos"] = std::move(photos);
  return o;
}

// ---- dialogue sessions ----

boost::json::object SessionJson(const Session& s) {
  return {{"id", s.id},
          {"unit_code", s.unit_code},
          {"unit_name", s.unit_name},
          {"title", s.title},
          {"held_on", s.held_on},
          {"starts_at", s.starts_at},
          {"place", s.place},
          {"hosts", OptText(s.hosts)},
          {"invited", OptText(s.invited)},
          {"state", s.state == SessionState::kHeld ? "held" : "planned"},
          {"attendees", s.attendees},
          {"attendance", OptText(s.attendance)},
          {"conclusions", OptText(s.summary)},
          {"version", s.version},
          {"items", s.items},
          {"created_at", s.created_at},
          {"updated_at", s.updated_at}};
}

// An issue raised at a session: its progress (the item's details are at /api/v1/feedback/{code}).
boost::json::array RaisedJson(const std::vector<Item>& items) {
  boost::json::array out;
  for (const auto& i : items)
    out.push_back({{"code", i.code},
                   {"title", i.title},
                   {"kind", KindName(i.kind)},
                   {"state", StateName(i.state)},
                   {"unit_code", i.unit_code},
                   {"due_at", OptText(i.due_at)},
                   {"answered_at", OptText(i.answered_at)},
                   {"timeliness", OptText(i.timeliness)}});
  return out;
}

AppError SessionFields(const AppError& e) {
  return WithFieldsRenamed(e, [](const std::string& f) -> std::string {
    if (f == "session_title" || f == "feedback_title") return "title";
    if (f == "session_place") return "place";
    if (f == "feedback_kind") return "kind";
    return f;
  });
}

int64_t SessionId(const http::Context& ctx) {
  const auto id = ctx.req.id_param("id");
  if (!id) throw NotFound("feedback.dialogue.not_found");
  return *id;
}

void RegisterDialogueApi(http::App& app, const std::shared_ptr<Service>& svc) {
  app.api("GET", "/api/v1/feedback/dialogues", http::Access::kUser, [svc](http::Context& ctx) {
    boost::json::array sessions;
    for (const auto& s : svc->Sessions(*ctx.user)) sessions.push_back(SessionJson(s));
    return http::Json(200, {{"sessions", std::move(sessions)}});
  });
  app.api("POST", "/api/v1/feedback/dialogues", http::Access::kUser, [svc](http::Context& ctx) {
    const auto body = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(body, {"unit_code", "title", "held_on", "starts_at", "place", "hosts", "invited"});
    auto text = [&](const char* key) { return http::JsonString(body, key).value_or(""); };
    SessionInput in{text("unit_code"), text("title"), text("held_on"), text("starts_at"),
                    text("place"),     text("hosts"), text("invited")};
    try {
      const Session s = svc->PlanSession(*ctx.user, in);
      http::Response r = http::Json(201, SessionJson(s));
      r.set_header("Location", "/api/v1/feedback/dialogues/" + std::to_string(s.id));
      return r;
    } catch (const AppError& e) {
      throw SessionFields(e);
    }
  });
  app.api("GET", "/api/v1/feedback/dialogues/{id}", http::Access::kUser, [svc](http::Context& ctx) {
    const SessionView v = svc->SessionOf(*ctx.user, SessionId(ctx));
    boost::json::object out = SessionJson(v.session);
    out["items"] = v.raised.size();
    out["raised"] = RaisedJson(v.raised);
    boost::json::value previous = nullptr;
    if (v.previous) {
      auto p = SessionJson(*v.previous);
      p["items"] = v.previous_raised.size();
      previous = std::move(p);
    }
    out["previous"] = std::move(previous);
    out["previous_raised"] = RaisedJson(v.previous_raised);
    return http::Json(200, std::move(out));
  });
  app.api("POST", "/api/v1/feedback/dialogues/{id}/record", http::Access::kUser, [svc](http::Context& ctx) {
    const auto body = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(body, {"attendees", "attendance", "conclusions", "version"});
    SessionRecord r;
    if (auto n = http::JsonInt(body, "attendees")) r.attendees = std::to_string(*n);
    r.attendance = http::JsonString(body, "attendance").value_or("");
    r.summary = http::JsonString(body, "conclusions").value_or("");
    const auto version = http::JsonInt(body, "version");
    if (!version) throw BadInput("error.required", "version");
    r.version = *version;
    try {
      return http::Json(200, SessionJson(svc->RecordSession(*ctx.user, SessionId(ctx), r)));
    } catch (const AppError& e) {
      throw SessionFields(e);
    }
  });
  app.api("POST", "/api/v1/feedback/dialogues/{id}/items", http::Access::kUser, [svc](http::Context& ctx) {
    const auto body = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(body, {"kind", "category", "title", "content", "name", "phone", "email", "address"});
    auto text = [&](const char* key) { return http::JsonString(body, key).value_or(""); };
    ItemInput in;
    in.kind = text("kind");
    in.category = text("category");
    in.title = text("title");
    in.content = text("content");
    in.person = {text("name"), text("phone"), text("email"), text("address")};
    try {
      const Item item = svc->RaiseInSession(*ctx.user, SessionId(ctx), in);
      http::Response r = http::Json(201, DetailJson(svc->Get(*ctx.user, item.code)));
      r.set_header("Location", "/api/v1/feedback/" + item.code);
      return r;
    } catch (const AppError& e) {
      throw SessionFields(e);
    }
  });
}

}  // namespace

void RegisterApi(http::App& app, const std::shared_ptr<Service>& svc) {
  RegisterDialogueApi(app, svc);
  app.api("GET", "/api/v1/feedback", http::Access::kUser, [svc](http::Context& ctx) {
    ListQuery q;
    q.unit_code = ctx.req.query_param("unit");
    q.kind = ctx.req.query_param("kind");
    q.state = ctx.req.query_param("state");
    q.urgency = ctx.req.query_param("urgency");
    if (ctx.req.has_query_param("limit")) {
      const auto limit = http::ParseInt64(ctx.req.query_param("limit"));
      if (!limit || *limit < 1 || *limit > 500) throw BadInput("feedback.bad_limit", "limit");
      q.limit = static_cast<int>(*limit);
    }
    if (ctx.req.has_query_param("before_id")) {
      const auto before = http::ParseInt64(ctx.req.query_param("before_id"));
      if (!before || *before < 1) throw BadInput("feedback.bad_before_id", "before_id");
      q.before_id = *before;
    }
    try {
      int64_t next = 0;
      const auto listed = svc->List(*ctx.user, q, &next);
      boost::json::array items;
      for (const auto& l : listed) {
        boost::json::object o = ItemJson(l.item);
        o["urgency"] = UrgencyName(l.urgency);
        items.push_back(std::move(o));
      }
      boost::json::object out{{"items", std::move(items)}};
      out["next_before_id"] = next ? boost::json::value(next) : boost::json::value(nullptr);
      return http::Json(200, std::move(out));
    } catch (const AppError& e) {
      throw ApiFields(e, /*unit_param=*/true);
    }
  });
  app.api("POST", "/api/v1/feedback", http::Access::kUser, [svc](http::Context& ctx) {
    const auto body = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(body, {"kind", "channel", "category", "unit_code", "title", "content", "name", "phone", "email",
                               "address", "dossier_code", "procedure_code", "official_id", "received_at"});
    ItemInput in;
    auto text = [&](const char* key) { return http::JsonString(body, key).value_or(""); };
    in.kind = text("kind");
    in.channel = text("channel");
    in.category = text("category");
    in.unit_code = text("unit_code");
    in.title = text("title");
    in.content = text("content");
    in.person = {text("name"), text("phone"), text("email"), text("address")};
    in.dossier_code = text("dossier_code");
    in.procedure_code = text("procedure_code");
    in.official_id = http::JsonInt(body, "official_id");
    in.received_at = text("received_at");
    try {
      const Item item = svc->Register(*ctx.user, in);
      http::Response r = http::Json(201, DetailJson(svc->Get(*ctx.user, item.code)));
      r.set_header("Location", "/api/v1/feedback/" + item.code);
      return r;
    } catch (const AppError& e) {
      throw ApiFields(e);
    }
  });
  app.api("GET", "/api/v1/feedback/{code}", http::Access::kUser, [svc](http::Context& ctx) {
    return http::Json(200, DetailJson(svc->Get(*ctx.user, ctx.req.params.at("code"))));
  });
  app.api("POST", "/api/v1/feedback/{code}/actions", http::Access::kUser, [svc](http::Context& ctx) {
    const auto body = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(body, {"action", "text", "unit_code", "assignee_id", "target_code"});
    ActionInput in;
    const auto action = ParseAction(http::JsonString(body, "action").value_or(""));
    if (!action) throw BadInput("feedback.bad_action", "action");
    in.action = *action;
    in.text = http::JsonString(body, "text").value_or("");
    in.unit_code = http::JsonString(body, "unit_code").value_or("");
    in.assignee_id = http::JsonInt(body, "assignee_id");
    in.target_code = http::JsonString(body, "target_code").value_or("");
    try {
      return http::Json(200, DetailJson(svc->Apply(*ctx.user, ctx.req.params.at("code"), in)));
    } catch (const AppError& e) {
      throw ApiFields(e);
    }
  });
  app.api("POST", "/api/v1/feedback/webhooks/{channel}/{unit}", http::Access::kPublic, [svc](http::Context& ctx) {
    const std::string channel = ctx.req.params.at("channel");
    const std::string signature(ctx.req.header(channel == "facebook" ? "x-hub-signature-256" : "x-zevent-signature"));
    const auto r = svc->Webhook(channel, ctx.req.params.at("unit"), ctx.req.body, signature);
    boost::json::array codes;
    for (const auto& c : r.codes) codes.emplace_back(c);
    return http::Json(200, {{"created", r.created}, {"duplicates", r.duplicates}, {"codes", codes}});
  });
  app.api("PUT", "/api/v1/feedback/channels/{channel}", http::Access::kUser, [svc](http::Context& ctx) {
    const auto body = http::ParseJsonObject(ctx.req);
    const std::string channel = ctx.req.params.at("channel");
    if (channel == "email") {  // the mailbox: its IMAP address and login
      http::JsonAllowOnly(body, {"url", "username", "password", "skip_backlog"});
      try {
        svc->PutMailbox(*ctx.user, ctx.req.query_param("unit"), http::JsonString(body, "url").value_or(""),
                        http::JsonString(body, "username").value_or(""),
                        http::JsonString(body, "password").value_or(""),
                        http::JsonBool(body, "skip_backlog").value_or(false));
      } catch (const AppError& e) {  // the body's own names
        throw WithFieldsRenamed(e, [](const std::string& f) { return f.starts_with("mail_") ? f.substr(5) : f; });
      }
      return http::Response::Text(204, "");
    }
    http::JsonAllowOnly(body, {"app_id", "secret"});
    svc->PutChannel(*ctx.user, ctx.req.query_param("unit"), channel, http::JsonString(body, "app_id").value_or(""),
                    http::JsonString(body, "secret").value_or(""));
    return http::Response::Text(204, "");
  });
}

}  // namespace fg::feedback
