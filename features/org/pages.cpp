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

int StatusFor(const AppError& e) { return e.kind() == ErrorKind::kConflict ? 409 : 400; }

void LevelOptions(ctemplate::TemplateDictionary& d, const std::string& selected) {
  for (Level l :
       {Level::kProvince, Level::kDistrict, Level::kCommune, Level::kWard, Level::kTownship, Level::kSpecialZone}) {
    auto* o = d.AddSectionDictionary("LEVEL");
    o->SetValue("VALUE", std::string(LevelName(l)));
    o->SetValue("LABEL", Text("org.level." + std::string(LevelName(l))));
    if (selected == LevelName(l)) o->SetValue("SELECTED", "selected");
  }
}

void UnitOptions(ctemplate::TemplateDictionary& d, const std::vector<Unit>& units, const std::string& section,
                 const std::string& selected) {
  for (auto& u : units) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", u.code);
    o->SetValue("LABEL", u.name + " (" + u.code + ")");
    if (selected == u.code) o->SetValue("SELECTED", "selected");
  }
}

Response UnitForm(Context& ctx, Service& svc, const UnitInput& in, bool is_new, const std::string& error,
                  const std::string& field, int status) {
  PageView v(ctx, Text(is_new ? "org.unit_new_title" : "org.unit_edit_title"), "features/org/templates/unit_form.tpl");
  auto& b = v.body();
  b.SetValue("CODE", in.code);
  b.SetValue("CODE_URL", http::UrlEncode(in.code));
  b.SetValue("NAME", in.name);
  b.SetValue("VALID_FROM", in.valid_from);
  b.SetValue("VALID_TO", in.valid_to);
  b.SetValue("ACTION", is_new ? "/units" : "/units/" + http::UrlEncode(in.code));
  if (is_new)
    b.ShowSection("IS_NEW");
  else
    b.ShowSection("IS_EDIT");
  LevelOptions(b, in.level);
  auto units = svc.ListUnits(*ctx.user);
  UnitOptions(b, units, "PARENT", in.parent_code);
  UnitOptions(b, units, "SUCCESSOR", in.successor_code);
  v.ShowError(error, field);
  return v.render(status);
}

UnitInput UnitFromForm(const std::map<std::string, std::string>& f, const std::string& code) {
  auto get = [&](const char* k) { return http::FormValue(f, k); };
  return {code.empty() ? get("code") : code,
          get("name"),
          get("level"),
          get("parent_code"),
          get("valid_from"),
          get("valid_to"),
          get("successor_code")};
}

OfficialInput OfficialFromForm(const std::map<std::string, std::string>& f) {
  auto get = [&](const char* k) { return http::FormValue(f, k); };
  OfficialInput in{get("username"), get("full_name"), get("unit_code"), get("position"),
                   get("phone"),    get("email"),     get("password"),  std::nullopt};
  if (f.count("active_present")) in.active = f.count("active") > 0;
  return in;
}

Response OfficialForm(Context& ctx, Service& svc, const OfficialInput& in, const Official* existing,
                      const std::string& error, const std::string& field, int status) {
  PageView v(ctx, Text(existing ? "org.official_edit_title" : "org.official_new_title"),
             "features/org/templates/official_form.tpl");
  auto& b = v.body();
  b.SetValue("USERNAME", in.username);
  b.SetValue("FULL_NAME", in.full_name);
  b.SetValue("POSITION", in.position);
  b.SetValue("PHONE", in.phone);
  b.SetValue("EMAIL", in.email);
  auto units = svc.ListUnits(*ctx.user);
  UnitOptions(b, units, "UNIT", in.unit_code);
  UnitOptions(b, units, "GRANT_UNIT", in.unit_code);
  for (auth::Role r : auth::kAllRoles) {
    auto* o = b.AddSectionDictionary("ROLE");
    o->SetValue("VALUE", std::string(auth::RoleName(r)));
    o->SetValue("LABEL", Text("org.role." + std::string(auth::RoleName(r))));
  }
  if (existing) {
    b.ShowSection("IS_EDIT");
    b.SetIntValue("ID", existing->id);
    if (existing->active) b.SetValue("ACTIVE_CHECKED", "checked");
    // Unlock and password reset only for administrators covering the official.
    if (CoversOfficial(*ctx.user, *existing, {auth::Role::kAdmin})) b.ShowSection("CAN_MANAGE_ACCESS");
    for (auto& g : existing->grants) {
      auto* row = b.AddSectionDictionary("GRANT");
      row->SetIntValue("GRANT_ID", g.id);
      row->SetIntValue("ID", existing->id);
      row->SetValue("ROLE", Text("org.role." + std::string(auth::RoleName(g.role))));
      row->SetValue("UNIT", g.unit_name + " (" + g.unit_code + ")");
    }
  } else {
    b.ShowSection("IS_NEW");
  }
  v.ShowError(error, field);
  return v.render(status);
}

