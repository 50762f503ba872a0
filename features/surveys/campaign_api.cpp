// The survey campaigns' JSON API: campaigns (list, create, get), invitations,
// results, and the citizen's answer with an invitation token.
#include <algorithm>
#include <boost/json.hpp>

#include "features/surveys/json.h"
#include "features/surveys/routes.h"
#include "features/surveys/rules.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"
#include "platform/render/page.h"

namespace fg::surveys {
namespace {

namespace json = boost::json;
using http::Context;

json::object CampaignJson(const Campaign& k) {
  json::array units;
  for (const auto& u : k.unit_codes) units.push_back(json::value(u));
  return {{"id", k.id},
          {"name", k.name},
          {"questionnaire_id", k.questionnaire_id},
          {"from", k.from},
          {"to", k.to},
          {"units", units},
          {"target", k.target},
          {"repeat_6_months", k.repeat_6_months},
          {"created_at", k.created_at},
          {"version", k.version},
          {"closed_on", k.closed() ? json::value(k.closed_on) : json::value(nullptr)}};
}

json::object RoundJson(int round, const Campaign& dates, bool open) {
  return {{"number", round}, {"from", dates.from}, {"to", dates.to}, {"open", open}};
}

std::string PublicBase() { return render::Site().public_url; }

json::object InvitationJson(const Invitation& i) {
  json::object o{{"id", i.id},
                 {"unit_id", i.unit_id},
                 {"unit_name", i.unit_name},
                 {"token", i.token},
                 {"url", PublicBase() + "/khao-sat/" + i.token}};
  if (i.official_id) {
    o["official_id"] = i.official_id;
    o["official_name"] = i.official_name;
  }
  return o;
}

json::object ShareJson(const stats::Share& s) {
  return {{"count", s.count}, {"total", s.total}, {"value", s.value},
          {"low", s.low},     {"high", s.high},   {"too_few", s.too_few}};
}

json::array ElementsJson(const std::vector<ElementLine>& lines) {
  json::array elements;
  for (const auto& e : lines) {
    json::array levels;
    for (auto n : e.counts) levels.push_back(n);
    elements.push_back({{"element", e.element}, {"levels", levels}, {"index", ShareJson(e.share)}});
  }
  return elements;
}

json::object ResultsJson(const CampaignReport& r) {
  if (r.by == "official") {
    json::array groups;
    for (const auto& g : r.groups)
      groups.push_back({{"official_id", std::stoll(g.key)},
                        {"official_name", g.label},
                        {"responses", g.responses},
                        {"elements", ElementsJson(g.elements)},
                        {"sipas_index", g.sipas}});
    return {{"campaign_id", r.campaign.id},
            {"round", RoundJson(r.round, r.round_dates, r.open)},
            {"unit", r.unit_code},
            {"unit_name", r.unit_name},
            {"by", "official"},
            {"responses", r.responses},
            {"minimum", r.minimum},
            {"officials", groups}};
  }
  json::array elements, questions;
  for (const auto& e : r.elements) {
    json::array levels;
    for (auto n : e.counts) levels.push_back(n);
    elements.push_back({{"element", e.element}, {"levels", levels}, {"index", ShareJson(e.share)}});
  }
  for (const auto& q : r.questions) {
    json::object answers;
    for (const auto& [value, n] : q.answers) answers[value] = n;
    questions.push_back(
        {{"key", q.question.key}, {"kind", KindName(q.question.kind)}, {"answered", q.answered}, {"answers", answers}});
  }
  return {{"campaign_id", r.campaign.id},
          {"round", RoundJson(r.round, r.round_dates, r.open)},
          {"unit", r.unit_code},
          {"unit_name", r.unit_name},
          {"by", "unit"},
          {"responses", r.responses},
          {"minimum", r.minimum},
          {"elements", elements},
          {"sipas_index", r.sipas},
          {"questions", questions}};
}

std::string_view StateName(AnswerState s) {
  switch (s) {
    case AnswerState::kOpen: return "open";
    case AnswerState::kNotYet: return "not_started";
    case AnswerState::kClosed: return "closed";
    case AnswerState::kAnswered: return "answered";
  }
  return "open";
}

// {"q1": "5", "q2": 3, "q7": ["0", 2], "q20": "text"}: every value as text.
Answers AnswersFrom(const json::object& body) {
  Answers out;
  auto it = body.find("answers");
  if (it == body.end() || !it->value().is_object()) throw BadInput("surveys.answers_object", "answers");
  auto text = [](const json::value& v) -> std::optional<std::string> {
    if (v.is_string()) return std::string(v.as_string());
    if (v.is_int64()) return std::to_string(v.as_int64());
    if (v.is_uint64()) return std::to_string(v.as_uint64());
    return std::nullopt;
  };
  for (const auto& [k, v] : it->value().as_object()) {
    auto& list = out[std::string(k)];
    if (v.is_array()) {
      if (v.as_array().size() > kMaxOptions) throw BadInput("surveys.answer_invalid", "answers." + std::string(k));
      for (const auto& e : v.as_array()) {
        auto t = text(e);
        if (!t) throw BadInput("surveys.answer_invalid", "answers." + std::string(k));
        list.push_back(*t);
      }
    } else if (auto t = text(v)) {
      list.push_back(*t);
    } else if (!v.is_null()) {
      throw BadInput("surveys.answer_invalid", "answers." + std::string(k));
    }
  }
  return out;
}

// The open link's device id (the API has no cookie): X-Device-Id, 8..64 of
// [A-Za-z0-9_-]; "" without the header (the address then stands for the device).
std::string DeviceOf(const Context& ctx) {
  std::string d(ctx.req.header("x-device-id"));
  if (d.empty()) return d;
  const bool ok = d.size() >= 8 && d.size() <= 64 && std::all_of(d.begin(), d.end(), [](char ch) {
                    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                           ch == '-' || ch == '_';
                  });
  if (!ok) throw BadInput("surveys.device_id", "X-Device-Id");
  return "api:" + d;
}

json::object TargetJson(const AnswerTarget& t) {
  return {{"campaign", t.campaign.name},
          {"unit_name", t.unit_name},
          {"round", RoundJson(t.round, t.round_dates, t.state == AnswerState::kOpen)},
          {"state", StateName(t.state)},
          {"questionnaire", ToJson(t.questionnaire)}};
}

int64_t IdOf(const Context& ctx) {
  auto id = ctx.req.id_param("id");
  if (!id) throw NotFound("surveys.campaign_not_found");
  return *id;
}

}  // namespace

void RegisterCampaignApi(http::App& app, const std::shared_ptr<Service>& svc) {
  app.api("GET", "/api/v1/surveys/campaigns", http::Access::kUser, [svc](Context& ctx) {
    json::array items;
    for (const auto& s : svc->Campaigns(*ctx.user)) {
      auto o = CampaignJson(s.campaign);
      o["round"] = RoundJson(s.round, s.round_dates, s.open);
      o["responses"] = s.responses;
      o["target_total"] = s.target_total;
      items.push_back(std::move(o));
    }
    return http::Json(200, {{"items", items}});
  });
  app.api("POST", "/api/v1/surveys/campaigns", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"name", "questionnaire_id", "from", "to", "units", "target", "repeat_6_months"});
    CampaignInput in;
    in.name = http::JsonString(b, "name").value_or("");
    // Without a questionnaire: the SIPAS template.
    in.questionnaire_id =
        b.contains("questionnaire_id") ? http::JsonInt(b, "questionnaire_id").value_or(0) : svc->SipasTemplate().id;
    in.from = http::JsonString(b, "from").value_or("");
    in.to = http::JsonString(b, "to").value_or("");
    if (auto u = b.find("units"); u != b.end()) {
      if (!u->value().is_array() || u->value().as_array().size() > kMaxCampaignUnits)
        throw BadInput("surveys.campaign_units", "units");
      for (const auto& v : u->value().as_array()) {
        if (!v.is_string()) throw BadInput("surveys.campaign_units", "units");
        in.unit_codes.emplace_back(v.as_string());
      }
    }
    if (auto t = b.find("target"); t != b.end())
      in.target = t->value().is_int64()    ? std::to_string(t->value().as_int64())
                  : t->value().is_string() ? std::string(t->value().as_string())
                                           : "";
    in.repeat_6_months = http::JsonBool(b, "repeat_6_months").value_or(false);
    return http::Json(201, CampaignJson(svc->CreateCampaign(*ctx.user, in)));
  });
  app.api("GET", "/api/v1/surveys/campaigns/{id}", http::Access::kUser, [svc](Context& ctx) {
    const auto v = svc->GetCampaign(*ctx.user, IdOf(ctx));
    auto o = CampaignJson(v.campaign);
    o["questionnaire_name"] = v.questionnaire_name;
    o["round"] = RoundJson(v.round, v.round_dates, v.open);
    json::array units;
    for (const auto& u : v.units)
      units.push_back({{"code", u.code},
                       {"name", u.name},
                       {"responses", u.responses},
                       {"target", v.campaign.target},
                       {"link", u.link},
                       {"open_link", PublicBase() + "/khao-sat/mo/" + u.link}});
    o["progress"] = units;
    return http::Json(200, o);
  });
  // Name, end date, target, or {"closed": true}; the version read in "version" or If-Match.
  app.api("PATCH", "/api/v1/surveys/campaigns/{id}", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"version", "name", "to", "target", "closed"});
    const int64_t id = IdOf(ctx);
    CampaignEdit in;
    std::optional<int64_t> version = http::JsonInt(b, "version");
    if (std::string_view m = ctx.req.header("if-match"); !m.empty()) {
      std::string v(m);
      std::erase(v, '"');
      auto n = http::ParseInt64(v);
      if (!n) throw BadInput("error.bad_number", "If-Match");
      version = n;
    }
    if (!version) throw BadInput("surveys.campaign_version_required", "version");
    in.version = *version;
    const auto closed = http::JsonBool(b, "closed");
    if (closed && !*closed) throw BadInput("surveys.campaign_reopen", "closed");
    if (closed) {
      if (b.contains("name") || b.contains("to") || b.contains("target"))
        throw BadInput("surveys.campaign_close_alone", "closed");
      svc->CloseCampaign(*ctx.user, id, in.version);
    } else {
      if (b.contains("name")) in.name = http::JsonString(b, "name").value_or("");
      if (b.contains("to")) in.to = http::JsonString(b, "to").value_or("");
      if (auto t = b.find("target"); t != b.end())
        in.target = t->value().is_int64()    ? std::to_string(t->value().as_int64())
                    : t->value().is_string() ? std::string(t->value().as_string())
                                             : "";
      svc->UpdateCampaign(*ctx.user, id, in);
    }
    const auto v = svc->GetCampaign(*ctx.user, id);
    auto o = CampaignJson(v.campaign);
    o["round"] = RoundJson(v.round, v.round_dates, v.open);
    auto res = http::Json(200, o);
    res.set_header("ETag", "\"" + std::to_string(v.campaign.version) + "\"");
    return res;
  });
  app.api("POST", "/api/v1/surveys/campaigns/{id}/invitations", http::Access::kUser, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"unit", "count", "per_official"});
    std::string count;
    if (auto c = b.find("count"); c != b.end())
      count = c->value().is_int64()    ? std::to_string(c->value().as_int64())
              : c->value().is_string() ? std::string(c->value().as_string())
                                       : "x";
    json::array items;
    for (const auto& i : svc->CreateInvitations(*ctx.user, IdOf(ctx), http::JsonString(b, "unit").value_or(""), count,
                                                http::JsonBool(b, "per_official").value_or(false)))
      items.push_back(InvitationJson(i));
    return http::Json(201, {{"items", items}});
  });
  app.api("GET", "/api/v1/surveys/campaigns/{id}/results", http::Access::kUser, [svc](Context& ctx) {
    int round = 0;
    int64_t minimum = 0;
    if (auto r = ctx.req.query_param("round"); !r.empty()) {
      auto v = http::ParseInt64(r);
      if (!v || *v < 1 || *v > kMaxRounds) throw BadInput("surveys.report_round", "round");
      round = static_cast<int>(*v);
    }
    if (auto m = ctx.req.query_param("minimum"); !m.empty()) minimum = http::ParseInt64(m).value_or(-1);
    return http::Json(200, ResultsJson(svc->CampaignResults(*ctx.user, IdOf(ctx), ctx.req.query_param("unit"), round,
                                                            minimum, ctx.req.query_param("by"))));
  });
  // The citizen's, with a unit's open link (registered before {token}: "open" is no token). Once per
  // device (X-Device-Id) per round, 20 per address per hour, as the page.
  app.api("GET", "/api/v1/public/surveys/open/{link}", http::Access::kPublic, [svc](Context& ctx) {
    const std::string device = DeviceOf(ctx);
    return http::Json(200, TargetJson(svc->OpenTarget(ctx.req.params.at("link"),
                                                      device.empty() ? "address:" + ctx.req.remote_addr : device)));
  });
  app.api("POST", "/api/v1/public/surveys/open/{link}/responses", http::Access::kPublic, [svc](Context& ctx) {
    const std::string device = DeviceOf(ctx);
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"answers"});
    const auto r = svc->AnswerOpen(ctx.req.params.at("link"), device, ctx.req.remote_addr, AnswersFrom(b));
    return http::Json(201, {{"id", r.id}, {"campaign_id", r.campaign_id}, {"round", r.round}});
  });
  // The citizen's, with an invitation token: the questionnaire and whether it may still be answered.
  app.api("GET", "/api/v1/public/surveys/{token}", http::Access::kPublic, [svc](Context& ctx) {
    return http::Json(200, TargetJson(svc->InvitationTarget(ctx.req.params.at("token"))));
  });
  app.api("POST", "/api/v1/public/surveys/{token}/responses", http::Access::kPublic, [svc](Context& ctx) {
    auto b = http::ParseJsonObject(ctx.req);
    http::JsonAllowOnly(b, {"answers"});
    const auto r = svc->Answer(ctx.req.params.at("token"), AnswersFrom(b));
    return http::Json(201, {{"id", r.id}, {"campaign_id", r.campaign_id}, {"round", r.round}});
  });
}

}  // namespace fg::surveys
