#include "features/feedback/rules.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "features/calendar/lunar.h"
#include "features/desk/rules.h"
#include "features/org/rules.h"
#include "platform/auth/crypto.h"
#include "platform/errors.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::feedback {

namespace {

constexpr const char* kKindNames[] = {"feedback", "recommendation", "complaint", "denunciation"};
constexpr const char* kStateNames[] = {"received", "in_progress", "info_requested", "awaiting_approval",
                                       "answered", "closed",      "merged"};
constexpr const char* kActionNames[] = {"assign",      "note",          "request_info", "info_received", "extend",
                                        "draft_reply", "approve_reply", "return_draft", "publish",       "unpublish",
                                        "close",       "reopen",        "merge"};

template <class E, size_t N>
std::optional<E> Parse(std::string_view s, const char* const (&names)[N]) {
  for (size_t i = 0; i < N; ++i)
    if (s == names[i]) return static_cast<E>(i);
  return std::nullopt;
}

bool In(std::string_view s, auto const& list) {
  for (const char* x : list)
    if (s == x) return true;
  return false;
}

std::string Digits(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

void ReplaceAll(std::string& s, std::string_view what, std::string_view by) {
  if (what.empty()) return;
  for (size_t pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + by.size()))
    s.replace(pos, what.size(), by);
}

// A phone number (0 or +84 / 84 and 9-11 more digits), a citizen ID (12 digits,
// starting with 0) or an old ID card number (9 digits written together). Money
// ("150.000.000", "000 000 000" after "2 ") and dates ("27.11.2026") are left
// alone: no phone prefix or province code of an ID starts "000".
bool LooksPersonal(std::string_view run) {
  const std::string d = Digits(run);
  if (d.size() < 9 || d.size() > 12 || d.rfind("000", 0) == 0) return false;
  if (d[0] == '0' || run[0] == '+' || d.rfind("84", 0) == 0) return true;
  return d.size() == 9 && d.size() == run.size();
}

// A run of digit groups ("Tổ 5 0987 654 321" gives "5 0987 654 321") with
// each stretch of whole groups that looks personal masked: the longest from
// the leftmost group where one starts. A stretch inside the run begins and
// ends at a space, so a phone number written after a hamlet number or a date
// is found, while the groups of an amount ("1.000.000.000") stay together.
std::string MaskPersonalIn(const std::string& run, std::string_view mask) {
  std::vector<std::pair<size_t, size_t>> groups;  // [begin, end) of each group
  for (size_t i = 0; i < run.size();) {
    size_t j = i + 1;
    while (j < run.size() && std::isdigit(static_cast<unsigned char>(run[j]))) ++j;
    groups.emplace_back(i, j);
    i = j + 1;  // past one separator
  }
  std::string out;
  size_t done = 0;  // run[0, done) is in out
  auto spaced = [&](size_t at) { return at >= run.size() || run[at] == ' '; };
  for (size_t g = 0; g < groups.size(); ++g) {
    if (g > 0 && !spaced(groups[g].first - 1)) continue;
    for (size_t h = groups.size(); h-- > g;) {
      const size_t from = groups[g].first, to = groups[h].second;
      if (!spaced(to)) continue;
      if (!LooksPersonal(std::string_view(run).substr(from, to - from))) continue;
      out.append(run, done, from - done);
      out += mask;
      done = to;
      g = h;
      break;
    }
  }
  out.append(run, done, std::string::npos);
  return out;
}

}  // namespace

std::string_view KindName(Kind k) { return kKindNames[static_cast<int>(k)]; }
std::optional<Kind> ParseKind(std::string_view s) { return Parse<Kind>(s, kKindNames); }
std::string_view StateName(State s) { return kStateNames[static_cast<int>(s)]; }
std::optional<State> ParseState(std::string_view s) { return Parse<State>(s, kStateNames); }
std::string_view ActionName(Action a) { return kActionNames[static_cast<int>(a)]; }
std::optional<Action> ParseAction(std::string_view s) { return Parse<Action>(s, kActionNames); }
bool IsChannel(std::string_view s) { return In(s, kChannels); }
bool IsCategory(std::string_view s) { return In(s, kCategories); }

Limit LimitOf(Kind k) {
  switch (k) {
    case Kind::kFeedback:
    case Kind::kRecommendation: return {10, 10};
    case Kind::kComplaint: return {30, 15};
    case Kind::kDenunciation: return {30, 30};
  }
  return {10, 10};
}

std::optional<std::string> PhotoProblem(std::string_view bytes) {
  if (bytes.size() > kMaxPhotoBytes) return "feedback.photo.too_large";
  const auto info = org::SniffImage(bytes);
  if (!info) return "feedback.photo.type";
  if (info->width < 1 || info->height < 1 || info->width > kMaxPhotoSide || info->height > kMaxPhotoSide)
    return "feedback.photo.dimensions";
  return std::nullopt;
}

