// Use cases of the one-stop desk. Every call authorises on the unit's subtree
// (auth::Covers) before reading or writing; every change records an event in
// the same write.
//
// Who may do what:
//   procedures: anyone reads the active catalogue; administrators covering the
//     owner unit create and change it; administrators or leaders covering a
//     unit register same-day resolution there.
//   dossiers: desk officers, leaders and administrators covering the unit
//     receive; they and specialists read and act on the unit's dossiers; an
//     apology after the warning instant needs an administrator and a reason.
//   public lookup: anyone, by code; personal data only with the last 4 digits
//     of the applicant's phone or ID number; anonymous callers rate limited.
//   statistics: any role covering the unit (its subtree's figures).
#pragma once
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "features/calendar/service.h"
#include "features/desk/model.h"
#include "features/desk/procedures_csv.h"
#include "features/notify/model.h"
#include "features/org/model.h"
#include "platform/async/pool.h"
#include "platform/auth/principal.h"
#include "platform/auth/rate_limit.h"
#include "platform/db/db.h"

namespace fg::desk {

// Partial update: the current version to the complete new input. Called
// inside db.write (it may run again): no side effects.
using ProcedureMerge = std::function<ProcedureInput(const Procedure&)>;
ProcedureInput InputOf(const Procedure& p);

// A dossier with what the officials' views show: hand-overs (form 06), history, apology.
struct DossierDetail {
  Dossier dossier;
  std::vector<Handover> handovers;
  std::vector<Entry> entries;
  std::optional<Apology> apology;
  std::vector<notify::Message> messages;  // to the applicant (features/notify), oldest first
};

// What the public lookup shows: the dossier (personal data only when `personal`) and its timeline.
struct PublicView {
  // The caller's held copy is still current (Lookup's `held_version`): nothing
  // else is filled in but dossier.version.
  bool unchanged = false;
  Dossier dossier;
  std::vector<Entry> entries;
  bool personal = false;
  std::optional<Apology> apology;
  std::string unit_name;  // the receiving unit
};

// The choices of the statistics page's filters for a caller and a unit.
struct StatsOptions {
  struct Option {
    std::string value, label, code;
    int depth = 0;       // units: levels below the caller's covered root
    bool ended = false;  // units no longer in force
  };
  std::string unit_code;  // the unit the lists are for (the default one when none was asked)
  std::vector<Option> units, procedures, officials;
};

// ---- printed forms (features/desk/forms.h) ----
struct OfficialName {
  std::string full_name, phone;
};

// What forms 01-06 need besides the dossier: the names of its unit and of the
// officials in its history, and the procedure version it was received under.
struct FormsSource {
  DossierDetail detail;
  std::string unit_name;
  std::map<int64_t, OfficialName> officials;  // by id
  std::optional<Procedure> procedure;
};

// Form 07, the tracking register: the dossiers received in a unit's subtree
// over a period of local days (both included).
struct RegisterQuery {
  std::string unit_code, from, to;  // YYYY-MM-DD
};
inline constexpr int64_t kRegisterMaxDays = 366;
inline constexpr int64_t kRegisterMaxRows = 20000;
struct RegisterEntry {
  Dossier dossier;
  std::string unit_name;       // the unit that received it
  std::string transferred_at;  // first handed on by an official after intake ("" if not yet)
};
struct TrackingRegister {
  std::string unit_code, unit_name, from, to;
  std::vector<RegisterEntry> entries;  // oldest first
};

// A version of a procedure in its history: number, when, by whom.
struct ProcedureVersionInfo {
  int64_t version = 0;
  std::string created_at;  // UTC text
  std::string created_by;  // full name; "" when unknown
};

// What a CSV import of the catalogue does (or would do) row by row.
struct ImportRow {
  enum class Kind { kCreate, kUpdate, kUnchanged };
  int64_t line = 0;
  Kind kind = Kind::kCreate;
  std::string unit_code, code, name;
  int64_t id = 0;                    // the procedure (0 for a new one until written)
  std::vector<std::string> changed;  // the fields an update changes (ChangedFields)
};
struct ImportReport {
  std::vector<ImportRow> rows;       // rows that can be applied, in file order
  std::vector<CsvProblem> problems;  // every problem of every row, by line
  bool forbidden = false;            // a problem is a unit the caller does not administer
  bool written = false;              // applied (no problems and not a dry run)
  int64_t created = 0, updated = 0, unchanged = 0;
};

// A unit's dossier-code settings as the settings page shows them.
struct AgencySettings {
  std::string unit_code, unit_name;
  std::string agency_code;  // "" when not set: codes then start with the unit's code
  std::string next_code;    // the code the unit's next dossier today would get
  bool can_edit = false;    // an administrator covering the unit
};

class Service {
 public:
  Service(db::Db& db, calendar::Service& calendar) : db_(db), calendar_(calendar) {}

