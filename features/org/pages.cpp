#include <algorithm>

#include "features/org/routes.h"
#include "features/org/rules.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/time.h"

namespace fg::org {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

bool IsAdmin(const Context& ctx) { return auth::HasRole(*ctx.user, auth::Role::kAdmin); }
bool IsManager(const Context& ctx) { return IsAdmin(ctx) || auth::HasRole(*ctx.user, auth::Role::kLeader); }

// Pages that only administrators can use answer 403 to others instead of offering a form.
void RequireAdmin(const Context& ctx) {
  if (!IsAdmin(ctx)) throw Forbidden();
}

void LevelOptions(ctemplate::TemplateDictionary& d, const std::string& selected) {
  for (Level l :
       {Level::kProvince, Level::kDistrict, Level::kCommune, Level::kWard, Level::kTownship, Level::kSpecialZone}) {
    auto* o = d.AddSectionDictionary("LEVEL");
    o->SetValue("VALUE", std::string(LevelName(l)));
    o->SetValue("LABEL", Text("org.level." + std::string(LevelName(l))));
    if (selected == LevelName(l)) o->SetValue("SELECTED", "selected");
  }
}

// Units by name with their code in small print; only those the user administers.
void UnitOptions(const Context& ctx, ctemplate::TemplateDictionary& d, const std::vector<Unit>& units,
                 const std::string& section, const std::string& selected) {
  for (auto& u : units) {
    if (!auth::Covers(*ctx.user, u.path, {auth::Role::kAdmin})) continue;
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", u.code);
    o->SetValue("LABEL", u.name + " (" + u.code + ")");
    if (selected == u.code) o->SetValue("SELECTED", "selected");
  }
}

std::string Validity(const Unit& u) {
  if (u.valid_to)
    return Text("org.valid_between", {{"from", DisplayDate(u.valid_from)}, {"to", DisplayDate(*u.valid_to)}});
  return Text("org.valid_since", {{"from", DisplayDate(u.valid_from)}});
}

Response UnitForm(Context& ctx, Service& svc, const UnitInput& in, bool is_new, const AppError* error) {
  PageView v(ctx, Text(is_new ? "org.unit_new_title" : "org.unit_edit_title", {{"name", in.name}}),
             "features/org/templates/unit_form.tpl");
  auto& b = v.body();
  b.SetValue("CODE", in.code);
  b.SetValue("NAME", in.name);
  b.SetValue("ACTION", is_new ? "/units" : "/units/" + http::UrlEncode(in.code));
  b.SetValue("CANCEL", is_new ? "/units" : "/units/" + http::UrlEncode(in.code));
  b.ShowSection(is_new ? "IS_NEW" : "IS_EDIT");
  LevelOptions(b, in.level);
  auto units = svc.ListUnits(*ctx.user);
  if (auth::Covers(*ctx.user, "/", {auth::Role::kAdmin}) || in.parent_code.empty()) b.ShowSection("CAN_BE_ROOT");
  std::vector<Unit> others;
  for (auto& u : units)
    if (u.code != in.code) others.push_back(u);
  UnitOptions(ctx, b, others, "PARENT", in.parent_code);
  UnitOptions(ctx, b, others, "SUCCESSOR", in.successor_code);
  v.DateInput("VALID_FROM_DATE", "valid_from", Text("org.field_valid_from"), Text("org.hint_valid_from"),
              in.valid_from);
  v.DateInput("VALID_TO_DATE", "valid_to", Text("org.field_valid_to"), Text("org.hint_valid_to"), in.valid_to);
  if (error) v.ShowErrors(*error);
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

Response UnitView(Context& ctx, Service& svc, const Unit& u) {
  PageView v(ctx, u.name, "features/org/templates/unit_view.tpl");
  auto& b = v.body();
  b.SetValue("NAME", u.name);
  b.SetValue("CODE", u.code);
  b.SetValue("CODE_URL", http::UrlEncode(u.code));
  b.SetValue("LEVEL", Text("org.level." + std::string(LevelName(u.level))));
  b.SetValue("VALIDITY", Validity(u));
  auto units = svc.ListUnits(*ctx.user, TodayLocalIso());
  // A related unit by name, linked when this person may open it.
  auto related = [&](const std::string& code, const char* section) {
    auto* d = b.AddSectionDictionary(section);
    d->SetValue("CODE", code);
    auto r = svc.PublicUnit(code);
    d->SetValue("NAME", r ? r->name : code);
    if (r && auth::Covers(*ctx.user, r->path))
      d->SetValueAndShowSection("URL", http::UrlEncode(code), "LINKED");
    else
      d->ShowSection("PLAIN");
  };
  if (u.parent_code.empty())
    b.ShowSection("NO_PARENT");
  else
    related(u.parent_code, "HAS_PARENT");
  if (!u.successor_code.empty()) related(u.successor_code, "HAS_SUCCESSOR");
  int children = 0;
  for (auto& x : units) {
    if (x.parent_code != u.code) continue;
    auto* d = b.AddSectionDictionary("CHILD");
    d->SetValue("CODE_URL", http::UrlEncode(x.code));
    d->SetValue("CODE", x.code);
    d->SetValue("NAME", x.name);
    ++children;
  }
  b.ShowSection(children ? "HAS_CHILDREN" : "NO_CHILDREN");
  if (auth::Covers(*ctx.user, u.path, {auth::Role::kAdmin})) {
    b.ShowSection("CAN_EDIT");
    b.ShowSection("CAN_SEE_HISTORY");
  }
  if (auth::Covers(*ctx.user, u.path, {auth::Role::kAdmin, auth::Role::kLeader})) {
    b.ShowSection("CAN_SEE_STAFF");
    int staff = 0;
    for (auto& o : svc.ListOfficials(*ctx.user)) {
      if (o.unit_code != u.code) continue;
      auto* d = b.AddSectionDictionary("STAFF");
      d->SetIntValue("ID", o.id);
      d->SetValue("FULL_NAME", o.full_name);
      if (!o.position.empty()) d->SetValueAndShowSection("POSITION", o.position, "HAS_POSITION");
      ++staff;
    }
    b.ShowSection(staff ? "HAS_STAFF" : "NO_STAFF");
  }
  v.ShowDone("org.unit_done.", {{"name", u.name}, {"code", u.code}});
  return v.render();
}

UnitInput UnitFromForm(const std::map<std::string, std::string>& f, const std::string& code) {
  auto get = [&](const char* k) { return http::FormValue(f, k); };
  return {code.empty() ? get("code") : code,
          get("name"),
          get("level"),
          get("parent_code"),
          render::DateFromForm(f, "valid_from"),
          render::DateFromForm(f, "valid_to"),
          get("successor_code")};
}

UnitInput InputOf(const Unit& u) {
  return {u.code,          u.name,       std::string(LevelName(u.level)),
          u.parent_code,   u.valid_from, u.valid_to.value_or(""),
          u.successor_code};
}

OfficialInput OfficialFromForm(const std::map<std::string, std::string>& f) {
  auto get = [&](const char* k) { return http::FormValue(f, k); };
  OfficialInput in{get("username"), get("full_name"), get("unit_code"), get("position"),
                   get("phone"),    get("email"),     get("password"),  std::nullopt};
  if (f.count("active_present")) in.active = f.count("active") > 0;
  return in;
}

OfficialInput InputOf(const Official& o) {
  return {o.username, o.full_name, o.unit_code, o.position, o.phone, o.email, "", o.active};
}

void Grants(ctemplate::TemplateDictionary& b, const Official& o) {
  for (auto& g : o.grants) {
    auto* row = b.AddSectionDictionary("GRANT");
    row->SetIntValue("GRANT_ID", g.id);
    row->SetIntValue("ID", o.id);
    row->SetValue("ROLE", Text("org.role." + std::string(auth::RoleName(g.role))));
    row->SetValue("UNIT", g.unit_name + " (" + g.unit_code + ")");
  }
  if (o.grants.empty()) b.ShowSection("NO_GRANTS");
}

// The official's page: the edit form for administrators covering the official, a
// read-only record for a leader or the official themself.
Response OfficialPage(Context& ctx, Service& svc, const OfficialInput& in, const Official* existing,
                      const AppError* error) {
  if (existing && !CoversOfficial(*ctx.user, *existing, {auth::Role::kAdmin})) {
    PageView v(ctx, existing->full_name, "features/org/templates/official_view.tpl");
    auto& b = v.body();
    b.SetValue("FULL_NAME", existing->full_name);
    b.SetValue("USERNAME", existing->username);
    b.SetValue("POSITION", existing->position);
    b.SetValue("UNIT", existing->unit_name);
    b.SetValue("UNIT_URL", http::UrlEncode(existing->unit_code));
    b.SetValue("PHONE", existing->phone);
    b.SetValue("EMAIL", existing->email);
    b.SetValue("STATUS", Text(existing->active ? "org.active" : "org.inactive"));
    Grants(b, *existing);
    if (existing->id == ctx.user->official_id) b.ShowSection("IS_SELF");
    b.SetIntValue("ID", existing->id);
    if (IsManager(ctx)) b.ShowSection("CAN_LIST");
    PhotoSummary(b, svc, *ctx.user, *existing);
    return v.render();
  }
  PageView v(ctx, Text(existing ? "org.official_edit_title" : "org.official_new_title", {{"name", in.full_name}}),
             "features/org/templates/official_form.tpl");
  auto& b = v.body();
  b.SetValue("USERNAME", in.username);
  b.SetValue("FULL_NAME", in.full_name);
  b.SetValue("POSITION", in.position);
  b.SetValue("PHONE", in.phone);
  b.SetValue("EMAIL", in.email);
  auto units = svc.ListUnits(*ctx.user);
  UnitOptions(ctx, b, units, "UNIT", in.unit_code);
  UnitOptions(ctx, b, units, "GRANT_UNIT", in.unit_code);
  for (auth::Role r : auth::kAllRoles) {
    auto* o = b.AddSectionDictionary("ROLE");
    o->SetValue("VALUE", std::string(auth::RoleName(r)));
    o->SetValue("LABEL", Text("org.role." + std::string(auth::RoleName(r))));
  }
  if (existing) {
    b.ShowSection("IS_EDIT");
    b.SetIntValue("ID", existing->id);
    b.SetValue("CANCEL", "/officials/" + std::to_string(existing->id));
    if (in.active.value_or(existing->active)) b.SetValue("ACTIVE_CHECKED", "checked");
    b.ShowSection("CAN_MANAGE_ACCESS");
    Grants(b, *existing);
    PhotoSummary(b, svc, *ctx.user, *existing);
    v.ShowDone("org.official_done.", {{"name", existing->full_name}});
  } else {
    b.ShowSection("IS_NEW");
    b.SetValue("CANCEL", "/officials");
  }
  if (error) v.ShowErrors(*error);
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

int64_t IdParam(const Context& ctx, const char* name) {
  if (auto id = ctx.req.id_param(name)) return *id;
  throw AppError(ErrorKind::kNotFound, "org.official_not_found");
}

}  // namespace

Response OfficialPageWithError(Context& ctx, Service& svc, int64_t id, const AppError& error) {
  auto o = svc.GetOfficial(*ctx.user, id);
  return OfficialPage(ctx, svc, InputOf(o), &o, &error);
}

void RegisterPages(http::App& app, Service& svc) {
  app.page("GET", "/units", http::Access::kUser, [&svc](Context& ctx) {
    std::map<std::string, std::string> q;
    for (const char* k : {"at", "at_day", "at_month", "at_year"}) q[k] = ctx.req.query_param(k);
    std::string at = render::DateFromForm(q, "at");
    PageView v(ctx, Text("org.units_title"), "features/org/templates/units.tpl");
    if (at.empty()) at = TodayLocalIso();
    std::vector<Unit> units;
    if (IsIsoDate(at)) {
      units = svc.ListUnits(*ctx.user, at);
    } else {
      v.ShowErrors(BadInput("error.bad_date", "at"));
      at = TodayLocalIso();
      units = svc.ListUnits(*ctx.user, at);
    }
    auto& b = v.body();
    v.DateInput("AT_DATE", "at", Text("org.field_at"), Text("org.hint_at"), at);
    b.SetValue("AT_TEXT", DisplayDate(at));
    b.SetIntValue("COUNT", static_cast<long>(units.size()));
    if (IsAdmin(ctx)) b.ShowSection("ADMIN");
    // Depth-first order with indentation, from the materialised paths.
    std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.path < b.path; });
    size_t base =
        units.empty() ? 0 : static_cast<size_t>(std::count(units.front().path.begin(), units.front().path.end(), '/'));
    for (auto& u : units) {
      auto* row = b.AddSectionDictionary("UNIT");
      row->SetValue("CODE", u.code);
      row->SetValue("CODE_URL", http::UrlEncode(u.code));
      row->SetValue("NAME", u.name);
      row->SetValue("LEVEL", Text("org.level." + std::string(LevelName(u.level))));
      size_t depth = static_cast<size_t>(std::count(u.path.begin(), u.path.end(), '/')) - base;
      row->SetIntValue("DEPTH", static_cast<long>(std::min<size_t>(depth, 6)));
      row->SetValue("VALID", Validity(u));
      if (!u.successor_code.empty()) row->SetValueAndShowSection("SUCCESSOR", u.successor_code, "HAS_SUCCESSOR");
    }
    return v.render();
  });

