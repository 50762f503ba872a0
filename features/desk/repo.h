// The SQL of the desk: procedures and their versions, dossiers, hand-overs,
// history, apologies, daily serials and statistics counters.
#pragma once
#include <map>
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
// The current version of every procedure in the unit's own catalogue, in one
// statement (same_day_units left empty), for an import.
std::vector<Procedure> CatalogueOf(db::Conn& c, int64_t unit_id);
void LockProcedure(db::Conn& c, int64_t id);
// Procedures whose search key contains `phrase` (folded; "" = any), found
// through the term index by `term_prefix` ([a-z0-9], "" = no term) below
// `term_end` ("" = no bound); applying at `unit_path` ("" = anywhere).
// Without `with_same_day`, same_day_units is left empty (one statement in all).
std::vector<Procedure> SearchProcedures(db::Conn& c, const std::string& term_prefix, const std::string& term_end,
                                        const std::string& phrase, const std::string& unit_path, bool include_inactive,
                                        int64_t limit, bool with_same_day = true);
void SetSameDay(db::Conn& c, int64_t procedure_id, int64_t unit_id, bool on, int64_t by);
// Every version of a procedure, newest first: number, when, by whom (full name; "" when unknown).
struct VersionRow {
  int64_t version = 0;
  std::string created_at, created_by;
};
std::vector<VersionRow> ProcedureVersions(db::Conn& c, int64_t id);
bool IsSameDay(db::Conn& c, int64_t procedure_id, int64_t unit_id);

// ---- dossiers ----
std::optional<std::string> AgencyCode(db::Conn& c, int64_t unit_id);
void PutAgencyCode(db::Conn& c, int64_t unit_id, const std::string& agency_code);
// The last serial given at the unit on `day` (0 when none yet).
int64_t LastSerial(db::Conn& c, int64_t unit_id, const std::string& day);
// The next serial of the unit on `day` (1, 2, ...): one atomic statement whose
// row lock holds until the write commits (PostgreSQL), so numbers never repeat
// and a rolled-back intake leaves no gap.
int64_t NextSerial(db::Conn& c, int64_t unit_id, const std::string& day);

int64_t InsertDossier(db::Conn& c, const Dossier& d, const std::string& client_key);
std::optional<Dossier> DossierByCode(db::Conn& c, const std::string& code);
std::optional<Dossier> DossierByClientKey(db::Conn& c, int64_t official_id, const std::string& client_key);
// Writes every mutable field and adds one to the version, only if the stored
// version is still `expected_version`; false when it is not (someone else won).
bool UpdateDossier(db::Conn& c, const Dossier& d, int64_t expected_version);
// What a list needs besides the query: the caller (view "mine"), the instants
// the views compare with (UTC text), and the planned search.
struct ListScope {
  int64_t me = 0;
  std::string now;      // late: due before it (clock running)
  std::string soon_by;  // due soon: due in [now, soon_by] (DueSoonBy on the subtree's calendar)
  const DossierSearch* search = nullptr;
};
// Newest first: dossiers of units under `path_prefix` with id < q.after_id (0:
// from the newest), in q.view, matching q's filters and the search. Each view
// and the search read their own index (assignee, state + due, search terms).
std::vector<Dossier> ListDossiers(db::Conn& c, const std::string& path_prefix, const DossierQuery& q,
                                  const ListScope& scope);
// The counts of the desk's home page in the subtree.
QueueCounts CountQueue(db::Conn& c, const std::string& path_prefix, const ListScope& scope);

// ---- search index (migration 0009) ----
// The version of the term rules (DossierTerms); dossiers indexed with an older
// one are indexed again at start-up.
inline constexpr int64_t kSearchVersion = 1;
// Replaces the dossier's terms (same write as the dossier or its applicant).
void PutSearchTerms(db::Conn& c, int64_t dossier_id, const std::vector<SearchTerm>& terms);
// Changes the applicant and the search terms together (the only way to change them).
void UpdateApplicant(db::Conn& c, int64_t dossier_id, const std::string& code, const Applicant& a);
struct Unindexed {
  int64_t id = 0;
  std::string code;
  Applicant applicant;
};
// Dossiers indexed with an older version of the rules, by id, at most `limit`.
std::vector<Unindexed> UnindexedDossiers(db::Conn& c, int64_t limit);
// The search plan of a query as SQLite runs it (EXPLAIN QUERY PLAN), for tests.
std::vector<std::string> SearchPlan(db::Conn& c, const std::string& path_prefix, const DossierSearch& s);

// `working_seconds`: of a result, its working time from the clock's start (what the statistics sum).
void InsertEntry(db::Conn& c, int64_t dossier_id, const Entry& e, const std::string& day, std::optional<Timeliness> t,
                 int64_t working_seconds = 0);
std::vector<Entry> Entries(db::Conn& c, int64_t dossier_id);

void InsertHandover(db::Conn& c, int64_t dossier_id, const Handover& h);
void FinishHandover(db::Conn& c, int64_t id, const std::string& finished_at, int64_t used_seconds,
                    std::optional<Timeliness> t);
std::vector<Handover> Handovers(db::Conn& c, int64_t dossier_id);

