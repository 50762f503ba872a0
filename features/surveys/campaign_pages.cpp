// Survey campaign pages. Citizens: /khao-sat/{token} (a printed invitation)
// and /khao-sat/mo/{link} (a unit's open link), no login, no script, one page
// of fieldsets; /khao-sat/cam-on. Officials: /surveys/campaigns (list, new),
// /surveys/campaigns/{id} (progress, open links, invitations), the
// invitation sheets and open-link posters as PDF, and the report with its
// CSV and XLSX.
#include <cmath>

#include "features/letters/chart.h"
#include "features/ratings/web.h"
#include "features/surveys/answer_form.h"
#include "features/surveys/routes.h"
#include "features/surveys/rules.h"
#include "platform/auth/crypto.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/render/pdf.h"
#include "platform/render/qr.h"
#include "platform/render/xlsx.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::surveys {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

// ---- helpers ----

std::string Day(const std::string& iso) { return DisplayDate(iso); }

std::string RoundLine(int round, const Campaign& dates) {
  return Text("surveys.round_line",
              {{"round", std::to_string(round)}, {"from", Day(dates.from)}, {"to", Day(dates.to)}});
}

// The campaign's state in the round in force.
std::string StateText(const Campaign& k, const Campaign& round_dates, bool open) {
  if (k.closed()) return Text("surveys.state.closed_early", {{"day", Day(k.closed_on)}});
  return Text(open                                 ? "surveys.state.open"
              : TodayLocalIso() < round_dates.from ? "surveys.state.not_yet"
                                                   : "surveys.state.closed");
}

std::string Percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", v * 100);
  std::string s = buf;
  for (auto& ch : s)
    if (ch == '.') ch = ',';
  return s;
}

std::string ElementName(const std::string& e) {
  const std::string key = "surveys.element." + e;
  const std::string t = Text(key);
  return t == key ? e : t;
}

std::string AnswerLabel(const Question& q, const std::string& value) {
  if (q.kind == QuestionKind::kLikert) return value + " – " + Text("surveys.likert." + value);
  const size_t i = static_cast<size_t>(std::stoul(value));
  return i < q.options.size() ? q.options[i] : value;
}

std::string PublicBase() { return render::Site().public_url; }
std::string InvitationUrl(const std::string& token) { return PublicBase() + "/khao-sat/" + token; }
std::string OpenUrl(const std::string& link) { return PublicBase() + "/khao-sat/mo/" + link; }

Answers AnswersOf(const Context& ctx) {
  Answers a;
  for (const auto& [k, v] : ctx.req.form_all())
    if (k.rfind("answers.", 0) == 0) a[k.substr(8)].push_back(v);
  return a;
}

}  // namespace

void FillQuestions(ctemplate::TemplateDictionary& b, const Questionnaire& questionnaire, const Answers& typed,
                   const std::map<std::string, std::string>& errors) {
  auto* inc = b.AddIncludeDictionary("QUESTIONS");
  inc->SetFilename("features/surveys/templates/survey_questions.tpl");
  int n = 0;
  for (const auto& s : questionnaire.sections) {
    auto* sd = inc->AddSectionDictionary("SECTION");
    sd->SetValue("TITLE", s.title);
    for (const auto& q : s.questions) {
      auto* qd = sd->AddSectionDictionary("QUESTION");
      const std::string field = "answers." + q.key;
      const std::string id = render::FieldId(field);
      qd->SetIntValue("N", ++n);
      qd->SetValue("TEXT", q.text);
      qd->SetValue("FIELD_ID", id);
      qd->SetValue("NAME", field);
      // The question's own part (sections are set on the dictionary that shows them).
      auto* part = qd->AddSectionDictionary(q.kind == QuestionKind::kText ? "TEXT_INPUT" : "CHOICE");
      part->ShowSection(q.required ? "REQUIRED" : "OPTIONAL");
      if (auto e = errors.find(field); e != errors.end()) part->SetValueAndShowSection("ERROR", e->second, "INVALID");
      const auto given = typed.count(q.key) ? typed.at(q.key) : std::vector<std::string>{};
      auto chosen = [&](const std::string& value) {
        return std::find(given.begin(), given.end(), value) != given.end();
      };
      if (q.kind == QuestionKind::kText) {
        part->SetValue("VALUE", given.empty() ? "" : given[0]);
        part->SetIntValue("MAX", static_cast<long>(kMaxAnswerChars));
        continue;
      }
      if (q.kind == QuestionKind::kMultiple) part->ShowSection("MANY");
      auto option = [&](const std::string& value, const std::string& label) {
        auto* o = part->AddSectionDictionary("OPTION");
        o->SetValue("TYPE", q.kind == QuestionKind::kMultiple ? "checkbox" : "radio");
        o->SetValue("VALUE", value);
        o->SetValue("OPTION_ID", id + "-" + value);
        o->SetValue("LABEL", label);
        if (chosen(value)) o->ShowSection("CHECKED");
      };
      if (q.kind == QuestionKind::kLikert)
        for (int level = 5; level >= 1; --level)
          option(std::to_string(level), Text("surveys.likert." + std::to_string(level)));
      else
        for (size_t i = 0; i < q.options.size(); ++i) option(std::to_string(i), q.options[i]);
    }
  }
}