  app.page("GET", "/units/export.csv", http::Access::kUser, [&svc](Context& ctx) {
    return Response::Attachment(svc.ExportCsv(*ctx.user), "text/csv; charset=utf-8", "don-vi.csv");
  });

  app.page("GET", "/units/import", http::Access::kUser, [](Context& ctx) {
    RequireAdmin(ctx);
    PageView v(ctx, Text("org.import_title"), "features/org/templates/import.tpl");
    return v.render();
  });

  app.page("POST", "/units/import", http::Access::kUser, [&svc](Context& ctx) {
    auto form = ctx.req.form();
    PageView v(ctx, Text("org.import_title"), "features/org/templates/import.tpl");
    try {
      auto res = svc.ImportCsv(*ctx.user, form["csv"]);
      v.ShowNotice(Text("org.import_done",
                        {{"created", std::to_string(res.created)}, {"updated", std::to_string(res.updated)}}));
      return v.render();
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      v.body().SetValue("CSV", form["csv"]);
      v.ShowErrors(AppError(e.kind(), e.key(), "csv", e.args()));
      return v.render(http::StatusOf(e.kind()));
    }
  });

  app.page("GET", "/units/new", http::Access::kUser, [&svc](Context& ctx) {
    RequireAdmin(ctx);
    UnitInput in;
    in.parent_code = ctx.req.query_param("parent");
    in.level = "commune";
    in.valid_from = TodayLocalIso();
    return UnitForm(ctx, svc, in, true, nullptr);
  });

