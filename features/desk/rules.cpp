#include "features/desk/rules.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "features/calendar/service.h"
#include "platform/errors.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using calendar::Instant;

const char* const kLevels[] = {"central", "province", "district", "commune"};
const char* const kDocumentKinds[] = {"original", "copy", "certified_copy"};
const char* const kReturnMethods[] = {"at_desk", "post", "online"};

template <size_t N>
bool OneOf(std::string_view s, const char* const (&set)[N]) {
  return std::any_of(std::begin(set), std::end(set), [&](const char* x) { return s == x; });
}

std::vector<Document> ValidateDocuments(const std::vector<Document>& in, const std::string& field) {
  if (in.size() > 50) throw BadInput("desk.too_many", field, {{"max", "50"}});
  std::vector<Document> out;
  for (size_t i = 0; i < in.size(); ++i) {
    const std::string at = field + "[" + std::to_string(i) + "]";
    Document d;
    d.name = text::Clean(at + ".name", in[i].name, 300, true);
    d.kind = in[i].kind.empty() ? "original" : in[i].kind;
    if (!OneOf(d.kind, kDocumentKinds)) throw BadInput("desk.bad_document_kind", at + ".kind");
    if (in[i].count < 1 || in[i].count > 100) throw BadInput("desk.bad_count", at + ".count", {{"max", "100"}});
    d.count = in[i].count;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

Counters& Counters::operator+=(const Counters& o) {
  received += o.received;
  resolved_early += o.resolved_early;
  resolved_on_time += o.resolved_on_time;
  resolved_late += o.resolved_late;
  refused += o.refused;
  withdrawn += o.withdrawn;
  stopped += o.stopped;
  returned += o.returned;
  apologies += o.apologies;
  supplements += o.supplements;
  resolved_seconds += o.resolved_seconds;
  return *this;
}

// ---- procedures ----

std::string_view LimitName(Limit l) {
  switch (l) {
    case Limit::kDays: return "days";
    case Limit::kHours: return "hours";
    case Limit::kSameDay: return "same_day";
  }
  return "days";
}

std::optional<Limit> ParseLimit(std::string_view s) {
  for (Limit l : {Limit::kDays, Limit::kHours, Limit::kSameDay})
    if (LimitName(l) == s) return l;
  return std::nullopt;
}

Procedure ValidateProcedure(const ProcedureInput& in, std::string_view today) {
  Procedure p;
  p.unit_code = text::Clean("unit_code", in.unit_code, 20, true);
  p.code = text::Clean("code", in.code, 30, true);
  for (char c : p.code)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_')
      throw BadInput("desk.bad_procedure_code", "code");
  p.name = text::Clean("name", in.name, 500, true);
  p.field = text::Clean("field", in.field, 200, true);
  p.level = in.level.empty() ? "commune" : in.level;
  if (!OneOf(p.level, kLevels)) throw BadInput("desk.bad_level", "level");
  auto limit = ParseLimit(in.limit_unit);
  if (!limit) throw BadInput("desk.bad_limit_unit", "limit_unit");
  p.limit = *limit;
  if (p.limit == Limit::kSameDay) {
    if (in.limit_amount && *in.limit_amount != 0 && *in.limit_amount != 1)
      throw BadInput("desk.bad_same_day_amount", "limit_amount");
    p.limit_amount = 0;
  } else {
    if (!in.limit_amount) throw BadInput("error.required", "limit_amount");
    const int64_t max = p.limit == Limit::kDays ? calendar::kMaxDays : calendar::kMaxHours;
    if (*in.limit_amount < 0 || *in.limit_amount > max)
      throw BadInput("desk.bad_limit_amount", "limit_amount", {{"max", std::to_string(max)}});
    p.limit_amount = *in.limit_amount;
  }
  p.cutoff = in.cutoff.empty() ? "15:00" : in.cutoff;
  if (!ParseClock(p.cutoff)) throw BadInput("desk.bad_cutoff", "cutoff");
  p.fees = text::Clean("fees", in.fees, 500, false);
  p.result = text::Clean("result", in.result, 500, false);
  p.legal_basis = text::Clean("legal_basis", in.legal_basis, 2000, false, true);
  p.documents = ValidateDocuments(in.documents, "documents");
  if (in.steps.size() > 20) throw BadInput("desk.too_many", "steps", {{"max", "20"}});
  for (size_t i = 0; i < in.steps.size(); ++i) {
    const std::string at = "steps[" + std::to_string(i) + "]";
    Step s;
    s.name = text::Clean(at + ".name", in.steps[i].name, 200, true);
    s.handler = text::Clean(at + ".handler", in.steps[i].handler, 200, false);
    if (in.steps[i].hours < 0 || in.steps[i].hours > calendar::kMaxHours)
      throw BadInput("desk.bad_step_hours", at + ".hours");
    s.hours = in.steps[i].hours;
    p.steps.push_back(std::move(s));
  }
  p.online_level = in.online_level.value_or(0);
  if (p.online_level < 0 || p.online_level > 2) throw BadInput("desk.bad_online_level", "online_level");
  p.valid_from = in.valid_from.empty() ? std::string(today) : text::Clean("valid_from", in.valid_from, 10, true);
  if (!IsIsoDate(p.valid_from)) throw BadInput("error.bad_date", "valid_from");
  if (!in.valid_to.empty()) {
    std::string to = text::Clean("valid_to", in.valid_to, 10, true);
    if (!IsIsoDate(to)) throw BadInput("error.bad_date", "valid_to");
    if (to <= p.valid_from) throw BadInput("desk.bad_validity", "valid_to");
    p.valid_to = to;
  }
  p.active = in.active.value_or(true);
  return p;
}

std::string SearchKey(const Procedure& p) { return text::Fold(p.code + " " + p.name + " " + p.field); }

std::vector<std::string> Terms(std::string_view key) {
  std::set<std::string> terms;
  size_t i = 0;
  while (i < key.size()) {
    size_t j = key.find(' ', i);
    if (j == std::string_view::npos) j = key.size();
    if (j > i) terms.emplace(key.substr(i, j - i));
    i = j + 1;
  }
  return {terms.begin(), terms.end()};
}

std::string PrefixEnd(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty()) {
    char& c = s.back();
    if (c == '9') {
      c = 'a';  // digits sort before letters
      return s;
    }
    if (c != 'z') {
      ++c;
      return s;
    }
    s.pop_back();
  }
  return s;
}

// ---- dossiers ----

namespace {
struct StateInfo {
  State state;
  const char* name;
};
constexpr StateInfo kStates[] = {
    {State::kNew, "new"},
    {State::kReceived, "received"},
    {State::kRefused, "refused"},
    {State::kInProgress, "in_progress"},
    {State::kSupplementRequested, "supplement_requested"},
    {State::kPaymentRequired, "payment_required"},
    {State::kWithdrawn, "withdrawn"},
    {State::kStopped, "stopped"},
    {State::kResultReady, "result_ready"},
    {State::kReturned, "returned"},
};
struct ActionInfo {
  Action action;
  const char* name;
};
constexpr ActionInfo kActions[] = {
    {Action::kReceive, "receive"},
    {Action::kTransfer, "transfer"},
    {Action::kRequestSupplement, "request_supplement"},
    {Action::kSupplementReceived, "supplement_received"},
    {Action::kRequestPayment, "request_payment"},
    {Action::kPaymentReceived, "payment_received"},
    {Action::kRefuse, "refuse"},
    {Action::kStop, "stop"},
    {Action::kWithdraw, "withdraw"},
    {Action::kResultReady, "result_ready"},
    {Action::kReturn, "return"},
    {Action::kApology, "apology"},
};

// The state machine: (from, action) -> to. Apologies keep the state.
struct Edge {
  State from;
  Action action;
  State to;
};
using A = Action;
using S = State;
constexpr Edge kEdges[] = {
    {S::kNew, A::kReceive, S::kReceived},
    {S::kNew, A::kRefuse, S::kRefused},
    {S::kNew, A::kWithdraw, S::kWithdrawn},

    {S::kReceived, A::kTransfer, S::kInProgress},
    {S::kReceived, A::kRequestSupplement, S::kSupplementRequested},
    {S::kReceived, A::kRefuse, S::kRefused},
    {S::kReceived, A::kWithdraw, S::kWithdrawn},
    {S::kReceived, A::kResultReady, S::kResultReady},
    {S::kReceived, A::kApology, S::kReceived},

    {S::kInProgress, A::kTransfer, S::kInProgress},
    {S::kInProgress, A::kRequestSupplement, S::kSupplementRequested},
    {S::kInProgress, A::kRequestPayment, S::kPaymentRequired},
    {S::kInProgress, A::kRefuse, S::kRefused},
    {S::kInProgress, A::kStop, S::kStopped},
    {S::kInProgress, A::kWithdraw, S::kWithdrawn},
    {S::kInProgress, A::kResultReady, S::kResultReady},
    {S::kInProgress, A::kApology, S::kInProgress},

    {S::kSupplementRequested, A::kSupplementReceived, S::kInProgress},
    {S::kSupplementRequested, A::kRefuse, S::kRefused},
    {S::kSupplementRequested, A::kStop, S::kStopped},
    {S::kSupplementRequested, A::kWithdraw, S::kWithdrawn},
    {S::kSupplementRequested, A::kApology, S::kSupplementRequested},

    {S::kPaymentRequired, A::kPaymentReceived, S::kInProgress},
    {S::kPaymentRequired, A::kStop, S::kStopped},
    {S::kPaymentRequired, A::kWithdraw, S::kWithdrawn},
    {S::kPaymentRequired, A::kApology, S::kPaymentRequired},

    {S::kResultReady, A::kReturn, S::kReturned},
};
}  // namespace

std::string_view StateName(State s) {
  for (auto& i : kStates)
    if (i.state == s) return i.name;
  return "new";
}

std::optional<State> ParseState(std::string_view s) {
  for (auto& i : kStates)
    if (i.name == s) return i.state;
  return std::nullopt;
}

std::string_view ActionName(Action a) {
  for (auto& i : kActions)
    if (i.action == a) return i.name;
  return "receive";
}

std::optional<Action> ParseAction(std::string_view s) {
  for (auto& i : kActions)
    if (i.name == s) return i.action;
  return std::nullopt;
}

std::string_view TimelinessName(Timeliness t) {
  switch (t) {
    case Timeliness::kEarly: return "early";
    case Timeliness::kOnTime: return "on_time";
    case Timeliness::kLate: return "late";
  }
  return "on_time";
}

bool IsTerminal(State s) {
  return s == State::kRefused || s == State::kWithdrawn || s == State::kStopped || s == State::kReturned;
}

bool IsPaused(State s) { return s == State::kSupplementRequested || s == State::kPaymentRequired; }

std::optional<State> Next(State from, Action a) {
  for (auto& e : kEdges)
    if (e.from == from && e.action == a) return e.to;
  return std::nullopt;
}

std::string Refusal(State from, Action a) {
  if (Next(from, a)) return "";
  if (IsTerminal(from)) return "desk.dossier_closed";
  if (a == Action::kSupplementReceived) return "desk.not_awaiting_supplement";
  if (a == Action::kPaymentReceived) return "desk.not_awaiting_payment";
  if (a == Action::kReturn) return "desk.result_not_ready";
  if (from == State::kResultReady) return "desk.already_resolved";
  return "desk.bad_transition";
}

IntakeInput ValidateIntake(const IntakeInput& in) {
  IntakeInput out;
  if (in.procedure_id <= 0) throw BadInput("error.required", "procedure_id");
  out.procedure_id = in.procedure_id;
  out.unit_code = text::Clean("unit_code", in.unit_code, 20, true);
  out.applicant.name = text::Clean("applicant.name", in.applicant.name, 120, true);
  out.applicant.id_number = text::Clean("applicant.id_number", in.applicant.id_number, 20, false);
  for (char c : out.applicant.id_number)
    if (!std::isdigit(static_cast<unsigned char>(c))) throw BadInput("desk.bad_id_number", "applicant.id_number");
  if (!out.applicant.id_number.empty() && out.applicant.id_number.size() != 9 && out.applicant.id_number.size() != 12)
    throw BadInput("desk.bad_id_number", "applicant.id_number");
  out.applicant.phone = text::Phone("applicant.phone", in.applicant.phone);
  out.applicant.email = text::Email("applicant.email", in.applicant.email);
  out.applicant.address = text::Clean("applicant.address", in.applicant.address, 300, false);
  out.summary = text::Clean("summary", in.summary, 1000, false, true);
  out.documents = ValidateDocuments(in.documents, "documents");
  out.return_method = in.return_method.empty() ? "at_desk" : in.return_method;
  if (!OneOf(out.return_method, kReturnMethods)) throw BadInput("desk.bad_return_method", "return_method");
  out.client_key = text::Clean("client_key", in.client_key, 100, false);
  return out;
}

std::string DossierCode(std::string_view agency, calendar::Date local_date, int64_t serial) {
  const std::chrono::year_month_day ymd{local_date};
  char buf[64];
  std::snprintf(buf, sizeof buf, "-%02d%02u%02u-%04lld", static_cast<int>(ymd.year()) % 100,
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<long long>(serial));
  return std::string(agency) + buf;
}

calendar::DueResult DueOf(const calendar::WorkCalendar& cal, const Procedure& p, bool same_day, Instant received_at) {
  calendar::DueRequest r;
  r.received_at = received_at;
  r.unit = same_day ? Limit::kSameDay : p.limit;
  r.amount = same_day ? 0 : p.limit_amount;
  r.cutoff = ParseClock(p.cutoff).value_or(15 * 3600);
  return cal.Due(r);
}

Resumed Resume(const calendar::WorkCalendar& cal, Instant starts_at, Instant due_at, Instant paused_from,
               Instant paused_to) {
  using Edge = calendar::WorkCalendar::Edge;
  Resumed out;
  const int64_t from = std::max(cal.Position(paused_from), cal.Position(starts_at));
  out.paused_seconds = std::max<int64_t>(0, cal.Position(paused_to) - from);
  const int64_t start = cal.Position(starts_at);
  const int64_t due = cal.Position(due_at) + out.paused_seconds;
  out.due_at = cal.At(due, Edge::kEnd);
  out.warning_at = due - cal.SecondsPerDay() > start ? cal.At(due - cal.SecondsPerDay(), Edge::kEnd) : starts_at;
  return out;
}

Timeliness Classify(Instant completed, Instant due) {
  switch (calendar::WorkCalendar::Classify(completed, due)) {
    case calendar::Timeliness::kEarly: return Timeliness::kEarly;
    case calendar::Timeliness::kOnTime: return Timeliness::kOnTime;
    case calendar::Timeliness::kLate: return Timeliness::kLate;
  }
  return Timeliness::kOnTime;
}

int64_t StepBudget(const calendar::WorkCalendar& cal, const Step& s) {
  return s.hours * cal.SecondsPerDay() / cal.week().hours_per_day;
}

StepOutcome FinishStep(const calendar::WorkCalendar& cal, Instant given_at, int64_t budget_seconds, Instant finished,
                       const std::vector<calendar::Pause>& pauses) {
  StepOutcome out;
  out.used_seconds = std::max<int64_t>(0, cal.Elapsed(given_at, std::max(finished, given_at), pauses));
  // Early: at least one working day to spare; late: over the budget.
  if (out.used_seconds > budget_seconds)
    out.timeliness = Timeliness::kLate;
  else if (budget_seconds - out.used_seconds >= cal.SecondsPerDay())
    out.timeliness = Timeliness::kEarly;
  else
    out.timeliness = Timeliness::kOnTime;
  return out;
}

std::string ApologyRefusal(const Dossier& d, Instant now, Instant warning_at, bool is_admin, bool has_override_reason) {
  if (!Next(d.state, Action::kApology)) return IsTerminal(d.state) ? "desk.dossier_closed" : "desk.bad_transition";
  if (d.apologised) return "desk.apology_once";
  if (now > warning_at) {
    if (!is_admin) return "desk.apology_too_late";
    if (!has_override_reason) return "desk.apology_override_reason";
  }
  return "";
}

Counters Delta(Action a, std::optional<Timeliness> t, int64_t working_seconds) {
  Counters n;
  switch (a) {
    case Action::kReceive: n.received = 1; break;
    case Action::kResultReady:
      n.resolved_seconds = std::max<int64_t>(0, working_seconds);
      if (t == Timeliness::kEarly)
        n.resolved_early = 1;
      else if (t == Timeliness::kLate)
        n.resolved_late = 1;
      else
        n.resolved_on_time = 1;
      break;
    case Action::kRefuse: n.refused = 1; break;
    case Action::kWithdraw: n.withdrawn = 1; break;
    case Action::kStop: n.stopped = 1; break;
    case Action::kReturn: n.returned = 1; break;
    case Action::kApology: n.apologies = 1; break;
    case Action::kRequestSupplement: n.supplements = 1; break;
    default: break;
  }
  return n;
}

}  // namespace fg::desk
