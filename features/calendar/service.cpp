#include "features/calendar/service.h"

#include <algorithm>
#include <boost/json.hpp>

#include "features/calendar/lunar.h"
#include "features/calendar/repo.h"
#include "features/org/service.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::calendar {
namespace {

using namespace std::chrono;
using auth::Principal;

constexpr size_t kMaxNameChars = 200;
constexpr size_t kMaxReferenceChars = 2000;

// National decisions: see org::Service::AdministersWholeTree. Checked inside
// the write that changes them.
void RequireNationalEditor(db::Conn& c, const Principal& p) {
  if (!org::Service::AdministersWholeTree(c, p)) throw Forbidden();
}

void CheckYear(int y, const char* field) {
  if (y < kFirstYear || y > kLastYear) throw BadInput("calendar.bad_year", field, YearRange());
}

org::Unit UnitOrBad(db::Conn& c, const std::string& code, const char* field) {
  auto u = org::Service::FindUnit(c, code);
  if (!u) throw BadInput("calendar.unknown_unit", field, {{"code", code}});
  return *u;
}

EffectiveWeek WeekIn(db::Conn& c, const std::string& unit_code, const char* field) {
  EffectiveWeek out;
  if (unit_code.empty()) return out;
  auto unit = UnitOrBad(c, unit_code, field);
  out.unit_code = unit.code;
  auto stored = repo::WeekFor(c, unit.path);
  if (!stored) return out;
  // Stored rows were validated on the way in; a row edited by hand falls back to the defaults.
  WorkWeek w;
  auto sessions = ParseSessions(stored->sessions);
  auto rest = ParseRestDays(stored->rest_days);
  if (sessions) w.sessions = *sessions;
  if (rest) w.rest_days = *rest;
  w.hours_per_day = stored->hours_per_day;
  w.no_friday_rule = stored->no_friday_rule;
  if (CheckWorkWeek(w).empty()) {
    out.week = w;
    out.from_code = stored->unit_code;
  }
  return out;
}

SysSeconds InstantOrBad(const std::string& text, const std::string& field) {
  auto t = ParseRfc3339(text);
  if (!t) throw BadInput("calendar.bad_instant", field);
  return *t;
}

std::string Json(const DayEntry& e) {
  return boost::json::serialize(boost::json::object{
      {"date", FormatIsoDate(e.date)}, {"kind", KindName(e.kind)}, {"name", e.name}, {"reference", e.reference}});
}

std::string Json(const repo::StoredWeek& w) {
  return boost::json::serialize(boost::json::object{{"sessions", w.sessions},
                                                    {"rest_days", w.rest_days},
                                                    {"hours_per_day", w.hours_per_day},
                                                    {"no_friday_rule", w.no_friday_rule}});
}

}  // namespace

const std::map<std::string, std::string>& YearRange() {
  static const std::map<std::string, std::string> kRange = {{"min", std::to_string(kFirstYear)},
                                                            {"max", std::to_string(kLastYear)}};
  return kRange;
}

std::string NameOf(const DayEntry& e) {
  if (!e.name.empty()) return e.name;
  if (!e.of_key.empty()) return render::Text(e.key, {{"holiday", render::Text(e.of_key)}});
  return render::Text(e.key);
}

std::string ReferenceOf(const DayEntry& e) { return e.overridden ? e.reference : render::Text(e.reference); }

std::shared_ptr<const std::vector<DayEntry>> Service::DaysFor(const std::string& signature) {
  {
    std::lock_guard lock(mu_);
    if (days_ && signature == signature_) return days_;
  }
  auto [stored, now_signature] = db_.read([](db::Conn& c) {
    return std::pair{repo::AllDays(c), repo::DaysSignature(c)};
  });
  auto days = std::make_shared<const std::vector<DayEntry>>(EffectiveDays(kFirstYear, kLastYear, stored));
  std::lock_guard lock(mu_);
  if (now_signature != signature_) {
    signature_ = now_signature;
    days_ = days;
    calendars_.clear();
  }
  return days_;
}

