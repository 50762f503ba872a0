#include "features/calendar/repo.h"

#include "platform/db/ancestors.h"
#include "platform/time.h"

namespace fg::calendar::repo {
namespace {

const db::Query kSignature{"calendar_days_signature", "SELECT n FROM calendar_generation WHERE id = 1"};
const db::Query kBumpGeneration{"calendar_generation_bump", "UPDATE calendar_generation SET n = n + 1 WHERE id = 1"};
#define FG_DAY_COLUMNS "SELECT day, kind, name, reference FROM calendar_days "
const db::Query kAllDays{"calendar_days_all", FG_DAY_COLUMNS "ORDER BY day"};
const db::Query kDaysBetween{"calendar_days_between", FG_DAY_COLUMNS "WHERE day >= ? AND day < ? ORDER BY day"};
const db::Query kDayAt{"calendar_day_at", FG_DAY_COLUMNS "WHERE day = ?"};
const db::Query kUpsertDay{
    "calendar_day_upsert",
    "INSERT INTO calendar_days (day, kind, name, reference, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, reference = excluded.reference, "
    "revision = calendar_days.revision + 1, updated_at = excluded.updated_at"};
const db::Query kDeleteDay{"calendar_day_delete", "DELETE FROM calendar_days WHERE day = ?"};
const db::Query kYear{"calendar_year", "SELECT reference FROM calendar_years WHERE year = ?"};
const db::Query kUpsertYear{
    "calendar_year_upsert",
    "INSERT INTO calendar_years (year, reference, updated_at) VALUES (?, ?, ?) "
    "ON CONFLICT (year) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at"};
const db::Query kWeekFor{"work_week_for",
                         "SELECT w.unit_id, u.code, w.sessions, w.rest_days, w.hours_per_day, w.no_friday_rule, "
                         "u.path FROM " FG_ANCESTOR_UNITS
                         " JOIN unit_work_weeks w ON w.unit_id = u.id "
                         "WHERE " FG_ANCESTOR_MATCH};
const db::Query kUpsertWeek{
    "work_week_upsert",
    "INSERT INTO unit_work_weeks (unit_id, sessions, rest_days, hours_per_day, no_friday_rule, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (unit_id) DO UPDATE SET sessions = excluded.sessions, "
    "rest_days = excluded.rest_days, hours_per_day = excluded.hours_per_day, "
    "no_friday_rule = excluded.no_friday_rule, updated_at = excluded.updated_at"};
const db::Query kDeleteWeek{"work_week_delete", "DELETE FROM unit_work_weeks WHERE unit_id = ?"};

DayEntry DayOf(const db::Row& r) {
  DayEntry e;
  e.date = *ParseIsoDate(r.text(0));
  e.kind = ParseKind(r.text(1)).value_or(DayKind::kHoliday);
  e.name = r.text(2);
  e.reference = r.text(3);
  e.overridden = true;
  return e;
}

std::vector<DayEntry> DaysOf(const std::vector<db::Row>& rows) {
  std::vector<DayEntry> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(DayOf(r));
  return out;
}

}  // namespace

std::string DaysSignature(db::Conn& c) { return std::to_string(c.query_one(kSignature)->i64(0)); }

std::vector<DayEntry> AllDays(db::Conn& c) { return DaysOf(c.query(kAllDays)); }

std::vector<DayEntry> DaysBetween(db::Conn& c, const std::string& from, const std::string& to_exclusive) {
  return DaysOf(c.query(kDaysBetween, {from, to_exclusive}));
}

std::optional<DayEntry> DayAt(db::Conn& c, const std::string& date) {
  auto r = c.query_one(kDayAt, {date});
  if (!r) return std::nullopt;
  return DayOf(*r);
}

void UpsertDay(db::Conn& c, const DayEntry& e) {
  const std::string now = NowUtcText();
  c.exec(kUpsertDay, {FormatIsoDate(e.date), std::string(KindName(e.kind)), e.name, e.reference, now, now});
  c.exec(kBumpGeneration);
}

bool DeleteDay(db::Conn& c, const std::string& date) {
  if (c.exec(kDeleteDay, {date}) == 0) return false;
  c.exec(kBumpGeneration);
  return true;
}

std::optional<std::string> YearReference(db::Conn& c, int year) {
  auto r = c.query_one(kYear, {int64_t{year}});
  if (!r) return std::nullopt;
  return r->text(0);
}

void UpsertYear(db::Conn& c, int year, const std::string& reference) {
  c.exec(kUpsertYear, {int64_t{year}, reference, NowUtcText()});
}

std::optional<StoredWeek> WeekFor(db::Conn& c, const std::string& unit_path) {
  auto r = db::Nearest(c.query(kWeekFor, db::AncestorParams(unit_path)));
  if (!r) return std::nullopt;
  return StoredWeek{r->i64(0), r->text(1), r->text(2), r->text(3), static_cast<int>(r->i64(4)), r->i64(5) != 0};
}

void UpsertWeek(db::Conn& c, const StoredWeek& w) {
  c.exec(kUpsertWeek,
         {w.unit_id, w.sessions, w.rest_days, int64_t{w.hours_per_day}, int64_t{w.no_friday_rule}, NowUtcText()});
}

bool DeleteWeek(db::Conn& c, int64_t unit_id) { return c.exec(kDeleteWeek, {unit_id}) > 0; }

}  // namespace fg::calendar::repo
