#include "features/desk/rules.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "features/calendar/service.h"
#include "features/notify/outbox.h"
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

namespace {

// "8:00" and "08:00:00" (as spreadsheets write times) as "08:00"; other text unchanged.
std::string NormalClock(std::string s) {
  if (s.size() == 4 && s[1] == ':') s.insert(0, "0");
  if (s.size() == 8 && s[2] == ':' && s.substr(5) == ":00") s.resize(5);
  return s;
}

// Line breaks as "\n" (browsers send "\r\n" from a textarea): the same text compares equal.
std::string UnixLines(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') {
      out += s[i];
      continue;
    }
    out += '\n';
    if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
  }
  return out;
}

}  // namespace

Procedure ValidateProcedure(const ProcedureInput& in, std::string_view today) {
  Problems pr;
  Procedure p;
  p.unit_code = pr.check([&] { return text::Clean("unit_code", in.unit_code, 20, true); });
  p.code = pr.check([&] {
    std::string code = text::Clean("code", in.code, 30, true);
    for (char c : code)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_')
        throw BadInput("desk.bad_procedure_code", "code");
    return code;
  });
  p.name = pr.check([&] { return text::Clean("name", in.name, 500, true); });
  p.field = pr.check([&] { return text::Clean("field", in.field, 200, true); });
  p.level = in.level.empty() ? "commune" : in.level;
  if (!OneOf(p.level, kLevels)) pr.add(BadInput("desk.bad_level", "level"));
  const auto limit = ParseLimit(in.limit_unit);
  if (!limit) pr.add(BadInput("desk.bad_limit_unit", "limit_unit"));
  p.limit = limit.value_or(Limit::kDays);
  if (limit == Limit::kSameDay) {
    if (in.limit_amount && *in.limit_amount != 0 && *in.limit_amount != 1)
      pr.add(BadInput("desk.bad_same_day_amount", "limit_amount"));
    p.limit_amount = 0;
  } else if (limit) {
    const int64_t max = p.limit == Limit::kDays ? calendar::kMaxDays : calendar::kMaxHours;
    if (!in.limit_amount)
      pr.add(BadInput("error.required", "limit_amount"));
    else if (*in.limit_amount < 0 || *in.limit_amount > max)
      pr.add(BadInput("desk.bad_limit_amount", "limit_amount", {{"max", std::to_string(max)}}));
    else
      p.limit_amount = *in.limit_amount;
  }
  p.cutoff = in.cutoff.empty() ? "15:00" : NormalClock(in.cutoff);
  if (!ParseClock(p.cutoff)) pr.add(BadInput("desk.bad_cutoff", "cutoff"));
  p.fees = pr.check([&] { return text::Clean("fees", in.fees, 500, false); });
  p.result = pr.check([&] { return text::Clean("result", in.result, 500, false); });
  p.legal_basis = pr.check([&] { return UnixLines(text::Clean("legal_basis", in.legal_basis, 2000, false, true)); });
  if (in.documents.size() > 50) pr.add(BadInput("desk.too_many", "documents", {{"max", "50"}}));
  for (size_t i = 0; i < in.documents.size() && i < 50; ++i) {
    const std::string at = "documents[" + std::to_string(i) + "]";
    Document d;
    d.name = pr.check([&] { return text::Clean(at + ".name", in.documents[i].name, 300, true); });
    d.kind = in.documents[i].kind.empty() ? "original" : in.documents[i].kind;
    if (!OneOf(d.kind, kDocumentKinds)) pr.add(BadInput("desk.bad_document_kind", at + ".kind"));
    if (in.documents[i].count < 1 || in.documents[i].count > 100)
      pr.add(BadInput("desk.bad_count", at + ".count", {{"max", "100"}}));
    d.count = in.documents[i].count;
    p.documents.push_back(std::move(d));
  }
  if (in.steps.size() > 20) pr.add(BadInput("desk.too_many", "steps", {{"max", "20"}}));
  for (size_t i = 0; i < in.steps.size() && i < 20; ++i) {
    const std::string at = "steps[" + std::to_string(i) + "]";
    Step s;
    s.name = pr.check([&] { return text::Clean(at + ".name", in.steps[i].name, 200, true); });
    s.handler = pr.check([&] { return text::Clean(at + ".handler", in.steps[i].handler, 200, false); });
    if (in.steps[i].hours < 0 || in.steps[i].hours > calendar::kMaxHours)
      pr.add(BadInput("desk.bad_step_hours", at + ".hours"));
    s.hours = in.steps[i].hours;
    p.steps.push_back(std::move(s));
  }
  p.online_level = in.online_level.value_or(0);
  if (p.online_level < 0 || p.online_level > 2) pr.add(BadInput("desk.bad_online_level", "online_level"));
  p.valid_from = in.valid_from.empty() ? std::string(today)
                                       : pr.check([&] { return text::Clean("valid_from", in.valid_from, 10, true); });
  const bool from_ok = IsIsoDate(p.valid_from);
  if (!from_ok && !pr.has("valid_from")) pr.add(BadInput("error.bad_date", "valid_from"));
  if (!in.valid_to.empty()) {
    std::string to = pr.check([&] { return text::Clean("valid_to", in.valid_to, 10, true); });
    if (!IsIsoDate(to)) {
      if (!pr.has("valid_to")) pr.add(BadInput("error.bad_date", "valid_to"));
    } else if (from_ok && to <= p.valid_from) {
      pr.add(BadInput("desk.bad_validity", "valid_to"));
    }
    p.valid_to = to;
  }
  p.active = in.active.value_or(true);
  pr.raise_if_any();
  return p;
}

