// Pure rules of the one-stop desk (no I/O): validating procedures and intake,
// the dossier state machine (national state codes 1-10), dossier codes,
// deadlines on the calendar engine, statistics deltas.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/calendar/engine.h"
#include "features/desk/model.h"

namespace fg::desk {

// ---- procedures ----
std::string_view LimitName(Limit l);  // days | hours | same_day
std::optional<Limit> ParseLimit(std::string_view s);
// Trims, checks and normalises (a cut-off "8:00" as "08:00", line breaks as
// "\n"); throws one BadInput carrying every field at fault ("documents[2].name"
// ...). The result has no id, version or unit path yet.
Procedure ValidateProcedure(const ProcedureInput& in, std::string_view today);
// The content fields that differ between two versions, by name (name, field,
// level, limit, cutoff, online_level, fees, result, documents, steps,
// legal_basis, valid_from, valid_to, active); empty when nothing changed.
std::vector<std::string> ChangedFields(const Procedure& a, const Procedure& b);
// The folded text a procedure is found by (text::Fold of code, name and field).
std::string SearchKey(const Procedure& p);
// Distinct words of a search key, for the term index.
std::vector<std::string> Terms(std::string_view search_key);
// The smallest string greater than every string starting with `prefix` of
// [a-z0-9] ("ho" -> "hp", "hz" -> "i", "z" -> ""): "" means no upper bound.
std::string PrefixEnd(std::string_view prefix);

// ---- dossiers ----
std::string_view StateName(State s);  // new, received, refused, in_progress, ...
std::optional<State> ParseState(std::string_view s);
std::string_view ActionName(Action a);  // receive, transfer, request_supplement, ...
std::optional<Action> ParseAction(std::string_view s);
std::string_view TimelinessName(Timeliness t);  // early, on_time, late
bool IsTerminal(State s);
bool IsPaused(State s);  // the clock is stopped (supplement, payment)

// The state an action leads to from `from`, or nullopt when the action is not
// allowed there (kApology keeps the state).
std::optional<State> Next(State from, Action a);
// "" when the action is allowed in `from`, else the catalogue key of the refusal.
std::string Refusal(State from, Action a);

// Trims, checks and normalises an intake; throws BadInput naming the field.
IntakeInput ValidateIntake(const IntakeInput& in);

// `<agency>-YYMMDD-<serial, at least 4 digits>` for a local receipt date.
std::string DossierCode(std::string_view agency, calendar::Date local_date, int64_t serial);

// The deadline of a dossier received at `received_at` under a procedure version
// (same day when the unit registered it), on the unit's calendar.
calendar::DueResult DueOf(const calendar::WorkCalendar& cal, const Procedure& p, bool same_day,
                          calendar::Instant received_at);
// After a pause [from, to): the due and warning instants moved by its working time.
struct Resumed {
  calendar::Instant due_at, warning_at;
  int64_t paused_seconds = 0;
};
Resumed Resume(const calendar::WorkCalendar& cal, calendar::Instant starts_at, calendar::Instant due_at,
               calendar::Instant paused_from, calendar::Instant paused_to);
Timeliness Classify(calendar::Instant completed, calendar::Instant due);

// The step's time budget in working seconds (its hours; 8 hours = one working day).
int64_t StepBudget(const calendar::WorkCalendar& cal, const Step& s);
// A hand-over finished at `finished`: used working time (pauses left out) and early / on time / late.
struct StepOutcome {
  int64_t used_seconds = 0;
  Timeliness timeliness = Timeliness::kOnTime;
};
StepOutcome FinishStep(const calendar::WorkCalendar& cal, calendar::Instant given_at, int64_t budget_seconds,
                       calendar::Instant finished, const std::vector<calendar::Pause>& pauses);

// "" when an apology may be issued now, else the catalogue key of the refusal:
// once per dossier, while it is being processed, no later than the warning
// instant unless an administrator overrides with a reason.
std::string ApologyRefusal(const Dossier& d, calendar::Instant now, calendar::Instant warning_at, bool is_admin,
                           bool has_override_reason);

// The statistics counters an action adds (resolutions by their timeliness;
// `working_seconds`: a resolution's working time from the clock's start, pauses left out).
Counters Delta(Action a, std::optional<Timeliness> t = std::nullopt, int64_t working_seconds = 0);

// ---- the officials' lists and search ----
std::string_view ViewName(DossierView v);  // all, mine, due_soon, late
std::optional<DossierView> ParseView(std::string_view s);
// Not refused, withdrawn, stopped or returned (a ready result still awaits its return).
bool IsOpen(State s);
// The latest due instant that is "within one working day" of `now` on `cal`:
// one working day of working time after now (outside working hours, from the
// end of the last session): on the usual week (07:30-11:30, 13:30-17:00) Friday
// 16:00 reaches Monday 16:00, and Friday before Tết reaches past the holiday.
calendar::Instant DueSoonBy(const calendar::WorkCalendar& cal, calendar::Instant now);
// Late: the clock is running (new, received, in progress) past the due instant,
// or it was stopped (supplement, payment) only after the due instant; due soon:
// running and due by `soon_by` (DueSoonBy). Paused dossiers are never "due soon":
// their clock is not running.
Urgency UrgencyOf(const Dossier& d, calendar::Instant now, calendar::Instant soon_by);
// The actions an official working on the dossier may take now: the state
// allows them; an apology only once and, after the warning instant, only for
// an administrator (who must give a reason).
std::vector<Action> AllowedActions(const Dossier& d, calendar::Instant now, bool is_admin);

// A phone number's digits as stored for search: "+84 912 345 678" and
// "0912.345.678" are both "0912345678".
std::string PhoneDigits(std::string_view s);
// What the search index holds for a dossier (see SearchTerm).
std::vector<SearchTerm> DossierTerms(const std::string& code, const Applicant& a);
// Plans a search from what an official typed (at most 100 characters):
//  - a dossier code ("000.27.01.H75-260317-0042", any case): exactly that dossier;
//  - only digits, with spaces, dots, dashes, brackets or a leading "+" ("0912 345 678",
//    "345678", "+84 912..."): phones or ID numbers ending with them (at least 4 digits);
//  - else words of the applicant's name, diacritics and case ignored ("nguyen van a"):
//    each word the start of a word of the name, in any order (at most 5 words). The
//    index is read by the word that should find the fewest names (not the start of
//    a frequent family or middle name such as Nguyễn or Văn, not one or two letters).
// nullopt for an empty query; BadInput naming "q" otherwise.
std::optional<DossierSearch> PlanSearch(std::string_view q);

}  // namespace fg::desk