  app.page("POST", "/units", http::Access::kUser, [&svc](Context& ctx) {
    UnitInput in = UnitFromForm(ctx.req.form(), "");
    try {
      auto u = svc.CreateUnit(*ctx.user, in);
      return Response::Redirect("/units/" + http::UrlEncode(u.code) + "?done=created");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return UnitForm(ctx, svc, in, true, &e);
    }
  });

  app.page("GET", "/units/{code}", http::Access::kUser,
           [&svc](Context& ctx) { return UnitView(ctx, svc, svc.GetUnit(*ctx.user, ctx.req.params.at("code"))); });

  app.page("GET", "/units/{code}/edit", http::Access::kUser, [&svc](Context& ctx) {
    auto u = svc.GetUnit(*ctx.user, ctx.req.params.at("code"));
    if (!auth::Covers(*ctx.user, u.path, {auth::Role::kAdmin})) throw Forbidden();
    return UnitForm(ctx, svc, InputOf(u), false, nullptr);
  });

  app.page("POST", "/units/{code}", http::Access::kUser, [&svc](Context& ctx) {
    const std::string& code = ctx.req.params.at("code");
    UnitInput in = UnitFromForm(ctx.req.form(), code);
    try {
      svc.UpdateUnit(*ctx.user, code, in);
      return Response::Redirect("/units/" + http::UrlEncode(code) + "?done=saved");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return UnitForm(ctx, svc, in, false, &e);
    }
  });

