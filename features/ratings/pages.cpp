// The ratings' pages. Citizens (no login): the rating page of an official's QR
// card (/danh-gia/can-bo/{token}), of a dossier's signed link
// (/danh-gia/ho-so?t=), the thanks (/danh-gia/cam-on). The desk tablet:
// /kiosk (pairing, then the faces; kiosk.js adds polling and the offline
// queue). Officials: the report (/desk/ratings, .csv, .xlsx), the tablets
// (/desk/ratings/devices), the review list, "Mời đánh giá", the QR cards.
#include <fstream>
#include <memory>
#include <sstream>

#include "features/org/routes.h"
#include "features/ratings/chart.h"
#include "features/ratings/routes.h"
#include "features/ratings/rules.h"
#include "features/ratings/web.h"
#include "platform/async/pool.h"
#include "platform/auth/crypto.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/render/pdf.h"
#include "platform/render/qr.h"
#include "platform/render/xlsx.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::ratings {
namespace {

using http::Context;
using http::FormValue;
using http::Response;
using render::PageView;
using render::Text;

// A face per level, drawn (no emoji font needed): the mouth from a wide smile to a frown.
constexpr const char* kMouths[] = {"M13 29 Q24 43 35 29", "M15 31 Q24 38 33 31", "M15 33 L33 33", "M15 35 Q24 29 33 35",
                                   "M13 37 Q24 26 35 37"};
std::string FaceSvg(int level) {
  return std::string(
             "<svg viewBox=\"0 0 48 48\" width=\"48\" height=\"48\" focusable=\"false\">"
             "<circle cx=\"24\" cy=\"24\" r=\"21\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"3\"/>"
             "<circle cx=\"17\" cy=\"19\" r=\"3\" fill=\"currentColor\"/>"
             "<circle cx=\"31\" cy=\"19\" r=\"3\" fill=\"currentColor\"/><path d=\"") +
         kMouths[level] +
         "\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"3\" stroke-linecap=\"round\"/></svg>";
}

std::string LevelLabel(const std::string& level) { return Text("ratings.level." + level); }

// The level buttons or radios of a scale.
void Levels(ctemplate::TemplateDictionary& b, int scale, const std::string& selected) {
  for (const auto& level : LevelsOf(scale)) {
    auto* d = b.AddSectionDictionary("LEVEL");
    d->SetValue("VALUE", level);
    d->SetValue("LABEL", LevelLabel(level));
    d->SetValue("FACE", FaceSvg(LevelIndex(level)));
    if (AsksReasons(level)) d->ShowSection("ASKS_REASONS");
    if (level == selected) d->SetValue("CHECKED", "checked");
  }
}
void Reasons(ctemplate::TemplateDictionary& b, const std::vector<std::string>& selected) {
  for (const char* r : kReasons) {
    auto* d = b.AddSectionDictionary("REASON");
    d->SetValue("VALUE", r);
    d->SetValue("LABEL", Text(std::string("ratings.reason.") + r));
    if (std::find(selected.begin(), selected.end(), r) != selected.end()) d->SetValue("CHECKED", "checked");
  }
}

RatingInput FromForm(const Context& ctx) {
  RatingInput in;
  const auto& all = ctx.req.form_all();
  auto one = [&](const char* k) {
    auto it = all.find(k);
    return it == all.end() ? std::string() : it->second;
  };
  in.level = one("level");
  for (auto [it, end] = all.equal_range("reasons"); it != end; ++it) in.reasons.push_back(it->second);
  in.comment = one("comment");
  in.client_key = one("client_key");
  in.dossier_code = one("dossier_code");
  return in;
}

// ---- the citizen's form (QR card and signed link) ----

struct RateView {
  std::string title;  // the official or the dossier
  std::string subtitle;
  std::string action;        // where the form posts
  std::string link_token;    // hidden, for the signed link
  bool ask_dossier = false;  // the QR page offers the dossier code
  int scale = 3;
};

Response RateForm(Context& ctx, const RateView& rv, const RatingInput& in, const AppError* error, int status) {
  PageView v(ctx, Text("ratings.title.rate"), "features/ratings/templates/rate.tpl");
  v.AddStylesheet("/danh-gia/ratings.css");
  if (error) v.ShowErrors(*error);
  auto& b = v.body();
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  b.SetValue("HEADING", rv.title);
  b.SetValue("SUBTITLE", rv.subtitle);
  b.SetValue("ACTION", rv.action);
  if (!rv.link_token.empty()) b.SetValueAndShowSection("LINK_TOKEN", rv.link_token, "HAS_LINK_TOKEN");
  if (rv.ask_dossier) b.SetValueAndShowSection("DOSSIER_CODE", in.dossier_code, "ASK_DOSSIER");
  b.SetValue("COMMENT", in.comment);
  b.SetValue("CLIENT_KEY", in.client_key.empty() ? auth::RandomToken(12) : in.client_key);
  Levels(b, rv.scale, in.level);
  Reasons(b, in.reasons);
  return v.render(status);
}

Response Submitted(Context& ctx, Service& svc, const RatingInput& in, const RateView& rv) {
  try {
    svc.Submit(in, SenderOf(ctx));
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    return RateForm(ctx, rv, in, &e, http::StatusOf(e.kind()));
  }
  return Response::Redirect("/danh-gia/cam-on");
}

RateView OfficialView(const Service::OfficialCard& o, const std::string& token) {
  RateView rv;
  rv.title = o.name;
  rv.subtitle = (o.position.empty() ? "" : o.position + " · ") + o.unit_name;
  rv.action = "/danh-gia/can-bo/" + http::UrlEncode(token);
  rv.ask_dossier = true;
  rv.scale = o.settings.scale;
  return rv;
}

RateView LinkView(const Service::LinkTarget& t, const std::string& token) {
  RateView rv;
  rv.title = Text("ratings.link_heading", {{"code", t.code}});
  rv.subtitle = t.procedure_name + (t.official_name.empty() ? "" : " · " + t.official_name) + " · " + t.unit_name;
  rv.action = "/danh-gia/ho-so";
  rv.link_token = token;
  rv.scale = t.settings.scale;
  return rv;
}

// ---- the tablet ----

Response KioskPair(Context& ctx, const AppError* error, const std::string& code, int status) {
  PageView v(ctx, Text("ratings.title.kiosk_pair"), "features/ratings/templates/kiosk_pair.tpl");
  v.AddStylesheet("/danh-gia/ratings.css");
  if (error) v.ShowErrors(*error);
  v.body().SetValue("CSRF_TOKEN", ctx.csrf_token);
  v.body().SetValue("CODE", code);
  return v.render(status);
}

Response KioskPage(Context& ctx, Service& svc, const std::string& token) {
  const KioskState s = svc.KioskStateOf(token);
  PageView v(ctx, Text("ratings.title.kiosk"), "features/ratings/templates/kiosk.tpl");
  v.AddStylesheet("/danh-gia/ratings.css");
  auto& b = v.body();
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  b.SetValue("OFFICIAL", s.official_name);
  b.SetValue("UNIT", s.unit_name);
  b.SetValue("RESET_SECONDS", std::to_string(s.settings.reset_seconds));
  b.ShowSection(ctx.req.query_param("done") == "thanks" ? "FORM_HIDDEN" : "THANKS_HIDDEN");
  b.SetValue("CLIENT_KEY", auth::RandomToken(12));
  Levels(b, s.settings.scale, "");
  Reasons(b, {});
  if (s.dossier_id) {
    b.SetValue("DOSSIER_ID", std::to_string(*s.dossier_id));
    auto* d = b.AddSectionDictionary("HAS_DOSSIER");
    d->SetValue("CODE", s.dossier_code);
    d->SetValue("PROCEDURE", s.procedure_name);
    d->SetValue("OFFICIAL", s.official_name);
    if (!s.official_photo_version.empty())
      d->SetValueAndShowSection("PHOTO_URL", "/kiosk/anh-can-bo?v=" + s.official_photo_version, "HAS_PHOTO");
  } else {
    b.ShowSection("WAITING");
  }
  return v.render();
}

// ---- officials ----

void UnitOptions(ctemplate::TemplateDictionary& b, const auth::Principal& p, const std::string& selected) {
  std::vector<std::string> seen;
  for (const auto& g : p.grants) {
    if (std::find(seen.begin(), seen.end(), g.unit_code) != seen.end()) continue;
    seen.push_back(g.unit_code);
    auto* o = b.AddSectionDictionary("UNIT_OPTION");
    o->SetValue("VALUE", g.unit_code);
    o->SetValue("LABEL", g.unit_name);
    if (g.unit_code == selected) o->SetValue("SELECTED", "selected");
  }
}

ReportQuery QueryOf(const Context& ctx) {
  ReportQuery q;
  q.unit_code = ctx.req.query_param("unit");
  auto form = ctx.req.form();
  std::map<std::string, std::string> params;
  for (const char* k : {"from", "from_day", "from_month", "from_year", "to", "to_day", "to_month", "to_year"})
    if (ctx.req.has_query_param(k)) params[k] = ctx.req.query_param(k);
  q.from = render::DateFromForm(params, "from");
  q.to = render::DateFromForm(params, "to");
  if (!ctx.req.query_param("by").empty()) q.by = ctx.req.query_param("by");
  if (auto m = http::ParseInt64(ctx.req.query_param("min")); m && *m > 0) q.minimum = *m;
  return q;
}

std::string LineLabel(const ReportLine& l) { return l.label.empty() ? Text("ratings.no_procedure") : l.label; }

std::string Pct(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v * 100);
  std::string s = buf;
  for (auto& c : s)
    if (c == '.') c = ',';
  return s + " %";
}

