// Writing to the outbox from other features' writes (the desk's dossier
// changes). Call inside the same db.write as the change: the message exists
// exactly when the change does. Nothing is sent here.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "platform/db/db.h"

namespace fg::notify {

// What the citizen chose at intake. channel: "" (the unit's order), sms,
// email or zalo. Throws BadInput("desk.notify_bad_channel", "notify_channel").
void CheckChoice(const std::string& channel);
void RecordConsent(db::Conn& c, int64_t dossier_id, const std::string& channel, bool opt_out, const std::string& now);

struct Subject {
  int64_t dossier_id = 0;
  int64_t dossier_version = 0;  // after the change: with the event, the idempotency key
  int64_t unit_id = 0;
  std::string phone, email;
  std::map<std::string, std::string> params;  // code, procedure, due_date, reason ... (rules.h Placeholders)
  // The citizen's choice when the caller has it at hand (intake records it in
  // the same write); otherwise it is read from the dossier's consent row.
  struct Choice {
    std::string channel;
    bool opt_out = false;
  };
  std::optional<Choice> choice;
};

// Queues the message of `event` (model.h kEvents) unless the citizen opted
// out or left neither phone nor e-mail. Returns whether a row was written.
bool Enqueue(db::Conn& c, const Subject& s, const std::string& event, const std::string& now);

}  // namespace fg::notify
