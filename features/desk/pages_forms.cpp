// The printed forms of a dossier (01-06) as print-ready HTML (A5) and PDF,
// form 07 (the tracking register) as HTML, PDF (A4 landscape) and a
// spreadsheet, and the forms' PDF in the API. The content of each comes from
// forms.h; this file only lays it out.
#include <chrono>

#include "features/desk/forms.h"
#include "features/desk/forms_pdf.h"
#include "features/desk/routes.h"
#include "features/org/service.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/render/pdf.h"
#include "platform/render/qr.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;
namespace pdf = render::pdf;

const char* kSheet = "features/desk/templates/forms_sheet.tpl";
const char* kRegister = "features/desk/templates/forms_register.tpl";

// ---- forms 01-06 ----

struct Found {
  forms::Form form;
  std::vector<forms::Kind> siblings;  // every form the dossier has
};

Found FormOf(Service& svc, const Context& ctx) {
  const auto kind = forms::ParseKind(ctx.req.params.at("form"));
  if (!kind) throw NotFound("desk.forms.unknown");
  const FormsSource src = svc.GetFormsSource(*ctx.user, ctx.req.params.at("code"));
  if (!forms::Exists(src.detail, *kind)) throw NotFound(forms::MissingKey(*kind));
  Found f{forms::Build(*kind, src, render::Site().public_url), {}};
  for (forms::Kind k : forms::kAllKinds)
    if (forms::Exists(src.detail, k)) f.siblings.push_back(k);
  return f;
}

std::string FormHref(const std::string& code, forms::Kind k, bool pdf = false) {
  return "/desk/dossiers/" + http::UrlEncode(code) + "/forms/" + forms::Number(k) + (pdf ? ".pdf" : "");
}

Response Pdf(std::string bytes, const std::string& file_name) {
  return Response::InlineFile(std::move(bytes), "application/pdf", file_name + ".pdf");
}

// `links`: per row, where its second cell (the dossier code) leads ("" for none).
void FillTable(ctemplate::TemplateDictionary* d, const forms::Table& t, const std::string& id,
               const std::vector<std::string>& links = {}) {
  d->SetValue("CAPTION", t.caption);
  d->SetValue("CAPTION_ID", id);
  for (const auto& h : t.header) d->AddSectionDictionary("TH")->SetValue("CELL", h);
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    auto* tr = d->AddSectionDictionary("TR");
    for (size_t i = 0; i < row.size(); ++i) {
      auto* td = tr->AddSectionDictionary("TD");
      td->SetValue("CELL", row[i]);
      if (i == 1 && r < links.size() && !links[r].empty())
        td->SetValueAndShowSection("HREF", links[r], "LINK");
      else
        td->ShowSection("PLAIN");
      if (i > 0 && i < t.header.size()) td->SetValueAndShowSection("LABEL", t.header[i], "HAS_LABEL");
    }
  }
}

