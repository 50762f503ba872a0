// SQL of the notifications (features/notify). Parameterised, portable
// (SQLite and PostgreSQL); called inside db.read / db.write.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "features/notify/model.h"
#include "platform/db/db.h"

namespace fg::notify::repo {

void PutConsent(db::Conn& c, int64_t dossier_id, const std::string& channel, bool opt_out, const std::string& at);
struct Consent {
  std::string channel;
  bool opt_out = false;
};
std::optional<Consent> ConsentOf(db::Conn& c, int64_t dossier_id);

// Inserts a queued message; false when its idem_key is already there.
bool InsertMessage(db::Conn& c, const Message& m);

// Claims up to `limit` due messages for `owner` until `lease_until` (rows
// whose lease expired included). PostgreSQL: FOR UPDATE SKIP LOCKED, so
// several processes claim disjoint rows.
std::vector<Message> Claim(db::Conn& c, const std::string& owner, const std::string& now,
                           const std::string& lease_until, int64_t limit);
// Whether a message is due and unclaimed (a read: the sender polls with it).
bool AnyDue(db::Conn& c, const std::string& now);
// Status updates by the lease holder; false if the lease was lost.
// Extends `owner`'s lease on a queued message; false when the lease is no longer
// its own (it expired and another sender claimed the message).
bool Renew(db::Conn& c, int64_t id, const std::string& owner, const std::string& lease_until, const std::string& now);
bool MarkSent(db::Conn& c, int64_t id, const std::string& owner, const std::string& channel,
              const std::string& provider_id, const std::string& now);
bool MarkAttempt(db::Conn& c, int64_t id, const std::string& owner, int64_t attempts, const std::string& status,
                 const std::string& next_at, const std::string& channel, const std::string& error,
                 const std::string& now);
bool Defer(db::Conn& c, int64_t id, const std::string& owner, const std::string& next_at, const std::string& now);
// A gateway's report on a message it accepted on `channel`: status
// "delivered" or "failed" (with `error`); false unless the message was sent
// (or already reported) on that channel.
bool MarkDelivery(db::Conn& c, int64_t id, const std::string& channel, const std::string& status,
                  const std::string& error, const std::string& now);
// A failed message queued again from the start; false unless it was failed.
bool Requeue(db::Conn& c, int64_t id, const std::string& now);

std::optional<Message> MessageById(db::Conn& c, int64_t id);
// Newest first; status "" = all.
std::vector<Message> Messages(db::Conn& c, const std::string& status, const std::string& unit_path, int64_t limit);
std::vector<Message> MessagesOfDossier(db::Conn& c, int64_t dossier_id);
std::vector<ChannelCounts> Counts(db::Conn& c, const std::string& now);

std::vector<Channel> Channels(db::Conn& c, int64_t unit_id);
// The channels of the unit or of its nearest ancestor that has some (`path` = /1/4/9/).
std::vector<Channel> ChannelsFor(db::Conn& c, const std::string& unit_path);
void PutChannel(db::Conn& c, int64_t unit_id, const Channel& ch, const std::string& now);
void DeleteChannel(db::Conn& c, int64_t unit_id, const std::string& name);

std::optional<Template> LatestTemplate(db::Conn& c, const std::string& event, const std::string& channel);
// Saved versions, newest first (at most `limit`).
std::vector<Template> TemplateVersions(db::Conn& c, const std::string& event, const std::string& channel,
                                       int64_t limit);
int64_t InsertTemplate(db::Conn& c, const Template& t, int64_t by, const std::string& now);  // returns the version

}  // namespace fg::notify::repo

namespace fg::notify::repo {
struct UnitInfo {
  int64_t id = 0;
  std::string code, name, path;
};
std::optional<UnitInfo> UnitById(db::Conn& c, int64_t id);
std::optional<UnitInfo> UnitByCode(db::Conn& c, const std::string& code);
}  // namespace fg::notify::repo