namespace {

// ---- the citizen's page ----

Response AnswerPage(Context& ctx, const AnswerTarget& t, const std::string& action, const Answers& typed,
                    const AppError* err, int status) {
  PageView v(ctx, Text("surveys.answer_title"), "features/surveys/templates/campaign_answer.tpl");
  auto& b = v.body();
  b.SetValue("CAMPAIGN", t.campaign.name);
  b.SetValue("UNIT", t.unit_name);
  b.SetValue("ROUND_LINE", RoundLine(t.round, t.round_dates));
  switch (t.state) {
    case AnswerState::kNotYet:
      b.SetValueAndShowSection("FROM", Day(t.round_dates.from), "NOT_YET");
      return v.render(status);
    case AnswerState::kClosed: b.ShowSection("CLOSED"); return v.render(status);
    case AnswerState::kAnswered: b.ShowSection("ANSWERED"); return v.render(status);
    case AnswerState::kOpen: break;
  }
  std::map<std::string, std::string> errors;
  if (err) {
    v.ShowErrors(*err);
    for (const auto& p : err->problems()) errors[p.field] = Text(p.key, p.args);
  }
  b.ShowSection("FORM");
  b.SetValue("ACTION", action);
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  FillQuestions(b, t.questionnaire, typed, errors);
  return v.render(status);
}

AnswerState StateOf(const AppError& e) {
  if (e.key() == "surveys.campaign_not_started") return AnswerState::kNotYet;
  if (e.key() == "surveys.campaign_closed") return AnswerState::kClosed;
  return AnswerState::kAnswered;
}

// Shows the outcome of a submission: the thank-you page, the form again with
// every problem, or the state that refused it.
Response Submitted(Context& ctx, AnswerTarget t, const std::string& action, const Answers& typed,
                   const std::function<void()>& submit) {
  try {
    submit();
  } catch (const AppError& e) {
    if (e.kind() == ErrorKind::kBadRequest) return AnswerPage(ctx, t, action, typed, &e, 400);
    if (e.kind() != ErrorKind::kConflict) throw;
    t.state = StateOf(e);
    return AnswerPage(ctx, t, action, typed, nullptr, 409);
  }
  return Response::Redirect("/khao-sat/cam-on");
}

// ---- officials: list and new ----

std::string AdminUnit(const auth::Principal& p) {
  for (const auto& g : p.grants)
    if (g.role == auth::Role::kAdmin) return g.unit_code;
  return "";
}

Response ListPage(Context& ctx, Service& svc) {
  PageView v(ctx, Text("surveys.campaigns_title"), "features/surveys/templates/campaign_list.tpl");
  auto& b = v.body();
  if (auth::HasRole(*ctx.user, auth::Role::kAdmin)) b.ShowSection("MAY_CREATE");
  const auto list = svc.Campaigns(*ctx.user);
  if (list.empty())
    b.ShowSection("EMPTY");
  else
    b.ShowSection("HAS_CAMPAIGNS");
  for (const auto& s : list) {
    auto* r = b.AddSectionDictionary("CAMPAIGN");
    r->SetValue("NAME", s.campaign.name);
    r->SetValue("URL", "/surveys/campaigns/" + std::to_string(s.campaign.id));
    r->SetValue("ROUND_LINE", RoundLine(s.round, s.round_dates));
    r->SetIntValue("UNITS", static_cast<long>(s.campaign.unit_codes.size()));
    r->SetIntValue("RESPONSES", s.responses);
    r->SetIntValue("TARGET", s.target_total);
    r->SetValue("STATE", StateText(s.campaign, s.round_dates, s.open));
  }
  return v.render();
}

struct NewForm {
  CampaignInput in;
  std::string units_text;
};

Response NewPage(Context& ctx, Service& svc, const NewForm& f, const AppError* err) {
  if (!auth::HasRole(*ctx.user, auth::Role::kAdmin)) throw Forbidden();  // no form for who cannot create
  PageView v(ctx, Text("surveys.campaign_new_title"), "features/surveys/templates/campaign_new.tpl");
  if (err) v.ShowErrors(*err);
  auto& b = v.body();
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  b.SetValue("NAME", f.in.name);
  b.SetValue("UNITS", f.units_text);
  b.SetValue("TARGET", f.in.target);
  if (f.in.repeat_6_months) b.ShowSection("REPEAT_CHECKED");
  const int64_t chosen = f.in.questionnaire_id ? f.in.questionnaire_id : svc.SipasTemplate().id;
  for (const auto& q : svc.Questionnaires(AdminUnit(*ctx.user))) {
    auto* o = b.AddSectionDictionary("QUESTIONNAIRE");
    o->SetIntValue("ID", q.id);
    o->SetValue("LABEL", Text("surveys.questionnaire_option",
                              {{"name", q.name}, {"code", q.code}, {"version", std::to_string(q.version)}}));
    if (q.id == chosen) o->ShowSection("SELECTED");
  }
  v.DateInput("FROM_DATE", "from", Text("surveys.field_from"), Text("surveys.hint_from"), f.in.from);
  v.DateInput("TO_DATE", "to", Text("surveys.field_to"), Text("surveys.hint_to"), f.in.to);
  return v.render(err ? 400 : 200);
}

NewForm NewFormOf(const Context& ctx) {
  auto form = ctx.req.form();
  NewForm f;
  f.in.name = form["name"];
  f.in.questionnaire_id = http::ParseInt64(form["questionnaire_id"]).value_or(0);
  f.in.from = render::DateFromForm(form, "from");
  f.in.to = render::DateFromForm(form, "to");
  f.units_text = form["units"];
  std::string cur;
  for (char ch : f.units_text + ",") {
    if (ch == ',' || ch == ';' || ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
      if (!cur.empty()) f.in.unit_codes.push_back(cur);
      cur.clear();
    } else {
      cur += ch;
    }
  }
  f.in.target = form["target"];
  f.in.repeat_6_months = !form["repeat"].empty();
  return f;
}

// ---- officials: the campaign ----

void FillIndexes(ctemplate::TemplateDictionary& b, const CampaignReport& r) {
  for (const auto& e : r.elements) {
    auto* d = b.AddSectionDictionary("ELEMENT");
    d->SetValue("NAME", ElementName(e.element));
    d->SetIntValue("ANSWERS", e.share.total);
    d->SetValue("INDEX", e.share.total ? Percent(e.share.value) : "—");
    d->SetValue("INTERVAL", e.share.total ? Percent(e.share.low) + " – " + Percent(e.share.high) : "—");
    if (e.share.too_few) d->SetValueAndShowSection("MARK", Text("surveys.too_few"), "TOO_FEW");
  }
  b.SetValue("SIPAS", r.responses ? Percent(r.sipas) : "—");
  b.SetIntValue("RESPONSES", r.responses);
  b.SetIntValue("MINIMUM", r.minimum);
}

Response CampaignPage(Context& ctx, Service& svc, int64_t id, const AppError* invite_error = nullptr) {
  const auto c = svc.GetCampaign(*ctx.user, id);
  PageView v(ctx, Text("surveys.campaign_title", {{"name", c.campaign.name}}),
             "features/surveys/templates/campaign_show.tpl");
  v.ShowDone("surveys.done.", {{"count", ctx.req.query_param("count")}});
  if (invite_error) v.ShowErrors(*invite_error);
  auto& b = v.body();
  std::string chosen_unit, count = "50";
  bool per_official = false;
  if (invite_error) {
    auto form = ctx.req.form();
    chosen_unit = form["unit"];
    count = form["count"];
    per_official = form["per"] == "official";
  }
  b.SetValue("COUNT", count);
  b.ShowSection(per_official ? "PER_OFFICIAL" : "PER_UNIT");
  const std::string base = "/surveys/campaigns/" + std::to_string(id);
  b.SetValue("NAME", c.campaign.name);
  b.SetValue("QUESTIONNAIRE", c.questionnaire_name);
  b.SetValue("ROUND_LINE", RoundLine(c.round, c.round_dates));
  b.SetIntValue("TARGET", c.campaign.target);
  b.ShowSection(c.campaign.repeat_6_months ? "REPEATS" : "ONCE");
  b.SetValue("STATE", StateText(c.campaign, c.round_dates, c.open));
  if (c.may_manage && !c.campaign.closed()) {
    b.ShowSection("MAY_MANAGE");
    b.SetValue("EDIT_URL", base + "/edit");
    b.SetValue("CLOSE_URL", base + "/close");
  }
  for (const auto& u : c.units) {
    auto* r = b.AddSectionDictionary("UNIT");
    r->SetValue("NAME", u.name);
    r->SetValue("CODE", u.code);
    r->SetIntValue("RESPONSES", u.responses);
    r->SetIntValue("TARGET", c.campaign.target);
    r->SetValue("PERCENT", Percent(c.campaign.target ? std::min(1.0, static_cast<double>(u.responses) /
                                                                         static_cast<double>(c.campaign.target))
                                                     : 0));
    r->SetValue("LINK", OpenUrl(u.link));
    r->SetValue("LINK_PATH", "/khao-sat/mo/" + u.link);
    r->SetValue(
        "QR", render::qr::Svg(render::qr::Encode(OpenUrl(u.link)), Text("surveys.qr_label", {{"unit", u.name}}), 120));
    r->SetValue("POSTER_URL", base + "/link.pdf?unit=" + http::UrlEncode(u.code));
    r->SetValue("REPORT_URL", base + "/report?unit=" + http::UrlEncode(u.code));
    if (c.may_print) {
      auto* o = b.AddSectionDictionary("UNIT_OPTION");
      o->SetValue("CODE", u.code);
      o->SetValue("NAME", u.name);
      if (u.code == chosen_unit) o->ShowSection("SELECTED");
    }
  }
  if (c.may_print) {
    b.ShowSection("MAY_PRINT");
    b.SetValue("CSRF_TOKEN", ctx.csrf_token);
    b.SetValue("INVITE_ACTION", base + "/invitations");
  }
  const auto from = http::ParseInt64(ctx.req.query_param("from")), to = http::ParseInt64(ctx.req.query_param("to"));
  if (ctx.req.query_param("done") == "invitations" && from && to)
    b.SetValueAndShowSection("SHEET_URL",
                             base + "/invitations.pdf?from=" + std::to_string(*from) + "&to=" + std::to_string(*to),
                             "SHEET_READY");
  if (!c.batches.empty()) b.ShowSection("HAS_BATCHES");
  for (const auto& s : c.batches) {
    auto* d = b.AddSectionDictionary("BATCH");
    const std::string range = "?from=" + std::to_string(s.from_id) + "&to=" + std::to_string(s.to_id);
    d->SetValue("AT", FormatLocal(s.created_at));
    d->SetValue("UNIT", s.unit_name);
    d->SetIntValue("COUNT", s.count);
    d->ShowSection(s.per_official ? "BY_OFFICIAL" : "BY_UNIT");
    d->SetValue("PAGE_URL", base + "/invitations" + range);
    d->SetValue("PDF_URL", base + "/invitations.pdf" + range);
  }
  const auto rep = svc.CampaignResults(*ctx.user, id, "");
  b.SetValue("RESULT_UNIT", rep.unit_name);
  FillIndexes(b, rep);
  b.SetValue("REPORT_URL", base + "/report");
  return v.render(invite_error ? 400 : 200);
}

Response BatchPage(Context& ctx, Service& svc, int64_t id) {
  const auto c = svc.GetCampaign(*ctx.user, id);
  const auto from = http::ParseInt64(ctx.req.query_param("from")).value_or(0),
             to = http::ParseInt64(ctx.req.query_param("to")).value_or(0);
  const auto list = svc.Invitations(*ctx.user, id, from, to);
  PageView v(ctx, Text("surveys.invitations_pdf_title"), "features/surveys/templates/campaign_invitations.tpl");
  auto& b = v.body();
  const std::string base = "/surveys/campaigns/" + std::to_string(id);
  b.SetValue("NAME", c.campaign.name);
  b.SetValue("CAMPAIGN_URL", base);
  b.SetValue("PDF_URL", list.empty() ? base + "/invitations.pdf"
                                     : base + "/invitations.pdf?from=" + std::to_string(list.front().id) +
                                           "&to=" + std::to_string(list.back().id));
  if (list.empty())
    b.ShowSection("EMPTY");
  else
    b.ShowSection("HAS_INVITATIONS");
  for (const auto& i : list) {
    auto* d = b.AddSectionDictionary("INVITATION");
    d->SetIntValue("ID", i.id);
    d->SetValue("UNIT", i.unit_name);
    d->SetValue("OFFICIAL", i.official_name.empty() ? "—" : i.official_name);
    d->SetValue("URL", "/khao-sat/" + i.token);
    d->SetValue("FULL_URL", InvitationUrl(i.token));
  }
  return v.render();
}

// Invitation cards on A4, three by four, each with its QR and its link printed.
std::string InvitationsPdf(const std::vector<Invitation>& list, const std::string& campaign) {
  namespace pdf = render::pdf;
  std::vector<render::qr::Matrix> codes;
  codes.reserve(list.size());
  for (const auto& i : list) codes.push_back(render::qr::Encode(InvitationUrl(i.token)));
  return pdf::Render(pdf::Paper::kA4, Text("surveys.invitations_pdf_title"), [&](pdf::Document& doc) {
    pdf::Table t;
    t.widths = {1, 1, 1};
    t.size = 7.5;
    t.padding = 6;
    t.before = 0;
    for (size_t i = 0; i < list.size(); i += 3) {
      std::vector<pdf::Cell> row;
      for (size_t j = i; j < i + 3; ++j) {
        if (j >= list.size()) {
          row.push_back({""});
          continue;
        }
        const auto& inv = list[j];
        pdf::Cell cell;
        cell.align = pdf::Align::kCenter;
        cell.markup = "<b>" + pdf::Escape(Text("surveys.invitation_card_prompt")) + "</b>\n" + pdf::Escape(campaign) +
                      "\n" + pdf::Escape(inv.unit_name) +
                      (inv.official_name.empty() ? "" : "\n" + pdf::Escape(inv.official_name)) + "\n" +
                      pdf::Escape(Text("surveys.invitation_card_hint")) + "\n<tt>" +
                      pdf::Escape(InvitationUrl(inv.token)) + "</tt>";
        cell.qr = &codes[j];
        cell.qr_size = 100;
        row.push_back(std::move(cell));
      }
      t.rows.push_back(std::move(row));
    }
    doc.Table(t);
  });
}

std::string PosterPdf(const std::string& campaign, const CampaignUnit& u) {
  namespace pdf = render::pdf;
  const auto code = render::qr::Encode(OpenUrl(u.link));
  return pdf::Render(pdf::Paper::kA4, Text("surveys.open_link_card_prompt"), [&](pdf::Document& doc) {
    doc.Paragraph("<b>" + pdf::Escape(Text("surveys.open_link_card_prompt")) + "</b>",
                  {.size = 22, .bold = true, .align = pdf::Align::kCenter, .after = 8});
    doc.Paragraph(pdf::Escape(campaign), {.size = 14, .align = pdf::Align::kCenter, .after = 4});
    doc.Paragraph(pdf::Escape(u.name), {.size = 14, .align = pdf::Align::kCenter, .after = 16});
    doc.Qr(code, 300);
    doc.Paragraph(pdf::Escape(Text("surveys.invitation_card_hint")),
                  {.size = 13, .align = pdf::Align::kCenter, .before = 16, .after = 6});
    doc.Paragraph("<tt>" + pdf::Escape(OpenUrl(u.link)) + "</tt>", {.size = 11, .align = pdf::Align::kCenter});
  });
}

// ---- officials: editing and closing early ----

struct EditForm {
  CampaignEdit in;
  std::string to;  // as typed (also a date that is not one)
};

// What the edit and close pages share: the campaign's link, and for a campaign
// still open the errors and the form posting to `action` under the current
// version (a stale form comes back with it). False when the campaign is closed:
// the page then says when, and holds no form.
bool ManageForm(Context& ctx, PageView& v, const CampaignView& c, const AppError* err, const std::string& action) {
  auto& b = v.body();
  const std::string base = "/surveys/campaigns/" + std::to_string(c.campaign.id);
  b.SetValue("CAMPAIGN_URL", base);
  if (c.campaign.closed()) {
    b.SetValueAndShowSection("CLOSED_ON", Day(c.campaign.closed_on), "CLOSED");
    return false;
  }
  if (err) v.ShowErrors(*err);
  b.ShowSection("FORM");
  if (c.campaign.repeat_6_months) b.ShowSection("REPEATS");
  b.SetValue("ACTION", base + action);
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  b.SetIntValue("VERSION", c.campaign.version);
  return true;
}

Response EditPage(Context& ctx, const CampaignView& c, const EditForm& f, const AppError* err) {
  if (!c.may_manage) throw Forbidden();  // no form for who cannot save it
  PageView v(ctx, Text("surveys.campaign_edit_title", {{"name", c.campaign.name}}),
             "features/surveys/templates/campaign_edit.tpl");
  auto& b = v.body();
  b.SetValue("CURRENT_NAME", c.campaign.name);
  if (!ManageForm(ctx, v, c, err, "/edit")) return v.render();
  b.SetValue("NAME", f.in.name.value_or(""));
  b.SetValue("TARGET", f.in.target.value_or(""));
  v.DateInput("TO_DATE", "to", Text("surveys.field_to"), Text("surveys.hint_to"), f.to);
  return v.render(err ? http::StatusOf(err->kind()) : 200);
}

Response ClosePage(Context& ctx, const CampaignView& c, const AppError* err) {
  if (!c.may_manage) throw Forbidden();
  PageView v(ctx, Text("surveys.campaign_close_title", {{"name", c.campaign.name}}),
             "features/surveys/templates/campaign_close.tpl");
  auto& b = v.body();
  b.SetValue("NAME", c.campaign.name);
  if (!ManageForm(ctx, v, c, err, "/close")) return v.render();
  b.SetValue("ROUND_LINE", RoundLine(c.round, c.round_dates));
  int64_t responses = 0;
  for (const auto& u : c.units) responses += u.responses;
  b.SetIntValue("RESPONSES", responses);
  return v.render(err ? http::StatusOf(err->kind()) : 200);
}

int64_t VersionOf(const Context& ctx) { return http::ParseInt64(ctx.req.form()["version"]).value_or(0); }

// ---- officials: the report ----

struct ReportArgs {
  std::string unit, by;
  int round = 0;
  int64_t minimum = 0;
};

ReportArgs ReportArgsOf(const Context& ctx) {
  ReportArgs a;
  a.unit = ctx.req.query_param("unit");
  a.by = ctx.req.query_param("by");
  const std::string round = ctx.req.query_param("round"), minimum = ctx.req.query_param("minimum");
  if (!round.empty()) {
    auto r = http::ParseInt64(round);
    if (!r || *r < 1 || *r > kMaxRounds) throw BadInput("surveys.report_round", "round");
    a.round = static_cast<int>(*r);
  }
  if (!minimum.empty()) {
    auto m = http::ParseInt64(minimum);
    a.minimum = m.value_or(-1);
    if (!m || *m < 1) a.minimum = -1;  // refused by the service, beside its field
  }
  return a;
}

std::string IndexText(const stats::Share& s) { return s.total ? Percent(s.value) : ""; }
std::string IntervalText(const stats::Share& s) { return s.total ? Percent(s.low) + " – " + Percent(s.high) : ""; }

// By official: one line per official and element, then the official's SIPAS line.
std::vector<std::vector<std::string>> OfficialRows(const CampaignReport& r) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({Text("surveys.col.official"), Text("surveys.col.element"), Text("surveys.col.answers"),
                  Text("surveys.col.index"), Text("surveys.col.interval"), ""});
  for (const auto& g : r.groups) {
    for (const auto& e : g.elements)
      rows.push_back({g.label, ElementName(e.element), std::to_string(e.share.total), IndexText(e.share),
                      IntervalText(e.share), e.share.too_few ? Text("surveys.too_few") : ""});
    rows.push_back({g.label, Text("surveys.sipas_line"), std::to_string(g.responses),
                    g.responses ? Percent(g.sipas) : "", "", ""});
  }
  return rows;
}

