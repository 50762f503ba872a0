// Use cases of the notifications: the outbox as staff see it, sending a
// failed message again, templates, a unit's channels.
//
// Who may do what: any role working on a unit's dossiers (administrator,
// leader, desk officer) lists the messages of the unit's subtree and sends a
// failed one again; administrators covering a unit set its channels;
// templates are shared by all units: administrators of a top-level unit
// (a province) save new versions.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "features/notify/model.h"
#include "platform/auth/principal.h"
#include "platform/db/db.h"

namespace fg::notify {

// A unit as the pages name it.
struct UnitName {
  std::string code, name;
};

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
  // A gateway's delivery report (no login: the signed token authorises).
  // status "delivered" | "failed"; 403 bad token, 404 unknown message,
  // 409 not sent on `channel`.
  // The message id of a callback token; 403 when forged or malformed.
  int64_t VerifyCallback(const std::string& token);
  Message Callback(const std::string& channel, const std::string& token, const std::string& status,
                   const std::string& error);
  // The messages of a dossier, for its timeline (the caller is authorised by the desk).
  std::vector<Message> OfDossier(int64_t dossier_id);

  // The template in use for an event and channel kind (sms | email).
  Template GetTemplate(const std::string& event, const std::string& channel);
  // Saved versions of an event's template on a channel, newest first (at most 50).
  std::vector<Template> TemplateHistory(const std::string& event, const std::string& channel);
  // A new version. Every unknown placeholder refused at once with the valid
  // ones (400, "notify.template_unknown_placeholder", fields subject/body).
  Template SaveTemplate(const auth::Principal& p, const Template& t);
  // The template cleaned and checked as SaveTemplate does, not saved (previews).
  static Template CheckTemplate(const Template& t);
  // Whether `p` may save templates (an administrator of a top-level unit).
  static bool CanSaveTemplates(const auth::Principal& p);
  // Whether `p` administers some unit (the developers' log page).
  static bool IsAdministrator(const auth::Principal& p);

  // The unit's channels in order; secrets masked unless `with_secrets`.
  std::vector<Channel> Channels(const auth::Principal& p, const std::string& unit_code, bool with_secrets = false);
  // Replaces the unit's channels (positions by order in `channels`). Every
  // bad setting refused at once (fields "<channel>.<key>"); a secret left
  // empty (or sent back masked) keeps its saved value.
  void SetChannels(const auth::Principal& p, const std::string& unit_code, const std::vector<Channel>& channels);

  // Whether `p` administers the unit (may set its channels).
  bool CanSetChannels(const auth::Principal& p, const std::string& unit_code);

  // The unit by code (404 unknown).
  UnitName Unit(const std::string& unit_code);
  // Sample values of an event's placeholders, for previews (from the catalogue).
  static std::map<std::string, std::string> SampleParams(const std::string& event);

  std::vector<ChannelCounts> Counts();
  // /metrics lines: per channel queued, sent, failed and the oldest queued age.
  std::string MetricsText();

 private:
  db::Db& db_;
};

}  // namespace fg::notify
