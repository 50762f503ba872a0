// Announcements (issue 16, item 3): the public list with audio, the WAV files,
// the loudspeakers' playlist; the staff list with the broadcast log, the forms
// to create, edit and withdraw; the loudspeaker controllers and their device
// tokens; the controllers' report of a broadcast (API).
#include <boost/json.hpp>

#include "features/public/announcements.h"
#include "features/public/pages_portal.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/time.h"

namespace fg::pub {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

const auto& Join = JoinList;

std::string AudioUrl(const Announcement& a) {
  return "/xa/" + http::UrlEncode(a.unit_code) + "/thong-bao/" + std::to_string(a.id) + ".wav";
}

std::string StaffUrl(const std::string& unit_code) { return "/desk/announcements?unit=" + http::UrlEncode(unit_code); }

// The controller whose device token the request carries (Authorization: Bearer); 401 otherwise.
Controller DeviceOf(const Context& ctx, Announcements& ann) {
  const std::string_view authz = ctx.req.header("authorization");
  std::optional<Controller> k;
  if (authz.size() > 7 && authz.substr(0, 7) == "Bearer ") k = ann.Device(authz.substr(7));
  if (!k) throw AppError(ErrorKind::kUnauthorized, "public.controller.token_required");
  return *k;
}

Response PublicList(Context& ctx, Service& places, Announcements& ann) {
  auto place = places.Find(ctx.req.params.at("code"));
  if (!place) throw NotFound("public.place_not_found");
  PageView v(ctx, Text("public.announcement.public_title", {{"place", place->name}}),
             "features/public/templates/announcements_public.tpl");
  PortalHeader(v, *place, ctx.req.query_param("kiosk") == "1");
  Describe(v, Text("public.announcement.description", {{"place", place->name}}));
  auto& b = v.body();
  const auto items = ann.Current(place->code);
  if (items.empty()) b.ShowSection("NONE");
  for (const auto& a : items) {
    auto* d = b.AddSectionDictionary("ITEM");
    d->SetIntValue("ID", a.id);
    d->SetValue("ITEM_TITLE", a.title);
    d->SetValue("STARTS", DisplayDate(a.starts_on));
    d->SetValue("ENDS", DisplayDate(a.ends_on));
    d->SetValue("TIMES", Join(a.times, ", "));
    if (a.hamlets.empty())
      d->ShowSection("ALL_HAMLETS");
    else
      d->SetValueAndShowSection("HAMLETS", Join(a.hamlets, ", "), "HAS_HAMLETS");
    d->SetValue("BODY", a.body);
    if (a.withdrawn()) {
      auto* w = d->AddSectionDictionary("WITHDRAWN");
      w->SetValue("WITHDRAWN_ON", FormatLocal(a.withdrawn_at).substr(0, 10));  // dd/mm/yyyy
      w->SetValue("WITHDRAWN_REASON", a.withdrawn_reason);
    } else {
      d->SetValueAndShowSection("AUDIO_URL", AudioUrl(a), "ON_AIR");
    }
  }
  return Cacheable(ctx, v.render());
}

Response Wav(Context& ctx, Announcements& ann) {
  const auto id = ctx.req.id_param("id");
  if (!id) throw NotFound("public.announcement.not_found");
  const auto a = ann.Get(ctx.req.params.at("code"), *id);
  if (a.withdrawn()) throw NotFound("public.announcement.not_found");
  return Cacheable(ctx, Response::InlineFile(ann.Audio(a), "audio/wav", "thong-bao-" + std::to_string(a.id) + ".wav"));
}

Response PlaylistJson(Context& ctx, Announcements& ann) {
  const Controller k = DeviceOf(ctx, ann);
  const std::string code = ctx.req.params.at("code");
  const std::string base = render::Site().public_url;
  boost::json::array items;
  for (const auto& a : ann.Playlist(k, code, ctx.req.query_param("ap"))) {
    boost::json::array times(a.times.begin(), a.times.end()), hamlets(a.hamlets.begin(), a.hamlets.end());
    items.push_back({{"id", a.id},
                     {"title", a.title},
                     {"times", std::move(times)},
                     {"hamlets", std::move(hamlets)},
                     {"starts_on", a.starts_on},
                     {"ends_on", a.ends_on},
                     {"version", a.version},
                     {"audio_url", base + AudioUrl(a)},
                     {"report_url", base + "/api/v1/announcements/" + std::to_string(a.id) + "/broadcasts"}});
  }
  boost::json::array hamlets(k.hamlets.begin(), k.hamlets.end());
  boost::json::object o{{"unit", code},
                        {"date", TodayLocalIso()},
                        {"controller", {{"id", k.id}, {"name", k.name}, {"hamlets", std::move(hamlets)}}},
                        {"items", std::move(items)}};
  auto r = http::Json(200, o);
  // Per controller, and a withdrawal must reach it at the next poll: never from a shared cache.
  r.set_header("Cache-Control", "private, no-cache");
  return r;
}

// The ?unit= of a staff page; without it the caller's first granted unit when it
// is a commune or ward, else (a district's or province's official) the unit of
// the latest announcement in their subtree.
std::string UnitParam(const Context& ctx, Service& places, Announcements& ann) {
  std::string unit = ctx.req.query_param("unit");
  if (!unit.empty() || !ctx.user || ctx.user->grants.empty()) return unit;
  unit = ctx.user->grants.front().unit_code;
  if (places.Find(unit)) return unit;
  const std::string latest = ann.UnitWithAnnouncementsOf(*ctx.user);
  return latest.empty() ? unit : latest;
}

std::string HamletsText(const std::vector<std::string>& hamlets) {
  return hamlets.empty() ? Text("public.announcement.all_hamlets") : Join(hamlets, ", ");
}

Response StaffList(Context& ctx, Service& places, Announcements& ann) {
  const std::string code = UnitParam(ctx, places, ann);
  auto place = places.Find(code);
  if (!place) throw NotFound("public.announcement.pick_unit");
  const auto log = ann.Log(*ctx.user, code);  // 403 for a caller not covering the unit
  PageView v(ctx, Text("public.announcement.staff_title", {{"place", place->name}}),
             "features/public/templates/announcements_staff.tpl");
  auto& b = v.body();
  b.SetValue("UNIT_NAME", place->name);
  b.SetValue("UNIT_URL", http::UrlEncode(place->code));
  b.SetValue("PUBLIC_URL", "/xa/" + http::UrlEncode(place->code) + "/thong-bao");
  const bool may_edit = ann.MayCreate(*ctx.user, code);
  if (may_edit) b.ShowSection("CAN_CREATE");
  if (ann.MayManageControllers(*ctx.user, code)) b.ShowSection("CAN_MANAGE_CONTROLLERS");
  const auto items = ann.Current(code);
  if (items.empty())
    b.ShowSection("NONE");
  else
    b.ShowSection("HAS_ITEMS");
  for (const auto& a : items) {
    auto* d = b.AddSectionDictionary("ITEM");
    d->SetIntValue("ID", a.id);
    d->SetValue("ITEM_TITLE", a.title);
    d->SetValue("STARTS", DisplayDate(a.starts_on));
    d->SetValue("ENDS", DisplayDate(a.ends_on));
    d->SetValue("TIMES", Join(a.times, ", "));
    d->SetValue("HAMLETS", HamletsText(a.hamlets));
    if (a.withdrawn()) {
      auto* w = d->AddSectionDictionary("WITHDRAWN");
      w->SetValue("WITHDRAWN_AT", FormatLocal(a.withdrawn_at));
      w->SetValue("WITHDRAWN_BY", a.withdrawn_by);
      w->SetValue("WITHDRAWN_REASON", a.withdrawn_reason);
      continue;
    }
    if (a.broadcast) d->ShowSection("BROADCAST");
    if (may_edit) d->ShowSection(Editable(a) ? "EDITABLE" : "WITHDRAW_ONLY");
  }
  if (log.empty())
    b.ShowSection("NO_LOG");
  else
    b.ShowSection("HAS_LOG");
  for (const auto& l : log) {
    auto* d = b.AddSectionDictionary("LOG");
    d->SetValue("LOG_TITLE", l.title);
    d->SetValue("LOG_HAMLET", l.hamlet);
    d->SetValue("LOG_AT", FormatLocal(l.played_at));
    d->SetValue("LOG_BY", l.reported_by);
  }
  v.ShowDone("public.announcement.done.", {});
  return v.render();
}

// The form to create (edit_id 0) or edit an announcement.
Response Form(Context& ctx, const std::string& unit_code, const std::string& unit_name, const AnnouncementInput& in,
              const AppError* error, int64_t edit_id = 0, int64_t version = 0) {
  PageView v(ctx,
             Text(edit_id ? "public.announcement.edit_title" : "public.announcement.new_title", {{"place", unit_name}}),
             "features/public/templates/announcement_form.tpl");
  auto& b = v.body();
  b.SetValue("UNIT_NAME", unit_name);
  b.SetValue("UNIT_URL", http::UrlEncode(unit_code));
  if (edit_id) {
    b.SetValue("FORM_ACTION", "/desk/announcements/" + std::to_string(edit_id) + "/edit");
    b.SetIntValue("VERSION", version);
    b.ShowSection("EDITING");
  } else {
    b.SetValue("FORM_ACTION", "/desk/announcements/new?unit=" + http::UrlEncode(unit_code));
    b.ShowSection("CREATING");
  }
  b.SetValue("F_TITLE", in.title);
  b.SetValue("F_BODY", in.body);
  b.SetValue("F_TIMES", in.times);
  b.SetValue("F_HAMLETS", in.hamlets);
  v.DateInput("STARTS_ON_DATE", "starts_on", Text("public.announcement.starts_on"),
              Text("public.announcement.starts_on_hint"), in.starts_on);
  v.DateInput("ENDS_ON_DATE", "ends_on", Text("public.announcement.ends_on"), Text("public.announcement.ends_on_hint"),
              in.ends_on);
  if (error) {
    v.ShowErrors(*error);
    return v.render(http::StatusOf(error->kind()));
  }
  return v.render();
}

AnnouncementInput InputFromForm(Context& ctx, const std::string& unit_code) {
  const auto form = ctx.req.form();
  AnnouncementInput in;
  in.unit_code = unit_code;
  in.title = http::FormValue(form, "headline");
  in.body = http::FormValue(form, "message");
  in.times = http::FormValue(form, "times");
  in.hamlets = http::FormValue(form, "hamlets");
  in.starts_on = render::DateFromForm(form, "starts_on");
  in.ends_on = render::DateFromForm(form, "ends_on");
  return in;
}

int64_t IdParam(const Context& ctx, const char* not_found) {
  const auto id = ctx.req.id_param("id");
  if (!id) throw NotFound(not_found);
  return *id;
}

int64_t VersionOf(const std::map<std::string, std::string>& form) {
  return http::ParseInt64(http::FormValue(form, "version")).value_or(0);
}

Response WithdrawForm(Context& ctx, const Announcement& a, const std::string& reason, const AppError* error) {
  PageView v(ctx, Text("public.announcement.withdraw_title", {{"title", a.title}}),
             "features/public/templates/announcement_withdraw.tpl");
  auto& b = v.body();
  b.SetValue("UNIT_NAME", a.unit_name);
  b.SetValue("UNIT_URL", http::UrlEncode(a.unit_code));
  b.SetIntValue("ID", a.id);
  b.SetIntValue("VERSION", a.version);
  b.SetValue("ITEM_TITLE", a.title);
  b.SetValue("STARTS", DisplayDate(a.starts_on));
  b.SetValue("ENDS", DisplayDate(a.ends_on));
  b.SetValue("TIMES", Join(a.times, ", "));
  b.SetValue("HAMLETS", HamletsText(a.hamlets));
  b.SetValue("F_REASON", reason);
  if (error) {
    v.ShowErrors(*error);
    return v.render(http::StatusOf(error->kind()));
  }
  return v.render();
}

Response ControllersPage(Context& ctx, Service& places, Announcements& ann, const std::string& code,
                         const std::pair<Controller, std::string>* created, const AppError* error,
                         const std::string& name, const std::string& hamlets) {
  auto place = places.Find(code);
  if (!place) throw NotFound("public.announcement.pick_unit");
  const auto list = ann.Controllers(*ctx.user, code);  // 403 unless an administrator covering the unit
  PageView v(ctx, Text("public.controller.title", {{"place", place->name}}),
             "features/public/templates/announcement_controllers.tpl");
  auto& b = v.body();
  b.SetValue("UNIT_NAME", place->name);
  b.SetValue("UNIT_URL", http::UrlEncode(place->code));
  if (created) {
    b.ShowSection("CREATED");
    b.SetValue("NEW_NAME", created->first.name);
    b.SetValue("NEW_TOKEN", created->second);
    b.SetValue("PLAYLIST_URL",
               render::Site().public_url + "/xa/" + http::UrlEncode(place->code) + "/thong-bao/playlist.json");
  }
  b.ShowSection(list.empty() ? "NO_CONTROLLERS" : "HAS_CONTROLLERS");
  for (const auto& k : list) {
    auto* d = b.AddSectionDictionary("CONTROLLER");
    d->SetIntValue("ID", k.id);
    d->SetValue("NAME", k.name);
    d->SetValue("HAMLETS", Join(k.hamlets, ", "));
    d->SetValue("CREATED_AT", FormatLocal(k.created_at));
    if (k.revoked_at.empty()) {
      d->SetValue("STATE", Text("public.controller.active"));
      d->ShowSection("REVOCABLE");
    } else {
      d->SetValue("STATE", Text("public.controller.revoked_at", {{"at", FormatLocal(k.revoked_at)}}));
    }
  }
  b.SetValue("F_NAME", created ? "" : name);
  b.SetValue("F_HAMLETS", created ? "" : hamlets);
  v.ShowDone("public.controller.done.", {});
  if (error) {
    v.ShowErrors(*error);
    return v.render(http::StatusOf(error->kind()));
  }
  return v.render(created ? 201 : 200);
}

}  // namespace