std::vector<std::vector<std::string>> ReportRows(const CampaignReport& r) {
  if (r.by == "official") return OfficialRows(r);
  std::vector<std::vector<std::string>> rows;
  rows.push_back({Text("surveys.col.element"), Text("surveys.col.answers"), Text("surveys.col.index"),
                  Text("surveys.col.interval"), ""});
  for (const auto& e : r.elements)
    rows.push_back({ElementName(e.element), std::to_string(e.share.total), e.share.total ? Percent(e.share.value) : "",
                    e.share.total ? Percent(e.share.low) + " – " + Percent(e.share.high) : "",
                    e.share.too_few ? Text("surveys.too_few") : ""});
  rows.push_back(
      {Text("surveys.sipas_line"), std::to_string(r.responses), r.responses ? Percent(r.sipas) : "", "", ""});
  rows.emplace_back();
  rows.push_back({Text("surveys.col.question"), Text("surveys.col.answer"), Text("surveys.col.count"), "", ""});
  for (const auto& q : r.questions) {
    if (q.question.kind == QuestionKind::kText) {
      rows.push_back({q.question.text, Text("surveys.text_answers", {{"n", std::to_string(q.answered)}}),
                      std::to_string(q.answered), "", ""});
      continue;
    }
    for (const auto& [value, n] : q.answers)
      rows.push_back({q.question.text, AnswerLabel(q.question, value), std::to_string(n), "", ""});
  }
  return rows;
}