struct PauseRow {
  std::string kind, from, to;  // to "" while open
};
void OpenPause(db::Conn& c, int64_t dossier_id, const std::string& kind, const std::string& from);
void ClosePause(db::Conn& c, int64_t dossier_id, const std::string& to, int64_t working_seconds);
std::vector<PauseRow> Pauses(db::Conn& c, int64_t dossier_id);

void InsertApology(db::Conn& c, int64_t dossier_id, const Apology& a);
std::optional<Apology> ApologyOf(db::Conn& c, int64_t dossier_id);

// ---- form 07, the tracking register ----
// Dossiers of units under `path_prefix` received in [from, to) (UTC text).
int64_t CountRegister(db::Conn& c, const std::string& path_prefix, const std::string& from, const std::string& to);
// The same dossiers, oldest first, at most `limit`.
std::vector<Dossier> RegisterDossiers(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                      const std::string& to, int64_t limit);
// For the same dossiers: when each was first handed on by an official (after intake), by dossier id.
std::map<int64_t, std::string> FirstTransfers(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                              const std::string& to);
// Names of the units under `path_prefix`, by id.
std::map<int64_t, std::string> UnitNames(db::Conn& c, const std::string& path_prefix);

// Adds `n` to the counters of (unit, day, procedure, official), and of the
// day's month by procedure and by official.
void AddStats(db::Conn& c, int64_t unit_id, const std::string& day, int64_t procedure_id, int64_t official_id,
              const Counters& n);
// Every counter row, ordered by key (rows of zeros left out).
std::vector<StatsRow> AllStats(db::Conn& c);
// Every row of a rolled-up counter table: by procedure (official_id 0) or by
// official (procedure_id 0); `day` holds the month (YYYY-MM) or the day. Ordered by key.
std::vector<StatsRow> AllRollupStats(db::Conn& c, StatsRollup rollup);
// The same counters recounted from the dossiers' history.
std::vector<StatsRow> RecountStats(db::Conn& c);

// ---- the public lookup ----
// What the public lookup shows of a dossier, read in one statement (the dossier
// with its unit's and procedure's names, its apology and its history, one row
// per entry): an unknown code runs the same statement and finds nothing.
// `dossier` holds only what a public view uses: code, unit, procedure, state,
// version, applicant (name, ID number, phone, address), return method, the
// instants, same day, timeliness, apologised.
struct PublicRecord {
  Dossier dossier;
  std::string unit_name;
  std::optional<Apology> apology;
  std::vector<Entry> entries;
};
std::optional<PublicRecord> PublicByCode(db::Conn& c, const std::string& code);
// The dossier's version (bumped by every change), by code.
std::optional<int64_t> VersionByCode(db::Conn& c, const std::string& code);

// ---- statistics reports ----
// Counters summed per group of `by` (its key as text: the unit, procedure or
// official id, or the month YYYY-MM) over the units under `path_prefix`.
// SumMonths reads the months [from, to] (YYYY-MM) of `source` (never kDaysOnly;
// `by` a key it has), `filter` its procedure or official (0 = any); SumDays the
// daily rows of days [from, to] (YYYY-MM-DD), `procedure` / `official` 0 = any:
// those by official when `source` is kMonthOfficials (then `procedure` is 0 and
// `by` not kProcedure), else those keyed by both.
struct Keyed {
  std::string key;
  Counters n;
};
std::vector<Keyed> SumMonths(db::Conn& c, StatsSource source, StatsGroup by, const std::string& path_prefix,
                             const std::string& from, const std::string& to, int64_t filter);
std::vector<Keyed> SumDays(db::Conn& c, StatsSource source, StatsGroup by, const std::string& path_prefix,
                           const std::string& from, const std::string& to, int64_t procedure, int64_t official);
// Dossiers in progress (states 2, 4, 5, 6) under `path_prefix` per unit,
// procedure or assignee (kMonth: per unit), on time or overdue at `now` (UTC text).
struct OpenCount {
  std::string key;
  int64_t on_time = 0, overdue = 0;
};
std::vector<OpenCount> CountOpen(db::Conn& c, StatsGroup by, const std::string& path_prefix, const std::string& now,
                                 int64_t procedure, int64_t official);
struct UnitRow {
  int64_t id = 0;
  std::string code, name, path;
  std::optional<std::string> valid_to;
};
// The units under `path_prefix` (the unit itself included), by path.
std::vector<UnitRow> UnitsUnder(db::Conn& c, const std::string& path_prefix);
// An id with its code (procedure code, username) and name.
struct Named {
  int64_t id = 0;
  std::string code, name;
};
// Procedures of the catalogues that apply in the unit's subtree (its own, its
// ancestors' and its descendants'), by code.
std::vector<Named> ProceduresFor(db::Conn& c, const std::string& unit_path);
// Officials whose home unit or one of whose grants is under `path_prefix`, by name.
std::vector<Named> OfficialsUnder(db::Conn& c, const std::string& path_prefix);
std::optional<Named> ProcedureLabel(db::Conn& c, int64_t id);
std::optional<Named> OfficialLabel(db::Conn& c, int64_t id);

}  // namespace fg::desk::repo
