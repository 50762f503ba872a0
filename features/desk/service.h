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
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "features/calendar/service.h"
#include "features/desk/model.h"
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
};

// What the public lookup shows: the dossier (personal data only when `personal`) and its timeline.
struct PublicView {
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

  // ---- dossiers ----
  // The prefix of the unit's dossier codes (administrators covering it).
  void SetAgencyCode(const auth::Principal& p, const std::string& unit_code, const std::string& agency_code);
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
  PublicView Lookup(const std::string& code, const std::string& check, const std::string& client = "");
  // At most `max` anonymous lookups per client address in `window` (0: no
  // limit); a lookup whose 4 digits match is not counted. Past it, AppError
  // kTooMany "desk.lookup_too_many" (429). Call before serving.
  void LimitLookups(int max, std::chrono::seconds window);
  std::chrono::seconds LookupWindow() const { return lookup_window_; }

  // Statistics: the stored counters, and the same recounted from the history (for checks).
  std::vector<StatsRow> Stats();
  std::vector<StatsRow> RecountStats();
  // The monthly counters by procedure (official_id 0) or by official (procedure_id 0);
  // `day` holds the month (YYYY-MM).
  std::vector<StatsRow> MonthlyStats(bool by_official);
  // The statistics report of a unit's subtree over a period, grouped (features/desk/stats.h
  // defines the figures). Any role covering the unit may read it. Bad filters: one 400
  // listing each (from, to, unit, procedure, official); a unit not covered: 403.
  StatsReport Statistics(const auth::Principal& p, const StatsQuery& q);
  // The units the caller covers, and the procedures and officials of `unit_code`'s subtree
  // ("" or a unit not covered: the caller's first covered root).
  StatsOptions StatsChoices(const auth::Principal& p, const std::string& unit_code);

 private:
  db::Db& db_;
  calendar::Service& calendar_;
  std::unique_ptr<auth::RateLimiter> lookup_limiter_;
  std::chrono::seconds lookup_window_{300};
};

}  // namespace fg::desk
