#include "features/desk/repo.h"

#include "features/desk/json.h"
#include "features/desk/rules.h"
#include "platform/time.h"

namespace fg::desk::repo {
namespace {

db::Value OptS(const std::optional<std::string>& v) { return v ? db::Value(*v) : db::Value(nullptr); }

// ---- procedures ----
#define FG_PROCEDURE_COLUMNS                                                                                  \
  "SELECT p.id, v.version, u.code, u.path, p.code, v.name, v.field, v.level, v.limit_unit, v.limit_amount, "  \
  "v.cutoff, v.fees, v.documents_json, v.result, v.legal_basis, v.steps_json, v.online_level, v.valid_from, " \
  "v.valid_to, p.active, p.updated_at FROM procedures p JOIN units u ON u.id = p.unit_id "

const db::Query kInsertProcedure{
    "procedure_insert",
    "INSERT INTO procedures (unit_id, code, version, search_key, active, created_at, updated_at) "
    "VALUES (?, ?, 1, ?, ?, ?, ?) RETURNING id"};
const db::Query kInsertVersion{
    "procedure_version_insert",
    "INSERT INTO procedure_versions (procedure_id, version, name, field, level, limit_unit, limit_amount, cutoff, "
    "fees, documents_json, result, legal_basis, steps_json, online_level, valid_from, valid_to, created_by, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"};
const db::Query kSetCurrent{
    "procedure_set_current",
    "UPDATE procedures SET version = ?, search_key = ?, active = ?, updated_at = ? WHERE id = ?"};
const db::Query kSetActive{"procedure_set_active", "UPDATE procedures SET active = ?, updated_at = ? WHERE id = ?"};
const db::Query kDeleteTerms{"procedure_terms_delete", "DELETE FROM procedure_terms WHERE procedure_id = ?"};
const db::Query kInsertTerm{"procedure_term_insert", "INSERT INTO procedure_terms (term, procedure_id) VALUES (?, ?)"};
const db::Query kProcedureCurrent{
    "procedure_current",
    FG_PROCEDURE_COLUMNS "JOIN procedure_versions v ON v.procedure_id = p.id AND v.version = p.version WHERE p.id = ?"};
const db::Query kProcedureVersion{
    "procedure_version",
    FG_PROCEDURE_COLUMNS "JOIN procedure_versions v ON v.procedure_id = p.id WHERE p.id = ? AND v.version = ?"};
const db::Query kProcedureIdByCode{"procedure_id_by_code", "SELECT id FROM procedures WHERE unit_id = ? AND code = ?"};
const db::Query kLockProcedure{"procedure_lock", "UPDATE procedures SET updated_at = updated_at WHERE id = ?"};
#define FG_PROCEDURE_SEARCH                                                       \
  FG_PROCEDURE_COLUMNS                                                            \
  "JOIN procedure_versions v ON v.procedure_id = p.id AND v.version = p.version " \
  "WHERE (? = 1 OR p.active = 1) AND (? = '' OR ? LIKE u.path || '%') AND p.search_key LIKE ? "
const db::Query kSearchAll{"procedure_search_all", FG_PROCEDURE_SEARCH "ORDER BY p.code, p.id LIMIT ?"};
const db::Query kSearchTerm{"procedure_search_term", FG_PROCEDURE_SEARCH
                            "AND p.id IN (SELECT procedure_id FROM procedure_terms WHERE term >= ? AND term < ?) "
                            "ORDER BY p.code, p.id LIMIT ?"};
const db::Query kSearchTermOpen{"procedure_search_term_open", FG_PROCEDURE_SEARCH
                                "AND p.id IN (SELECT procedure_id FROM procedure_terms WHERE term >= ?) "
                                "ORDER BY p.code, p.id LIMIT ?"};
const db::Query kSameDayUnits{"procedure_same_day_units",
                              "SELECT u.code FROM procedure_same_day s JOIN units u ON u.id = s.unit_id WHERE "
                              "s.procedure_id = ? ORDER BY u.code"};
const db::Query kSameDayInsert{
    "procedure_same_day_insert",
    "INSERT INTO procedure_same_day (procedure_id, unit_id, registered_by, registered_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (procedure_id, unit_id) DO NOTHING"};
const db::Query kSameDayDelete{"procedure_same_day_delete",
                               "DELETE FROM procedure_same_day WHERE procedure_id = ? AND unit_id = ?"};
const db::Query kSameDayOne{"procedure_same_day_one",
                            "SELECT 1 FROM procedure_same_day WHERE procedure_id = ? AND unit_id = ?"};

Procedure ProcedureFrom(db::Conn& c, const db::Row& r) {
  Procedure p;
  p.id = r.i64(0);
  p.version = r.i64(1);
  p.unit_code = r.text(2);
  p.unit_path = r.text(3);
  p.code = r.text(4);
  p.name = r.text(5);
  p.field = r.text(6);
  p.level = r.text(7);
  p.limit = ParseLimit(r.text(8)).value_or(Limit::kDays);
  p.limit_amount = r.i64(9);
  p.cutoff = r.text(10);
  p.fees = r.text(11);
  p.documents = DocumentsFrom(r.text(12));
  p.result = r.text(13);
  p.legal_basis = r.text(14);
  p.steps = StepsFrom(r.text(15));
  p.online_level = r.i64(16);
  p.valid_from = r.text(17);
  p.valid_to = r.opt_text(18);
  p.active = r.i64(19) != 0;
  p.updated_at = r.text(20);
  for (auto& u : c.query(kSameDayUnits, {p.id})) p.same_day_units.push_back(u.text(0));
  return p;
}

void InsertVersion(db::Conn& c, int64_t id, const Procedure& p, int64_t by, const std::string& now) {
  c.exec(kInsertVersion,
         {id, p.version, p.name, p.field, p.level, std::string(LimitName(p.limit)), p.limit_amount, p.cutoff, p.fees,
          DocumentsText(p.documents), p.result, p.legal_basis, StepsText(p.steps), p.online_level, p.valid_from,
          OptS(p.valid_to), by ? db::Value(by) : db::Value(nullptr), now});
}

void PutTerms(db::Conn& c, int64_t id, const std::string& search_key) {
  c.exec(kDeleteTerms, {id});
  for (auto& t : Terms(search_key)) c.exec(kInsertTerm, {t, id});
}

}  // namespace

int64_t InsertProcedure(db::Conn& c, int64_t unit_id, const Procedure& p, const std::string& search_key, int64_t by) {
  const std::string now = NowUtcText();
  const int64_t id = c.query_one(kInsertProcedure, {unit_id, p.code, search_key, int64_t{p.active}, now, now})->i64(0);
  Procedure first = p;
  first.version = 1;
  InsertVersion(c, id, first, by, now);
  PutTerms(c, id, search_key);
  return id;
}

void AddProcedureVersion(db::Conn& c, int64_t id, const Procedure& p, const std::string& search_key, int64_t by) {
  const std::string now = NowUtcText();
  InsertVersion(c, id, p, by, now);
  c.exec(kSetCurrent, {p.version, search_key, int64_t{p.active}, now, id});
  PutTerms(c, id, search_key);
}

void SetProcedureActive(db::Conn& c, int64_t id, bool active) {
  c.exec(kSetActive, {int64_t{active}, NowUtcText(), id});
}

std::optional<Procedure> ProcedureById(db::Conn& c, int64_t id, std::optional<int64_t> version) {
  auto r = version ? c.query_one(kProcedureVersion, {id, *version}) : c.query_one(kProcedureCurrent, {id});
  if (!r) return std::nullopt;
  return ProcedureFrom(c, *r);
}

std::optional<int64_t> ProcedureIdByCode(db::Conn& c, int64_t unit_id, const std::string& code) {
  auto r = c.query_one(kProcedureIdByCode, {unit_id, code});
  if (!r) return std::nullopt;
  return r->i64(0);
}

void LockProcedure(db::Conn& c, int64_t id) { c.exec(kLockProcedure, {id}); }

std::vector<Procedure> SearchProcedures(db::Conn& c, const std::string& term_prefix, const std::string& term_end,
                                        const std::string& phrase, const std::string& unit_path, bool include_inactive,
                                        int64_t limit) {
  std::vector<db::Value> params{int64_t{include_inactive}, unit_path, unit_path, "%" + phrase + "%"};
  const db::Query* q = &kSearchAll;
  if (!term_prefix.empty()) {
    params.emplace_back(term_prefix);
    if (term_end.empty()) {
      q = &kSearchTermOpen;
    } else {
      params.emplace_back(term_end);
      q = &kSearchTerm;
    }
  }
  params.emplace_back(limit);
  std::vector<Procedure> out;
  for (auto& r : c.query(*q, params)) out.push_back(ProcedureFrom(c, r));
  return out;
}

void SetSameDay(db::Conn& c, int64_t procedure_id, int64_t unit_id, bool on, int64_t by) {
  if (on)
    c.exec(kSameDayInsert, {procedure_id, unit_id, by ? db::Value(by) : db::Value(nullptr), NowUtcText()});
  else
    c.exec(kSameDayDelete, {procedure_id, unit_id});
}

bool IsSameDay(db::Conn& c, int64_t procedure_id, int64_t unit_id) {
  return c.query_one(kSameDayOne, {procedure_id, unit_id}).has_value();
}

}  // namespace fg::desk::repo
