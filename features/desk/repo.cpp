#include "features/desk/repo.h"

#include "features/desk/json.h"
#include "features/desk/rules.h"
#include "platform/db/batch_counts.h"
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
    "VALUES (?, ?, 1, ?, ?, ?, ?)"};
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
const db::Query kCatalogueOf{"procedure_catalogue_of", FG_PROCEDURE_COLUMNS
                             "JOIN procedure_versions v ON v.procedure_id = p.id AND v.version = p.version "
                             "WHERE p.unit_id = ? ORDER BY p.id"};
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

// A procedure's columns (FG_PROCEDURE_COLUMNS), without its same-day registrations.
Procedure ProcedureColumns(const db::Row& r) {
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
  return p;
}

Procedure ProcedureFrom(db::Conn& c, const db::Row& r) {
  Procedure p = ProcedureColumns(r);
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
  const int64_t id = c.insert(kInsertProcedure, {unit_id, p.code, search_key, int64_t{p.active}, now, now});
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

std::vector<Procedure> CatalogueOf(db::Conn& c, int64_t unit_id) {
  std::vector<Procedure> out;
  for (auto& r : c.query(kCatalogueOf, {unit_id})) out.push_back(ProcedureColumns(r));
  return out;
}

void LockProcedure(db::Conn& c, int64_t id) { c.exec(kLockProcedure, {id}); }

std::vector<Procedure> SearchProcedures(db::Conn& c, const std::string& term_prefix, const std::string& term_end,
                                        const std::string& phrase, const std::string& unit_path, bool include_inactive,
                                        int64_t limit, bool with_same_day) {
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
  for (auto& r : c.query(*q, params)) out.push_back(with_same_day ? ProcedureFrom(c, r) : ProcedureColumns(r));
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

namespace {
const db::Query kProcedureVersions{
    "procedure_versions_list",
    "SELECT v.version, v.created_at, COALESCE(o.full_name, '') FROM procedure_versions v "
    "LEFT JOIN officials o ON o.id = v.created_by WHERE v.procedure_id = ? ORDER BY v.version DESC"};
}  // namespace

std::vector<VersionRow> ProcedureVersions(db::Conn& c, int64_t id) {
  std::vector<VersionRow> out;
  for (auto& r : c.query(kProcedureVersions, {id})) out.push_back({r.i64(0), r.text(1), r.text(2)});
  return out;
}

// ---- dossiers ----
namespace {

const db::Query kAgencyCode{"desk_agency_code", "SELECT agency_code FROM desk_agencies WHERE unit_id = ?"};
const db::Query kPutAgencyCode{
    "desk_agency_put",
    "INSERT INTO desk_agencies (unit_id, agency_code, updated_at) VALUES (?, ?, ?) "
    "ON CONFLICT (unit_id) DO UPDATE SET agency_code = excluded.agency_code, updated_at = excluded.updated_at"};
const db::Query kLastSerial{"dossier_last_serial", "SELECT last FROM dossier_serials WHERE unit_id = ? AND day = ?"};
// Bumped, then read (kLastSerial): RETURNING would make SQLite gather its one row in a temporary table.
const db::Query kBumpSerial{"dossier_bump_serial",
                            "INSERT INTO dossier_serials (unit_id, day, last) VALUES (?, ?, 1) "
                            "ON CONFLICT (unit_id, day) DO UPDATE SET last = dossier_serials.last + 1"};

#define FG_DOSSIER_COLUMNS                                                                                          \
  "SELECT d.id, d.code, d.unit_id, u.code, u.path, d.procedure_id, d.procedure_version, p.code, v.name, d.state, "  \
  "d.version, d.applicant_name, d.applicant_id_number, d.applicant_phone, d.applicant_email, d.applicant_address, " \
  "d.summary, d.documents_json, d.return_method, d.received_by, d.received_at, d.starts_at, d.due_at, "             \
  "d.warning_at, d.original_due_at, d.same_day, d.step, d.assignee_id, d.paused_since, d.paused_seconds, "          \
  "d.completed_at, d.timeliness, d.closed_at, d.reason, d.returned_to, d.apologised, d.created_at, d.updated_at "   \
  "FROM dossiers d JOIN units u ON u.id = d.unit_id JOIN procedures p ON p.id = d.procedure_id "                    \
  "JOIN procedure_versions v ON v.procedure_id = d.procedure_id AND v.version = d.procedure_version "

const db::Query kInsertDossier{
    "dossier_insert",
    "INSERT INTO dossiers (code, unit_id, procedure_id, procedure_version, state, version, applicant_name, "
    "applicant_id_number, applicant_phone, applicant_email, applicant_address, summary, documents_json, "
    "return_method, received_by, received_at, starts_at, due_at, warning_at, original_due_at, same_day, step, "
    "assignee_id, paused_since, paused_seconds, completed_at, timeliness, closed_at, reason, returned_to, "
    "apologised, client_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, NULL, ?, ?, ?, NULL, 0, NULL, NULL, NULL, '', '', 0, ?, ?, ?)"};
const db::Query kDossierByCode{"dossier_by_code", FG_DOSSIER_COLUMNS "WHERE d.code = ?"};
const db::Query kDossierByClientKey{"dossier_by_client_key",
                                    FG_DOSSIER_COLUMNS "WHERE d.received_by = ? AND d.client_key = ?"};
const db::Query kUpdateDossier{
    "dossier_update",
    "UPDATE dossiers SET state = ?, version = version + 1, due_at = ?, warning_at = ?, original_due_at = ?, "
    "step = ?, assignee_id = ?, paused_since = ?, paused_seconds = ?, completed_at = ?, timeliness = ?, "
    "closed_at = ?, reason = ?, returned_to = ?, apologised = ?, updated_at = ? WHERE id = ? AND version = ?"};
// The filters every list takes (subtree, state, procedure, assignee, due before, cursor) ...
#define FG_DOSSIER_FILTERS                                                                \
  "WHERE u.path LIKE ? AND (? = 0 OR d.state = ?) AND (? = 0 OR d.procedure_id = ?) AND " \
  "(? = 0 OR d.assignee_id = ?) AND (? = '' OR d.due_at < ?) AND (? = 0 OR d.id < ?) "
// ... and the views, each written so that its index serves it: open = not
// refused (3), withdrawn (7), stopped (8) or returned (10); the clock runs in 1, 2, 4
// and is stopped in 5, 6 (rules.h UrgencyOf says the same).
#define FG_OPEN "d.state IN (1, 2, 4, 5, 6, 9)"
#define FG_RUNNING "d.state IN (1, 2, 4)"
#define FG_PAUSED "d.state IN (5, 6)"
#define FG_VIEW_MINE "AND d.assignee_id = ? AND " FG_OPEN " "
#define FG_VIEW_DUE_SOON "AND " FG_RUNNING " AND d.due_at >= ? AND d.due_at <= ? "
#define FG_VIEW_LATE "AND ((" FG_RUNNING " AND d.due_at < ?) OR (" FG_PAUSED " AND d.due_at < d.paused_since)) "
#define FG_NEWEST "ORDER BY d.id DESC LIMIT ?"
const db::Query kListDossiers{"dossier_list", FG_DOSSIER_COLUMNS FG_DOSSIER_FILTERS FG_NEWEST};
const db::Query kListMine{"dossier_list_mine", FG_DOSSIER_COLUMNS FG_DOSSIER_FILTERS FG_VIEW_MINE FG_NEWEST};
const db::Query kListDueSoon{"dossier_list_due_soon", FG_DOSSIER_COLUMNS FG_DOSSIER_FILTERS FG_VIEW_DUE_SOON FG_NEWEST};
const db::Query kListLate{"dossier_list_late", FG_DOSSIER_COLUMNS FG_DOSSIER_FILTERS FG_VIEW_LATE FG_NEWEST};
// A search: the term index gives the candidates (a range of one kind), then
// the exact code, the view (each switched on by a non-empty / non-zero first
// parameter) and up to 4 more name words (each the start of one of the name's words).
#define FG_SEARCH_WORD                                                                               \
  "AND (? = '' OR EXISTS (SELECT 1 FROM dossier_terms w WHERE w.dossier_id = d.id AND w.kind = 'n' " \
  "AND w.term >= ? AND (? = '' OR w.term < ?))) "
#define FG_SEARCH(UPPER)                                                                          \
  FG_DOSSIER_FILTERS                                                                              \
  "AND d.id IN (SELECT t.dossier_id FROM dossier_terms t WHERE t.kind = ? AND t.term >= ? " UPPER \
  ") AND (? = '' OR lower(d.code) = ?) "                                                          \
  "AND (? = 0 OR (d.assignee_id = ? AND " FG_OPEN                                                 \
  ")) "                                                                                           \
  "AND (? = '' OR (" FG_RUNNING                                                                   \
  " AND d.due_at >= ? AND d.due_at <= ?)) "                                                       \
  "AND (? = '' OR (" FG_RUNNING " AND d.due_at < ?) OR (" FG_PAUSED                               \
  " AND d.due_at < d.paused_since)) " FG_SEARCH_WORD FG_SEARCH_WORD FG_SEARCH_WORD FG_SEARCH_WORD FG_NEWEST
const db::Query kSearch{"dossier_search", FG_DOSSIER_COLUMNS FG_SEARCH("AND t.term < ?")};
const db::Query kSearchOpen{"dossier_search_open", FG_DOSSIER_COLUMNS FG_SEARCH("")};
const db::Query kExplainSearch{"dossier_search_explain",
                               "EXPLAIN QUERY PLAN " FG_DOSSIER_COLUMNS FG_SEARCH("AND t.term < ?")};
#define FG_COUNT "SELECT count(*) FROM dossiers d JOIN units u ON u.id = d.unit_id WHERE u.path LIKE ? "
const db::Query kCountMine{"dossier_count_mine", FG_COUNT FG_VIEW_MINE};
const db::Query kCountDueSoon{"dossier_count_due_soon", FG_COUNT FG_VIEW_DUE_SOON};
const db::Query kCountLate{"dossier_count_late", FG_COUNT FG_VIEW_LATE};
const db::Query kCountByState{"dossier_count_by_state",
                              "SELECT d.state, count(*) FROM dossiers d JOIN units u ON u.id = d.unit_id "
                              "WHERE u.path LIKE ? AND " FG_OPEN " GROUP BY d.state ORDER BY d.state"};

const db::Query kDeleteSearchTerms{"dossier_terms_delete", "DELETE FROM dossier_terms WHERE dossier_id = ?"};
const db::Query kInsertSearchTerm{"dossier_term_insert",
                                  "INSERT INTO dossier_terms (kind, term, dossier_id) VALUES (?, ?, ?)"};
const db::Query kSetSearchVersion{"dossier_search_version", "UPDATE dossiers SET search_version = ? WHERE id = ?"};
const db::Query kUpdateApplicant{
    "dossier_update_applicant",
    "UPDATE dossiers SET applicant_name = ?, applicant_id_number = ?, applicant_phone = ?, applicant_email = ?, "
    "applicant_address = ? WHERE id = ?"};
const db::Query kUnindexed{
    "dossier_unindexed",
    "SELECT id, code, applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address "
    "FROM dossiers WHERE search_version < ? ORDER BY search_version, id LIMIT ?"};

const db::Query kInsertEntry{
    "dossier_entry_insert",
    "INSERT INTO dossier_entries (dossier_id, action, from_state, to_state, actor_id, actor, at, day, timeliness, "
    "note, working_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"};
const db::Query kEntries{"dossier_entries",
                         "SELECT id, action, from_state, to_state, actor_id, actor, at, note FROM dossier_entries "
                         "WHERE dossier_id = ? ORDER BY id"};

const db::Query kInsertHandover{
    "dossier_handover_insert",
    "INSERT INTO dossier_handovers (dossier_id, step, step_name, from_official, to_official, given_at, received_at, "
    "budget_seconds, due_at, finished_at, used_seconds, timeliness) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, NULL)"};
const db::Query kFinishHandover{
    "dossier_handover_finish",
    "UPDATE dossier_handovers SET finished_at = ?, used_seconds = ?, timeliness = ? WHERE id = ?"};
const db::Query kHandovers{
    "dossier_handovers",
    "SELECT id, step, step_name, from_official, to_official, given_at, received_at, budget_seconds, due_at, "
    "finished_at, used_seconds, timeliness FROM dossier_handovers WHERE dossier_id = ? ORDER BY id"};

const db::Query kOpenPause{
    "dossier_pause_open",
    "INSERT INTO dossier_pauses (dossier_id, kind, from_at, to_at, working_seconds) VALUES (?, ?, ?, NULL, 0)"};
const db::Query kClosePause{
    "dossier_pause_close",
    "UPDATE dossier_pauses SET to_at = ?, working_seconds = ? WHERE dossier_id = ? AND to_at IS NULL"};
const db::Query kPauses{"dossier_pauses",
                        "SELECT kind, from_at, to_at FROM dossier_pauses WHERE dossier_id = ? ORDER BY id"};

const db::Query kInsertApology{
    "dossier_apology_insert",
    "INSERT INTO dossier_apologies (dossier_id, reason, previous_due_at, new_due_at, by_official, at, "
    "override_reason) VALUES (?, ?, ?, ?, ?, ?, ?)"};
// Form 07 (dossiers_unit_received, migration 0012, serves the period).
const db::Query kCountRegister{"dossier_register_count",
                               "SELECT count(*) FROM dossiers d JOIN units u ON u.id = d.unit_id "
                               "WHERE u.path LIKE ? AND d.received_at >= ? AND d.received_at < ?"};
const db::Query kRegisterDossiers{"dossier_register", FG_DOSSIER_COLUMNS
                                  "WHERE u.path LIKE ? AND d.received_at >= ? AND d.received_at < ? "
                                  "ORDER BY d.received_at, d.id LIMIT ?"};
const db::Query kFirstTransfers{"dossier_register_transfers",
                                "SELECT h.dossier_id, MIN(h.given_at) FROM dossier_handovers h "
                                "JOIN dossiers d ON d.id = h.dossier_id JOIN units u ON u.id = d.unit_id "
                                "WHERE u.path LIKE ? AND d.received_at >= ? AND d.received_at < ? "
                                "AND h.from_official <> 0 GROUP BY h.dossier_id"};
const db::Query kUnitNames{"dossier_register_units", "SELECT id, name FROM units WHERE path LIKE ?"};
const db::Query kApologyOf{
    "dossier_apology",
    "SELECT reason, previous_due_at, new_due_at, by_official, at, override_reason FROM dossier_apologies "
    "WHERE dossier_id = ?"};

// `keys`: the key columns after unit_id, `marks` a "?, " for each.
#define FG_STATS_UPSERT(table, keys, marks)                                                          \
  "INSERT INTO " table " (unit_id, " keys                                                            \
  ", received, resolved_early, "                                                                     \
  "resolved_on_time, resolved_late, refused, withdrawn, stopped, returned, apologies, supplements, " \
  "resolved_seconds) VALUES "                                                                        \
  "(?, " marks                                                                                       \
  "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "                                                                \
  "ON CONFLICT (unit_id, " keys                                                                      \
  ") "                                                                                               \
  "DO UPDATE SET received = " table                                                                  \
  ".received + excluded.received, "                                                                  \
  "resolved_early = " table                                                                          \
  ".resolved_early + excluded.resolved_early, "                                                      \
  "resolved_on_time = " table                                                                        \
  ".resolved_on_time + excluded.resolved_on_time, "                                                  \
  "resolved_late = " table                                                                           \
  ".resolved_late + excluded.resolved_late, "                                                        \
  "refused = " table ".refused + excluded.refused, withdrawn = " table                               \
  ".withdrawn + excluded.withdrawn, "                                                                \
  "stopped = " table ".stopped + excluded.stopped, returned = " table                                \
  ".returned + excluded.returned, "                                                                  \
  "apologies = " table                                                                               \
  ".apologies + excluded.apologies, "                                                                \
  "supplements = " table                                                                             \
  ".supplements + excluded.supplements, "                                                            \
  "resolved_seconds = " table ".resolved_seconds + excluded.resolved_seconds"
const db::Query kAddStats{"dossier_stats_add",
                          FG_STATS_UPSERT("dossier_stats", "day, procedure_id, official_id", "?, ?, ?, ")};
const db::Query kAddMonthProcedures{"dossier_stats_month_procedures_add",
                                    FG_STATS_UPSERT("dossier_stats_month_procedures", "month, procedure_id", "?, ?, ")};
const db::Query kAddMonthOfficials{"dossier_stats_month_officials_add",
                                   FG_STATS_UPSERT("dossier_stats_month_officials", "month, official_id", "?, ?, ")};
const db::Query kAddDayOfficials{"dossier_stats_day_officials_add",
                                 FG_STATS_UPSERT("dossier_stats_day_officials", "day, official_id", "?, ?, ")};
const db::Query kAllStats{
    "dossier_stats_all",
    "SELECT unit_id, day, procedure_id, official_id, received, resolved_early, resolved_on_time, resolved_late, "
    "refused, withdrawn, stopped, returned, apologies, supplements, resolved_seconds FROM dossier_stats "
    "WHERE received + resolved_early + resolved_on_time + resolved_late + refused + withdrawn + stopped + returned "
    "+ apologies + supplements + resolved_seconds > 0 ORDER BY unit_id, day, procedure_id, official_id"};
#define FG_STATS_ROLLUP_ALL(period, key, table)                                                          \
  "SELECT unit_id, " period ", " key                                                                     \
  ", received, resolved_early, resolved_on_time, resolved_late, refused, withdrawn, stopped, returned, " \
  "apologies, supplements, resolved_seconds FROM " table " ORDER BY unit_id, " period ", " key
// Indexed by StatsRollup.
const db::Query kAllRollups[] = {
    {"dossier_stats_month_procedures_all",
     FG_STATS_ROLLUP_ALL("month", "procedure_id", "dossier_stats_month_procedures")},
    {"dossier_stats_month_officials_all", FG_STATS_ROLLUP_ALL("month", "official_id", "dossier_stats_month_officials")},
    {"dossier_stats_day_officials_all", FG_STATS_ROLLUP_ALL("day", "official_id", "dossier_stats_day_officials")},
};
const db::Query kRecountStats{
    "dossier_stats_recount",
    "SELECT d.unit_id, e.day, d.procedure_id, e.actor_id, "
    "sum(CASE WHEN e.action = 'receive' THEN 1 ELSE 0 END), "
    "sum(CASE WHEN e.action = 'result_ready' AND e.timeliness = 'early' THEN 1 ELSE 0 END), "
    "sum(CASE WHEN e.action = 'result_ready' AND e.timeliness = 'on_time' THEN 1 ELSE 0 END), "
    "sum(CASE WHEN e.action = 'result_ready' AND e.timeliness = 'late' THEN 1 ELSE 0 END), "
    "sum(CASE WHEN e.action = 'refuse' THEN 1 ELSE 0 END), "
    "sum(CASE WHEN e.action = 'withdraw' THEN 1 ELSE 0 END), "
    "sum(CASE WHEN e.action = 'stop' THEN 1 ELSE 0 END), "
    "sum(CASE WHEN e.action = 'return' THEN 1 ELSE 0 END), "
    "sum(CASE WHEN e.action = 'apology' THEN 1 ELSE 0 END), "
    "sum(CASE WHEN e.action = 'request_supplement' THEN 1 ELSE 0 END), "
    "CAST(sum(CASE WHEN e.action = 'result_ready' THEN e.working_seconds ELSE 0 END) AS BIGINT) "
    "FROM dossier_entries e JOIN dossiers d ON d.id = e.dossier_id "
    "GROUP BY d.unit_id, e.day, d.procedure_id, e.actor_id ORDER BY d.unit_id, e.day, d.procedure_id, e.actor_id"};

// ---- the public lookup ----
const db::Query kPublicByCode{
    "dossier_public_by_code",
    "SELECT d.id, d.code, u.code, u.name, d.procedure_id, d.procedure_version, p.code, v.name, d.state, d.version, "
    "d.applicant_name, d.applicant_id_number, d.applicant_phone, d.applicant_address, d.return_method, "
    "d.received_at, d.starts_at, d.due_at, d.same_day, d.completed_at, d.timeliness, d.closed_at, d.apologised, "
    "d.paused_since, a.reason, a.previous_due_at, a.new_due_at, a.at, e.id, e.action, e.from_state, e.to_state, "
    "e.at, e.note FROM dossiers d JOIN units u ON u.id = d.unit_id JOIN procedures p ON p.id = d.procedure_id "
    "JOIN procedure_versions v ON v.procedure_id = d.procedure_id AND v.version = d.procedure_version "
    "LEFT JOIN dossier_apologies a ON a.dossier_id = d.id LEFT JOIN dossier_entries e ON e.dossier_id = d.id "
    "WHERE d.code = ? ORDER BY e.id"};

const db::Query kVersionByCode{"dossier_version_by_code", "SELECT version FROM dossiers WHERE code = ?"};

// ---- statistics reports ----
#define FG_STATS_SUMS                                                                                       \
  "sum(s.received), sum(s.resolved_early), sum(s.resolved_on_time), sum(s.resolved_late), sum(s.refused), " \
  "sum(s.withdrawn), sum(s.stopped), sum(s.returned), sum(s.apologies), sum(s.supplements), "               \
  "CAST(sum(s.resolved_seconds) AS BIGINT) "
// The units of the subtree are walked (tens to thousands of units) and each
// unit's counters read through the table's primary key (unit_id, period, ...).
// CROSS JOIN fixes that order on SQLite, whose planner would otherwise rather
// scan the whole table in key order to avoid sorting for GROUP BY; PostgreSQL
// plans it as the inner join it is.
#define FG_STATS_SUM(key, table, period, filters)                   \
  "SELECT " key ", " FG_STATS_SUMS "FROM units u CROSS JOIN " table \
  " s WHERE s.unit_id = u.id "                                      \
  "AND u.path LIKE ? AND s." period " >= ? AND s." period " <= ? " filters " GROUP BY " key
#define FG_ONE_FILTER(column) "AND (? = 0 OR s." column " = ?)"
#define FG_TWO_FILTERS "AND (? = 0 OR s.procedure_id = ?) AND (? = 0 OR s.official_id = ?)"
#define FG_MONTHS(key, table, column) FG_STATS_SUM(key, table, "month", FG_ONE_FILTER(column))
// Each by unit, by the table's own key, by month.
const db::Query kSumMonthProcedures[] = {
    {"dossier_stats_month_procedures_by_unit",
     FG_MONTHS("s.unit_id", "dossier_stats_month_procedures", "procedure_id")},
    {"dossier_stats_month_procedures_by_procedure",
     FG_MONTHS("s.procedure_id", "dossier_stats_month_procedures", "procedure_id")},
    {"dossier_stats_month_procedures_by_month", FG_MONTHS("s.month", "dossier_stats_month_procedures", "procedure_id")},
};
const db::Query kSumMonthOfficials[] = {
    {"dossier_stats_month_officials_by_unit", FG_MONTHS("s.unit_id", "dossier_stats_month_officials", "official_id")},
    {"dossier_stats_month_officials_by_official",
     FG_MONTHS("s.official_id", "dossier_stats_month_officials", "official_id")},
    {"dossier_stats_month_officials_by_month", FG_MONTHS("s.month", "dossier_stats_month_officials", "official_id")},
};
const db::Query kSumDays[] = {
    {"dossier_stats_days_by_unit", FG_STATS_SUM("s.unit_id", "dossier_stats", "day", FG_TWO_FILTERS)},
    {"dossier_stats_days_by_procedure", FG_STATS_SUM("s.procedure_id", "dossier_stats", "day", FG_TWO_FILTERS)},
    {"dossier_stats_days_by_official", FG_STATS_SUM("s.official_id", "dossier_stats", "day", FG_TWO_FILTERS)},
    {"dossier_stats_days_by_month", FG_STATS_SUM("substr(s.day, 1, 7)", "dossier_stats", "day", FG_TWO_FILTERS)},
};
// The same from the days by official: by unit, by official, by month.
const db::Query kSumDayOfficials[] = {
    {"dossier_stats_day_officials_by_unit",
     FG_STATS_SUM("s.unit_id", "dossier_stats_day_officials", "day", FG_ONE_FILTER("official_id"))},
    {"dossier_stats_day_officials_by_official",
     FG_STATS_SUM("s.official_id", "dossier_stats_day_officials", "day", FG_ONE_FILTER("official_id"))},
    {"dossier_stats_day_officials_by_month",
     FG_STATS_SUM("substr(s.day, 1, 7)", "dossier_stats_day_officials", "day", FG_ONE_FILTER("official_id"))},
};
// Open dossiers, unit by unit of the subtree, through the partial index
// dossiers_open (migration 0010: its WHERE is repeated here; CROSS JOIN as
// above, else SQLite walks every open dossier of every unit by state). Overdue:
// past the due instant now, or already past it when the clock was paused (a
// paused dossier's due instant moves on resumption).
#define FG_OPEN_COUNT(key)                                                                                   \
  "SELECT " key                                                                                              \
  ", sum(CASE WHEN d.due_at < COALESCE(d.paused_since, ?) THEN 0 ELSE 1 END), "                              \
  "sum(CASE WHEN d.due_at < COALESCE(d.paused_since, ?) THEN 1 ELSE 0 END) "                                 \
  "FROM units u CROSS JOIN dossiers d WHERE d.unit_id = u.id AND u.path LIKE ? AND d.state IN (2, 4, 5, 6) " \
  "AND (? = 0 OR d.procedure_id = ?) AND (? = 0 OR d.assignee_id = ?) GROUP BY " key
const db::Query kOpenBy[] = {
    {"dossiers_open_by_unit", FG_OPEN_COUNT("d.unit_id")},
    {"dossiers_open_by_procedure", FG_OPEN_COUNT("d.procedure_id")},
    {"dossiers_open_by_official", FG_OPEN_COUNT("d.assignee_id")},
};
const db::Query kUnitsUnder{"desk_units_under",
                            "SELECT id, code, name, path, valid_to FROM units WHERE path LIKE ? ORDER BY path"};
const db::Query kProceduresFor{"desk_procedures_for",
                               "SELECT p.id, p.code, v.name FROM procedures p JOIN units u ON u.id = p.unit_id "
                               "JOIN procedure_versions v ON v.procedure_id = p.id AND v.version = p.version "
                               "WHERE u.path LIKE ? OR ? LIKE u.path || '%' ORDER BY p.code, p.id LIMIT 1000"};
const db::Query kOfficialsUnder{
    "desk_officials_under",
    "SELECT o.id, o.username, o.full_name FROM officials o JOIN units u ON u.id = o.unit_id WHERE u.path LIKE ? "
    "UNION SELECT o.id, o.username, o.full_name FROM officials o JOIN role_grants g ON g.official_id = o.id "
    "JOIN units u ON u.id = g.unit_id WHERE u.path LIKE ? ORDER BY 3, 1 LIMIT 2000"};
const db::Query kProcedureLabel{
    "desk_procedure_label",
    "SELECT p.id, p.code, v.name FROM procedures p "
    "JOIN procedure_versions v ON v.procedure_id = p.id AND v.version = p.version WHERE p.id = ?"};
const db::Query kOfficialLabel{"desk_official_label", "SELECT id, username, full_name FROM officials WHERE id = ?"};

db::Value OptText(const std::string& s) { return s.empty() ? db::Value(nullptr) : db::Value(s); }

std::optional<Timeliness> ParseTimeliness(const std::string& s) {
  for (auto t : {Timeliness::kEarly, Timeliness::kOnTime, Timeliness::kLate})
    if (TimelinessName(t) == s) return t;
  return std::nullopt;
}

Dossier DossierFrom(const db::Row& r) {
  Dossier d;
  d.id = r.i64(0);
  d.code = r.text(1);
  d.unit_id = r.i64(2);
  d.unit_code = r.text(3);
  d.unit_path = r.text(4);
  d.procedure_id = r.i64(5);
  d.procedure_version = r.i64(6);
  d.procedure_code = r.text(7);
  d.procedure_name = r.text(8);
  d.state = static_cast<State>(r.i64(9));
  d.version = r.i64(10);
  d.applicant = {r.text(11), r.text(12), r.text(13), r.text(14), r.text(15)};
  d.summary = r.text(16);
  d.documents = DocumentsFrom(r.text(17));
  d.return_method = r.text(18);
  d.received_by = r.i64(19);
  d.received_at = r.text(20);
  d.starts_at = r.text(21);
  d.due_at = r.text(22);
  d.warning_at = r.text(23);
  d.original_due_at = r.text(24);
  d.same_day = r.i64(25) != 0;
  d.step = r.i64(26);
  d.assignee_id = r.i64(27);
  d.paused_since = r.text(28);
  d.paused_seconds = r.i64(29);
  d.completed_at = r.text(30);
  d.timeliness = ParseTimeliness(r.text(31));
  d.closed_at = r.text(32);
  d.reason = r.text(33);
  d.returned_to = r.text(34);
  d.apologised = r.i64(35) != 0;
  d.created_at = r.text(36);
  d.updated_at = r.text(37);
  return d;
}

StatsRow StatsFrom(const db::Row& r) {
  StatsRow s;
  s.unit_id = r.i64(0);
  s.day = r.text(1);
  s.procedure_id = r.i64(2);
  s.official_id = r.i64(3);
  s.n = {r.i64(4),  r.i64(5),  r.i64(6),  r.i64(7),  r.i64(8), r.i64(9),
         r.i64(10), r.i64(11), r.i64(12), r.i64(13), r.i64(14)};
  return s;
}

}  // namespace

std::optional<std::string> AgencyCode(db::Conn& c, int64_t unit_id) {
  auto r = c.query_one(kAgencyCode, {unit_id});
  if (!r) return std::nullopt;
  return r->text(0);
}

void PutAgencyCode(db::Conn& c, int64_t unit_id, const std::string& agency_code) {
  c.exec(kPutAgencyCode, {unit_id, agency_code, NowUtcText()});
}

int64_t LastSerial(db::Conn& c, int64_t unit_id, const std::string& day) {
  auto r = c.query_one(kLastSerial, {unit_id, day});
  return r ? r->i64(0) : 0;
}

int64_t NextSerial(db::Conn& c, int64_t unit_id, const std::string& day) {
  c.exec(kBumpSerial, {unit_id, day});
  return c.query_one(kLastSerial, {unit_id, day})->i64(0);
}

int64_t InsertDossier(db::Conn& c, const Dossier& d, const std::string& client_key) {
  const std::string now = NowUtcText();
  return c.insert(kInsertDossier, {d.code,
                                   d.unit_id,
                                   d.procedure_id,
                                   d.procedure_version,
                                   int64_t{static_cast<int>(d.state)},
                                   d.applicant.name,
                                   d.applicant.id_number,
                                   d.applicant.phone,
                                   d.applicant.email,
                                   d.applicant.address,
                                   d.summary,
                                   DocumentsText(d.documents),
                                   d.return_method,
                                   d.received_by,
                                   d.received_at,
                                   d.starts_at,
                                   d.due_at,
                                   d.warning_at,
                                   int64_t{d.same_day},
                                   d.step,
                                   d.assignee_id,
                                   OptText(client_key),
                                   now,
                                   now});
}

std::optional<Dossier> DossierByCode(db::Conn& c, const std::string& code) {
  auto r = c.query_one(kDossierByCode, {code});
  if (!r) return std::nullopt;
  return DossierFrom(*r);
}

std::optional<Dossier> DossierByClientKey(db::Conn& c, int64_t official_id, const std::string& client_key) {
  auto r = c.query_one(kDossierByClientKey, {official_id, client_key});
  if (!r) return std::nullopt;
  return DossierFrom(*r);
}

bool UpdateDossier(db::Conn& c, const Dossier& d, int64_t expected_version) {
  return c.exec(kUpdateDossier,
                {int64_t{static_cast<int>(d.state)}, d.due_at, d.warning_at, OptText(d.original_due_at), d.step,
                 d.assignee_id, OptText(d.paused_since), d.paused_seconds, OptText(d.completed_at),
                 d.timeliness ? db::Value(std::string(TimelinessName(*d.timeliness))) : db::Value(nullptr),
                 OptText(d.closed_at), d.reason, d.returned_to, int64_t{d.apologised}, NowUtcText(), d.id,
                 expected_version}) == 1;
}

namespace {
// The parameters of FG_DOSSIER_FILTERS.
std::vector<db::Value> Filters(const std::string& path_prefix, const DossierQuery& q) {
  const int64_t state = q.state ? static_cast<int>(*q.state) : 0;
  const int64_t procedure = q.procedure_id.value_or(0);
  const int64_t assignee = q.assignee_id.value_or(0);
  return {path_prefix + "%", state,        state,        procedure,  procedure, assignee,
          assignee,          q.due_before, q.due_before, q.after_id, q.after_id};
}

// The query of a search, with its parameters after the filters' ones.
const db::Query& Search(const DossierSearch& s, DossierView view, const ListScope& scope,
                        std::vector<db::Value>& params) {
  params.emplace_back(s.kind);
  params.emplace_back(s.from);
  if (!s.to.empty()) params.emplace_back(s.to);
  params.emplace_back(s.code);
  params.emplace_back(s.code);
  const bool mine = view == DossierView::kMine, soon = view == DossierView::kDueSoon, late = view == DossierView::kLate;
  params.emplace_back(int64_t{mine});
  params.emplace_back(scope.me);
  const std::string none;
  for (const std::string& v : std::initializer_list<std::string>{soon ? scope.now : none, scope.now, scope.soon_by,
                                                                 late ? scope.now : none, scope.now})
    params.emplace_back(v);
  for (size_t i = 0; i < 4; ++i) {
    const std::string w = i < s.words.size() ? s.words[i] : none, end = w.empty() ? none : PrefixEnd(w);
    for (const std::string& v : std::initializer_list<std::string>{w, w, end, end}) params.emplace_back(v);
  }
  return s.to.empty() ? kSearchOpen : kSearch;
}
}  // namespace

std::vector<Dossier> ListDossiers(db::Conn& c, const std::string& path_prefix, const DossierQuery& q,
                                  const ListScope& scope) {
  auto params = Filters(path_prefix, q);
  const db::Query* query = &kListDossiers;
  if (scope.search) {
    query = &Search(*scope.search, q.view, scope, params);
  } else {
    switch (q.view) {
      case DossierView::kAll: break;
      case DossierView::kMine:
        query = &kListMine;
        params.emplace_back(scope.me);
        break;
      case DossierView::kDueSoon:
        query = &kListDueSoon;
        params.emplace_back(scope.now);
        params.emplace_back(scope.soon_by);
        break;
      case DossierView::kLate:
        query = &kListLate;
        params.emplace_back(scope.now);
        break;
    }
  }
  params.emplace_back(q.limit);
  std::vector<Dossier> out;
  for (auto& r : c.query(*query, params)) out.push_back(DossierFrom(r));
  return out;
}

QueueCounts CountQueue(db::Conn& c, const std::string& path_prefix, const ListScope& scope) {
  const std::string path = path_prefix + "%";
  QueueCounts n;
  n.mine = c.query_one(kCountMine, {path, scope.me})->i64(0);
  n.due_soon = c.query_one(kCountDueSoon, {path, scope.now, scope.soon_by})->i64(0);
  n.late = c.query_one(kCountLate, {path, scope.now})->i64(0);
  for (auto& r : c.query(kCountByState, {path})) n.by_state[static_cast<State>(r.i64(0))] = r.i64(1);
  return n;
}

void PutSearchTerms(db::Conn& c, int64_t dossier_id, const std::vector<SearchTerm>& terms) {
  c.exec(kDeleteSearchTerms, {dossier_id});
  for (auto& t : terms) c.exec(kInsertSearchTerm, {t.kind, t.term, dossier_id});
  c.exec(kSetSearchVersion, {kSearchVersion, dossier_id});
}

void UpdateApplicant(db::Conn& c, int64_t dossier_id, const std::string& code, const Applicant& a) {
  c.exec(kUpdateApplicant, {a.name, a.id_number, a.phone, a.email, a.address, dossier_id});
  PutSearchTerms(c, dossier_id, DossierTerms(code, a));
}

std::vector<Unindexed> UnindexedDossiers(db::Conn& c, int64_t limit) {
  std::vector<Unindexed> out;
  for (auto& r : c.query(kUnindexed, {kSearchVersion, limit}))
    out.push_back({r.i64(0), r.text(1), {r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)}});
  return out;
}

std::vector<std::string> SearchPlan(db::Conn& c, const std::string& path_prefix, const DossierSearch& s) {
  if (c.backend() != db::Backend::kSqlite || s.to.empty()) return {};
  DossierQuery q;
  auto params = Filters(path_prefix, q);
  Search(s, DossierView::kAll, {}, params);
  params.emplace_back(q.limit);
  std::vector<std::string> out;
  for (auto& r : c.query(kExplainSearch, params)) out.push_back(r.text(3));
  return out;
}

void InsertEntry(db::Conn& c, int64_t dossier_id, const Entry& e, const std::string& day, std::optional<Timeliness> t,
                 int64_t working_seconds) {
  c.exec(kInsertEntry, {dossier_id, std::string(ActionName(e.action)), int64_t{static_cast<int>(e.from)},
                        int64_t{static_cast<int>(e.to)}, e.actor_id, e.actor, e.at, day,
                        t ? db::Value(std::string(TimelinessName(*t))) : db::Value(nullptr), e.note, working_seconds});
}

std::optional<int64_t> VersionByCode(db::Conn& c, const std::string& code) {
  auto r = c.query_one(kVersionByCode, {code});
  if (!r) return std::nullopt;
  return r->i64(0);
}

std::optional<PublicRecord> PublicByCode(db::Conn& c, const std::string& code) {
  auto rows = c.query(kPublicByCode, {code});
  if (rows.empty()) return std::nullopt;
  const db::Row& r = rows.front();
  PublicRecord out;
  Dossier& d = out.dossier;
  d.id = r.i64(0);
  d.code = r.text(1);
  d.unit_code = r.text(2);
  out.unit_name = r.text(3);
  d.procedure_id = r.i64(4);
  d.procedure_version = r.i64(5);
  d.procedure_code = r.text(6);
  d.procedure_name = r.text(7);
  d.state = static_cast<State>(r.i64(8));
  d.version = r.i64(9);
  d.applicant.name = r.text(10);
  d.applicant.id_number = r.text(11);
  d.applicant.phone = r.text(12);
  d.applicant.address = r.text(13);
  d.return_method = r.text(14);
  d.received_at = r.text(15);
  d.starts_at = r.text(16);
  d.due_at = r.text(17);
  d.same_day = r.i64(18) != 0;
  d.completed_at = r.text(19);
  d.timeliness = ParseTimeliness(r.text(20));
  d.closed_at = r.text(21);
  d.apologised = r.i64(22) != 0;
  d.paused_since = r.text(23);
  if (!r.is_null(24)) out.apology = Apology{r.text(24), r.text(25), r.text(26), 0, r.text(27), ""};
  for (const auto& row : rows) {
    if (row.is_null(28)) continue;  // no history (never: a receipt is an entry)
    Entry e;
    e.id = row.i64(28);
    e.action = ParseAction(row.text(29)).value_or(Action::kReceive);
    e.from = static_cast<State>(row.i64(30));
    e.to = static_cast<State>(row.i64(31));
    e.at = row.text(32);
    e.note = row.text(33);
    out.entries.push_back(std::move(e));
  }
  return out;
}

std::vector<Entry> Entries(db::Conn& c, int64_t dossier_id) {
  std::vector<Entry> out;
  for (auto& r : c.query(kEntries, {dossier_id})) {
    Entry e;
    e.id = r.i64(0);
    e.action = ParseAction(r.text(1)).value_or(Action::kReceive);
    e.from = static_cast<State>(r.i64(2));
    e.to = static_cast<State>(r.i64(3));
    e.actor_id = r.i64(4);
    e.actor = r.text(5);
    e.at = r.text(6);
    e.note = r.text(7);
    out.push_back(std::move(e));
  }
  return out;
}

void InsertHandover(db::Conn& c, int64_t dossier_id, const Handover& h) {
  c.exec(kInsertHandover, {dossier_id, h.step, h.step_name, h.from_official, h.to_official, h.given_at, h.received_at,
                           h.budget_seconds, h.due_at});
}

void FinishHandover(db::Conn& c, int64_t id, const std::string& finished_at, int64_t used_seconds,
                    std::optional<Timeliness> t) {
  c.exec(kFinishHandover,
         {finished_at, used_seconds, t ? db::Value(std::string(TimelinessName(*t))) : db::Value(nullptr), id});
}

std::vector<Handover> Handovers(db::Conn& c, int64_t dossier_id) {
  std::vector<Handover> out;
  for (auto& r : c.query(kHandovers, {dossier_id})) {
    Handover h;
    h.id = r.i64(0);
    h.step = r.i64(1);
    h.step_name = r.text(2);
    h.from_official = r.i64(3);
    h.to_official = r.i64(4);
    h.given_at = r.text(5);
    h.received_at = r.text(6);
    h.budget_seconds = r.i64(7);
    h.due_at = r.text(8);
    h.finished_at = r.text(9);
    h.used_seconds = r.i64(10);
    h.timeliness = ParseTimeliness(r.text(11));
    out.push_back(std::move(h));
  }
  return out;
}

void OpenPause(db::Conn& c, int64_t dossier_id, const std::string& kind, const std::string& from) {
  c.exec(kOpenPause, {dossier_id, kind, from});
}

void ClosePause(db::Conn& c, int64_t dossier_id, const std::string& to, int64_t working_seconds) {
  c.exec(kClosePause, {to, working_seconds, dossier_id});
}

std::vector<PauseRow> Pauses(db::Conn& c, int64_t dossier_id) {
  std::vector<PauseRow> out;
  for (auto& r : c.query(kPauses, {dossier_id})) out.push_back({r.text(0), r.text(1), r.text(2)});
  return out;
}

void InsertApology(db::Conn& c, int64_t dossier_id, const Apology& a) {
  c.exec(kInsertApology, {dossier_id, a.reason, a.previous_due_at, a.new_due_at, a.by, a.at, a.override_reason});
}

std::optional<Apology> ApologyOf(db::Conn& c, int64_t dossier_id) {
  auto r = c.query_one(kApologyOf, {dossier_id});
  if (!r) return std::nullopt;
  return Apology{r->text(0), r->text(1), r->text(2), r->i64(3), r->text(4), r->text(5)};
}

int64_t CountRegister(db::Conn& c, const std::string& path_prefix, const std::string& from, const std::string& to) {
  auto r = c.query_one(kCountRegister, {path_prefix + "%", from, to});
  return r ? r->i64(0) : 0;
}

std::vector<Dossier> RegisterDossiers(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                      const std::string& to, int64_t limit) {
  std::vector<Dossier> out;
  for (auto& r : c.query(kRegisterDossiers, {path_prefix + "%", from, to, limit})) out.push_back(DossierFrom(r));
  return out;
}

std::map<int64_t, std::string> FirstTransfers(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                              const std::string& to) {
  std::map<int64_t, std::string> out;
  for (auto& r : c.query(kFirstTransfers, {path_prefix + "%", from, to})) out[r.i64(0)] = r.text(1);
  return out;
}

std::map<int64_t, std::string> UnitNames(db::Conn& c, const std::string& path_prefix) {
  std::map<int64_t, std::string> out;
  for (auto& r : c.query(kUnitNames, {path_prefix + "%"})) out[r.i64(0)] = r.text(1);
  return out;
}

void AddStats(db::Conn& c, int64_t unit_id, const std::string& day, int64_t procedure_id, int64_t official_id,
              const Counters& n) {
  if (n == Counters{}) return;
  // The day's two rows and its month's two, in the same transaction (summed through a group commit:
  // platform/db/batch_counts.h).
  const std::string month = day.substr(0, 7);
  const std::vector<int64_t> amounts{n.received,  n.resolved_early, n.resolved_on_time, n.resolved_late,
                                     n.refused,   n.withdrawn,      n.stopped,          n.returned,
                                     n.apologies, n.supplements,    n.resolved_seconds};
  db::counts::Add(c, kAddStats, {unit_id, day, procedure_id, official_id}, amounts);
  db::counts::Add(c, kAddMonthProcedures, {unit_id, month, procedure_id}, amounts);
  db::counts::Add(c, kAddMonthOfficials, {unit_id, month, official_id}, amounts);
  db::counts::Add(c, kAddDayOfficials, {unit_id, day, official_id}, amounts);
}

std::vector<StatsRow> AllStats(db::Conn& c) {
  std::vector<StatsRow> out;
  for (auto& r : c.query(kAllStats)) out.push_back(StatsFrom(r));
  return out;
}

namespace {
Counters CountersFrom(const db::Row& r, size_t first) {
  Counters n;
  int64_t* fields[] = {&n.received,  &n.resolved_early, &n.resolved_on_time, &n.resolved_late,
                       &n.refused,   &n.withdrawn,      &n.stopped,          &n.returned,
                       &n.apologies, &n.supplements,    &n.resolved_seconds};
  for (size_t i = 0; i < std::size(fields); ++i) *fields[i] = r.i64(first + i);
  return n;
}

Named NamedFrom(const db::Row& r) { return {r.i64(0), r.text(1), r.text(2)}; }
}  // namespace

std::vector<StatsRow> AllRollupStats(db::Conn& c, StatsRollup rollup) {
  std::vector<StatsRow> out;
  for (auto& r : c.query(kAllRollups[static_cast<size_t>(rollup)])) {
    StatsRow s;
    s.unit_id = r.i64(0);
    s.day = r.text(1);
    (rollup == StatsRollup::kMonthProcedures ? s.procedure_id : s.official_id) = r.i64(2);
    s.n = CountersFrom(r, 3);
    if (!(s.n == Counters{})) out.push_back(std::move(s));
  }
  return out;
}

std::vector<Keyed> SumMonths(db::Conn& c, StatsSource source, StatsGroup by, const std::string& path_prefix,
                             const std::string& from, const std::string& to, int64_t filter) {
  // The group's query: by unit, by the table's own key, by month.
  const size_t i = by == StatsGroup::kUnit ? 0 : by == StatsGroup::kMonth ? 2 : 1;
  const db::Query& q = source == StatsSource::kMonthProcedures ? kSumMonthProcedures[i] : kSumMonthOfficials[i];
  std::vector<Keyed> out;
  for (auto& r : c.query(q, {path_prefix + "%", from, to, filter, filter}))
    out.push_back({r.text(0), CountersFrom(r, 1)});
  return out;
}

std::vector<Keyed> SumDays(db::Conn& c, StatsSource source, StatsGroup by, const std::string& path_prefix,
                           const std::string& from, const std::string& to, int64_t procedure, int64_t official) {
  std::vector<Keyed> out;
  auto rows = source == StatsSource::kMonthOfficials
                  ? c.query(kSumDayOfficials[by == StatsGroup::kUnit    ? 0
                                             : by == StatsGroup::kMonth ? 2
                                                                        : 1],
                            {path_prefix + "%", from, to, official, official})
                  : c.query(kSumDays[static_cast<size_t>(by)],
                            {path_prefix + "%", from, to, procedure, procedure, official, official});
  for (auto& r : rows) out.push_back({r.text(0), CountersFrom(r, 1)});
  return out;
}

std::vector<OpenCount> CountOpen(db::Conn& c, StatsGroup by, const std::string& path_prefix, const std::string& now,
                                 int64_t procedure, int64_t official) {
  const auto& q = kOpenBy[by == StatsGroup::kMonth ? 0 : static_cast<size_t>(by)];
  std::vector<OpenCount> out;
  for (auto& r : c.query(q, {now, now, path_prefix + "%", procedure, procedure, official, official}))
    out.push_back({r.text(0), r.i64(1), r.i64(2)});
  return out;
}

std::vector<UnitRow> UnitsUnder(db::Conn& c, const std::string& path_prefix) {
  std::vector<UnitRow> out;
  for (auto& r : c.query(kUnitsUnder, {path_prefix + "%"}))
    out.push_back({r.i64(0), r.text(1), r.text(2), r.text(3), r.opt_text(4)});
  return out;
}

std::vector<Named> ProceduresFor(db::Conn& c, const std::string& unit_path) {
  std::vector<Named> out;
  for (auto& r : c.query(kProceduresFor, {unit_path + "%", unit_path})) out.push_back(NamedFrom(r));
  return out;
}

std::vector<Named> OfficialsUnder(db::Conn& c, const std::string& path_prefix) {
  std::vector<Named> out;
  for (auto& r : c.query(kOfficialsUnder, {path_prefix + "%", path_prefix + "%"})) out.push_back(NamedFrom(r));
  return out;
}

std::optional<Named> ProcedureLabel(db::Conn& c, int64_t id) {
  auto r = c.query_one(kProcedureLabel, {id});
  if (!r) return std::nullopt;
  return NamedFrom(*r);
}

std::optional<Named> OfficialLabel(db::Conn& c, int64_t id) {
  auto r = c.query_one(kOfficialLabel, {id});
  if (!r) return std::nullopt;
  return NamedFrom(*r);
}

std::vector<StatsRow> RecountStats(db::Conn& c) {
  std::vector<StatsRow> out;
  for (auto& r : c.query(kRecountStats)) {
    auto s = StatsFrom(r);
    if (!(s.n == Counters{})) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace fg::desk::repo
