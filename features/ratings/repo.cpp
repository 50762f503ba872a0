#include "features/ratings/repo.h"

#include <map>
#include <tuple>

#include "platform/db/ancestors.h"
#include "platform/db/batch_counts.h"

namespace fg::ratings::repo {
namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}
std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}
db::Value Opt(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::Value(nullptr); }

#define RATING_COLS                                                                                     \
  "r.id, r.unit_id, u.code, u.name, r.official_id, o.full_name, r.dossier_id, d.code, r.procedure_id, " \
  "r.device_id, r.scale, r.level, r.reasons, r.comment, r.source, r.client_key, r.day, r.at, r.flag "   \
  "FROM ratings r JOIN units u ON u.id = r.unit_id JOIN officials o ON o.id = r.official_id "           \
  "LEFT JOIN dossiers d ON d.id = r.dossier_id "

Rating RatingOf(const db::Row& row) {
  Rating r;
  r.id = row.i64(0);
  r.unit_id = row.i64(1);
  r.unit_code = row.text(2);
  r.unit_name = row.text(3);
  r.official_id = row.i64(4);
  r.official_name = row.text(5);
  r.dossier_id = row.opt_i64(6);
  r.dossier_code = row.text(7);
  r.procedure_id = row.i64(8);
  r.device_id = row.opt_i64(9);
  r.scale = static_cast<int>(row.i64(10));
  r.level = row.text(11);
  r.reasons = SplitList(row.text(12));
  r.comment = row.text(13);
  r.source = row.text(14);
  r.client_key = row.text(15);
  r.day = row.text(16);
  r.at = row.text(17);
  r.flag = row.text(18);
  return r;
}

#define DEVICE_COLS                                                                                        \
  "v.id, v.unit_id, u.code, v.official_id, o.full_name, v.name, v.created_at, v.paired_at, v.revoked_at, " \
  "v.seen_at, v.pairing_expires FROM rating_devices v JOIN units u ON u.id = v.unit_id "                   \
  "JOIN officials o ON o.id = v.official_id "

Device DeviceOf(const db::Row& r) {
  Device d;
  d.id = r.i64(0);
  d.unit_id = r.i64(1);
  d.unit_code = r.text(2);
  d.official_id = r.i64(3);
  d.official_name = r.text(4);
  d.name = r.text(5);
  d.created_at = r.text(6);
  d.paired_at = r.text(7);
  d.revoked_at = r.text(8);
  d.seen_at = r.text(9);
  d.pairing_expires = r.text(10);
  return d;
}

