// SQL of the ratings (parameterised, portable SQLite + PostgreSQL).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "features/ratings/model.h"
#include "platform/db/db.h"

namespace fg::ratings::repo {

std::string Key(db::Conn& c, const std::string& name);  // hex, "" when none
void PutKeyIfAbsent(db::Conn& c, const std::string& name, const std::string& hex);

// The nearest settings on the unit's path (its own, else an ancestor's).
std::optional<Settings> NearestSettings(db::Conn& c, const std::string& unit_path);
void PutSettings(db::Conn& c, int64_t unit_id, const Settings& s);

// Inserts the rating (throws db::ConstraintError when its dossier or client key is taken).
int64_t InsertRating(db::Conn& c, const Rating& r);
std::optional<Rating> RatingById(db::Conn& c, int64_t id);
std::optional<Rating> RatingByClientKey(db::Conn& c, const std::string& key);
bool DossierRated(db::Conn& c, int64_t dossier_id);

struct CountRow {
  int64_t unit_id = 0;
  std::string unit_code, unit_name;
  std::string day;
  int64_t official_id = 0;
  int64_t procedure_id = 0;
  std::string key;  // a level or a reason
  int64_t n = 0;
};
// Adds n ratings like r to the daily and monthly counters (n > 1: benchmarks filling a store).
void AddCounts(db::Conn& c, const Rating& r, int64_t n = 1);
// Counters of the units under `path_prefix` over local days [from, to].
std::vector<CountRow> LevelCounts(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                  const std::string& to);
std::vector<CountRow> ReasonCounts(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                   const std::string& to);
// What a report groups by. The report's sums are made in SQL: one row per value of the
// grouping and level (or reason), with only the fields that grouping names filled (unit_id,
// unit_code and unit_name; day as the month YYYY-MM; official_id; procedure_id). Reasons are
// not counted per procedure: summed "by procedure" they come back by reason alone.
enum class SumBy { kUnit, kMonth, kOfficial, kProcedure };
// Sums of the daily counters of the units under `path_prefix` over local days [from, to].
std::vector<CountRow> LevelSums(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                const std::string& to, SumBy by);
std::vector<CountRow> ReasonSums(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                 const std::string& to, SumBy by);
// The same from the monthly counters over months [from, to] (YYYY-MM).
std::vector<CountRow> MonthLevelSums(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                     const std::string& to, SumBy by);
std::vector<CountRow> MonthReasonSums(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                      const std::string& to, SumBy by);
// The same two, recounted from the ratings (tests: counters = recount).
std::vector<CountRow> RecountLevels(db::Conn& c);
std::vector<CountRow> RecountReasons(db::Conn& c);

// Unbound ratings waiting for review under a path, newest first.
std::vector<Rating> Flagged(db::Conn& c, const std::string& path_prefix, int limit);
bool MarkReviewed(db::Conn& c, int64_t id, int64_t by);
// Whether an official of a unit on `unit_path` logged in successfully from `address`.
bool StaffAddress(db::Conn& c, const std::string& unit_path, const std::string& address);
// Unbound ratings of an official since an instant.
int64_t UnboundSince(db::Conn& c, int64_t official_id, const std::string& since);

// ---- tablets ----
int64_t InsertDevice(db::Conn& c, const Device& d, const std::string& pairing_hash);
std::optional<Device> DeviceById(db::Conn& c, int64_t id);
std::optional<Device> DeviceByPairing(db::Conn& c, const std::string& pairing_hash);
std::optional<Device> DeviceByToken(db::Conn& c, const std::string& token_hash);
bool Pair(db::Conn& c, int64_t id, const std::string& token_hash, const std::string& now);
bool Revoke(db::Conn& c, int64_t id, const std::string& now);
std::vector<Device> DevicesUnder(db::Conn& c, const std::string& path_prefix);
void InsertInvite(db::Conn& c, int64_t official_id, int64_t dossier_id, const std::string& now);
// The newest dossier the official invited to rate, or returned a result of, since `since`.
std::optional<int64_t> LatestInvited(db::Conn& c, int64_t official_id, const std::string& since);
std::optional<std::string> DossierCode(db::Conn& c, int64_t dossier_id);

}  // namespace fg::ratings::repo
