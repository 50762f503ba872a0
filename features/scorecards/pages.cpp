// Scorecard pages: /cham-diem (sets, assessments, opening one),
// /cham-diem/danh-gia/{id} (the
// commune's self-assessment, the appraisal, the score and what would raise
// it; one POST with the step in `action`), /cham-diem/xep-hang (ranking: SVG
// chart and table).
#include <boost/json.hpp>

#include <algorithm>
#include <tuple>

#include "features/scorecards/chart.h"
#include "features/scorecards/json.h"
#include "features/scorecards/page_parts.h"
#include "features/scorecards/routes.h"
#include "features/scorecards/rules.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/render/pdf.h"
#include "platform/render/xlsx.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::scorecards {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

std::string StateText(State s) { return Text("scorecards.state." + std::string(StateName(s))); }
std::string PeriodText(const std::string& from, const std::string& to) {
  return Text("scorecards.period", {{"from", DisplayDate(from)}, {"to", DisplayDate(to)}});
}

bool MayOpenAny(const auth::Principal& p) {
  for (const auto& g : p.grants)
    if (g.role == auth::Role::kLeader || g.role == auth::Role::kEvaluator) return true;
  return false;
}

// ---- /cham-diem ----
Response HomePage(Context& ctx, Service& svc, const std::map<std::string, std::string>& typed = {},
                  const AppError* err = nullptr) {
  PageView v(ctx, Text("scorecards.home_title"), "features/scorecards/templates/home.tpl");
  v.ShowDone("scorecards.done.");
  if (err) v.ShowErrors(*err);
  auto& b = v.body();
  auto sets = svc.Sets(*ctx.user);
  if (!AdminGrants(*ctx.user).empty()) b.ShowSection("MAY_IMPORT");
  std::map<int64_t, std::string> set_names;
  for (const auto& s : sets) {
    set_names[s.id] = s.name;
    auto* row = b.AddSectionDictionary("SET");
    row->SetIntValue("ID", s.id);
    row->SetValue("NAME", s.name);
    row->SetIntValue("VERSION", s.version);
    Points max = 0;
    for (const auto& c : s.criteria) max += c.max;
    row->SetValue("MAX", FormatPoints(max));
    row->SetValue("STATUS", Text(s.frozen ? "scorecards.set_in_use"
                                          : (s.sample ? "scorecards.set_sample" : "scorecards.set_editable")));
  }
  auto list = svc.Assessments(*ctx.user, ctx.req.query_param("unit"));
  for (const auto& a : list) {
    auto* row = b.AddSectionDictionary("ASSESSMENT");
    row->SetIntValue("ID", a.id);
    row->SetValue("UNIT", a.unit_name);
    row->SetValue("SET", set_names[a.set_id]);
    row->SetValue("PERIOD", PeriodText(a.from, a.to));
    row->SetValue("STATE", StateText(a.state));
    row->SetValue("TOTAL", a.total ? FormatPoints(*a.total) : "—");
    row->SetIntValue("SET_ID", a.set_id);
    row->SetValue("FROM", a.from);
  }
  if (list.empty())
    b.ShowSection("NO_ASSESSMENT");
  else
    b.ShowSection("HAS_ASSESSMENTS");
  if (MayOpenAny(*ctx.user)) {
    auto* f = b.AddSectionDictionary("OPEN");
    std::string chosen = typed.count("set") ? typed.at("set") : "";
    for (const auto& s : sets) {
      auto* o = f->AddSectionDictionary("OPTION");
      o->SetIntValue("ID", s.id);
      o->SetValue("NAME", Text("scorecards.set_option", {{"name", s.name}, {"version", std::to_string(s.version)}}));
      if (chosen == std::to_string(s.id)) o->ShowSection("SELECTED");
    }
    std::string unit = typed.count("unit") ? typed.at("unit") : "";
    if (unit.empty() && !err)
      for (const auto& g : ctx.user->grants)
        if (g.role == auth::Role::kLeader) unit = g.unit_code;
    f->SetValue("UNIT", unit);
    if (err)
      for (const auto& p : err->problems()) {
        std::string m = p.field == "set" ? "SET" : p.field == "unit" ? "UNIT" : "";
        if (!m.empty()) f->SetValueAndShowSection(m + "_ERROR", Text(p.key, p.args), m + "_INVALID");
      }
    const std::string year = TodayLocalIso().substr(0, 4);
    v.DateInput("FROM_DATE", "from", Text("scorecards.field_from"), Text("scorecards.hint_from"),
                typed.count("from") ? typed.at("from") : year + "-01-01");
    v.DateInput("TO_DATE", "to", Text("scorecards.field_to"), Text("scorecards.hint_to"),
                typed.count("to") ? typed.at("to") : year + "-12-31");
  }
  return v.render(err ? 400 : 200);
}

