// The portal of a place (issue 16): the procedure catalogue, one procedure,
// the QR poster and the catalogue as open data. Public, cacheable: see Cacheable.
#include <boost/json.hpp>

#include "features/desk/rules.h"
#include "features/desk/stats.h"
#include "features/org/routes.h"
#include "features/public/page_cache.h"
#include "features/public/pages_portal.h"
#include "platform/auth/crypto.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/render/pdf.h"
#include "platform/render/qr.h"
#include "platform/stats/share.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::pub {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

}  // namespace

Response Cacheable(Context& ctx, Response r) {
  MakeCacheable(ctx, r);
  return AnswerIfNoneMatch(ctx.req, r);
}

namespace {

std::string LimitText(const desk::Procedure& p) {
  if (p.limit == desk::Limit::kSameDay) return Text("desk.limit_text.same_day");
  return Text(p.limit == desk::Limit::kHours ? "desk.limit_text.hours" : "desk.limit_text.days",
              {{"n", std::to_string(p.limit_amount)}});
}

std::string PlaceUrl(const Place& p) { return "/xa/" + http::UrlEncode(p.code); }
std::string ProcedureUrl(const Place& place, const desk::Procedure& p) {
  return PlaceUrl(place) + "/thu-tuc/" + http::UrlEncode(p.code);
}

// ---- kiosk mode: /xa/{code}/kiosk and ?kiosk=1 on the pages it links to ----

// Seconds without a touch before the kiosk returns to its start page.
constexpr int kKioskIdleSeconds = 90;

bool KioskAsked(const Context& ctx) { return ctx.req.query_param("kiosk") == "1"; }
std::string KioskHome(const Place& place) { return PlaceUrl(place) + "/kiosk"; }
// What links inside a kiosk page carry to stay in kiosk mode.
std::string KioskQuery(bool kiosk) { return kiosk ? "?kiosk=1" : ""; }

}  // namespace

// Where the description and other page-wide values go: the layout reads
// template-global values (ctemplate shares them across the includes).
void Describe(PageView& v, const std::string& text) {
  v.body().SetTemplateGlobalValue("DESCRIPTION", text);
  v.body().ShowTemplateGlobalSection("HAS_DESCRIPTION");
}

// The page's header values; in kiosk mode also large text, the bar that leads
// back to the start and the script that returns there after a pause.
void PortalHeader(PageView& v, const Place& place, bool kiosk) {
  auto& b = v.body();
  b.SetValue("PLACE_NAME", place.name);
  b.SetValue("PLACE_URL", PlaceUrl(place));
  b.SetValue("BACK_URL", kiosk ? KioskHome(place) : PlaceUrl(place));
  b.SetTemplateGlobalValue("KQ", KioskQuery(kiosk));
  if (!kiosk) return;
  v.AddStylesheet("/static/kiosk.css");
  b.ShowTemplateGlobalSection("KIOSK");
  auto* bar = b.AddIncludeDictionary("KIOSK_BAR");
  bar->SetFilename("features/public/templates/kiosk_bar.tpl");
  bar->SetValue("KIOSK_HOME", KioskHome(place));
  bar->SetIntValue("KIOSK_IDLE", kKioskIdleSeconds);
}