ItemInput Checked(const ItemInput& in) {
  Problems p;
  ItemInput out;
  out.kind = in.kind;
  if (!ParseKind(in.kind)) p.add(BadInput("feedback.bad_kind", "feedback_kind"));
  out.channel = in.channel;
  if (!IsChannel(in.channel)) p.add(BadInput("feedback.bad_channel", "channel"));
  out.category = in.category.empty() ? "other" : in.category;
  if (!IsCategory(out.category)) p.add(BadInput("feedback.bad_category", "category"));
  out.unit_code = p.check([&] { return text::Clean("unit_code", in.unit_code, 50, true); });
  out.title = p.check([&] { return text::Clean("feedback_title", in.title, kMaxTitle, true); });
  out.content = p.check([&] { return text::Clean("content", in.content, kMaxContent, true, true); });
  out.person.name = p.check([&] { return text::Clean("name", in.person.name, kMaxName, false); });
  out.person.phone = p.check([&] { return text::Phone("phone", in.person.phone); });
  out.person.email = p.check([&] { return text::Email("email", in.person.email); });
  out.person.address = p.check([&] { return text::Clean("address", in.person.address, kMaxAddress, false); });
  out.dossier_code = p.check([&] { return text::Clean("dossier_code", in.dossier_code, kMaxRef, false); });
  out.procedure_code = p.check([&] { return text::Clean("procedure_code", in.procedure_code, kMaxRef, false); });
  out.official_id = in.official_id;
  out.received_at = in.received_at;
  if (!in.received_at.empty() && !ParseRfc3339(in.received_at))
    p.add(BadInput("feedback.bad_received_at", "received_at"));
  if (in.photos.size() > kMaxPhotos) {
    p.add(BadInput("feedback.photo.too_many", "photo", {{"max", std::to_string(kMaxPhotos)}}));
  } else {
    for (size_t i = 0; i < in.photos.size(); ++i) {
      const std::string& bytes = in.photos[i].bytes;
      const std::map<std::string, std::string> n{{"n", std::to_string(i + 1)},
                                                 {"max", std::to_string(kMaxPhotoBytes / (1024 * 1024))}};
      // One problem a field: the first photo refused is named.
      if (auto problem = PhotoProblem(bytes)) {
        p.add(BadInput(*problem, "photo", n));
        break;
      }
      const auto info = org::SniffImage(bytes);
      out.photos.push_back({static_cast<int>(i + 1), info->mime, info->width, info->height,
                            static_cast<int64_t>(bytes.size()), auth::Sha256Hex(bytes), bytes});
    }
  }
  if (in.kind == "complaint" && !p.has("name") && out.person.name.empty())
    p.add(BadInput("feedback.complaint_needs_name", "name"));
  if (in.kind == "complaint" && !p.has("phone") && !p.has("email") && !p.has("address") && out.person.phone.empty() &&
      out.person.email.empty() && out.person.address.empty())
    p.add(BadInput("feedback.complaint_needs_contact", "phone"));
  p.raise_if_any();
  return out;
}

bool IsAnonymousDenunciation(Kind k, const Person& p) { return k == Kind::kDenunciation && p.name.empty(); }

std::optional<calendar::DueResult> DueOf(const calendar::WorkCalendar& cal, Kind k, bool extended, bool anonymous,
                                         Instant received_at, const std::vector<calendar::Pause>& pauses) {
  if (anonymous) return std::nullopt;
  const Limit l = LimitOf(k);
  calendar::DueRequest r;
  r.received_at = received_at;
  r.unit = calendar::LimitUnit::kDays;
  r.amount = l.days + (extended ? l.extension_days : 0);
  r.pauses = pauses;
  return cal.Due(r);
}

bool IsOpen(State s) {
  return s == State::kReceived || s == State::kInProgress || s == State::kInfoRequested ||
         s == State::kAwaitingApproval;
}

bool Allowed(const Item& item, Action a) {
  const State s = item.state;
  switch (a) {
    case Action::kAssign: return s == State::kReceived || s == State::kInProgress;
    case Action::kNote: return s != State::kMerged;
    case Action::kRequestInfo: return s == State::kReceived || s == State::kInProgress;
    case Action::kInfoReceived: return s == State::kInfoRequested;
    case Action::kExtend: return IsOpen(s) && !item.extended && !item.due_at.empty();
    case Action::kDraftReply: return s == State::kReceived || s == State::kInProgress;
    case Action::kApproveReply:
    case Action::kReturnDraft: return s == State::kAwaitingApproval;
    case Action::kPublish: return (s == State::kAnswered || s == State::kClosed) && !item.published;
    case Action::kUnpublish: return (s == State::kAnswered || s == State::kClosed) && item.published;
    case Action::kClose: return s == State::kAnswered;
    case Action::kReopen: return s == State::kClosed;
    case Action::kMerge: return s == State::kReceived || s == State::kInProgress;
  }
  return false;
}

