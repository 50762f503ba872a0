#include "features/notify/service.h"

#include <algorithm>
#include <boost/json.hpp>
#include <iterator>

#include "features/notify/callbacks.h"
#include "features/notify/channels.h"
#include "features/notify/repo.h"
#include "features/notify/rules.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::notify {
namespace {
using auth::Role;

const char* const kMasked = "********";

bool Works(const auth::Principal& p, const std::string& path) {
  return auth::Covers(p, path, {Role::kAdmin, Role::kLeader, Role::kDesk});
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (auto& s : v) out += (out.empty() ? "{" : ", {") + s + "}";
  return out;
}

}  // namespace

std::vector<Message> Service::List(const auth::Principal& p, const std::string& status, const std::string& unit_code,
                                   int64_t limit) {
  if (!status.empty() && status != "queued" && status != "sent" && status != "delivered" && status != "failed")
    throw BadInput("notify.bad_status", "status");
  limit = std::clamp<int64_t>(limit, 1, 1000);
  return db_.read([&](db::Conn& c) {
    std::vector<std::string> paths;
    if (!unit_code.empty()) {
      auto u = repo::UnitByCode(c, unit_code);
      if (!u) throw NotFound("error.not_found");
      if (!Works(p, u->path)) throw Forbidden();
      paths.push_back(u->path);
    } else if (auth::Covers(p, "/")) {
      paths.emplace_back("/");
    } else {
      for (auto& g : p.grants)
        if (g.role == Role::kAdmin || g.role == Role::kLeader || g.role == Role::kDesk) paths.push_back(g.unit_path);
      if (paths.empty()) throw Forbidden();
    }
    std::vector<Message> out;
    for (auto& path : paths)
      for (auto& m : repo::Messages(c, status, path, limit))
        if (std::none_of(out.begin(), out.end(), [&](const Message& x) { return x.id == m.id; }))
          out.push_back(std::move(m));
    std::sort(out.begin(), out.end(), [](const Message& a, const Message& b) { return a.id > b.id; });
    if (static_cast<int64_t>(out.size()) > limit) out.resize(static_cast<size_t>(limit));
    return out;
  });
}

bool Service::CanRetry(const auth::Principal& p) {
  return auth::Covers(p, "/") || std::any_of(p.grants.begin(), p.grants.end(), [](const auth::Grant& g) {
           return g.role == Role::kAdmin || g.role == Role::kLeader || g.role == Role::kDesk;
         });
}

Message Service::Retry(const auth::Principal& p, int64_t id) {
  return db_.write([&](db::Conn& c) {
    auto m = repo::MessageById(c, id);
    if (!m) throw NotFound("notify.message_not_found");
    auto u = repo::UnitById(c, m->unit_id);
    if (!u || !Works(p, u->path)) throw Forbidden();
    if (!repo::Requeue(c, id, NowUtcText())) throw AppError(ErrorKind::kConflict, "notify.not_failed");
    events::Append(c, events::By(p, m->unit_id, "outbox", std::to_string(id), "retry", "", ""));
    return *repo::MessageById(c, id);
  });
}

Message Service::Callback(const std::string& channel, const std::string& token, const std::string& status,
                          const std::string& error) {
  const int64_t id = VerifyCallback(token);
  if (!IsChannel(channel)) throw NotFound("notify.bad_channel");
  Problems problems;
  if (status != "delivered" && status != "failed") problems.add(BadInput("notify.bad_delivery_status", "status"));
  const std::string err = problems.check([&] { return text::Clean("error", error, 500, false); });
  problems.raise_if_any();
  return db_.write([&](db::Conn& c) {
    if (!repo::MessageById(c, id)) throw NotFound("notify.message_not_found");
    const std::string last =
        status == "failed" ? (err.empty() ? channel + ": failed (gateway)" : channel + ": " + err) : "";
    if (!repo::MarkDelivery(c, id, channel, status, last, NowUtcText()))
      throw AppError(ErrorKind::kConflict, "notify.not_sent");
    return *repo::MessageById(c, id);
  });
}

int64_t Service::VerifyCallback(const std::string& token) {
  const auto id = db_.read([&](db::Conn& c) { return CallbackTokenId(token, CallbackKey(c)); });
  if (!id) throw AppError(ErrorKind::kForbidden, "notify.bad_token");
  return *id;
}