namespace {

// The lines of a text typed with line breaks (legal basis), without empty ones.
std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    std::string line = s.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

void ShowEnded(ctemplate::TemplateDictionary& b, const Portal::PlaceCatalogue& pc) {
  b.SetValueAndShowSection("VALID_TO", DisplayDate(pc.place.valid_to.value_or("")), "ENDED");
  if (!pc.place.successor_code.empty()) {
    b.SetValueAndShowSection("SUCCESSOR_NAME", pc.place.successor_name, "HAS_SUCCESSOR");
    b.SetValue("SUCCESSOR_URL", "/xa/" + http::UrlEncode(pc.place.successor_code) + "/thu-tuc");
  }
}

Response RenderCatalogue(Context& ctx, const Portal::PlaceCatalogue& pc) {
  PageView v(ctx, Text("public.catalogue.title", {{"place", pc.place.name}}),
             "features/public/templates/catalogue.tpl");
  auto& b = v.body();
  const bool kiosk = KioskAsked(ctx);
  PortalHeader(v, pc.place, kiosk);
  const auto& all = pc.catalogue->all();
  b.SetValue("COUNT", std::to_string(all.size()));
  Describe(v, Text("public.catalogue.description", {{"place", pc.place.name}, {"n", std::to_string(all.size())}}));
  if (pc.status == PlaceStatus::kEnded) {
    ShowEnded(b, pc);
    return v.render();
  }
  b.ShowSection("OPEN");
  const std::string query = ctx.req.query_param("tim");
  b.SetValue("QUERY", query);
  b.SetValue("POSTER_HREF",
             PlaceUrl(pc.place) + "/thu-tuc/ap-phich.pdf" + (query.empty() ? "" : "?tim=" + http::UrlEncode(query)));
  std::vector<const desk::Procedure*> found;
  try {
    found = Portal::Search(*pc.catalogue, query);
  } catch (const AppError& e) {
    if (e.kind() != ErrorKind::kBadRequest) throw;
    v.ShowErrors(e);
    return v.render(400);
  }
  auto item = [&](ctemplate::TemplateDictionary& list, const desk::Procedure& p) {
    auto* row = list.AddSectionDictionary("ITEM");
    row->SetValue("HREF", ProcedureUrl(pc.place, p) + KioskQuery(kiosk));
    row->SetValue("NAME", p.name);
    row->SetValue("LIMIT", LimitText(p));
    row->SetValue("FEES", p.fees.empty() ? Text("public.no_fees") : p.fees);
  };
  if (!query.empty()) {
    b.SetValueAndShowSection("ASKED_QUERY", query, "ASKED");
    b.SetValue("FOUND", std::to_string(found.size()));
    if (found.empty()) {
      b.ShowSection("NONE");
    } else {
      auto* list = b.AddSectionDictionary("RESULTS");
      for (const auto* p : found) item(*list, *p);
    }
  } else if (all.empty()) {
    b.ShowSection("EMPTY_CATALOGUE");
  } else {
    int index = 0;
    for (const auto& g : GroupByField(found)) {
      auto* field = b.AddSectionDictionary("FIELD");
      field->SetValue("FIELD_NAME", g.field.empty() ? Text("public.no_field") : g.field);
      field->SetValue("INDEX", std::to_string(++index));
      field->SetValue("FIELD_COUNT", std::to_string(g.items.size()));
      for (const auto* p : g.items) item(*field, *p);
    }
  }
  return v.render();
}

// The inputs of a kept page read first: a change after them makes it stale.
Response CataloguePage(Context& ctx, Portal& portal, Service& places, PageCache& cache) {
  auto index = places.Index();
  const auto pc = portal.CatalogueOf(ctx.req.params.at("code"));
  return cache.Serve(ctx, {std::move(index), pc.catalogue}, [&] { return RenderCatalogue(ctx, pc); });
}

Response RenderProcedure(Context& ctx, const Portal::PlaceCatalogue& pc, const desk::Procedure* p,
                         calendar::Service& cal) {
  PageView v(ctx, Text("public.procedure.title", {{"name", p->name}, {"place", pc.place.name}}),
             "features/public/templates/procedure.tpl");
  auto& b = v.body();
  PortalHeader(v, pc.place, KioskAsked(ctx));
  b.SetValue("NAME", p->name);
  b.SetValue("PROCEDURE_CODE", p->code);
  b.SetValue("FIELD", p->field);
  b.SetValue("LIMIT", LimitText(*p));
  b.SetValue("CUTOFF", p->cutoff);
  b.SetValue("FEES", p->fees.empty() ? Text("public.no_fees") : p->fees);
  b.SetValue("RESULT", p->result);
  b.SetValue("ONLINE_LEVEL", Text("desk.online_level." + std::to_string(p->online_level)));
  if (p->online_level > 0) b.ShowSection("ONLINE");
  Describe(v, Text("public.procedure.description", {{"name", p->name},
                                                    {"place", pc.place.name},
                                                    {"limit", LimitText(*p)},
                                                    {"fees", p->fees.empty() ? Text("public.no_fees") : p->fees}}));
  if (p->documents.empty()) b.ShowSection("NO_DOCUMENTS");
  for (const auto& d : p->documents) {
    auto* row = b.AddSectionDictionary("DOCUMENT");
    row->SetValue("DOC_NAME", d.name);
    row->SetValue("DOC_KIND", Text("desk.kind." + (d.kind.empty() ? std::string("original") : d.kind)));
    row->SetValue("DOC_COUNT", std::to_string(d.count));
  }
  if (!p->documents.empty()) b.ShowSection("HAS_DOCUMENTS");
  for (const auto& s : p->steps) {
    auto* row = b.AddSectionDictionary("STEP");
    row->SetValue("STEP_NAME", s.name);
    if (!s.handler.empty()) row->SetValueAndShowSection("STEP_HANDLER", s.handler, "HAS_HANDLER");
  }
  if (!p->steps.empty()) b.ShowSection("HAS_STEPS");
  const auto basis = Lines(p->legal_basis);
  for (const auto& line : basis) b.AddSectionDictionary("BASIS")->SetValue("LINE", line);
  if (!basis.empty()) b.ShowSection("HAS_BASIS");
  // Where to go: the place's desk in its working hours.
  const auto week = cal.WeekOf(pc.place.code, "unit");
  for (const auto& s : week.week.sessions) {
    auto* d = b.AddSectionDictionary("SESSION");
    d->SetValue("FROM", FormatClock(s.start));
    d->SetValue("TO", FormatClock(s.end));
  }
  const std::string url = render::Site().public_url + ProcedureUrl(pc.place, *p);
  b.SetValue("PAGE_URL", url);
  b.SetValue("QR", render::qr::Svg(render::qr::Encode(url), Text("public.procedure.qr_label", {{"name", p->name}})));
  return v.render();
}

Response ProcedurePage(Context& ctx, Portal& portal, Service& places, calendar::Service& cal, PageCache& cache) {
  auto index = places.Index();
  const auto pc = portal.CatalogueOf(ctx.req.params.at("code"));
  const desk::Procedure* p = pc.catalogue->Find(ctx.req.params.at("procedure"));
  if (!p) throw NotFound("public.procedure_not_found");
  return cache.Serve(ctx, {std::move(index), pc.catalogue}, [&] { return RenderProcedure(ctx, pc, p, cal); });
}

// ---- the poster: A4, twelve procedures a sheet, each with its QR ----

std::string PosterPdf(const Place& place, const std::vector<const desk::Procedure*>& items) {
  namespace pdf = render::pdf;
  std::vector<render::qr::Matrix> codes;
  codes.reserve(items.size());
  for (const auto* p : items) codes.push_back(render::qr::Encode(render::Site().public_url + ProcedureUrl(place, *p)));
  const std::string title = Text("public.poster.title", {{"place", place.name}});
  return pdf::Render(pdf::Paper::kA4, title, [&](pdf::Document& doc) {
    constexpr size_t kColumns = 3, kRowsPerSheet = 4;
    for (size_t start = 0; start < items.size() || start == 0; start += kColumns * kRowsPerSheet) {
      if (start > 0) doc.NewPage();
      doc.Paragraph("<b>" + pdf::Escape(title) + "</b>", {.size = 14, .align = pdf::Align::kCenter, .after = 2});
      doc.Paragraph(pdf::Escape(Text("public.poster.hint")), {.size = 10, .align = pdf::Align::kCenter, .after = 4});
      pdf::Table t;
      t.widths = {1, 1, 1};
      t.size = 9;
      t.padding = 6;
      t.before = 0;
      const size_t end = std::min(items.size(), start + kColumns * kRowsPerSheet);
      for (size_t i = start; i < end; i += kColumns) {
        std::vector<pdf::Cell> row;
        for (size_t j = i; j < i + kColumns; ++j) {
          if (j >= end) {
            row.push_back({""});
            continue;
          }
          pdf::Cell cell;
          cell.align = pdf::Align::kCenter;
          cell.markup = "<b>" + pdf::Escape(items[j]->name) + "</b>\n" +
                        pdf::Escape(Text("public.poster.limit", {{"limit", LimitText(*items[j])}}));
          cell.qr = &codes[j];
          cell.qr_size = 110;
          row.push_back(std::move(cell));
        }
        t.rows.push_back(std::move(row));
      }
      if (!t.rows.empty()) doc.Table(t);
      if (items.empty()) break;
    }
  });
}

Response PosterResponse(Context& ctx, Portal& portal) {
  const auto pc = portal.CatalogueOf(ctx.req.params.at("code"));
  const auto found = Portal::Search(*pc.catalogue, ctx.req.query_param("tim"));
  return Cacheable(ctx, Response::InlineFile(PosterPdf(pc.place, found), "application/pdf",
                                             "ap-phich-thu-tuc-" + pc.place.code + ".pdf"));
}

// ---- open data ----

std::string DocumentsText(const desk::Procedure& p) {
  std::string out;
  for (const auto& d : p.documents) {
    if (!out.empty()) out += "; ";
    out += d.name + " (" + Text("desk.kind." + (d.kind.empty() ? std::string("original") : d.kind)) + ", " +
           std::to_string(d.count) + ")";
  }
  return out;
}

Response CatalogueCsv(Context& ctx, Portal& portal) {
  const auto pc = portal.CatalogueOf(ctx.req.params.at("code"));
  const std::string base = render::Site().public_url;
  std::string out = "# " + Text("public.open_data.licence_line", {{"place", pc.place.name}}) + "\n";
  out += "code,name,field,limit_unit,limit_amount,limit_text,fees,documents,result,legal_basis,online_level,url\n";
  for (const auto& p : pc.catalogue->all()) {
    for (const std::string& cell : {p.code, p.name, p.field, std::string(desk::LimitName(p.limit)),
                                    std::to_string(p.limit_amount), LimitText(p), p.fees, DocumentsText(p), p.result,
                                    p.legal_basis, std::to_string(p.online_level), base + ProcedureUrl(pc.place, p)})
      out += text::CsvField(cell) + ",";
    out.back() = '\n';
  }
  auto r = Response::InlineFile(std::move(out), "text/csv; charset=utf-8", "thu-tuc-" + pc.place.code + ".csv");
  r.set_header("Link", "<" + Text("public.open_data.licence_url") + ">; rel=\"license\"");
  return Cacheable(ctx, std::move(r));
}

Response CatalogueJson(Context& ctx, Portal& portal) {
  const auto pc = portal.CatalogueOf(ctx.req.params.at("code"));
  const std::string base = render::Site().public_url;
  boost::json::array items;
  for (const auto& p : pc.catalogue->all()) {
    boost::json::array docs, steps;
    for (const auto& d : p.documents)
      docs.push_back({{"name", d.name}, {"kind", d.kind.empty() ? "original" : d.kind}, {"count", d.count}});
    for (const auto& s : p.steps) steps.push_back({{"name", s.name}, {"handler", s.handler}, {"hours", s.hours}});
    items.push_back({{"code", p.code},
                     {"name", p.name},
                     {"field", p.field},
                     {"limit_unit", std::string(desk::LimitName(p.limit))},
                     {"limit_amount", p.limit_amount},
                     {"limit_text", LimitText(p)},
                     {"cutoff", p.cutoff},
                     {"fees", p.fees},
                     {"documents", std::move(docs)},
                     {"steps", std::move(steps)},
                     {"result", p.result},
                     {"legal_basis", p.legal_basis},
                     {"online_level", p.online_level},
                     {"valid_from", p.valid_from},
                     {"url", base + ProcedureUrl(pc.place, p)}});
  }
  boost::json::object o{{"licence", Text("public.open_data.licence_line", {{"place", pc.place.name}})},
                        {"licence_url", Text("public.open_data.licence_url")},
                        {"unit", {{"code", pc.place.code}, {"name", pc.place.name}}},
                        {"as_of", TodayLocalIso()},
                        {"procedures", std::move(items)}};
  auto r = http::Json(200, o);
  r.set_header("Link", "<" + Text("public.open_data.licence_url") + ">; rel=\"license\"");
  return Cacheable(ctx, std::move(r));
}

// ---- the directory ----

// "tel:" wants digits (and a leading +).
std::string TelOf(const std::string& phone) {
  std::string out;
  for (char c : phone)
    if ((c >= '0' && c <= '9') || (c == '+' && out.empty())) out += c;
  return out;
}

// The unit's mottos and code of conduct, a list item a line (nothing when empty).
void ConductSection(ctemplate::TemplateDictionary& b, const Conduct& k) {
  const auto mottos = Lines(k.mottos), rules = Lines(k.code);
  if (mottos.empty() && rules.empty()) return;
  auto* s = b.AddSectionDictionary("HAS_CONDUCT");
  for (const auto& m : mottos) s->AddSectionDictionary("MOTTO")->SetValue("TEXT", m);
  if (!mottos.empty()) s->ShowSection("HAS_MOTTOS");
  for (const auto& r : rules) s->AddSectionDictionary("RULE")->SetValue("TEXT", r);
  if (!rules.empty()) s->ShowSection("HAS_RULES");
}

std::string PublicPhotoUrl(int64_t official_id, const std::string& version) {
  return "/anh-can-bo/" + std::to_string(official_id) + "?v=" + version;
}

Response RenderDirectory(Context& ctx, Portal& portal) {
  const auto d = portal.DirectoryOf(ctx.req.params.at("code"));
  PageView v(ctx, Text("public.directory.title", {{"place", d.place.name}}), "features/public/templates/directory.tpl");
  auto& b = v.body();
  PortalHeader(v, d.place, KioskAsked(ctx));
  Describe(v, Text("public.directory.description", {{"place", d.place.name}}));
  if (d.status == PlaceStatus::kEnded) {
    b.SetValueAndShowSection("VALID_TO", DisplayDate(d.place.valid_to.value_or("")), "ENDED");
    if (!d.place.successor_code.empty()) {
      b.SetValueAndShowSection("SUCCESSOR_NAME", d.place.successor_name, "HAS_SUCCESSOR");
      b.SetValue("SUCCESSOR_URL", "/xa/" + http::UrlEncode(d.place.successor_code) + "/danh-ba");
    }
    return v.render();
  }
  b.ShowSection("OPEN");
  ConductSection(b, d.conduct);
  if (d.entries.empty())
    b.ShowSection("NONE");
  else
    b.ShowSection("HAS_PEOPLE");
  for (const auto& e : d.entries) {
    auto* row = b.AddSectionDictionary("PERSON");
    row->SetValue("NAME", e.name);
    if (!e.position.empty()) row->SetValueAndShowSection("POSITION", e.position, "HAS_POSITION");
    if (!e.phone.empty()) {
      row->SetValueAndShowSection("PHONE", e.phone, "HAS_PHONE");
      row->SetValue("TEL", TelOf(e.phone));
    }
    if (!e.email.empty()) row->SetValueAndShowSection("EMAIL", e.email, "HAS_EMAIL");
    if (!e.hours.empty()) row->SetValueAndShowSection("HOURS", e.hours, "HAS_HOURS");
    if (!e.photo_version.empty())
      row->SetValueAndShowSection("PHOTO_URL", PublicPhotoUrl(e.official_id, e.photo_version), "HAS_PHOTO");
  }
  return v.render();
}

// The staff form: what an official publishes (the official or an administrator).
Response PublicationForm(Context& ctx, const Portal::PublicationView& view, const Publication& shown,
                         const std::string& sort_order, const AppError* error) {
  const auto& o = view.official;
  PageView v(ctx, Text("public.publication.title", {{"name", o.full_name}}),
             "features/public/templates/publication_form.tpl");
  auto& b = v.body();
  const bool self = ctx.user && ctx.user->official_id == o.id;
  b.SetValue("BACK_URL", self ? "/dashboard" : "/officials/" + std::to_string(o.id));
  b.SetValue("BACK_LABEL",
             Text(self ? "public.publication.back_self" : "public.publication.back", {{"name", o.full_name}}));
  b.SetValue("FULL_NAME", o.full_name);
  b.SetValue("UNIT_NAME", o.unit_name);
  b.SetValue("DIRECTORY_URL", "/xa/" + http::UrlEncode(o.unit_code) + "/danh-ba");
  b.SetValue("POSITION", o.position.empty() ? Text("public.publication.empty") : o.position);
  b.SetValue("PHONE", o.phone.empty() ? Text("public.publication.empty") : o.phone);
  b.SetValue("EMAIL", o.email.empty() ? Text("public.publication.empty") : o.email);
  b.SetValue("ACTION", "/officials/" + std::to_string(o.id) + "/cong-khai");
  b.SetIntValue("ID", o.id);
  if (shown.listed) b.ShowSection("LISTED_ON");
  if (shown.position) b.ShowSection("POSITION_ON");
  if (shown.phone) b.ShowSection("PHONE_ON");
  if (shown.email) b.ShowSection("EMAIL_ON");
  if (shown.hours) b.ShowSection("HOURS_ON");
  if (shown.photo) b.ShowSection("PHOTO_ON");
  b.SetValue("HOURS_TEXT", shown.hours_text);
  b.SetValue("SORT_ORDER", sort_order);
  if (error) {
    v.ShowErrors(*error);
    return v.render(400);
  }
  v.ShowDone("public.publication.done.", {{"name", o.full_name}});
  return v.render();
}

int64_t OfficialIdParam(const Context& ctx) {
  const auto id = ctx.req.id_param("id");
  if (!id) throw NotFound("org.official_not_found");
  return *id;
}

// ---- live figures ----

// "80,0 %" or, below the minimum volume, "Chưa đủ số liệu".
std::string ShareText(int64_t count, int64_t total) {
  const auto share = stats::WilsonShare(count, total);
  if (share.too_few) return Text("public.figures.too_few");
  return desk::FormatPercent(share.value);
}

std::string MonthText(const std::string& today) { return today.substr(5, 2) + "/" + today.substr(0, 4); }

Response RenderFigures(Context& ctx, Portal& portal) {
  const auto f = portal.FiguresOf(ctx.req.params.at("code"));
  PageView v(ctx, Text("public.figures.title", {{"place", f.place.name}}), "features/public/templates/figures.tpl");
  auto& b = v.body();
  PortalHeader(v, f.place, KioskAsked(ctx));
  Describe(v, Text("public.figures.description", {{"place", f.place.name}}));
  b.SetValue("TODAY", DisplayDate(f.today));
  b.SetValue("MONTH", MonthText(f.today));
  b.SetValue("YEAR", f.today.substr(0, 4));
  b.SetValue("MINIMUM", std::to_string(stats::kDefaultMinimumAnswers));
  for (const auto& [prefix, line] : {std::pair{"M_", &f.this_month}, std::pair{"Y_", &f.this_year}}) {
    const std::string p = prefix;
    b.SetValue(p + "RECEIVED", desk::FormatCount(line->received));
    b.SetValue(p + "RESOLVED", desk::FormatCount(line->resolved));
    b.SetValue(p + "ON_TIME", ShareText(line->resolved_on_time, line->resolved));
    b.SetValue(p + "RATINGS", desk::FormatCount(line->ratings));
    b.SetValue(p + "SATISFIED", ShareText(line->satisfied, line->ratings));
    b.SetValue(p + "ANSWERED", desk::FormatCount(line->answered));
    b.SetValue(p + "ANSWERED_ON_TIME", ShareText(line->answered_on_time, line->answered));
  }
  return v.render();
}

// A share for open data: the fraction, or null below the minimum volume.
boost::json::value ShareJson(int64_t count, int64_t total) {
  const auto share = stats::WilsonShare(count, total);
  if (share.too_few) return nullptr;
  return share.value;
}
std::string ShareCsv(int64_t count, int64_t total) {
  const auto share = stats::WilsonShare(count, total);
  if (share.too_few) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", share.value);
  return buf;
}

Response FiguresCsv(Context& ctx, Portal& portal) {
  const auto f = portal.FiguresOf(ctx.req.params.at("code"));
  std::string out = "# " +
                    Text("public.open_data.figures_licence_line",
                         {{"place", f.place.name}, {"minimum", std::to_string(stats::kDefaultMinimumAnswers)}}) +
                    "\n";
  out +=
      "month,received,resolved,resolved_on_time,on_time_share,ratings,satisfied,satisfied_share,"
      "feedback_answered,feedback_answered_on_time,feedback_on_time_share\n";
  for (const auto& m : f.months)
    out += m.key + "," + std::to_string(m.received) + "," + std::to_string(m.resolved) + "," +
           std::to_string(m.resolved_on_time) + "," + ShareCsv(m.resolved_on_time, m.resolved) + "," +
           std::to_string(m.ratings) + "," + std::to_string(m.satisfied) + "," + ShareCsv(m.satisfied, m.ratings) +
           "," + std::to_string(m.answered) + "," + std::to_string(m.answered_on_time) + "," +
           ShareCsv(m.answered_on_time, m.answered) + "\n";
  auto r = Response::InlineFile(std::move(out), "text/csv; charset=utf-8", "so-lieu-" + f.place.code + ".csv");
  r.set_header("Link", "<" + Text("public.open_data.licence_url") + ">; rel=\"license\"");
  return Cacheable(ctx, std::move(r));
}

Response FiguresJson(Context& ctx, Portal& portal) {
  const auto f = portal.FiguresOf(ctx.req.params.at("code"));
  boost::json::array months;
  for (const auto& m : f.months)
    months.push_back({{"month", m.key},
                      {"received", m.received},
                      {"resolved", m.resolved},
                      {"resolved_on_time", m.resolved_on_time},
                      {"on_time_share", ShareJson(m.resolved_on_time, m.resolved)},
                      {"ratings", m.ratings},
                      {"satisfied", m.satisfied},
                      {"satisfied_share", ShareJson(m.satisfied, m.ratings)},
                      {"feedback_answered", m.answered},
                      {"feedback_answered_on_time", m.answered_on_time},
                      {"feedback_on_time_share", ShareJson(m.answered_on_time, m.answered)}});
  boost::json::object o{
      {"licence", Text("public.open_data.figures_licence_line",
                       {{"place", f.place.name}, {"minimum", std::to_string(stats::kDefaultMinimumAnswers)}})},
      {"licence_url", Text("public.open_data.licence_url")},
      {"unit", {{"code", f.place.code}, {"name", f.place.name}}},
      {"as_of", f.today},
      {"minimum_volume", stats::kDefaultMinimumAnswers},
      {"months", std::move(months)}};
  auto r = http::Json(200, o);
  r.set_header("Link", "<" + Text("public.open_data.licence_url") + ">; rel=\"license\"");
  return Cacheable(ctx, std::move(r));
}

// The kiosk's start page: search and three large choices.
Response KioskPage(Context& ctx, Service& places) {
  auto place = places.Find(ctx.req.params.at("code"));
  if (!place || StatusOn(*place, TodayLocalIso()) == PlaceStatus::kEnded) throw NotFound("public.place_not_found");
  PageView v(ctx, Text("public.kiosk.title", {{"place", place->name}}), "features/public/templates/kiosk.tpl");
  PortalHeader(v, *place, true);
  return Cacheable(ctx, v.render());
}

// ---- sitemaps (sitemaps.org 0.9): an index of one sitemap per place ----

Response Xml(Context& ctx, std::string body) {
  return Cacheable(ctx, Response::Text(200, std::move(body), "application/xml; charset=utf-8"));
}

Response SitemapIndex(Context& ctx, Service& places) {
  const std::string base = render::Site().public_url;
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& p : places.InForce())
    out += "  <sitemap><loc>" + text::XmlEscape(base + PlaceUrl(p) + "/sitemap.xml") + "</loc></sitemap>\n";
  out += "</sitemapindex>\n";
  return Xml(ctx, std::move(out));
}

