// Pure rules of the feedback register: names, validation, legal time limits on
// the working-day calendar, the state machine, the reopen window, merging
// duplicates, codes, and removing personal data from published answers.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/calendar/engine.h"
#include "features/feedback/model.h"
#include "platform/auth/principal.h"

namespace fg::feedback {

using calendar::Instant;

std::string_view KindName(Kind k);  // feedback | recommendation | complaint | denunciation
std::optional<Kind> ParseKind(std::string_view s);
std::string_view StateName(State s);  // received | in_progress | ...
std::optional<State> ParseState(std::string_view s);
std::string_view ActionName(Action a);  // assign | note | request_info | ...
std::optional<Action> ParseAction(std::string_view s);
bool IsChannel(std::string_view s);
bool IsCategory(std::string_view s);

// Legal time limits in working days, counted from the day after receipt on the
// unit's calendar (the engine's 15:00 cut-off applies), and the one extension:
//   feedback, recommendation: 10 (+10)   complaint: 30 (+15)   denunciation: 30 (+30)
struct Limit {
  int days = 0;
  int extension_days = 0;
};
Limit LimitOf(Kind k);

// The checked, cleaned input: every problem at once (BadInput, fields feedback_kind,
// channel, category, unit_code, feedback_title, content, name, phone, email, address,
// dossier_code, procedure_code, received_at). A complaint needs the
// complainant's name and a way to reach them (phone, e-mail or address).
ItemInput Checked(const ItemInput& in);
// Why `bytes` cannot be a photo (feedback.photo.too_large, .type: not PNG or
// JPEG by content, .dimensions); nullopt when it can.
std::optional<std::string> PhotoProblem(std::string_view bytes);
// A denunciation without a name: registered, but with no legal time limit
// (the law does not oblige the authority to resolve it; it may verify it).
bool IsAnonymousDenunciation(Kind k, const Person& p);

// The legal due instant of an item received at `received_at`, paused over
// `pauses` (info requested; an open pause ends at `now`); none for an
// anonymous denunciation. Throws calendar::EngineError out of range.
std::optional<calendar::DueResult> DueOf(const calendar::WorkCalendar& cal, Kind k, bool extended, bool anonymous,
                                         Instant received_at, const std::vector<calendar::Pause>& pauses);

// Whether `a` is allowed in state `s` (ignoring who asks). Extension: once,
// only while the clock has a limit. Publish/unpublish: once answered or closed.
bool Allowed(const Item& item, Action a);
// The actions an official may take now: allowed by the state, and approving or
// returning a draft only for a leader (or an administrator).
std::vector<Action> AllowedActions(const Item& item, bool may_approve);
// The state after `a` (unchanged for notes, publish, extend ...).
State Next(State s, Action a);
bool IsOpen(State s);  // received, in_progress, info_requested, awaiting_approval

// The citizen may reopen a closed item until the end of the kReopenDays-th
// working day after the day it was closed, at most kMaxReopens times.
inline constexpr int kReopenDays = 10;
inline constexpr int kMaxReopens = 2;
bool CanReopen(const calendar::WorkCalendar& cal, const Item& item, Instant now);
// The last local day the citizen may reopen a closed item; nullopt when the
// item is not closed or was reopened kMaxReopens times.
std::optional<calendar::Date> ReopenUntil(const calendar::WorkCalendar& cal, const Item& item);

// The citizen's satisfaction with an answer: "satisfied" | "unsatisfied".
bool IsSatisfactionLevel(std::string_view level);
// An answer may be rated while the item is answered or closed, when the citizen
// could read it: published, or sent to the phone or e-mail they gave.
bool CanRateAnswer(const Item& item);

// A duplicate may be merged into `target` when both are of the same kind and
// unit, the duplicate is still open and not answered, the target is open, and
// the target is the older one (it keeps the earlier legal clock). "" when
// allowed, else the catalogue key of the reason.
std::string MergeProblem(const Item& duplicate, const Item& target);

// Overdue: open, clock running (or paused only after the due instant), past
// due; due soon: open, running, due by `soon_by`.
enum class Urgency { kNone, kDueSoon, kOverdue };
Urgency UrgencyOf(const Item& item, Instant now, Instant soon_by);
// on_time | late for a reply approved at `at`; "" without a legal limit.
std::string TimelinessOf(const Item& item, Instant at);

// "GY-<unit code>-<year>-<serial, at least 4 digits>" (góp ý): one gap-free
// counter per unit and year.
std::string ItemCode(std::string_view unit_code, int year, int64_t serial);
// The code as typed ("gy-c1-2026-0001 "): trimmed, upper case.
std::string NormalCode(std::string_view s);
// The last 4 digits of a phone ("0912 345 678" -> "5678"), "" with fewer.
std::string PhoneLast4(std::string_view phone);
// The lookup's second check as typed, in the form it is compared in: the last
// 4 digits of the phone ("5678") as they are; a lookup key ("ABCD EFGH",
// "abcdefgh") as stored, "abcd-efgh"; anything else trimmed and lower case
// (it matches nothing).
std::string LookupCheck(std::string_view typed);

// `text` with personal data replaced by `mask`: the submitter's name, address,
// phone and e-mail as given, any e-mail address, and any run of digits that
// looks like a phone number (0, 84 or +84 then 8-11 digits) or an ID number
// (12 digits from 0; 9 digits written together); spaces, dots and dashes
// between digits allowed. Money and dates are kept.
std::string StripPersonal(std::string_view text, const Person& p, std::string_view mask);

// ---- statistics (issue 15, item 7) ----
// The figures of a group of items received in a period.
struct Tally {
  std::string key;    // kind, channel or category name; unit code; "" for the total
  std::string label;  // the unit's name (the others are labelled from the catalogue)
  int64_t received = 0;
  int64_t answered = 0;           // a reply approved and sent
  int64_t on_time = 0, late = 0;  // answered items with a legal time limit, by the latest approved answer
  int64_t reopened = 0;           // reopened by the citizen at least once
  int64_t rated = 0, satisfied = 0;
  double handling_days = 0;                  // summed over the answered items: days from receipt to the (latest) answer
  std::optional<double> OnTimeRate() const;  // on_time / (on_time + late)
  std::optional<double> MeanHandlingDays() const;  // handling_days / answered
  std::optional<double> ReopenedShare() const;     // reopened / answered
  std::optional<double> SatisfiedShare() const;    // satisfied / rated
};
struct Tallies {
  Tally total;
  std::vector<Tally> by_kind, by_channel, by_category;  // every kind, channel, category, in the model's order
  std::vector<Tally> by_unit;                           // the units with items, in the rows' order
};
Tallies Tabulate(const std::vector<StatsItem>& items);

// Who handles the feedback of a unit (registers, views, acts, holds dialogue
// sessions): administrators, leaders, desk officers and specialists covering it.
inline bool MayHandle(const auth::Principal& p, const std::string& unit_path) {
  using auth::Role;
  return auth::Covers(p, unit_path, {Role::kAdmin, Role::kLeader, Role::kDesk, Role::kSpecialist});
}
// The roots of the units whose feedback the caller handles, by the same roles (none: they handle none).
inline std::vector<std::string> HandlerRoots(const auth::Principal& p) {
  using auth::Role;
  return auth::Roots(p, {Role::kAdmin, Role::kLeader, Role::kDesk, Role::kSpecialist});
}
// Who connects a unit's Zalo OA and Facebook page: its administrators.
inline bool MayConnectChannels(const auth::Principal& p) { return !auth::Roots(p, {auth::Role::kAdmin}).empty(); }

// ---- dialogue sessions ----
// The plan cleaned (trimmed, NFC), or one BadInput listing every problem: fields
// unit_code, session_title (required, 200), held_on (a real date), starts_at
// (HH:MM), session_place (required, 300), hosts (required), invited (optional; both
// at most kMaxSessionText).
SessionInput CheckedSession(const SessionInput& in);
// The record cleaned: attendees a whole number 0..100000, attendance optional,
// conclusions required (fields attendees, attendance, conclusions).
struct CleanRecord {
  int64_t attendees = 0;
  std::string attendance, summary;
};
CleanRecord CheckedRecord(const SessionRecord& r);

}  // namespace fg::feedback