void RegisterAnnouncementPages(http::App& app, const std::shared_ptr<Service>& places,
                               const std::shared_ptr<Announcements>& ann) {
  app.page("GET", "/xa/{code}/thong-bao", http::Access::kPublic,
           [places, ann](Context& ctx) { return PublicList(ctx, *places, *ann); });
  // The loudspeaker controllers' own: a device token (Authorization: Bearer), problem+json errors.
  app.api("GET", "/xa/{code}/thong-bao/playlist.json", http::Access::kPublic,
          [ann](Context& ctx) { return PlaylistJson(ctx, *ann); });
  app.page("GET", "/xa/{code}/thong-bao/{id}.wav", http::Access::kPublic,
           [ann](Context& ctx) { return Wav(ctx, *ann); });
  app.page("GET", "/desk/announcements", http::Access::kUser,
           [places, ann](Context& ctx) { return StaffList(ctx, *places, *ann); });
  app.page("GET", "/desk/announcements/new", http::Access::kUser, [places, ann](Context& ctx) {
    const std::string code = UnitParam(ctx, *places, *ann);
    auto place = places->Find(code);
    if (!place) throw NotFound("public.place_not_found");
    if (!ann->MayCreate(*ctx.user, code)) throw Forbidden();
    AnnouncementInput in;
    in.starts_on = in.ends_on = TodayLocalIso();
    in.times = "06:30, 17:00";
    return Form(ctx, place->code, place->name, in, nullptr);
  });
  app.page("POST", "/desk/announcements/new", http::Access::kUser, [places, ann](Context& ctx) {
    const std::string code = UnitParam(ctx, *places, *ann);
    auto place = places->Find(code);
    if (!place) throw NotFound("public.place_not_found");
    const AnnouncementInput in = InputFromForm(ctx, place->code);
    try {
      ann->Create(*ctx.user, in);
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return Form(ctx, place->code, place->name, in, &e);
    }
    return Response::Redirect(StaffUrl(place->code) + "&done=created");
  });
  app.page("GET", "/desk/announcements/{id}/edit", http::Access::kUser, [ann](Context& ctx) {
    const auto a = ann->ForEditing(*ctx.user, IdParam(ctx, "public.announcement.not_found"));
    if (a.withdrawn()) throw AppError(ErrorKind::kConflict, "public.announcement.withdrawn_already");
    if (a.broadcast) throw AppError(ErrorKind::kConflict, "public.announcement.broadcast_already");
    AnnouncementInput in;
    in.title = a.title;
    in.body = a.body;
    in.starts_on = a.starts_on;
    in.ends_on = a.ends_on;
    in.times = Join(a.times, ", ");
    in.hamlets = Join(a.hamlets, "\n");
    return Form(ctx, a.unit_code, a.unit_name, in, nullptr, a.id, a.version);
  });
  app.page("POST", "/desk/announcements/{id}/edit", http::Access::kUser, [ann](Context& ctx) {
    const auto a = ann->ForEditing(*ctx.user, IdParam(ctx, "public.announcement.not_found"));
    const AnnouncementInput in = InputFromForm(ctx, a.unit_code);
    try {
      ann->Update(*ctx.user, a.id, VersionOf(ctx.req.form()), in);
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      // A stale save: the form again, as typed, with the current version (design.md).
      return Form(ctx, a.unit_code, a.unit_name, in, &e, a.id, a.version);
    }
    return Response::Redirect(StaffUrl(a.unit_code) + "&done=updated");
  });
  app.page("GET", "/desk/announcements/{id}/withdraw", http::Access::kUser, [ann](Context& ctx) {
    const auto a = ann->ForEditing(*ctx.user, IdParam(ctx, "public.announcement.not_found"));
    if (a.withdrawn()) throw AppError(ErrorKind::kConflict, "public.announcement.withdrawn_already");
    return WithdrawForm(ctx, a, "", nullptr);
  });
  app.page("POST", "/desk/announcements/{id}/withdraw", http::Access::kUser, [ann](Context& ctx) {
    const auto a = ann->ForEditing(*ctx.user, IdParam(ctx, "public.announcement.not_found"));
    const auto form = ctx.req.form();
    const std::string reason = http::FormValue(form, "reason");
    try {
      ann->Withdraw(*ctx.user, a.id, VersionOf(form), reason);
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return WithdrawForm(ctx, a, reason, &e);
    }
    return Response::Redirect(StaffUrl(a.unit_code) + "&done=withdrawn");
  });

  app.page("GET", "/desk/announcements/controllers", http::Access::kUser, [places, ann](Context& ctx) {
    return ControllersPage(ctx, *places, *ann, UnitParam(ctx, *places, *ann), nullptr, nullptr, "", "");
  });
  app.page("POST", "/desk/announcements/controllers", http::Access::kUser, [places, ann](Context& ctx) {
    const std::string code = UnitParam(ctx, *places, *ann);
    const auto form = ctx.req.form();
    const std::string name = http::FormValue(form, "controller_name"), hamlets = http::FormValue(form, "hamlets");
    try {
      const auto created = ann->RegisterController(*ctx.user, code, name, hamlets);
      // The token is shown on this answer only (never in a URL, never stored).
      return ControllersPage(ctx, *places, *ann, code, &created, nullptr, "", "");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return ControllersPage(ctx, *places, *ann, code, nullptr, &e, name, hamlets);
    }
  });
  app.page("GET", "/desk/announcements/controllers/{id}/revoke", http::Access::kUser, [ann](Context& ctx) {
    const auto k = ann->ControllerFor(*ctx.user, IdParam(ctx, "public.controller.not_found"));
    if (!k.revoked_at.empty()) throw AppError(ErrorKind::kConflict, "public.controller.revoked_already");
    return render::ConfirmPage(
        ctx, Text("public.controller.revoke_title"), Text("public.controller.revoke_question", {{"name", k.name}}),
        "/desk/announcements/controllers/" + std::to_string(k.id) + "/revoke", Text("public.controller.revoke_button"),
        "/desk/announcements/controllers?unit=" + http::UrlEncode(k.unit_code));
  });
  app.page("POST", "/desk/announcements/controllers/{id}/revoke", http::Access::kUser, [ann](Context& ctx) {
    const auto k = ann->RevokeController(*ctx.user, IdParam(ctx, "public.controller.not_found"));
    return Response::Redirect("/desk/announcements/controllers?unit=" + http::UrlEncode(k.unit_code) + "&done=revoked");
  });

  app.api("POST", "/api/v1/announcements/{id}/broadcasts", http::Access::kPublic, [ann](Context& ctx) {
    const Controller k = DeviceOf(ctx, *ann);  // the controller's device token, not an official's
    const auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("public.announcement.not_found");
    const auto body = http::ParseJsonObject(ctx.req);
    auto str = [&](const char* key) {
      auto it = body.find(key);
      return it != body.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
    };
    const auto b = ann->Report(k, *id, str("hamlet"), str("played_at"));
    return http::Json(
        201,
        boost::json::object{
            {"id", b.id}, {"announcement_id", b.announcement_id}, {"hamlet", b.hamlet}, {"played_at", b.played_at}});
  });
}

}  // namespace fg::pub