std::vector<CountRow> Counts(db::Conn& c, const db::Query& q, const std::vector<db::Value>& params,
                             bool with_procedure) {
  std::vector<CountRow> out;
  for (auto& r : c.query(q, params)) {
    CountRow row;
    row.unit_id = r.i64(0);
    row.unit_code = r.text(1);
    row.unit_name = r.text(2);
    row.day = r.text(3);
    row.official_id = r.i64(4);
    row.procedure_id = with_procedure ? r.i64(5) : 0;
    row.key = r.text(with_procedure ? 6 : 5);
    row.n = r.i64(with_procedure ? 7 : 6);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

std::string Key(db::Conn& c, const std::string& name) {
  auto r = c.query_one({"ratings.key", "SELECT value FROM rating_keys WHERE name = ?"}, {name});
  return r ? r->text(0) : "";
}
void PutKeyIfAbsent(db::Conn& c, const std::string& name, const std::string& hex) {
  c.exec({"ratings.key_put", "INSERT INTO rating_keys (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"},
         {name, hex});
}

std::optional<Settings> NearestSettings(db::Conn& c, const std::string& unit_path) {
  auto r = db::Nearest(
      c.query({"ratings.settings", "SELECT s.scale, s.reset_seconds, s.link_days, u.path FROM " FG_ANCESTOR_UNITS
                                   " JOIN rating_settings s ON s.unit_id = u.id WHERE " FG_ANCESTOR_MATCH},
              db::AncestorParams(unit_path)));
  if (!r) return std::nullopt;
  return Settings{static_cast<int>(r->i64(0)), static_cast<int>(r->i64(1)), static_cast<int>(r->i64(2))};
}
void PutSettings(db::Conn& c, int64_t unit_id, const Settings& s) {
  c.exec({"ratings.settings_put",
          "INSERT INTO rating_settings (unit_id, scale, reset_seconds, link_days) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (unit_id) DO UPDATE SET scale = excluded.scale, reset_seconds = excluded.reset_seconds, "
          "link_days = excluded.link_days"},
         {unit_id, int64_t{s.scale}, int64_t{s.reset_seconds}, int64_t{s.link_days}});
}

int64_t InsertRating(db::Conn& c, const Rating& r) {
  return c.insert(
      {"ratings.insert",
       "INSERT INTO ratings (unit_id, official_id, dossier_id, procedure_id, device_id, scale, level, reasons, "
       "comment, source, client_key, day, at, flag) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
      {r.unit_id, r.official_id, Opt(r.dossier_id), r.procedure_id, Opt(r.device_id), int64_t{r.scale}, r.level,
       Join(r.reasons), r.comment, r.source, r.client_key.empty() ? db::Value(nullptr) : db::Value(r.client_key), r.day,
       r.at, r.flag});
}

std::optional<Rating> RatingById(db::Conn& c, int64_t id) {
  auto r = c.query_one({"ratings.by_id", "SELECT " RATING_COLS "WHERE r.id = ?"}, {id});
  if (!r) return std::nullopt;
  return RatingOf(*r);
}
std::optional<Rating> RatingByClientKey(db::Conn& c, const std::string& key) {
  auto r = c.query_one({"ratings.by_client_key", "SELECT " RATING_COLS "WHERE r.client_key = ?"}, {key});
  if (!r) return std::nullopt;
  return RatingOf(*r);
}
bool DossierRated(db::Conn& c, int64_t dossier_id) {
  return c.query_one({"ratings.dossier_rated", "SELECT 1 FROM ratings WHERE dossier_id = ?"}, {dossier_id}).has_value();
}

void AddCounts(db::Conn& c, const Rating& r, int64_t n) {
  const std::string month = r.day.substr(0, 7);
  db::counts::Add(
      c,
      {"ratings.count_level",
       "INSERT INTO rating_counts (unit_id, day, official_id, procedure_id, level, n) VALUES (?, ?, ?, ?, ?, ?) "
       "ON CONFLICT (unit_id, day, official_id, procedure_id, level) DO UPDATE SET n = rating_counts.n + excluded.n"},
      {r.unit_id, r.day, r.official_id, r.procedure_id, r.level}, {n});
  db::counts::Add(
      c,
      {"ratings.count_day_official",
       "INSERT INTO rating_day_officials (unit_id, day, official_id, level, n) VALUES (?, ?, ?, ?, ?) "
       "ON CONFLICT (unit_id, day, official_id, level) DO UPDATE SET n = rating_day_officials.n + excluded.n"},
      {r.unit_id, r.day, r.official_id, r.level}, {n});
  db::counts::Add(c,
                  {"ratings.count_day_unit",
                   "INSERT INTO rating_day_units (unit_id, day, level, n) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT (unit_id, day, level) DO UPDATE SET n = rating_day_units.n + excluded.n"},
                  {r.unit_id, r.day, r.level}, {n});
  db::counts::Add(
      c,
      {"ratings.count_month_official",
       "INSERT INTO rating_month_officials (unit_id, month, official_id, level, n) VALUES (?, ?, ?, ?, ?) "
       "ON CONFLICT (unit_id, month, official_id, level) DO UPDATE SET n = rating_month_officials.n + excluded.n"},
      {r.unit_id, month, r.official_id, r.level}, {n});
  db::counts::Add(
      c,
      {"ratings.count_month_procedure",
       "INSERT INTO rating_month_procedures (unit_id, month, procedure_id, level, n) VALUES (?, ?, ?, ?, ?) "
       "ON CONFLICT (unit_id, month, procedure_id, level) DO UPDATE SET n = rating_month_procedures.n + excluded.n"},
      {r.unit_id, month, r.procedure_id, r.level}, {n});
  for (const auto& reason : r.reasons) {
    db::counts::Add(
        c,
        {"ratings.count_reason",
         "INSERT INTO rating_reason_counts (unit_id, day, official_id, reason, n) VALUES (?, ?, ?, ?, ?) "
         "ON CONFLICT (unit_id, day, official_id, reason) DO UPDATE SET n = rating_reason_counts.n + excluded.n"},
        {r.unit_id, r.day, r.official_id, reason}, {n});
    db::counts::Add(c,
                    {"ratings.count_day_unit_reason",
                     "INSERT INTO rating_day_unit_reasons (unit_id, day, reason, n) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (unit_id, day, reason) DO UPDATE SET n = rating_day_unit_reasons.n + excluded.n"},
                    {r.unit_id, r.day, reason}, {n});
    db::counts::Add(
        c,
        {"ratings.count_month_reason",
         "INSERT INTO rating_month_reasons (unit_id, month, official_id, reason, n) VALUES (?, ?, ?, ?, ?) "
         "ON CONFLICT (unit_id, month, official_id, reason) DO UPDATE SET n = rating_month_reasons.n + excluded.n"},
        {r.unit_id, month, r.official_id, reason}, {n});
  }
}

std::vector<CountRow> LevelCounts(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                  const std::string& to) {
  return Counts(c,
                {"ratings.level_counts",
                 "SELECT k.unit_id, u.code, u.name, k.day, k.official_id, k.procedure_id, k.level, k.n "
                 "FROM units u CROSS JOIN rating_counts k WHERE k.unit_id = u.id "
                 "AND u.path LIKE ? AND k.day >= ? AND k.day <= ?"},
                {path_prefix + "%", from, to}, true);
}
std::vector<CountRow> ReasonCounts(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                   const std::string& to) {
  return Counts(c,
                {"ratings.reason_counts",
                 "SELECT k.unit_id, u.code, u.name, k.day, k.official_id, k.reason, k.n "
                 "FROM units u CROSS JOIN rating_reason_counts k WHERE k.unit_id = u.id "
                 "AND u.path LIKE ? AND k.day >= ? AND k.day <= ?"},
                {path_prefix + "%", from, to}, false);
}
// ---- report sums ----
// Columns as Counts() reads them: unit_id, code, name, day, official_id[, procedure_id], key, n.
// The subtree's units are walked and each unit's counters read by key (CROSS JOIN, as the desk's
// statistics do); the grouping is done by the store, so a province's year sends a few hundred
// rows up instead of every counter row.
#define FG_RATING_SUM(cols, table, period, group, key)                  \
  "SELECT " cols ", k." key ", sum(k.n) FROM units u CROSS JOIN " table \
  " k WHERE k.unit_id = u.id "                                          \
  "AND u.path LIKE ? AND k." period " >= ? AND k." period " <= ? GROUP BY " group "k." key
#define FG_BY_UNIT_COLS "k.unit_id, u.code, u.name, ''"
#define FG_BY_UNIT_GROUP "k.unit_id, u.code, u.name, "
#define FG_NO_UNIT "0, '', ''"
// Indexed by SumBy: unit, month, official, procedure. The daily levels are kept by
// unit, by official and by official and procedure: each grouping reads the table
// with the fewest rows that has its key.
const db::Query kLevelSums[] = {
    {"ratings.level_sums_by_unit",
     FG_RATING_SUM(FG_BY_UNIT_COLS ", 0, 0", "rating_day_units", "day", FG_BY_UNIT_GROUP, "level")},
    {"ratings.level_sums_by_month", FG_RATING_SUM(FG_NO_UNIT ", substr(k.day, 1, 7), 0, 0", "rating_day_units", "day",
                                                  "substr(k.day, 1, 7), ", "level")},
    {"ratings.level_sums_by_official",
     FG_RATING_SUM(FG_NO_UNIT ", '', k.official_id, 0", "rating_day_officials", "day", "k.official_id, ", "level")},
    {"ratings.level_sums_by_procedure",
     FG_RATING_SUM(FG_NO_UNIT ", '', 0, k.procedure_id", "rating_counts", "day", "k.procedure_id, ", "level")},
};
// The daily reasons are kept by unit and by official.
const db::Query kReasonSums[] = {
    {"ratings.reason_sums_by_unit",
     FG_RATING_SUM(FG_BY_UNIT_COLS ", 0", "rating_day_unit_reasons", "day", FG_BY_UNIT_GROUP, "reason")},
    {"ratings.reason_sums_by_month", FG_RATING_SUM(FG_NO_UNIT ", substr(k.day, 1, 7), 0", "rating_day_unit_reasons",
                                                   "day", "substr(k.day, 1, 7), ", "reason")},
    {"ratings.reason_sums_by_official",
     FG_RATING_SUM(FG_NO_UNIT ", '', k.official_id", "rating_reason_counts", "day", "k.official_id, ", "reason")},
    {"ratings.reason_sums_total", FG_RATING_SUM(FG_NO_UNIT ", '', 0", "rating_day_unit_reasons", "day", "", "reason")},
};
// The monthly levels are kept by official and by procedure in two tables.
const db::Query kMonthLevelSums[] = {
    {"ratings.month_level_sums_by_unit",
     FG_RATING_SUM(FG_BY_UNIT_COLS ", 0, 0", "rating_month_officials", "month", FG_BY_UNIT_GROUP, "level")},
    {"ratings.month_level_sums_by_month",
     FG_RATING_SUM(FG_NO_UNIT ", k.month, 0, 0", "rating_month_officials", "month", "k.month, ", "level")},
    {"ratings.month_level_sums_by_official",
     FG_RATING_SUM(FG_NO_UNIT ", '', k.official_id, 0", "rating_month_officials", "month", "k.official_id, ", "level")},
    {"ratings.month_level_sums_by_procedure",
     FG_RATING_SUM(FG_NO_UNIT ", '', 0, k.procedure_id", "rating_month_procedures", "month", "k.procedure_id, ",
                   "level")},
};
const db::Query kMonthReasonSums[] = {
    {"ratings.month_reason_sums_by_unit",
     FG_RATING_SUM(FG_BY_UNIT_COLS ", 0", "rating_month_reasons", "month", FG_BY_UNIT_GROUP, "reason")},
    {"ratings.month_reason_sums_by_month",
     FG_RATING_SUM(FG_NO_UNIT ", k.month, 0", "rating_month_reasons", "month", "k.month, ", "reason")},
    {"ratings.month_reason_sums_by_official",
     FG_RATING_SUM(FG_NO_UNIT ", '', k.official_id", "rating_month_reasons", "month", "k.official_id, ", "reason")},
    {"ratings.month_reason_sums_total",
     FG_RATING_SUM(FG_NO_UNIT ", '', 0", "rating_month_reasons", "month", "", "reason")},
};

// The grouping's query of one of the tables above, over [from, to] of the subtree.
std::vector<CountRow> Sums(db::Conn& c, const db::Query (&queries)[4], SumBy by, const std::string& path_prefix,
                           const std::string& from, const std::string& to, bool levels) {
  return Counts(c, queries[static_cast<int>(by)], {path_prefix + "%", from, to}, levels);
}

std::vector<CountRow> LevelSums(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                const std::string& to, SumBy by) {
  return Sums(c, kLevelSums, by, path_prefix, from, to, true);
}
std::vector<CountRow> ReasonSums(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                 const std::string& to, SumBy by) {
  return Sums(c, kReasonSums, by, path_prefix, from, to, false);
}
std::vector<CountRow> MonthLevelSums(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                     const std::string& to, SumBy by) {
  return Sums(c, kMonthLevelSums, by, path_prefix, from, to, true);
}
std::vector<CountRow> MonthReasonSums(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                      const std::string& to, SumBy by) {
  return Sums(c, kMonthReasonSums, by, path_prefix, from, to, false);
}

std::vector<CountRow> RecountLevels(db::Conn& c) {
  return Counts(c,
                {"ratings.recount_levels",
                 "SELECT r.unit_id, u.code, u.name, r.day, r.official_id, r.procedure_id, r.level, COUNT(*) "
                 "FROM ratings r JOIN units u ON u.id = r.unit_id "
                 "GROUP BY r.unit_id, u.code, u.name, r.day, r.official_id, r.procedure_id, r.level "
                 "ORDER BY r.unit_id, r.day, r.official_id, r.procedure_id, r.level"},
                {}, true);
}
std::vector<CountRow> RecountReasons(db::Conn& c) {
  // Reasons are a comma list: counted in the application (the test's recount).
  std::map<std::tuple<int64_t, std::string, int64_t, std::string>, CountRow> by;
  for (auto& row : c.query({"ratings.recount_reasons",
                            "SELECT r.unit_id, u.code, u.name, r.day, r.official_id, r.reasons FROM ratings r "
                            "JOIN units u ON u.id = r.unit_id WHERE r.reasons <> ''"})) {
    for (const auto& reason : SplitList(row.text(5))) {
      auto& k = by[{row.i64(0), row.text(3), row.i64(4), reason}];
      k.unit_id = row.i64(0);
      k.unit_code = row.text(1);
      k.unit_name = row.text(2);
      k.day = row.text(3);
      k.official_id = row.i64(4);
      k.key = reason;
      ++k.n;
    }
  }
  std::vector<CountRow> out;
  for (auto& [_, v] : by) out.push_back(v);
  return out;
}

std::vector<Rating> Flagged(db::Conn& c, const std::string& path_prefix, int limit) {
  std::vector<Rating> out;
  for (auto& r : c.query(
           {"ratings.flagged", "SELECT " RATING_COLS "WHERE u.path LIKE ? AND r.flag <> '' AND r.reviewed_by IS NULL "
                               "ORDER BY r.id DESC LIMIT ?"},
           {path_prefix + "%", int64_t{limit}}))
    out.push_back(RatingOf(r));
  return out;
}
bool MarkReviewed(db::Conn& c, int64_t id, int64_t by) {
  return c.exec({"ratings.reviewed", "UPDATE ratings SET reviewed_by = ? WHERE id = ? AND reviewed_by IS NULL"},
                {by, id}) == 1;
}
bool StaffAddress(db::Conn& c, const std::string& unit_path, const std::string& address) {
  return c
      .query_one({"ratings.staff_address",
                  "SELECT 1 FROM login_throttles t JOIN officials o ON o.id = t.official_id "
                  "JOIN units u ON u.id = o.unit_id WHERE t.client_address = ? AND t.last_success_at IS NOT NULL "
                  "AND u.path LIKE ? LIMIT 1"},
                 {address, unit_path + "%"})
      .has_value();
}
int64_t UnboundSince(db::Conn& c, int64_t official_id, const std::string& since) {
  return c
      .query_one({"ratings.unbound_since",
                  "SELECT COUNT(*) FROM ratings WHERE official_id = ? AND at >= ? AND dossier_id IS NULL"},
                 {official_id, since})
      ->i64(0);
}

int64_t InsertDevice(db::Conn& c, const Device& d, const std::string& pairing_hash) {
  return c.insert({"ratings.device_insert",
                   "INSERT INTO rating_devices (unit_id, official_id, name, pairing_hash, pairing_expires, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)"},
                  {d.unit_id, d.official_id, d.name, pairing_hash, d.pairing_expires, d.created_at});
}
std::optional<Device> DeviceById(db::Conn& c, int64_t id) {
  auto r = c.query_one({"ratings.device_by_id", "SELECT " DEVICE_COLS "WHERE v.id = ?"}, {id});
  if (!r) return std::nullopt;
  return DeviceOf(*r);
}
std::optional<Device> DeviceByPairing(db::Conn& c, const std::string& pairing_hash) {
  auto r = c.query_one({"ratings.device_by_pairing", "SELECT " DEVICE_COLS "WHERE v.pairing_hash = ?"}, {pairing_hash});
  if (!r) return std::nullopt;
  return DeviceOf(*r);
}
std::optional<Device> DeviceByToken(db::Conn& c, const std::string& token_hash) {
  auto r = c.query_one({"ratings.device_by_token", "SELECT " DEVICE_COLS "WHERE v.token_hash = ?"}, {token_hash});
  if (!r) return std::nullopt;
  return DeviceOf(*r);
}
bool Pair(db::Conn& c, int64_t id, const std::string& token_hash, const std::string& now) {
  return c.exec({"ratings.device_pair",
                 "UPDATE rating_devices SET token_hash = ?, pairing_hash = NULL, pairing_expires = NULL, "
                 "paired_at = ? WHERE id = ? AND paired_at IS NULL AND revoked_at IS NULL"},
                {token_hash, now, id}) == 1;
}
bool Revoke(db::Conn& c, int64_t id, const std::string& now) {
  return c.exec({"ratings.device_revoke",
                 "UPDATE rating_devices SET revoked_at = ?, pairing_hash = NULL, token_hash = NULL "
                 "WHERE id = ? AND revoked_at IS NULL"},
                {now, id}) == 1;
}
std::vector<Device> DevicesUnder(db::Conn& c, const std::string& path_prefix) {
  std::vector<Device> out;
  for (auto& r : c.query({"ratings.devices_under", "SELECT " DEVICE_COLS "WHERE u.path LIKE ? ORDER BY v.id DESC "
                                                   "LIMIT 500"},
                         {path_prefix + "%"}))
    out.push_back(DeviceOf(r));
  return out;
}
void InsertInvite(db::Conn& c, int64_t official_id, int64_t dossier_id, const std::string& now) {
  c.exec({"ratings.invite", "INSERT INTO rating_invites (official_id, dossier_id, at) VALUES (?, ?, ?)"},
         {official_id, dossier_id, now});
}
std::optional<int64_t> LatestInvited(db::Conn& c, int64_t official_id, const std::string& since) {
  auto invite = c.query_one({"ratings.latest_invite",
                             "SELECT dossier_id, at FROM rating_invites WHERE official_id = ? AND at >= ? "
                             "ORDER BY id DESC LIMIT 1"},
                            {official_id, since});
  auto ret = c.query_one({"ratings.latest_return",
                          "SELECT dossier_id, at FROM dossier_entries WHERE actor_id = ? AND action = 'return' "
                          "AND at >= ? ORDER BY id DESC LIMIT 1"},
                         {official_id, since});
  std::optional<db::Row> best;
  if (invite) best = invite;
  if (ret && (!best || ret->text(1) > best->text(1))) best = ret;
  if (!best || DossierRated(c, best->i64(0))) return std::nullopt;
  return best->i64(0);
}
std::optional<std::string> DossierCode(db::Conn& c, int64_t dossier_id) {
  auto r = c.query_one({"ratings.dossier_code", "SELECT code FROM dossiers WHERE id = ?"}, {dossier_id});
  if (!r) return std::nullopt;
  return r->text(0);
}

}  // namespace fg::ratings::repo
