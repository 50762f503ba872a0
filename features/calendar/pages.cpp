#include <algorithm>

#include "features/calendar/ics.h"
#include "features/calendar/lunar.h"
#include "features/calendar/routes.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/time.h"

namespace fg::calendar {
namespace {

using namespace std::chrono;
using http::Context;
using http::Response;
using render::PageView;
using render::Text;

using http::FormValue;

// A year 1900-2199 from text; nullopt otherwise.
std::optional<int> YearOf(const std::string& s) {
  auto y = s.size() == 4 ? http::ParseInt64(s) : std::nullopt;
  if (!y || *y < kFirstYear || *y > kLastYear) return std::nullopt;
  return static_cast<int>(*y);
}

// The year in ?year= (default: this year); a bad one is a 400 page.
int YearParam(const Context& ctx) {
  const std::string s = ctx.req.query_param("year");
  if (s.empty()) return int(year_month_day{ToLocal(Now()).date}.year());
  if (auto y = YearOf(s)) return *y;
  throw BadInput("calendar.bad_year", "year", YearRange());
}

std::string Part(const std::string& list, int index) {
  size_t start = 0;
  for (int i = 0; i < index; ++i) start = list.find(',', start) + 1;
  return list.substr(start, list.find(',', start) - start);
}

// "Bính Ngọ": the sexagenary name of a lunar year.
std::string YearName(int y) {
  return Part(Text("calendar.stems"), (y + 6) % 10) + " " + Part(Text("calendar.branches"), (y + 8) % 12);
}

std::string LunarText(const LunarDate& l) {
  return std::to_string(l.day) + "/" + std::to_string(l.month) + (l.leap ? Text("calendar.leap_suffix") : "");
}

std::string WeekdayLabel(unsigned iso) { return Text("calendar.weekday." + std::to_string(iso)); }
std::string WeekdayLabel(Date d) { return WeekdayLabel(weekday{d}.iso_encoding()); }
std::string KindLabel(DayKind k) { return Text("calendar.kind." + std::string(KindName(k))); }

// "Phường Chơn Thành (25270)": a unit as people know it; the code alone if unknown.
std::string UnitLabel(org::Service& org, const std::string& code) {
  auto u = org.PublicUnit(code);
  return u ? u->name + " (" + code + ")" : code;
}

Response YearPage(Context& ctx, Service& svc, org::Service& org) {
  const int y = YearParam(ctx);
  const std::string unit = ctx.req.query_param("unit");
  const CalendarView view = svc.View(unit, "unit");
  const auto entries = view.DaysOf(y);
  std::map<Date, const DayEntry*> by_date;
  for (const auto& e : entries) by_date[e.date] = &e;
  const Date first_day = year{y} / 1 / 1;
  std::vector<LunarDate> lunar;  // of each day of the year
  for (Date d = first_day; d < Date{year{y + 1} / 1 / 1}; d += days{1}) lunar.push_back(ToLunar(d));
  auto lunar_of = [&](Date d) { return lunar[static_cast<size_t>((d - first_day).count())]; };
  const Date today = ToLocal(Now()).date;

  PageView v(ctx, Text("calendar.title", {{"year", std::to_string(y)}}), "features/calendar/templates/year.tpl");
  auto& b = v.body();
  b.SetIntValue("YEAR", y);
  b.SetIntValue("PREV", std::max(y - 1, kFirstYear));
  b.SetIntValue("NEXT", std::min(y + 1, kLastYear));
  b.SetValue("UNIT", unit);
  b.SetValue("LUNAR_YEAR_PREV", YearName(y - 1));
  b.SetValue("LUNAR_YEAR", YearName(y));
  if (!unit.empty()) {
    b.SetValueAndShowSection("UNIT_CODE", UnitLabel(org, view.week.unit_code), "HAS_UNIT");
    b.SetValue("UNIT_URL", http::UrlEncode(view.week.unit_code));
  }
  b.SetValue("SESSIONS", FormatSessions(view.week.week.sessions));
  if (auto ref = svc.YearReference(y); ref && !ref->empty())
    b.SetValueAndShowSection("REFERENCE", *ref, "HAS_REFERENCE");
  else
    b.ShowSection("NO_DECISIONS");
  if (ctx.user) b.ShowSection("SIGNED_IN");

  for (unsigned m = 1; m <= 12; ++m) {
    auto* month_dict = b.AddSectionDictionary("MONTH");
    month_dict->SetIntValue("MONTH", m);
    const Date first = year{y} / month{m} / day{1};
    const Date end = first + days{unsigned(year_month_day_last{year{y}, month_day_last{month{m}}}.day())};
    ctemplate::TemplateDictionary* week_dict = month_dict->AddSectionDictionary("WEEK");
    for (unsigned blank = 1; blank < weekday{first}.iso_encoding(); ++blank) week_dict->AddSectionDictionary("DAY");
    for (Date d = first; d < end; d += days{1}) {
      if (weekday{d}.iso_encoding() == 1 && d != first) week_dict = month_dict->AddSectionDictionary("WEEK");
      auto* cell = week_dict->AddSectionDictionary("DAY");
      const LunarDate l = lunar_of(d);
      cell->SetIntValue("SOLAR", unsigned(year_month_day{d}.day()));
      cell->SetValueAndShowSection("LUNAR", l.day == 1 ? LunarText(l) : std::to_string(l.day), "HAS_DATE");
      std::string cls = view.calendar->IsWorkingDay(d) ? "work" : "rest";
      std::map<std::string, std::string> title = {{"date", FormatDayMonthYear(d)}, {"lunar", LunarText(l)}};
      if (auto it = by_date.find(d); it != by_date.end()) {
        cls += " k-" + std::string(KindName(it->second->kind));
        title["name"] = NameOf(*it->second);
      }
      if (l.day == 1) cls += " lunar-first";
      if (d == today) cls += " today";
      cell->SetValue("CLASS", cls);
      cell->SetValue("TITLE", Text(title.count("name") ? "calendar.day_title_named" : "calendar.day_title", title));
    }
  }
  for (const auto& e : entries) {
    auto* row = b.AddSectionDictionary("ENTRY");
    row->SetValue("DATE", FormatDayMonthYear(e.date));
    row->SetValue("WEEKDAY", WeekdayLabel(e.date));
    row->SetValue("LUNAR", LunarText(lunar_of(e.date)));
    row->SetValue("NAME", NameOf(e));
    row->SetValue("KIND", KindLabel(e.kind));
    row->SetValue("KIND_CLASS", "k-" + std::string(KindName(e.kind)));
    row->SetValue("REFERENCE", ReferenceOf(e));
  }
  return v.render();
}

// `form` refills the form after a refused submission; `edit` (a date) fills it
// from that day's decision instead.
Response DecisionsPage(Context& ctx, Service& svc, int y, std::map<std::string, std::string> form,
                       const std::string& edit, const AppError* error) {
  PageView v(ctx, Text("calendar.decisions_title", {{"year", std::to_string(y)}}),
             "features/calendar/templates/decisions.tpl");
  auto& b = v.body();
  b.SetIntValue("YEAR", y);
  b.SetIntValue("PREV", std::max(y - 1, kFirstYear));
  b.SetIntValue("NEXT", std::min(y + 1, kLastYear));
  const bool editor = svc.CanEditNational(*ctx.user);
  if (editor) b.ShowSection("EDITOR");
  for (const auto& e : svc.Decisions(y)) {
    const std::string iso = FormatIsoDate(e.date);
    if (iso == edit)
      form = {{"date", iso}, {"kind", std::string(KindName(e.kind))}, {"name", e.name}, {"reference", e.reference}};
    auto* row = b.AddSectionDictionary("DECISION");
    row->SetValue("DATE", FormatDayMonthYear(e.date));
    row->SetValue("ISO", iso);
    row->SetValue("WEEKDAY", WeekdayLabel(e.date));
    row->SetValue("KIND", KindLabel(e.kind));
    row->SetValue("NAME", e.name);
    row->SetValue("REF", e.reference);
    if (editor) row->ShowSection("CAN_DELETE");
  }
  b.SetValue("REFERENCE", form.count("year_reference") ? form["year_reference"] : svc.YearReference(y).value_or(""));
  v.DateInput("DATE_INPUT", "date", Text("calendar.field_date"), Text("calendar.hint_date"),
              render::DateFromForm(form, "date"));
  b.SetValue("F_NAME", FormValue(form, "name"));
  b.SetValue("F_REFERENCE", FormValue(form, "reference"));
  for (DayKind k : kAllKinds) {
    auto* o = b.AddSectionDictionary("KIND_OPTION");
    o->SetValue("VALUE", std::string(KindName(k)));
    o->SetValue("LABEL", KindLabel(k));
    if (FormValue(form, "kind") == KindName(k)) o->SetValue("SELECTED", "selected");
  }
  v.ShowDone("calendar.done.", {{"year", std::to_string(y)}});
  if (error) v.ShowErrors(*error);
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

Response WeekPage(Context& ctx, Service& svc, org::Service& org, const std::string& code, const WeekInput* in,
                  const AppError* error) {
  auto unit = org.GetUnit(*ctx.user, code);  // any role on the unit's subtree may look
  auto eff = svc.WeekOf(unit.code);
  PageView v(ctx, Text("calendar.week_title", {{"unit", unit.name}}), "features/calendar/templates/week.tpl");
  auto& b = v.body();
  b.SetValue("UNIT_NAME", unit.name);
  b.SetValue("UNIT_CODE", unit.code);
  b.SetValue("UNIT_URL", http::UrlEncode(unit.code));
  if (eff.from_code.empty())
    b.ShowSection("DEFAULTS");
  else if (eff.from_code == unit.code)
    b.ShowSection("OWN");
  else
    b.SetValueAndShowSection("FROM", UnitLabel(org, eff.from_code), "INHERITED");
  b.SetValue("SESSIONS", in ? in->sessions : FormatSessions(eff.week.sessions));
  b.SetValue("HOURS", in ? in->hours_per_day : std::to_string(eff.week.hours_per_day));
  const unsigned rest = in ? ParseRestDays(in->rest_days).value_or(0) : eff.week.rest_days;
  for (unsigned iso = 1; iso <= 7; ++iso) {
    auto* d = b.AddSectionDictionary("REST_DAY");
    d->SetIntValue("VALUE", iso);
    d->SetValue("LABEL", WeekdayLabel(iso));
    if ((rest >> (iso % 7)) & 1u) d->SetValue("CHECKED", "checked");
  }
  const bool no_friday = in ? in->no_friday_rule : eff.week.no_friday_rule;
  if (no_friday) b.SetValue("NO_FRIDAY_CHECKED", "checked");
  // Only administrators of the unit get the form; others read the settings.
  if (auth::Covers(*ctx.user, unit.path, {auth::Role::kAdmin})) {
    b.ShowSection("CAN_EDIT");
  } else {
    b.ShowSection("READ_ONLY");
    std::string rest_names;
    for (unsigned iso = 1; iso <= 7; ++iso)
      if ((rest >> (iso % 7)) & 1u) rest_names += (rest_names.empty() ? "" : ", ") + WeekdayLabel(iso);
    b.SetValue("REST_NAMES", rest_names.empty() ? Text("calendar.no_rest_days") : rest_names);
    b.SetValue("NO_FRIDAY", Text(no_friday ? "calendar.yes" : "calendar.no"));
  }
  v.ShowDone("calendar.done.");
  if (error) v.ShowErrors(*error);
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

// An instant as people say it at UTC+7: time, weekday, date.
std::string Spoken(Instant t) {
  const LocalTime local = ToLocal(t);
  return Text("calendar.instant", {{"time", FormatClock(local.seconds)},
                                   {"weekday", WeekdayLabel(local.date)},
                                   {"date", FormatDayMonthYear(local.date)}});
}

// The deadline calculator: a GET form (nothing changes), so a link can carry a question.
Response DuePage(Context& ctx, Service& svc, org::Service& org) {
  auto q = [&](const char* k) { return ctx.req.query_param(k); };
  PageView v(ctx, Text("calendar.due_title"), "features/calendar/templates/due.tpl");
  auto& b = v.body();
  std::map<std::string, std::string> parts;
  for (const char* k : {"date", "date_day", "date_month", "date_year"}) parts[k] = q(k);
  const std::string asked = render::DateFromForm(parts, "date");
  const std::string date = asked.empty() ? TodayLocalIso() : asked;
  const std::string time = q("time").empty() ? "08:00" : q("time");
  const std::string unit = q("limit_unit").empty() ? "days" : q("limit_unit");
  v.DateInput("DATE_INPUT", "date", Text("calendar.field_received_date"), Text("calendar.hint_date"), date);
  b.SetValue("TIME", time);
  b.SetValue("AMOUNT", q("amount").empty() ? "3" : q("amount"));
  b.SetValue("CUTOFF", q("cutoff").empty() ? "15:00" : q("cutoff"));
  b.SetValue("UNIT_CODE", q("unit"));
  for (const char* u : {"days", "hours", "same_day"}) {
    auto* o = b.AddSectionDictionary("LIMIT_UNIT");
    o->SetValue("VALUE", u);
    o->SetValue("LABEL", Text(std::string("calendar.limit_unit.") + u));
    if (unit == u) o->SetValue("SELECTED", "selected");
  }
  if (asked.empty() && !ctx.req.has_query_param("time")) return v.render();
  try {
    DueInput in;
    // The form asks a date and a time at UTC+7; the engine takes an RFC 3339 instant.
    Problems problems;
    if (!ParseIsoDate(date)) problems.add(BadInput("error.bad_date", "date"));
    if (!ParseClock(time) || time == "24:00") problems.add(BadInput("calendar.bad_clock", "time"));
    if (!q("cutoff").empty() && !ParseClock(q("cutoff"))) problems.add(BadInput("calendar.bad_clock", "cutoff"));
    in.received_at = date + "T" + time + ":00+07:00";
    in.limit_unit = unit;
    if (unit != "same_day") {
      auto amount = http::ParseInt64(q("amount"));
      if (!amount) problems.add(BadInput("calendar.bad_number", "amount"));
      in.amount = amount.value_or(0);
    }
    problems.raise_if_any();
    in.cutoff = q("cutoff");
    in.unit_code = q("unit");
    DueOutput out;
    try {
      out = svc.Due(in);
    } catch (const AppError& e) {
      // Name the form's fields rather than the API's.
      static const std::map<std::string, std::string> kFormField = {
          {"received_at", "date"}, {"limit.amount", "amount"}, {"unit_code", "unit"}};
      auto it = kFormField.find(e.field());
      throw it == kFormField.end() ? e : WithField(e, it->second);
    }
    b.ShowSection("HAS_RESULT");
    b.SetValue("DUE", Spoken(out.result.due_at));
    b.SetValue("STARTS", Spoken(out.result.starts_at));
    b.SetValue("WARNING", Spoken(out.result.warning_at));
    b.SetValue("DUE_ISO", FormatRfc3339Local(out.result.due_at));
    b.SetValue("SESSIONS", FormatSessions(out.week.week.sessions));
    if (!out.week.from_code.empty()) b.SetValueAndShowSection("FROM", UnitLabel(org, out.week.from_code), "HAS_FROM");
    return v.render();
  } catch (const AppError& e) {
    if (e.kind() != ErrorKind::kBadRequest) throw;
    v.ShowErrors(e);
    return v.render(400);
  }
}

}  // namespace

void RegisterPages(http::App& app, Service& svc, org::Service& org) {
  app.page("GET", "/calendar", http::Access::kPublic, [&svc, &org](Context& ctx) { return YearPage(ctx, svc, org); });

  // The year's days off and make-up workdays for calendar applications.
  app.page("GET", "/calendar.ics", http::Access::kPublic, [&svc](Context& ctx) {
    const int y = YearParam(ctx);
    const std::string unit = ctx.req.query_param("unit");
    std::vector<IcsEvent> events;
    for (const auto& e : svc.Holidays(y, unit)) {
      const std::string kind(KindName(e.kind));
      events.push_back({e.date, FormatIsoDate(e.date) + "-" + kind + "@friendlygov",
                        Text("calendar.ics_summary", {{"name", NameOf(e)}, {"kind", KindLabel(e.kind)}}),
                        ReferenceOf(e)});
    }
    return Response::Attachment(ToICalendar(Text("calendar.title", {{"year", std::to_string(y)}}), events, Now()),
                                "text/calendar; charset=utf-8", "lich-" + std::to_string(y) + ".ics");
  });

  app.page("GET", "/calendar/due", http::Access::kPublic,
           [&svc, &org](Context& ctx) { return DuePage(ctx, svc, org); });

  app.page("GET", "/calendar/decisions", http::Access::kUser, [&svc](Context& ctx) {
    return DecisionsPage(ctx, svc, YearParam(ctx), {}, ctx.req.query_param("edit"), nullptr);
  });

  // Adds or replaces the decision of one date.
  app.page("POST", "/calendar/decisions", http::Access::kUser, [&svc](Context& ctx) {
    auto form = ctx.req.form();
    const std::string iso = render::DateFromForm(form, "date");
    const auto date = ParseIsoDate(iso);
    const int y = date ? int(year_month_day{*date}.year()) : YearParam(ctx);
    try {
      svc.PutDecision(*ctx.user, iso, FormValue(form, "kind"), FormValue(form, "name"), FormValue(form, "reference"));
      return Response::Redirect("/calendar/decisions?year=" + std::to_string(y) + "&done=saved");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return DecisionsPage(ctx, svc, std::clamp(y, kFirstYear, kLastYear), form, "", &e);
    }
  });

  // "Xóa" opens a confirmation; the POST deletes.
  app.page("GET", "/calendar/decisions/{date}/delete", http::Access::kUser, [&svc](Context& ctx) {
    const std::string date = ctx.req.params.at("date");
    auto d = ParseIsoDate(date);
    if (!d) throw AppError(ErrorKind::kNotFound, "calendar.decision_not_found");
    if (!svc.CanEditNational(*ctx.user)) throw Forbidden();
    const int y = int(year_month_day{*d}.year());
    for (const auto& e : svc.Decisions(y)) {
      if (e.date != *d) continue;
      const std::string back = "/calendar/decisions?year=" + std::to_string(y);
      return render::ConfirmPage(
          ctx, Text("calendar.delete_title"),
          Text("calendar.delete_question",
               {{"date", FormatDayMonthYear(*d)}, {"name", e.name}, {"kind", KindLabel(e.kind)}}),
          "/calendar/decisions/" + date + "/delete", Text("calendar.delete_button"), back);
    }
    throw AppError(ErrorKind::kNotFound, "calendar.decision_not_found");
  });

  app.page("POST", "/calendar/decisions/{date}/delete", http::Access::kUser, [&svc](Context& ctx) {
    const std::string date = ctx.req.params.at("date");
    auto d = ParseIsoDate(date);
    if (!d) throw AppError(ErrorKind::kNotFound, "calendar.decision_not_found");
    svc.DeleteDecision(*ctx.user, date);
    return Response::Redirect("/calendar/decisions?year=" + std::to_string(int(year_month_day{*d}.year())) +
                              "&done=deleted");
  });

  app.page("POST", "/calendar/years/{year}", http::Access::kUser, [&svc](Context& ctx) {
    auto form = ctx.req.form();
    const auto y = YearOf(ctx.req.params.at("year"));
    if (!y) throw AppError(ErrorKind::kNotFound, "error.not_found");
    try {
      svc.PutYearReference(*ctx.user, *y, FormValue(form, "year_reference"));
      return Response::Redirect("/calendar/decisions?year=" + std::to_string(*y) + "&done=reference_saved");
    } catch (const AppError& e) {
      if (e.kind() != ErrorKind::kBadRequest) throw;
      return DecisionsPage(ctx, svc, *y, form, "", &e);
    }
  });

  app.page("GET", "/calendar/work-week/{code}", http::Access::kUser,
           [&svc, &org](Context& ctx) { return WeekPage(ctx, svc, org, ctx.req.params.at("code"), nullptr, nullptr); });

  app.page("POST", "/calendar/work-week/{code}", http::Access::kUser, [&svc, &org](Context& ctx) {
    auto form = ctx.req.form();
    const std::string code = ctx.req.params.at("code");
    WeekInput in;
    in.sessions = FormValue(form, "sessions");
    in.hours_per_day = FormValue(form, "hours_per_day");
    in.no_friday_rule = form.count("no_friday_rule") > 0;
    // Checkboxes arrive as rest_1 ... rest_7.
    for (int iso = 1; iso <= 7; ++iso)
      if (form.count("rest_" + std::to_string(iso)))
        in.rest_days += (in.rest_days.empty() ? "" : ",") + std::to_string(iso);
    try {
      if (FormValue(form, "action") == "inherit")
        svc.InheritWeek(*ctx.user, code);
      else
        svc.SetWeek(*ctx.user, code, in);
      return Response::Redirect("/calendar/work-week/" + http::UrlEncode(code) + "?done=week_saved");
    } catch (const AppError& e) {
      if (e.kind() != ErrorKind::kBadRequest) throw;
      return WeekPage(ctx, svc, org, code, &in, &e);
    }
  });
}

}  // namespace fg::calendar