std::shared_ptr<const WorkCalendar> Service::CalendarFor(const std::shared_ptr<const std::vector<DayEntry>>& days,
                                                         const WorkWeek& w) {
  {
    std::lock_guard lock(mu_);
    if (days_ == days)
      for (const auto& [week, cal] : calendars_)
        if (week == w) return cal;
  }
  auto cal = std::make_shared<const WorkCalendar>(*days, w);
  std::lock_guard lock(mu_);
  if (days_ == days) {
    if (calendars_.size() >= 64) calendars_.erase(calendars_.begin());
    calendars_.emplace_back(w, cal);
  }
  return cal;
}

CalendarView Service::View(const std::string& unit_code, const char* field) {
  auto [week, signature] = views_.get(unit_code, [&](db::Conn& c) {
    return std::pair{WeekIn(c, unit_code, field), repo::DaysSignature(c)};
  });
  CalendarView v{std::move(week), DaysFor(signature), nullptr};
  v.calendar = CalendarFor(v.days, v.week.week);
  return v;
}

std::vector<DayEntry> CalendarView::DaysOf(int y) const {
  const Date from = year{y} / 1 / 1, to = year{y + 1} / 1 / 1;
  auto it = std::lower_bound(days->begin(), days->end(), from, [](const DayEntry& e, Date d) { return e.date < d; });
  std::vector<DayEntry> out;
  for (; it != days->end() && it->date < to; ++it) {
    const bool rest_day = (week.week.rest_days >> weekday{it->date}.c_encoding()) & 1u;
    if (!week.unit_code.empty() && it->kind == DayKind::kMakeupWorkday && !rest_day) continue;
    out.push_back(*it);
  }
  return out;
}

std::vector<DayEntry> Service::Holidays(int year, const std::string& unit_code) {
  CheckYear(year, "year");
  return View(unit_code, "unit").DaysOf(year);
}

std::optional<std::string> Service::YearReference(int year) {
  return db_.read([&](db::Conn& c) { return repo::YearReference(c, year); });
}

std::vector<DayEntry> Service::Decisions(int year) {
  CheckYear(year, "year");
  return db_.read([&](db::Conn& c) {
    return repo::DaysBetween(c, std::to_string(year) + "-01-01", std::to_string(year + 1) + "-01-01");
  });
}

EffectiveWeek Service::WeekOf(const std::string& unit_code, const char* field) {
  return db_.read([&](db::Conn& c) { return WeekIn(c, unit_code, field); });
}

