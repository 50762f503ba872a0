// The append-only event log: every state change is recorded, in the same
// transaction as the change. A SHA-256 hash chain makes tampering evident
// (`friendlygov verify-events`). On SQLite, whose one writer applies every
// write in turn, an event is chained (given its position `seq`, `prev_hash`
// and `hash`) as it is appended; events an earlier version left unchained are
// sealed by the next group commit. On PostgreSQL, whose writer connections work
// side by side, events are appended unchained and *sealed* in id order by a
// sealer thread right after commits, so no write waits on a global row. When a
// seal key is set, the head (seq, hash) carries an HMAC that only the key's
// holder can recompute, so a rewritten history no longer verifies.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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
  std::string action;       // "create", "update", "login" ...
  std::string before_json;  // "" when none
  std::string after_json;
};

struct Stored : Event {
  int64_t id = 0;   // insertion order
  int64_t seq = 0;  // chain position; 0 while unsealed
  std::string at;
  std::string prev_hash;
  std::string hash;
  std::string unit_path;  // filled by ListRecent, for subtree filtering
};

// What the event log's "kind" filter selects (stored in events.kind, not
// hashed): "security" for an account's own events (logins, wrong passwords,
// lockouts, unlocks, password changes and resets, sessions ended, access
// tokens), "calendar" for the national decisions, else the entity.
std::string KindOf(std::string_view entity, std::string_view action);

// The hash of one event given its predecessor's hash (pure).
std::string ChainHash(const std::string& prev_hash, int64_t seq, const std::string& at, const Event& e);
inline const std::string kGenesisHash(64, '0');

// An event done by `p` (the system principal has no official id).
Event By(const auth::Principal& p, std::optional<int64_t> unit_id, std::string entity, std::string entity_id,
         std::string action, std::string before_json, std::string after_json);

// REQUIRES: called inside db.write(). Returns the event's id. Also stores the
// event's kind and its scope (events.scope_unit_id, not hashed): the unit whose
// administrators see it, `unit_id`, or for an event of an official without a
// unit the official's home unit.
int64_t Append(db::Conn& c, const Event& e);

// The key for the head's HMAC (raw bytes; empty: no HMAC). Set once at start-up.
void SetSealKey(std::string key);
// Chains up to `limit` unsealed events in id order and advances the head.
// REQUIRES: inside a write transaction. Returns how many were sealed.
int64_t Seal(db::Conn& c, int64_t limit = 100000);

struct Verification {
  bool ok = true;
  int64_t checked = 0;
  int64_t bad_seq = 0;  // first event that does not match, when !ok
  std::string reason;
  int64_t unsealed = 0;  // events appended but not chained yet (not checked)
};
// Checks the chain, the head and (with a seal key) the head's HMAC.
Verification Verify(db::Conn& c);

struct Head {
  int64_t seq = 0;
  std::string hash;
  std::string mac;
};
Head ReadHead(db::Conn& c);
// True when the chain still holds `h` (an exported head): the event at h.seq has h.hash.
bool Contains(db::Conn& c, const Head& h);

// A stored event from the first 13 columns of a row, in the order id, seq, at,
// actor_id, actor, unit_id, entity, entity_id, action, before, after, prev_hash, hash.
Stored FromRow(const db::Row& r);
// Newest first, events with id < before_id, with their unit's path.
std::vector<Stored> ListRecent(db::Conn& c, int64_t before_id, int limit);
int64_t Count(db::Conn& c);
int64_t CountUnsealed(db::Conn& c);

}  // namespace fg::events
