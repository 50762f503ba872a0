#include "features/notify/service.h"

#include <algorithm>

#include "features/notify/channels.h"
#include "features/notify/repo.h"
#include "features/notify/rules.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::notify {
namespace {
using auth::Role;

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
  if (!status.empty() && status != "queued" && status != "sent" && status != "failed")
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
      paths.push_back("/");
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
    return *repo::MessageById(c, id);
  });
}

std::vector<Message> Service::OfDossier(int64_t dossier_id) {
  return db_.read([&](db::Conn& c) { return repo::MessagesOfDossier(c, dossier_id); });
}

Template Service::GetTemplate(const std::string& event, const std::string& channel) {
  if (!IsEvent(event)) throw BadInput("notify.bad_event", "event");
  if (channel != "sms" && channel != "email") throw BadInput("notify.bad_channel", "channel");
  auto saved = db_.read([&](db::Conn& c) { return repo::LatestTemplate(c, event, channel); });
  if (saved) return *saved;
  Template t{event, channel, 0, "", render::Text("notify.tpl." + event + "." + channel)};
  if (channel == "email") t.subject = render::Text("notify.tpl." + event + ".subject");
  return t;
}

Template Service::SaveTemplate(const auth::Principal& p, const Template& in) {
  const bool top_admin =
      auth::Covers(p, "/") || std::any_of(p.grants.begin(), p.grants.end(), [](const auth::Grant& g) {
        return g.role == Role::kAdmin && std::count(g.unit_path.begin(), g.unit_path.end(), '/') == 2;
      });
  if (!top_admin) throw Forbidden();
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
  t.version = db_.write([&](db::Conn& c) { return repo::InsertTemplate(c, t, p.official_id, NowUtcText()); });
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
        if (IsSecret(k) && !v.empty()) v = "********";
  return out;
}

void Service::SetChannels(const auth::Principal& p, const std::string& unit_code,
                          const std::vector<Channel>& channels) {
  for (auto& ch : channels)
    if (!IsChannel(ch.name)) throw BadInput("notify.bad_channel", "channel");
  db_.write([&](db::Conn& c) {
    auto u = repo::UnitByCode(c, unit_code);
    if (!u) throw NotFound("error.not_found");
    if (!auth::Covers(p, u->path, {Role::kAdmin})) throw Forbidden();
    const std::string now = NowUtcText();
    for (auto& old : repo::Channels(c, u->id)) repo::DeleteChannel(c, u->id, old.name);
    int64_t pos = 0;
    for (auto ch : channels) {
      ch.position = pos++;
      repo::PutChannel(c, u->id, ch, now);
    }
  });
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
