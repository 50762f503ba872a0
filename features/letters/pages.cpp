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
#include "platform/time.h"

namespace fg::letters {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;
using auth::Role;

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
  if (page.items.empty()) b.ShowSection("EMPTY");
  else b.ShowSection("HAS_LETTERS");
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
    r->SetValue("VERSION", tpl.version ? Text("letters.version", {{"version", std::to_string(tpl.version)},
                                                                  {"unit", tpl.unit_code}})
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
  b.SetValue("TITLE_VALUE", typed ? typed->title : current.title);
  b.SetValue("FRONT", typed ? typed->front : current.front);
  b.SetValue("BACK", typed ? typed->back : current.back);
  const std::string paper = typed && !typed->paper.empty() ? typed->paper : current.paper;
  b.SetValue(paper == "A4" ? "A4_CHECKED" : "A5_CHECKED", "checked");
  if (typed ? typed->border.value_or(false) : current.border) b.SetValue("BORDER_CHECKED", "checked");
  // Only administrators and leaders of the unit save; others read the template.
  bool may_save = false;
  for (const auto& g : ctx.user->grants)
    if ((g.role == Role::kAdmin || g.role == Role::kLeader)) may_save = true;
  if (may_save) b.ShowSection("CAN_SAVE");
  else b.ShowSection("READ_ONLY");
  if (preview) {
    auto* pv = b.AddIncludeDictionary("PREVIEW");
    pv->SetFilename("features/letters/templates/sheet.tpl");
    FillSheet(*pv, *preview);
    b.ShowSection("HAS_PREVIEW");
  }
  return v.render(e ? http::StatusOf(e->kind()) : 200);
}

// ---- counts ----

Counts CountsFrom(Context& ctx, Service& svc) {
  const std::string year = ctx.req.query_param("year");
  std::string from, to;
  if (!year.empty()) {
    if (year.size() != 4 || !std::all_of(year.begin(), year.end(), ::isdigit)) throw BadInput("letters.bad_year", "year");
    from = year + "-01";
    to = year + "-12";
  }
  return svc.CountsOf(*ctx.user, ctx.req.query_param("unit"), from, to);
}

Response CountsPage(Context& ctx, Service& svc) {
  PageView v(ctx, Text("letters.counts_title"), "features/letters/templates/counts.tpl");
  auto& b = v.body();
  UnitOptions(b, *ctx.user, ctx.req.query_param("unit"), false);
  std::optional<Counts> c;
  int status = 200;
  try {
    c = CountsFrom(ctx, svc);
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    v.ShowErrors(e);
    status = 400;
  }
  b.SetValue("YEAR", c ? c->from.substr(0, 4) : ctx.req.query_param("year"));
  if (c) {
    b.ShowSection("HAS_COUNTS");
    b.SetValue("HEADING", Text("letters.counts_heading", {{"unit", c->unit_name}, {"year", c->from.substr(0, 4)}}));
    b.SetValue("TOTAL", std::to_string(c->total));
    std::vector<CountBar> bars;
    for (const auto& l : c->by_type) {
      auto* r = b.AddSectionDictionary("LINE");
      r->SetValue("TYPE", TypeName(l.type));
      r->SetValue("COUNT", std::to_string(l.n));
      bars.push_back({TypeName(l.type), l.n});
    }
    b.SetValue("CHART", CountsChartSvg(bars, Text("letters.chart_title"), Text("letters.chart_desc"),
                                       Text("letters.chart_empty")));
    b.SetValue("XLSX_URL", "/thu/thong-ke.xlsx?unit=" + http::UrlEncode(c->unit_code) + "&year=" + c->from.substr(0, 4));
  }
  return v.render(status);
}

}  // namespace

void RegisterPages(http::App& app, Service& svc) {
  app.page("GET", "/thu", http::Access::kUser, [&svc](Context& ctx) { return RegisterPage(ctx, svc); });

  app.page("GET", "/thu/thong-ke", http::Access::kUser, [&svc](Context& ctx) { return CountsPage(ctx, svc); });
  auto pool = std::make_shared<async::BlockingPool>(1, 16);
  app.page("GET", "/thu/thong-ke.xlsx", http::Access::kUser, [&svc, pool](Context& ctx) {
    const Counts c = CountsFrom(ctx, svc);
    render::xlsx::Sheet s;
    s.name = Text("letters.sheet_name");
    s.title = Text("letters.counts_heading", {{"unit", c.unit_name}, {"year", c.from.substr(0, 4)}});
    s.columns.push_back({Text("letters.sheet_type"), 30});
    s.columns.push_back({Text("letters.sheet_count"), 12});
    for (const auto& l : c.by_type)
      s.rows.push_back({render::xlsx::Cell::Text(TypeName(l.type)), render::xlsx::Cell::Number(static_cast<double>(l.n))});
    s.rows.push_back({render::xlsx::Cell::Text(Text("letters.sheet_total")),
                      render::xlsx::Cell::Number(static_cast<double>(c.total))});
    Response res = Response::Text(200, pool->run([&] { return render::xlsx::Write(s); }),
                                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    res.set_header("Content-Disposition", "attachment; filename=\"thu-" + c.unit_code + "-" + c.from.substr(0, 4) + ".xlsx\"");
    return res;
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
    LetterInput in{get("unit_code"),  get("type"),     get("recipient_name"), get("recipient_address"),
                   get("recipient_phone"), get("occasion"), render::DateFromForm(form, "event_date"),
                   get("dossier_code"), get("channel"), get("signer_title"), get("signer_name")};
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
      auto r = Response::Text(200, svc.BatchPdf(*ctx.user, ids), "application/pdf");
      r.set_header("Content-Disposition", "inline; filename=\"thu.pdf\"");
      return r;
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return RegisterPage(ctx, svc, &e);
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

  app.page("GET", "/thu/{id}", http::Access::kUser, [&svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("letters.not_found");
    return LetterPageView(ctx, svc, *id);
  });
  app.page("GET", "/thu/{id}/pdf", http::Access::kUser, [&svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("letters.not_found");
    auto r = Response::Text(200, svc.Pdf(*ctx.user, *id), "application/pdf");
    r.set_header("Content-Disposition", "inline; filename=\"thu-" + std::to_string(*id) + ".pdf\"");
    return r;
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