std::string QueryString(const ReportQuery& q) {
  return "unit=" + http::UrlEncode(q.unit_code) + "&from=" + q.from + "&to=" + q.to + "&by=" + q.by +
         "&min=" + std::to_string(q.minimum);
}

std::vector<std::string> LevelLabels() {
  std::vector<std::string> out;
  for (const char* l : kLevels) out.push_back(LevelLabel(l));
  return out;
}

Response ReportPage(Context& ctx, Service& svc) {
  PageView v(ctx, Text("ratings.title.report"), "features/ratings/templates/report.tpl");
  v.AddStylesheet("/danh-gia/ratings.css");
  ReportQuery q = QueryOf(ctx);
  auto& b = v.body();
  int status = 200;
  std::optional<Report> rep;
  try {
    rep = svc.ReportOf(*ctx.user, q);
    q = rep->query;
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    v.ShowErrors(e);
    status = 400;
  }
  UnitOptions(b, *ctx.user, q.unit_code);
  for (const char* by : {"official", "unit", "procedure", "month"}) {
    auto* o = b.AddSectionDictionary("BY_OPTION");
    o->SetValue("VALUE", by);
    o->SetValue("LABEL", Text(std::string("ratings.by.") + by));
    if (q.by == by) o->SetValue("SELECTED", "selected");
  }
  b.SetValue("MIN", std::to_string(q.minimum));
  v.DateInput("FROM", "from", Text("ratings.field_from"), "", q.from);
  v.DateInput("TO", "to", Text("ratings.field_to"), "", q.to);
  if (rep) {
    auto* r = b.AddSectionDictionary("HAS_REPORT");
    r->SetValue("HEADING", Text("ratings.report_heading",
                                {{"unit", rep->unit_name}, {"from", DisplayDate(q.from)}, {"to", DisplayDate(q.to)}}));
    r->SetValue("CHART", ReportChartSvg(rep->lines, LevelLabels(), Text("ratings.chart_title"),
                                        Text("ratings.chart_desc"), Text("ratings.chart_empty")));
    r->SetValue("MINIMUM", std::to_string(q.minimum));
    auto add = [&](const ReportLine& l, const char* section) {
      auto* d = r->AddSectionDictionary(section);
      d->SetValue("LABEL", LineLabel(l));
      d->SetValue("TOTAL", std::to_string(l.total));
      for (int i = 0; i < 5; ++i) d->SetValue("N" + std::to_string(i), std::to_string(l.counts[i]));
      if (l.total > 0) {
        d->SetValue("SHARE", Pct(l.satisfied.value));
        d->SetValue("LOW", Pct(l.satisfied.low));
        d->SetValue("HIGH", Pct(l.satisfied.high));
        if (l.satisfied.too_few) d->ShowSection("TOO_FEW");
        d->ShowSection("HAS_SHARE");
      } else {
        d->ShowSection("NO_SHARE");
      }
    };
    for (const auto& l : rep->lines) add(l, "LINE");
    add(rep->total, "TOTAL_LINE");
    for (int i = 0; i < 5; ++i) {
      auto* d = r->AddSectionDictionary("REASON_LINE");
      d->SetValue("LABEL", Text(std::string("ratings.reason.") + kReasons[i]));
      d->SetValue("N", std::to_string(rep->total.reasons[i]));
    }
    r->SetValue("CSV_URL", "/desk/ratings.csv?" + QueryString(q));
    r->SetValue("XLSX_URL", "/desk/ratings.xlsx?" + QueryString(q));
  }
  return v.render(status);
}

