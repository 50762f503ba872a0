// Questionnaire pages for officials: /surveys/questionnaires (the list of
// those visible at the reader's units, every version), /surveys/questionnaires/{id}
// (one version, read-only and printable), .../{id}/preview (as the citizen will
// see it), and the editor: /surveys/questionnaires/new (?from={id}: a copy) and
// .../{id}/edit (a new version of that code). The editor works without
// JavaScript: its buttons (add, remove, move) send the whole form back and the
// server shows it again with the change, saving nothing; "Lưu phiên bản mới"
// saves through Service::SaveQuestionnaire. Only those who may save
// (Service::MayEditQuestionnaires) see the editor's links and forms.
#include <algorithm>
#include <cctype>

#include "features/surveys/answer_form.h"
#include "features/surveys/questionnaire_form.h"
#include "features/surveys/routes.h"
#include "features/surveys/rules.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::surveys {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

const char* const kElements[] = {"tiep_can", "thu_tuc", "cong_chuc", "ket_qua", "gop_y"};
const QuestionKind kKinds[] = {QuestionKind::kLikert, QuestionKind::kSingle, QuestionKind::kMultiple,
                               QuestionKind::kText};

std::string Base(int64_t id) { return "/surveys/questionnaires/" + std::to_string(id); }

std::string ElementLabel(const std::string& e) {
  if (e.empty()) return Text("surveys.element.none");
  const std::string key = "surveys.element." + e;
  return render::HasText(key) ? Text(key) : e;
}

// The local day (dd/mm/yyyy) of a version's creation.
std::string CreatedDay(const Questionnaire& q) {
  const auto t = ParseUtc(q.created_at);
  return t ? FormatDayMonthYear(ToLocal(*t).date) : "";
}

std::string OwnerName(const Questionnaire& q) { return q.unit_id ? q.unit_name : Text("surveys.questionnaire_system"); }

// The units the reader may create questionnaires for: those of their administrator grants.
std::vector<const auth::Grant*> EditableUnits(const auth::Principal& p) {
  std::vector<const auth::Grant*> out;
  for (const auto& g : p.grants)
    if (Service::MayEditQuestionnaires(p, g.unit_path) &&
        std::none_of(out.begin(), out.end(), [&](const auth::Grant* o) { return o->unit_code == g.unit_code; }))
      out.push_back(&g);
  return out;
}

// ---- the list ----

Response ListPage(Context& ctx, Service& svc) {
  PageView v(ctx, Text("surveys.questionnaires_title"), "features/surveys/templates/questionnaire_list.tpl");
  auto& b = v.body();
  const bool may_create = !EditableUnits(*ctx.user).empty();
  if (may_create) b.ShowSection("MAY_CREATE");
  const auto all = svc.VisibleQuestionnaires(*ctx.user);
  if (all.empty()) b.ShowSection("EMPTY");
  // One group per owner and code, its newest version first.
  for (size_t i = 0; i < all.size();) {
    size_t end = i;
    while (end < all.size() && all[end].unit_id == all[i].unit_id && all[end].code == all[i].code) ++end;
    const auto& newest = all[end - 1];
    auto* g = b.AddSectionDictionary("GROUP");
    g->SetValue("HEADING", Text("surveys.questionnaire_group", {{"name", newest.name}, {"code", newest.code}}));
    g->SetValue("OWNER", OwnerName(newest));
    g->SetValue("GROUP_ID", "q-" + std::to_string(newest.unit_id) + "-" + newest.code);
    const bool may_edit = Service::MayEditQuestionnaires(*ctx.user, newest.unit_path);
    for (size_t k = end; k-- > i;) {
      const auto& q = all[k];
      auto* r = g->AddSectionDictionary("VERSION");
      r->SetValue("URL", Base(q.id));
      r->SetIntValue("VERSION", q.version);
      r->SetValue("NAME", q.name);
      r->SetValue("COUNTS", Text("surveys.questionnaire_counts", {{"sections", std::to_string(q.sections.size())},
                                                                  {"questions", std::to_string(q.question_count())}}));
      r->SetValue("STATE", Text(q.frozen ? "surveys.questionnaire_frozen" : "surveys.questionnaire_draft"));
      r->SetValue("CREATED", CreatedDay(q));
      if (may_edit)
        r->SetValueAndShowSection("EDIT_URL", Base(q.id) + "/edit", "MAY_EDIT");
      else if (may_create)
        r->SetValueAndShowSection("COPY_URL", "/surveys/questionnaires/new?from=" + std::to_string(q.id), "MAY_COPY");
    }
    i = end;
  }
  return v.render();
}

