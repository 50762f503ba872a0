// The SQL of the desk: procedures and their versions.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "features/desk/model.h"
#include "platform/db/db.h"

namespace fg::desk::repo {

// ---- procedures ----
// Inserts version 1 with its search key and terms; returns the id.
int64_t InsertProcedure(db::Conn& c, int64_t unit_id, const Procedure& p, const std::string& search_key, int64_t by);
// Stores `p` as version `p.version` and makes it current (search key and terms too).
void AddProcedureVersion(db::Conn& c, int64_t id, const Procedure& p, const std::string& search_key, int64_t by);
void SetProcedureActive(db::Conn& c, int64_t id, bool active);
// The current version, or the given one.
std::optional<Procedure> ProcedureById(db::Conn& c, int64_t id, std::optional<int64_t> version = std::nullopt);
std::optional<int64_t> ProcedureIdByCode(db::Conn& c, int64_t unit_id, const std::string& code);
void LockProcedure(db::Conn& c, int64_t id);
// Procedures whose search key contains `phrase` (folded; "" = any), found
// through the term index by `term_prefix` ([a-z0-9], "" = no term) below
// `term_end` ("" = no bound); applying at `unit_path` ("" = anywhere).
std::vector<Procedure> SearchProcedures(db::Conn& c, const std::string& term_prefix, const std::string& term_end,
                                        const std::string& phrase, const std::string& unit_path, bool include_inactive,
                                        int64_t limit);
void SetSameDay(db::Conn& c, int64_t procedure_id, int64_t unit_id, bool on, int64_t by);
bool IsSameDay(db::Conn& c, int64_t procedure_id, int64_t unit_id);

}  // namespace fg::desk::repo