  // ---- procedures ----
  Procedure CreateProcedure(const auth::Principal& p, const ProcedureInput& in);
  // A new version (the code and the owner unit cannot change).
  Procedure PatchProcedure(const auth::Principal& p, int64_t id, const ProcedureMerge& merge);
  Procedure SetProcedureActive(const auth::Principal& p, int64_t id, bool active);
  // The current version, or `version`. Inactive procedures only for a caller covering the owner.
  Procedure GetProcedure(const auth::Principal* p, int64_t id, std::optional<int64_t> version = std::nullopt);
  std::vector<Procedure> SearchProcedures(const auth::Principal* p, const ProcedureQuery& q);
  // Registers (or withdraws) same-day resolution of procedure `id` at `unit_code`.
  Procedure SetSameDay(const auth::Principal& p, int64_t id, const std::string& unit_code, bool on);
  // The versions of a procedure, newest first (visible as GetProcedure).
  std::vector<ProcedureVersionInfo> ProcedureVersions(const auth::Principal* p, int64_t id);
  // What SearchProcedures finds, without its page limit (at most kMaxExport), for a CSV export.
  static constexpr int64_t kMaxExport = 10000;
  std::vector<Procedure> ExportProcedures(const auth::Principal* p, const ProcedureQuery& q);
  // A CSV file of procedures (procedures_csv.h): each row creates a procedure
  // in unit_code's catalogue or updates the one with that code there; a row
  // that changes nothing is left alone. Every problem of every row is
  // reported; with any problem, or when `dry_run`, nothing is written;
  // otherwise all rows are written in one transaction (409 if the catalogue
  // changed since it was read). Administrators only (403 for others); a row
  // that would change the catalogue of a unit the caller does not administer
  // is a problem (`forbidden`).
  ImportReport ImportProcedures(const auth::Principal& p, std::string_view csv, bool dry_run);

  // ---- dossiers ----
  // The prefix of the unit's dossier codes (administrators covering it).
  void SetAgencyCode(const auth::Principal& p, const std::string& unit_code, const std::string& agency_code);
  // Anyone working on the unit (any role covering it) reads them.
  AgencySettings GetAgencySettings(const auth::Principal& p, const std::string& unit_code);
  // Receives a dossier: code, due instant, first hand-over, statistics, event.
  // With a client key already used by this official, returns that dossier (`created` false).
  struct Intake {
    DossierDetail detail;
    bool created = true;
  };
  Intake Receive(const auth::Principal& p, const IntakeInput& in);
  DossierDetail GetDossier(const auth::Principal& p, const std::string& code);
  DossierPage ListDossiers(const auth::Principal& p, const DossierQuery& q);
  // Applies one action. 409 when the state does not allow it, or when the
  // dossier changed since `expected_version` (or since it was read here).
  DossierDetail Apply(const auth::Principal& p, const std::string& code, const TransitionInput& in);
  // `check`: "" or 4 digits. `client`: the caller's address when the caller is
  // anonymous ("" for officials): then lookups are rate limited (LimitLookups).
  // `held_version`: the version of an answer without the 4 digits the caller
  // kept; if the dossier is still at it (and `check` is ""), the answer is
  // {.unchanged = true} after one point read instead of the whole history.
  PublicView Lookup(const std::string& code, const std::string& check, const std::string& client = "",
                    std::optional<int64_t> held_version = std::nullopt);
  // At most `max` anonymous lookups per client address in `window` (0: no
  // limit); a lookup whose 4 digits match is not counted. Past it, AppError
  // kTooMany "desk.lookup_too_many" (429). Call before serving.
  void LimitLookups(int max, std::chrono::seconds window);
  std::chrono::seconds LookupWindow() const { return lookup_window_; }

