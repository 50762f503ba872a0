#include <memory>

#include "features/public/pages_portal.h"
#include "features/public/routes.h"
#include "features/public/service.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/time.h"

namespace fg::pub {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

const char* kSearchForm = "features/public/templates/search_form.tpl";

// Where a chosen place leads: its own page, or a page that asked for a unit
// (?cho=lich: the calendar, ?cho=han: the deadline calculator). A fixed list,
// so a link never leads off the site.
struct Destination {
  std::string_view key;    // the value of ?cho=
  std::string_view path;   // the page, "" for the place's own page
  std::string_view texts;  // catalogue prefix of the search page's title, lead and back link
  std::string_view back;
};
constexpr Destination kDestinations[] = {
    {"", "", "public.search.", "/"},
    {"lich", "/calendar", "public.search_calendar.", "/calendar"},
    {"han", "/calendar/due", "public.search_due.", "/calendar/due"},
};

const Destination& DestinationOf(const Context& ctx) {
  const std::string key = ctx.req.query_param("cho");
  for (const auto& d : kDestinations)
    if (d.key == key) return d;
  return kDestinations[0];
}

ctemplate::TemplateDictionary* SearchForm(PageView& v, const Destination& to, const std::string& query) {
  auto* f = v.body().AddIncludeDictionary("SEARCH_FORM");
  f->SetFilename(kSearchForm);
  f->SetValue("QUERY", query);
  if (!to.key.empty()) f->SetValueAndShowSection("FOR", std::string(to.key), "HAS_FOR");
  return f;
}

void ShowHotline(ctemplate::TemplateDictionary& d) {
  const auto& site = render::Site();
  if (!site.hotline.empty()) d.SetValueAndShowSection("HOTLINE", site.hotline, "HAS_HOTLINE");
}

// "Tỉnh Đồng Nai" or "Thị xã Chơn Thành, Tỉnh Đồng Nai".
std::string WhereText(const Place& p) {
  if (p.parent_code.empty() || p.parent_code == p.province_code) return p.province_name;
  return Text("public.where_district", {{"district", p.parent_name}, {"province", p.province_name}});
}

Response HomePage(Context& ctx, Service& svc) {
  PageView v(ctx, Text("public.home_title"), "features/public/templates/home.tpl");
  SearchForm(v, kDestinations[0], "");
  const auto listed = svc.ListIfFew();
  if (!listed.empty()) v.body().ShowSection("HAS_LIST");
  for (const auto& p : listed) {
    auto* row = v.body().AddSectionDictionary("LISTED");
    row->SetValue("HREF", "/xa/" + http::UrlEncode(p.code));
    row->SetValue("NAME", p.name);
    row->SetValue("WHERE", WhereText(p));
  }
  if (ctx.user) v.body().SetValueAndShowSection("FULL_NAME", ctx.user->full_name, "SIGNED_IN");
  ShowHotline(v.body());
  return v.render();
}

Response SearchPage(Context& ctx, Service& svc) {
  const Destination& to = DestinationOf(ctx);
  const std::string prefix(to.texts);
  PageView v(ctx, Text(prefix + "title"), "features/public/templates/search.tpl");
  auto& b = v.body();
  b.SetValue("LEAD", Text(prefix + "lead"));
  b.SetValue("BACK", std::string(to.back));
  b.SetValue("BACK_LABEL", Text(prefix + "back"));
  const std::string query = ctx.req.query_param("ten");
  auto* form = SearchForm(v, to, query);
  if (!ctx.req.has_query_param("ten")) return v.render();
  SearchResult found;
  try {
    found = svc.Search(query);
  } catch (const AppError& e) {
    if (e.kind() != ErrorKind::kBadRequest) throw;
    v.ShowErrors(e);
    form->SetValueAndShowSection("TEN_ERROR", Text(e.key(), e.args()), "TEN_INVALID");
    return v.render(400);
  }
  b.SetValueAndShowSection("QUERY", query, "ASKED");
  if (found.places.empty())
    b.ShowSection("NONE");
  else
    b.ShowSection("HAS_RESULTS");
  const std::string today = TodayLocalIso();
  for (const auto& p : found.places) {
    auto* row = b.AddSectionDictionary("PLACE");
    const PlaceStatus status = StatusOn(p, today);
    // A merged unit leads to the one it merged into, for the calendar and deadlines.
    const std::string& code =
        status == PlaceStatus::kEnded && !to.path.empty() && !p.successor_code.empty() ? p.successor_code : p.code;
    row->SetValue("HREF", to.path.empty() ? "/xa/" + http::UrlEncode(code)
                                          : std::string(to.path) + "?unit=" + http::UrlEncode(code));
    row->SetValue("NAME", p.name);
    row->SetValue("CODE", p.code);
    row->SetValue("WHERE", WhereText(p));
    if (status == PlaceStatus::kEnded)
      row->SetValueAndShowSection("STATUS",
                                  p.successor_name.empty()
                                      ? Text("public.status_ended", {{"date", DisplayDate(p.valid_to.value_or(""))}})
                                      : Text("public.status_merged", {{"date", DisplayDate(p.valid_to.value_or(""))},
                                                                      {"successor", p.successor_name}}),
                                  "HAS_STATUS");
    else if (status == PlaceStatus::kNotYet)
      row->SetValueAndShowSection("STATUS", Text("public.status_not_yet", {{"date", DisplayDate(p.valid_from)}}),
                                  "HAS_STATUS");
  }
  if (found.more) b.SetValueAndShowSection("SHOWN", std::to_string(found.places.size()), "MORE");
  return v.render();
}

// "Thứ Hai đến Thứ Sáu", or the days one by one when they are not in a row.
std::string WorkingDays(unsigned rest_days) {
  std::vector<unsigned> open;  // ISO weekdays, Monday 1 ... Sunday 7
  for (unsigned iso = 1; iso <= 7; ++iso)
    if (!((rest_days >> (iso % 7)) & 1u)) open.push_back(iso);
  if (open.empty()) return Text("public.no_working_days");
  const bool in_a_row = open.back() - open.front() + 1 == open.size();
  auto name = [](unsigned iso) { return Text("public.weekday." + std::to_string(iso)); };
  if (in_a_row && open.size() >= 3)
    return Text("public.days_range", {{"from", name(open.front())}, {"to", name(open.back())}});
  std::string out;
  for (unsigned iso : open) out += (out.empty() ? "" : ", ") + name(iso);
  return out;
}

Response PlacePage(Context& ctx, Service& svc, calendar::Service& cal) {
  const std::string code = ctx.req.params.at("code");
  auto place = svc.Find(code);
  if (!place) throw AppError(ErrorKind::kNotFound, "public.place_not_found");
  PageView v(ctx, place->name, "features/public/templates/place.tpl");
  auto& b = v.body();
  b.SetValue("NAME", place->name);
  b.SetValue("CODE", place->code);
  b.SetValue("CODE_URL", http::UrlEncode(place->code));
  b.SetValue("PROVINCE_NAME", place->province_name);
  if (!place->parent_code.empty() && place->parent_code != place->province_code)
    b.SetValueAndShowSection("PARENT_NAME", place->parent_name, "HAS_DISTRICT");
  ShowHotline(b);
  const PlaceStatus status = StatusOn(*place, TodayLocalIso());
  if (status == PlaceStatus::kEnded) {
    b.SetValueAndShowSection("VALID_TO", DisplayDate(place->valid_to.value_or("")), "ENDED");
    if (!place->successor_code.empty()) {
      b.SetValueAndShowSection("SUCCESSOR_NAME", place->successor_name, "HAS_SUCCESSOR");
      b.SetValue("SUCCESSOR_URL", http::UrlEncode(place->successor_code));
    }
    return Cacheable(ctx, v.render());
  }
  if (status == PlaceStatus::kNotYet) b.SetValueAndShowSection("VALID_FROM", DisplayDate(place->valid_from), "NOT_YET");
  const auto week = cal.WeekOf(place->code, "unit");
  b.ShowSection("OPEN");
  b.SetValue("WORKING_DAYS", WorkingDays(week.week.rest_days));
  for (const auto& s : week.week.sessions) {
    auto* d = b.AddSectionDictionary("SESSION");
    d->SetValue("FROM", FormatClock(s.start));
    d->SetValue("TO", FormatClock(s.end));
  }
  return Cacheable(ctx, v.render());
}

}  // namespace

void RegisterPages(http::App& app, db::Db& db, calendar::Service& calendar, desk::Service& desk, org::Service& org,
                   const std::shared_ptr<ratings::Service>& ratings) {
  // Shared by the handlers below, which live as long as `app`.
  auto svc = std::make_shared<Service>(db);
  app.page("GET", "/", http::Access::kPublic, [svc](Context& ctx) { return HomePage(ctx, *svc); });
  app.page("GET", "/xa", http::Access::kPublic, [svc](Context& ctx) { return SearchPage(ctx, *svc); });
  app.page("GET", "/xa/{code}", http::Access::kPublic,
           [svc, &calendar](Context& ctx) { return PlacePage(ctx, *svc, calendar); });
  // The Portal refers to `svc` and `ratings`; each handler holding the portal holds them too.
  auto portal =
      std::shared_ptr<Portal>(new Portal(db, *svc, desk, org, *ratings), [svc, ratings](Portal* p) { delete p; });
  RegisterPortalPages(app, portal, *svc, calendar);
  RegisterConductPages(app, portal);
  RegisterAnnouncementPages(app, svc, std::make_shared<Announcements>(db));
}

}  // namespace fg::pub
