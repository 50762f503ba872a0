#include "platform/db/events.h"

#include <algorithm>
#include <charconv>

#include "platform/auth/crypto.h"
#include "platform/db/chain_tip.h"
#include "platform/time.h"

namespace fg::events {
namespace {

#define FG_EVENT_COLUMNS \
  "id, seq, at, actor_id, actor, unit_id, entity, entity_id, action, before_json, after_json, prev_hash, hash"
// The columns every event is inserted with, then `more` (names and markers).
#define FG_EVENT_INSERT(more_columns, more_values)                                                               \
  "INSERT INTO events (at, actor_id, actor, unit_id, entity, entity_id, action, before_json, after_json, kind, " \
  "scope_unit_id" more_columns                                                                                   \
  ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "                                                                     \
  "COALESCE(?, (SELECT unit_id FROM officials WHERE id = ?))" more_values ")"
const db::Query kInsert{"event_insert", FG_EVENT_INSERT("", "")};
// SQLite: the event is chained as it is written, from the writer's tip
// (platform/db/chain_tip.h; one writer, so nothing else appends meanwhile).
const db::Query kInsertChained{"event_insert_chained", FG_EVENT_INSERT(", seq, prev_hash, hash", ", ?, ?, ?")};
const db::Query kUnsealed{"event_unsealed",
                          "SELECT " FG_EVENT_COLUMNS " FROM events WHERE seq IS NULL ORDER BY id LIMIT ?"};
const db::Query kSealOne{"event_seal", "UPDATE events SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?"};
const db::Query kSetHead{"event_head_set", "UPDATE event_head SET seq = ?, hash = ?, mac = ? WHERE id = 1"};
const db::Query kHead{"event_head", "SELECT seq, hash, mac FROM event_head WHERE id = 1"};
// Only sealers take this lock (PostgreSQL); appending writers never wait on it.
const db::Query kHeadForUpdate{"event_head_lock", "SELECT seq, hash, mac FROM event_head WHERE id = 1 FOR UPDATE"};
const db::Query kScan{"event_scan", "SELECT " FG_EVENT_COLUMNS " FROM events WHERE seq > ? ORDER BY seq LIMIT 1000"};
const db::Query kAtSeq{"event_at_seq", "SELECT hash FROM events WHERE seq = ?"};
const db::Query kCountUnsealed{"event_count_unsealed", "SELECT count(*) FROM events WHERE seq IS NULL"};
const db::Query kRecent{
    "event_recent",
    "SELECT e.id, e.seq, e.at, e.actor_id, e.actor, e.unit_id, e.entity, e.entity_id, e.action, e.before_json, "
    "e.after_json, e.prev_hash, e.hash, u.path FROM events e LEFT JOIN units u ON u.id = e.unit_id "
    "WHERE e.id < ? ORDER BY e.id DESC LIMIT ?"};

std::string g_seal_key;  // set once at start-up, before any thread reads it

// SQLite's writer's chain tip within a batch (platform/db/chain_tip.h).
struct Tip {
  bool known = false;  // read from the head in this batch
  bool moved = false;  // events appended since: the head must follow
  int64_t seq = 0;
  std::string hash;
};
thread_local Tip g_tip;
thread_local Tip g_tip_before_write;  // what a write rolled back returns the tip to

void Field(std::string& out, const std::string& s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
}

db::Value Opt(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::Value(nullptr); }

std::string HeadMac(int64_t seq, const std::string& hash) {
  if (g_seal_key.empty()) return "";
  return auth::HmacSha256Hex(std::to_string(seq) + ":" + hash, g_seal_key);
}

}  // namespace

Stored FromRow(const db::Row& r) {
  Stored s;
  s.id = r.i64(0);
  s.seq = r.opt_i64(1).value_or(0);
  s.at = r.text(2);
  s.actor_id = r.opt_i64(3);
  s.actor = r.text(4);
  s.unit_id = r.opt_i64(5);
  s.entity = r.text(6);
  s.entity_id = r.text(7);
  s.action = r.text(8);
  s.before_json = r.text(9);
  s.after_json = r.text(10);
  s.prev_hash = r.text(11);
  s.hash = r.text(12);
  return s;
}

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

std::string KindOf(std::string_view entity, std::string_view action) {
  static constexpr std::string_view kSecurity[] = {
      "login",          "login_failed",     "login_throttled", "locked",        "unlocked",
      "password_reset", "password_changed", "sessions_ended",  "token_created", "token_revoked"};
  if (entity == "official" && std::find(std::begin(kSecurity), std::end(kSecurity), action) != std::end(kSecurity))
    return "security";
  if (entity == "calendar_day" || entity == "calendar_year") return "calendar";
  return std::string(entity);
}