Response FormPage(Context& ctx, Service& svc) {
  const Found found = FormOf(svc, ctx);
  const forms::Form& f = found.form;
  const std::string code = ctx.req.params.at("code");
  PageView v(ctx, f.page_title, kSheet);
  v.AddStylesheet("/static/forms.css");
  v.AddStylesheet("/static/print-a5.css");
  auto& b = v.body();
  b.SetValue("CODE", code);
  b.SetValue("DOSSIER_HREF", "/desk/dossiers/" + http::UrlEncode(code));
  b.SetValue("PDF_HREF", FormHref(code, f.kind, true));
  for (forms::Kind k : found.siblings) {
    auto* s = b.AddSectionDictionary("SIBLING");
    s->SetValue("HREF", FormHref(code, k));
    s->SetValue("NUMBER", forms::Number(k));
    s->SetValue("NAME", forms::Name(k));
    if (k == f.kind) s->ShowSection("CURRENT");
  }
  b.SetValue("FORM_NAME", forms::Name(f.kind));
  if (!f.model.empty()) b.SetValueAndShowSection("MODEL", f.model, "HAS_MODEL");
  if (!f.parent_body.empty()) b.SetValueAndShowSection("PARENT_BODY", f.parent_body, "HAS_PARENT");
  b.SetValue("BODY", f.body);
  b.SetValue("DATE_LINE", f.date_line);
  b.SetValue("FORM_TITLE", f.title);
  b.SetValue("CODE_LINE", f.code_line);
  int tables = 0;
  for (const auto& block : f.blocks) {
    auto* d = b.AddSectionDictionary("BLOCK");
    switch (block.type) {
      case forms::Block::Type::kText: d->SetValueAndShowSection("TEXT", block.text, "B_TEXT"); break;
      case forms::Block::Type::kNote: d->SetValueAndShowSection("TEXT", block.text, "B_NOTE"); break;
      case forms::Block::Type::kField:
        d->ShowSection("B_FIELD");
        d->SetValue("LABEL", block.text);
        if (block.value.empty())
          d->ShowSection("EMPTY");
        else
          d->SetValueAndShowSection("VALUE", block.value, "FILLED");
        break;
      case forms::Block::Type::kTable:
        FillTable(d->AddSectionDictionary("B_TABLE"), block.table, "sheet-table-" + std::to_string(++tables));
        break;
    }
  }
  if (!f.qr_url.empty()) {
    auto* q = b.AddSectionDictionary("QR");
    q->SetValue("QR_URL", f.qr_url);
    q->SetValue("QR_CAPTION", f.qr_caption);
    q->SetValue("QR_SHORT", f.qr_short);
    q->SetValue("QR_SVG",
                render::qr::Svg(render::qr::Encode(f.qr_url), Text("desk.forms.receipt.qr_label", {{"code", code}})));
  }
  if (!f.recipients.empty()) {
    auto* r = b.AddSectionDictionary("RECIPIENTS");
    r->SetValue("RECIPIENTS_HEAD", f.recipients.front());
    for (size_t i = 1; i < f.recipients.size(); ++i)
      r->AddSectionDictionary("RECIPIENT")->SetValue("LINE", f.recipients[i]);
  }
  for (const auto& s : f.signatures) {
    auto* d = b.AddSectionDictionary("SIGN");
    d->SetValue("SIGN_TITLE", s.title);
    d->SetValue("SIGN_HINT", s.hint);
    d->SetValue("SIGN_NAME", s.name);
  }
  return v.render();
}

// ---- form 07 ----

struct RegisterRequest {
  RegisterQuery query;
  bool given = false;  // the form was sent (else: the defaults)
};

// The query of a register page: as sent, or for a first visit the caller's
// first unit and this month up to today.
RegisterRequest RegisterQueryOf(const Context& ctx, const std::vector<org::Unit>& units) {
  RegisterRequest r;
  std::map<std::string, std::string> form;
  for (auto& [k, v] : http::ParseUrlEncoded(ctx.req.query)) form[k] = v;
  r.given = !form.empty();
  if (!r.given) {
    if (!units.empty()) r.query.unit_code = units.front().code;
    const auto today = ToLocal(Now()).date;
    const std::chrono::year_month_day ymd{today};
    r.query.from = FormatIsoDate(std::chrono::sys_days{ymd.year() / ymd.month() / 1});
    r.query.to = FormatIsoDate(today);
    return r;
  }
  r.query.unit_code = http::FormValue(form, "unit");
  r.query.from = render::DateFromForm(form, "from");
  r.query.to = render::DateFromForm(form, "to");
  return r;
}

// The units the caller works on (in force), for the choice of unit.
std::vector<org::Unit> WorkUnits(const Context& ctx, org::Service& org) {
  std::vector<org::Unit> out;
  for (auto& u : org.ListUnits(*ctx.user, TodayLocalIso()))
    if (auth::Covers(*ctx.user, u.path,
                     {auth::Role::kAdmin, auth::Role::kLeader, auth::Role::kDesk, auth::Role::kSpecialist}))
      out.push_back(std::move(u));
  return out;
}

std::string RegisterQueryString(const RegisterQuery& q) {
  return "unit=" + http::UrlEncode(q.unit_code) + "&from=" + q.from + "&to=" + q.to;
}