  app.page("GET", "/officials", http::Access::kUser, [&svc](Context& ctx) {
    auto list = svc.ListOfficials(*ctx.user);
    PageView v(ctx, Text("org.officials_title"), "features/org/templates/officials.tpl");
    if (IsAdmin(ctx)) v.body().ShowSection("ADMIN");
    v.body().SetIntValue("COUNT", static_cast<long>(list.size()));
    for (auto& o : list) {
      auto* row = v.body().AddSectionDictionary("OFFICIAL");
      row->SetIntValue("ID", o.id);
      row->SetValue("USERNAME", o.username);
      row->SetValue("FULL_NAME", o.full_name);
      row->SetValue("POSITION", o.position);
      row->SetValue("UNIT", o.unit_name);
      row->SetValue("PHONE", o.phone);
      row->SetValue("STATUS", Text(o.active ? "org.active" : "org.inactive"));
    }
    return v.render();
  });

  app.page("GET", "/officials/new", http::Access::kUser, [&svc](Context& ctx) {
    RequireAdmin(ctx);
    return OfficialPage(ctx, svc, OfficialInput{}, nullptr, nullptr);
  });

  app.page("POST", "/officials", http::Access::kUser, [&svc](Context& ctx) {
    auto form = ctx.req.form();
    OfficialInput in = OfficialFromForm(form);
    std::vector<std::pair<std::string, std::string>> roles;
    if (!form["role"].empty()) roles.emplace_back(form["role"], form["grant_unit_code"]);
    try {
      auto o = svc.CreateOfficial(*ctx.user, in, roles);
      return Response::Redirect("/officials/" + std::to_string(o.id) + "?done=created");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      in.password.clear();
      return OfficialPage(ctx, svc, in, nullptr, &e);
    }
  });

