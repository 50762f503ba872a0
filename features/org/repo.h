// The SQL of units, officials and role grants.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "features/org/model.h"
#include "platform/db/db.h"

namespace fg::org::repo {

std::optional<Unit> UnitByCode(db::Conn& c, const std::string& code);
// Where a unit sits, by its code: what placing a unit under it needs (one
// lookup in the units' code index, without the parent's and successor's codes).
struct Placement {
  int64_t id = 0;
  std::string path;
  Level level = Level::kCommune;
};
std::optional<Placement> PlacementByCode(db::Conn& c, const std::string& code);
// Whether a unit, in force or not, has this code.
bool CodeTaken(db::Conn& c, const std::string& code);
std::optional<Unit> UnitById(db::Conn& c, int64_t id);
// Units whose path starts with `path_prefix`, parents before children.
std::vector<Unit> UnitsUnder(db::Conn& c, const std::string& path_prefix);
// The paths of at most `limit` root units (no parent), in force or not.
std::vector<std::string> RootPaths(db::Conn& c, int64_t limit);
// Inserts `u` (whose path is its parent's, "" for a root) and completes it as
// stored: id, own path, created_at and updated_at.
void InsertUnit(db::Conn& c, Unit& u);
void UpdateUnit(db::Conn& c, const Unit& u);  // all fields but path
// Moves a subtree: every path starting with `old_prefix` gets `new_prefix` instead.
void RepathSubtree(db::Conn& c, const std::string& old_prefix, const std::string& new_prefix);
Counts CountUnder(db::Conn& c, const std::string& path_prefix, const std::string& today);

// Locks the row until the end of the write, before it is read to be merged.
void LockUnit(db::Conn& c, const std::string& code);
void LockOfficial(db::Conn& c, int64_t id);

std::optional<Official> OfficialById(db::Conn& c, int64_t id);
// The official without their grants (`grants` empty): who they are and where they work.
std::optional<Official> OfficialProfile(db::Conn& c, int64_t id);
std::optional<Official> OfficialByUsername(db::Conn& c, const std::string& username);
std::vector<Official> OfficialsUnder(db::Conn& c, const std::string& path_prefix);  // with their grants
std::vector<auth::Grant> GrantsOf(db::Conn& c, int64_t official_id);
// Ids of active officials holding a role on the unit at `unit_path` or one of its ancestors.
std::vector<int64_t> OfficialsGrantedOver(db::Conn& c, const std::string& unit_path);
int64_t InsertOfficial(db::Conn& c, const Official& o, const std::string& password_hash, bool password_is_demo);
void UpdateOfficial(db::Conn& c, const Official& o);
int64_t InsertGrant(db::Conn& c, int64_t official_id, int64_t unit_id, auth::Role role);
bool DeleteGrant(db::Conn& c, int64_t official_id, int64_t grant_id);

// ---- photos (migration 0032); content is base64 ----
std::optional<Photo> PhotoOf(db::Conn& c, int64_t official_id);
// The photo and its stored (base64) content.
std::optional<std::pair<Photo, std::string>> PhotoContentOf(db::Conn& c, int64_t official_id);
void PutPhoto(db::Conn& c, const Photo& p, const std::string& content_base64, std::optional<int64_t> by);
bool DeletePhoto(db::Conn& c, int64_t official_id);

}  // namespace fg::org::repo