std::string Csv(const Report& rep) {
  std::string out = "\xEF\xBB\xBF" + Text("ratings.csv_header") + "\r\n";
  auto line = [&](const ReportLine& l, const std::string& label) {
    out += text::CsvField(label) + "," + std::to_string(l.total);
    for (int i = 0; i < 5; ++i) out += "," + std::to_string(l.counts[i]);
    char buf[96];
    std::snprintf(buf, sizeof buf, ",%.1f,%.1f,%.1f,%s", l.satisfied.value * 100, l.satisfied.low * 100,
                  l.satisfied.high * 100, l.satisfied.too_few ? "x" : "");
    out += std::string(buf) + "\r\n";
  };
  for (const auto& l : rep.lines) line(l, LineLabel(l));
  line(rep.total, Text("ratings.total"));
  return out;
}

render::xlsx::Sheet Xlsx(const Report& rep) {
  using render::xlsx::Cell;
  render::xlsx::Sheet s;
  s.name = Text("ratings.sheet_name");
  s.title = Text("ratings.report_heading",
                 {{"unit", rep.unit_name}, {"from", DisplayDate(rep.query.from)}, {"to", DisplayDate(rep.query.to)}});
  s.subtitles.push_back(Text("ratings.sheet_note", {{"min", std::to_string(rep.query.minimum)}}));
  std::string header = Text("ratings.csv_header");
  std::stringstream ss(header);
  for (std::string col; std::getline(ss, col, ',');) s.columns.push_back({col, s.columns.empty() ? 32.0 : 12.0});
  auto line = [&](const ReportLine& l, const std::string& label, bool bold) {
    std::vector<Cell> row{Cell::Text(label, bold), Cell::Number(static_cast<double>(l.total))};
    for (int i = 0; i < 5; ++i) row.push_back(Cell::Number(static_cast<double>(l.counts[i])));
    for (double v : {l.satisfied.value, l.satisfied.low, l.satisfied.high}) row.push_back(Cell::Number(v, "0.0%"));
    row.push_back(Cell::Text(l.satisfied.too_few ? Text("ratings.too_few") : ""));
    s.rows.push_back(std::move(row));
  };
  for (const auto& l : rep.lines) line(l, LineLabel(l), false);
  line(rep.total, Text("ratings.total"), true);
  return s;
}

