// Dialogue sessions (issue 15, item 5), for the officials who handle feedback:
// /feedback/doi-thoai (the sessions), /feedback/doi-thoai/moi (plan one),
// /feedback/doi-thoai/{id} (a session: what was raised there, the follow-up of
// the previous session, the forms to register an issue and to record the
// result), and /feedback/doi-thoai/{id}/bien-ban.pdf (the minutes).
#include <algorithm>

#include "features/desk/forms.h"
#include "features/feedback/page_options.h"
#include "features/feedback/routes.h"
#include "features/feedback/rules.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/render/pdf.h"
#include "platform/time.h"

namespace fg::feedback {
namespace {

using http::Context;
using http::FormValue;
using http::Response;
using render::PageView;
using render::Text;
namespace pdf = render::pdf;

std::string SessionUrl(int64_t id) { return "/feedback/doi-thoai/" + std::to_string(id); }
std::string ItemUrl(const Item& i) { return "/feedback/" + http::UrlEncode(i.code); }
std::string StateText(const Session& s) {
  return Text(s.state == SessionState::kHeld ? "feedback.dialogue.state.held" : "feedback.dialogue.state.planned");
}
// How many issues of the previous session have been answered (or closed).
int64_t PreviousAnswered(const SessionView& sv) {
  return std::count_if(sv.previous_raised.begin(), sv.previous_raised.end(),
                       [](const Item& i) { return i.state == State::kAnswered || i.state == State::kClosed; });
}

// An issue's row: its code linked to its page, or, once handled by a unit the caller does not
// cover (the service cleared its title), the code alone and where it went.
std::string IssueText(const Item& i) {
  return i.title.empty() ? Text("feedback.dialogue.moved", {{"unit", i.unit_name}}) : i.title;
}
void ShowIssue(ctemplate::TemplateDictionary& row, const Item& i) {
  row.SetValue("CODE", i.code);
  if (!i.title.empty())
    row.SetValueAndShowSection("URL", ItemUrl(i), "LINKED");
  else
    row.ShowSection("NOT_LINKED");
  row.SetValue("ITEM_TITLE", IssueText(i));
}

int64_t SessionId(const Context& ctx) {
  if (auto id = ctx.req.id_param("id")) return *id;
  throw NotFound("feedback.dialogue.not_found");
}

Response ListPage(Context& ctx, Service& svc) {
  PageView v(ctx, Text("feedback.dialogue.title.list"), "features/feedback/templates/dialogue_list.tpl");
  auto& b = v.body();
  const auto sessions = svc.Sessions(*ctx.user);
  b.ShowSection(sessions.empty() ? "EMPTY" : "HAS_SESSIONS");
  for (const auto& s : sessions) {
    auto* row = b.AddSectionDictionary("SESSION");
    row->SetValue("DAY", DisplayDate(s.held_on));
    row->SetValue("TIME", s.starts_at);
    row->SetValue("URL", SessionUrl(s.id));
    row->SetValue("TITLE", s.title);
    row->SetValue("UNIT", s.unit_name);
    row->SetValue("STATE", StateText(s));
    row->SetIntValue("ITEMS", s.items);
  }
  return v.render();
}

Response NewPage(Context& ctx, Service& svc, const SessionInput& in, const AppError* error) {
  PageView v(ctx, Text("feedback.dialogue.title.new"), "features/feedback/templates/dialogue_new.tpl");
  if (error) v.ShowErrors(*error);
  auto& b = v.body();
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  const auto units = svc.UnitsFor(*ctx.user);
  if (units.empty()) throw Forbidden();
  Options(b, "UNIT", units, in.unit_code);
  b.SetValue("SESSION_TITLE", in.title);
  v.DateInput("HELD_ON", "held_on", Text("feedback.dialogue.field_day"), Text("feedback.dialogue.hint_day"),
              in.held_on);
  b.SetValue("STARTS_AT", in.starts_at);
  b.SetValue("SESSION_PLACE", in.place);
  b.SetValue("HOSTS", in.hosts);
  b.SetValue("INVITED", in.invited);
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

struct Typed {  // what was typed in the session page's two forms
  ItemInput raise;
  SessionRecord record;
  bool recording = false;
};

Response SessionPage(Context& ctx, Service& svc, int64_t id, const Typed& typed = {}, const AppError* error = nullptr) {
  const SessionView sv = svc.SessionOf(*ctx.user, id);
  const Session& s = sv.session;
  PageView v(ctx, Text("feedback.dialogue.title.session", {{"title", s.title}}),
             "features/feedback/templates/dialogue.tpl");
  v.ShowDone("feedback.dialogue.done.");
  if (error) v.ShowErrors(*error);
  auto& b = v.body();
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  b.SetValue("TITLE", s.title);
  b.SetValue("STATE", StateText(s));
  b.SetValue("UNIT", s.unit_name);
  b.SetValue("DAY", DisplayDate(s.held_on));
  b.SetValue("TIME", s.starts_at);
  b.SetValue("PLACE", s.place);
  b.SetValue("HOSTS", s.hosts);
  if (!s.invited.empty()) b.SetValueAndShowSection("INVITED", s.invited, "HAS_INVITED");
  b.ShowSection(s.state == SessionState::kHeld ? "HELD" : "PLANNED");
  b.SetIntValue("ATTENDEES", s.attendees);
  if (!s.attendance.empty()) b.SetValueAndShowSection("ATTENDANCE", s.attendance, "HAS_ATTENDANCE");
  b.SetValue("SUMMARY", s.summary);
  b.SetValue("MINUTES_URL", SessionUrl(s.id) + "/bien-ban.pdf");
  b.SetValue("RAISE_URL", SessionUrl(s.id) + "/y-kien");
  b.SetValue("RECORD_URL", SessionUrl(s.id) + "/ket-qua");
  b.ShowSection(sv.raised.empty() ? "NO_RAISED" : "HAS_RAISED");
  for (const auto& i : sv.raised) {
    auto* row = b.AddSectionDictionary("RAISED");
    ShowIssue(*row, i);
    row->SetValue("ITEM_STATE", Text("feedback.state." + std::string(StateName(i.state))));
    row->SetValue("DUE", i.due_at.empty() ? Text("feedback.no_limit") : FormatLocal(i.due_at));
  }
  if (sv.previous) {
    b.ShowSection("HAS_PREVIOUS");
    b.SetValue("PREVIOUS_URL", SessionUrl(sv.previous->id));
    b.SetValue("PREVIOUS_TITLE", sv.previous->title);
    b.SetValue("PREVIOUS_DAY", DisplayDate(sv.previous->held_on));
    b.SetIntValue("PREVIOUS_COUNT", static_cast<long>(sv.previous_raised.size()));
    b.SetIntValue("PREVIOUS_DONE", PreviousAnswered(sv));
    if (!sv.previous_raised.empty()) b.ShowSection("HAS_PREVIOUS_RAISED");
    for (const auto& i : sv.previous_raised) {
      auto* row = b.AddSectionDictionary("PREVIOUS_RAISED");
      ShowIssue(*row, i);
      row->SetValue("ITEM_STATE", Text("feedback.state." + std::string(StateName(i.state))));
    }
  }
  // The issue form.
  Options(b, "KIND", Labelled("feedback.kind.", KindKeys()), typed.raise.kind);
  Options(b, "CATEGORY", Labelled("feedback.category.", kCategories), typed.raise.category);
  b.SetValue("FEEDBACK_TITLE", typed.raise.title);
  b.SetValue("CONTENT", typed.raise.content);
  b.SetValue("NAME", typed.raise.person.name);
  b.SetValue("PHONE", typed.raise.person.phone);
  // The record form, from the session's day.
  if (s.held_on > TodayLocalIso()) {
    b.ShowSection("NOT_YET");
  } else {
    b.ShowSection("CAN_RECORD");
    b.SetIntValue("VERSION", s.version);
    const bool from_typed = typed.recording;
    b.SetValue("ATTENDEES_VALUE", from_typed ? typed.record.attendees
                                             : (s.state == SessionState::kHeld ? std::to_string(s.attendees) : ""));
    b.SetValue("ATTENDANCE_VALUE", from_typed ? typed.record.attendance : s.attendance);
    b.SetValue("SUMMARY_VALUE", from_typed ? typed.record.summary : s.summary);
  }
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

// The minutes: the administrative header, the session, what was raised, the
// previous session's follow-up, the conclusions and the signatures.
std::string MinutesPdf(const SessionView& sv) {
  const Session& s = sv.session;
  const std::string title = Text("feedback.dialogue.minutes.title");
  return pdf::Render(pdf::Paper::kA4, title + " " + s.title, [&](pdf::Document& doc) {
    const auto day = ParseIsoDate(s.held_on).value_or(std::chrono::sys_days{});
    doc.AdministrativeHeader({"", Text("desk.forms.people_committee", {{"unit", desk::forms::Upper(s.unit_name)}}), "",
                              pdf::DateLine(desk::forms::PlaceName(s.unit_name), day), 0});
    doc.Paragraph("<b>" + pdf::Escape(title) + "</b>", {.size = 14, .align = pdf::Align::kCenter, .before = 12});
    doc.Paragraph("<b>" + pdf::Escape(s.title) + "</b>", {.size = 13, .align = pdf::Align::kCenter, .after = 10});
    auto line = [&](const std::string& label, const std::string& value) {
      doc.Paragraph("<b>" + pdf::Escape(label) + ":</b> " + pdf::Escape(value), {.size = 12, .after = 3});
    };
    line(Text("feedback.dialogue.minutes.when"), s.starts_at + ", " + DisplayDate(s.held_on));
    line(Text("feedback.dialogue.minutes.place"), s.place);
    line(Text("feedback.dialogue.minutes.hosts"), s.hosts);
    if (!s.invited.empty()) line(Text("feedback.dialogue.minutes.invited"), s.invited);
    if (s.state == SessionState::kHeld) {
      line(Text("feedback.dialogue.minutes.attendees"), std::to_string(s.attendees));
      if (!s.attendance.empty()) line(Text("feedback.dialogue.minutes.attendance"), s.attendance);
    } else {
      doc.Paragraph("<i>" + pdf::Escape(Text("feedback.dialogue.minutes.not_held")) + "</i>", {.size = 12, .after = 3});
    }
    auto items_table = [&](const std::vector<Item>& items, bool with_due) {
      pdf::Table t;
      t.widths = with_due ? std::vector<double>{1.0, 2.3, 1.1, 1.0} : std::vector<double>{1.0, 2.3, 1.1};
      t.header = {{"<b>" + pdf::Escape(Text("feedback.dialogue.minutes.col_code")) + "</b>"},
                  {"<b>" + pdf::Escape(Text("feedback.dialogue.minutes.col_issue")) + "</b>"},
                  {"<b>" + pdf::Escape(Text("feedback.dialogue.minutes.col_state")) + "</b>"}};
      if (with_due) t.header.push_back({"<b>" + pdf::Escape(Text("feedback.dialogue.minutes.col_due")) + "</b>"});
      for (const auto& i : items) {
        std::vector<pdf::Cell> row{
            {pdf::Escape(i.code)},
            {pdf::Escape(IssueText(i)) + (i.person.name.empty() ? "" : " (" + pdf::Escape(i.person.name) + ")")},
            {pdf::Escape(Text("feedback.state." + std::string(StateName(i.state))))}};
        if (with_due)
          row.push_back({pdf::Escape(i.due_at.empty() ? Text("feedback.no_limit") : FormatLocal(i.due_at))});
        t.rows.push_back(std::move(row));
      }
      doc.Table(t);
    };
    doc.Paragraph("<b>" +
                      pdf::Escape(Text("feedback.dialogue.minutes.raised", {{"n", std::to_string(sv.raised.size())}})) +
                      "</b>",
                  {.size = 12, .before = 8, .after = 2});
    if (!sv.raised.empty()) items_table(sv.raised, true);
    if (sv.previous) {
      const auto done = PreviousAnswered(sv);
      doc.Paragraph("<b>" +
                        pdf::Escape(Text("feedback.dialogue.minutes.previous",
                                         {{"title", sv.previous->title},
                                          {"day", DisplayDate(sv.previous->held_on)},
                                          {"done", std::to_string(done)},
                                          {"n", std::to_string(sv.previous_raised.size())}})) +
                        "</b>",
                    {.size = 12, .before = 8, .after = 2});
      if (!sv.previous_raised.empty()) items_table(sv.previous_raised, false);
    }
    if (!s.summary.empty()) {
      doc.Paragraph("<b>" + pdf::Escape(Text("feedback.dialogue.minutes.summary")) + "</b>",
                    {.size = 12, .before = 8, .after = 2});
      doc.Paragraph(pdf::Escape(s.summary), {.size = 12, .align = pdf::Align::kJustify, .after = 6});
    }
    pdf::Table sign;
    sign.borders = false;
    sign.widths = {1, 1};
    sign.size = 12;
    sign.before = 16;
    sign.rows.push_back({{"<b>" + pdf::Escape(Text("feedback.dialogue.minutes.secretary")) + "</b>\n<i>" +
                              pdf::Escape(Text("feedback.dialogue.minutes.sign_hint")) + "</i>",
                          pdf::Align::kCenter},
                         {"<b>" + pdf::Escape(Text("feedback.dialogue.minutes.chair")) + "</b>\n<i>" +
                              pdf::Escape(Text("feedback.dialogue.minutes.sign_hint")) + "</i>",
                          pdf::Align::kCenter}});
    doc.Table(sign);
  });
}

}  // namespace

void RegisterDialoguePages(http::App& app, const std::shared_ptr<Service>& svc) {
  app.page("GET", "/feedback/doi-thoai", http::Access::kUser, [svc](Context& ctx) { return ListPage(ctx, *svc); });
  app.page("GET", "/feedback/doi-thoai/moi", http::Access::kUser,
           [svc](Context& ctx) { return NewPage(ctx, *svc, {}, nullptr); });
  app.page("POST", "/feedback/doi-thoai/moi", http::Access::kUser, [svc](Context& ctx) {
    const auto form = ctx.req.form();
    SessionInput in{
        FormValue(form, "unit_code"), FormValue(form, "session_title"), render::DateFromForm(form, "held_on"),
        FormValue(form, "starts_at"), FormValue(form, "session_place"), FormValue(form, "hosts"),
        FormValue(form, "invited")};
    try {
      const Session s = svc->PlanSession(*ctx.user, in);
      return Response::Redirect(SessionUrl(s.id) + "?done=planned");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return NewPage(ctx, *svc, in, &e);
    }
  });
  app.page("GET", "/feedback/doi-thoai/{id}", http::Access::kUser,
           [svc](Context& ctx) { return SessionPage(ctx, *svc, SessionId(ctx)); });
  app.page("POST", "/feedback/doi-thoai/{id}/y-kien", http::Access::kUser, [svc](Context& ctx) {
    const int64_t id = SessionId(ctx);
    const auto form = ctx.req.form();
    Typed typed;
    typed.raise.kind = FormValue(form, "feedback_kind");
    typed.raise.category = FormValue(form, "category");
    typed.raise.title = FormValue(form, "feedback_title");
    typed.raise.content = FormValue(form, "content");
    typed.raise.person.name = FormValue(form, "name");
    typed.raise.person.phone = FormValue(form, "phone");
    try {
      svc->RaiseInSession(*ctx.user, id, typed.raise);
      return Response::Redirect(SessionUrl(id) + "?done=raised");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return SessionPage(ctx, *svc, id, typed, &e);
    }
  });
  app.page("POST", "/feedback/doi-thoai/{id}/ket-qua", http::Access::kUser, [svc](Context& ctx) {
    const int64_t id = SessionId(ctx);
    const auto form = ctx.req.form();
    Typed typed;
    typed.recording = true;
    typed.record = {FormValue(form, "attendees"), FormValue(form, "attendance"), FormValue(form, "conclusions"),
                    http::ParseInt64(FormValue(form, "version")).value_or(0)};
    try {
      svc->RecordSession(*ctx.user, id, typed.record);
      return Response::Redirect(SessionUrl(id) + "?done=recorded");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return SessionPage(ctx, *svc, id, typed, &e);
    }
  });
  app.page("GET", "/feedback/doi-thoai/{id}/bien-ban.pdf", http::Access::kUser, [svc](Context& ctx) {
    const SessionView sv = svc->SessionOf(*ctx.user, SessionId(ctx));
    return Response::InlineFile(MinutesPdf(sv), "application/pdf",
                                "bien-ban-doi-thoai-" + std::to_string(sv.session.id) + ".pdf");
  });
}

}  // namespace fg::feedback
