// The SQL of the public pages: read-only views of the units table.
#pragma once
#include <string>
#include <vector>

#include "features/public/model.h"
#include "platform/db/db.h"

namespace fg::pub::repo {

// Changes whenever a unit is added or changed (every unit write sets
// updated_at): the number of units and the latest updated_at.
struct UnitsState {
  std::string signature;
  std::string latest_change;  // max(updated_at), UTC text; "" without units
};
UnitsState State(db::Conn& c);
// Every commune-level unit (commune, ward, township, special zone), in force or
// not, with the names of its parent, province and successor.
std::vector<Place> AllPlaces(db::Conn& c);

}  // namespace fg::pub::repo