// ---- one version ----

Response ShowPage(Context& ctx, Service& svc, int64_t id) {
  const auto q = svc.GetQuestionnaire(id);
  PageView v(ctx, Text("surveys.questionnaire_show_title", {{"name", q.name}, {"version", std::to_string(q.version)}}),
             "features/surveys/templates/questionnaire_show.tpl");
  v.ShowDone("surveys.qdone.", {{"version", std::to_string(q.version)}});
  auto& b = v.body();
  b.SetValue("NAME", q.name);
  b.SetValue("CODE", q.code);
  b.SetIntValue("VERSION", q.version);
  b.SetValue("OWNER", OwnerName(q));
  b.SetValue("STATE", Text(q.frozen ? "surveys.questionnaire_frozen" : "surveys.questionnaire_draft"));
  b.SetValue("CREATED", CreatedDay(q));
  b.SetValue("COUNTS", Text("surveys.questionnaire_counts", {{"sections", std::to_string(q.sections.size())},
                                                             {"questions", std::to_string(q.question_count())}}));
  b.SetValue("PREVIEW_URL", Base(id) + "/preview");
  if (Service::MayEditQuestionnaires(*ctx.user, q.unit_path))
    b.SetValueAndShowSection("EDIT_URL", Base(id) + "/edit", "MAY_EDIT");
  if (!EditableUnits(*ctx.user).empty())
    b.SetValueAndShowSection("COPY_URL", "/surveys/questionnaires/new?from=" + std::to_string(id), "MAY_COPY");
  int n = 0;
  for (size_t i = 0; i < q.sections.size(); ++i) {
    const auto& s = q.sections[i];
    auto* sd = b.AddSectionDictionary("SECTION");
    sd->SetIntValue("N", static_cast<long>(i + 1));
    sd->SetValue("TITLE", s.title);
    for (const auto& qu : s.questions) {
      auto* qd = sd->AddSectionDictionary("QUESTION");
      qd->SetIntValue("N", ++n);
      qd->SetValue("KEY", qu.key);
      qd->SetValue("TEXT", qu.text);
      qd->SetValue("KIND", Text("surveys.kind." + std::string(KindName(qu.kind))));
      qd->ShowSection(qu.required ? "REQUIRED" : "OPTIONAL");
      if (qu.kind == QuestionKind::kLikert) qd->SetValueAndShowSection("ELEMENT", ElementLabel(qu.element), "LIKERT");
      if (!qu.options.empty()) {
        auto* o = qd->AddSectionDictionary("OPTIONS");
        for (const auto& opt : qu.options) o->SetValueAndShowSection("OPTION", opt, "OPTION_ITEM");
      }
    }
  }
  return v.render();
}

Response PreviewPage(Context& ctx, Service& svc, int64_t id) {
  const auto q = svc.GetQuestionnaire(id);
  PageView v(ctx, Text("surveys.questionnaire_preview_title", {{"name", q.name}}),
             "features/surveys/templates/questionnaire_preview.tpl");
  auto& b = v.body();
  b.SetValue("NAME", q.name);
  b.SetIntValue("VERSION", q.version);
  b.SetValue("BACK_URL", Base(id));
  FillQuestions(b, q, {}, {});
  return v.render();
}

// ---- the editor ----

