// Notifications to citizens: the outbox, channels, templates (issue 11).
//
// A change that should tell the citizen (a dossier received, a supplement
// requested, an apology, a result ready, a refusal) writes an outbox row in
// the same write as the change (Enqueue, outbox.h). A Sender (sender.h), one
// per process, claims due rows with a lease and delivers them after commit
// through the unit's channels in preference order (channels.h).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fg::notify {

// The events that send a message, by their stored name.
inline constexpr const char* kEvents[] = {"received", "supplement", "apology", "result_ready", "refused"};
// The channels, by their stored name.
inline constexpr const char* kChannels[] = {"log", "email", "sms", "zalo", "facebook"};

struct Message {
  int64_t id = 0;
  std::string idem_key;  // unique per message; sent to gateways that deduplicate
  int64_t unit_id = 0;
  std::optional<int64_t> dossier_id;
  std::string dossier_code;  // joined (lists)
  std::string event;
  std::string channel_pref;  // the citizen's choice ("" = the unit's order)
  std::string phone, email;
  std::string zalo_user_id;                   // a citizen who wrote to the unit's Zalo OA: answered in that chat
  std::string facebook_user_id;               // one who wrote to the unit's Facebook page: answered in Messenger
  std::map<std::string, std::string> params;  // the template's placeholders
  std::string status = "queued";              // queued | sent | failed
  int64_t attempts = 0;
  std::string next_at;
  std::string channel;      // the channel that sent it, or was last tried
  std::string provider_id;  // the gateway's message id
  std::string last_error;
  std::string created_at, sent_at, updated_at;
};

// One of a unit's channels: its settings (channels.h reads them).
struct Channel {
  std::string name;  // log | email | sms | zalo | facebook
  int64_t position = 0;
  std::map<std::string, std::string> config;
};

// A template's text for one event on one channel.
struct Template {
  std::string event, channel;
  int64_t version = 0;  // 0: the shipped default
  std::string subject, body;
  std::string created_at;  // saved versions
};

// What a channel's send returned.
struct SendResult {
  bool ok = false;
  bool permanent = false;  // a failure a retry cannot cure (no address, bad settings)
  std::string provider_id;
  std::string error;  // never holds a secret
};

// Per channel, for /metrics and the CLI.
struct ChannelCounts {
  std::string channel;  // "" for queued rows not yet tried
  int64_t queued = 0, sent = 0, failed = 0;
  int64_t oldest_queued_seconds = 0;
};

}  // namespace fg::notify
