// /cham-diem/cam-ket: the commitments of the emulation movement of a unit's
// subtree for a year, each against the year so far, the form to add one (the
// unit's own leaders and administrators) and a button to withdraw one.
#include <memory>

#include "features/scorecards/routes.h"
#include "features/scorecards/rules.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::scorecards {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

int ThisYear() { return std::stoi(TodayLocalIso().substr(0, 4)); }

std::string TargetText(const Commitment& k) {
  if (IsRate(k.indicator)) return Text("scorecards.commitment.target_rate", {{"n", FormatPoints(k.target)}});
  return Text(GoalOf(k.indicator) == Goal::kAtMost ? "scorecards.commitment.target_at_most"
                                                   : "scorecards.commitment.target_at_least",
              {{"n", std::to_string(k.target)}});
}

std::string ValueText(const CommitmentProgress& k) {
  if (!k.value || !k.measured) return Text("scorecards.commitment.no_data");
  if (k.rate)
    return Text("scorecards.commitment.value_rate",
                {{"rate", FormatPoints(DivRoundHalfUp(k.value->count * 10000, k.value->volume))},
                 {"count", std::to_string(k.value->count)},
                 {"volume", std::to_string(k.value->volume)}});
  return std::to_string(k.value->count);
}

Response Page(Context& ctx, Service& svc, const std::map<std::string, std::string>& typed = {},
              const AppError* err = nullptr) {
  const std::string year_text = ctx.req.query_param("year");
  int year = ThisYear();
  try {
    if (!year_text.empty()) year = ParseYear("year", year_text);
  } catch (const AppError&) {
    // An unusable year in the address: this year.
  }
  const std::string unit = ctx.req.query_param("unit");
  PageView v(ctx, Text("scorecards.commitment.title"), "features/scorecards/templates/commitments.tpl");
  v.ShowDone("scorecards.done.");
  if (err) v.ShowErrors(*err);
  auto& b = v.body();
  b.SetIntValue("YEAR", year);
  for (int y = ThisYear() + 1; y >= ThisYear() - 3; --y) {
    auto* o = b.AddSectionDictionary("YEAR_OPTION");
    o->SetIntValue("Y", y);
    if (y == year) o->ShowSection("SELECTED");
  }
  b.SetValue("UNIT_QUERY", unit);
  const auto list = svc.Commitments(*ctx.user, unit, year);
  std::string current;
  for (const auto& k : list) {
    auto* row = b.AddSectionDictionary("ROW");
    row->SetIntValue("ID", k.commitment.id);
    row->SetValue("UNIT", k.commitment.unit_name);
    row->SetValue("INDICATOR", Text("scorecards.commitment.option." + k.commitment.indicator));
    row->SetValue("TARGET", TargetText(k.commitment));
    row->SetValue("VALUE", ValueText(k));
    row->SetValue("STATUS", Text(!k.measured ? "scorecards.commitment.status_none"
                                 : k.met     ? "scorecards.commitment.status_met"
                                             : "scorecards.commitment.status_not_met"));
    if (!k.commitment.note.empty()) row->SetValueAndShowSection("NOTE", k.commitment.note, "HAS_NOTE");
    if (k.may_withdraw) row->ShowSection("MAY_WITHDRAW");
  }
  if (list.empty())
    b.ShowSection("EMPTY");
  else
    b.ShowSection("HAS_ROWS");
  // The form, for a unit the caller may commit: the one asked for, else their own.
  if (const auto own = svc.UnitToCommit(*ctx.user, unit)) {
    b.ShowSection("FORM");
    auto value = [&](const std::string& k, const std::string& def) {
      auto it = typed.find(k);
      return it == typed.end() ? def : it->second;
    };
    b.SetValue("FORM_UNIT", own->code);
    b.SetValue("TARGET_VALUE", value("target", ""));
    b.SetValue("NOTE_VALUE", value("note", ""));
    b.SetValue("FORM_YEAR", value("year", std::to_string(year)));
    const std::string chosen = value("indicator", "on_time_rate");
    for (const auto& i : Indicators()) {
      auto* o = b.AddSectionDictionary("INDICATOR_OPTION");
      o->SetValue("KEY", i);
      o->SetValue("TEXT", Text("scorecards.commitment.option." + i));
      if (i == chosen) o->ShowSection("SELECTED");
    }
  }
  return v.render(err ? http::StatusOf(err->kind()) : 200);
}

}  // namespace

void RegisterCommitmentPages(http::App& app, const std::shared_ptr<Service>& svc) {
  app.page("GET", "/cham-diem/cam-ket", http::Access::kUser, [svc](Context& ctx) { return Page(ctx, *svc); });
  app.page("POST", "/cham-diem/cam-ket", http::Access::kUser, [svc](Context& ctx) {
    auto form = ctx.req.form();
    try {
      auto k = svc->Commit(*ctx.user, text::Trim(form["unit"]), form["indicator"], form["year"], form["target"],
                           form["note"]);
      return Response::Redirect("/cham-diem/cam-ket?year=" + std::to_string(k.year) + "&done=committed");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return Page(ctx, *svc, form, &e);
    }
  });
  app.page("POST", "/cham-diem/cam-ket/{id}/rut", http::Access::kUser, [svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("scorecards.commitment_not_found");
    svc->Withdraw(*ctx.user, *id);
    int year = ThisYear();
    try {
      year = ParseYear("year", ctx.req.form()["year"]);
    } catch (const AppError&) {
      // The list of this year.
    }
    return Response::Redirect("/cham-diem/cam-ket?year=" + std::to_string(year) + "&done=withdrawn");
  });
}

}  // namespace fg::scorecards
