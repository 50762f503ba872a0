#pragma once
// Nearest-ancestor lookups over the units' materialised paths ("/1/5/23/": the ids from the root).
//
// `WHERE ? LIKE u.path || '%'` finds the rows of a unit and its ancestors, but no index can serve it: the
// store reads every unit for each lookup, and a country's tree has some 11,000. Every lookup of a setting
// inherited down the tree (work week, rating scale, notification channels, letter signer, ...) instead
// starts its FROM clause with the paths of the unit and its ancestors, one index search per level:
//   "SELECT s.x, u.path FROM " FG_ANCESTOR_UNITS " JOIN settings s ON s.unit_id = u.id WHERE "
//   FG_ANCESTOR_MATCH " AND ..."   with   AncestorParams(path, {the parameters after the paths})
// The paths are a VALUES list that SQLite reads as it goes, in the outer loop (CROSS JOIN keeps it
// there; PostgreSQL reads CROSS JOIN as a plain join). `u.path IN (?, ...)` made SQLite build a
// temporary index of the list on every run.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "platform/db/db.h"

namespace fg::db {

// Levels a path may have: a province, a district, a commune (org::ParentAllowed), with room to spare.
inline constexpr size_t kAncestorSlots = 6;
#define FG_ANCESTOR_UNITS "(VALUES (?), (?), (?), (?), (?), (?)) a CROSS JOIN units u"
#define FG_ANCESTOR_MATCH "u.path = a.column1"

// The paths of the unit of `path` and of its ancestors ("/1/", "/1/5/", "/1/5/23/"), padded with ""
// (which no unit has) to kAncestorSlots values, then `after`.
inline std::vector<Value> AncestorParams(std::string_view path, const std::vector<Value>& after = {}) {
  std::vector<Value> out;
  out.reserve(kAncestorSlots + after.size());
  size_t slots = 0;
  for (size_t i = 1; i < path.size(); ++i)
    if (path[i] == '/') {
      if (++slots > kAncestorSlots) throw std::logic_error("a unit path deeper than kAncestorSlots");
      out.emplace_back(std::string(path.substr(0, i + 1)));
    }
  for (; slots < kAncestorSlots; ++slots) out.emplace_back(std::string());
  out.insert(out.end(), after.begin(), after.end());
  return out;
}

// Of the rows an FG_ANCESTOR_UNITS query answered, the nearest unit's: the row whose last column
// (the query ends its columns with u.path) is longest. Choosing here rather than with
// `ORDER BY length(u.path) DESC LIMIT 1` spares SQLite a sorter per lookup, most of which find one row
// or none. For tables holding at most one row per unit; ties (several rows of one unit) need SQL order.
inline std::optional<Row> Nearest(std::vector<Row> rows) {
  std::optional<Row> best;
  for (auto& r : rows)
    if (!best || r.text(r.size() - 1).size() > best->text(best->size() - 1).size()) best = std::move(r);
  return best;
}

}  // namespace fg::db