Response RegisterPage(Context& ctx, Service& svc, org::Service& org) {
  const auto units = WorkUnits(ctx, org);
  const RegisterRequest req = RegisterQueryOf(ctx, units);
  if (!req.given && units.empty()) throw Forbidden();
  PageView v(ctx, Text("desk.register.title"), kRegister);
  v.AddStylesheet("/static/forms.css");
  v.AddStylesheet("/static/print-a4-landscape.css");
  std::optional<TrackingRegister> reg;
  int status = 200;
  try {
    reg = svc.GetRegister(*ctx.user, req.query);
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    v.ShowErrors(e);
    status = http::StatusOf(e.kind());
  }
  auto& b = v.body();
  for (const auto& u : units) {
    auto* o = b.AddSectionDictionary("UNIT_OPTION");
    o->SetValue("CODE", u.code);
    o->SetValue("NAME", u.name);
    if (u.code == req.query.unit_code) o->ShowSection("SELECTED");
  }
  v.DateInput("FROM_DATE", "from", Text("desk.register.field_from"), Text("desk.register.hint_from"), req.query.from);
  v.DateInput("TO_DATE", "to", Text("desk.register.field_to"), Text("desk.register.hint_to"), req.query.to);
  if (reg) {
    const forms::Register r = forms::BuildRegister(*reg, ToLocal(Now()).date);
    auto* s = b.AddSectionDictionary("SHEET");
    const std::string query = RegisterQueryString(req.query);
    s->SetValue("PDF_HREF", "/desk/register.pdf?" + query);
    s->SetValue("XLSX_HREF", "/desk/register.xlsx?" + query);
    s->SetValue("PARENT_BODY", r.parent_body);
    s->SetValue("BODY", r.body);
    s->SetValue("DATE_LINE", r.date_line);
    s->SetValue("SHEET_TITLE", r.title);
    s->SetValue("UNIT_LINE", r.unit_line);
    s->SetValue("PERIOD_LINE", r.period_line);
    s->SetIntValue("COUNT", static_cast<long>(r.rows.size()));
    if (r.rows.empty()) s->SetValueAndShowSection("EMPTY_TEXT", r.empty_text, "EMPTY");
    forms::Table t;
    t.caption = r.title;
    t.header = r.columns;
    std::vector<std::string> links;
    for (const auto& row : r.rows) {
      t.rows.push_back(forms::Cells(row));
      links.push_back(FormHref(row.code, forms::Kind::kReceipt));
    }
    FillTable(s->AddSectionDictionary("TABLE"), t, "register-table", links);
  }
  // A register of thousands of rows takes a while to lay out: off the io thread.
  return pdf::Pool(pdf::Lane::kExport).run([&] { return v.render(status); });
}

TrackingRegister RegisterOf(const Context& ctx, Service& svc) {
  RegisterRequest req = RegisterQueryOf(ctx, {});
  return svc.GetRegister(*ctx.user, req.query);
}

Response RegisterPdf(Context& ctx, Service& svc) {
  const forms::Register r = forms::BuildRegister(RegisterOf(ctx, svc), ToLocal(Now()).date);
  return Pdf(forms::RegisterPdf(r), r.file_name);
}

Response RegisterXlsx(Context& ctx, Service& svc) {
  const forms::Register r = forms::BuildRegister(RegisterOf(ctx, svc), ToLocal(Now()).date);
  return Response::Attachment(forms::RegisterXlsx(r),
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              r.file_name + ".xlsx");
}

}  // namespace

void RegisterFormsPages(http::App& app, Service& svc, org::Service& org) {
  // The .pdf routes first: "{form}.pdf" is also a "{form}".
  app.page("GET", "/desk/dossiers/{code}/forms/{form}.pdf", http::Access::kUser, [&svc](Context& ctx) {
    const forms::Form f = FormOf(svc, ctx).form;
    return Pdf(forms::FormPdf(f), f.file_name);
  });
  app.page("GET", "/desk/dossiers/{code}/forms/{form}", http::Access::kUser,
           [&svc](Context& ctx) { return FormPage(ctx, svc); });
  app.page("GET", "/desk/register", http::Access::kUser,
           [&svc, &org](Context& ctx) { return RegisterPage(ctx, svc, org); });
  app.page("GET", "/desk/register.pdf", http::Access::kUser, [&svc](Context& ctx) { return RegisterPdf(ctx, svc); });
  app.page("GET", "/desk/register.xlsx", http::Access::kUser, [&svc](Context& ctx) { return RegisterXlsx(ctx, svc); });
  app.api("GET", "/api/v1/dossiers/{code}/forms/{form}.pdf", http::Access::kUser, [&svc](Context& ctx) {
    const forms::Form f = FormOf(svc, ctx).form;
    return Pdf(forms::FormPdf(f), f.file_name);
  });
}

}  // namespace fg::desk
