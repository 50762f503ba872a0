// The SQL of the public pages: read-only views of the units table.
#pragma once
#include <optional>
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
// Changes whenever a procedure of any catalogue is added, changed, activated
// or deactivated (each sets procedures.updated_at): the count and the latest
// updated_at. The portal re-reads a place's catalogue when it changes.
UnitsState ProceduresState(db::Conn& c);

// ---- the directory (migration 0027) ----
std::optional<Publication> PublicationOf(db::Conn& c, int64_t official_id);
void PutPublication(db::Conn& c, int64_t official_id, const Publication& p, std::optional<int64_t> by,
                    const std::string& at);
// The active officials whose home unit is `unit_code` and who agreed to be
// listed, by sort_order then name, with their own data and consents.
std::vector<DirectoryPerson> ListedOfficials(db::Conn& c, const std::string& unit_code);

// ---- mottos and code of conduct (migration 0033) ----
std::optional<Conduct> ConductOf(db::Conn& c, int64_t unit_id);
void PutConduct(db::Conn& c, int64_t unit_id, const Conduct& k, std::optional<int64_t> by);

}  // namespace fg::pub::repo