DueOutput Service::Due(const DueInput& in) {
  DueRequest r;
  r.received_at = InstantOrBad(in.received_at, "received_at");
  if (in.limit_unit == "days")
    r.unit = LimitUnit::kDays;
  else if (in.limit_unit == "hours")
    r.unit = LimitUnit::kHours;
  else if (in.limit_unit == "same_day")
    r.unit = LimitUnit::kSameDay;
  else
    throw BadInput("calendar.bad_limit_unit", "limit.unit");
  if (r.unit == LimitUnit::kSameDay) {
    if (in.amount && *in.amount != 0 && *in.amount != 1) throw BadInput("calendar.bad_same_day_amount", "limit.amount");
  } else {
    if (!in.amount) throw BadInput("calendar.missing_amount", "limit.amount");
    if (*in.amount < 0) throw BadInput("calendar.negative_amount", "limit.amount");
    const int64_t max = r.unit == LimitUnit::kDays ? kMaxDays : kMaxHours;
    if (*in.amount > max) throw BadInput("calendar.amount_too_large", "limit.amount", {{"max", std::to_string(max)}});
    r.amount = *in.amount;
  }
  if (!in.cutoff.empty()) {
    auto cutoff = ParseClock(in.cutoff);
    if (!cutoff) throw BadInput("calendar.bad_clock", "cutoff");
    r.cutoff = *cutoff;
  }
  if (in.pauses.size() > kMaxPauses)
    throw BadInput("calendar.too_many_pauses", "pauses", {{"max", std::to_string(kMaxPauses)}});
  for (size_t i = 0; i < in.pauses.size(); ++i) {
    const std::string at = "pauses[" + std::to_string(i) + "]";
    Pause p{InstantOrBad(in.pauses[i].from, at + ".from"), InstantOrBad(in.pauses[i].to, at + ".to"),
            text::Clean(at + ".reason", in.pauses[i].reason, kMaxReasonChars, false)};
    if (p.from < r.received_at) throw BadInput("calendar.pause_before_receipt", at + ".from");
    if (p.to <= p.from) throw BadInput("calendar.pause_order", at + ".to");
    if (!r.pauses.empty() && p.from < r.pauses.back().to) throw BadInput("calendar.pause_overlap", at + ".from");
    r.pauses.push_back(p);
  }
  std::optional<SysSeconds> completed;
  if (!in.completed_at.empty()) {
    completed = InstantOrBad(in.completed_at, "completed_at");
    if (*completed < r.received_at) throw BadInput("calendar.completed_before_receipt", "completed_at");
  }

  DueOutput out;
  auto view = View(in.unit_code);
  out.week = view.week;
  const WorkCalendar& cal = *view.calendar;
  try {
    out.result = cal.Due(r);
    out.pauses = r.pauses;
    if (completed) {
      out.timeliness = WorkCalendar::Classify(*completed, out.result.due_at);
      out.elapsed_seconds =
          std::max<int64_t>(0, cal.Elapsed(out.result.starts_at, std::max(*completed, out.result.starts_at), r.pauses));
    }
  } catch (const EngineError& e) {
    throw BadInput(e.key, e.field.empty() ? "received_at" : e.field, YearRange());
  }
  return out;
}

namespace {

Date DateOrBad(const std::string& text, const char* field) {
  auto d = ParseIsoDate(text);
  if (!d) throw BadInput("calendar.bad_date", field);
  // Leave room for the next working day inside the tables.
  if (!InSupportedRange(year_month_day{*d}) || *d >= Date{year{kLastYear} / 12 / 1})
    throw BadInput("calendar.bad_year", field, YearRange());
  return *d;
}

}  // namespace

int64_t Service::WorkingDaysBetween(const std::string& from, const std::string& to, const std::string& unit_code) {
  const Date a = DateOrBad(from, "from"), b = DateOrBad(to, "to");
  return View(unit_code, "unit").calendar->WorkingDaysBetween(a, b);
}

std::string Service::NextWorkingDay(const std::string& date, const std::string& unit_code) {
  const Date d = DateOrBad(date, "date");
  return FormatIsoDate(View(unit_code, "unit").calendar->NextWorkingDay(d));
}

bool Service::CanEditNational(const Principal& p) {
  return db_.read([&](db::Conn& c) { return org::Service::AdministersWholeTree(c, p); });
}

void Service::PutDecision(const Principal& p, const std::string& date, const std::string& kind, const std::string& name,
                          const std::string& reference) {
  DayEntry e;
  auto d = ParseIsoDate(date);
  if (!d) throw BadInput("calendar.bad_date", "date");
  CheckYear(int(year_month_day{*d}.year()), "date");
  auto k = ParseKind(kind);
  if (!k) throw BadInput("calendar.bad_kind", "kind");
  e.date = *d;
  e.kind = *k;
  e.name = text::Clean("name", name, kMaxNameChars, false);
  e.reference = text::Clean("reference", reference, kMaxReferenceChars, false);
  if (e.name.empty()) throw BadInput("calendar.name_required", "name");
  if (e.reference.empty()) throw BadInput("calendar.reference_required", "reference");
  const weekday wd{*d};
  const bool weekend = wd == Saturday || wd == Sunday;
  if (e.kind == DayKind::kMakeupWorkday && !weekend) throw BadInput("calendar.makeup_not_weekend", "kind");
  if (e.kind == DayKind::kSwap && weekend) throw BadInput("calendar.swap_on_weekend", "kind");
  db_.write([&](db::Conn& c) {
    RequireNationalEditor(c, p);
    auto before = repo::DayAt(c, date);
    repo::UpsertDay(c, e);
    events::Append(c, events::By(p, std::nullopt, "calendar_day", date, before ? "update" : "create",
                                 before ? Json(*before) : "", Json(e)));
  });
}