std::vector<Action> AllowedActions(const Item& item, bool may_approve) {
  std::vector<Action> out;
  for (Action a : kActions) {
    if (a == Action::kReopen) continue;  // the citizen's, within the window (CanReopen)
    if ((a == Action::kApproveReply || a == Action::kReturnDraft) && !may_approve) continue;
    if (Allowed(item, a)) out.push_back(a);
  }
  return out;
}

State Next(State s, Action a) {
  switch (a) {
    case Action::kAssign: return State::kInProgress;
    case Action::kRequestInfo: return State::kInfoRequested;
    case Action::kInfoReceived: return State::kInProgress;
    case Action::kDraftReply: return State::kAwaitingApproval;
    case Action::kApproveReply: return State::kAnswered;
    case Action::kReturnDraft: return State::kInProgress;
    case Action::kClose: return State::kClosed;
    case Action::kReopen: return State::kInProgress;
    case Action::kMerge: return State::kMerged;
    default: return s;
  }
}

std::optional<calendar::Date> ReopenUntil(const calendar::WorkCalendar& cal, const Item& item) {
  if (item.state != State::kClosed || item.reopen_count >= kMaxReopens) return std::nullopt;
  const auto closed = ParseUtc(item.closed_at);
  if (!closed) return std::nullopt;
  calendar::Date last = ToLocal(*closed).date;
  for (int i = 0; i < kReopenDays; ++i) last = cal.NextWorkingDay(last);
  return last;
}

bool CanReopen(const calendar::WorkCalendar& cal, const Item& item, Instant now) {
  const auto last = ReopenUntil(cal, item);
  return last && ToLocal(now).date <= *last;
}

bool IsSatisfactionLevel(std::string_view level) { return level == "satisfied" || level == "unsatisfied"; }

bool CanRateAnswer(const Item& item) {
  const bool readable = item.published || !item.person.phone.empty() || !item.person.email.empty();
  return readable && (item.state == State::kAnswered || item.state == State::kClosed);
}

std::string MergeProblem(const Item& duplicate, const Item& target) {
  if (duplicate.id == target.id) return "feedback.merge_self";
  if (duplicate.kind != target.kind) return "feedback.merge_other_kind";
  if (duplicate.unit_id != target.unit_id) return "feedback.merge_other_unit";
  if (!Allowed(duplicate, Action::kMerge)) return "feedback.merge_not_open";
  if (!IsOpen(target.state)) return "feedback.merge_target_closed";
  if (target.id > duplicate.id) return "feedback.merge_into_newer";
  return "";
}

Urgency UrgencyOf(const Item& item, Instant now, Instant soon_by) {
  if (!IsOpen(item.state)) return Urgency::kNone;
  const auto due = ParseUtc(item.due_at);
  if (!due) return Urgency::kNone;
  if (item.state == State::kInfoRequested) {
    const auto since = ParseUtc(item.paused_since);
    return since && *due < *since ? Urgency::kOverdue : Urgency::kNone;
  }
  if (*due < now) return Urgency::kOverdue;
  return *due <= soon_by ? Urgency::kDueSoon : Urgency::kNone;
}

std::string TimelinessOf(const Item& item, Instant at) {
  const auto due = ParseUtc(item.due_at);
  if (!due) return "";
  return at <= *due ? "on_time" : "late";
}

std::string ItemCode(std::string_view unit_code, int year, int64_t serial) {
  std::string n = std::to_string(serial);
  if (n.size() < 4) n.insert(0, 4 - n.size(), '0');
  return "GY-" + std::string(unit_code) + "-" + std::to_string(year) + "-" + n;
}

