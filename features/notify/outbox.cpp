#include "features/notify/outbox.h"

#include "features/notify/model.h"
#include "features/notify/repo.h"
#include "features/notify/rules.h"
#include "platform/errors.h"

namespace fg::notify {

void CheckChoice(const std::string& channel) {
  if (!channel.empty() && channel != "sms" && channel != "email" && channel != "zalo")
    throw BadInput("desk.notify_bad_channel", "notify_channel");
}

void RecordConsent(db::Conn& c, int64_t dossier_id, const std::string& channel, bool opt_out, const std::string& now) {
  repo::PutConsent(c, dossier_id, channel, opt_out, now);
}

bool Enqueue(db::Conn& c, const Subject& s, const std::string& event, const std::string& now) {
  if (s.phone.empty() && s.email.empty()) return false;
  auto choice = s.choice;
  if (!choice)
    if (auto consent = repo::ConsentOf(c, s.dossier_id)) choice = Subject::Choice{consent->channel, consent->opt_out};
  if (choice && choice->opt_out) return false;
  Message m;
  m.idem_key = IdemKey(s.dossier_id, s.dossier_version, event);
  m.unit_id = s.unit_id;
  m.dossier_id = s.dossier_id;
  m.event = event;
  m.channel_pref = choice ? choice->channel : "";
  m.phone = s.phone;
  m.email = s.email;
  m.params = s.params;
  m.next_at = now;
  m.created_at = now;
  return repo::InsertMessage(c, m);
}

}  // namespace fg::notify
