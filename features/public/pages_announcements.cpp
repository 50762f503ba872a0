// Announcements (issue 16, item 3): the public list with audio, the WAV files,
// the loudspeakers' playlist; the staff list with the broadcast log and the
// form; the controllers' report of a broadcast (API).
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

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : std::string(sep)) + x;
  return out;
}

std::string AudioUrl(const Announcement& a) {
  return "/xa/" + http::UrlEncode(a.unit_code) + "/thong-bao/" + std::to_string(a.id) + ".wav";
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
    d->SetValue("AUDIO_URL", AudioUrl(a));
  }
  return Cacheable(ctx, v.render());
}

Response Wav(Context& ctx, Announcements& ann) {
  const auto id = ctx.req.id_param("id");
  if (!id) throw NotFound("public.announcement.not_found");
  const auto a = ann.Get(ctx.req.params.at("code"), *id);
  return Cacheable(ctx, Response::InlineFile(ann.Audio(a), "audio/wav", "thong-bao-" + std::to_string(a.id) + ".wav"));
}

Response PlaylistJson(Context& ctx, Announcements& ann) {
  const std::string code = ctx.req.params.at("code");
  const std::string base = render::Site().public_url;
  boost::json::array items;
  for (const auto& a : ann.Playlist(code, ctx.req.query_param("ap"))) {
    boost::json::array times(a.times.begin(), a.times.end()), hamlets(a.hamlets.begin(), a.hamlets.end());
    items.push_back({{"id", a.id},
                     {"title", a.title},
                     {"times", std::move(times)},
                     {"hamlets", std::move(hamlets)},
                     {"starts_on", a.starts_on},
                     {"ends_on", a.ends_on},
                     {"audio_url", base + AudioUrl(a)},
                     {"report_url", base + "/api/v1/announcements/" + std::to_string(a.id) + "/broadcasts"}});
  }
  boost::json::object o{{"unit", code}, {"date", TodayLocalIso()}, {"items", std::move(items)}};
  auto r = http::Json(200, o);
  // A controller polls: a short shared life.
  r = Cacheable(ctx, std::move(r));
  if (r.status == 200 || r.status == 304)
    r.set_header("Cache-Control", ctx.user ? "private, no-cache" : "public, max-age=60");
  return r;
}

std::string UnitParam(const Context& ctx) {
  std::string unit = ctx.req.query_param("unit");
  if (unit.empty() && ctx.user) {
    // The caller's first granted unit.
    if (!ctx.user->grants.empty()) unit = ctx.user->grants.front().unit_code;
  }
  return unit;
}

Response StaffList(Context& ctx, Service& places, Announcements& ann) {
  const std::string code = UnitParam(ctx);
  auto place = places.Find(code);
  if (!place) throw NotFound("public.announcement.pick_unit");
  const auto log = ann.Log(*ctx.user, code);  // 403 for a caller not covering the unit
  PageView v(ctx, Text("public.announcement.staff_title", {{"place", place->name}}),
             "features/public/templates/announcements_staff.tpl");
  auto& b = v.body();
  b.SetValue("UNIT_NAME", place->name);
  b.SetValue("UNIT_URL", http::UrlEncode(place->code));
  b.SetValue("PUBLIC_URL", "/xa/" + http::UrlEncode(place->code) + "/thong-bao");
  b.SetValue("PLAYLIST_URL", "/xa/" + http::UrlEncode(place->code) + "/thong-bao/playlist.json");
  if (ann.MayCreate(*ctx.user, code)) b.ShowSection("CAN_CREATE");
  const auto items = ann.Current(code);
  if (items.empty())
    b.ShowSection("NONE");
  else
    b.ShowSection("HAS_ITEMS");
  for (const auto& a : items) {
    auto* d = b.AddSectionDictionary("ITEM");
    d->SetValue("ITEM_TITLE", a.title);
    d->SetValue("STARTS", DisplayDate(a.starts_on));
    d->SetValue("ENDS", DisplayDate(a.ends_on));
    d->SetValue("TIMES", Join(a.times, ", "));
    d->SetValue("HAMLETS", a.hamlets.empty() ? Text("public.announcement.all_hamlets") : Join(a.hamlets, ", "));
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

Response Form(Context& ctx, const Place& place, const AnnouncementInput& in, const AppError* error) {
  PageView v(ctx, Text("public.announcement.new_title", {{"place", place.name}}),
             "features/public/templates/announcement_form.tpl");
  auto& b = v.body();
  b.SetValue("UNIT_NAME", place.name);
  b.SetValue("UNIT_URL", http::UrlEncode(place.code));
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
    return v.render(400);
  }
  return v.render();
}

}  // namespace

void RegisterAnnouncementPages(http::App& app, std::shared_ptr<Service> places, std::shared_ptr<Announcements> ann) {
  app.page("GET", "/xa/{code}/thong-bao", http::Access::kPublic,
           [places, ann](Context& ctx) { return PublicList(ctx, *places, *ann); });
  app.page("GET", "/xa/{code}/thong-bao/playlist.json", http::Access::kPublic,
           [ann](Context& ctx) { return PlaylistJson(ctx, *ann); });
  app.page("GET", "/xa/{code}/thong-bao/{id}.wav", http::Access::kPublic,
           [ann](Context& ctx) { return Wav(ctx, *ann); });
  app.page("GET", "/desk/announcements", http::Access::kUser,
           [places, ann](Context& ctx) { return StaffList(ctx, *places, *ann); });
  app.page("GET", "/desk/announcements/new", http::Access::kUser, [places, ann](Context& ctx) {
    const std::string code = UnitParam(ctx);
    auto place = places->Find(code);
    if (!place) throw NotFound("public.place_not_found");
    if (!ann->MayCreate(*ctx.user, code)) throw Forbidden();
    AnnouncementInput in;
    in.starts_on = in.ends_on = TodayLocalIso();
    in.times = "06:30, 17:00";
    return Form(ctx, *place, in, nullptr);
  });
  app.page("POST", "/desk/announcements/new", http::Access::kUser, [places, ann](Context& ctx) {
    const std::string code = UnitParam(ctx);
    auto place = places->Find(code);
    if (!place) throw NotFound("public.place_not_found");
    const auto form = ctx.req.form();
    AnnouncementInput in;
    in.unit_code = place->code;
    in.title = http::FormValue(form, "headline");
    in.body = http::FormValue(form, "message");
    in.times = http::FormValue(form, "times");
    in.hamlets = http::FormValue(form, "hamlets");
    in.starts_on = render::DateFromForm(form, "starts_on");
    in.ends_on = render::DateFromForm(form, "ends_on");
    try {
      ann->Create(*ctx.user, in);
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return Form(ctx, *place, in, &e);
    }
    return Response::Redirect("/desk/announcements?unit=" + http::UrlEncode(place->code) + "&done=created");
  });
  app.api("POST", "/api/v1/announcements/{id}/broadcasts", http::Access::kUser, [ann](Context& ctx) {
    const auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("public.announcement.not_found");
    const auto body = http::ParseJsonObject(ctx.req);
    auto str = [&](const char* k) {
      auto it = body.find(k);
      return it != body.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
    };
    const auto b = ann->Report(*ctx.user, *id, str("hamlet"), str("played_at"));
    return http::Json(
        201,
        boost::json::object{
            {"id", b.id}, {"announcement_id", b.announcement_id}, {"hamlet", b.hamlet}, {"played_at", b.played_at}});
  });
}

}  // namespace fg::pub
