// The one-stop desk: the procedure catalogue (thủ tục hành chính) and dossiers
// (hồ sơ) from receipt to return. Plain structs; rules.h holds the logic.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/calendar/engine.h"

namespace fg::desk {

// How a procedure's legal time limit is counted: the calendar engine's own unit.
using Limit = calendar::LimitUnit;

// A document the applicant hands in: its name, original / copy / certified copy, how many.
struct Document {
  std::string name;
  std::string kind;  // original | copy | certified_copy
  int64_t count = 1;
};

// One processing step: who handles it (a role or an agency) and its time budget.
struct Step {
  std::string name;
  std::string handler;
  int64_t hours = 0;  // working hours (8 = one working day)
};

// One version of a procedure. A change makes a new version; dossiers keep the
// version they were received under.
struct Procedure {
  int64_t id = 0;
  int64_t version = 1;
  std::string unit_code;  // the unit whose catalogue holds it (it applies to the unit's subtree)
  std::string unit_path;
  std::string code;  // national procedure code, e.g. 1.001193
  std::string name;
  std::string field;  // lĩnh vực
  std::string level;  // commune | province | ...
  Limit limit = Limit::kDays;
  int64_t limit_amount = 0;  // days or hours; 0 for same day
  std::string cutoff = "15:00";
  std::string fees;
  std::vector<Document> documents;
  std::string result;
  std::string legal_basis;
  std::vector<Step> steps;
  int64_t online_level = 0;  // 0 none, 1 partial online, 2 full online
  std::string valid_from;    // YYYY-MM-DD
  std::optional<std::string> valid_to;
  bool active = true;
  std::vector<std::string> same_day_units;  // units that registered same-day resolution
  std::string updated_at;
};

// Raw input from the API or a CSV row (unvalidated text and values).
struct ProcedureInput {
  std::string unit_code, code, name, field, level, limit_unit, cutoff, fees, result, legal_basis, valid_from, valid_to;
  std::optional<int64_t> limit_amount;
  std::optional<int64_t> online_level;
  std::vector<Document> documents;
  std::vector<Step> steps;
  std::optional<bool> active;
};

struct ProcedureQuery {
  std::string q;          // search text: diacritics and case are ignored
  std::string unit_code;  // procedures that apply at this unit (its own and its ancestors')
  bool include_inactive = false;
  int64_t limit = 50;
};

// National portal state codes (TrangThaiHoSo).
enum class State {
  kNew = 1,
  kReceived = 2,
  kRefused = 3,
  kInProgress = 4,
  kSupplementRequested = 5,
  kPaymentRequired = 6,
  kWithdrawn = 7,
  kStopped = 8,
  kResultReady = 9,
  kReturned = 10,
};

enum class Action {
  kReceive,            // intake at the desk (creates the dossier)
  kTransfer,           // hand over to a step / an official
  kRequestSupplement,  // form 02; pauses the clock
  kSupplementReceived,
  kRequestPayment,  // pauses the clock
  kPaymentReceived,
  kRefuse,    // form 03; reason required
  kStop,      // form 05; reason required
  kWithdraw,  // at the applicant's request
  kResultReady,
  kReturn,   // result handed over
  kApology,  // form 04: not a state change
};

enum class Timeliness { kEarly, kOnTime, kLate };

struct Applicant {
  std::string name, id_number, phone, email, address;
};

struct IntakeInput {
  int64_t procedure_id = 0;
  std::string unit_code;  // the receiving unit (the desk's commune)
  Applicant applicant;
  std::string summary;  // what is requested (trích yếu)
  std::vector<Document> documents;
  std::string return_method;  // at_desk | post | online
  std::string client_key;     // Idempotency-Key: a retried intake returns the first dossier
  // Notifications (features/notify): the citizen's channel ("" = the unit's
  // order, sms, email, zalo) and opt-out, recorded with the dossier.
  std::string notify_channel;
  bool notify_opt_out = false;
};

struct Dossier {
  int64_t id = 0;
  std::string code;
  int64_t unit_id = 0;
  std::string unit_code, unit_path;
  int64_t procedure_id = 0;
  int64_t procedure_version = 0;
  std::string procedure_code, procedure_name;
  State state = State::kReceived;
  int64_t version = 1;  // optimistic concurrency: every change adds one
  Applicant applicant;
  std::string summary;
  std::vector<Document> documents;
  std::string return_method;
  int64_t received_by = 0;
  std::string received_at, starts_at, due_at, warning_at;  // UTC text
  std::string original_due_at;                             // before an apology moved it
  bool same_day = false;
  int64_t step = 0;  // index of the current processing step
  int64_t assignee_id = 0;
  std::string paused_since;  // while supplement or payment is awaited
  int64_t paused_seconds = 0;
  std::string completed_at;  // result ready
  std::optional<Timeliness> timeliness;
  std::string closed_at;  // refused / withdrawn / stopped / returned
  std::string reason;     // of a refusal or stop
  std::string returned_to;
  bool apologised = false;
  std::string created_at, updated_at;
};

// One row of form 06: a hand-over between officials for a processing step.
struct Handover {
  int64_t id = 0;
  int64_t step = 0;
  std::string step_name;
  int64_t from_official = 0, to_official = 0;
  std::string given_at, received_at;  // received_at = when the receiver took it (the hand-over itself)
  int64_t budget_seconds = 0;
  std::string due_at;  // the step's due instant (without pauses)
  std::string finished_at;
  int64_t used_seconds = 0;
  std::optional<Timeliness> timeliness;
};

// One entry of a dossier's history (also the public timeline).
struct Entry {
  int64_t id = 0;
  Action action = Action::kReceive;
  State from = State::kNew, to = State::kNew;
  int64_t actor_id = 0;
  std::string actor;
  std::string at;
  std::string note;  // reason, receiver, ...
};

struct Apology {
  std::string reason;
  std::string previous_due_at, new_due_at;
  int64_t by = 0;
  std::string at;
  std::string override_reason;  // set when an administrator issued it after the warning instant
};

// A transition request as it arrives (unvalidated).
struct TransitionInput {
  Action action = Action::kTransfer;
  std::optional<int64_t> expected_version;  // If-Match / "version": refused with 409 when stale
  std::string reason;                       // refuse, stop, supplement (what is missing), withdraw
  std::optional<int64_t> to_official;       // transfer
  std::optional<int64_t> step;              // transfer: the step handed to (default: the next one)
  std::string returned_to;                  // return: who received the result
  // apology
  std::string new_due_date;  // YYYY-MM-DD
  std::string override_reason;
};

// Statistics counters of one unit x day x procedure x official.
// resolved_seconds: the working seconds from the clock's start to the result of
// each dossier resolved (pauses left out), summed, so that the average time to
// resolve is resolved_seconds / (resolved_early + resolved_on_time + resolved_late).
struct Counters {
  int64_t received = 0, resolved_early = 0, resolved_on_time = 0, resolved_late = 0, refused = 0, withdrawn = 0,
          stopped = 0, returned = 0, apologies = 0, supplements = 0, resolved_seconds = 0;
  bool operator==(const Counters&) const = default;
  Counters& operator+=(const Counters& o);
};

struct StatsRow {
  int64_t unit_id = 0;
  std::string day;
  int64_t procedure_id = 0;
  int64_t official_id = 0;
  Counters n;
  bool operator==(const StatsRow&) const = default;
};

// The officials' lists: all, mine (assigned to the caller, open), due within one
// working day (on the calendar), late (past due, still open).
enum class DossierView { kAll, kMine, kDueSoon, kLate };

// How urgent an open dossier is: late (the clock ran past the due instant) or
// due within one working day.
enum class Urgency { kNone, kDueSoon, kLate };

// One entry of the dossiers' search index: kind "n" a word of the applicant's
// name (folded), "d" the digits of the phone or ID number (reversed, so that a
// suffix is a prefix), "c" the code (folded, without separators).
struct SearchTerm {
  std::string kind, term;
  bool operator==(const SearchTerm&) const = default;
};

// A search as planned from what the official typed: the index is read by the
// range [from, to) of `kind` (to "" = no upper bound); `code` (lower case)
// must then equal the dossier's code; every one of `words` must be the prefix
// of a word of the applicant's name.
struct DossierSearch {
  std::string kind, from, to, code;
  std::vector<std::string> words;
};

// ---- statistics (the desk's counters, summed over a unit's subtree and a period) ----
enum class StatsGroup { kUnit, kProcedure, kOfficial, kMonth };

// Which counters serve a report's whole months: per unit x month x procedure,
// per unit x month x official, or only the daily ones (keyed by both).
enum class StatsSource { kMonthProcedures, kMonthOfficials, kDaysOnly };
// The counter tables kept beside the daily rows keyed by procedure and official.
enum class StatsRollup { kMonthProcedures, kMonthOfficials, kDayOfficials };

// As typed (the service checks every field and reports all problems at once).
struct StatsQuery {
  std::string unit_code;  // the unit whose subtree is counted; "" = the caller's first covered root
  std::string from, to;   // local dates YYYY-MM-DD, both included; "" = this month
  std::string procedure;  // a procedure id, "" = all
  std::string official;   // an official id, "" = all
  std::string by;         // unit | procedure | official | month; "" = unit
};

// The figures of one group (or of the whole report).
// open_on_time / open_overdue: dossiers in progress now (states 2, 4, 5, 6),
// whatever the period; a paused dossier is overdue when it was paused after its due instant.
struct StatsFigures {
  Counters n;
  int64_t open_on_time = 0, open_overdue = 0;
  int64_t resolved() const { return n.resolved_early + n.resolved_on_time + n.resolved_late; }
};

// One line of a report: the group's key and what people read.
//   unit: a child unit of the report's unit, its subtree counted in (or the unit itself);
//   procedure, official (the one who acted; for open dossiers the one holding it): by id;
//   month: "YYYY-MM" (open dossiers are counted in the total only).
struct StatsLine {
  std::string key;    // unit code, procedure id, official id or YYYY-MM
  std::string label;  // unit or procedure name, official's full name; "" for a month
  std::string code;   // unit code or procedure code; "" otherwise
  StatsFigures f;
};

struct StatsReport {
  std::string unit_code, unit_name;
  std::string from, to;  // as counted (the defaults filled in)
  StatsGroup by = StatsGroup::kUnit;
  std::optional<int64_t> procedure_id, official_id;
  std::string procedure_name, official_name;  // of the filters, when set
  std::vector<StatsLine> lines;
  StatsFigures total;
  std::string as_of;  // UTC text: the instant the open dossiers were counted at
};

struct DossierQuery {
  std::string unit_code;  // subtree; "" = every unit the caller covers
  DossierView view = DossierView::kAll;
  std::string q;  // search: code, applicant's name (any words, diacritics ignored), phone or ID digits
  std::optional<State> state;
  std::optional<int64_t> procedure_id;
  std::optional<int64_t> assignee_id;
  std::string due_before;  // UTC text
  int64_t after_id = 0;    // cursor: dossiers with a smaller id (newest first)
  int64_t limit = 50;
};

// What the desk's home page counts: open dossiers assigned to the official,
// due within one working day, late, and open ones by state.
struct QueueCounts {
  int64_t mine = 0, due_soon = 0, late = 0;
  std::map<State, int64_t> by_state;
};

struct DossierPage {
  std::vector<Dossier> items;
  int64_t next_cursor = 0;  // 0: no more
};

}  // namespace fg::desk
