#include "features/public/repo.h"

namespace fg::pub::repo {
namespace {

const db::Query kUnitsState{"public_units_state", "SELECT count(*), coalesce(max(updated_at), '') FROM units"};
const db::Query kAllPlaces{
    "public_all_places",
    "SELECT u.code, u.name, p.code, p.name, r.code, r.name, u.valid_from, u.valid_to, s.code, s.name "
    "FROM units u LEFT JOIN units p ON p.id = u.parent_id LEFT JOIN units s ON s.id = u.successor_id "
    "LEFT JOIN units r ON r.parent_id IS NULL AND substr(u.path, 1, length(r.path)) = r.path "
    "WHERE u.level IN ('commune', 'ward', 'township', 'special_zone') ORDER BY u.id"};

}  // namespace

UnitsState State(db::Conn& c) {
  auto row = c.query(kUnitsState).at(0);
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

}  // namespace fg::pub::repo