// A problem of the service in the editor's words: where it is (section,
// question) and which field, since "text" alone says little in a long form.
std::string ProblemText(const FieldProblem& fp) {
  auto args = fp.args;
  std::string where;
  const auto place = PlaceOf(fp.field);
  std::string part = place ? place->part : fp.field;
  if (place) {
    const std::map<std::string, std::string> at{{"section", std::to_string(place->section + 1)},
                                                {"question", std::to_string(place->question.value_or(0) + 1)}};
    where = Text(place->question ? "surveys.editor_where_question" : "surveys.editor_where_section", at);
  }
  if (const size_t o = fp.field.rfind(".options["); o != std::string::npos) {
    const auto k = http::ParseInt64(fp.field.substr(o + 9, fp.field.size() - o - 10));
    args["field"] = Text("surveys.editor_field.option", {{"n", std::to_string(k.value_or(0) + 1)}});
  } else if (render::HasText("surveys.editor_field." + part)) {
    args["field"] = Text("surveys.editor_field." + part);
  }
  return where + text::UpperFirst(Text(fp.key, args));
}

// The service's refusal with each problem worded and named by the form field it is shown beside.
AppError Worded(const AppError& e) {
  Problems p;
  for (const auto& fp : e.problems())
    p.add(FieldProblem{EditorField(fp.field), "surveys.editor_text", {{"text", ProblemText(fp)}}});
  if (p.empty()) return e;
  try {
    p.raise_if_any();
  } catch (const AppError& worded) {
    return worded;
  }
  return e;
}

void RowError(ctemplate::TemplateDictionary& d, const std::map<std::string, std::string>& errors,
              const std::string& field, const std::string& marker) {
  if (auto it = errors.find(field); it != errors.end())
    d.SetValueAndShowSection(marker + "_ERROR", it->second, marker + "_INVALID");
}

struct EditorArgs {
  const Questionnaire* base = nullptr;  // editing: the version the new one starts from
  const AppError* error = nullptr;
  std::string notice;
};