// ---- /cham-diem/danh-gia/{id} ----
struct Typed {
  std::map<std::string, std::string> form;
  std::string action;
};

Response AssessmentPage(Context& ctx, Service& svc, int64_t id, const Typed* typed = nullptr,
                        const AppError* err = nullptr) {
  auto view = svc.View(*ctx.user, id);
  const auto& a = view.a;
  std::map<std::string, std::vector<Evidence>> evidence;
  for (auto& e : svc.EvidenceOf(*ctx.user, id)) evidence[e.line_key].push_back(e);
  PageView v(ctx, Text("scorecards.assessment_title", {{"unit", a.unit_name}}),
             "features/scorecards/templates/assessment.tpl");
  v.ShowDone("scorecards.done.");
  if (err) v.ShowErrors(*err);
  std::map<std::string, std::string> errors;
  if (err)
    for (const auto& p : err->problems()) errors[p.field] = Text(p.key, p.args);
  auto& b = v.body();
  b.SetIntValue("ID", a.id);
  b.SetValue("UNIT", a.unit_name);
  b.SetValue("UNIT_CODE", a.unit_code);
  b.SetValue("SET", view.set.name);
  b.SetIntValue("SET_ID", view.set.id);
  b.SetValue("FROM", a.from);
  b.SetValue("PERIOD", PeriodText(a.from, a.to));
  b.SetValue("STATE", StateText(a.state));
  b.SetValue("TOTAL", FormatPoints(view.score.total));
  b.SetValue("MAX_TOTAL", FormatPoints(view.score.max_total));
  if (a.state != State::kLocked) b.ShowSection("PROVISIONAL");
  if (view.recognition.recognised)
    b.ShowSection("RECOGNISED");
  else
    b.ShowSection("NOT_RECOGNISED");
  if (!a.return_comment.empty() && a.state == State::kReturned)
    b.SetValueAndShowSection("RETURN_COMMENT", a.return_comment, "RETURNED");
  if (view.score.below_minimum) b.ShowSection("BELOW_MINIMUM");
  auto typed_of = [&](const std::string& field, const std::string& fallback) {
    if (typed && typed->form.count(field)) return typed->form.at(field);
    return fallback;
  };
  // The steps' deadlines, how far off the open step's is, and the form to set them.
  const std::string today = TodayLocalIso();
  for (const auto& [marker, due, open] :
       {std::tuple{"SELF_DUE", a.self_due, a.state == State::kDraft || a.state == State::kReturned},
        std::tuple{"APPRAISAL_DUE", a.appraisal_due, a.state == State::kSubmitted}}) {
    if (due.empty()) continue;
    const auto days = (*ParseIsoDate(due) - *ParseIsoDate(today)).count();
    std::string text = DisplayDate(due);
    if (open)
      text += " (" +
              (days < 0    ? Text("scorecards.deadline.overdue", {{"n", std::to_string(-days)}})
               : days == 0 ? Text("scorecards.deadline.today")
                           : Text("scorecards.deadline.left", {{"n", std::to_string(days)}})) +
              ")";
    b.SetValueAndShowSection(marker, text, std::string("HAS_") + marker);
  }
  if (view.may_set_deadlines) {
    b.ShowSection("DEADLINE_FORM");
    b.SetIntValue("REMIND_DAYS", kRemindDaysBefore);
    const bool mine = typed && typed->action == "deadlines";
    v.DateInput("SELF_DUE_DATE", "self_due", Text("scorecards.field_self_due"), Text("scorecards.hint_self_due"),
                mine ? typed_of("self_due", "") : a.self_due);
    v.DateInput("APPRAISAL_DUE_DATE", "appraisal_due", Text("scorecards.field_appraisal_due"),
                Text("scorecards.hint_appraisal_due"), mine ? typed_of("appraisal_due", "") : a.appraisal_due);
  }
  for (const Criterion* c : Leaves(view.set)) {
    auto* row = b.AddSectionDictionary("LINE");
    const Line* l = a.lines.count(c->key) ? &a.lines.at(c->key) : nullptr;
    const auto& ls = view.score.lines.at(c->key);
    row->SetValue("KEY", c->key);
    row->SetValue("FIELD", render::FieldId("lines." + c->key));
    row->SetValue("TITLE", c->title);
    row->SetValue("MAX", FormatPoints(c->max));
    row->SetValue("METHOD", MethodText(*c));
    row->SetValue("POINTS", FormatPoints(ls.points));
    if (c->evidence_required) row->SetValueAndShowSection("EVIDENCE", c->evidence_what, "HAS_EVIDENCE");
    if (c->method != Method::kManual) {
      row->ShowSection("COMPUTED");
      if (ls.raw)
        row->SetValueAndShowSection(
            "RAW",
            Text(c->method == Method::kSurvey || IsRate(c->indicator) ? "scorecards.raw_rate" : "scorecards.raw_count",
                 {{"count", std::to_string(ls.raw->count)}, {"volume", std::to_string(ls.raw->volume)}}),
            "HAS_RAW");
      if (ls.below_minimum)
        row->SetValueAndShowSection("MIN", std::to_string(MinVolume(view.set, *c)), "LINE_BELOW_MINIMUM");
    }
    row->SetValue("SELF", l && l->self_points ? FormatPoints(*l->self_points) : "—");
    row->SetValue("APPRAISED", l && l->appraised_points ? FormatPoints(*l->appraised_points) : "—");
    if (l && !l->explanation.empty()) row->SetValueAndShowSection("EXPLANATION", l->explanation, "HAS_EXPLANATION");
    for (const auto& e : evidence[c->key]) {
      auto* f = row->AddSectionDictionary("FILE");
      f->SetIntValue("FILE_ID", e.id);
      f->SetValue("FILE_NAME", e.name);
      f->SetValue("FILE_SIZE", Text("scorecards.file_size", {{"kb", std::to_string((e.size + 1023) / 1024)}}));
    }
    if (l && !l->appraisal_reason.empty()) row->SetValueAndShowSection("REASON", l->appraisal_reason, "HAS_REASON");
    const std::string f = "lines." + c->key;
    if (view.may_self_assess && c->method == Method::kManual) {
      auto* in = row->AddSectionDictionary("SELF_INPUT");
      in->SetValue("KEY", c->key);
      in->SetValue("FIELD", render::FieldId(f));
      in->SetValue("MAX", FormatPoints(c->max));
      in->SetValue("STEP", FormatPoints(c->step));
      in->SetValue("VALUE", typed_of(f + ".points", l && l->self_points ? FormatPoints(*l->self_points) : ""));
      in->SetValue("EXPLANATION_VALUE", typed_of(f + ".explanation", l ? l->explanation : ""));
      if (c->evidence_required) in->SetValueAndShowSection("EVIDENCE", c->evidence_what, "HAS_EVIDENCE");
      if (errors.count(f + ".points")) in->SetValueAndShowSection("ERROR", errors.at(f + ".points"), "INVALID");
      if (errors.count(f + ".explanation"))
        in->SetValueAndShowSection("EXPLANATION_ERROR", errors.at(f + ".explanation"), "EXPLANATION_INVALID");
    }
    if (view.may_appraise) {
      auto* in = row->AddSectionDictionary("APPRAISE_INPUT");
      in->SetValue("KEY", c->key);
      in->SetValue("FIELD", render::FieldId(f));
      in->SetValue("MAX", FormatPoints(c->max));
      in->SetValue("STEP", FormatPoints(c->step));
      bool adjusted = l && l->appraised_points && !l->appraisal_reason.empty();
      std::string decision = typed_of(f + ".decision", adjusted ? "adjust" : "accept");
      in->ShowSection(decision == "adjust" ? "ADJUST_CHECKED" : "ACCEPT_CHECKED");
      in->SetValue("VALUE", typed_of(f + ".points", adjusted ? FormatPoints(*l->appraised_points) : ""));
      in->SetValue("REASON_VALUE", typed_of(f + ".reason", l ? l->appraisal_reason : ""));
      if (errors.count(f + ".points")) in->SetValueAndShowSection("ERROR", errors.at(f + ".points"), "INVALID");
      if (errors.count(f + ".reason"))
        in->SetValueAndShowSection("REASON_ERROR", errors.at(f + ".reason"), "REASON_INVALID");
    }
  }
  if (view.may_self_assess) {
    b.ShowSection("SELF_FORM");
    auto* up = b.AddSectionDictionary("UPLOAD");
    std::string chosen = typed_of("line", "");
    size_t attached = 0;
    for (const Criterion* c : Leaves(view.set)) {
      auto* o = up->AddSectionDictionary("LINE_OPTION");
      o->SetValue("KEY", c->key);
      o->SetValue("TITLE", c->title);
      if (c->key == chosen) o->ShowSection("SELECTED");
      for (const auto& e : evidence[c->key]) {
        auto* f = up->AddSectionDictionary("ATTACHED");
        f->SetIntValue("FILE_ID", e.id);
        f->SetValue("KEY", c->key);
        f->SetValue("FILE_NAME", e.name);
        ++attached;
      }
    }
    if (attached) up->ShowSection("HAS_ATTACHED");
    up->SetValue("NAME_VALUE", typed_of("name", ""));
    for (const char* f : {"line", "name", "file"})
      if (errors.count(f)) {
        std::string m = f == std::string("line") ? "LINE" : f == std::string("name") ? "NAME" : "FILE";
        up->SetValueAndShowSection(m + "_ERROR", errors.at(f), m + "_INVALID");
      }
  }
  if (view.may_appraise) {
    b.ShowSection("APPRAISE_FORM");
    if (!view.set.recognition.disqualifiers.empty()) b.ShowSection("HAS_FLAGS");
    for (const auto& d : view.set.recognition.disqualifiers) {
      auto* dq = b.AddSectionDictionary("FLAG");
      dq->SetValue("KEY", d.key);
      dq->SetValue("TITLE", d.title);
      if (a.flags.count(d.key)) dq->ShowSection("CHECKED");
    }
    b.SetValue("COMMENT_VALUE", typed_of("comment", ""));
    if (errors.count("comment")) b.SetValueAndShowSection("COMMENT_ERROR", errors.at("comment"), "COMMENT_INVALID");
  }
  for (const auto& g : view.gaps) {
    auto* row = b.AddSectionDictionary("GAP");
    row->SetValue("KEY", g.key);
    row->SetValue("TITLE", g.title);
    row->SetValue("GAP", FormatPoints(g.gap()));
    row->SetValue("POINTS", FormatPoints(g.points));
    row->SetValue("MAX", FormatPoints(g.max));
  }
  if (!view.gaps.empty()) b.ShowSection("HAS_GAPS");
  for (const auto& reason : RecognitionReasons(view.set, view.recognition))
    b.AddSectionDictionary("REASON")->SetValue("TEXT", reason);
  return v.render(err ? http::StatusOf(err->kind()) : 200);
}

