// The SQL of the desk: procedures and their versions, dossiers, hand-overs,
// history, apologies, daily serials and statistics counters.
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

// ---- dossiers ----
std::optional<std::string> AgencyCode(db::Conn& c, int64_t unit_id);
void PutAgencyCode(db::Conn& c, int64_t unit_id, const std::string& agency_code);
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
// Newest first: dossiers of units under `path_prefix` with id < before_id (0: from the newest).
std::vector<Dossier> ListDossiers(db::Conn& c, const std::string& path_prefix, const DossierQuery& q);

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

// Adds `n` to the counters of (unit, day, procedure, official), and of the
// day's month by procedure and by official.
void AddStats(db::Conn& c, int64_t unit_id, const std::string& day, int64_t procedure_id, int64_t official_id,
              const Counters& n);
// Every counter row, ordered by key (rows of zeros left out).
std::vector<StatsRow> AllStats(db::Conn& c);
// Every monthly counter row by procedure (official_id 0) or by official
// (procedure_id 0); `day` holds the month, YYYY-MM. Ordered by key.
std::vector<StatsRow> AllMonthStats(db::Conn& c, bool by_official);
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

// ---- statistics reports ----
// Counters summed per group of `by` (its key as text: the unit, procedure or
// official id, or the month YYYY-MM) over the units under `path_prefix`.
// SumMonths reads the months [from, to] (YYYY-MM) of `source` (never kDaysOnly;
// `by` a key it has), `filter` its procedure or official (0 = any); SumDays the
// daily rows of days [from, to] (YYYY-MM-DD), `procedure` / `official` 0 = any.
struct Keyed {
  std::string key;
  Counters n;
};
std::vector<Keyed> SumMonths(db::Conn& c, StatsSource source, StatsGroup by, const std::string& path_prefix,
                             const std::string& from, const std::string& to, int64_t filter);
std::vector<Keyed> SumDays(db::Conn& c, StatsGroup by, const std::string& path_prefix, const std::string& from,
                           const std::string& to, int64_t procedure, int64_t official);
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
