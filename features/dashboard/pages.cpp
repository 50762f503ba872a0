#include <algorithm>

#include "features/dashboard/routes.h"
#include "features/dashboard/rules.h"
#include "features/dashboard/service.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/time.h"

namespace fg::dashboard {
namespace {
using http::Context;
using http::Response;
using render::Text;

// The query string of the log with `f`'s filters ("" for none), and `before` when set.
std::string LogUrl(const LogFilter& f, int64_t before = 0) {
  std::vector<std::pair<std::string, std::string>> q;
  if (!f.entity.empty()) q.emplace_back("entity", f.entity);
  if (!f.entity_id.empty()) q.emplace_back("id", f.entity_id);
  if (f.actor_id) q.emplace_back("actor", std::to_string(*f.actor_id));
  if (!f.unit_code.empty()) q.emplace_back("unit", f.unit_code);
  if (!f.type.empty()) q.emplace_back("type", f.type);
  if (!f.from.empty()) q.emplace_back("from", f.from);
  if (!f.to.empty()) q.emplace_back("to", f.to);
  if (before > 0) q.emplace_back("before", std::to_string(before));
  std::string url = "/events";
  for (size_t i = 0; i < q.size(); ++i) url += (i == 0 ? "?" : "&") + q[i].first + "=" + http::UrlEncode(q[i].second);
  return url;
}

void Option(ctemplate::TemplateDictionary& b, const std::string& section, const std::string& value,
            const std::string& label, bool selected) {
  auto* o = b.AddSectionDictionary(section);
  o->SetValue("VALUE", value);
  o->SetValue("LABEL", label);
  if (selected) o->SetValue("SELECTED", "selected");
}

// The event log: sentences with names, the fields an update changed, filters by
// person, unit, kind and period, "older" pages, and each event's chain data.
Response EventsPage(Context& ctx, db::Db& db, org::Service& org) {
  const auth::Principal& user = *ctx.user;
  if (auth::Roots(user, {auth::Role::kAdmin}).empty()) throw Forbidden();
  Problems problems;
  LogFilter f;
  auto number = [&](const char* name) -> int64_t {
    auto s = ctx.req.query_param(name);
    if (s.empty()) return 0;
    auto v = http::ParseInt64(s);
    if (!v || *v <= 0) {
      problems.add(BadInput("error.bad_number", name));
      return 0;
    }
    return *v;
  };
  if (int64_t actor = number("actor")) f.actor_id = actor;
  f.before = number("before");
  f.unit_code = ctx.req.query_param("unit");
  f.type = ctx.req.query_param("type");
  f.entity = ctx.req.query_param("entity");
  f.entity_id = ctx.req.query_param("id");
  std::map<std::string, std::string> dates;
  for (const char* k : {"from", "from_day", "from_month", "from_year", "to", "to_day", "to_month", "to_year"})
    dates[k] = ctx.req.query_param(k);
  f.from = render::DateFromForm(dates, "from");
  f.to = render::DateFromForm(dates, "to");

  Service log(db);
  LogPage page;
  std::optional<AppError> error;
  try {
    problems.check([&] { Service::Check(f); });
    problems.raise_if_any();
    page = log.List(user, f);
  } catch (const AppError& e) {
    if (e.kind() != ErrorKind::kBadRequest) throw;
    error = e;
  }

  // One entity's history: its name in the title and a way back to it.
  std::string heading = Text("dashboard.events_title");
  std::string back_url, back_text;
  if (!error && f.entity == "unit") {
    auto unit = db.read([&](db::Conn& c) { return org::Service::FindUnit(c, f.entity_id); });
    std::string name = unit && auth::Covers(user, unit->path, {auth::Role::kAdmin})
                           ? Text("event.unit_label", {{"name", unit->name}, {"code", unit->code}})
                           : f.entity_id;
    heading = Text("event.history_unit", {{"unit", name}});
    back_url = "/units/" + http::UrlEncode(f.entity_id);
    back_text = Text("event.back_to_unit");
  } else if (!error && f.entity == "official") {
    heading = Text("event.history_official", {{"official", f.entity_id}});
    for (auto& e : page.entries)
      if (!e.official_name.empty()) {
        heading = Text("event.history_official", {{"official", e.official_name}});
        break;
      }
    back_url = "/officials/" + http::UrlEncode(f.entity_id);
    back_text = Text("event.back_to_official");
  }

  render::PageView v(ctx, heading, "features/dashboard/templates/events.tpl");
  auto& b = v.body();
  b.SetValue("HEADING", heading);
  if (!back_url.empty()) {
    b.ShowSection("ENTITY_VIEW");
    b.SetValue("BACK_URL", back_url);
    b.SetValue("BACK_TEXT", back_text);
    b.SetValue("ENTITY", f.entity);
    b.SetValue("ENTITY_ID", f.entity_id);
  }
  // The people and units this administrator covers, by name.
  for (auto& o : org.ListOfficials(user))
    Option(b, "ACTOR_OPTION", std::to_string(o.id), o.full_name + " (" + o.username + ")", f.actor_id == o.id);
  if (f.entity.empty()) {
    b.ShowSection("UNIT_FILTER");
    // The administrator's units and the units directly under them (a province's
    // communes, not the whole country's); any unit's own history is linked from its page.
    auto roots = auth::Roots(user, {auth::Role::kAdmin});
    auto depth = [](const std::string& path) { return std::count(path.begin(), path.end(), '/'); };
    for (auto& u : org.ListUnits(user)) {
      bool near_root = false;
      for (auto& r : roots) near_root = near_root || (u.path.rfind(r, 0) == 0 && depth(u.path) <= depth(r) + 1);
      if ((near_root || f.unit_code == u.code) && auth::Covers(user, u.path, {auth::Role::kAdmin}))
        Option(b, "UNIT_OPTION", u.code, Text("event.unit_label", {{"name", u.name}, {"code", u.code}}),
               f.unit_code == u.code);
    }
  }
  for (auto& t : Service::Types()) Option(b, "TYPE_OPTION", t, Text("event.type." + t), f.type == t);
  v.DateInput("FROM_DATE", "from", Text("event.field_from"), Text("event.hint_from"), f.from);
  v.DateInput("TO_DATE", "to", Text("event.field_to"), Text("event.hint_to"), f.to);
  LogFilter unfiltered;
  unfiltered.entity = f.entity;
  unfiltered.entity_id = f.entity_id;
  if (f.actor_id || !f.unit_code.empty() || !f.type.empty() || !f.from.empty() || !f.to.empty() || f.before) {
    b.ShowSection("FILTERED");
    b.SetValue("CLEAR_URL", LogUrl(unfiltered));
  }

  b.SetValue("RESULT_TEXT", error                  ? Text("event.result_error")
                            : page.entries.empty() ? Text("event.result_none")
                            : f.before             ? Text("event.result_older")
                                                   : Text("event.result_newest"));
  if (!page.entries.empty()) b.ShowSection("HAS_EVENTS");
  for (auto& e : page.entries) {
    const auto& s = e.event;
    auto d = Describe(e, page.unit_names);
    auto* row = b.AddSectionDictionary("EVENT");
    row->SetIntValue("ID", s.id);
    row->SetValue("AT", FormatLocal(s.at));
    row->SetValue("SENTENCE", d.sentence);
    if (!d.changes.empty()) row->ShowSection("HAS_CHANGES");
    for (auto& c : d.changes) {
      auto* ch = row->AddSectionDictionary("CHANGE");
      ch->SetValue("LABEL", c.label);
      ch->SetValue("BEFORE", c.before);
      ch->SetValue("AFTER", c.after);
    }
    if (e.scope_code.empty()) {
      row->ShowSection("NO_SCOPE");
    } else {
      row->ShowSection("HAS_SCOPE");
      row->SetValue("SCOPE_NAME", e.scope_name);
      row->SetValue("SCOPE_CODE", e.scope_code);
    }
    if (s.seq > 0) {
      row->SetValueAndShowSection("SEQ", std::to_string(s.seq), "SEALED");
    } else {
      row->ShowSection("UNSEALED");
    }
    row->SetValue("HASH", s.hash.empty() ? "–" : s.hash);
    row->SetValue("PREV_HASH", s.prev_hash.empty() ? "–" : s.prev_hash);
    row->SetValue("RAW_AT", s.at);
    row->SetValue("RAW_ACTOR", s.actor);
    row->SetValue("RAW_ENTITY", s.entity);
    row->SetValue("RAW_ENTITY_ID", s.entity_id);
    row->SetValue("RAW_ACTION", s.action);
    if (!s.before_json.empty()) row->SetValueAndShowSection("BEFORE_JSON", s.before_json, "HAS_BEFORE");
    if (!s.after_json.empty()) row->SetValueAndShowSection("AFTER_JSON", s.after_json, "HAS_AFTER");
  }
  if (page.next_before > 0) {
    b.ShowSection("HAS_NEXT");
    b.SetValue("NEXT_URL", LogUrl(f, page.next_before));
  }
  if (error) v.ShowErrors(*error);
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}
}  // namespace

void RegisterOps(http::App& app, db::Db& db);  // ops.cpp

void Register(http::App& app, db::Db& db, org::Service& org) {
  RegisterOps(app, db);
  app.page("GET", "/dashboard", http::Access::kUser, [&org](Context& ctx) {
    auto n = org.CountsFor(*ctx.user);
    render::PageView v(ctx, render::Text("dashboard.title"), "features/dashboard/templates/dashboard.tpl");
    auto& b = v.body();
    b.SetValue("FULL_NAME", ctx.user->full_name);
    b.SetIntValue("UNITS", n.units_in_force);
    b.SetIntValue("PROVINCES", n.provinces);
    b.SetIntValue("DISTRICTS", n.districts);
    b.SetIntValue("COMMUNES", n.communes);
    b.SetIntValue("OFFICIALS", n.active_officials);
    b.SetValue("TODAY", DisplayDate(TodayLocalIso()));
    for (auto& g : ctx.user->grants) {
      auto* row = b.AddSectionDictionary("GRANT");
      row->SetValue("ROLE", render::Text("org.role." + std::string(auth::RoleName(g.role))));
      row->SetValue("UNIT", g.unit_name);
    }
    return v.render();
  });

  app.page("GET", "/events", http::Access::kUser, [&db, &org](Context& ctx) { return EventsPage(ctx, db, org); });
}

}  // namespace fg::dashboard