  app.page("GET", "/officials/{id}", http::Access::kUser, [&svc](Context& ctx) {
    auto o = svc.GetOfficial(*ctx.user, IdParam(ctx, "id"));
    return OfficialPage(ctx, svc, InputOf(o), &o, nullptr);
  });

  app.page("POST", "/officials/{id}", http::Access::kUser, [&svc](Context& ctx) {
    int64_t id = IdParam(ctx, "id");
    OfficialInput in = OfficialFromForm(ctx.req.form());
    try {
      svc.UpdateOfficial(*ctx.user, id, in);
      return Response::Redirect("/officials/" + std::to_string(id) + "?done=saved");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      auto o = svc.GetOfficial(*ctx.user, id);
      in.username = o.username;
      return OfficialPage(ctx, svc, in, &o, &e);
    }
  });

  app.page("POST", "/officials/{id}/grants", http::Access::kUser, [&svc](Context& ctx) {
    int64_t id = IdParam(ctx, "id");
    auto form = ctx.req.form();
    try {
      svc.AddGrant(*ctx.user, id, form["grant_unit_code"], form["role"]);
      return Response::Redirect("/officials/" + std::to_string(id) + "?done=granted#roles-heading");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      auto o = svc.GetOfficial(*ctx.user, id);
      // The grant form's unit field, not the official's own unit above it.
      const AppError shown = e.field() == "unit_code" ? WithField(e, "grant_unit_code") : e;
      return OfficialPage(ctx, svc, InputOf(o), &o, &shown);
    }
  });

  // "Thu hồi" opens a confirmation; the POST revokes.
  app.page("GET", "/officials/{id}/grants/{gid}/delete", http::Access::kUser, [&svc](Context& ctx) {
    auto o = svc.GetOfficial(*ctx.user, IdParam(ctx, "id"));
    int64_t gid = IdParam(ctx, "gid");
    if (!CoversOfficial(*ctx.user, o, {auth::Role::kAdmin})) throw Forbidden();
    for (auto& g : o.grants) {
      if (g.id != gid) continue;
      const std::string here = "/officials/" + std::to_string(o.id);
      return render::ConfirmPage(
          ctx, Text("org.revoke_title"),
          Text("org.revoke_question", {{"role", Text("org.role." + std::string(auth::RoleName(g.role)))},
                                       {"unit", g.unit_name},
                                       {"name", o.full_name}}),
          here + "/grants/" + std::to_string(gid) + "/delete", Text("org.revoke_button"), here);
    }
    throw AppError(ErrorKind::kNotFound, "org.grant_not_found");
  });

  app.page("POST", "/officials/{id}/grants/{gid}/delete", http::Access::kUser, [&svc](Context& ctx) {
    int64_t id = IdParam(ctx, "id");
    svc.RemoveGrant(*ctx.user, id, IdParam(ctx, "gid"));
    return Response::Redirect("/officials/" + std::to_string(id) + "?done=revoked#roles-heading");
  });
  RegisterPhotoPages(app, svc);
}

}  // namespace fg::org