std::string NormalCode(std::string_view s) {
  std::string out = text::Trim(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string PhoneLast4(std::string_view phone) {
  const std::string d = desk::PhoneDigits(phone);
  return d.size() >= 4 ? d.substr(d.size() - 4) : "";
}

std::string LookupCheck(std::string_view typed) {
  std::string out;
  for (char c : text::Trim(typed))
    if (c != ' ' && c != '-') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (out.size() == 8) out.insert(4, "-");
  return out;
}

std::string StripPersonal(std::string_view text, const Person& p, std::string_view mask) {
  std::string out(text);
  // Longest first, so that a name inside the address does not split it.
  std::vector<std::string> known = {p.address, p.name, p.email, p.phone};
  std::sort(known.begin(), known.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& k : known)
    if (text::Trim(k).size() >= 2) ReplaceAll(out, text::Trim(k), mask);
  static const std::regex kEmail(R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+)");
  out = std::regex_replace(out, kEmail, std::string(mask));
  // Runs of digits with single separators between them.
  static const std::regex kDigits(R"(\+?\d(?:[ .\-]?\d)+)");
  std::string result;
  auto begin = std::sregex_iterator(out.begin(), out.end(), kDigits);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    result.append(out, last, m.position() - last);
    result += MaskPersonalIn(m.str(), mask);
    last = m.position() + m.length();
  }
  result.append(out, last, std::string::npos);
  return result;
}

// ---- statistics ----

namespace {
std::optional<double> Share(int64_t part, int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

void Add(Tally& t, const StatsItem& s) {
  ++t.received;
  if (s.answered_at.empty()) return;
  ++t.answered;
  if (s.timeliness == "on_time") ++t.on_time;
  if (s.timeliness == "late") ++t.late;
  if (s.reopen_count > 0) ++t.reopened;
  t.rated += s.rated;
  t.satisfied += s.satisfied;
  const auto from = ParseUtc(s.received_at), to = ParseUtc(s.answered_at);
  if (from && to && *to > *from) t.handling_days += std::chrono::duration<double>(*to - *from).count() / 86400.0;
}

Tally& Line(std::vector<Tally>& lines, const std::string& key) {
  if (!lines.empty() && lines.back().key == key) return lines.back();  // rows come grouped by unit
  for (auto& t : lines)
    if (t.key == key) return t;
  lines.push_back({});
  lines.back().key = key;
  return lines.back();
}
}  // namespace

std::optional<double> Tally::OnTimeRate() const { return Share(on_time, on_time + late); }
std::optional<double> Tally::MeanHandlingDays() const {
  if (answered <= 0) return std::nullopt;
  return handling_days / static_cast<double>(answered);
}
std::optional<double> Tally::ReopenedShare() const { return Share(reopened, answered); }
std::optional<double> Tally::SatisfiedShare() const { return Share(satisfied, rated); }

Tallies Tabulate(const std::vector<StatsItem>& items) {
  Tallies out;
  for (Kind k : kKinds) Line(out.by_kind, std::string(KindName(k)));
  for (const char* c : kChannels) Line(out.by_channel, c);
  for (const char* c : kCategories) Line(out.by_category, c);
  for (const auto& s : items) {
    Add(out.total, s);
    Add(Line(out.by_kind, s.kind), s);
    Add(Line(out.by_channel, s.channel), s);
    Add(Line(out.by_category, s.category), s);
    Tally& u = Line(out.by_unit, s.unit_code);
    u.label = s.unit_name;
    Add(u, s);
  }
  return out;
}

// ---- dialogue sessions ----

SessionInput CheckedSession(const SessionInput& in) {
  Problems p;
  SessionInput out;
  out.unit_code = p.check([&] { return text::Clean("unit_code", in.unit_code, 50, true); });
  out.title = p.check([&] { return text::Clean("session_title", in.title, kMaxTitle, true); });
  out.held_on = in.held_on;
  const auto day = ParseIsoDate(in.held_on);
  const int year = day ? static_cast<int>(std::chrono::year_month_day{*day}.year()) : 0;
  if (!day || year < calendar::kFirstYear || year > calendar::kLastYear)
    p.add(BadInput(in.held_on.empty() ? "error.required" : "error.bad_date", "held_on"));
  out.starts_at = text::Trim(in.starts_at);
  if (out.starts_at.size() == 4 && out.starts_at[1] == ':') out.starts_at = "0" + out.starts_at;  // 8:30
  if (const auto t = ParseClock(out.starts_at); !t || *t >= 24 * 3600)
    p.add(BadInput("feedback.dialogue.bad_time", "starts_at"));
  else
    out.starts_at = FormatClock(*t);
  out.place = p.check([&] { return text::Clean("session_place", in.place, kMaxAddress, true); });
  out.hosts = p.check([&] { return text::Clean("hosts", in.hosts, kMaxSessionText, true, true); });
  out.invited = p.check([&] { return text::Clean("invited", in.invited, kMaxSessionText, false, true); });
  p.raise_if_any();
  return out;
}

CleanRecord CheckedRecord(const SessionRecord& r) {
  Problems p;
  CleanRecord out;
  const auto n = text::ParseInt64(text::Trim(r.attendees));
  if (!n || *n < 0 || *n > 100000)
    p.add(BadInput("feedback.dialogue.bad_attendees", "attendees"));
  else
    out.attendees = *n;
  out.attendance = p.check([&] { return text::Clean("attendance", r.attendance, kMaxSessionText, false, true); });
  out.summary = p.check([&] { return text::Clean("conclusions", r.summary, kMaxSessionText, true, true); });
  p.raise_if_any();
  return out;
}

}  // namespace fg::feedback