std::vector<std::string> ChangedFields(const Procedure& a, const Procedure& b) {
  std::vector<std::string> out;
  auto add = [&](bool differs, const char* field) {
    if (differs) out.emplace_back(field);
  };
  add(a.name != b.name, "name");
  add(a.field != b.field, "field");
  add(a.level != b.level, "level");
  add(a.limit != b.limit || a.limit_amount != b.limit_amount, "limit");
  add(a.cutoff != b.cutoff, "cutoff");
  add(a.online_level != b.online_level, "online_level");
  add(a.fees != b.fees, "fees");
  add(a.result != b.result, "result");
  auto same_documents = [](const std::vector<Document>& x, const std::vector<Document>& y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](const Document& d, const Document& e) {
      return d.name == e.name && d.kind == e.kind && d.count == e.count;
    });
  };
  auto same_steps = [](const std::vector<Step>& x, const std::vector<Step>& y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](const Step& s, const Step& t) {
      return s.name == t.name && s.handler == t.handler && s.hours == t.hours;
    });
  };
  add(!same_documents(a.documents, b.documents), "documents");
  add(!same_steps(a.steps, b.steps), "steps");
  add(a.legal_basis != b.legal_basis, "legal_basis");
  add(a.valid_from != b.valid_from, "valid_from");
  add(a.valid_to != b.valid_to, "valid_to");
  add(a.active != b.active, "active");
  return out;
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
  // Every bad field at once (the intake form shows them all).
  IntakeInput out;
  Problems p;
  p.check([&] {
    if (in.procedure_id <= 0) throw BadInput("error.required", "procedure_id");
  });
  out.procedure_id = in.procedure_id;
  out.unit_code = p.check([&] { return text::Clean("unit_code", in.unit_code, 20, true); });
  out.applicant.name = p.check([&] { return text::Clean("applicant.name", in.applicant.name, 120, true); });
  out.applicant.id_number = p.check([&] {
    auto id = text::Clean("applicant.id_number", in.applicant.id_number, 20, false);
    for (char c : id)
      if (!std::isdigit(static_cast<unsigned char>(c))) throw BadInput("desk.bad_id_number", "applicant.id_number");
    if (!id.empty() && id.size() != 9 && id.size() != 12) throw BadInput("desk.bad_id_number", "applicant.id_number");
    return id;
  });
  out.applicant.phone = p.check([&] { return text::Phone("applicant.phone", in.applicant.phone); });
  out.applicant.email = p.check([&] { return text::Email("applicant.email", in.applicant.email); });
  out.applicant.address = p.check([&] { return text::Clean("applicant.address", in.applicant.address, 300, false); });
  out.summary = p.check([&] { return text::Clean("summary", in.summary, 1000, false, true); });
  out.documents = p.check([&] { return ValidateDocuments(in.documents, "documents"); });
  out.return_method = p.check([&] {
    std::string m = in.return_method.empty() ? "at_desk" : in.return_method;
    if (!OneOf(m, kReturnMethods)) throw BadInput("desk.bad_return_method", "return_method");
    return m;
  });
  out.client_key = p.check([&] { return text::Clean("client_key", in.client_key, 100, false); });
  p.check([&] { notify::CheckChoice(in.notify_channel); });
  out.notify_channel = in.notify_channel;
  out.notify_opt_out = in.notify_opt_out;
  p.raise_if_any();
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

