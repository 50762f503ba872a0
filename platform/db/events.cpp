#include "platform/db/events.h"

#include "platform/auth/crypto.h"
#include "platform/time.h"

namespace fg::events {
namespace {

const db::Query kAdvanceHead{"event_head_advance",
    "UPDATE event_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash"};
const db::Query kSetHeadHash{"event_head_set_hash", "UPDATE event_head SET hash = ? WHERE id = 1"};
const db::Query kInsert{"event_insert",
    "INSERT INTO events (seq, at, actor_id, actor, unit_id, entity, entity_id, action, before_json, "
    "after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"};
const db::Query kScan{"event_scan",
    "SELECT seq, at, actor_id, actor, unit_id, entity, entity_id, action, before_json, after_json, "
    "prev_hash, hash FROM events WHERE seq > ? ORDER BY seq LIMIT 1000"};
const db::Query kRecent{"event_recent",
    "SELECT e.seq, e.at, e.actor_id, e.actor, e.unit_id, e.entity, e.entity_id, e.action, e.before_json, "
    "e.after_json, e.prev_hash, e.hash, u.path FROM events e LEFT JOIN units u ON u.id = e.unit_id "
    "WHERE e.seq < ? ORDER BY e.seq DESC LIMIT ?"};
const db::Query kHead{"event_head", "SELECT seq, hash FROM event_head WHERE id = 1"};

void Field(std::string& out, const std::string& s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
}

db::Value Opt(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::Value(nullptr); }

Stored FromRow(const db::Row& r) {
  Stored s;
  s.seq = r.i64(0);
  s.at = r.text(1);
  s.actor_id = r.opt_i64(2);
  s.actor = r.text(3);
  s.unit_id = r.opt_i64(4);
  s.entity = r.text(5);
  s.entity_id = r.text(6);
  s.action = r.text(7);
  s.before_json = r.text(8);
  s.after_json = r.text(9);
  s.prev_hash = r.text(10);
  s.hash = r.text(11);
  return s;
}

}  // namespace

std::string ChainHash(const std::string& prev, int64_t seq, const std::string& at, const Event& e) {
  std::string m;
  Field(m, prev);
  Field(m, std::to_string(seq));
  Field(m, at);
  Field(m, e.actor_id ? std::to_string(*e.actor_id) : "");
  Field(m, e.actor);
  Field(m, e.unit_id ? std::to_string(*e.unit_id) : "");
  Field(m, e.entity);
  Field(m, e.entity_id);
  Field(m, e.action);
  Field(m, e.before_json);
  Field(m, e.after_json);
  return auth::Sha256Hex(m);
}

Event By(const auth::Principal& p, std::optional<int64_t> unit_id, std::string entity, std::string entity_id,
         std::string action, std::string before_json, std::string after_json) {
  Event e;
  if (p.official_id) e.actor_id = p.official_id;
  e.actor = p.username;
  e.unit_id = unit_id;
  e.entity = std::move(entity);
  e.entity_id = std::move(entity_id);
  e.action = std::move(action);
  e.before_json = std::move(before_json);
  e.after_json = std::move(after_json);
  return e;
}

int64_t Append(db::Conn& c, const Event& e) {
  // Advancing the head row serialises appenders (it is a row lock in PostgreSQL).
  auto head = c.query_one(kAdvanceHead);
  int64_t seq = head->i64(0);
  std::string prev = head->text(1);
  std::string at = NowUtcText();
  std::string hash = ChainHash(prev, seq, at, e);
  c.exec(kInsert, {seq, at, Opt(e.actor_id), e.actor, Opt(e.unit_id), e.entity, e.entity_id, e.action,
                   e.before_json, e.after_json, prev, hash});
  c.exec(kSetHeadHash, {hash});
  return seq;
}

Verification Verify(db::Conn& c) {
  Verification v;
  std::string prev = kGenesisHash;
  int64_t last = 0;
  for (;;) {
    auto rows = c.query(kScan, {last});
    if (rows.empty()) break;
    for (auto& r : rows) {
      Stored s = FromRow(r);
      ++v.checked;
      if (s.seq != last + 1) return {false, v.checked, s.seq, "sequence gap before this event"};
      if (s.prev_hash != prev) return {false, v.checked, s.seq, "previous hash does not match"};
      if (ChainHash(prev, s.seq, s.at, s) != s.hash) return {false, v.checked, s.seq, "content does not match its hash"};
      prev = s.hash;
      last = s.seq;
    }
  }
  auto head = c.query_one(kHead);
  if (head->i64(0) != last || head->text(1) != prev)
    return {false, v.checked, last + 1, "events are missing at the end of the log"};
  return v;
}

std::vector<Stored> ListRecent(db::Conn& c, int64_t before_seq, int limit) {
  std::vector<Stored> out;
  for (auto& r : c.query(kRecent, {before_seq, int64_t{limit}})) {
    out.push_back(FromRow(r));
    out.back().unit_path = r.text(12);
  }
  return out;
}

int64_t Count(db::Conn& c) { return c.query_one(kHead)->i64(0); }

}  // namespace fg::events