int64_t IdParam(const Context& ctx, const char* name) {
  if (auto id = ctx.req.id_param(name)) return *id;
  throw AppError(ErrorKind::kNotFound, "org.official_not_found");
}

}  // namespace

void RegisterPages(http::App& app, Service& svc) {
  app.page("GET", "/units", http::Access::kUser, [&svc](Context& ctx) {
    std::string at = ctx.req.query_param("at");
    if (at.empty()) at = TodayLocalIso();
    if (!IsIsoDate(at)) throw BadInput("error.bad_date", "at");
    auto units = svc.ListUnits(*ctx.user, at);
    PageView v(ctx, Text("org.units_title"), "features/org/templates/units.tpl");
    auto& b = v.body();
    b.SetValue("AT", at);
    b.SetIntValue("COUNT", static_cast<long>(units.size()));
    if (auth::HasRole(*ctx.user, auth::Role::kAdmin)) b.ShowSection("ADMIN");
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
      row->SetValue("VALID", u.valid_from + (u.valid_to ? " → " + *u.valid_to : ""));
      if (!u.successor_code.empty()) row->SetValueAndShowSection("SUCCESSOR", u.successor_code, "HAS_SUCCESSOR");
    }
    return v.render();
  });

  app.page("GET", "/units/export.csv", http::Access::kUser, [&svc](Context& ctx) {
    auto r = Response::Text(200, svc.ExportCsv(*ctx.user), "text/csv; charset=utf-8");
    r.set_header("Content-Disposition", "attachment; filename=\"don-vi.csv\"");
    return r;
  });

  app.page("GET", "/units/import", http::Access::kUser, [](Context& ctx) {
    PageView v(ctx, Text("org.import_title"), "features/org/templates/import.tpl");
    return v.render();
  });

  app.page("POST", "/units/import", http::Access::kUser, [&svc](Context& ctx) {
    auto form = ctx.req.form();
    PageView v(ctx, Text("org.import_title"), "features/org/templates/import.tpl");
    v.body().SetValue("CSV", form["csv"]);
    try {
      auto res = svc.ImportCsv(*ctx.user, form["csv"]);
      v.body().SetValueAndShowSection(
          "RESULT",
          Text("org.import_done", {{"created", std::to_string(res.created)}, {"updated", std::to_string(res.updated)}}),
          "HAS_RESULT");
      return v.render();
    } catch (const AppError& e) {
      if (e.kind() == ErrorKind::kForbidden) throw;
      v.ShowError(Text(e.key(), e.args()), e.field());
      return v.render(StatusFor(e));
    }
  });

  app.page("GET", "/units/new", http::Access::kUser, [&svc](Context& ctx) {
    UnitInput in;
    in.parent_code = ctx.req.query_param("parent");
    in.level = "commune";
    in.valid_from = TodayLocalIso();
    return UnitForm(ctx, svc, in, true, "", "", 200);
  });

  app.page("POST", "/units", http::Access::kUser, [&svc](Context& ctx) {
    UnitInput in = UnitFromForm(ctx.req.form(), "");
    try {
      auto u = svc.CreateUnit(*ctx.user, in);
      return Response::Redirect("/units/" + http::UrlEncode(u.code) + "?saved=1");
    } catch (const AppError& e) {
      if (e.kind() == ErrorKind::kForbidden) throw;
      return UnitForm(ctx, svc, in, true, Text(e.key(), e.args()), e.field(), StatusFor(e));
    }
  });

  app.page("GET", "/units/{code}", http::Access::kUser, [&svc](Context& ctx) {
    auto u = svc.GetUnit(*ctx.user, ctx.req.params.at("code"));
    UnitInput in{u.code,          u.name,       std::string(LevelName(u.level)),
                 u.parent_code,   u.valid_from, u.valid_to.value_or(""),
                 u.successor_code};
    return UnitForm(ctx, svc, in, false, "", "", 200);
  });

  app.page("POST", "/units/{code}", http::Access::kUser, [&svc](Context& ctx) {
    const std::string& code = ctx.req.params.at("code");
    UnitInput in = UnitFromForm(ctx.req.form(), code);
    try {
      svc.UpdateUnit(*ctx.user, code, in);
      return Response::Redirect("/units/" + http::UrlEncode(code) + "?saved=1");
    } catch (const AppError& e) {
      if (e.kind() == ErrorKind::kForbidden || e.kind() == ErrorKind::kNotFound) throw;
      return UnitForm(ctx, svc, in, false, Text(e.key(), e.args()), e.field(), StatusFor(e));
    }
  });

  app.page("GET", "/officials", http::Access::kUser, [&svc](Context& ctx) {
    auto list = svc.ListOfficials(*ctx.user);
    PageView v(ctx, Text("org.officials_title"), "features/org/templates/officials.tpl");
    if (auth::HasRole(*ctx.user, auth::Role::kAdmin)) v.body().ShowSection("ADMIN");
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
    OfficialInput in;
    return OfficialForm(ctx, svc, in, nullptr, "", "", 200);
  });

  app.page("POST", "/officials", http::Access::kUser, [&svc](Context& ctx) {
    auto form = ctx.req.form();
    OfficialInput in = OfficialFromForm(form);
    std::vector<std::pair<std::string, std::string>> roles;
    if (!form["role"].empty()) roles.emplace_back(form["role"], form["grant_unit_code"]);
    try {
      auto o = svc.CreateOfficial(*ctx.user, in, roles);
      return Response::Redirect("/officials/" + std::to_string(o.id));
    } catch (const AppError& e) {
      if (e.kind() == ErrorKind::kForbidden) throw;
      in.password.clear();
      return OfficialForm(ctx, svc, in, nullptr, Text(e.key(), e.args()), e.field(), StatusFor(e));
    }
  });

  app.page("GET", "/officials/{id}", http::Access::kUser, [&svc](Context& ctx) {
    auto o = svc.GetOfficial(*ctx.user, IdParam(ctx, "id"));
    OfficialInput in{o.username, o.full_name, o.unit_code, o.position, o.phone, o.email, "", o.active};
    return OfficialForm(ctx, svc, in, &o, "", "", 200);
  });

  app.page("POST", "/officials/{id}", http::Access::kUser, [&svc](Context& ctx) {
    int64_t id = IdParam(ctx, "id");
    OfficialInput in = OfficialFromForm(ctx.req.form());
    try {
      svc.UpdateOfficial(*ctx.user, id, in);
      return Response::Redirect("/officials/" + std::to_string(id));
    } catch (const AppError& e) {
      if (e.kind() == ErrorKind::kForbidden || e.kind() == ErrorKind::kNotFound) throw;
      auto o = svc.GetOfficial(*ctx.user, id);
      in.username = o.username;
      return OfficialForm(ctx, svc, in, &o, Text(e.key(), e.args()), e.field(), StatusFor(e));
    }
  });

  app.page("POST", "/officials/{id}/grants", http::Access::kUser, [&svc](Context& ctx) {
    int64_t id = IdParam(ctx, "id");
    auto form = ctx.req.form();
    try {
      svc.AddGrant(*ctx.user, id, form["grant_unit_code"], form["role"]);
      return Response::Redirect("/officials/" + std::to_string(id));
    } catch (const AppError& e) {
      if (e.kind() == ErrorKind::kForbidden || e.kind() == ErrorKind::kNotFound) throw;
      auto o = svc.GetOfficial(*ctx.user, id);
      OfficialInput in{o.username, o.full_name, o.unit_code, o.position, o.phone, o.email, "", o.active};
      return OfficialForm(ctx, svc, in, &o, Text(e.key(), e.args()), e.field(), StatusFor(e));
    }
  });

  app.page("POST", "/officials/{id}/grants/{gid}/delete", http::Access::kUser, [&svc](Context& ctx) {
    int64_t id = IdParam(ctx, "id");
    svc.RemoveGrant(*ctx.user, id, IdParam(ctx, "gid"));
    return Response::Redirect("/officials/" + std::to_string(id));
  });
}

}  // namespace fg::org
