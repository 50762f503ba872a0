#include "features/public/repo.h"

namespace fg::pub::repo {
namespace {

const db::Query kUnitsState{"public_units_state", "SELECT count(*), coalesce(max(updated_at), '') FROM units"};
const db::Query kProceduresState{"public_procedures_state",
                                 "SELECT count(*), coalesce(max(updated_at), '') FROM procedures"};
const db::Query kAllPlaces{
    "public_all_places",
    "SELECT u.code, u.name, p.code, p.name, r.code, r.name, u.valid_from, u.valid_to, s.code, s.name "
    "FROM units u LEFT JOIN units p ON p.id = u.parent_id LEFT JOIN units s ON s.id = u.successor_id "
    "LEFT JOIN units r ON r.parent_id IS NULL AND substr(u.path, 1, length(r.path)) = r.path "
    "WHERE u.level IN ('commune', 'ward', 'township', 'special_zone') ORDER BY u.id"};

#define FG_PUBLICATION_COLUMNS                                                                                 \
  "p.listed, p.show_position, p.show_phone, p.show_email, p.show_hours, p.hours, p.sort_order, p.updated_at, " \
  "p.show_photo"
const db::Query kPublicationOf{"public_publication_of",
                               "SELECT " FG_PUBLICATION_COLUMNS " FROM official_publication p WHERE p.official_id = ?"};
const db::Query kPutPublication{
    "public_put_publication",
    "INSERT INTO official_publication (official_id, listed, show_position, show_phone, show_email, show_hours, hours, "
    "sort_order, updated_by, updated_at, show_photo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
    "(official_id) DO UPDATE SET "
    "listed = excluded.listed, show_position = excluded.show_position, show_phone = excluded.show_phone, "
    "show_email = excluded.show_email, show_hours = excluded.show_hours, hours = excluded.hours, "
    "sort_order = excluded.sort_order, updated_by = excluded.updated_by, updated_at = excluded.updated_at, "
    "show_photo = excluded.show_photo"};
const db::Query kListedOfficials{
    "public_listed_officials",
    "SELECT o.id, o.full_name, o.position, o.phone, o.email, " FG_PUBLICATION_COLUMNS
    ", ph.sha256 FROM official_publication p JOIN officials o ON o.id = p.official_id JOIN units u ON u.id = o.unit_id "
    "LEFT JOIN official_photos ph ON ph.official_id = o.id "
    "WHERE u.code = ? AND o.active = 1 AND p.listed = 1 ORDER BY p.sort_order, o.full_name, o.id"};

Publication PublicationFrom(const db::Row& r, size_t i) {
  Publication p;
  p.listed = r.i64(i) != 0;
  p.position = r.i64(i + 1) != 0;
  p.phone = r.i64(i + 2) != 0;
  p.email = r.i64(i + 3) != 0;
  p.hours = r.i64(i + 4) != 0;
  p.hours_text = r.text(i + 5);
  p.sort_order = r.i64(i + 6);
  p.updated_at = r.text(i + 7);
  p.photo = r.i64(i + 8) != 0;
  return p;
}

}  // namespace

UnitsState State(db::Conn& c) {
  auto row = c.query(kUnitsState).at(0);
  return {std::to_string(row.i64(0)) + "|" + row.text(1), row.text(1)};
}

UnitsState ProceduresState(db::Conn& c) {
  auto row = c.query(kProceduresState).at(0);
  return {std::to_string(row.i64(0)) + "|" + row.text(1), row.text(1)};
}

std::vector<Place> AllPlaces(db::Conn& c) {
  std::vector<Place> out;
  for (auto& r : c.query(kAllPlaces)) {
    Place p;
    p.code = r.text(0);
    p.name = r.text(1);
    p.parent_code = r.text(2);
    p.parent_name = r.text(3);
    p.province_code = r.text(4);
    p.province_name = r.text(5);
    p.valid_from = r.text(6);
    p.valid_to = r.opt_text(7);
    p.successor_code = r.text(8);
    p.successor_name = r.text(9);
    out.push_back(std::move(p));
  }
  return out;
}

std::optional<Publication> PublicationOf(db::Conn& c, int64_t official_id) {
  auto rows = c.query(kPublicationOf, {official_id});
  if (rows.empty()) return std::nullopt;
  return PublicationFrom(rows.at(0), 0);
}

void PutPublication(db::Conn& c, int64_t official_id, const Publication& p, std::optional<int64_t> by,
                    const std::string& at) {
  c.exec(kPutPublication,
         {official_id, int64_t{p.listed}, int64_t{p.position}, int64_t{p.phone}, int64_t{p.email}, int64_t{p.hours},
          p.hours_text, p.sort_order, by ? db::Value{*by} : db::Value{nullptr}, at, int64_t{p.photo}});
}

std::vector<DirectoryPerson> ListedOfficials(db::Conn& c, const std::string& unit_code) {
  std::vector<DirectoryPerson> out;
  for (auto& r : c.query(kListedOfficials, {unit_code})) {
    DirectoryPerson d;
    d.official_id = r.i64(0);
    d.full_name = r.text(1);
    d.position = r.text(2);
    d.phone = r.text(3);
    d.email = r.text(4);
    d.publication = PublicationFrom(r, 5);
    d.photo_version = r.opt_text(14).value_or("").substr(0, 16);
    out.push_back(std::move(d));
  }
  return out;
}

namespace {
const db::Query kConductOf{"public_conduct_of",
                           "SELECT mottos, code_of_conduct, updated_at FROM unit_conduct WHERE unit_id = ?"};
const db::Query kPutConduct{
    "public_put_conduct",
    "INSERT INTO unit_conduct (unit_id, mottos, code_of_conduct, updated_by, updated_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (unit_id) DO UPDATE SET mottos = excluded.mottos, code_of_conduct = excluded.code_of_conduct, "
    "updated_by = excluded.updated_by, updated_at = excluded.updated_at"};
}  // namespace

std::optional<Conduct> ConductOf(db::Conn& c, int64_t unit_id) {
  auto rows = c.query(kConductOf, {unit_id});
  if (rows.empty()) return std::nullopt;
  return Conduct{rows.at(0).text(0), rows.at(0).text(1), rows.at(0).text(2)};
}

void PutConduct(db::Conn& c, int64_t unit_id, const Conduct& k, std::optional<int64_t> by) {
  c.exec(kPutConduct, {unit_id, k.mottos, k.code, by ? db::Value{*by} : db::Value{nullptr}, k.updated_at});
}

}  // namespace fg::pub::repo