Response ReportPage(Context& ctx, Service& svc, int64_t id) {
  const auto c = svc.GetCampaign(*ctx.user, id);
  PageView v(ctx, Text("surveys.campaign_report_title", {{"name", c.campaign.name}}),
             "features/surveys/templates/campaign_report.tpl");
  auto& b = v.body();
  const std::string base = "/surveys/campaigns/" + std::to_string(id);
  b.SetValue("NAME", c.campaign.name);
  b.SetValue("CAMPAIGN_URL", base);
  b.SetValue("ACTION", base + "/report");
  b.SetValue("UNIT", ctx.req.query_param("unit"));
  b.SetValue("ROUND", ctx.req.query_param("round"));
  b.SetValue("MINIMUM", ctx.req.query_param("minimum"));
  b.ShowSection(ctx.req.query_param("by") == "official" ? "BY_OFFICIAL" : "BY_UNIT");
  CampaignReport r;
  try {
    const auto a = ReportArgsOf(ctx);
    r = svc.CampaignResults(*ctx.user, id, a.unit, a.round, a.minimum, a.by);
  } catch (const AppError& e) {
    if (e.kind() != ErrorKind::kBadRequest) throw;
    v.ShowErrors(e);
    return v.render(400);
  }
  b.SetValue("UNIT", r.unit_code);
  b.SetValue("ROUND", std::to_string(r.round));
  b.SetValue("MINIMUM", std::to_string(r.minimum));
  b.SetValue("UNIT_NAME", r.unit_name);
  b.SetValue("ROUND_LINE", RoundLine(r.round, r.round_dates));
  const std::string qs = "?unit=" + http::UrlEncode(r.unit_code) + "&round=" + std::to_string(r.round) +
                         "&minimum=" + std::to_string(r.minimum) + "&by=" + r.by;
  b.SetValue("CSV_URL", base + "/report.csv" + qs);
  b.SetValue("XLSX_URL", base + "/report.xlsx" + qs);
  if (r.by == "official") {
    b.ShowSection("OFFICIAL_RESULT");
    b.SetIntValue("RESPONSES", r.responses);
    b.ShowSection(r.groups.empty() ? "NO_GROUPS" : "HAS_GROUPS");
    if (!r.groups.empty())
      for (const auto& e : r.groups.front().elements)
        b.AddSectionDictionary("ELEMENT_HEAD")->SetValue("NAME", ElementName(e.element));
    for (const auto& g : r.groups) {
      auto* d = b.AddSectionDictionary("GROUP");
      d->SetValue("LABEL", g.label);
      d->SetIntValue("RESPONSES", g.responses);
      d->SetValue("SIPAS", g.responses ? Percent(g.sipas) : "—");
      for (const auto& e : g.elements) {
        auto* cell = d->AddSectionDictionary("CELL");
        cell->SetValue("NAME", ElementName(e.element));
        cell->SetValue("INDEX", e.share.total ? Percent(e.share.value) : "—");
        cell->SetValue("INTERVAL", e.share.total ? Percent(e.share.low) + " – " + Percent(e.share.high) : "");
        if (e.share.too_few) cell->SetValueAndShowSection("MARK", Text("surveys.too_few"), "TOO_FEW");
      }
    }
    return v.render();
  }
  b.ShowSection("RESULT");
  FillIndexes(b, r);
  std::vector<letters::CountBar> bars;
  if (r.responses)
    for (const auto& e : r.elements) bars.push_back({ElementName(e.element), std::lround(e.share.value * 100)});
  b.SetValue("CHART", letters::CountsChartSvg(bars, Text("surveys.index_chart_title"),
                                              Text("surveys.index_chart_desc", {{"unit", r.unit_name}}),
                                              Text("surveys.index_chart_empty")));
  for (const auto& q : r.questions) {
    auto* qd = b.AddSectionDictionary("QUESTION");
    qd->SetValue("TEXT", q.question.text);
    qd->SetIntValue("ANSWERED", q.answered);
    if (q.question.kind != QuestionKind::kText) qd->ShowSection("HAS_ANSWERS");
    if (q.question.kind == QuestionKind::kText) {
      qd->SetValueAndShowSection("TEXT_NOTE", Text("surveys.text_answers", {{"n", std::to_string(q.answered)}}),
                                 "IS_TEXT");
      continue;
    }
    for (const auto& [value, n] : q.answers) {
      auto* a = qd->AddSectionDictionary("ANSWER");
      a->SetValue("LABEL", AnswerLabel(q.question, value));
      a->SetIntValue("N", n);
      a->SetValue("SHARE", q.answered ? Percent(static_cast<double>(n) / static_cast<double>(q.answered)) : "—");
    }
  }
  return v.render();
}

