// Use cases for units and officials. Every call checks that the principal holds
// a suitable role on the unit's subtree before reading or writing.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/org/model.h"
#include "platform/auth/principal.h"
#include "platform/db/db.h"

namespace fg::org {

// The principal of CLI commands and start-up tasks: administrator of everything.
auth::Principal SystemPrincipal();

// Whether `p` holds one of `roles` over the official's home unit AND every unit
// on which the official holds a role: nobody acts on an official who holds
// roles beyond them. Every authorisation over an official goes through this.
bool CoversOfficial(const auth::Principal& p, const Official& o, std::initializer_list<auth::Role> roles);

// Partial updates: the current state, read in the same write, to the complete new state.
// Called inside db.write, so it may run twice: no side effects.
using UnitMerge = std::function<UnitInput(const Unit&)>;
using OfficialMerge = std::function<OfficialInput(const Official&)>;

struct ImportResult {
  int created = 0;
  int updated = 0;
};

class Service {
 public:
  explicit Service(db::Db& db) : db_(db) {}

  // Units in the subtrees the principal holds (any role); `at` filters to those in force.
  std::vector<Unit> ListUnits(const auth::Principal& p, const std::optional<std::string>& at = {});
  Unit GetUnit(const auth::Principal& p, const std::string& code);
  // The public record of a unit (the administrative register is public: name,
  // code, level, validity), for anyone; nullopt if there is no such unit.
  std::optional<Unit> PublicUnit(const std::string& code);
  // Administrators of the parent's subtree; a root unit needs the system principal.
  Unit CreateUnit(const auth::Principal& p, const UnitInput& in);
  // `in` is the complete new state; the code cannot change. A successor outside
  // the administrator's subtrees is refused (unless unchanged).
  Unit UpdateUnit(const auth::Principal& p, const std::string& code, const UnitInput& in);
  // Read, merge and write in one transaction (concurrent partial updates are not lost).
  Unit PatchUnit(const auth::Principal& p, const std::string& code, const UnitMerge& merge);
  // CSV with a header row: code,name,level,parent_code,valid_from,valid_to[,successor_code].
  // All rows or none: a bad row aborts the import with its line number.
  ImportResult ImportCsv(const auth::Principal& p, std::string_view csv);
  std::string ExportCsv(const auth::Principal& p);
  Counts CountsFor(const auth::Principal& p);

  // Administrators and leaders see the officials they cover (CoversOfficial).
  std::vector<Official> ListOfficials(const auth::Principal& p);
  Official GetOfficial(const auth::Principal& p, int64_t id);
  // `demo_password` lets the demo seed set the password "demo" (refused otherwise).
  Official CreateOfficial(const auth::Principal& p, const OfficialInput& in,
                          const std::vector<std::pair<std::string, std::string>>& roles = {},
                          bool demo_password = false);
  // Deactivating an official ends their sessions and revokes their API tokens.
  Official UpdateOfficial(const auth::Principal& p, int64_t id, const OfficialInput& in);
  Official PatchOfficial(const auth::Principal& p, int64_t id, const OfficialMerge& merge);
  Official AddGrant(const auth::Principal& p, int64_t official_id, const std::string& unit_code,
                    const std::string& role);
  Official RemoveGrant(const auth::Principal& p, int64_t official_id, int64_t grant_id);

  // ---- photos: the official themself, or an administrator or leader covering
  // them (as GetOfficial), may see, set, replace and remove the photo ----
  // Sets or replaces it (CheckPhoto: 400, 413, 415 naming field "photo"), with an event.
  Photo SetPhoto(const auth::Principal& p, int64_t official_id, std::string_view bytes);
  // Removes it (nothing to remove: no change, no event).
  void RemovePhoto(const auth::Principal& p, int64_t official_id);
  std::optional<Photo> PhotoOf(const auth::Principal& p, int64_t official_id);
  // NotFound("org.photo.not_found") without a photo.
  PhotoFile PhotoFileOf(const auth::Principal& p, int64_t official_id);
  // Inside another feature's read, no authorisation (the public directory with
  // consent, the desk tablet paired to the official).
  static std::optional<Photo> FindPhoto(db::Conn& c, int64_t official_id);
  static std::optional<PhotoFile> FindPhotoFile(db::Conn& c, int64_t official_id);

  // The principal of an active official, or nullopt (for authentication).
  static std::optional<auth::Principal> LoadPrincipal(db::Conn& c, int64_t official_id);
  // A unit by code inside another feature's transaction (no authorisation: the
  // caller decides what the unit may be used for).
  static std::optional<Unit> FindUnit(db::Conn& c, const std::string& code);
  static std::optional<Official> FindOfficial(db::Conn& c, int64_t id);
  // Active officials holding one of `roles` on the unit at `unit_path` or an
  // ancestor (those who may work on it), by name; inside another feature's read.
  static std::vector<Official> Covering(db::Conn& c, const std::string& unit_path,
                                        std::initializer_list<auth::Role> roles);
  // The system principal, or an administrator of the root when the tree has
  // exactly one root (units in force or not): who may decide for the whole country.
  static bool AdministersWholeTree(db::Conn& c, const auth::Principal& p);

 private:
  db::Db& db_;
};

}  // namespace fg::org