Response EditorPage(Context& ctx, const QuestionnaireDraft& d, const EditorArgs& a) {
  const bool is_new = !a.base;
  PageView v(ctx,
             is_new ? Text("surveys.questionnaire_new_title")
                    : Text("surveys.questionnaire_edit_title", {{"name", a.base->name}}),
             "features/surveys/templates/questionnaire_edit.tpl");
  auto& b = v.body();
  b.SetValue("HEADING", is_new ? Text("surveys.questionnaire_new_title")
                               : Text("surveys.questionnaire_edit_title", {{"name", a.base->name}}));
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  b.SetValue("ACTION", is_new ? "/surveys/questionnaires/new" : Base(a.base->id) + "/edit");
  b.SetValue("CANCEL", is_new ? "/surveys/questionnaires" : Base(a.base->id));
  b.SetValue("NAME", d.name);
  b.SetValue("CODE", d.code);
  if (is_new) {
    b.ShowSection("IS_NEW");
    const auto units = EditableUnits(*ctx.user);
    for (const auto* g : units) {
      auto* o = b.AddSectionDictionary("UNIT");
      o->SetValue("CODE", g->unit_code);
      o->SetValue("NAME", g->unit_name);
      if (g->unit_code == d.unit) o->ShowSection("SELECTED");
    }
  } else {
    b.ShowSection("IS_EDIT");
    b.SetValue("UNIT_NAME", a.base->unit_name);
    b.SetIntValue("FROM_VERSION", a.base->version);
  }
  std::optional<AppError> worded;
  std::map<std::string, std::string> errors;
  if (a.error) {
    worded = Worded(*a.error);
    for (const auto& fp : worded->problems()) errors.emplace(fp.field, Text(fp.key, fp.args));
  }
  const size_t total = d.question_count();
  const bool can_add = total < kMaxQuestions;
  b.SetIntValue("MAX_QUESTIONS", static_cast<long>(kMaxQuestions));
  b.SetIntValue("MAX_SECTIONS", static_cast<long>(kMaxSections));
  b.SetIntValue("MAX_OPTIONS", static_cast<long>(kMaxOptions));
  size_t n = 0;
  for (size_t i = 0; i < d.sections.size(); ++i) {
    const auto& s = d.sections[i];
    const std::string at = "sections[" + std::to_string(i) + "]";
    auto* sd = b.AddSectionDictionary("SECTION");
    sd->SetIntValue("I", static_cast<long>(i));
    sd->SetIntValue("SN", static_cast<long>(i + 1));
    sd->SetValue("ID", render::FieldId(at));
    sd->SetValue("TITLE", s.title);
    RowError(*sd, errors, at + ".title", "SEC_TITLE");
    RowError(*sd, errors, at + ".questions", "SEC_QUESTIONS");
    if (i > 0) sd->SetValueAndShowSection("UP", EditActionValue({EditOp::kSectionUp, i, 0}), "CAN_UP");
    if (i + 1 < d.sections.size())
      sd->SetValueAndShowSection("DOWN", EditActionValue({EditOp::kSectionDown, i, 0}), "CAN_DOWN");
    sd->SetValue("REMOVE", EditActionValue({EditOp::kRemoveSection, i, 0}));
    if (can_add) sd->SetValueAndShowSection("ADD", EditActionValue({EditOp::kAddQuestion, i, 0}), "CAN_ADD");
    for (size_t j = 0; j < s.questions.size(); ++j) {
      const auto& q = s.questions[j];
      const std::string qat = at + ".questions[" + std::to_string(j) + "]";
      auto* qd = sd->AddSectionDictionary("QUESTION");
      qd->SetValue("NAME", qat);
      qd->SetValue("ID", render::FieldId(qat));
      qd->SetIntValue("QN", static_cast<long>(j + 1));
      qd->SetIntValue("N", static_cast<long>(++n));
      qd->SetValue("KEY", q.key);
      qd->SetValue("TEXT", q.text);
      qd->SetValue("OPTIONS", q.options);
      if (q.required) qd->ShowSection("REQUIRED");
      for (auto k : kKinds) {
        auto* o = qd->AddSectionDictionary("KIND");
        o->SetValue("VALUE", std::string(KindName(k)));
        o->SetValue("LABEL", Text("surveys.kind." + std::string(KindName(k))));
        if (k == q.kind) o->ShowSection("SELECTED");
      }
      std::vector<std::string> elements{""};
      elements.insert(elements.end(), std::begin(kElements), std::end(kElements));
      if (std::find(elements.begin(), elements.end(), q.element) == elements.end()) elements.push_back(q.element);
      for (const auto& e : elements) {
        auto* o = qd->AddSectionDictionary("ELEMENT");
        o->SetValue("VALUE", e);
        o->SetValue("LABEL", ElementLabel(e));
        if (e == q.element) o->ShowSection("SELECTED");
      }
      for (const char* part : {"text", "kind", "options", "element", "key"}) {
        std::string marker = std::string("ROW_") + part;
        std::transform(marker.begin(), marker.end(), marker.begin(), [](unsigned char c) { return std::toupper(c); });
        RowError(*qd, errors, qat + "." + part, marker);
      }
      // Q_...: a question would also see its section's UP, DOWN ... (sections are inherited).
      if (j > 0) qd->SetValueAndShowSection("Q_UP", EditActionValue({EditOp::kQuestionUp, i, j}), "Q_CAN_UP");
      if (j + 1 < s.questions.size())
        qd->SetValueAndShowSection("Q_DOWN", EditActionValue({EditOp::kQuestionDown, i, j}), "Q_CAN_DOWN");
      qd->SetValue("Q_REMOVE", EditActionValue({EditOp::kRemoveQuestion, i, j}));
    }
  }
  if (d.sections.size() < kMaxSections && can_add) b.ShowSection("CAN_ADD_SECTION");
  if (!can_add)
    b.SetValueAndShowSection("TOO_MANY", Text("surveys.editor_too_many", {{"max", std::to_string(kMaxQuestions)}}),
                             "FULL");
  if (worded) v.ShowErrors(*worded);
  v.ShowNotice(a.notice);
  return v.render(a.error ? http::StatusOf(a.error->kind()) : 200);
}

std::string OpNotice(const EditAction& a, bool applied) {
  if (!applied) return Text("surveys.editor_op.none");
  std::string name = EditActionValue(a);
  name = name.substr(0, name.find('.'));
  // The place after the change: a section added is the last one; a moved item is named where it was.
  return Text("surveys.editor_op." + name,
              {{"section", std::to_string(a.section + 1)}, {"question", std::to_string(a.question + 1)}});
}