void Service::DeleteDecision(const Principal& p, const std::string& date) {
  db_.write([&](db::Conn& c) {
    RequireNationalEditor(c, p);
    auto before = repo::DayAt(c, date);
    if (!before) throw AppError(ErrorKind::kNotFound, "calendar.decision_not_found");
    repo::DeleteDay(c, date);
    events::Append(c, events::By(p, std::nullopt, "calendar_day", date, "delete", Json(*before), ""));
  });
}

void Service::PutYearReference(const Principal& p, int year, const std::string& reference) {
  CheckYear(year, "year");
  const std::string ref = text::Clean("year_reference", reference, kMaxReferenceChars, false, /*multiline=*/true);
  db_.write([&](db::Conn& c) {
    RequireNationalEditor(c, p);
    auto before = repo::YearReference(c, year);
    repo::UpsertYear(c, year, ref);
    events::Append(c, events::By(p, std::nullopt, "calendar_year", std::to_string(year), before ? "update" : "create",
                                 before ? boost::json::serialize(boost::json::object{{"reference", *before}}) : "",
                                 boost::json::serialize(boost::json::object{{"reference", ref}})));
  });
}

void Service::SetWeek(const Principal& p, const std::string& unit_code, const WeekInput& in) {
  WorkWeek w;
  auto sessions = ParseSessions(in.sessions);
  if (!sessions) throw BadInput("calendar.bad_sessions", "sessions");
  w.sessions = *sessions;
  auto rest = ParseRestDays(in.rest_days);
  if (!rest) throw BadInput("calendar.bad_rest_days", "rest_days");
  w.rest_days = *rest;
  const std::string hours = text::Trim(in.hours_per_day);
  if (hours.empty() || hours.size() > 2 || !std::all_of(hours.begin(), hours.end(), ::isdigit))
    throw BadInput("calendar.week.bad_hours_per_day", "hours_per_day");
  w.hours_per_day = std::stoi(hours);
  w.no_friday_rule = in.no_friday_rule;
  if (auto key = CheckWorkWeek(w); !key.empty()) {
    const char* field = key == "calendar.week.bad_rest_days"       ? "rest_days"
                        : key == "calendar.week.bad_hours_per_day" ? "hours_per_day"
                                                                   : "sessions";
    throw BadInput(key, field);
  }
  db_.write([&](db::Conn& c) {
    auto unit = UnitOrBad(c, unit_code, "unit_code");
    if (!auth::Covers(p, unit.path, {auth::Role::kAdmin})) throw Forbidden();
    auto before = repo::WeekFor(c, unit.path);
    repo::StoredWeek s{unit.id,         unit.code,       FormatSessions(w.sessions), FormatRestDays(w.rest_days),
                       w.hours_per_day, w.no_friday_rule};
    repo::UpsertWeek(c, s);
    const bool own = before && before->unit_id == unit.id;
    events::Append(c, events::By(p, unit.id, "work_week", unit.code, own ? "update" : "create",
                                 own ? Json(*before) : "", Json(s)));
  });
}

void Service::InheritWeek(const Principal& p, const std::string& unit_code) {
  db_.write([&](db::Conn& c) {
    auto unit = UnitOrBad(c, unit_code, "unit_code");
    if (!auth::Covers(p, unit.path, {auth::Role::kAdmin})) throw Forbidden();
    auto before = repo::WeekFor(c, unit.path);
    if (!before || before->unit_id != unit.id) return;  // already inherits
    repo::DeleteWeek(c, unit.id);
    events::Append(c, events::By(p, unit.id, "work_week", unit.code, "delete", Json(*before), ""));
  });
}

}  // namespace fg::calendar