int64_t Append(db::Conn& c, const Event& e) {
  // An official's own events without a unit are seen by the administrators of their home unit.
  std::optional<int64_t> official;
  if (!e.unit_id && e.entity == "official") {
    int64_t id = 0;
    auto [end, ec] = std::from_chars(e.entity_id.data(), e.entity_id.data() + e.entity_id.size(), id);
    if (ec == std::errc() && end == e.entity_id.data() + e.entity_id.size()) official = id;
  }
  const std::string at = NowUtcText();
  std::vector<db::Value> values{at,
                                Opt(e.actor_id),
                                e.actor,
                                Opt(e.unit_id),
                                e.entity,
                                e.entity_id,
                                e.action,
                                e.before_json,
                                e.after_json,
                                KindOf(e.entity, e.action),
                                Opt(e.unit_id),
                                Opt(official)};
  if (c.backend() == db::Backend::kPostgres) return c.insert(kInsert, values);
  // SQLite has one writer: it chains here, from the tip it keeps through the
  // batch (platform/db/chain_tip.h), where sealing after the writes read every
  // new event back and rewrote it.
  Tip& t = g_tip;
  if (!t.known) {  // the batch's first event
    auto head = c.query_one(kHead);
    t.known = true;
    t.seq = head->i64(0);
    t.hash = head->text(1);
  }
  const int64_t seq = t.seq + 1;
  std::string hash = ChainHash(t.hash, seq, at, e);
  values.insert(values.end(), {seq, t.hash, hash});
  const int64_t id = c.insert(kInsertChained, values);
  t.seq = seq;
  t.hash = std::move(hash);
  t.moved = true;
  return id;
}

namespace tip {

void WriteBegins() { g_tip_before_write = g_tip; }  // the string's buffer is reused: no allocation per write

void WriteUndone() { g_tip = g_tip_before_write; }

void Flush(db::Conn& c) {
  const Tip& t = g_tip;
  if (t.known && t.moved) c.exec(kSetHead, {t.seq, t.hash, HeadMac(t.seq, t.hash)});
}

void Forget() {
  g_tip.known = false;
  g_tip.moved = false;
}

}  // namespace tip

void SetSealKey(std::string key) { g_seal_key = std::move(key); }

int64_t Seal(db::Conn& c, int64_t limit) {
  // PostgreSQL: sealers of several processes take turns on the head row, and
  // the unsealed rows are read after the lock so none is chained twice. SQLite
  // has one writer: no lock, and no head read when nothing is unsealed.
  const bool locking = c.backend() == db::Backend::kPostgres;
  std::optional<db::Row> head;
  if (locking) head = c.query_one(kHeadForUpdate);
  auto rows = c.query(kUnsealed, {limit});
  if (rows.empty()) return 0;
  if (!head) head = c.query_one(kHead);
  int64_t seq = head->i64(0);
  std::string prev = head->text(1);
  for (auto& r : rows) {
    Stored s = FromRow(r);
    ++seq;
    std::string hash = ChainHash(prev, seq, s.at, s);
    c.exec(kSealOne, {seq, prev, hash, s.id});
    prev = std::move(hash);
  }
  c.exec(kSetHead, {seq, prev, HeadMac(seq, prev)});
  return static_cast<int64_t>(rows.size());
}

Head ReadHead(db::Conn& c) {
  auto r = c.query_one(kHead);
  return {r->i64(0), r->text(1), r->text(2)};
}

bool Contains(db::Conn& c, const Head& h) {
  if (h.seq == 0) return h.hash == kGenesisHash;
  auto r = c.query_one(kAtSeq, {h.seq});
  return r && r->text(0) == h.hash;
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
      if (ChainHash(prev, s.seq, s.at, s) != s.hash)
        return {false, v.checked, s.seq, "content does not match its hash"};
      prev = s.hash;
      last = s.seq;
    }
  }
  Head head = ReadHead(c);
  if (head.seq != last || head.hash != prev)
    return {false, v.checked, last + 1, "events are missing at the end of the log"};
  if (!g_seal_key.empty() && head.seq > 0 && !auth::SafeEqual(head.mac, HeadMac(head.seq, head.hash)))
    return {false, v.checked, head.seq, "the head's signature does not match the seal key: the history was rewritten"};
  v.unsealed = CountUnsealed(c);
  return v;
}

std::vector<Stored> ListRecent(db::Conn& c, int64_t before_id, int limit) {
  std::vector<Stored> out;
  for (auto& r : c.query(kRecent, {before_id, int64_t{limit}})) {
    out.push_back(FromRow(r));
    out.back().unit_path = r.text(13);
  }
  return out;
}

int64_t CountUnsealed(db::Conn& c) { return c.query_one(kCountUnsealed)->i64(0); }

int64_t Count(db::Conn& c) { return ReadHead(c).seq + CountUnsealed(c); }

}  // namespace fg::events