std::vector<Message> Service::OfDossier(int64_t dossier_id) {
  return db_.read([&](db::Conn& c) { return repo::MessagesOfDossier(c, dossier_id); });
}

Template Service::GetTemplate(const std::string& event, const std::string& channel) {
  if (!IsEvent(event)) throw BadInput("notify.bad_event", "event");
  if (channel != "sms" && channel != "email") throw BadInput("notify.bad_channel", "channel");
  auto saved = db_.read([&](db::Conn& c) { return repo::LatestTemplate(c, event, channel); });
  if (saved) return *saved;
  Template t{event, channel, 0, "", render::Text("notify.tpl." + event + "." + channel), ""};
  if (channel == "email") t.subject = render::Text("notify.tpl." + event + ".subject");
  return t;
}

std::vector<Template> Service::TemplateHistory(const std::string& event, const std::string& channel) {
  if (!IsEvent(event)) throw BadInput("notify.bad_event", "event");
  return db_.read([&](db::Conn& c) { return repo::TemplateVersions(c, event, channel, 50); });
}

bool Service::CanSaveTemplates(const auth::Principal& p) {
  return auth::Covers(p, "/") || std::any_of(p.grants.begin(), p.grants.end(), [](const auth::Grant& g) {
           return g.role == Role::kAdmin && std::count(g.unit_path.begin(), g.unit_path.end(), '/') == 2;
         });
}

bool Service::IsAdministrator(const auth::Principal& p) {
  return auth::Covers(p, "/") ||
         std::any_of(p.grants.begin(), p.grants.end(), [](const auth::Grant& g) { return g.role == Role::kAdmin; });
}

Template Service::SaveTemplate(const auth::Principal& p, const Template& in) {
  if (!CanSaveTemplates(p)) throw Forbidden();
  Template t = CheckTemplate(in);
  t.version = db_.write([&](db::Conn& c) {
    const int64_t version = repo::InsertTemplate(c, t, p.official_id, NowUtcText());
    events::Append(c, events::By(p, std::nullopt, "notify_template", t.event + "/" + t.channel, "save", "",
                                 boost::json::serialize(boost::json::object{{"version", version}})));
    return version;
  });
  return t;
}

Template Service::CheckTemplate(const Template& in) {
  Problems problems;
  if (!IsEvent(in.event)) problems.add(BadInput("notify.bad_event", "event"));
  if (in.channel != "sms" && in.channel != "email") problems.add(BadInput("notify.bad_channel", "channel"));
  problems.raise_if_any();
  Template t = in;
  problems.check([&] { t.body = text::Clean("body", in.body, 2000, true, true); });
  if (t.channel == "email")
    problems.check([&] { t.subject = text::Clean("subject", in.subject, 200, true); });
  else
    t.subject.clear();
  const std::string valid = Joined(Placeholders(t.event));
  for (auto [field, value] : {std::pair{"subject", &t.subject}, std::pair{"body", &t.body}}) {
    const auto unknown = UnknownPlaceholders(t.event, *value);
    if (!unknown.empty())
      problems.add(
          BadInput("notify.template_unknown_placeholder", field, {{"unknown", Joined(unknown)}, {"valid", valid}}));
  }
  problems.raise_if_any();
  return t;
}

std::vector<Channel> Service::Channels(const auth::Principal& p, const std::string& unit_code, bool with_secrets) {
  auto out = db_.read([&](db::Conn& c) {
    auto u = repo::UnitByCode(c, unit_code);
    if (!u) throw NotFound("error.not_found");
    if (!Works(p, u->path)) throw Forbidden();
    return repo::Channels(c, u->id);
  });
  if (!with_secrets)
    for (auto& ch : out)
      for (auto& [k, v] : ch.config)
        if (IsSecret(k) && !v.empty()) v = kMasked;
  return out;
}