Response PostAssessment(Context& ctx, Service& svc) {
  auto id = ctx.req.id_param("id");
  if (!id) throw NotFound("scorecards.assessment_not_found");
  Typed typed{ctx.req.form(), ""};
  typed.action = typed.form.count("action") ? typed.form.at("action") : "";
  auto field = [&](const std::string& k) { return typed.form.count(k) ? typed.form.at(k) : std::string(); };
  std::string done;
  try {
    if (typed.action == "save" || typed.action == "submit") {
      std::map<std::string, SelfInput> in;
      for (const auto& [k, val] : typed.form)
        if (k.starts_with("lines.") && k.ends_with(".points")) {
          std::string key = k.substr(6, k.size() - 6 - 7);
          in[key] = {val, field("lines." + key + ".explanation")};
        }
      svc.SelfAssess(*ctx.user, *id, in);
      if (typed.action == "submit") svc.Submit(*ctx.user, *id);
      done = typed.action == "submit" ? "submitted" : "saved";
    } else if (typed.action == "appraise" || typed.action == "lock") {
      std::map<std::string, AppraisalInput> in;
      std::set<std::string> flags;
      for (const auto& [k, val] : typed.form) {
        if (k.starts_with("lines.") && k.ends_with(".decision")) {
          std::string key = k.substr(6, k.size() - 6 - 9);
          in[key] = {val == "adjust", field("lines." + key + ".points"), field("lines." + key + ".reason")};
        }
        if (k.starts_with("flag.")) flags.insert(k.substr(5));
      }
      svc.Appraise(*ctx.user, *id, in, flags);
      if (typed.action == "lock") svc.Lock(*ctx.user, *id);
      done = typed.action == "lock" ? "locked" : "appraised";
    } else if (typed.action == "return") {
      svc.Return(*ctx.user, *id, field("comment"));
      done = "returned";
    } else if (typed.action == "deadlines") {
      typed.form["self_due"] = render::DateFromForm(typed.form, "self_due");
      typed.form["appraisal_due"] = render::DateFromForm(typed.form, "appraisal_due");
      svc.SetDeadlines(*ctx.user, *id, field("self_due"), field("appraisal_due"));
      done = "deadlines";
    } else {
      throw BadInput("scorecards.action_unknown", "action");
    }
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    return AssessmentPage(ctx, svc, *id, &typed, &e);
  }
  return Response::Redirect("/cham-diem/danh-gia/" + std::to_string(*id) + "?done=" + done);
}

