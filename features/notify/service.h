// Use cases of the notifications: the outbox as staff see it, sending a
// failed message again, templates, a unit's channels.
//
// Who may do what: any role working on a unit's dossiers (administrator,
// leader, desk officer) lists the messages of the unit's subtree and sends a
// failed one again; administrators covering a unit set its channels;
// templates are shared by all units: administrators of a top-level unit
// (a province) save new versions.
#pragma once
#include <string>
#include <vector>

#include "features/notify/model.h"
#include "platform/auth/principal.h"
#include "platform/db/db.h"

namespace fg::notify {

class Service {
 public:
  explicit Service(db::Db& db) : db_(db) {}

  // status: "" (all), queued, sent, failed; unit_code "" = the caller's units (system: all).
  std::vector<Message> List(const auth::Principal& p, const std::string& status, const std::string& unit_code,
                            int64_t limit = 200);
  // Whether `p` may send failed messages again somewhere (administrator, leader or desk officer).
  static bool CanRetry(const auth::Principal& p);
  // A failed message queued again (attempts from zero). 404 unknown, 409 not failed.
  Message Retry(const auth::Principal& p, int64_t id);
  // The messages of a dossier, for its timeline (the caller is authorised by the desk).
  std::vector<Message> OfDossier(int64_t dossier_id);

  // The template in use for an event and channel kind (sms | email).
  Template GetTemplate(const std::string& event, const std::string& channel);
  // A new version. Every unknown placeholder refused at once with the valid
  // ones (400, "notify.template_unknown_placeholder", fields subject/body).
  Template SaveTemplate(const auth::Principal& p, const Template& t);

  // The unit's channels in order; secrets masked unless `with_secrets`.
  std::vector<Channel> Channels(const auth::Principal& p, const std::string& unit_code, bool with_secrets = false);
  // Replaces the unit's channels (positions by order in `channels`).
  void SetChannels(const auth::Principal& p, const std::string& unit_code, const std::vector<Channel>& channels);

  std::vector<ChannelCounts> Counts();
  // /metrics lines: per channel queued, sent, failed and the oldest queued age.
  std::string MetricsText();

 private:
  db::Db& db_;
};

}  // namespace fg::notify