Response DevicesPage(Context& ctx, Service& svc, const Service::Pairing* created, const AppError* error,
                     const std::string& name) {
  PageView v(ctx, Text("ratings.title.devices"), "features/ratings/templates/devices.tpl");
  v.ShowDone("ratings.done.");
  if (error) v.ShowErrors(*error);
  const std::string unit = ctx.req.query_param("unit");
  auto& b = v.body();
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  b.SetValue("NAME", name);
  UnitOptions(b, *ctx.user, unit);
  if (created) {
    auto* d = b.AddSectionDictionary("CREATED");
    d->SetValue("CODE", created->code);
    d->SetValue("NAME", created->device.name);
    d->SetValue("EXPIRES", FormatLocal(created->device.pairing_expires));
  }
  const auto devices = svc.Devices(*ctx.user, unit);
  if (devices.empty())
    b.ShowSection("NO_DEVICES");
  else
    b.ShowSection("HAS_DEVICES");
  for (const auto& d : devices) {
    auto* r = b.AddSectionDictionary("DEVICE");
    r->SetValue("ID", std::to_string(d.id));
    r->SetValue("NAME", d.name);
    r->SetValue("OFFICIAL", d.official_name);
    r->SetValue("CREATED", FormatLocal(d.created_at));
    r->SetValue("STATE", !d.revoked_at.empty() ? Text("ratings.device_revoked", {{"at", FormatLocal(d.revoked_at)}})
                         : d.paired()          ? Text("ratings.device_paired", {{"at", FormatLocal(d.paired_at)}})
                                               : Text("ratings.device_waiting"));
    if (d.revoked_at.empty()) r->ShowSection("REVOCABLE");
  }
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

Response ReviewPage(Context& ctx, Service& svc) {
  PageView v(ctx, Text("ratings.title.review"), "features/ratings/templates/review.tpl");
  v.ShowDone("ratings.done.");
  const std::string unit = ctx.req.query_param("unit");
  auto& b = v.body();
  UnitOptions(b, *ctx.user, unit);
  const auto items = svc.Flagged(*ctx.user, unit);
  if (items.empty())
    b.ShowSection("EMPTY");
  else
    b.ShowSection("HAS_ITEMS");
  for (const auto& r : items) {
    auto* d = b.AddSectionDictionary("ITEM");
    d->SetValue("ID", std::to_string(r.id));
    d->SetValue("AT", FormatLocal(r.at));
    d->SetValue("OFFICIAL", r.official_name);
    d->SetValue("LEVEL", LevelLabel(r.level));
    d->SetValue("FLAG", Text("ratings.flag." + r.flag));
    d->SetValue("COMMENT", r.comment.empty() ? "—" : r.comment);
    d->SetValue("CSRF_TOKEN", ctx.csrf_token);
  }
  return v.render();
}

// The unit's scale, pause and link lifetime; `typed` is what the form sent back with its errors.
Response SettingsPage(Context& ctx, Service& svc, const Settings* typed, const AppError* error) {
  const Service::UnitSettings us = svc.GetSettings(*ctx.user, ctx.req.query_param("unit"));
  PageView v(ctx, Text("ratings.title.settings"), "features/ratings/templates/settings.tpl");
  v.ShowDone("ratings.done.");
  if (error) v.ShowErrors(*error);
  auto& b = v.body();
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  b.SetValue("ACTION", "/desk/ratings/settings?unit=" + http::UrlEncode(us.unit_code));
  UnitOptions(b, *ctx.user, us.unit_code);
  const Settings& shown = typed ? *typed : us.settings;
  auto scale_text = [](int scale) {
    std::string levels;
    for (const auto& l : LevelsOf(scale)) levels += (levels.empty() ? "" : ", ") + Text("ratings.level." + l);
    return Text("ratings.scale_option", {{"n", std::to_string(scale)}, {"levels", levels}});
  };
  for (int scale : {3, 4, 5}) {
    auto* o = b.AddSectionDictionary("SCALE_OPTION");
    o->SetIntValue("VALUE", scale);
    o->SetValue("LABEL", scale_text(scale));
    if (scale == shown.scale) o->SetValue("CHECKED", "checked");
  }
  b.SetValue("SCALE_TEXT", scale_text(us.settings.scale));
  // A number the form could not read is shown back as empty, with its error.
  auto number = [](int v) { return v < 0 ? std::string() : std::to_string(v); };
  b.SetValue("RESET_SECONDS", number(shown.reset_seconds));
  b.SetValue("LINK_DAYS", number(shown.link_days));
  b.ShowSection(us.may_edit ? "CAN_SAVE" : "READ_ONLY");
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

Response InvitePage(Context& ctx, const std::string& code, const AppError* error) {
  PageView v(ctx, Text("ratings.title.invite"), "features/ratings/templates/invite.tpl");
  v.ShowDone("ratings.done.", {{"code", ctx.req.query_param("code")}});
  if (error) v.ShowErrors(*error);
  v.body().SetValue("CSRF_TOKEN", ctx.csrf_token);
  v.body().SetValue("DOSSIER", code);
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

std::string CardUrl(const std::string& public_url, const Service::OfficialCard& c) {
  return public_url + "/danh-gia/can-bo/" + c.token;
}

// Cards on A4 sheets, four A6 cards a sheet (two by two) with cut lines.
std::string CardsPdf(const std::vector<Service::OfficialCard>& cards, const std::string& base) {
  namespace pdf = render::pdf;
  std::vector<render::qr::Matrix> codes;
  codes.reserve(cards.size());
  for (const auto& c : cards) codes.push_back(render::qr::Encode(CardUrl(base, c)));
  return pdf::Render(pdf::Paper::kA4, Text("ratings.title.cards"), [&](pdf::Document& doc) {
    pdf::Table t;
    t.widths = {1, 1};
    t.size = 11;
    t.padding = 10;
    t.before = 0;
    for (size_t i = 0; i < cards.size(); i += 2) {
      std::vector<pdf::Cell> row;
      for (size_t j = i; j < i + 2; ++j) {
        if (j >= cards.size()) {
          row.push_back({""});
          continue;
        }
        const auto& c = cards[j];
        pdf::Cell cell;
        cell.align = pdf::Align::kCenter;
        cell.markup = "<b>" + pdf::Escape(Text("ratings.card_prompt")) + "</b>\n\n<span size=\"larger\"><b>" +
                      pdf::Escape(c.name) + "</b></span>\n" + pdf::Escape(c.position) + "\n" +
                      pdf::Escape(c.unit_name) + "\n\n" + pdf::Escape(Text("ratings.card_hint"));
        cell.qr = &codes[j];
        cell.qr_size = 150;
        row.push_back(std::move(cell));
      }
      t.rows.push_back(std::move(row));
    }
    doc.Table(t);
  });
}

// The address citizens use (configuration key public_url), printed on the cards.
std::string PublicBase(const Context&) { return render::Site().public_url; }

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

void RegisterPages(http::App& app, const std::shared_ptr<Service>& svc) {
  // ---- static files of the tablet and the rating pages ----
  for (auto [name, type] :
       {std::pair{"kiosk.js", "text/javascript; charset=utf-8"}, std::pair{"ratings.css", "text/css; charset=utf-8"}}) {
    const std::string body = ReadFile(app.assets_dir() + "/features/ratings/static/" + name);
    const std::string content_type = type;
    app.page("GET", std::string("/danh-gia/") + name, http::Access::kPublic, [body, content_type](Context&) {
      auto r = Response::Text(200, body, content_type);
      r.set_header("Cache-Control", "public, max-age=300");
      return r;
    });
  }

  // ---- citizens ----
  app.page("GET", "/danh-gia/can-bo/{token}", http::Access::kPublic, [svc](Context& ctx) {
    const std::string token = ctx.req.params.at("token");
    const auto o = svc->OfficialOf(token);
    EnsureDeviceCookie(ctx);
    RatingInput in;
    in.dossier_code = ctx.req.query_param("ma");
    return RateForm(ctx, OfficialView(o, token), in, nullptr, 200);
  });
  app.page("POST", "/danh-gia/can-bo/{token}", http::Access::kPublic, [svc](Context& ctx) {
    const std::string token = ctx.req.params.at("token");
    const auto o = svc->OfficialOf(token);
    RatingInput in = FromForm(ctx);
    in.source = "qr";
    in.official_id = o.official_id;
    return Submitted(ctx, *svc, in, OfficialView(o, token));
  });
  app.page("GET", "/danh-gia/ho-so", http::Access::kPublic, [svc](Context& ctx) {
    const std::string token = ctx.req.query_param("t");
    const auto t = svc->LinkOf(token);
    return RateForm(ctx, LinkView(t, token), {}, nullptr, 200);
  });
  app.page("POST", "/danh-gia/ho-so", http::Access::kPublic, [svc](Context& ctx) {
    const std::string token = FormValue(ctx.req.form(), "t");
    const auto t = svc->LinkOf(token);
    RatingInput in = FromForm(ctx);
    in.source = "link";
    in.dossier_id = t.dossier_id;
    in.dossier_code.clear();
    return Submitted(ctx, *svc, in, LinkView(t, token));
  });
  app.page("GET", "/danh-gia/cam-on", http::Access::kPublic, [](Context& ctx) {
    PageView v(ctx, Text("ratings.title.thanks"), "features/ratings/templates/thanks.tpl");
    v.AddStylesheet("/danh-gia/ratings.css");
    return v.render();
  });

  // ---- the tablet ----
  app.page("GET", "/kiosk", http::Access::kPublic, [svc](Context& ctx) {
    const std::string token = ctx.req.cookie(kKioskCookie);
    if (token.empty()) return KioskPair(ctx, nullptr, "", 200);
    try {
      return KioskPage(ctx, *svc, token);
    } catch (const AppError& e) {
      if (e.kind() != ErrorKind::kUnauthorized) throw;
      ctx.set_cookies.push_back(http::SetCookieValue(kKioskCookie, "", {true, 0}));
      return KioskPair(ctx, nullptr, "", 200);
    }
  });
  // The paired official's photo, for the dossier line (private to the tablet).
  app.page("GET", "/kiosk/anh-can-bo", http::Access::kPublic, [svc](Context& ctx) {
    return org::PhotoResponse(ctx, svc->KioskPhoto(ctx.req.cookie(kKioskCookie)), false);
  });
  app.page("POST", "/kiosk/ghep-noi", http::Access::kPublic, [svc](Context& ctx) {
    const std::string code = FormValue(ctx.req.form(), "code");
    try {
      const std::string token = svc->Pair(code, ctx.req.remote_addr);
      ctx.set_cookies.push_back(http::SetCookieValue(kKioskCookie, token, {true, 400 * 24 * 3600}));
      return Response::Redirect("/kiosk");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return KioskPair(ctx, &e, code, 400);
    }
  });
  app.page("POST", "/kiosk/danh-gia", http::Access::kPublic, [svc](Context& ctx) {
    const Device d = svc->DeviceOfToken(ctx.req.cookie(kKioskCookie));
    RatingInput in = FromForm(ctx);
    in.source = "kiosk";
    in.official_id = d.official_id;
    in.device_id = d.id;
    in.dossier_id = http::ParseInt64(FormValue(ctx.req.form(), "dossier_id")).value_or(0);
    if (in.dossier_id < 0) in.dossier_id = 0;
    in.dossier_code.clear();
    try {
      svc->Submit(in, SenderOf(ctx));
    } catch (const AppError& e) {
      // Already rated (another channel, a double tap): the tablet simply moves on.
      if (e.kind() != ErrorKind::kConflict) throw;
    }
    return Response::Redirect("/kiosk?done=thanks");
  });

  // ---- officials ----
  app.page("GET", "/desk/ratings", http::Access::kUser, [svc](Context& ctx) { return ReportPage(ctx, *svc); });
  app.page("GET", "/desk/ratings.csv", http::Access::kUser, [svc](Context& ctx) {
    const Report rep = svc->ReportOf(*ctx.user, QueryOf(ctx));
    return Response::Attachment(Csv(rep), "text/csv; charset=utf-8", "danh-gia-" + rep.query.unit_code + ".csv");
  });
  app.page("GET", "/desk/ratings.xlsx", http::Access::kUser, [svc](Context& ctx) {
    const Report rep = svc->ReportOf(*ctx.user, QueryOf(ctx));
    const auto sheet = Xlsx(rep);
    return Response::Attachment(
        render::pdf::Pool(render::pdf::Lane::kExport).run([&] { return render::xlsx::Write(sheet); }),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "danh-gia-" + rep.query.unit_code + ".xlsx");
  });

  app.page("GET", "/desk/ratings/devices", http::Access::kUser,
           [svc](Context& ctx) { return DevicesPage(ctx, *svc, nullptr, nullptr, ""); });
  app.page("POST", "/desk/ratings/devices", http::Access::kUser, [svc](Context& ctx) {
    const auto form = ctx.req.form();
    const std::string name = FormValue(form, "name");
    try {
      auto created = svc->CreatePairing(*ctx.user, FormValue(form, "unit"), name);
      return DevicesPage(ctx, *svc, &created, nullptr, "");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return DevicesPage(ctx, *svc, nullptr, &e, name);
    }
  });
  app.page("GET", "/desk/ratings/devices/{id}/revoke", http::Access::kUser, [svc](Context& ctx) {
    const auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("ratings.device_not_found");
    svc->DeviceFor(*ctx.user, *id);  // no confirmation offered to someone who may not revoke it
    return render::ConfirmPage(ctx, Text("ratings.revoke_title"), Text("ratings.revoke_question"),
                               "/desk/ratings/devices/" + std::to_string(*id) + "/revoke",
                               Text("ratings.revoke_button"), "/desk/ratings/devices");
  });
  app.page("POST", "/desk/ratings/devices/{id}/revoke", http::Access::kUser, [svc](Context& ctx) {
    const auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("ratings.device_not_found");
    svc->Revoke(*ctx.user, *id);
    return Response::Redirect("/desk/ratings/devices?done=revoked");
  });

  app.page("GET", "/desk/ratings/review", http::Access::kUser, [svc](Context& ctx) { return ReviewPage(ctx, *svc); });
  app.page("POST", "/desk/ratings/review/{id}", http::Access::kUser, [svc](Context& ctx) {
    const auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("ratings.not_found");
    svc->Review(*ctx.user, *id);
    return Response::Redirect("/desk/ratings/review?done=reviewed");
  });

  app.page("GET", "/desk/ratings/settings", http::Access::kUser,
           [svc](Context& ctx) { return SettingsPage(ctx, *svc, nullptr, nullptr); });
  app.page("POST", "/desk/ratings/settings", http::Access::kUser, [svc](Context& ctx) {
    const auto form = ctx.req.form();
    auto number = [&](const char* name) { return SettingValue(http::ParseInt64(FormValue(form, name))); };
    Settings in;
    in.scale = number("scale");
    in.reset_seconds = number("reset_seconds");
    in.link_days = number("link_days");
    try {
      const auto saved = svc->PutSettings(*ctx.user, ctx.req.query_param("unit"), in);
      return Response::Redirect("/desk/ratings/settings?unit=" + http::UrlEncode(saved.unit_code) + "&done=settings");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return SettingsPage(ctx, *svc, &in, &e);
    }
  });

  app.page("GET", "/desk/ratings/invite", http::Access::kUser, [](Context& ctx) {
    // No form for someone who cannot invite (an evaluator only).
    if (!auth::HasRole(*ctx.user, auth::Role::kAdmin) && !auth::HasRole(*ctx.user, auth::Role::kLeader) &&
        !auth::HasRole(*ctx.user, auth::Role::kDesk) && !auth::HasRole(*ctx.user, auth::Role::kSpecialist))
      throw Forbidden();
    return InvitePage(ctx, ctx.req.query_param("dossier"), nullptr);
  });
  app.page("POST", "/desk/ratings/invite", http::Access::kUser, [svc](Context& ctx) {
    const std::string code = FormValue(ctx.req.form(), "dossier");
    try {
      svc->Invite(*ctx.user, code);
    } catch (const AppError& e) {
      if (!render::ShownInForm(e) && e.kind() != ErrorKind::kNotFound) throw;
      const AppError shown = e.kind() == ErrorKind::kNotFound ? BadInput(e.key(), "dossier") : WithField(e, "dossier");
      return InvitePage(ctx, code, &shown);
    }
    return Response::Redirect("/desk/ratings/invite?done=invited&code=" + http::UrlEncode(code));
  });

  app.page("GET", "/desk/ratings/cards", http::Access::kUser, [svc](Context& ctx) {
    PageView v(ctx, Text("ratings.title.cards"), "features/ratings/templates/cards.tpl");
    const std::string unit = ctx.req.query_param("unit");
    auto& b = v.body();
    UnitOptions(b, *ctx.user, unit);
    const auto cards = svc->Cards(*ctx.user, unit);
    b.SetValue("ALL_URL", "/desk/ratings/cards.pdf?unit=" + http::UrlEncode(unit));
    if (cards.empty())
      b.ShowSection("EMPTY");
    else
      b.ShowSection("HAS_CARDS");
    for (const auto& c : cards) {
      auto* d = b.AddSectionDictionary("CARD");
      d->SetValue("NAME", c.name);
      d->SetValue("POSITION", c.position.empty() ? "—" : c.position);
      d->SetValue("UNIT", c.unit_name);
      d->SetValue("PDF_URL", "/desk/ratings/cards/" + std::to_string(c.official_id) + ".pdf");
      d->SetValue("PAGE_URL", "/danh-gia/can-bo/" + c.token);
    }
    return v.render();
  });
  app.page("GET", "/desk/ratings/cards.pdf", http::Access::kUser, [svc](Context& ctx) {
    const auto cards = svc->Cards(*ctx.user, ctx.req.query_param("unit"));
    return Response::InlineFile(CardsPdf(cards, PublicBase(ctx)), "application/pdf", "the-danh-gia.pdf");
  });
  app.page("GET", "/desk/ratings/cards/{id}.pdf", http::Access::kUser, [svc](Context& ctx) {
    const auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("ratings.official_not_found");
    const auto card = svc->Card(*ctx.user, *id);
    return Response::InlineFile(CardsPdf({card}, PublicBase(ctx)), "application/pdf",
                                "the-danh-gia-" + std::to_string(*id) + ".pdf");
  });
}

}  // namespace fg::ratings
