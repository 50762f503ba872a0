#include "features/notify/sender.h"

#include "features/notify/callbacks.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include "features/notify/channels.h"
#include "features/notify/repo.h"
#include "features/notify/rules.h"
#include "platform/render/messages.h"
#include "platform/time.h"

namespace fg::notify {
namespace {

std::string HtmlEscaped(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\n': out += "<br>\n"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string RandomOwner() {
  char host[64] = {0};
  gethostname(host, sizeof host - 1);
  std::random_device rd;
  return std::string(host) + ":" + std::to_string(getpid()) + ":" + std::to_string(rd() % 100000);
}

}  // namespace

Outgoing Render(db::Conn& c, const Message& m, const Channel& ch, const std::string& unit_name,
                const std::string& public_url) {
  Outgoing out;
  out.idem_key = m.idem_key;
  out.event = m.event;
  out.phone = m.phone;
  out.email = m.email;
  out.zalo_user_id = m.zalo_user_id;
  out.facebook_user_id = m.facebook_user_id;
  out.params = m.params;
  auto code = out.params["code"];
  if (out.params["unit"].empty()) out.params["unit"] = unit_name;
  if (out.params["pickup"].empty()) out.params["pickup"] = unit_name;
  out.params["link"] = public_url + "/tra-cuu?ma=" + code;
  if (const std::string key = CallbackKey(c); !key.empty())
    out.callback_url = public_url + "/api/v1/notify/callbacks/" + ch.name + "?token=" + CallbackToken(m.id, key);
  // A chat takes the whole text, as an e-mail does; a phone the short one.
  const bool chat = (ch.name == "zalo" && !m.zalo_user_id.empty()) || ch.name == "facebook";
  const std::string kind = ch.name == "email" || chat ? "email" : "sms";
  auto saved = repo::LatestTemplate(c, m.event, kind);
  const std::string body = saved ? saved->body : render::Text("notify.tpl." + m.event + "." + kind);
  out.text = render::Fill(body, out.params);
  if (kind == "email") {
    const std::string subject = saved ? saved->subject : render::Text("notify.tpl." + m.event + ".subject");
    out.subject = render::Fill(subject, out.params);
    out.html = "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><body><p>" + HtmlEscaped(out.text) +
               "</p></body></html>";
  }
  return out;
}

Sender::Sender(db::Db& db, SenderOptions opt) : db_(db), opt_(std::move(opt)), rng_(std::random_device{}()) {
  if (opt_.owner.empty()) opt_.owner = RandomOwner();
}

Sender::~Sender() { Stop(); }

void Sender::Start() {
  try {  // the key that signs delivery callback URLs, before the first send
    db_.write([](db::Conn& c) { EnsureCallbackKey(c); });
  } catch (const std::exception& e) {
    spdlog::warn("notify sender: no callback key: {}", e.what());
  }
  thread_ = std::thread([this] {
    while (true) {
      int64_t n = 0;
      try {
        n = RunOnce();
      } catch (const std::exception& e) {
        spdlog::warn("notify sender: {}", e.what());
      }
      std::unique_lock lk(mu_);
      if (stop_) return;
      if (n == 0) cv_.wait_for(lk, opt_.idle, [this] { return stop_ || woken_; });
      woken_ = false;
      if (stop_) return;
    }
  });
}

void Sender::Stop() {
  {
    std::lock_guard lk(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Sender::Wake() {
  {
    std::lock_guard lk(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

int64_t Sender::RunOnce() {
  const SysSeconds now = Now();
  if (!db_.read([&](db::Conn& c) { return repo::AnyDue(c, FormatUtc(now)); })) return 0;
  auto claimed = db_.write(
      [&](db::Conn& c) { return repo::Claim(c, opt_.owner, FormatUtc(now), FormatUtc(now + opt_.lease), opt_.batch); });
  for (const auto& m : claimed) {
    try {
      Deliver(m);
    } catch (const std::exception& e) {  // the lease expires and the message is tried again
      spdlog::warn("notify sender: message {}: {}", m.id, e.what());
    }
  }
  return static_cast<int64_t>(claimed.size());
}

void Sender::Deliver(const Message& m) {
  struct Found {
    std::vector<Channel> route;
    std::string unit_name;
    bool unconfigured = false;  // the unit (and its parents) set no channel
    std::optional<Outgoing> out;
  };
  const SysSeconds now = Now();
  Found f = db_.read([&](db::Conn& c) {
    Found f;
    auto unit = repo::UnitById(c, m.unit_id);
    auto channels = unit ? repo::ChannelsFor(c, unit->path) : std::vector<Channel>{};
    if (channels.empty() && opt_.log_when_unconfigured) channels.push_back({"log", 0, {}});
    f.unconfigured = channels.empty();
    f.unit_name = unit ? unit->name : "";
    f.route = Route(channels, m.channel_pref, m.phone, m.email, m.zalo_user_id, m.facebook_user_id);
    if (!f.route.empty())
      f.out = Render(c, m, f.route[static_cast<size_t>(m.attempts) % f.route.size()], f.unit_name, opt_.public_url);
    return f;
  });
  const std::string now_text = FormatUtc(now);
  // A failed attempt: tried again later with back-off (the next channel at
  // once), "failed" after the limit or a permanent refusal by the only channel.
  auto failed = [&](const std::string& channel, const std::string& error, bool permanent, int64_t n) {
    const int64_t attempts = m.attempts + 1;
    const bool give_up = attempts >= kMaxAttempts * n || (permanent && n == 1);
    std::uniform_real_distribution<double> jitter(0.0, 1.0);
    const SysSeconds next = attempts % n != 0 ? Now() : Now() + Backoff(attempts / n, jitter(rng_));
    spdlog::info("notify: message {} via {} failed (attempt {}): {}", m.id, channel, attempts, error);
    db_.write([&](db::Conn& c) {
      return repo::MarkAttempt(c, m.id, opt_.owner, attempts, give_up ? "failed" : "queued", FormatUtc(next), channel,
                               error, FormatUtc(Now()));
    });
  };
  // Nowhere to send yet: the message waits (with back-off) for an
  // administrator to set a channel, and is "failed" if none comes in time.
  if (f.unconfigured) return failed("", "no channel is set for the unit", false, 1);
  if (f.route.empty()) {
    db_.write([&](db::Conn& c) {
      return repo::MarkAttempt(c, m.id, opt_.owner, m.attempts, "failed", m.next_at, "",
                               "no channel for this recipient", now_text);
    });
    return;
  }
  const int64_t n = static_cast<int64_t>(f.route.size());
  const Channel& ch = f.route[static_cast<size_t>(m.attempts % n)];
  if (ch.name == "sms") {
    const auto night = ch.config.find("night");
    const SysSeconds not_before = NotBefore(now, night != ch.config.end() && night->second == "1");
    if (not_before > now) {
      db_.write([&](db::Conn& c) { return repo::Defer(c, m.id, opt_.owner, FormatUtc(not_before), now_text); });
      return;
    }
  }
  // The claim leased a batch; by this message's turn that lease may have run
  // out and another sender may hold it. Renew it (covering the longest send,
  // 120 s) and send only if it is still ours.
  const bool ours = db_.write([&](db::Conn& c) {
    return repo::Renew(c, m.id, opt_.owner, FormatUtc(Now() + opt_.lease + std::chrono::seconds(120)), now_text);
  });
  if (!ours) return;
  const SendResult r = Send(ch, *f.out);
  if (after_send_for_testing && !after_send_for_testing(m, r)) return;
  if (r.ok) {
    const std::string done_text = FormatUtc(Now());
    db_.write([&](db::Conn& c) { return repo::MarkSent(c, m.id, opt_.owner, ch.name, r.provider_id, done_text); });
    return;
  }
  failed(ch.name, r.error, r.permanent, n);
}

}  // namespace fg::notify