std::string FileName(const CampaignReport& r) {
  return "khao-sat-" + r.unit_code + (r.by == "official" ? "-theo-can-bo" : "");
}

CampaignReport ReportOf(Context& ctx, Service& svc, int64_t id) {
  const auto a = ReportArgsOf(ctx);
  return svc.CampaignResults(*ctx.user, id, a.unit, a.round, a.minimum, a.by);
}

std::optional<int64_t> IdOf(const Context& ctx) {
  auto id = ctx.req.id_param("id");
  if (!id) throw NotFound("surveys.campaign_not_found");
  return id;
}

}  // namespace

void RegisterCampaignPages(http::App& app, const std::shared_ptr<Service>& svc) {
  // ---- citizens ----
  app.page("GET", "/khao-sat/cam-on", http::Access::kPublic, [](Context& ctx) {
    PageView v(ctx, Text("surveys.thanks_title"), "features/surveys/templates/campaign_thanks.tpl");
    return v.render();
  });
  app.page("GET", "/khao-sat/mo/{link}", http::Access::kPublic, [svc](Context& ctx) {
    const std::string link = ctx.req.params.at("link");
    const std::string device = ratings::EnsureDeviceCookie(ctx);
    return AnswerPage(ctx, svc->OpenTarget(link, device), "/khao-sat/mo/" + link, {}, nullptr, 200);
  });
  app.page("POST", "/khao-sat/mo/{link}", http::Access::kPublic, [svc](Context& ctx) {
    const std::string link = ctx.req.params.at("link");
    const std::string device = ctx.req.cookie(ratings::kDeviceCookie);
    const auto t = svc->OpenTarget(link, device.empty() ? "address:" + ctx.req.remote_addr : device);
    const Answers typed = AnswersOf(ctx);
    return Submitted(ctx, t, "/khao-sat/mo/" + link, typed,
                     [&] { svc->AnswerOpen(link, device, ctx.req.remote_addr, typed); });
  });
  app.page("GET", "/khao-sat/{token}", http::Access::kPublic, [svc](Context& ctx) {
    const std::string token = ctx.req.params.at("token");
    return AnswerPage(ctx, svc->InvitationTarget(token), "/khao-sat/" + token, {}, nullptr, 200);
  });
  app.page("POST", "/khao-sat/{token}", http::Access::kPublic, [svc](Context& ctx) {
    const std::string token = ctx.req.params.at("token");
    const auto t = svc->InvitationTarget(token);
    const Answers typed = AnswersOf(ctx);
    return Submitted(ctx, t, "/khao-sat/" + token, typed, [&] { svc->Answer(token, typed); });
  });

  // ---- officials ----
  app.page("GET", "/surveys/campaigns", http::Access::kUser, [svc](Context& ctx) { return ListPage(ctx, *svc); });
  app.page("GET", "/surveys/campaigns/new", http::Access::kUser, [svc](Context& ctx) {
    NewForm f;
    f.in.target = "100";
    f.in.repeat_6_months = true;
    // A month from today, as a proposal.
    const auto today = *ParseIsoDate(TodayLocalIso());
    f.in.from = FormatIsoDate(today);
    f.in.to = FormatIsoDate(today + std::chrono::days(30));
    f.units_text = AdminUnit(*ctx.user);
    return NewPage(ctx, *svc, f, nullptr);
  });
  app.page("POST", "/surveys/campaigns", http::Access::kUser, [svc](Context& ctx) {
    const NewForm f = NewFormOf(ctx);
    try {
      const auto k = svc->CreateCampaign(*ctx.user, f.in);
      return Response::Redirect("/surveys/campaigns/" + std::to_string(k.id) + "?done=created");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return NewPage(ctx, *svc, f, &e);
    }
  });
  app.page("GET", "/surveys/campaigns/{id}", http::Access::kUser,
           [svc](Context& ctx) { return CampaignPage(ctx, *svc, *IdOf(ctx)); });
  app.page("POST", "/surveys/campaigns/{id}/invitations", http::Access::kUser, [svc](Context& ctx) {
    const int64_t id = *IdOf(ctx);
    auto form = ctx.req.form();
    const bool per_official = form["per"] == "official";
    std::vector<Invitation> made;
    try {
      made = svc->CreateInvitations(*ctx.user, id, form["unit"], form["count"], per_official);
    } catch (const AppError& e) {
      if (e.kind() != ErrorKind::kBadRequest) throw;
      return CampaignPage(ctx, *svc, id, &e);  // the problem beside the invitation form
    }
    return Response::Redirect(
        "/surveys/campaigns/" + std::to_string(id) + "?done=invitations&count=" + std::to_string(made.size()) +
        "&from=" + std::to_string(made.front().id) + "&to=" + std::to_string(made.back().id) + "#invitations");
  });
  app.page("GET", "/surveys/campaigns/{id}/edit", http::Access::kUser, [svc](Context& ctx) {
    const auto c = svc->GetCampaign(*ctx.user, *IdOf(ctx));
    EditForm f;
    f.in.name = c.campaign.name;
    f.in.target = std::to_string(c.campaign.target);
    f.to = c.campaign.to;
    return EditPage(ctx, c, f, nullptr);
  });
  app.page("POST", "/surveys/campaigns/{id}/edit", http::Access::kUser, [svc](Context& ctx) {
    const int64_t id = *IdOf(ctx);
    auto form = ctx.req.form();
    EditForm f;
    f.in.version = VersionOf(ctx);
    f.in.name = form["name"];
    f.in.target = form["target"];
    f.to = render::DateFromForm(form, "to");
    f.in.to = f.to;
    try {
      svc->UpdateCampaign(*ctx.user, id, f.in);
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      // A stale save: the form again, as typed, with the current version (design.md).
      return EditPage(ctx, svc->GetCampaign(*ctx.user, id), f, &e);
    }
    return Response::Redirect("/surveys/campaigns/" + std::to_string(id) + "?done=updated");
  });
  app.page("GET", "/surveys/campaigns/{id}/close", http::Access::kUser,
           [svc](Context& ctx) { return ClosePage(ctx, svc->GetCampaign(*ctx.user, *IdOf(ctx)), nullptr); });
  app.page("POST", "/surveys/campaigns/{id}/close", http::Access::kUser, [svc](Context& ctx) {
    const int64_t id = *IdOf(ctx);
    try {
      svc->CloseCampaign(*ctx.user, id, VersionOf(ctx));
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return ClosePage(ctx, svc->GetCampaign(*ctx.user, id), &e);
    }
    return Response::Redirect("/surveys/campaigns/" + std::to_string(id) + "?done=closed");
  });
  app.page("GET", "/surveys/campaigns/{id}/invitations", http::Access::kUser,
           [svc](Context& ctx) { return BatchPage(ctx, *svc, *IdOf(ctx)); });
  app.page("GET", "/surveys/campaigns/{id}/invitations.pdf", http::Access::kUser, [svc](Context& ctx) {
    const int64_t id = *IdOf(ctx);
    const auto list = svc->Invitations(*ctx.user, id, http::ParseInt64(ctx.req.query_param("from")).value_or(0),
                                       http::ParseInt64(ctx.req.query_param("to")).value_or(0));
    const auto c = svc->GetCampaign(*ctx.user, id);
    return Response::InlineFile(InvitationsPdf(list, c.campaign.name), "application/pdf",
                                "phieu-moi-khao-sat-" + std::to_string(id) + ".pdf");
  });
  app.page("GET", "/surveys/campaigns/{id}/link.pdf", http::Access::kUser, [svc](Context& ctx) {
    const int64_t id = *IdOf(ctx);
    const auto c = svc->GetCampaign(*ctx.user, id);
    const std::string unit = ctx.req.query_param("unit");
    for (const auto& u : c.units)
      if (u.code == unit || unit.empty())
        return Response::InlineFile(PosterPdf(c.campaign.name, u), "application/pdf",
                                    "ma-qr-khao-sat-" + u.code + ".pdf");
    throw NotFound("surveys.unit_not_found");
  });
  app.page("GET", "/surveys/campaigns/{id}/report", http::Access::kUser,
           [svc](Context& ctx) { return ReportPage(ctx, *svc, *IdOf(ctx)); });
  app.page("GET", "/surveys/campaigns/{id}/report.csv", http::Access::kUser, [svc](Context& ctx) {
    const auto r = ReportOf(ctx, *svc, *IdOf(ctx));
    std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: spreadsheet programs then read the diacritics right
    for (const auto& row : ReportRows(r)) {
      for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + text::CsvField(row[i]);
      out += "\r\n";
    }
    return Response::Attachment(out, "text/csv; charset=utf-8", FileName(r) + ".csv");
  });
  app.page("GET", "/surveys/campaigns/{id}/report.xlsx", http::Access::kUser, [svc](Context& ctx) {
    const auto r = ReportOf(ctx, *svc, *IdOf(ctx));
    render::xlsx::Sheet sheet;
    sheet.name = Text("surveys.answer_title");
    sheet.title = r.campaign.name + " — " + r.unit_name;
    sheet.subtitles = {RoundLine(r.round, r.round_dates)};
    const auto rows = ReportRows(r);
    for (const auto& h : rows.front()) sheet.columns.push_back({h, h.size() > 12 ? 40.0 : 16.0});
    for (size_t i = 1; i < rows.size(); ++i) {
      std::vector<render::xlsx::Cell> cells;
      for (const auto& s : rows[i]) {
        const bool number = !s.empty() && s.size() < 12 && s.find_first_not_of("0123456789,") == std::string::npos;
        if (!number) {
          cells.push_back(s.empty() ? render::xlsx::Cell::Empty() : render::xlsx::Cell::Text(s));
          continue;
        }
        std::string n = s;
        for (auto& ch : n)
          if (ch == ',') ch = '.';
        cells.push_back(render::xlsx::Cell::Number(std::stod(n), n.find('.') != std::string::npos ? "0.0" : ""));
      }
      sheet.rows.push_back(std::move(cells));
    }
    return Response::Attachment(
        render::pdf::Pool(render::pdf::Lane::kExport).run([&] { return render::xlsx::Write(sheet); }),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(r) + ".xlsx");
  });
}

}  // namespace fg::surveys
