// Pure rules of the one-stop desk (no I/O): validating procedures, search keys.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/calendar/engine.h"
#include "features/desk/model.h"

namespace fg::desk {

// ---- procedures ----
std::string_view LimitName(Limit l);  // days | hours | same_day
std::optional<Limit> ParseLimit(std::string_view s);
// Trims, checks and normalises; throws BadInput naming the field ("documents[2].name" ...).
// The result has no id, version or unit path yet.
Procedure ValidateProcedure(const ProcedureInput& in, std::string_view today);
// The folded text a procedure is found by (text::Fold of code, name and field).
std::string SearchKey(const Procedure& p);
// Distinct words of a search key, for the term index.
std::vector<std::string> Terms(std::string_view search_key);
// The smallest string greater than every string starting with `prefix` of
// [a-z0-9] ("ho" -> "hp", "hz" -> "i", "z" -> ""): "" means no upper bound.
std::string PrefixEnd(std::string_view prefix);
calendar::LimitUnit ToCalendar(Limit l);

}  // namespace fg::desk
