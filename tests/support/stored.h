// Checks of what a server left in its SQLite database, after load or a crash.
#pragma once
#include <string>
#include <vector>

#include "platform/db/db.h"

namespace fg::testing {

// How many of the unit codes the server acknowledged (201) are not stored.
inline size_t MissingUnits(db::Conn& c, const std::vector<std::string>& acknowledged) {
  static const db::Query kHas{"has_unit", "SELECT count(*) FROM units WHERE code = ?"};
  size_t missing = 0;
  for (const auto& code : acknowledged) missing += c.query_one(kHas, {code})->i64(0) == 1 ? 0 : 1;
  return missing;
}

}  // namespace fg::testing