Response PostEvidence(Context& ctx, Service& svc) {
  auto id = ctx.req.id_param("id");
  if (!id) throw NotFound("scorecards.assessment_not_found");
  Typed typed{ctx.req.form(), "evidence"};
  auto field = [&](const std::string& k) { return typed.form.count(k) ? typed.form.at(k) : std::string(); };
  try {
    svc.AddEvidence(*ctx.user, *id, field("line"), field("name"), field("file"));
  } catch (const AppError& e) {
    // A file too large or of another type is shown beside the file input, as bad input is.
    if (!render::ShownInForm(e) && e.kind() != ErrorKind::kTooLarge && e.kind() != ErrorKind::kUnsupportedMediaType)
      throw;
    typed.form.erase("file");
    return AssessmentPage(ctx, svc, *id, &typed, &e);
  }
  return Response::Redirect("/cham-diem/danh-gia/" + std::to_string(*id) + "?done=evidence");
}

Response EvidenceDownload(Context& ctx, Service& svc) {
  auto id = ctx.req.id_param("id");
  if (!id) throw NotFound("scorecards.evidence_not_found");
  auto [e, bytes] = svc.EvidenceFile(*ctx.user, *id);
  // The stored name is typed text: the header carries an ASCII name only.
  return Response::Attachment(std::move(bytes), e.mime, "minh-chung-" + std::to_string(e.id));
}