namespace {

bool Flag(const std::string& k) { return k == "ascii" || k == "night" || k == "starttls"; }

bool Digits(const std::string& v) {
  return !v.empty() && v.size() <= 6 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool HttpUrl(const std::string& v) { return v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0; }

// A setting of `ch`, "" when it has none.
std::string Setting(const Channel& ch, const std::string& key) {
  auto it = ch.config.find(key);
  return it == ch.config.end() ? std::string() : it->second;
}

// Secrets are write-only: one left out keeps its saved value, but only while the
// channel's addresses are those it was saved with (a changed one needs it typed
// again, so that a saved token or password is never sent to a new host).
void KeepSecrets(Channel& ch, const Channel& saved, Problems& problems) {
  const bool moved = Setting(saved, "url") != Setting(ch, "url") || Setting(saved, "cs_url") != Setting(ch, "cs_url");
  for (const auto& [k, v] : saved.config) {
    if (!IsSecret(k) || ch.config.count(k)) continue;
    if (moved)
      problems.add(BadInput("notify.secret_again", ch.name + "." + k));
    else
      ch.config[k] = v;
  }
}

// The checks that need the whole of a channel's settings (secrets kept included).
void CheckChannel(const Channel& ch, Problems& problems) {
  auto get = [&](const char* k) { return Setting(ch, k); };
  auto field = [&](const char* k) { return ch.name + "." + k; };
  for (auto& [k, v] : ch.config) {
    const std::string f = ch.name + "." + k;
    if (Flag(k) && v != "1") problems.add(BadInput("notify.channel_bad_flag", f));
    if (k == "timeout_ms" && (!Digits(v) || std::stol(v) < 100 || std::stol(v) > 120000))
      problems.add(BadInput("notify.channel_bad_timeout", f));
  }
  if (ch.name == "email") {
    const std::string url = get("url");
    if (url.empty())
      problems.add(BadInput("error.required", field("url")));
    else if (url.rfind("smtp://", 0) != 0 && url.rfind("smtps://", 0) != 0)
      problems.add(BadInput("notify.channel_bad_smtp_url", field("url")));
    if (get("from").empty()) problems.add(BadInput("error.required", field("from")));
    problems.check([&] { text::Email(field("from"), get("from")); });
    if (!get("password").empty() && get("username").empty())
      problems.add(BadInput("notify.channel_password_without_user", field("username")));
  } else if (ch.name == "sms") {
    const std::string url = get("url");
    if (url.empty())
      problems.add(BadInput("error.required", field("url")));
    else if (!HttpUrl(url))
      problems.add(BadInput("notify.channel_bad_http_url", field("url")));
    const std::string method = get("method");
    if (!method.empty() && method != "GET" && method != "POST" && method != "PUT")
      problems.add(BadInput("notify.channel_bad_method", field("method")));
    const std::string enc = get("body_encoding");
    if (!enc.empty() && enc != "json" && enc != "form" && enc != "raw")
      problems.add(BadInput("notify.channel_bad_encoding", field("body_encoding")));
    const std::string status = get("success_status");
    if (!status.empty() && (!Digits(status) || status.size() != 3))
      problems.add(BadInput("notify.channel_bad_status", field("success_status")));
    const std::string auth = get("auth_header");
    if (!auth.empty() && (auth.find(':') == std::string::npos || auth.find('\n') != std::string::npos))
      problems.add(BadInput("notify.channel_bad_header", field("auth_header")));
  } else if (ch.name == "zalo" || ch.name == "facebook") {  // facebook has no cs_url
    for (const char* key : {"url", "cs_url"})
      if (!get(key).empty() && !HttpUrl(get(key))) problems.add(BadInput("notify.channel_bad_http_url", field(key)));
    if (get("access_token").empty() && !problems.has(field("access_token")))  // not when asked to type it again
      problems.add(BadInput("error.required", field("access_token")));
  }
}

}  // namespace

void Service::SetChannels(const auth::Principal& p, const std::string& unit_code,
                          const std::vector<Channel>& channels) {
  Problems problems;
  if (channels.size() > std::size(kChannels)) throw BadInput("notify.channel_twice", "channel");
  std::vector<Channel> clean;
  for (auto& ch : channels) {
    if (!IsChannel(ch.name)) {
      problems.add(BadInput("notify.bad_channel", "channel"));
      continue;
    }
    if (std::any_of(clean.begin(), clean.end(), [&](const Channel& x) { return x.name == ch.name; })) {
      problems.add(BadInput("notify.channel_twice", "channel"));
      continue;
    }
    Channel out{ch.name, 0, {}};
    const auto keys = ChannelKeys(ch.name);
    for (const auto& entry : ch.config) {
      const std::string& k = entry.first;  // not structured bindings: a lambda below reads them
      const std::string& v = entry.second;
      const std::string f = ch.name + "." + k;
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
        problems.add(BadInput("error.unknown_field", f));
        continue;
      }
      const bool multiline = k == "headers" || k == "body";
      std::string value = problems.check([&] { return text::Clean(f, v, multiline ? 2000 : 500, false, multiline); });
      if (Flag(k) && value == "0") value.clear();
      if (IsSecret(k) && value == kMasked) value.clear();  // the masked value sent back: kept
      if (!value.empty()) out.config[k] = value;
    }
    clean.push_back(std::move(out));
  }
  db_.write([&](db::Conn& c) {
    auto u = repo::UnitByCode(c, unit_code);
    if (!u) throw NotFound("error.not_found");
    if (!auth::Covers(p, u->path, {Role::kAdmin})) throw Forbidden();
    const auto old = repo::Channels(c, u->id);
    for (auto& ch : clean)
      for (const auto& o : old)
        if (o.name == ch.name) KeepSecrets(ch, o, problems);
    for (auto& ch : clean) CheckChannel(ch, problems);
    problems.raise_if_any();  // every problem at once, nothing written
    const std::string now = NowUtcText();
    for (auto& o : old) repo::DeleteChannel(c, u->id, o.name);
    int64_t pos = 0;
    for (auto& ch : clean) {
      ch.position = pos++;
      repo::PutChannel(c, u->id, ch, now);
    }
    // Which channels, in which order: never their settings (secrets).
    auto names = [](const std::vector<Channel>& list) {
      boost::json::array a;
      for (const auto& ch : list) a.emplace_back(ch.name);
      return boost::json::serialize(boost::json::object{{"channels", a}});
    };
    events::Append(c, events::By(p, u->id, "notify_channels", unit_code, "set", names(old), names(clean)));
  });
}

