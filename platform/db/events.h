// The append-only event log: every state change is recorded, in the same
// transaction as the change, with a SHA-256 hash chain that makes tampering
// evident (`friendlygov verify-events`).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/auth/principal.h"
#include "platform/db/db.h"

namespace fg::events {

struct Event {
  std::optional<int64_t> actor_id;  // the official, or none for the system
  std::string actor;                // username or "system"
  std::optional<int64_t> unit_id;   // the unit the change belongs to (for subtree views)
  std::string entity;               // "unit", "official", ...
  std::string entity_id;
  std::string action;               // "create", "update", "login" ...
  std::string before_json;          // "" when none
  std::string after_json;
};

struct Stored : Event {
  int64_t seq = 0;
  std::string at;
  std::string prev_hash;
  std::string hash;
  std::string unit_path;  // filled by ListRecent, for subtree filtering
};

// The hash of one event given its predecessor's hash (pure).
std::string ChainHash(const std::string& prev_hash, int64_t seq, const std::string& at, const Event& e);
inline const std::string kGenesisHash(64, '0');

// An event done by `p` (the system principal has no official id).
Event By(const auth::Principal& p, std::optional<int64_t> unit_id, std::string entity, std::string entity_id,
         std::string action, std::string before_json, std::string after_json);

// REQUIRES: called inside db.write(). Returns the event's sequence number.
int64_t Append(db::Conn& c, const Event& e);

struct Verification {
  bool ok = true;
  int64_t checked = 0;
  int64_t bad_seq = 0;  // first event that does not match, when !ok
  std::string reason;
};
Verification Verify(db::Conn& c);

// Newest first, events with seq < before_seq, with their unit's path.
std::vector<Stored> ListRecent(db::Conn& c, int64_t before_seq, int limit);
int64_t Count(db::Conn& c);

}  // namespace fg::events