// ---- /cham-diem/xep-hang ----
Response RankingPage(Context& ctx, Service& svc) {
  const int64_t asked = SetFromQuery(ctx.req);
  PageView v(ctx, Text("scorecards.ranking_title"), "features/scorecards/templates/ranking.tpl");
  auto& b = v.body();
  const int64_t set_id = SetOptions(b, svc.Sets(*ctx.user), AssessmentsSeen(svc, *ctx.user), asked, false);
  if (set_id == 0) return v.render();
  const std::string unit = ctx.req.query_param("unit"), from = ctx.req.query_param("from");
  auto r = svc.RankingOf(*ctx.user, set_id, unit, from);
  if (!KnownPeriod(r, from)) r = svc.RankingOf(*ctx.user, set_id, unit, "");
  PeriodOptions(b, r);
  b.SetValue("QUERY", "?set=" + std::to_string(r.set.id) + "&unit=" + r.unit_code + "&from=" + r.from);
  b.ShowSection("RESULT");
  b.SetValue("SET", r.set.name);
  b.SetValue("UNIT", r.unit_name);
  b.SetValue("PERIOD", r.to.empty() ? "—" : PeriodText(r.from, r.to));
  Points max = 0;
  for (const auto& c : r.set.criteria) max += c.max;
  std::vector<ScoreBar> bars;
  bool any_tie = false;
  for (const auto& x : r.rows) {
    auto* row = b.AddSectionDictionary("ROW");
    row->SetValue("UNIT", x.entry.unit_name);
    row->SetValue("TOTAL", FormatPoints(x.entry.total));
    if (x.rank == 0) {
      row->SetValue("RANK", Text("scorecards.unranked"));
      row->SetValue("NOTE", Text("scorecards.unranked_note", {{"min", std::to_string(r.set.min_volume)}}));
      continue;
    }
    row->SetValue("RANK",
                  x.tied ? Text("scorecards.rank_tied", {{"rank", std::to_string(x.rank)}}) : std::to_string(x.rank));
    any_tie = any_tie || x.tied;
    bars.push_back({std::to_string(x.rank) + ". " + x.entry.unit_name, x.entry.total});
  }
  if (any_tie) b.ShowSection("TIES");
  if (r.pending > 0) b.SetValueAndShowSection("PENDING", std::to_string(r.pending), "HAS_PENDING");
  b.SetValue("CHART",
             RankingChartSvg(bars, max, Text("scorecards.chart_title"),
                             Text("scorecards.chart_desc", {{"unit", r.unit_name}}), Text("scorecards.chart_empty")));
  return v.render();
}

}  // namespace

