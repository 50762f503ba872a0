// The feedback pages. Citizens: the form /gop-y (no login, no script needed,
// mobile first; rate limited per address by the service), the confirmation
// with the code, and the lookup /gop-y/tra-cuu?ma=CODE&so=LAST4 (progress and
// the published answer, never personal data). Officials: the register
// /feedback with its filters, /feedback/moi (hotline, in person ...), and an
// item's page /feedback/{code} with its timeline and one action form (the
// actions the caller may take now; none: a read-only page).
#include "features/desk/stats.h"
#include "features/feedback/mail.h"
#include "features/feedback/page_options.h"
#include "features/feedback/routes.h"
#include "features/feedback/rules.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::feedback {
namespace {

using http::Context;
using http::FormValue;
using http::Response;
using render::PageView;
using render::Text;

// "800 byte", "12 KB", "1,5 MB".
std::string SizeText(int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " byte";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " KB";
  return desk::FormatOneDecimal(static_cast<double>(bytes) / (1024.0 * 1024.0)) + " MB";
}

ItemInput FromForm(const Context& ctx) {
  // One parse of the body (it may carry 12 MB of photos): the last value of a field, every photo.
  const auto& all = ctx.req.form_all();
  std::map<std::string, std::string> form;
  for (const auto& [name, value] : all)
    if (name != "photo") form[name] = value;  // the photos' bytes are read from `all` below
  ItemInput in;
  in.kind = FormValue(form, "feedback_kind");
  in.category = FormValue(form, "category");
  in.unit_code = FormValue(form, "unit_code");
  in.title = FormValue(form, "feedback_title");
  in.content = FormValue(form, "content");
  in.person = {FormValue(form, "name"), FormValue(form, "phone"), FormValue(form, "email"), FormValue(form, "address")};
  // The photos as sent (a file input left empty sends one empty part).
  for (const auto& [name, value] : all)
    if (name == "photo" && !value.empty()) in.photos.push_back({0, "", 0, 0, 0, "", value});
  return in;
}

Response FormPage(Context& ctx, Service& svc, const ItemInput& in, const std::string& fixed_unit,
                  const AppError* error) {
  PageView v(ctx, Text("feedback.title.form"), "features/feedback/templates/form.tpl");
  if (error) v.ShowErrors(*error);
  auto& b = v.body();
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  const auto units = svc.Units();
  std::string fixed_name;
  for (const auto& [code, name] : units)
    if (!fixed_unit.empty() && code == fixed_unit) fixed_name = name;
  if (!fixed_name.empty()) {
    b.ShowSection("FIXED_UNIT");
    b.SetValue("UNIT_CODE", fixed_unit);
    b.SetValue("UNIT_NAME", fixed_name);
  } else {
    b.ShowSection("CHOOSE_UNIT");
    Options(b, "UNIT", units, in.unit_code);
  }
  if (error && !in.photos.empty()) b.ShowSection("PHOTOS_LOST");
  Options(b, "KIND", Labelled("feedback.kind.", KindKeys()), in.kind);
  Options(b, "CATEGORY", Labelled("feedback.category.", kCategories), in.category);
  b.SetValue("FEEDBACK_TITLE", in.title);
  b.SetValue("CONTENT", in.content);
  b.SetValue("NAME", in.person.name);
  b.SetValue("PHONE", in.person.phone);
  b.SetValue("EMAIL", in.person.email);
  b.SetValue("ADDRESS", in.person.address);
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

void ShowItem(PageView& v, const PublicView& view) {
  auto& b = v.body();
  b.ShowSection("FOUND");
  b.SetValue("CODE", view.code);
  b.SetValue("STATE", Text("feedback.state." + view.state));
  b.SetValue("KIND", Text("feedback.kind." + view.kind));
  b.SetValue("CATEGORY", Text("feedback.category." + view.category));
  b.SetValue("TITLE", view.title);
  b.SetValue("UNIT", view.unit_name);
  b.SetValue("RECEIVED", FormatLocal(view.received_at));
  if (!view.due_at.empty()) b.SetValueAndShowSection("DUE", FormatLocal(view.due_at), "HAS_DUE");
  if (!view.published_answer.empty()) b.SetValueAndShowSection("ANSWER", view.published_answer, "HAS_ANSWER");
  for (const auto& s : view.steps) {
    auto* li = b.AddSectionDictionary("STEP");
    li->SetValue("AT", FormatLocal(s.at));
    li->SetValue("TEXT", Text("feedback.action." + s.action));
  }
  if (view.can_rate) b.ShowSection("CAN_RATE");
  if (!view.rated.empty()) b.SetValueAndShowSection("RATED", Text("feedback.satisfaction." + view.rated), "HAS_RATED");
  if (!view.reopen_until.empty())
    b.SetValueAndShowSection("REOPEN_UNTIL", DisplayDate(view.reopen_until), "CAN_REOPEN");
}

// Carries "<code>_<lookup key>" from the public form to its confirmation.
constexpr std::string_view kSentCookie = "fg_gy_sent";

// Back to the lookup with a confirmation (the check travels as the lookup's own GET form sends it).
std::string AfterCitizen(const std::string& code, const std::string& check, const std::string& done) {
  return "/gop-y/tra-cuu?ma=" + http::UrlEncode(NormalCode(code)) + "&so=" + http::UrlEncode(check) + "&done=" + done;
}

// The lookup; after the citizen's rating or reopening (`error`: the reopen form refused, with what was typed).
// `failed`: the citizen's rating or reopening found no item for the code and check (or was
// throttled): the page says so as the lookup does, without looking up again.
Response LookupPage(Context& ctx, Service& svc, const std::string& code, const std::string& check,
                    const AppError* error = nullptr, const std::string& reason = "", const AppError* failed = nullptr) {
  PageView v(ctx, Text("feedback.title.lookup"), "features/feedback/templates/lookup.tpl");
  v.ShowDone("feedback.done.citizen_");
  auto& b = v.body();
  b.SetValue("MA", code);
  b.SetValue("SO", check);
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  b.SetValue("FEEDBACK_TEXT", reason);
  if (code.empty() && !ctx.req.has_query_param("ma")) return v.render();
  try {
    if (text::Trim(code).empty()) throw BadInput("feedback.code_required", "ma");
    if (failed) throw *failed;
    ShowItem(v, svc.Lookup(code, check, ctx.user ? "" : ctx.req.remote_addr));
    if (error) v.ShowErrors(*error);
    Response r = v.render(error ? http::StatusOf(error->kind()) : 200);
    r.set_header("Cache-Control", "no-store");
    return r;
  } catch (const AppError& e) {
    switch (e.kind()) {
      case ErrorKind::kNotFound: b.ShowSection("NOT_FOUND"); return v.render(404);
      case ErrorKind::kTooMany: {
        v.ShowError(Text(e.key(), e.args()));
        Response r = v.render(429);
        r.set_header("Retry-After", "600");
        return r;
      }
      case ErrorKind::kBadRequest: v.ShowErrors(e); return v.render(400);
      default: throw;
    }
  }
}

// ---- officials ----

std::vector<std::pair<std::string, std::string>> StateOptions() {
  std::vector<std::pair<std::string, std::string>> out;
  for (State st : kStates)
    out.emplace_back(std::string(StateName(st)), Text("feedback.state." + std::string(StateName(st))));
  return out;
}

Response ListPage(Context& ctx, Service& svc) {
  PageView v(ctx, Text("feedback.title.list"), "features/feedback/templates/list.tpl");
  v.ShowDone("feedback.done.", {{"code", ctx.req.query_param("code")}});
  auto& b = v.body();
  ListQuery q;
  q.unit_code = ctx.req.query_param("unit_code");
  q.kind = ctx.req.query_param("feedback_kind");
  q.state = ctx.req.query_param("state");
  q.urgency = ctx.req.query_param("urgency");
  const auto units = svc.UnitsFor(*ctx.user);
  if (!units.empty()) b.ShowSection("CAN_REGISTER");
  if (MayConnectChannels(*ctx.user)) b.ShowSection("CAN_CONNECT");
  Options(b, "UNIT", units, q.unit_code);
  Options(b, "KIND", Labelled("feedback.kind.", KindKeys()), q.kind);
  Options(b, "STATE", StateOptions(), q.state);
  Options(b, "URGENCY",
          {{"overdue", Text("feedback.urgency.overdue")}, {"due_soon", Text("feedback.urgency.due_soon")}}, q.urgency);
  std::vector<Listed> items;
  try {
    items = svc.List(*ctx.user, q);
  } catch (const AppError& e) {
    if (e.kind() == ErrorKind::kForbidden && q.unit_code.empty()) {
      b.ShowSection("EMPTY");  // a role that handles no feedback: an empty register
      return v.render();
    }
    if (e.kind() != ErrorKind::kBadRequest) throw;
    AppError shown = e.field() == "kind" ? WithField(e, "feedback_kind") : e;
    v.ShowErrors(shown);
    return v.render(400);
  }
  if (items.empty())
    b.ShowSection("EMPTY");
  else
    b.ShowSection("HAS_ITEMS");
  for (const auto& l : items) {
    auto* r = b.AddSectionDictionary("ITEM");
    r->SetValue("URL", "/feedback/" + l.item.code);
    r->SetValue("CODE", l.item.code);
    r->SetValue("KIND", Text("feedback.kind." + std::string(KindName(l.item.kind))));
    r->SetValue("TITLE", l.item.title);
    r->SetValue("CHANNEL", Text("feedback.channel." + l.item.channel));
    r->SetValue("UNIT", l.item.unit_name);
    r->SetValue("STATE", Text("feedback.state." + std::string(StateName(l.item.state))));
    r->SetValue("DUE", l.item.due_at.empty() ? Text("feedback.no_limit") : FormatLocal(l.item.due_at));
    if (l.urgency == Urgency::kOverdue) r->ShowSection("LATE");
    if (l.urgency == Urgency::kDueSoon) r->ShowSection("SOON");
  }
  return v.render();
}

ItemInput StaffForm(const Context& ctx) {
  ItemInput in = FromForm(ctx);
  in.channel = FormValue(ctx.req.form(), "channel");
  in.dossier_code = FormValue(ctx.req.form(), "dossier_code");
  return in;
}

Response NewPage(Context& ctx, Service& svc, const ItemInput& in, const AppError* error) {
  PageView v(ctx, Text("feedback.title.new"), "features/feedback/templates/new.tpl");
  if (error) v.ShowErrors(*error);
  auto& b = v.body();
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  const auto units = svc.UnitsFor(*ctx.user);
  if (units.empty()) throw Forbidden();
  Options(b, "UNIT", units, in.unit_code);
  std::vector<std::string> channels;
  for (const char* c : kChannels)
    if (std::string_view(c) != "web" && std::string_view(c) != "open311") channels.emplace_back(c);
  Options(b, "CHANNEL", Labelled("feedback.channel.", channels), in.channel.empty() ? "hotline" : in.channel);
  Options(b, "KIND", Labelled("feedback.kind.", KindKeys()), in.kind);
  Options(b, "CATEGORY", Labelled("feedback.category.", kCategories), in.category);
  b.SetValue("FEEDBACK_TITLE", in.title);
  b.SetValue("CONTENT", in.content);
  b.SetValue("NAME", in.person.name);
  b.SetValue("PHONE", in.person.phone);
  b.SetValue("EMAIL", in.person.email);
  b.SetValue("ADDRESS", in.person.address);
  b.SetValue("DOSSIER_CODE", in.dossier_code);
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

struct ActionForm {
  std::string action, text, unit_code, assignee_id, target_code;
};

Response ItemPage(Context& ctx, Service& svc, const Detail& d, const ActionForm& form, const AppError* error) {
  const Item& i = d.item;
  PageView v(ctx, Text("feedback.title.item", {{"code", i.code}}), "features/feedback/templates/item.tpl");
  v.ShowDone("feedback.done.", {{"code", i.code}});
  if (error) v.ShowErrors(*error);
  auto& b = v.body();
  b.SetValue("CSRF_TOKEN", ctx.csrf_token);
  b.SetValue("CODE", i.code);
  b.SetValue("STATE", Text("feedback.state." + std::string(StateName(i.state))));
  if (d.urgency == Urgency::kOverdue) b.ShowSection("LATE");
  if (d.urgency == Urgency::kDueSoon) b.ShowSection("SOON");
  b.SetValue("KIND", Text("feedback.kind." + std::string(KindName(i.kind))));
  b.SetValue("CATEGORY", Text("feedback.category." + i.category));
  b.SetValue("CHANNEL", Text("feedback.channel." + i.channel));
  b.SetValue("UNIT", i.unit_name);
  if (!i.assignee_name.empty()) b.SetValueAndShowSection("ASSIGNEE", i.assignee_name, "HAS_ASSIGNEE");
  b.SetValue("RECEIVED", FormatLocal(i.received_at));
  b.SetValue("DUE", i.due_at.empty() ? Text("feedback.no_limit") : FormatLocal(i.due_at));
  if (i.extended) b.SetValueAndShowSection("EXTENSION", i.extension_reason, "HAS_EXTENSION");
  std::string person = i.person.name.empty() ? Text("feedback.anonymous") : i.person.name;
  for (const auto* part : {&i.person.phone, &i.person.email, &i.person.address})
    if (!part->empty()) person += " · " + *part;
  b.SetValue("PERSON", person);
  if (!i.dossier_code.empty()) b.SetValueAndShowSection("DOSSIER", i.dossier_code, "HAS_DOSSIER");
  if (!i.lookup_key.empty()) b.SetValueAndShowSection("LOOKUP_KEY", i.lookup_key, "HAS_LOOKUP_KEY");
  if (!i.merged_into_code.empty()) {
    b.SetValueAndShowSection("MERGED", i.merged_into_code, "HAS_MERGED");
    b.SetValue("MERGED_URL", "/feedback/" + i.merged_into_code);
  }
  b.SetValue("TITLE", i.title);
  b.SetValue("CONTENT", i.content);
  if (!d.photos.empty()) b.ShowSection("HAS_PHOTOS");
  for (const auto& photo : d.photos) {
    auto* ph = b.AddSectionDictionary("PHOTO");
    ph->SetValue("URL", "/feedback/" + http::UrlEncode(i.code) + "/anh/" + std::to_string(photo.n));
    ph->SetIntValue("N", photo.n);
    ph->SetIntValue("WIDTH", photo.width);
    ph->SetIntValue("HEIGHT", photo.height);
  }
  if (!d.attachments.empty()) b.ShowSection("HAS_FILES");
  for (const auto& f : d.attachments) {
    auto* fd = b.AddSectionDictionary("FILE");
    fd->SetValue("URL", "/feedback/" + http::UrlEncode(i.code) + "/tep/" + std::to_string(f.n));
    fd->SetValue("NAME", f.filename);
    fd->SetValue("SIZE", SizeText(f.size));
    if (!f.mime.empty()) fd->SetValueAndShowSection("TYPE", f.mime, "HAS_TYPE");
  }
  if (i.state == State::kAwaitingApproval) b.SetValueAndShowSection("DRAFT", i.reply_draft, "HAS_DRAFT");
  if (!i.reply.empty()) {
    b.SetValueAndShowSection("REPLY", i.reply, "HAS_REPLY");
    b.ShowSection(i.published ? "PUBLISHED" : "PRIVATE");
  }
  if (!d.actions.empty()) {
    b.ShowSection("CAN_ACT");
    b.SetValue("ACTION_URL", "/feedback/" + i.code);
    std::vector<std::pair<std::string, std::string>> actions;
    bool assign = false, merge = false;
    for (Action a : d.actions) {
      const std::string name(ActionName(a));
      actions.emplace_back(name, Text("feedback.action." + name));
      assign |= a == Action::kAssign;
      merge |= a == Action::kMerge;
    }
    Options(b, "ACTION", actions, form.action);
    b.SetValue("FEEDBACK_TEXT", form.text);
    if (assign) {
      b.ShowSection("CAN_ASSIGN");
      Options(b, "UNIT", svc.UnitsFor(*ctx.user), form.unit_code);
      std::vector<std::pair<std::string, std::string>> people;
      for (const auto& [id, name] : svc.Assignees(i)) people.emplace_back(std::to_string(id), name);
      Options(b, "ASSIGNEE", people, form.assignee_id);
    }
    if (merge) b.SetValueAndShowSection("TARGET_CODE", form.target_code, "CAN_MERGE");
  }
  for (const auto& s : d.steps) {
    auto* li = b.AddSectionDictionary("STEP");
    li->SetValue("AT", FormatLocal(s.at));
    li->SetValue("ACTION", Text("feedback.action." + s.action));
    if (!s.actor_name.empty()) li->SetValueAndShowSection("ACTOR", s.actor_name, "HAS_ACTOR");
    if (s.internal) li->ShowSection("INTERNAL");
    if (!s.text.empty()) li->SetValueAndShowSection("TEXT", s.text, "HAS_TEXT");
  }
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

Response Act(Context& ctx, Service& svc, const std::string& code) {
  const auto form = ctx.req.form();
  ActionForm f{FormValue(form, "action"), FormValue(form, "feedback_text"), FormValue(form, "unit_code"),
               FormValue(form, "assignee_id"), FormValue(form, "target_code")};
  try {
    ActionInput in;
    const auto action = ParseAction(f.action);
    if (!action) throw BadInput("feedback.bad_action", "action");
    in.action = *action;
    in.text = f.text;
    if (in.action == Action::kAssign) in.unit_code = f.unit_code;
    if (in.action == Action::kAssign && !f.assignee_id.empty()) {
      try {
        in.assignee_id = std::stoll(f.assignee_id);
      } catch (const std::exception&) {
        throw BadInput("feedback.assignee_outside", "assignee_id");
      }
    }
    in.target_code = f.target_code;
    const Detail d = svc.Apply(*ctx.user, code, in);
    return Response::Redirect("/feedback/" + http::UrlEncode(d.item.code) + "?done=" + f.action);
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    return ItemPage(ctx, svc, svc.Get(*ctx.user, code), f, &e);
  }
}

}  // namespace

void RegisterPages(http::App& app, const std::shared_ptr<Service>& svc) {
  app.page("GET", "/gop-y", http::Access::kPublic, [svc](Context& ctx) {
    ItemInput in;
    in.unit_code = ctx.req.query_param("unit");
    return FormPage(ctx, *svc, in, in.unit_code, nullptr);
  });
  app.page("POST", "/gop-y", http::Access::kPublic, [svc](Context& ctx) {
    ItemInput in = FromForm(ctx);
    try {
      const Item item = svc->Submit(in, ctx.req.remote_addr);
      // The lookup key goes to the confirmation in a short-lived cookie, never in a URL.
      ctx.set_cookies.push_back(http::SetCookieValue(kSentCookie, item.code + "_" + item.lookup_key, {true, 600}));
      return Response::Redirect("/gop-y/da-gui?ma=" + http::UrlEncode(item.code));
    } catch (const AppError& e) {
      if (!render::ShownInForm(e) && e.kind() != ErrorKind::kTooMany) throw;
      return FormPage(ctx, *svc, in, "", &e);
    }
  });
  // The form may carry photos: its body limit is theirs.
  // One photo more than allowed still fits, so that too many or too large photos get the field's error.
  app.allow_body("POST", "/gop-y", (kMaxPhotos + 1) * kMaxPhotoBytes + 256 * 1024);
  app.page("GET", "/gop-y/da-gui", http::Access::kPublic, [](Context& ctx) {
    PageView v(ctx, Text("feedback.title.sent"), "features/feedback/templates/sent.tpl");
    const std::string code = NormalCode(ctx.req.query_param("ma"));
    v.body().SetValue("CODE", code);
    v.body().SetValue("LOOKUP_URL", "/gop-y/tra-cuu?ma=" + http::UrlEncode(code));
    // The key is shown once, to the browser that sent the item.
    const std::string sent = ctx.req.cookie(kSentCookie);
    if (!code.empty() && sent.rfind(code + "_", 0) == 0 && sent.size() > code.size() + 1) {
      v.body().SetValueAndShowSection("KEY", sent.substr(code.size() + 1), "HAS_KEY");
      ctx.set_cookies.push_back(http::SetCookieValue(kSentCookie, "", {true, 0}));
    } else {
      v.body().ShowSection("NO_KEY");
    }
    Response r = v.render();
    r.set_header("Cache-Control", "no-store");
    return r;
  });
  app.page("GET", "/gop-y/tra-cuu", http::Access::kPublic,
           [svc](Context& ctx) { return LookupPage(ctx, *svc, ctx.req.query_param("ma"), ctx.req.query_param("so")); });
  // The citizen's rating of the answer and reopening: the code and its check come with the form.
  app.page("POST", "/gop-y/danh-gia", http::Access::kPublic, [svc](Context& ctx) {
    const auto form = ctx.req.form();
    const std::string code = FormValue(form, "ma"), check = FormValue(form, "so");
    try {
      svc->RateAnswer(code, check, FormValue(form, "level"), ctx.user ? "" : ctx.req.remote_addr);
      return Response::Redirect(AfterCitizen(code, check, "rated"));
    } catch (const AppError& e) {
      if (e.kind() == ErrorKind::kNotFound || e.kind() == ErrorKind::kTooMany)
        return LookupPage(ctx, *svc, code, check, nullptr, "", &e);
      if (e.kind() != ErrorKind::kConflict && e.kind() != ErrorKind::kBadRequest) throw;
      return LookupPage(ctx, *svc, code, check, &e);
    }
  });
  app.page("POST", "/gop-y/mo-lai", http::Access::kPublic, [svc](Context& ctx) {
    const auto form = ctx.req.form();
    const std::string code = FormValue(form, "ma"), check = FormValue(form, "so");
    const std::string reason = FormValue(form, "feedback_text");
    try {
      svc->Reopen(code, check, reason, ctx.user ? "" : ctx.req.remote_addr);
      return Response::Redirect(AfterCitizen(code, check, "reopened"));
    } catch (const AppError& e) {
      if (e.kind() == ErrorKind::kNotFound || e.kind() == ErrorKind::kTooMany)
        return LookupPage(ctx, *svc, code, check, nullptr, reason, &e);
      if (e.kind() != ErrorKind::kConflict && e.kind() != ErrorKind::kBadRequest) throw;
      return LookupPage(ctx, *svc, code, check, &e, reason);
    }
  });

  app.page("GET", "/feedback", http::Access::kUser, [svc](Context& ctx) { return ListPage(ctx, *svc); });
  app.page("GET", "/feedback/moi", http::Access::kUser, [svc](Context& ctx) {
    ItemInput in;
    in.unit_code = ctx.req.query_param("unit_code");
    return NewPage(ctx, *svc, in, nullptr);
  });
  app.page("POST", "/feedback/moi", http::Access::kUser, [svc](Context& ctx) {
    ItemInput in = StaffForm(ctx);
    try {
      const Item item = svc->Register(*ctx.user, in);
      return Response::Redirect("/feedback/" + http::UrlEncode(item.code) + "?done=registered");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return NewPage(ctx, *svc, in, &e);
    }
  });
  app.page("GET", "/feedback/{code}", http::Access::kUser, [svc](Context& ctx) {
    return ItemPage(ctx, *svc, svc->Get(*ctx.user, ctx.req.params.at("code")), {}, nullptr);
  });
  // A photo sent with the item: to those who handle it, never to anyone else.
  app.page("GET", "/feedback/{code}/anh/{n}", http::Access::kUser, [svc](Context& ctx) {
    const auto n = ctx.req.id_param("n");
    if (!n || *n > static_cast<int64_t>(kMaxPhotos)) throw NotFound("feedback.photo.not_found");
    const Photo photo = svc->PhotoOf(*ctx.user, ctx.req.params.at("code"), static_cast<int>(*n));
    const std::string etag = "\"" + photo.sha256.substr(0, 32) + "\"";
    const bool unchanged = http::NoneMatchHits(ctx.req, etag);
    Response r = Response::InlineFile(unchanged ? std::string() : photo.bytes, photo.mime,
                                      photo.mime == "image/png" ? "anh.png" : "anh.jpg");
    r.set_header("ETag", etag);
    r.set_header("Cache-Control", "private, no-cache");
    if (unchanged) r.status = 304;
    return r;
  });
  // A file attached to an e-mail: saved, never shown by the browser, whatever its declared type.
  app.page("GET", "/feedback/{code}/tep/{n}", http::Access::kUser, [svc](Context& ctx) {
    const auto n = ctx.req.id_param("n");
    if (!n || *n > static_cast<int64_t>(mail::kMaxAttachments)) throw NotFound("feedback.attachment.not_found");
    const Attachment file = svc->AttachmentOf(*ctx.user, ctx.req.params.at("code"), static_cast<int>(*n));
    Response r = Response::Attachment(file.bytes, "application/octet-stream", file.filename);
    r.set_header("Cache-Control", "private, no-store");
    return r;
  });
  app.page("POST", "/feedback/{code}", http::Access::kUser,
           [svc](Context& ctx) { return Act(ctx, *svc, ctx.req.params.at("code")); });
}

}  // namespace fg::feedback
