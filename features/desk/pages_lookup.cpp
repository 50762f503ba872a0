// The public lookup page, /tra-cuu?ma=CODE&so=LAST4 (the receipt's QR code
// opens it): no login, mobile first, no script needed. Shows where a dossier
// stands in plain words; the applicant's full name only with the last 4 digits
// of their phone or ID number. Anonymous lookups are rate limited per client
// address (Service::LimitLookups): past the limit, 429 with Retry-After.
#include "features/desk/lookup.h"
#include "features/desk/routes.h"
#include "features/desk/rules.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

// The service's field names as the form's.
AppError OnForm(const AppError& e) {
  if (e.field() == "code") return WithField(e, "ma");
  if (e.field() == "check") return WithField(e, "so");
  return e;
}

void ShowDossier(PageView& v, const PublicView& view, const std::string& check) {
  const Dossier& d = view.dossier;
  auto& b = v.body();
  b.ShowSection("FOUND");
  b.SetValue("CODE", d.code);
  b.SetValue("STATUS", Text(StatusKey(d.state, d.return_method)));
  b.SetValue("STATUS_CLASS", std::string(StateName(d.state)));
  b.SetValue("PROCEDURE", d.procedure_name);
  b.SetValue("UNIT", view.unit_name);
  b.SetValue("RECEIVED", FormatLocal(d.received_at));
  b.SetValue("DUE", FormatLocal(d.due_at));
  const bool open = d.state == State::kReceived || d.state == State::kInProgress;
  if (open && FormatUtc(Now()) > d.due_at)
    b.SetValueAndShowSection("OVERDUE_TEXT", Text("desk.lookup.overdue"), "OVERDUE");
  if (IsPaused(d.state)) b.SetValueAndShowSection("PAUSED_TEXT", Text("desk.lookup.paused"), "PAUSED");
  if (view.apology) {
    b.SetValueAndShowSection("APOLOGY_TEXT",
                             Text("desk.lookup.apology", {{"previous", FormatLocal(view.apology->previous_due_at)},
                                                          {"due", FormatLocal(view.apology->new_due_at)}}),
                             "HAS_APOLOGY");
    if (view.personal && !view.apology->reason.empty())
      b.SetValueAndShowSection("APOLOGY_REASON", Text("desk.lookup.apology_reason", {{"reason", view.apology->reason}}),
                               "HAS_APOLOGY_REASON");
  }
  if (view.personal) {
    // With a result, the applicant may evaluate the handling (features/surveys).
    if (d.timeliness)
      b.SetValueAndShowSection("EVALUATE_URL", "/danh-gia-ho-so?ma=" + http::UrlEncode(d.code) + "&so=" + check,
                               "CAN_EVALUATE");
    b.SetValue("APPLICANT", d.applicant.name);
    if (!d.applicant.phone.empty()) b.SetValueAndShowSection("PHONE", MaskPhone(d.applicant.phone), "HAS_PHONE");
  } else {
    b.SetValue("APPLICANT", MaskName(d.applicant.name));
    if (!check.empty()) v.ShowErrors(BadInput("desk.lookup.check_mismatch", "so"));
  }
  for (const auto& step : CitizenTimeline(view.entries, d.return_method, view.personal)) {
    auto* li = b.AddSectionDictionary("STEP");
    li->SetValue("AT", FormatLocal(step.at));
    li->SetValue("TEXT", Text(step.key, {{"note", step.note}}));
  }
}

Response LookupPage(Context& ctx, Service& svc) {
  const std::string code = ctx.req.query_param("ma"), check = ctx.req.query_param("so");
  PageView v(ctx, Text("desk.lookup.title"), "features/desk/templates/lookup_page.tpl");
  auto& b = v.body();
  b.SetValue("MA", code);
  b.SetValue("SO", check);
  if (!ctx.req.has_query_param("ma")) return v.render();
  try {
    if (code.empty()) throw BadInput("desk.lookup.code_required", "code");
    const PublicView view = svc.Lookup(code, check, ctx.user ? "" : ctx.req.remote_addr);
    ShowDossier(v, view, check);
    return v.render();
  } catch (const AppError& e) {
    switch (e.kind()) {
      case ErrorKind::kNotFound: b.SetValueAndShowSection("ASKED", code, "NOT_FOUND"); return v.render(404);
      case ErrorKind::kTooMany: {
        v.ShowError(Text(e.key(), e.args()));
        Response r = v.render(429);
        r.set_header("Retry-After", std::to_string(svc.LookupWindow().count()));
        return r;
      }
      case ErrorKind::kBadRequest: v.ShowErrors(OnForm(e)); return v.render(400);
      default: throw;
    }
  }
}

}  // namespace

void RegisterLookupPages(http::App& app, Service& svc) {
  app.page("GET", "/tra-cuu", http::Access::kPublic, [&svc](Context& ctx) { return LookupPage(ctx, svc); });
}

}  // namespace fg::desk