bool Service::CanSetChannels(const auth::Principal& p, const std::string& unit_code) {
  return db_.read([&](db::Conn& c) {
    auto u = repo::UnitByCode(c, unit_code);
    return u && auth::Covers(p, u->path, {Role::kAdmin});
  });
}

UnitName Service::Unit(const std::string& unit_code) {
  auto u = db_.read([&](db::Conn& c) { return repo::UnitByCode(c, unit_code); });
  if (!u) throw NotFound("error.not_found");
  return {u->code, u->name};
}

std::map<std::string, std::string> Service::SampleParams(const std::string& event) {
  std::map<std::string, std::string> out;
  for (auto& p : Placeholders(event)) out[p] = render::Text("notify.sample." + p);
  return out;
}

std::vector<ChannelCounts> Service::Counts() {
  return db_.read([&](db::Conn& c) { return repo::Counts(c, NowUtcText()); });
}

std::string Service::MetricsText() {
  std::string out =
      "# HELP friendlygov_outbox_messages Outbox messages by channel (\"none\": not tried yet) and status.\n"
      "# TYPE friendlygov_outbox_messages gauge\n";
  std::string oldest =
      "# HELP friendlygov_outbox_oldest_queued_seconds Age of the oldest queued message by channel.\n"
      "# TYPE friendlygov_outbox_oldest_queued_seconds gauge\n";
  for (auto& x : Counts()) {
    const std::string ch = x.channel.empty() ? "none" : x.channel;
    out += "friendlygov_outbox_messages{channel=\"" + ch + "\",status=\"queued\"} " + std::to_string(x.queued) + "\n";
    out += "friendlygov_outbox_messages{channel=\"" + ch + "\",status=\"sent\"} " + std::to_string(x.sent) + "\n";
    out += "friendlygov_outbox_messages{channel=\"" + ch + "\",status=\"failed\"} " + std::to_string(x.failed) + "\n";
    oldest += "friendlygov_outbox_oldest_queued_seconds{channel=\"" + ch + "\"} " +
              std::to_string(x.oldest_queued_seconds) + "\n";
  }
  return out + oldest;
}

}  // namespace fg::notify
