#include <boost/json.hpp>

#include "features/calendar/lunar.h"
#include "features/calendar/routes.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"
#include "platform/time.h"

namespace fg::calendar {
namespace {

using http::Context;

int64_t IntParam(const http::Request& req, const char* name) {
  const std::string s = req.query_param(name);
  if (s.empty()) throw BadInput("error.required", name);
  auto v = http::ParseInt64(s);
  if (!v || *v < -999999 || *v > 999999) throw BadInput("calendar.bad_number", name);
  return *v;
}

// Runs `f`, renaming a BadInput's field to `prefix` + field (for nested JSON objects).
template <class F>
auto Nested(const std::string& prefix, F&& f) {
  try {
    return f();
  } catch (const AppError& e) {
    if (e.kind() != ErrorKind::kBadRequest) throw;
    throw WithField(e, prefix + e.field());
  }
}

boost::json::object ToJson(const DayEntry& e) {
  return {
      {"date", FormatIsoDate(e.date)}, {"name", NameOf(e)}, {"kind", KindName(e.kind)}, {"reference", ReferenceOf(e)}};
}

boost::json::object ToJson(const EffectiveWeek& w) {
  return {{"unit_code", w.unit_code},
          {"from_unit_code", w.from_code},
          {"sessions", FormatSessions(w.week.sessions)},
          {"rest_days", FormatRestDays(w.week.rest_days)},
          {"hours_per_day", w.week.hours_per_day},
          {"no_friday_rule", w.week.no_friday_rule},
          {"working_seconds_per_day", w.week.SecondsPerDay()}};
}

DueInput DueFrom(const boost::json::object& b) {
  http::JsonAllowOnly(b, {"received_at", "limit", "cutoff", "pauses", "unit_code", "completed_at"});
  DueInput in;
  in.received_at = http::JsonString(b, "received_at").value_or("");
  if (in.received_at.empty()) throw BadInput("error.required", "received_at");
  auto limit = b.find("limit");
  if (limit == b.end()) throw BadInput("error.required", "limit");
  if (!limit->value().is_object()) throw BadInput("error.json_type", "limit", {{"type", "object"}});
  Nested("limit.", [&] {
    const auto& l = limit->value().as_object();
    http::JsonAllowOnly(l, {"amount", "unit"});
    in.limit_unit = http::JsonString(l, "unit").value_or("");
    in.amount = http::JsonInt(l, "amount");
  });
  in.cutoff = http::JsonString(b, "cutoff").value_or("");
  in.unit_code = http::JsonString(b, "unit_code").value_or("");
  in.completed_at = http::JsonString(b, "completed_at").value_or("");
  if (auto p = b.find("pauses"); p != b.end() && !p->value().is_null()) {
    if (!p->value().is_array()) throw BadInput("error.json_type", "pauses", {{"type", "array"}});
    const auto& arr = p->value().as_array();
    if (arr.size() > kMaxPauses)
      throw BadInput("calendar.too_many_pauses", "pauses", {{"max", std::to_string(kMaxPauses)}});
    for (size_t i = 0; i < arr.size(); ++i) {
      const std::string at = "pauses[" + std::to_string(i) + "]";
      if (!arr[i].is_object()) throw BadInput("error.json_type", at, {{"type", "object"}});
      Nested(at + ".", [&] {
        const auto& o = arr[i].as_object();
        http::JsonAllowOnly(o, {"from", "to", "reason"});
        in.pauses.push_back({http::JsonString(o, "from").value_or(""), http::JsonString(o, "to").value_or(""),
                             http::JsonString(o, "reason").value_or("")});
      });
    }
  }
  return in;
}

}  // namespace

void RegisterApi(http::App& app, Service& svc) {
  app.api("GET", "/api/v1/calendar/holidays", http::Access::kPublic, [&svc](Context& ctx) {
    const auto year = static_cast<int>(IntParam(ctx.req, "year"));  // the service checks the range
    boost::json::array items;
    for (const auto& e : svc.Holidays(year, ctx.req.query_param("unit"))) items.push_back(ToJson(e));
    return http::Json(200, items);
  });

  app.api("GET", "/api/v1/calendar/lunar", http::Access::kPublic, [](Context& ctx) {
    const std::string text = ctx.req.query_param("date");
    if (text.empty()) throw BadInput("error.required", "date");
    auto d = ParseIsoDate(text);
    if (!d) throw BadInput("calendar.bad_date", "date");
    if (!InSupportedRange(std::chrono::year_month_day{*d})) throw BadInput("calendar.bad_year", "date", YearRange());
    const LunarDate l = ToLunar(*d);
    return http::Json(200, {{"day", l.day},
                            {"month", l.month},
                            {"year", l.year},
                            {"leap", l.leap},
                            {"month_length", LunarMonthLength(*d)}});
  });

  app.api("GET", "/api/v1/calendar/solar", http::Access::kPublic, [](Context& ctx) {
    LunarDate l;
    l.day = static_cast<int>(IntParam(ctx.req, "lunar_day"));
    l.month = static_cast<int>(IntParam(ctx.req, "lunar_month"));
    l.year = static_cast<int>(IntParam(ctx.req, "lunar_year"));
    const std::string leap = ctx.req.query_param("leap");
    if (leap == "true" || leap == "1")
      l.leap = true;
    else if (!leap.empty() && leap != "false" && leap != "0")
      throw BadInput("calendar.bad_leap", "leap");
    auto d = ToSolar(l);
    if (!d) {
      // Name the part that is wrong where it can be told apart.
      const char* field = l.year < kFirstYear || l.year > kLastYear        ? "lunar_year"
                          : l.month < 1 || l.month > 12                    ? "lunar_month"
                          : l.leap && !ToSolar({1, l.month, l.year, true}) ? "leap"
                                                                           : "lunar_day";
      throw BadInput("calendar.bad_lunar_date", field, YearRange());
    }
    return http::Json(200, {{"date", FormatIsoDate(*d)}});
  });

  app.api("POST", "/api/v1/calendar/due", http::Access::kPublic, [&svc](Context& ctx) {
    auto out = svc.Due(DueFrom(http::ParseJsonObject(ctx.req)));
    boost::json::object r{{"due_at", FormatRfc3339Local(out.result.due_at)},
                          {"starts_at", FormatRfc3339Local(out.result.starts_at)},
                          {"warning_at", FormatRfc3339Local(out.result.warning_at)},
                          {"paused_seconds", out.result.paused_seconds},
                          {"pauses",
                           [&] {
                             boost::json::array a;
                             for (size_t i = 0; i < out.pauses.size(); ++i)
                               a.push_back({{"from", FormatRfc3339Local(out.pauses[i].from)},
                                            {"to", FormatRfc3339Local(out.pauses[i].to)},
                                            {"reason", out.pauses[i].reason},
                                            {"paused_seconds", out.result.pause_seconds[i]}});
                             return a;
                           }()},
                          {"work_week", ToJson(out.week)}};
    if (out.timeliness) {
      r["status"] = TimelinessName(*out.timeliness);
      r["elapsed_seconds"] = *out.elapsed_seconds;
    }
    return http::Json(200, r);
  });

  app.api("GET", "/api/v1/calendar/working-days", http::Access::kPublic, [&svc](Context& ctx) {
    const std::string from = ctx.req.query_param("from"), to = ctx.req.query_param("to");
    if (from.empty()) throw BadInput("error.required", "from");
    if (to.empty()) throw BadInput("error.required", "to");
    return http::Json(
        200,
        {{"from", from}, {"to", to}, {"working_days", svc.WorkingDaysBetween(from, to, ctx.req.query_param("unit"))}});
  });

  app.api("GET", "/api/v1/calendar/next-working-day", http::Access::kPublic, [&svc](Context& ctx) {
    const std::string date = ctx.req.query_param("date");
    if (date.empty()) throw BadInput("error.required", "date");
    return http::Json(200, {{"date", svc.NextWorkingDay(date, ctx.req.query_param("unit"))}});
  });

  app.api("GET", "/api/v1/calendar/work-week", http::Access::kPublic, [&svc](Context& ctx) {
    const std::string unit = ctx.req.query_param("unit");
    if (unit.empty()) throw BadInput("error.required", "unit");
    return http::Json(200, ToJson(svc.WeekOf(unit, "unit")));
  });
}

}  // namespace fg::calendar
