#include "features/org/repo.h"

#include <map>

#include "features/org/rules.h"
#include "platform/db/ancestors.h"
#include "platform/time.h"

namespace fg::org::repo {
namespace {

#define FG_UNIT_COLUMNS                                                                                      \
  "SELECT u.id, u.code, u.name, u.level, u.parent_id, p.code, u.path, u.valid_from, u.valid_to, "            \
  "u.successor_id, s.code, u.created_at, u.updated_at FROM units u LEFT JOIN units p ON p.id = u.parent_id " \
  "LEFT JOIN units s ON s.id = u.successor_id "

const db::Query kUnitByCode{"unit_by_code", FG_UNIT_COLUMNS "WHERE u.code = ?"};
const db::Query kCodeTaken{"unit_code_taken", "SELECT 1 FROM units WHERE code = ?"};
const db::Query kPlacementByCode{"unit_placement_by_code", "SELECT id, path, level FROM units WHERE code = ?"};
const db::Query kUnitById{"unit_by_id", FG_UNIT_COLUMNS "WHERE u.id = ?"};
const db::Query kUnitsUnder{"units_under", FG_UNIT_COLUMNS "WHERE u.path LIKE ? ORDER BY length(u.path), u.name"};
const db::Query kRootPaths{"unit_root_paths", "SELECT path FROM units WHERE parent_id IS NULL ORDER BY id LIMIT ?"};
// A unit's path ends with its own id: the id is taken as the row is written,
// so that the row is written once, path included (no update after). SQLite
// gives a new row max(id) + 1 (one writer; a subquery in VALUES, where INSERT
// ... SELECT from the same table would go through a temporary table);
// PostgreSQL's identity sequence gives the next value.
#define FG_UNIT_INSERT_COLUMNS                                                                                  \
  "INSERT INTO units (id, code, name, level, parent_id, path, valid_from, valid_to, successor_id, created_at, " \
  "updated_at) "
#define FG_SQLITE_NEXT_UNIT "(SELECT coalesce(max(id), 0) + 1 FROM units)"
const db::Query kInsertUnitSqlite{"unit_insert", FG_UNIT_INSERT_COLUMNS "VALUES (" FG_SQLITE_NEXT_UNIT
                                                                        ", ?, ?, ?, ?, ? || " FG_SQLITE_NEXT_UNIT
                                                                        " || '/', ?, ?, ?, ?, ?)"};
const db::Query kInsertUnitPostgres{
    "unit_insert", "WITH n AS (SELECT nextval(pg_get_serial_sequence('units', 'id')) AS id) " FG_UNIT_INSERT_COLUMNS
                   "SELECT n.id, ?, ?, ?, ?, CAST(? AS TEXT) || CAST(n.id AS TEXT) || '/', ?, ?, "
                   "?, ?, ? FROM n"};
const db::Query kUpdateUnit{
    "unit_update",
    "UPDATE units SET name = ?, level = ?, parent_id = ?, valid_from = ?, valid_to = ?, successor_id = ?, "
    "updated_at = ? WHERE id = ?"};
// Row locks for read-merge-write (PostgreSQL: a concurrent writer waits until
// commit; SQLite has one writer anyway).
const db::Query kLockUnit{"unit_lock", "UPDATE units SET updated_at = updated_at WHERE code = ?"};
const db::Query kLockOfficial{"official_lock", "UPDATE officials SET updated_at = updated_at WHERE id = ?"};
const db::Query kRepath{"unit_repath", "UPDATE units SET path = ? || substr(path, ?) WHERE path LIKE ?"};
const db::Query kCountUnits{
    "unit_counts",
    "SELECT count(*), "
    "coalesce(sum(CASE WHEN valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) THEN 1 ELSE 0 END), 0), "
    "coalesce(sum(CASE WHEN level = 'province' AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) THEN 1 ELSE "
    "0 END), 0), "
    "coalesce(sum(CASE WHEN level = 'district' AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) THEN 1 ELSE "
    "0 END), 0), "
    "coalesce(sum(CASE WHEN level NOT IN ('province', 'district') AND valid_from <= ? AND (valid_to IS NULL OR "
    "valid_to > ?) THEN 1 ELSE 0 END), 0) "
    "FROM units WHERE path LIKE ?"};
const db::Query kCountOfficials{"official_counts",
                                "SELECT count(*), coalesce(sum(o.active), 0) FROM officials o JOIN units u ON u.id = "
                                "o.unit_id WHERE u.path LIKE ?"};

#define FG_OFFICIAL_COLUMNS                                                                                 \
  "SELECT o.id, o.username, o.full_name, o.unit_id, u.code, u.name, u.path, o.position, o.phone, o.email, " \
  "o.active, o.created_at FROM officials o JOIN units u ON u.id = o.unit_id "

const db::Query kOfficialById{"official_by_id", FG_OFFICIAL_COLUMNS "WHERE o.id = ?"};
const db::Query kOfficialByUsername{"official_by_username", FG_OFFICIAL_COLUMNS "WHERE o.username = ?"};
const db::Query kOfficialsUnder{"officials_under",
                                FG_OFFICIAL_COLUMNS "WHERE u.path LIKE ? ORDER BY u.name, o.full_name"};
// The grants of every official working in a subtree, in one statement (not one per official).
const db::Query kGrantsUnder{
    "grants_under",
    "SELECT g.official_id, g.id, g.role, g.unit_id, gu.path, gu.code, gu.name FROM role_grants g "
    "JOIN units gu ON gu.id = g.unit_id JOIN officials o ON o.id = g.official_id JOIN units u ON u.id = o.unit_id "
    "WHERE u.path LIKE ? ORDER BY gu.path, g.role"};
const db::Query kGrantsOf{
    "grants_of",
    "SELECT g.id, g.role, g.unit_id, u.path, u.code, u.name FROM role_grants g JOIN units u ON u.id = g.unit_id "
    "WHERE g.official_id = ? ORDER BY u.path, g.role"};
const db::Query kGrantedOver{"officials_granted_over",
                             "SELECT DISTINCT g.official_id FROM " FG_ANCESTOR_UNITS
                             " JOIN role_grants g ON g.unit_id = u.id "
                             "JOIN officials o ON o.id = g.official_id WHERE " FG_ANCESTOR_MATCH " AND o.active = 1"};
const db::Query kInsertOfficial{
    "official_insert",
    "INSERT INTO officials (username, full_name, unit_id, position, phone, email, password_hash, "
    "password_is_demo, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"};
const db::Query kUpdateOfficial{
    "official_update",
    "UPDATE officials SET full_name = ?, unit_id = ?, position = ?, phone = ?, email = ?, active = ?, "
    "updated_at = ? WHERE id = ?"};
const db::Query kInsertGrant{"grant_insert",
                             "INSERT INTO role_grants (official_id, unit_id, role, created_at) VALUES (?, ?, ?, ?)"};
const db::Query kDeleteGrant{"grant_delete", "DELETE FROM role_grants WHERE id = ? AND official_id = ?"};

db::Value OptI(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::Value(nullptr); }
db::Value OptS(const std::optional<std::string>& v) { return v ? db::Value(*v) : db::Value(nullptr); }

Unit UnitFrom(const db::Row& r) {
  Unit u;
  u.id = r.i64(0);
  u.code = r.text(1);
  u.name = r.text(2);
  u.level = ParseLevel(r.text(3)).value_or(Level::kCommune);
  u.parent_id = r.opt_i64(4);
  u.parent_code = r.text(5);
  u.path = r.text(6);
  u.valid_from = r.text(7);
  u.valid_to = r.opt_text(8);
  u.successor_id = r.opt_i64(9);
  u.successor_code = r.text(10);
  u.created_at = r.text(11);
  u.updated_at = r.text(12);
  return u;
}

Official OfficialFrom(const db::Row& r) {
  Official o;
  o.id = r.i64(0);
  o.username = r.text(1);
  o.full_name = r.text(2);
  o.unit_id = r.i64(3);
  o.unit_code = r.text(4);
  o.unit_name = r.text(5);
  o.unit_path = r.text(6);
  o.position = r.text(7);
  o.phone = r.text(8);
  o.email = r.text(9);
  o.active = r.i64(10) != 0;
  o.created_at = r.text(11);
  return o;
}

std::string Like(const std::string& prefix) { return prefix + "%"; }

}  // namespace

bool CodeTaken(db::Conn& c, const std::string& code) { return c.query_one(kCodeTaken, {code}).has_value(); }

std::optional<Unit> UnitByCode(db::Conn& c, const std::string& code) {
  auto r = c.query_one(kUnitByCode, {code});
  if (!r) return std::nullopt;
  return UnitFrom(*r);
}

std::optional<Placement> PlacementByCode(db::Conn& c, const std::string& code) {
  auto r = c.query_one(kPlacementByCode, {code});
  if (!r) return std::nullopt;
  return Placement{r->i64(0), r->text(1), ParseLevel(r->text(2)).value_or(Level::kCommune)};
}

std::optional<Unit> UnitById(db::Conn& c, int64_t id) {
  auto r = c.query_one(kUnitById, {id});
  if (!r) return std::nullopt;
  return UnitFrom(*r);
}

std::vector<Unit> UnitsUnder(db::Conn& c, const std::string& path_prefix) {
  std::vector<Unit> out;
  for (auto& r : c.query(kUnitsUnder, {Like(path_prefix)})) out.push_back(UnitFrom(r));
  return out;
}

std::vector<std::string> RootPaths(db::Conn& c, int64_t limit) {
  std::vector<std::string> out;
  for (auto& r : c.query(kRootPaths, {limit})) out.push_back(r.text(0));
  return out;
}

void InsertUnit(db::Conn& c, Unit& u) {
  std::string now = NowUtcText();
  const std::string prefix = u.parent_id ? u.path : std::string("/");
  u.id = c.insert(c.backend() == db::Backend::kSqlite ? kInsertUnitSqlite : kInsertUnitPostgres,
                  {u.code, u.name, std::string(LevelName(u.level)), OptI(u.parent_id), prefix, u.valid_from,
                   OptS(u.valid_to), OptI(u.successor_id), now, now});
  u.path = prefix + std::to_string(u.id) + "/";
  u.created_at = now;
  u.updated_at = std::move(now);
}

void UpdateUnit(db::Conn& c, const Unit& u) {
  c.exec(kUpdateUnit, {u.name, std::string(LevelName(u.level)), OptI(u.parent_id), u.valid_from, OptS(u.valid_to),
                       OptI(u.successor_id), NowUtcText(), u.id});
}

void RepathSubtree(db::Conn& c, const std::string& old_prefix, const std::string& new_prefix) {
  c.exec(kRepath, {new_prefix, static_cast<int64_t>(old_prefix.size() + 1), Like(old_prefix)});
}

Counts CountUnder(db::Conn& c, const std::string& path_prefix, const std::string& today) {
  Counts n;
  auto r = c.query_one(kCountUnits, {today, today, today, today, today, today, today, today, Like(path_prefix)});
  n.units = r->i64(0);
  n.units_in_force = r->i64(1);
  n.provinces = r->i64(2);
  n.districts = r->i64(3);
  n.communes = r->i64(4);
  auto o = c.query_one(kCountOfficials, {Like(path_prefix)});
  n.officials = o->i64(0);
  n.active_officials = o->i64(1);
  return n;
}

void LockUnit(db::Conn& c, const std::string& code) { c.exec(kLockUnit, {code}); }
void LockOfficial(db::Conn& c, int64_t id) { c.exec(kLockOfficial, {id}); }

std::optional<Official> OfficialById(db::Conn& c, int64_t id) {
  auto o = OfficialProfile(c, id);
  if (o) o->grants = GrantsOf(c, o->id);
  return o;
}

std::optional<Official> OfficialProfile(db::Conn& c, int64_t id) {
  auto r = c.query_one(kOfficialById, {id});
  if (!r) return std::nullopt;
  return OfficialFrom(*r);
}

std::vector<int64_t> OfficialsGrantedOver(db::Conn& c, const std::string& unit_path) {
  std::vector<int64_t> out;
  for (auto& r : c.query(kGrantedOver, db::AncestorParams(unit_path))) out.push_back(r.i64(0));
  return out;
}

std::optional<Official> OfficialByUsername(db::Conn& c, const std::string& username) {
  auto r = c.query_one(kOfficialByUsername, {username});
  if (!r) return std::nullopt;
  Official o = OfficialFrom(*r);
  o.grants = GrantsOf(c, o.id);
  return o;
}

std::vector<Official> OfficialsUnder(db::Conn& c, const std::string& path_prefix) {
  std::vector<Official> out;
  std::map<int64_t, size_t> at;  // official id -> index in out
  for (auto& r : c.query(kOfficialsUnder, {Like(path_prefix)})) {
    out.push_back(OfficialFrom(r));
    at[out.back().id] = out.size() - 1;
  }
  for (auto& r : c.query(kGrantsUnder, {Like(path_prefix)})) {
    auto role = auth::ParseRole(r.text(2));
    auto it = at.find(r.i64(0));
    if (!role || it == at.end()) continue;
    out[it->second].grants.push_back({r.i64(1), *role, r.i64(3), r.text(4), r.text(5), r.text(6)});
  }
  return out;
}

std::vector<auth::Grant> GrantsOf(db::Conn& c, int64_t official_id) {
  std::vector<auth::Grant> out;
  for (auto& r : c.query(kGrantsOf, {official_id})) {
    auto role = auth::ParseRole(r.text(1));
    if (!role) continue;
    out.push_back({r.i64(0), *role, r.i64(2), r.text(3), r.text(4), r.text(5)});
  }
  return out;
}

int64_t InsertOfficial(db::Conn& c, const Official& o, const std::string& password_hash, bool password_is_demo) {
  std::string now = NowUtcText();
  return c.insert(kInsertOfficial, {o.username, o.full_name, o.unit_id, o.position, o.phone, o.email, password_hash,
                                    int64_t{password_is_demo}, int64_t{o.active}, now, now});
}

void UpdateOfficial(db::Conn& c, const Official& o) {
  c.exec(kUpdateOfficial,
         {o.full_name, o.unit_id, o.position, o.phone, o.email, int64_t{o.active}, NowUtcText(), o.id});
}

int64_t InsertGrant(db::Conn& c, int64_t official_id, int64_t unit_id, auth::Role role) {
  return c.insert(kInsertGrant, {official_id, unit_id, std::string(auth::RoleName(role)), NowUtcText()});
}

bool DeleteGrant(db::Conn& c, int64_t official_id, int64_t grant_id) {
  return c.exec(kDeleteGrant, {grant_id, official_id}) > 0;
}

namespace {

#define FG_PHOTO_COLUMNS "SELECT official_id, mime, width, height, size, sha256, updated_at"
const db::Query kPhotoOf{"official_photo_of", FG_PHOTO_COLUMNS " FROM official_photos WHERE official_id = ?"};
const db::Query kPhotoContentOf{"official_photo_content_of",
                                FG_PHOTO_COLUMNS ", content FROM official_photos WHERE official_id = ?"};
const db::Query kPutPhoto{
    "official_photo_put",
    "INSERT INTO official_photos (official_id, mime, width, height, size, sha256, content, updated_by, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (official_id) DO UPDATE SET mime = excluded.mime, "
    "width = excluded.width, height = excluded.height, size = excluded.size, sha256 = excluded.sha256, "
    "content = excluded.content, updated_by = excluded.updated_by, updated_at = excluded.updated_at"};
const db::Query kDeletePhoto{"official_photo_delete", "DELETE FROM official_photos WHERE official_id = ?"};

Photo PhotoFrom(const db::Row& r) {
  Photo p;
  p.official_id = r.i64(0);
  p.mime = r.text(1);
  p.width = r.i64(2);
  p.height = r.i64(3);
  p.size = r.i64(4);
  p.sha256 = r.text(5);
  p.updated_at = r.text(6);
  return p;
}

}  // namespace

std::optional<Photo> PhotoOf(db::Conn& c, int64_t official_id) {
  auto rows = c.query(kPhotoOf, {official_id});
  if (rows.empty()) return std::nullopt;
  return PhotoFrom(rows.at(0));
}

std::optional<std::pair<Photo, std::string>> PhotoContentOf(db::Conn& c, int64_t official_id) {
  auto rows = c.query(kPhotoContentOf, {official_id});
  if (rows.empty()) return std::nullopt;
  return std::pair{PhotoFrom(rows.at(0)), rows.at(0).text(7)};
}

void PutPhoto(db::Conn& c, const Photo& p, const std::string& content_base64, std::optional<int64_t> by) {
  c.exec(kPutPhoto, {p.official_id, p.mime, p.width, p.height, p.size, p.sha256, content_base64,
                     by ? db::Value{*by} : db::Value{nullptr}, p.updated_at});
}

bool DeletePhoto(db::Conn& c, int64_t official_id) { return c.exec(kDeletePhoto, {official_id}) > 0; }

}  // namespace fg::org::repo