  // ---- the officials' pages (lists, desk home, action forms) ----
  // ListDossiers's `view` and `q` (PlanSearch): due soon is judged on the
  // calendar of the listed subtree (the `unit` filter, else each unit the
  // caller is granted on).
  // What the desk home counts in the caller's units (or `unit_code`'s subtree).
  QueueCounts CountQueue(const auth::Principal& p, const std::string& unit_code = "");
  // How urgent each dossier is now, on its unit's calendar (UrgencyOf).
  std::vector<Urgency> UrgencyOf(const std::vector<Dossier>& items);
  // The actions `p` may take on the dossier now (AllowedActions; none for
  // someone who does not work on its unit).
  std::vector<Action> ActionsFor(const auth::Principal& p, const Dossier& d);
  // Whether an apology by `p` now needs an override reason (after the warning instant).
  bool ApologyNeedsOverride(const Dossier& d);
  // The officials a dossier of `code` may be handed to (they work on its unit), by name.
  std::vector<org::Official> Colleagues(const auth::Principal& p, const std::string& code);
  // Full names of officials by id (lists, histories, hand-overs); unknown ids are left out.
  std::map<int64_t, std::string> OfficialNames(const std::vector<int64_t>& ids);
  // The units where `p` may receive dossiers: their own unit when they may receive
  // there, else every unit in force they cover as desk officer, leader or administrator.
  std::vector<org::Unit> IntakeUnits(const auth::Principal& p);
  // Writes the search terms of dossiers written before migration 0009 (or with
  // older term rules), in batches; run at start-up. Returns how many.
  int64_t IndexSearchTerms();
  // ---- printed forms ----
  // The dossier with the names its forms print; for those who read its dossiers.
  FormsSource GetFormsSource(const auth::Principal& p, const std::string& code);
  // Form 07 for those who work on the unit's dossiers. Every bad field at once
  // (400); a period over kRegisterMaxDays days or over kRegisterMaxRows dossiers is refused (400).
  TrackingRegister GetRegister(const auth::Principal& p, const RegisterQuery& q);

  // Statistics: the stored counters, and the same recounted from the history (for checks).
  std::vector<StatsRow> Stats();
  std::vector<StatsRow> RecountStats();
  // A rolled-up counter table: by procedure (official_id 0) or by official
  // (procedure_id 0); `day` holds the month (YYYY-MM) or the day.
  std::vector<StatsRow> RollupStats(StatsRollup rollup);
  // The statistics report of a unit's subtree over a period, grouped (features/desk/stats.h
  // defines the figures). Any role covering the unit may read it. Bad filters: one 400
  // listing each (from, to, unit, procedure, official); a unit not covered: 403.
  StatsReport Statistics(const auth::Principal& p, const StatsQuery& q);
  // The units the caller covers, and the procedures and officials of `unit_code`'s subtree
  // ("" or a unit not covered: the caller's first covered root).
  StatsOptions StatsChoices(const auth::Principal& p, const std::string& unit_code);

 private:
  std::vector<Procedure> Search(const auth::Principal* p, const ProcedureQuery& q, int64_t limit,
                                bool with_same_day = true);
  db::Db& db_;
  calendar::Service& calendar_;
  // CSV imports are read and checked here, off the io threads: one at a time, 4 waiting, then 503.
  async::BlockingPool import_pool_{1, 4, 10};
  std::unique_ptr<auth::RateLimiter> lookup_limiter_;
  std::chrono::seconds lookup_window_{300};
};

}  // namespace fg::desk