// One submission of the editor: a structural button shows the form again with
// the change; saving validates everything and, when it passes, goes to the new
// version with its confirmation.
Response Submit(Context& ctx, Service& svc, QuestionnaireDraft d, const Questionnaire* base) {
  const auto form = ctx.req.form();
  const auto action = ParseEditAction(http::FormValue(form, "op"));
  if (!action) return EditorPage(ctx, d, {base, nullptr, Text("surveys.editor_op.none")});
  if (action->op != EditOp::kSave) {
    EditAction a = *action;
    const bool applied = Apply(d, a);
    if (a.op == EditOp::kAddSection) a.section = d.sections.empty() ? 0 : d.sections.size() - 1;
    return EditorPage(ctx, d, {base, nullptr, OpNotice(a, applied)});
  }
  try {
    const auto saved = svc.SaveQuestionnaire(*ctx.user, d.unit, ToQuestionnaire(d));
    return Response::Redirect(Base(saved.id) + "?done=saved");
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    return EditorPage(ctx, d, {base, &e, ""});
  }
}

int64_t IdOf(const Context& ctx) {
  auto id = ctx.req.id_param("id");
  if (!id) throw NotFound("surveys.questionnaire_not_found");
  return *id;
}

// The version an edit starts from, when the reader may make a new version of it.
Questionnaire Editable(Context& ctx, Service& svc) {
  auto q = svc.GetQuestionnaire(IdOf(ctx));
  if (!Service::MayEditQuestionnaires(*ctx.user, q.unit_path)) throw Forbidden();  // no form for who cannot save
  return q;
}

}  // namespace

void RegisterQuestionnairePages(http::App& app, const std::shared_ptr<Service>& svc) {
  app.page("GET", "/surveys/questionnaires", http::Access::kUser, [svc](Context& ctx) { return ListPage(ctx, *svc); });
  app.page("GET", "/surveys/questionnaires/new", http::Access::kUser, [svc](Context& ctx) {
    const auto units = EditableUnits(*ctx.user);
    if (units.empty()) throw Forbidden();  // no form for who cannot save
    QuestionnaireDraft d = EmptyDraft();
    if (ctx.req.has_query_param("from")) {
      const auto from = http::ParseInt64(ctx.req.query_param("from"));
      if (!from || *from <= 0) throw NotFound("surveys.questionnaire_not_found");
      d = DraftOf(svc->GetQuestionnaire(*from));
      d.code.clear();  // a copy is a new questionnaire: its own code
    }
    d.unit = units.front()->unit_code;
    return EditorPage(ctx, d, {});
  });
  app.page("POST", "/surveys/questionnaires/new", http::Access::kUser, [svc](Context& ctx) {
    QuestionnaireDraft d = DraftFromForm(ctx.req.form());
    if (!svc->MayEditQuestionnairesAt(*ctx.user, d.unit)) throw Forbidden();
    return Submit(ctx, *svc, std::move(d), nullptr);
  });
  app.page("GET", "/surveys/questionnaires/{id}", http::Access::kUser,
           [svc](Context& ctx) { return ShowPage(ctx, *svc, IdOf(ctx)); });
  app.page("GET", "/surveys/questionnaires/{id}/preview", http::Access::kUser,
           [svc](Context& ctx) { return PreviewPage(ctx, *svc, IdOf(ctx)); });
  app.page("GET", "/surveys/questionnaires/{id}/edit", http::Access::kUser, [svc](Context& ctx) {
    const auto base = Editable(ctx, *svc);
    return EditorPage(ctx, DraftOf(base), {&base, nullptr, ""});
  });
  app.page("POST", "/surveys/questionnaires/{id}/edit", http::Access::kUser, [svc](Context& ctx) {
    const auto base = Editable(ctx, *svc);
    QuestionnaireDraft d = DraftFromForm(ctx.req.form());
    d.unit = base.unit_code;  // a new version of the same code, at the same unit
    d.code = base.code;
    return Submit(ctx, *svc, std::move(d), &base);
  });
}

}  // namespace fg::surveys