// ---- the officials' lists and search ----

namespace {
constexpr std::pair<DossierView, const char*> kViews[] = {
    {DossierView::kAll, "all"},
    {DossierView::kMine, "mine"},
    {DossierView::kDueSoon, "due_soon"},
    {DossierView::kLate, "late"},
};

bool Running(State s) { return s == State::kNew || s == State::kReceived || s == State::kInProgress; }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Reversed(std::string s) {
  std::reverse(s.begin(), s.end());
  return s;
}

// The code as the index holds it: folded, without separators ("000.27.01.H75-260317-0042" -> "0002701h752603170042").
std::string CompactCode(std::string_view code) {
  std::string out = text::Fold(code);
  std::erase(out, ' ');
  return out;
}

// `<agency: letters, digits, dots>-<6 digits>-<at least 4 digits>`.
bool LooksLikeCode(std::string_view q) {
  std::vector<std::string_view> parts;
  for (size_t i = 0;;) {
    const size_t j = q.find('-', i);
    parts.push_back(q.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  if (parts.size() < 3) return false;
  const auto last = parts.back(), day = parts[parts.size() - 2];
  if (!AllDigits(last) || last.size() < 4 || !AllDigits(day) || day.size() != 6) return false;
  for (size_t i = 0; i + 2 < parts.size(); ++i) {
    if (parts[i].empty()) return false;
    for (char c : parts[i])
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.') return false;
  }
  return true;
}

// How many of all names (per cent, roughly) hold a word starting with each of
// the most frequent family names and the two usual middle names: reading the
// index by "nguyen" or "van" visits a large share of all dossiers.
constexpr std::pair<std::string_view, double> kFrequentNames[] = {
    {"nguyen", 38}, {"tran", 11}, {"le", 9.5},  {"pham", 7}, {"hoang", 5}, {"huynh", 5},
    {"phan", 4.5},  {"vu", 3.9},  {"vo", 3.9},  {"dang", 2}, {"bui", 2},   {"do", 1.4},
    {"ho", 1.3},    {"ngo", 1.3}, {"duong", 1}, {"ly", 0.5}, {"van", 40},  {"thi", 40}};

// A rough cost of reading the index by names starting with `word`: the frequent
// names it starts, and more for a word of one or two letters.
double Cost(std::string_view word) {
  double cost = word.size() <= 1 ? 10 : word.size() == 2 ? 2 : 0.5;
  for (auto& [name, share] : kFrequentNames)
    if (name.substr(0, word.size()) == word) cost += share;
  return cost;
}
}  // namespace

std::string_view ViewName(DossierView v) {
  for (auto& [view, name] : kViews)
    if (view == v) return name;
  return "all";
}

std::optional<DossierView> ParseView(std::string_view s) {
  for (auto& [view, name] : kViews)
    if (name == s) return view;
  return std::nullopt;
}

bool IsOpen(State s) { return !IsTerminal(s); }

Instant DueSoonBy(const calendar::WorkCalendar& cal, Instant now) {
  return cal.At(cal.Position(now) + cal.SecondsPerDay(), calendar::WorkCalendar::Edge::kEnd);
}

Urgency UrgencyOf(const Dossier& d, Instant now, Instant soon_by) {
  const auto due = ParseUtc(d.due_at);
  if (!due) return Urgency::kNone;
  if (Running(d.state)) {
    if (*due < now) return Urgency::kLate;
    return *due <= soon_by ? Urgency::kDueSoon : Urgency::kNone;
  }
  if (IsPaused(d.state)) {
    const auto since = ParseUtc(d.paused_since);
    if (since && *due < *since) return Urgency::kLate;
  }
  return Urgency::kNone;
}

std::vector<Action> AllowedActions(const Dossier& d, Instant now, bool is_admin) {
  // The usual next steps first, the ones that end a dossier early last.
  constexpr Action kOrder[] = {Action::kTransfer,
                               Action::kSupplementReceived,
                               Action::kPaymentReceived,
                               Action::kResultReady,
                               Action::kReturn,
                               Action::kRequestSupplement,
                               Action::kRequestPayment,
                               Action::kApology,
                               Action::kWithdraw,
                               Action::kRefuse,
                               Action::kStop};
  std::vector<Action> out;
  for (Action a : kOrder) {
    if (a == Action::kApology) {
      const auto warning = ParseUtc(d.warning_at);
      if (warning && ApologyRefusal(d, now, *warning, is_admin, true).empty()) out.push_back(a);
    } else if (Next(d.state, a)) {
      out.push_back(a);
    }
  }
  return out;
}

std::string PhoneDigits(std::string_view s) {
  std::string digits;
  for (char c : s)
    if (c >= '0' && c <= '9') digits += c;
  // +84 (the country code) for the leading 0 of a national number.
  if ((digits.size() == 11 || digits.size() == 12) && digits.rfind("84", 0) == 0) digits = "0" + digits.substr(2);
  return digits;
}

std::vector<SearchTerm> DossierTerms(const std::string& code, const Applicant& a) {
  std::vector<SearchTerm> out;
  if (auto c = CompactCode(code); !c.empty()) out.push_back({"c", c});
  for (auto& w : Terms(text::Fold(a.name))) out.push_back({"n", w});
  std::set<std::string> digits;
  for (const std::string& s : {PhoneDigits(a.phone), PhoneDigits(a.id_number)})
    if (!s.empty()) digits.insert(Reversed(s));
  for (auto& d : digits) out.push_back({"d", d});
  return out;
}

std::optional<DossierSearch> PlanSearch(std::string_view raw) {
  const std::string q = text::Clean("q", raw, 100, false);
  if (q.empty()) return std::nullopt;
  DossierSearch s;
  if (LooksLikeCode(q)) {
    s.kind = "c";
    s.from = CompactCode(q);
    s.to = PrefixEnd(s.from);
    s.code = q;
    std::transform(s.code.begin(), s.code.end(), s.code.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
  }
  bool only_digits = true;
  std::string digits;
  for (char c : q) {
    if (c >= '0' && c <= '9')
      digits += c;
    else if (!(c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || (c == '+' && digits.empty())))
      only_digits = false;
  }
  if (only_digits && !digits.empty()) {
    digits = PhoneDigits(digits);
    if (digits.size() < 4) throw BadInput("desk.search_few_digits", "q", {{"min", "4"}});
    if (digits.size() > 15) throw BadInput("desk.search_many_digits", "q", {{"max", "15"}});
    s.kind = "d";
    s.from = Reversed(digits);
    s.to = PrefixEnd(s.from);
    return s;
  }
  std::vector<std::string> words;  // in the order typed
  const std::string folded = text::Fold(q);
  for (size_t i = 0; i < folded.size();) {
    size_t j = folded.find(' ', i);
    if (j == std::string::npos) j = folded.size();
    std::string w = folded.substr(i, j - i);
    if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(std::move(w));
    i = j + 1;
  }
  if (words.empty()) throw BadInput("desk.search_nothing", "q");
  if (words.size() > 5) throw BadInput("desk.search_many_words", "q", {{"max", "5"}});
  auto better = [](const std::string& a, const std::string& b) {  // a drives better than b
    if (Cost(a) != Cost(b)) return Cost(a) < Cost(b);
    return a.size() > b.size();
  };
  size_t best = 0;
  for (size_t i = 1; i < words.size(); ++i)
    if (!better(words[best], words[i])) best = i;  // ties: the later word (usually the given name)
  s.kind = "n";
  s.from = words[best];
  s.to = PrefixEnd(s.from);
  words.erase(words.begin() + static_cast<std::ptrdiff_t>(best));
  s.words = std::move(words);
  return s;
}

}  // namespace fg::desk