void RegisterPages(http::App& app, const std::shared_ptr<Service>& svc) {
  app.page("GET", "/cham-diem", http::Access::kUser, [svc](Context& ctx) { return HomePage(ctx, *svc); });
  app.page("POST", "/cham-diem", http::Access::kUser, [svc](Context& ctx) {
    auto form = ctx.req.form();
    form["from"] = render::DateFromForm(form, "from");
    form["to"] = render::DateFromForm(form, "to");
    try {
      const int64_t set_id = SetIdOf(form["set"], "set");
      if (set_id == 0) throw BadInput("scorecards.set_not_found", "set");
      if (text::Trim(form["unit"]).empty())
        throw BadInput("error.required", "unit", {{"field", Text("scorecards.field_unit")}});
      auto a = svc->Open(*ctx.user, set_id, text::Trim(form["unit"]), form["from"], form["to"]);
      return Response::Redirect("/cham-diem/danh-gia/" + std::to_string(a.id) + "?done=opened");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return HomePage(ctx, *svc, form, &e);
    }
  });
  app.page("GET", "/cham-diem/danh-gia/{id}", http::Access::kUser, [svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("scorecards.assessment_not_found");
    return AssessmentPage(ctx, *svc, *id);
  });
  app.page("POST", "/cham-diem/danh-gia/{id}", http::Access::kUser,
           [svc](Context& ctx) { return PostAssessment(ctx, *svc); });
  app.page("POST", "/cham-diem/danh-gia/{id}/minh-chung", http::Access::kUser,
           [svc](Context& ctx) { return PostEvidence(ctx, *svc); });
  // A file of up to kMaxEvidenceBytes, with its multipart framing.
  app.allow_body("POST", "/cham-diem/danh-gia/{id}/minh-chung", kMaxEvidenceBytes + 64 * 1024);
  app.page("POST", "/cham-diem/minh-chung/{id}/xoa", http::Access::kUser, [svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("scorecards.evidence_not_found");
    const int64_t assessment = svc->RemoveEvidence(*ctx.user, *id);
    return Response::Redirect("/cham-diem/danh-gia/" + std::to_string(assessment) + "?done=evidence_removed");
  });
  app.page("GET", "/cham-diem/minh-chung/{id}", http::Access::kUser,
           [svc](Context& ctx) { return EvidenceDownload(ctx, *svc); });
  app.page("GET", "/cham-diem/xep-hang", http::Access::kUser, [svc](Context& ctx) { return RankingPage(ctx, *svc); });
}

}  // namespace fg::scorecards
