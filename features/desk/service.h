// Use cases of the one-stop desk. Every call authorises on the unit's subtree
// (auth::Covers) before reading or writing; every change records an event in
// the same write.
//
// Who may do what:
//   procedures: anyone reads the active catalogue; administrators covering the
//     owner unit create and change it; administrators or leaders covering a
//     unit register same-day resolution there.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "features/calendar/service.h"
#include "features/desk/model.h"
#include "platform/auth/principal.h"
#include "platform/db/db.h"

namespace fg::desk {

// Partial update: the current version to the complete new input. Called
// inside db.write (it may run again): no side effects.
using ProcedureMerge = std::function<ProcedureInput(const Procedure&)>;
ProcedureInput InputOf(const Procedure& p);

class Service {
 public:
  Service(db::Db& db, calendar::Service& calendar) : db_(db), calendar_(calendar) {}

  // ---- procedures ----
  Procedure CreateProcedure(const auth::Principal& p, const ProcedureInput& in);
  // A new version (the code and the owner unit cannot change).
  Procedure PatchProcedure(const auth::Principal& p, int64_t id, const ProcedureMerge& merge);
  Procedure SetProcedureActive(const auth::Principal& p, int64_t id, bool active);
  // The current version, or `version`. Inactive procedures only for a caller covering the owner.
  Procedure GetProcedure(const auth::Principal* p, int64_t id, std::optional<int64_t> version = std::nullopt);
  std::vector<Procedure> SearchProcedures(const auth::Principal* p, const ProcedureQuery& q);
  // Registers (or withdraws) same-day resolution of procedure `id` at `unit_code`.
  Procedure SetSameDay(const auth::Principal& p, int64_t id, const std::string& unit_code, bool on);

 private:
  db::Db& db_;
  calendar::Service& calendar_;
};

}  // namespace fg::desk
