// The letters' pages: the register (/thu) with batch printing, a letter with its
// print-ready view and PDF (/thu/{id}), a new letter (/thu/moi), a batch from
// CSV (/thu/nhap-csv), the templates with a live preview (/thu/mau), and the
// counts with a chart and a spreadsheet (/thu/thong-ke).
#include <algorithm>
#include <memory>

#include "features/letters/chart.h"
#include "features/letters/routes.h"
#include "features/letters/rules.h"
#include "platform/async/pool.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/render/xlsx.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::letters {
namespace {

using auth::Role;
using http::Context;
using http::Response;
using render::PageView;
using render::Text;

std::string TypeName(const std::string& t) { return Text("letters.type." + t); }
std::string Url(int64_t id) { return "/thu/" + std::to_string(id); }

bool MaySign(const auth::Principal& p, const std::string& path) {
  return auth::Covers(p, path, {Role::kAdmin, Role::kLeader});
}
bool MayWrite(const auth::Principal& p) {
  for (const auto& g : p.grants)
    if (g.role != Role::kEvaluator) return true;
  return false;
}

void TypeOptions(ctemplate::TemplateDictionary& b, const std::string& selected, const char* section = "TYPE_OPTION") {
  for (const auto& t : Types()) {
    auto* o = b.AddSectionDictionary(section);
    o->SetValue("VALUE", t);
    o->SetValue("LABEL", TypeName(t));
    if (t == selected) o->SetValue("SELECTED", "selected");
  }
}

// The units the caller works for (their grants), for the unit choices.
void UnitOptions(ctemplate::TemplateDictionary& b, const auth::Principal& p, const std::string& selected,
                 bool writers_only) {
  std::vector<std::string> seen;
  for (const auto& g : p.grants) {
    if (writers_only && g.role == Role::kEvaluator) continue;
    if (std::find(seen.begin(), seen.end(), g.unit_code) != seen.end()) continue;
    seen.push_back(g.unit_code);
    auto* o = b.AddSectionDictionary("UNIT_OPTION");
    o->SetValue("VALUE", g.unit_code);
    o->SetValue("LABEL", g.unit_name);
    if (g.unit_code == selected) o->SetValue("SELECTED", "selected");
  }
}

// The unit asked for, else the caller's first unit.
std::string UnitOr(const Context& ctx, const std::string& unit) {
  if (!unit.empty()) return unit;
  if (ctx.user->grants.empty()) throw Forbidden();
  return ctx.user->grants.front().unit_code;
}

std::string When(const std::string& utc) { return utc.empty() ? "—" : FormatLocal(utc); }

std::string NumberOf(const Letter& l) {
  return l.number ? std::to_string(*l.number) + "/" + std::to_string(*l.year) : "—";
}

// ---- the register ----

// `refused`: the batch print's error (no letter chosen ...), shown above the list.
Response RegisterPage(Context& ctx, Service& svc, const AppError* refused = nullptr) {
  PageView v(ctx, Text("letters.register_title"), "features/letters/templates/register.tpl");
  v.ShowDone("letters.done.", {{"count", ctx.req.query_param("count")}});
  if (refused) v.ShowErrors(*refused);
  LetterQuery q;
  q.unit_code = ctx.req.query_param("unit");
  q.type = ctx.req.query_param("type");
  q.state = ctx.req.query_param("state");
  if (auto c = http::ParseInt64(ctx.req.query_param("cursor")); c && *c > 0) q.after_id = *c;
  auto& b = v.body();
  int status = 200;
  LetterPage page;
  try {
    page = svc.List(*ctx.user, q);
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    v.ShowErrors(e);
    status = 400;
  }
  UnitOptions(b, *ctx.user, q.unit_code, true);
  TypeOptions(b, q.type);
  for (const char* s : {"draft", "issued", "cancelled"}) {
    auto* o = b.AddSectionDictionary("STATE_OPTION");
    o->SetValue("VALUE", s);
    o->SetValue("LABEL", Text(std::string("letters.state.") + s));
    if (q.state == s) o->SetValue("SELECTED", "selected");
  }
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  if (page.items.empty())
    b.ShowSection("EMPTY");
  else
    b.ShowSection("HAS_LETTERS");
  for (const auto& l : page.items) {
    auto* r = b.AddSectionDictionary("LETTER");
    r->SetValue("ID", std::to_string(l.id));
    r->SetValue("URL", Url(l.id));
    r->SetValue("NUMBER", NumberOf(l));
    r->SetValue("TYPE", TypeName(l.type));
    r->SetValue("RECIPIENT", l.recipient_name);
    r->SetValue("OCCASION", l.occasion.empty() ? "—" : l.occasion);
    r->SetValue("DOSSIER", l.dossier_code.empty() ? "—" : l.dossier_code);
    r->SetValue("STATE", Text("letters.state." + std::string(StateName(l.state))));
    r->SetValue("CREATED", FormatLocal(l.created_at));
    r->SetValue("ISSUED", When(l.issued_at));
  }
  if (page.next_cursor) {
    std::string next = "/thu?cursor=" + std::to_string(page.next_cursor);
    if (!q.unit_code.empty()) next += "&unit=" + http::UrlEncode(q.unit_code);
    if (!q.type.empty()) next += "&type=" + http::UrlEncode(q.type);
    if (!q.state.empty()) next += "&state=" + http::UrlEncode(q.state);
    b.SetValueAndShowSection("NEXT_URL", next, "HAS_NEXT");
  }
  return v.render(refused ? http::StatusOf(refused->kind()) : status);
}

// ---- one letter ----

void FillSheet(ctemplate::TemplateDictionary& b, const Letter& l) {
  b.SetValue("TITLE", l.title);
  for (const auto& p : Paragraphs(l.front)) b.AddSectionDictionary("FRONT_PARA")->SetValue("TEXT", p);
  for (const auto& p : Paragraphs(l.back)) b.AddSectionDictionary("BACK_PARA")->SetValue("TEXT", p);
  if (!l.back.empty()) b.ShowSection("HAS_BACK");
  b.SetValue("SIGNER_TITLE", l.signer_title);
  b.SetValue("SIGNER_NAME", l.signer_name);
  b.SetValue("PAPER_CLASS", l.paper == "A4" ? "sheet-a4" : "sheet-a5");
  if (l.border) b.SetValue("BORDER_CLASS", "sheet-border");
}

Response LetterPageView(Context& ctx, Service& svc, int64_t id) {
  const Letter l = svc.Get(*ctx.user, id);
  PageView v(ctx, Text("letters.letter_title", {{"type", TypeName(l.type)}, {"name", l.recipient_name}}),
             "features/letters/templates/letter.tpl");
  v.AddStylesheet("/static/letters.css");
  v.ShowDone("letters.done.");
  auto& b = v.body();
  b.SetValue("HEADING", Text("letters.letter_title", {{"type", TypeName(l.type)}, {"name", l.recipient_name}}));
  b.SetValue("ID", std::to_string(l.id));
  b.SetValue("PDF_URL", Url(l.id) + "/pdf");
  b.SetValue("NUMBER", NumberOf(l));
  b.SetValue("TYPE", TypeName(l.type));
  b.SetValue("STATE", Text("letters.state." + std::string(StateName(l.state))));
  b.SetValue("RECIPIENT", l.recipient_name);
  b.SetValue("ADDRESS", l.recipient_address.empty() ? "—" : l.recipient_address);
  b.SetValue("PHONE", l.recipient_phone.empty() ? "—" : l.recipient_phone);
  b.SetValue("OCCASION", l.occasion.empty() ? "—" : l.occasion);
  b.SetValue("EVENT_DATE", l.event_date.empty() ? "—" : DisplayDate(l.event_date));
  b.SetValue("DOSSIER", l.dossier_code.empty() ? "—" : l.dossier_code);
  if (!l.dossier_code.empty())
    b.SetValueAndShowSection("DOSSIER_URL", "/desk/dossiers/" + http::UrlEncode(l.dossier_code), "HAS_DOSSIER");
  else
    b.ShowSection("NO_DOSSIER");
  b.SetValue("UNIT", l.unit_name);
  b.SetValue("SOURCE", Text("letters.source." + l.source));
  b.SetValue("CHANNEL", Text("letters.channel." + l.channel));
  b.SetValue("CREATED", FormatLocal(l.created_at));
  b.SetValue("ISSUED", When(l.issued_at));
  b.SetValue("PRINTED", When(l.printed_at));
  b.SetValue("DELIVERED", When(l.delivered_at));
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  const bool sign = MaySign(*ctx.user, l.unit_path);
  if (l.state == State::kDraft && sign) b.ShowSection("CAN_ISSUE");
  if (l.state == State::kDraft) b.SetValueAndShowSection("EDIT_URL", Url(l.id) + "/sua", "CAN_EDIT");
  if (l.state != State::kCancelled && sign) b.ShowSection("CAN_CANCEL");
  if (l.state == State::kIssued) {
    b.ShowSection("CAN_DELIVER");
    for (const char* c : {"hand", "post", "email", "other"}) {
      auto* o = b.AddSectionDictionary("CHANNEL_OPTION");
      o->SetValue("VALUE", c);
      o->SetValue("LABEL", Text(std::string("letters.channel.") + c));
      if (l.channel == c) o->SetValue("SELECTED", "selected");
    }
    if (l.printed_at.empty()) b.ShowSection("CAN_PRINTED");
  }
  auto* sheet = b.AddIncludeDictionary("SHEET");
  sheet->SetFilename("features/letters/templates/sheet.tpl");
  FillSheet(*sheet, l);
  return v.render();
}

// ---- a new letter ----

Response NewForm(Context& ctx, const LetterInput& in, const AppError* e) {
  PageView v(ctx, Text("letters.new_title"), "features/letters/templates/new.tpl");
  if (e) v.ShowErrors(*e);
  auto& b = v.body();
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  UnitOptions(b, *ctx.user, in.unit_code, true);
  TypeOptions(b, in.type);
  for (const char* c : {"hand", "post", "email", "other"}) {
    auto* o = b.AddSectionDictionary("CHANNEL_OPTION");
    o->SetValue("VALUE", c);
    o->SetValue("LABEL", Text(std::string("letters.channel.") + c));
    if (in.channel == c) o->SetValue("SELECTED", "selected");
  }
  b.SetValue("RECIPIENT_NAME", in.recipient_name);
  b.SetValue("RECIPIENT_ADDRESS", in.recipient_address);
  b.SetValue("RECIPIENT_PHONE", in.recipient_phone);
  b.SetValue("OCCASION", in.occasion);
  b.SetValue("DOSSIER_CODE", in.dossier_code);
  b.SetValue("SIGNER_TITLE", in.signer_title);
  b.SetValue("SIGNER_NAME", in.signer_name);
  v.DateInput("EVENT_DATE", "event_date", Text("field.event_date"), Text("letters.hint.event_date"), in.event_date);
  return v.render(e ? http::StatusOf(e->kind()) : 200);
}

// ---- CSV ----

Response CsvForm(Context& ctx, const std::string& unit, const AppError* e) {
  PageView v(ctx, Text("letters.csv_title"), "features/letters/templates/csv.tpl");
  v.AddStylesheet("/static/letters.css");
  if (e) v.ShowErrors(*e);
  auto& b = v.body();
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  UnitOptions(b, *ctx.user, unit, true);
  return v.render(e ? http::StatusOf(e->kind()) : 200);
}

// ---- templates ----

Response TemplatesPage(Context& ctx, Service& svc) {
  PageView v(ctx, Text("letters.templates_title"), "features/letters/templates/templates.tpl");
  auto& b = v.body();
  const std::string unit = ctx.req.query_param("unit");
  UnitOptions(b, *ctx.user, unit, false);
  for (const auto& t : Types()) {
    const Template tpl = svc.GetTemplate(*ctx.user, unit, t);
    auto* r = b.AddSectionDictionary("TEMPLATE");
    r->SetValue("TYPE", TypeName(t));
    r->SetValue("URL", "/thu/mau/" + t + (unit.empty() ? "" : "?unit=" + http::UrlEncode(unit)));
    r->SetValue("VERSION", tpl.version ? Text("letters.version",
                                              {{"version", std::to_string(tpl.version)}, {"unit", tpl.unit_code}})
                                       : Text("letters.version_default"));
    r->SetValue("PAPER", tpl.paper);
    r->SetValue("BACK", tpl.back.empty() ? Text("letters.no") : Text("letters.yes"));
  }
  return v.render();
}

Response TemplateForm(Context& ctx, Service& svc, const std::string& type, const std::string& unit,
                      const TemplateInput* typed, const AppError* e, const Letter* preview) {
  if (!IsType(type)) throw NotFound("letters.type_not_found");
  const Template current = svc.GetTemplate(*ctx.user, unit, type);
  const std::string unit_code = unit.empty() ? ctx.user->grants.front().unit_code : unit;
  PageView v(ctx, Text("letters.template_title", {{"type", TypeName(type)}}),
             "features/letters/templates/template_form.tpl");
  v.AddStylesheet("/static/letters.css");
  v.ShowDone("letters.done.");
  if (e) v.ShowErrors(*e);
  auto& b = v.body();
  b.SetValue("HEADING", Text("letters.template_title", {{"type", TypeName(type)}}));
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  b.SetValue("ACTION", "/thu/mau/" + type + "?unit=" + http::UrlEncode(unit_code));
  b.SetValue("VERSION", current.version ? Text("letters.version", {{"version", std::to_string(current.version)},
                                                                   {"unit", current.unit_code}})
                                        : Text("letters.version_default"));
  std::string placeholders;
  for (const auto& p : Placeholders()) placeholders += (placeholders.empty() ? "((" : ", ((") + p + "))";
  b.SetValue("PLACEHOLDERS", placeholders);
  b.SetValue("VERSIONS_URL", "/thu/mau/" + type + "/phien-ban?unit=" + http::UrlEncode(unit_code));
  b.SetValue("TITLE_VALUE", typed ? typed->title : current.title);
  b.SetValue("FRONT", typed ? typed->front : current.front);
  b.SetValue("BACK", typed ? typed->back : current.back);
  const std::string paper = typed && !typed->paper.empty() ? typed->paper : current.paper;
  b.SetValue(paper == "A4" ? "A4_CHECKED" : "A5_CHECKED", "checked");
  if (typed ? typed->border.value_or(false) : current.border) b.SetValue("BORDER_CHECKED", "checked");
  // Only administrators and leaders covering the unit save; others read the template.
  const bool may_save = svc.MaySaveSettings(*ctx.user, unit_code);
  if (may_save)
    b.ShowSection("CAN_SAVE");
  else
    b.ShowSection("READ_ONLY");
  if (preview) {
    auto* pv = b.AddIncludeDictionary("PREVIEW");
    pv->SetFilename("features/letters/templates/sheet.tpl");
    FillSheet(*pv, *preview);
    b.ShowSection("HAS_PREVIEW");
  }
  return v.render(e ? http::StatusOf(e->kind()) : 200);
}

// ---- a template's versions ----

std::string VersionsUrl(const std::string& type, const std::string& unit) {
  return "/thu/mau/" + type + "/phien-ban?unit=" + http::UrlEncode(unit);
}

Response VersionsPage(Context& ctx, Service& svc, const std::string& type) {
  if (!IsType(type)) throw NotFound("letters.type_not_found");
  const std::string unit = UnitOr(ctx, ctx.req.query_param("unit"));
  const auto versions = svc.TemplateVersions(*ctx.user, unit, type);
  const Template current = svc.GetTemplate(*ctx.user, unit, type);
  const bool may_save = svc.MaySaveSettings(*ctx.user, unit);
  PageView v(ctx, Text("letters.versions_title", {{"type", TypeName(type)}}),
             "features/letters/templates/versions.tpl");
  v.AddStylesheet("/static/letters.css");
  auto& b = v.body();
  b.SetValue("HEADING", Text("letters.versions_title", {{"type", TypeName(type)}}));
  b.SetValue("TEMPLATE_URL", "/thu/mau/" + type + "?unit=" + http::UrlEncode(unit));
  b.SetValue("UNIT", unit);
  b.SetValue("CURRENT", current.version ? Text("letters.version", {{"version", std::to_string(current.version)},
                                                                   {"unit", current.unit_code}})
                                        : Text("letters.version_default"));
  if (versions.empty())
    b.ShowSection("NO_VERSIONS");
  else
    b.ShowSection("HAS_VERSIONS");
  for (size_t i = 0; i < versions.size(); ++i) {
    const auto& t = versions[i];
    auto* r = b.AddSectionDictionary("VERSION");
    r->SetValue("N", std::to_string(t.version));
    r->SetValue("AT", FormatLocal(t.created_at));
    r->SetValue("TITLE", t.title);
    r->SetValue("FRONT", t.front);
    r->SetValue("BACK", t.back.empty() ? "—" : t.back);
    r->SetValue("PAPER", t.paper);
    // The newest is the one in use: nothing to restore.
    if (i == 0)
      r->ShowSection("IN_USE");
    else if (may_save)
      r->SetValueAndShowSection(
          "RESTORE_URL",
          "/thu/mau/" + type + "/phien-ban/" + std::to_string(t.version) + "/khoi-phuc?unit=" + http::UrlEncode(unit),
          "CAN_RESTORE");
  }
  return v.render();
}

// ---- counts ----

// The period of the counts page: months from..to as YYYY-MM, typed as Tháng / Năm
// pairs (from_month, from_year, to_month, to_year) or given as from=, to= (the
// spreadsheet's link). Empty: the service's default (this year up to this month).
struct Period {
  std::string from, to;                                  // YYYY-MM, or "" for the default
  std::string from_month, from_year, to_month, to_year;  // as typed, shown again
};

// Fills `p` (the typed parts first, so that a refused period is shown again as typed).
void ReadPeriod(Context& ctx, Period& p) {
  auto q = [&](const char* k) { return text::Trim(ctx.req.query_param(k)); };
  p.from_month = q("from_month");
  p.from_year = q("from_year");
  p.to_month = q("to_month");
  p.to_year = q("to_year");
  Problems pr;
  auto month = [&](const char* field, const std::string& m, const std::string& y, const std::string& given) {
    return pr.check([&]() -> std::string {
      if (m.empty() && y.empty()) {
        if (given.empty()) return "";
        if (given.size() != 7 || !ParseIsoDate(given + "-01"))
          throw BadInput(std::string("letters.bad_month_") + field, field);
        return given;
      }
      auto digits = [](const std::string& v) { return std::all_of(v.begin(), v.end(), ::isdigit); };
      if (m.empty() || m.size() > 2 || !digits(m) || y.size() != 4 || !digits(y))
        throw BadInput(std::string("letters.bad_month_") + field, field);
      const int mm = std::stoi(m);
      if (mm < 1 || mm > 12) throw BadInput(std::string("letters.bad_month_") + field, field);
      return y + "-" + (mm < 10 ? "0" : "") + std::to_string(mm);
    });
  };
  p.from = month("from", p.from_month, p.from_year, q("from"));
  p.to = month("to", p.to_month, p.to_year, q("to"));
  pr.raise_if_any();
}

Period PeriodOf(Context& ctx) {
  Period p;
  ReadPeriod(ctx, p);
  return p;
}

// "02/2026" from "2026-02".
std::string MonthText(const std::string& ym) { return ym.substr(5, 2) + "/" + ym.substr(0, 4); }

std::string CountsHeading(const Counts& c) {
  return Text("letters.counts_heading", {{"unit", c.unit_name}, {"from", MonthText(c.from)}, {"to", MonthText(c.to)}});
}

Response CountsPage(Context& ctx, Service& svc) {
  PageView v(ctx, Text("letters.counts_title"), "features/letters/templates/counts.tpl");
  auto& b = v.body();
  UnitOptions(b, *ctx.user, ctx.req.query_param("unit"), false);
  std::optional<Counts> c;
  Period period;
  int status = 200;
  try {
    ReadPeriod(ctx, period);
    c = svc.CountsOf(*ctx.user, ctx.req.query_param("unit"), period.from, period.to);
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    v.ShowErrors(e);
    status = 400;
  }
  if (c && period.from_month.empty() && period.from_year.empty()) {
    period.from_month = c->from.substr(5, 2);
    period.from_year = c->from.substr(0, 4);
  }
  if (c && period.to_month.empty() && period.to_year.empty()) {
    period.to_month = c->to.substr(5, 2);
    period.to_year = c->to.substr(0, 4);
  }
  b.SetValue("FROM_MONTH", period.from_month);
  b.SetValue("FROM_YEAR", period.from_year);
  b.SetValue("TO_MONTH", period.to_month);
  b.SetValue("TO_YEAR", period.to_year);
  if (c) {
    b.ShowSection("HAS_COUNTS");
    b.SetValue("HEADING", CountsHeading(*c));
    b.SetValue("TOTAL", std::to_string(c->total));
    std::vector<CountBar> bars;
    for (const auto& l : c->by_type) {
      auto* r = b.AddSectionDictionary("LINE");
      r->SetValue("TYPE", TypeName(l.type));
      r->SetValue("COUNT", std::to_string(l.n));
      bars.push_back({TypeName(l.type), l.n});
    }
    for (const auto& [m, n] : c->by_month) {
      auto* r = b.AddSectionDictionary("MONTH");
      r->SetValue("MONTH", MonthText(m));
      r->SetValue("COUNT", std::to_string(n));
    }
    if (!c->by_month.empty()) b.ShowSection("HAS_MONTHS");
    b.SetValue("CHART", CountsChartSvg(bars, Text("letters.chart_title"), Text("letters.chart_desc"),
                                       Text("letters.chart_empty")));
    b.SetValue("XLSX_URL",
               "/thu/thong-ke.xlsx?unit=" + http::UrlEncode(c->unit_code) + "&from=" + c->from + "&to=" + c->to);
  }
  return v.render(status);
}

// ---- "do not send" ----

bool MayKeepDoNotSend(const auth::Principal& p) {
  for (const auto& g : p.grants)
    if (g.role == Role::kAdmin || g.role == Role::kLeader || g.role == Role::kDesk) return true;
  return false;
}

Response DoNotSendPage(Context& ctx, Service& svc, const DoNotSend& typed, const AppError* e) {
  if (!MayKeepDoNotSend(*ctx.user)) throw Forbidden();
  const std::string unit = ctx.req.query_param("unit");
  const auto entries = svc.DoNotSendList(*ctx.user, unit);
  PageView v(ctx, Text("letters.dns_title"), "features/letters/templates/do_not_send.tpl");
  v.ShowDone("letters.done.");
  if (e) v.ShowErrors(*e);
  auto& b = v.body();
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  UnitOptions(b, *ctx.user, unit, false);
  // The add form offers the units where the caller may keep the list.
  std::vector<std::string> seen;
  for (const auto& g : ctx.user->grants) {
    if (g.role != Role::kAdmin && g.role != Role::kLeader && g.role != Role::kDesk) continue;
    if (std::find(seen.begin(), seen.end(), g.unit_code) != seen.end()) continue;
    seen.push_back(g.unit_code);
    auto* o = b.AddSectionDictionary("ADD_UNIT_OPTION");
    o->SetValue("VALUE", g.unit_code);
    o->SetValue("LABEL", g.unit_name);
    if (g.unit_code == (typed.unit_code.empty() ? unit : typed.unit_code)) o->SetValue("SELECTED", "selected");
  }
  if (entries.empty())
    b.ShowSection("EMPTY");
  else
    b.ShowSection("HAS_ENTRIES");
  for (const auto& d : entries) {
    auto* r = b.AddSectionDictionary("ENTRY");
    r->SetValue("NAME", d.name);
    r->SetValue("ID_NUMBER", d.id_number.empty() ? "—" : d.id_number);
    r->SetValue("PHONE", d.phone.empty() ? "—" : d.phone);
    r->SetValue("NOTE", d.note.empty() ? "—" : d.note);
    r->SetValue("UNIT", d.unit_code);
    r->SetValue("CREATED", FormatLocal(d.created_at));
    r->SetValue("REMOVE_URL", "/thu/khong-gui/" + std::to_string(d.id) + "/xoa");
  }
  b.SetValue("NAME_VALUE", typed.name);
  b.SetValue("ID_NUMBER_VALUE", typed.id_number);
  b.SetValue("PHONE_VALUE", typed.phone);
  b.SetValue("NOTE_VALUE", typed.note);
  return v.render(e ? http::StatusOf(e->kind()) : 200);
}

// ---- signer settings ----

Response SettingsPage(Context& ctx, Service& svc, const Settings* typed, const AppError* e) {
  const std::string unit = ctx.req.query_param("unit");
  const Settings s = svc.GetSettings(*ctx.user, unit);
  PageView v(ctx, Text("letters.settings_title"), "features/letters/templates/settings.tpl");
  v.ShowDone("letters.done.");
  if (e) v.ShowErrors(*e);
  auto& b = v.body();
  b.SetValue("HEADING", Text("letters.settings_title"));
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  UnitOptions(b, *ctx.user, s.unit_code, false);
  const Settings& shown = typed ? *typed : s;
  b.SetValue("PLACE", shown.place);
  b.SetValue("SIGNER_TITLE", shown.signer_title);
  b.SetValue("SIGNER_NAME", shown.signer_name);
  b.SetValue("SIGNER_NAME_SHOWN", shown.signer_name.empty() ? "—" : shown.signer_name);
  b.SetValue("ACTION", "/thu/cai-dat?unit=" + http::UrlEncode(s.unit_code));
  const bool may_save = svc.MaySaveSettings(*ctx.user, s.unit_code);
  if (may_save)
    b.ShowSection("CAN_SAVE");
  else
    b.ShowSection("READ_ONLY");
  return v.render(e ? http::StatusOf(e->kind()) : 200);
}

// ---- a draft's own text ----

Response EditPage(Context& ctx, const Letter& l, const LetterEdit* typed, const AppError* e) {
  PageView v(ctx, Text("letters.edit_title", {{"type", TypeName(l.type)}, {"name", l.recipient_name}}),
             "features/letters/templates/edit.tpl");
  v.AddStylesheet("/static/letters.css");
  if (e) v.ShowErrors(*e);
  auto& b = v.body();
  b.SetValue("HEADING", Text("letters.edit_title", {{"type", TypeName(l.type)}, {"name", l.recipient_name}}));
  b.SetValue("LETTER_URL", Url(l.id));
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  b.SetValue("ACTION", Url(l.id) + "/sua");
  b.SetValue("REVISION", std::to_string(l.revision));
  b.SetValue("TITLE_VALUE", typed ? typed->title : l.title);
  b.SetValue("FRONT", typed ? typed->front : l.front);
  b.SetValue("BACK", typed ? typed->back : l.back);
  if (l.state == State::kDraft)
    b.ShowSection("CAN_EDIT");
  else {
    b.ShowSection("FROZEN");
    b.SetValue("STATE", Text("letters.frozen." + std::string(StateName(l.state))));
  }
  return v.render(e ? http::StatusOf(e->kind()) : 200);
}

// ---- which procedure triggers which letter ----

std::string RuleTypeName(const std::string& type) { return type.empty() ? Text("letters.rule_none") : TypeName(type); }

Response ProceduresPage(Context& ctx, Service& svc, const std::string& typed_code, const std::string& typed_type,
                        const AppError* e) {
  const std::string unit = UnitOr(ctx, ctx.req.query_param("unit"));
  const auto rules = svc.ProcedureRules(*ctx.user, unit);
  const bool may_save = svc.MaySaveSettings(*ctx.user, unit);
  PageView v(ctx, Text("letters.rules_title"), "features/letters/templates/procedures.tpl");
  v.ShowDone("letters.done.");
  if (e) v.ShowErrors(*e);
  auto& b = v.body();
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  UnitOptions(b, *ctx.user, unit, false);
  std::string unit_name = unit;
  for (const auto& g : ctx.user->grants)
    if (g.unit_code == unit) unit_name = g.unit_name;
  b.SetValue("UNIT_NAME", unit_name);
  b.SetValue("HEADING", Text("letters.rules_heading", {{"unit", unit_name}}));
  b.SetValue("ACTION", "/thu/thu-tuc?unit=" + http::UrlEncode(unit));
  if (rules.empty())
    b.ShowSection("NO_RULES");
  else
    b.ShowSection("HAS_RULES");
  for (const auto& r : rules) {
    auto* row = b.AddSectionDictionary("RULE");
    row->SetValue("CODE", r.procedure_code);
    row->SetValue("TYPE", RuleTypeName(r.type));
    row->SetValue("SOURCE", r.unit_code.empty() ? Text("letters.rule_default") : r.unit_name);
    row->SetValue("DEFAULT", RuleTypeName(r.default_type));
    if (may_save && r.unit_code == unit)
      row->SetValueAndShowSection(
          "REMOVE_URL", "/thu/thu-tuc/xoa?unit=" + http::UrlEncode(unit) + "&code=" + http::UrlEncode(r.procedure_code),
          "CAN_REMOVE");
    else
      row->ShowSection("NO_ACTION");
  }
  if (may_save) {
    b.ShowSection("CAN_SAVE");
    b.SetValue("CODE_VALUE", typed_code);
    for (const auto& t : Types()) {
      if (t == "apology") continue;
      auto* o = b.AddSectionDictionary("RULE_TYPE_OPTION");
      o->SetValue("VALUE", t);
      o->SetValue("LABEL", TypeName(t));
      if (t == typed_type) o->SetValue("SELECTED", "selected");
    }
    auto* none = b.AddSectionDictionary("RULE_TYPE_OPTION");
    none->SetValue("VALUE", "none");
    none->SetValue("LABEL", Text("letters.rule_none"));
    if (typed_type == "none") none->SetValue("SELECTED", "selected");
  } else {
    b.ShowSection("READ_ONLY");
  }
  return v.render(e ? http::StatusOf(e->kind()) : 200);
}
}  // namespace

