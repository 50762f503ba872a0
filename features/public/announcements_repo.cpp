#include "features/public/announcements_repo.h"

namespace fg::pub::announcements_repo {
namespace {

db::Value Opt(std::optional<int64_t> v) { return v ? db::Value{*v} : db::Value{nullptr}; }

#define FG_ANNOUNCEMENT_COLUMNS                                                                                    \
  "a.id, u.code, u.name, u.path, a.title, a.body, a.starts_on, a.ends_on, a.times, a.hamlets, a.created_at, "      \
  "a.updated_at, a.unit_id, a.version, coalesce(a.withdrawn_at, ''), coalesce(w.full_name, ''), "                  \
  "a.withdrawn_reason, CASE WHEN EXISTS (SELECT 1 FROM announcement_broadcasts b WHERE b.announcement_id = a.id) " \
  "THEN 1 ELSE 0 END "                                                                                             \
  "FROM announcements a JOIN units u ON u.id = a.unit_id LEFT JOIN officials w ON w.id = a.withdrawn_by "

Announcement From(const db::Row& r) {
  Announcement a;
  a.id = r.i64(0);
  a.unit_code = r.text(1);
  a.unit_name = r.text(2);
  a.unit_path = r.text(3);
  a.title = r.text(4);
  a.body = r.text(5);
  a.starts_on = r.text(6);
  a.ends_on = r.text(7);
  a.times = SplitList(r.text(8), ",");
  a.hamlets = SplitList(r.text(9), "\n");
  a.created_at = r.text(10);
  a.updated_at = r.text(11);
  a.unit_id = r.i64(12);
  a.version = r.i64(13);
  a.withdrawn_at = r.text(14);
  a.withdrawn_by = r.text(15);
  a.withdrawn_reason = r.text(16);
  a.broadcast = r.i64(17) != 0;
  return a;
}

#define FG_CONTROLLER_COLUMNS                                                                           \
  "k.id, k.unit_id, u.code, k.name, k.hamlets, k.created_at, coalesce(k.revoked_at, ''), k.token_hash " \
  "FROM announcement_controllers k JOIN units u ON u.id = k.unit_id "

ControllerRow ControllerFrom(const db::Row& r) {
  ControllerRow out;
  Controller& k = out.controller;
  k.id = r.i64(0);
  k.unit_id = r.i64(1);
  k.unit_code = r.text(2);
  k.name = r.text(3);
  k.hamlets = SplitList(r.text(4), "\n");
  k.created_at = r.text(5);
  k.revoked_at = r.text(6);
  out.token_hash = r.text(7);
  return out;
}

}  // namespace

int64_t Insert(db::Conn& c, const Announcement& a, std::optional<int64_t> by) {
  static const db::Query q{"announcement_insert",
                           "INSERT INTO announcements (unit_id, title, body, starts_on, ends_on, times, hamlets, "
                           "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"};
  return c.insert(q, {a.unit_id, a.title, a.body, a.starts_on, a.ends_on, JoinList(a.times, ","),
                      JoinList(a.hamlets, "\n"), Opt(by), a.created_at, a.updated_at});
}

std::vector<Announcement> Current(db::Conn& c, const std::string& unit_code, const std::string& today) {
  static const db::Query q{"announcements_current", "SELECT " FG_ANNOUNCEMENT_COLUMNS
                                                    "WHERE u.code = ? AND a.ends_on >= ? "
                                                    "ORDER BY a.starts_on, a.id LIMIT 200"};
  std::vector<Announcement> out;
  for (auto& r : c.query(q, {unit_code, today})) out.push_back(From(r));
  return out;
}

std::optional<Announcement> ById(db::Conn& c, int64_t id) {
  static const db::Query q{"announcement_one", "SELECT " FG_ANNOUNCEMENT_COLUMNS "WHERE a.id = ?"};
  auto row = c.query_one(q, {id});
  if (!row) return std::nullopt;
  return From(*row);
}

std::optional<std::string> LatestUnitUnder(db::Conn& c, const std::string& path_prefix) {
  static const db::Query q{"announcement_latest_unit",
                           "SELECT u.code FROM units u CROSS JOIN announcements a WHERE a.unit_id = u.id "
                           "AND u.path LIKE ? ORDER BY a.id DESC LIMIT 1"};
  auto row = c.query_one(q, {path_prefix + "%"});
  if (!row) return std::nullopt;
  return row->text(0);
}

bool Update(db::Conn& c, const Announcement& a) {
  static const db::Query q{
      "announcement_update",
      "UPDATE announcements SET title = ?, body = ?, starts_on = ?, ends_on = ?, times = ?, hamlets = ?, "
      "updated_at = ?, version = version + 1 WHERE id = ? AND version = ? AND withdrawn_at IS NULL "
      "AND NOT EXISTS (SELECT 1 FROM announcement_broadcasts b WHERE b.announcement_id = announcements.id)"};
  return c.exec(q, {a.title, a.body, a.starts_on, a.ends_on, JoinList(a.times, ","), JoinList(a.hamlets, "\n"),
                    a.updated_at, a.id, a.version}) == 1;
}

bool Withdraw(db::Conn& c, int64_t id, int64_t version, std::optional<int64_t> by, const std::string& at,
              const std::string& reason) {
  static const db::Query q{
      "announcement_withdraw",
      "UPDATE announcements SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?, "
      "updated_at = ?, version = version + 1 WHERE id = ? AND version = ? AND withdrawn_at IS NULL"};
  return c.exec(q, {at, Opt(by), reason, at, id, version}) == 1;
}

int64_t InsertBroadcast(db::Conn& c, int64_t announcement_id, const std::string& hamlet, const std::string& played_at,
                        int64_t controller_id, const std::string& reported_at) {
  static const db::Query q{"announcement_broadcast_insert",
                           "INSERT INTO announcement_broadcasts (announcement_id, hamlet, played_at, controller_id, "
                           "reported_at) VALUES (?, ?, ?, ?, ?)"};
  return c.insert(q, {announcement_id, hamlet, played_at, controller_id, reported_at});
}

std::vector<Broadcast> Log(db::Conn& c, const std::string& unit_code, int64_t limit) {
  // Broadcasts reported before controllers had their own tokens name the official.
  static const db::Query q{
      "announcement_broadcasts_log",
      "SELECT b.id, b.announcement_id, a.title, b.hamlet, b.played_at, coalesce(k.name, o.full_name, '') "
      "FROM announcement_broadcasts b JOIN announcements a ON a.id = b.announcement_id "
      "JOIN units u ON u.id = a.unit_id LEFT JOIN officials o ON o.id = b.reported_by "
      "LEFT JOIN announcement_controllers k ON k.id = b.controller_id "
      "WHERE u.code = ? ORDER BY b.id DESC LIMIT ?"};
  std::vector<Broadcast> out;
  for (auto& r : c.query(q, {unit_code, limit})) {
    Broadcast b;
    b.id = r.i64(0);
    b.announcement_id = r.i64(1);
    b.title = r.text(2);
    b.hamlet = r.text(3);
    b.played_at = r.text(4);
    b.reported_by = r.text(5);
    out.push_back(std::move(b));
  }
  return out;
}

int64_t InsertController(db::Conn& c, const Controller& k, const std::string& token_hash, std::optional<int64_t> by) {
  static const db::Query q{"announcement_controller_insert",
                           "INSERT INTO announcement_controllers (unit_id, name, hamlets, token_hash, created_by, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?)"};
  return c.insert(q, {k.unit_id, k.name, JoinList(k.hamlets, "\n"), token_hash, Opt(by), k.created_at});
}

std::optional<ControllerRow> ControllerById(db::Conn& c, int64_t id) {
  static const db::Query q{"announcement_controller_one", "SELECT " FG_CONTROLLER_COLUMNS "WHERE k.id = ?"};
  auto row = c.query_one(q, {id});
  if (!row) return std::nullopt;
  return ControllerFrom(*row);
}

std::vector<Controller> Controllers(db::Conn& c, int64_t unit_id) {
  static const db::Query q{"announcement_controllers_of_unit",
                           "SELECT " FG_CONTROLLER_COLUMNS "WHERE k.unit_id = ? ORDER BY k.id LIMIT 500"};
  std::vector<Controller> out;
  for (auto& r : c.query(q, {unit_id})) out.push_back(ControllerFrom(r).controller);
  return out;
}

bool RevokeController(db::Conn& c, int64_t id, std::optional<int64_t> by, const std::string& at) {
  static const db::Query q{"announcement_controller_revoke",
                           "UPDATE announcement_controllers SET revoked_at = ?, revoked_by = ? "
                           "WHERE id = ? AND revoked_at IS NULL"};
  return c.exec(q, {at, Opt(by), id}) == 1;
}

}  // namespace fg::pub::announcements_repo