Response PlaceSitemap(Context& ctx, Portal& portal) {
  const auto pc = portal.CatalogueOf(ctx.req.params.at("code"));
  const std::string base = render::Site().public_url;
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  auto url = [&](const std::string& path) { out += "  <url><loc>" + text::XmlEscape(base + path) + "</loc></url>\n"; };
  url(PlaceUrl(pc.place));
  url(PlaceUrl(pc.place) + "/thu-tuc");
  for (const auto& p : pc.catalogue->all()) url(ProcedureUrl(pc.place, p));
  url(PlaceUrl(pc.place) + "/danh-ba");
  url(PlaceUrl(pc.place) + "/so-lieu");
  out += "</urlset>\n";
  return Xml(ctx, std::move(out));
}

}  // namespace

void RegisterPortalPages(http::App& app, const std::shared_ptr<Portal>& portal, Service& places,
                         calendar::Service& calendar) {
  auto& pt = *portal;
  // The rendered anonymous pages (page_cache.h); the routes below hold it.
  auto cache = std::make_shared<PageCache>();
  auto& pc = *cache;
  app.page("GET", "/sitemap.xml", http::Access::kPublic,
           [portal, &places](Context& ctx) { return SitemapIndex(ctx, places); });
  app.page("GET", "/xa/{code}/kiosk", http::Access::kPublic,
           [portal, &places](Context& ctx) { return KioskPage(ctx, places); });
  app.page("GET", "/xa/{code}/sitemap.xml", http::Access::kPublic,
           [portal, &pt](Context& ctx) { return PlaceSitemap(ctx, pt); });
  app.page("GET", "/xa/{code}/thu-tuc", http::Access::kPublic,
           [portal, &pt, &places, cache, &pc](Context& ctx) { return CataloguePage(ctx, pt, places, pc); });
  app.page("GET", "/xa/{code}/thu-tuc.csv", http::Access::kPublic,
           [portal, &pt](Context& ctx) { return CatalogueCsv(ctx, pt); });
  app.page("GET", "/xa/{code}/thu-tuc.json", http::Access::kPublic,
           [portal, &pt](Context& ctx) { return CatalogueJson(ctx, pt); });
  // Before the procedure's page: "ap-phich.pdf" would match {procedure}.
  app.page("GET", "/xa/{code}/thu-tuc/ap-phich.pdf", http::Access::kPublic,
           [portal, &pt](Context& ctx) { return PosterResponse(ctx, pt); });
  app.page("GET", "/xa/{code}/thu-tuc/{procedure}", http::Access::kPublic,
           [portal, &pt, &places, &calendar, cache, &pc](Context& ctx) {
             return ProcedurePage(ctx, pt, places, calendar, pc);
           });
  app.page("GET", "/xa/{code}/so-lieu", http::Access::kPublic, [portal, &pt, &places, cache, &pc](Context& ctx) {
    return pc.Serve(ctx, {places.Index()}, [&] { return RenderFigures(ctx, pt); });
  });
  app.page("GET", "/xa/{code}/so-lieu.csv", http::Access::kPublic,
           [portal, &pt](Context& ctx) { return FiguresCsv(ctx, pt); });
  app.page("GET", "/xa/{code}/so-lieu.json", http::Access::kPublic,
           [portal, &pt](Context& ctx) { return FiguresJson(ctx, pt); });
  app.page("GET", "/xa/{code}/danh-ba", http::Access::kPublic, [portal, &pt, &places, cache, &pc](Context& ctx) {
    return pc.Serve(ctx, {places.Index()}, [&] { return RenderDirectory(ctx, pt); });
  });
  app.page("GET", "/anh-can-bo/{id}", http::Access::kPublic,
           [portal, &pt](Context& ctx) { return org::PhotoResponse(ctx, pt.PublicPhoto(OfficialIdParam(ctx)), true); });
  app.page("GET", "/officials/{id}/cong-khai", http::Access::kUser, [portal, &pt](Context& ctx) {
    const auto view = pt.GetPublication(*ctx.user, OfficialIdParam(ctx));
    return PublicationForm(ctx, view, view.publication, std::to_string(view.publication.sort_order), nullptr);
  });
  app.page("POST", "/officials/{id}/cong-khai", http::Access::kUser, [portal, &pt, cache, &pc](Context& ctx) {
    const int64_t id = OfficialIdParam(ctx);
    const auto form = ctx.req.form();
    PublicationInput in;
    in.listed = http::FormValue(form, "listed") == "1";
    in.position = http::FormValue(form, "position") == "1";
    in.phone = http::FormValue(form, "phone") == "1";
    in.email = http::FormValue(form, "email") == "1";
    in.hours = http::FormValue(form, "hours") == "1";
    in.photo = http::FormValue(form, "photo") == "1";
    in.hours_text = http::FormValue(form, "hours_text");
    in.sort_order = http::FormValue(form, "sort_order");
    try {
      pt.SetPublication(*ctx.user, id, in);
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      const auto view = pt.GetPublication(*ctx.user, id);
      Publication typed;
      typed.listed = in.listed;
      typed.position = in.position;
      typed.phone = in.phone;
      typed.email = in.email;
      typed.hours = in.hours;
      typed.photo = in.photo;
      typed.hours_text = in.hours_text;
      return PublicationForm(ctx, view, typed, in.sort_order, &e);
    }
    pc.Invalidate();  // the directory shows it at once
    return Response::Redirect("/officials/" + std::to_string(id) + "/cong-khai?done=saved");
  });
}

}  // namespace fg::pub