void RegisterPages(http::App& app, Service& svc) {
  app.page("GET", "/thu", http::Access::kUser, [&svc](Context& ctx) { return RegisterPage(ctx, svc); });

  app.page("GET", "/thu/thong-ke", http::Access::kUser, [&svc](Context& ctx) { return CountsPage(ctx, svc); });
  auto pool = std::make_shared<async::BlockingPool>(1, 16);
  app.page("GET", "/thu/thong-ke.xlsx", http::Access::kUser, [&svc, pool](Context& ctx) {
    const Period period = PeriodOf(ctx);
    const Counts c = svc.CountsOf(*ctx.user, ctx.req.query_param("unit"), period.from, period.to);
    render::xlsx::Sheet s;
    s.name = Text("letters.sheet_name");
    s.title = CountsHeading(c);
    s.columns.push_back({Text("letters.sheet_type"), 30});
    s.columns.push_back({Text("letters.sheet_count"), 12});
    for (const auto& l : c.by_type)
      s.rows.push_back(
          {render::xlsx::Cell::Text(TypeName(l.type)), render::xlsx::Cell::Number(static_cast<double>(l.n))});
    s.rows.push_back({render::xlsx::Cell::Text(Text("letters.sheet_total")),
                      render::xlsx::Cell::Number(static_cast<double>(c.total))});
    return Response::Attachment(pool->run([&] { return render::xlsx::Write(s); }),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                "thu-" + c.unit_code + "-" + c.from + "-" + c.to + ".xlsx");
  });

  app.page("GET", "/thu/moi", http::Access::kUser, [](Context& ctx) {
    if (!MayWrite(*ctx.user)) throw Forbidden();
    LetterInput in;
    in.type = ctx.req.query_param("type");
    return NewForm(ctx, in, nullptr);
  });
  app.page("POST", "/thu/moi", http::Access::kUser, [&svc](Context& ctx) {
    const auto form = ctx.req.form();
    auto get = [&](const char* k) { return http::FormValue(form, k); };
    LetterInput in{get("unit_code"),
                   get("type"),
                   get("recipient_name"),
                   get("recipient_address"),
                   get("recipient_phone"),
                   get("occasion"),
                   render::DateFromForm(form, "event_date"),
                   get("dossier_code"),
                   get("channel"),
                   get("signer_title"),
                   get("signer_name")};
    try {
      auto l = svc.Create(*ctx.user, in);
      return Response::Redirect(Url(l.id) + "?done=created");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return NewForm(ctx, in, &e);
    }
  });

  app.page("GET", "/thu/nhap-csv", http::Access::kUser, [](Context& ctx) {
    if (!MayWrite(*ctx.user)) throw Forbidden();
    return CsvForm(ctx, "", nullptr);
  });
  app.page("POST", "/thu/nhap-csv", http::Access::kUser, [&svc](Context& ctx) {
    const auto form = ctx.req.form();
    const std::string unit = http::FormValue(form, "unit_code");
    try {
      auto made = svc.CreateFromCsv(*ctx.user, unit, http::FormValue(form, "file"));
      return Response::Redirect("/thu?done=imported&count=" + std::to_string(made.size()));
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return CsvForm(ctx, unit, &e);
    }
  });

  app.page("POST", "/thu/in", http::Access::kUser, [&svc](Context& ctx) {
    std::vector<int64_t> ids;
    for (auto& [k, value] : ctx.req.form_all())
      if (k == "id")
        if (auto id = http::ParseInt64(value)) ids.push_back(*id);
    try {
      return Response::InlineFile(svc.BatchPdf(*ctx.user, ids), "application/pdf", "thu.pdf");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return RegisterPage(ctx, svc, &e);
    }
  });

  // ---- "do not send" (before /thu/{id}) ----
  app.page("GET", "/thu/khong-gui", http::Access::kUser,
           [&svc](Context& ctx) { return DoNotSendPage(ctx, svc, DoNotSend{}, nullptr); });
  app.page("POST", "/thu/khong-gui", http::Access::kUser, [&svc](Context& ctx) {
    const auto form = ctx.req.form();
    DoNotSend in;
    in.unit_code = http::FormValue(form, "unit_code");
    in.name = http::FormValue(form, "name");
    in.id_number = http::FormValue(form, "id_number");
    in.phone = http::FormValue(form, "phone");
    in.note = http::FormValue(form, "note");
    try {
      const DoNotSend d = svc.AddDoNotSend(*ctx.user, in);
      return Response::Redirect("/thu/khong-gui?unit=" + http::UrlEncode(d.unit_code) + "&done=dns_added");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return DoNotSendPage(ctx, svc, in, &e);
    }
  });
  app.page("GET", "/thu/khong-gui/{id}/xoa", http::Access::kUser, [&svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("letters.do_not_send_not_found");
    const DoNotSend d = svc.GetDoNotSend(*ctx.user, *id);
    return render::ConfirmPage(ctx, Text("letters.dns_remove_title"),
                               Text("letters.dns_remove_question", {{"name", d.name}, {"unit", d.unit_code}}),
                               "/thu/khong-gui/" + std::to_string(*id) + "/xoa", Text("letters.dns_remove_button"),
                               "/thu/khong-gui?unit=" + http::UrlEncode(d.unit_code));
  });
  app.page("POST", "/thu/khong-gui/{id}/xoa", http::Access::kUser, [&svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("letters.do_not_send_not_found");
    const DoNotSend d = svc.GetDoNotSend(*ctx.user, *id);
    svc.RemoveDoNotSend(*ctx.user, *id);
    return Response::Redirect("/thu/khong-gui?unit=" + http::UrlEncode(d.unit_code) + "&done=dns_removed");
  });

  // ---- which procedure triggers which letter (before /thu/{id}) ----
  app.page("GET", "/thu/thu-tuc", http::Access::kUser,
           [&svc](Context& ctx) { return ProceduresPage(ctx, svc, "", "", nullptr); });
  app.page("POST", "/thu/thu-tuc", http::Access::kUser, [&svc](Context& ctx) {
    const auto form = ctx.req.form();
    const std::string unit = UnitOr(ctx, ctx.req.query_param("unit"));
    const std::string code = http::FormValue(form, "procedure_code"), type = http::FormValue(form, "type");
    try {
      svc.PutProcedureRule(*ctx.user, unit, code, type);
      return Response::Redirect("/thu/thu-tuc?unit=" + http::UrlEncode(unit) + "&done=rule_saved");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return ProceduresPage(ctx, svc, code, type, &e);
    }
  });
  app.page("GET", "/thu/thu-tuc/xoa", http::Access::kUser, [&svc](Context& ctx) {
    const std::string unit = UnitOr(ctx, ctx.req.query_param("unit")), code = ctx.req.query_param("code");
    if (!svc.MaySaveSettings(*ctx.user, unit)) throw Forbidden();
    bool own = false;
    for (const auto& r : svc.ProcedureRules(*ctx.user, unit))
      own = own || (r.procedure_code == code && r.unit_code == unit);
    if (!own) throw NotFound("letters.rule_not_found");
    const std::string here = "/thu/thu-tuc/xoa?unit=" + http::UrlEncode(unit) + "&code=" + http::UrlEncode(code);
    return render::ConfirmPage(ctx, Text("letters.rule_remove_title"),
                               Text("letters.rule_remove_question", {{"code", code}, {"unit", unit}}), here,
                               Text("letters.rule_remove_button"), "/thu/thu-tuc?unit=" + http::UrlEncode(unit));
  });
  app.page("POST", "/thu/thu-tuc/xoa", http::Access::kUser, [&svc](Context& ctx) {
    const std::string unit = UnitOr(ctx, ctx.req.query_param("unit"));
    svc.RemoveProcedureRule(*ctx.user, unit, ctx.req.query_param("code"));
    return Response::Redirect("/thu/thu-tuc?unit=" + http::UrlEncode(unit) + "&done=rule_removed");
  });

  // ---- signer settings ----
  app.page("GET", "/thu/cai-dat", http::Access::kUser,
           [&svc](Context& ctx) { return SettingsPage(ctx, svc, nullptr, nullptr); });
  app.page("POST", "/thu/cai-dat", http::Access::kUser, [&svc](Context& ctx) {
    const auto form = ctx.req.form();
    Settings in;
    in.place = http::FormValue(form, "place");
    in.signer_title = http::FormValue(form, "signer_title");
    in.signer_name = http::FormValue(form, "signer_name");
    try {
      const Settings s = svc.PutSettings(*ctx.user, ctx.req.query_param("unit"), in);
      return Response::Redirect("/thu/cai-dat?unit=" + http::UrlEncode(s.unit_code) + "&done=settings_saved");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return SettingsPage(ctx, svc, &in, &e);
    }
  });

  app.page("GET", "/thu/mau", http::Access::kUser, [&svc](Context& ctx) { return TemplatesPage(ctx, svc); });
  app.page("GET", "/thu/mau/{type}", http::Access::kUser, [&svc](Context& ctx) {
    return TemplateForm(ctx, svc, ctx.req.params.at("type"), ctx.req.query_param("unit"), nullptr, nullptr, nullptr);
  });
  app.page("POST", "/thu/mau/{type}", http::Access::kUser, [&svc](Context& ctx) {
    const std::string type = ctx.req.params.at("type"), unit = ctx.req.query_param("unit");
    const auto form = ctx.req.form();
    auto get = [&](const char* k) { return http::FormValue(form, k); };
    TemplateInput in{get("title"), get("front"), get("back"), get("paper"), get("border") == "on"};
    try {
      if (get("preview") == "1") {
        const Letter l = svc.Preview(*ctx.user, unit, type, in);
        return TemplateForm(ctx, svc, type, unit, &in, nullptr, &l);
      }
      svc.SaveTemplate(*ctx.user, unit, type, in);
      return Response::Redirect("/thu/mau/" + type + "?unit=" + http::UrlEncode(unit) + "&done=template_saved");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return TemplateForm(ctx, svc, type, unit, &in, &e, nullptr);
    }
  });

  app.page("GET", "/thu/mau/{type}/phien-ban", http::Access::kUser,
           [&svc](Context& ctx) { return VersionsPage(ctx, svc, ctx.req.params.at("type")); });
  // "Khôi phục" opens a confirmation; the POST saves the old text as a new version.
  app.page("GET", "/thu/mau/{type}/phien-ban/{version}/khoi-phuc", http::Access::kUser, [&svc](Context& ctx) {
    const std::string type = ctx.req.params.at("type");
    if (!IsType(type)) throw NotFound("letters.type_not_found");
    const std::string unit = UnitOr(ctx, ctx.req.query_param("unit"));
    auto version = ctx.req.id_param("version");
    if (!version) throw NotFound("letters.version_not_found");
    bool found = false;
    for (const auto& t : svc.TemplateVersions(*ctx.user, unit, type)) found = found || t.version == *version;
    if (!found) throw NotFound("letters.version_not_found");
    if (!svc.MaySaveSettings(*ctx.user, unit)) throw Forbidden();
    const std::string here =
        "/thu/mau/" + type + "/phien-ban/" + std::to_string(*version) + "/khoi-phuc?unit=" + http::UrlEncode(unit);
    return render::ConfirmPage(
        ctx, Text("letters.restore_title"),
        Text("letters.restore_question", {{"version", std::to_string(*version)}, {"type", TypeName(type)}}), here,
        Text("letters.restore_button"), VersionsUrl(type, unit));
  });
  app.page("POST", "/thu/mau/{type}/phien-ban/{version}/khoi-phuc", http::Access::kUser, [&svc](Context& ctx) {
    const std::string type = ctx.req.params.at("type");
    const std::string unit = UnitOr(ctx, ctx.req.query_param("unit"));
    auto version = ctx.req.id_param("version");
    if (!version) throw NotFound("letters.version_not_found");
    const Template t = svc.RestoreTemplate(*ctx.user, unit, type, *version);
    return Response::Redirect("/thu/mau/" + type + "?unit=" + http::UrlEncode(t.unit_code) + "&done=template_restored");
  });

  app.page("GET", "/thu/{id}", http::Access::kUser, [&svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("letters.not_found");
    return LetterPageView(ctx, svc, *id);
  });
  app.page("GET", "/thu/{id}/pdf", http::Access::kUser, [&svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("letters.not_found");
    return Response::InlineFile(svc.Pdf(*ctx.user, *id), "application/pdf", "thu-" + std::to_string(*id) + ".pdf");
  });
  // A draft's own text (before /thu/{id}/{action}).
  app.page("GET", "/thu/{id}/sua", http::Access::kUser, [&svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("letters.not_found");
    return EditPage(ctx, svc.Get(*ctx.user, *id), nullptr, nullptr);
  });
  app.page("POST", "/thu/{id}/sua", http::Access::kUser, [&svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("letters.not_found");
    const auto form = ctx.req.form();
    LetterEdit in;
    in.revision = http::ParseInt64(http::FormValue(form, "revision")).value_or(0);
    in.title = http::FormValue(form, "title");
    in.front = http::FormValue(form, "front");
    in.back = http::FormValue(form, "back");
    try {
      svc.EditDraft(*ctx.user, *id, in);
      return Response::Redirect(Url(*id) + "?done=edited");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      // The letter as it is now: a stale edit is shown again over the current
      // revision, so that saving again is a deliberate choice.
      const Letter now = svc.Get(*ctx.user, *id);
      return EditPage(ctx, now, now.state == State::kDraft ? &in : nullptr, &e);
    }
  });
  app.page("POST", "/thu/{id}/{action}", http::Access::kUser, [&svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("letters.not_found");
    const std::string action = ctx.req.params.at("action");
    const auto form = ctx.req.form();
    svc.Act(*ctx.user, *id, action, http::FormValue(form, "channel"));
    return Response::Redirect(Url(*id) + "?done=" + action);
  });
}

}  // namespace fg::letters
