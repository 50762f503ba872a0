// The officials' work pages of the one-stop desk: the desk home (my queue and
// counts), the dossier lists with search, intake, the dossier page and a small
// form page per action. Handlers parse and render; desk::Service decides and
// authorises.
#include <algorithm>
#include <set>

#include "features/desk/routes.h"
#include "features/desk/rules.h"
#include "platform/auth/crypto.h"
#include "platform/auth/principal.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using auth::Role;
using http::Context;
using http::Response;
using render::PageView;
using render::Text;
using Dict = ctemplate::TemplateDictionary;

const char* const kHome = "features/desk/templates/dossiers_home.tpl";
const char* const kList = "features/desk/templates/dossiers_list.tpl";
const char* const kChoose = "features/desk/templates/dossiers_choose.tpl";
const char* const kIntake = "features/desk/templates/dossiers_intake.tpl";
const char* const kView = "features/desk/templates/dossiers_view.tpl";
const char* const kAction = "features/desk/templates/dossiers_action.tpl";
const char* const kConflict = "features/desk/templates/dossiers_conflict.tpl";
const char* const kTable = "features/desk/templates/dossiers_table.tpl";

constexpr int64_t kPageSize = 50;
constexpr size_t kQueueShown = 10;
constexpr State kOpenStates[] = {
    State::kNew,        State::kReceived, State::kInProgress, State::kSupplementRequested, State::kPaymentRequired,
    State::kResultReady};

bool HasAny(const auth::Principal& p, std::initializer_list<Role> roles) {
  return std::any_of(roles.begin(), roles.end(), [&](Role r) { return auth::HasRole(p, r); });
}
// Leaders and administrators look at their units' dossiers; desk officers and specialists at their own.
bool Manages(const auth::Principal& p) { return HasAny(p, {Role::kAdmin, Role::kLeader}); }
bool MayReceive(const auth::Principal& p) { return HasAny(p, {Role::kAdmin, Role::kLeader, Role::kDesk}); }

std::string Url(const std::string& code) { return "/desk/dossiers/" + http::UrlEncode(code); }
std::string StateText(State s) { return Text("desk.state." + std::string(StateName(s))); }
std::string ActionTitle(Action a) { return text::UpperFirst(Text("desk.action." + std::string(ActionName(a)))); }
std::string When(const std::string& utc) { return utc.empty() ? std::string() : FormatLocal(utc); }

std::string LimitText(const Procedure& p, bool same_day) {
  if (same_day || p.limit == Limit::kSameDay) return Text("desk.limit.same_day");
  return Text(p.limit == Limit::kHours ? "desk.limit.hours" : "desk.limit.days",
              {{"n", std::to_string(p.limit_amount)}});
}

bool SameDayAt(const Procedure& p, const std::string& unit_code) {
  return std::find(p.same_day_units.begin(), p.same_day_units.end(), unit_code) != p.same_day_units.end();
}

// Late dossiers first, then those due soon, then by due instant.
int Rank(Urgency u) { return u == Urgency::kLate ? 0 : u == Urgency::kDueSoon ? 1 : 2; }

// A table of dossiers ({{>DOSSIER_TABLE}} in `parent`): code, applicant,
// procedure, state, received, due with an urgency badge, assignee.
void DossierTable(Dict& parent, const std::string& id, const std::string& caption, Service& svc,
                  const std::vector<Dossier>& items, const std::vector<Urgency>& urgency) {
  auto& b = *parent.AddIncludeDictionary("DOSSIER_TABLE");
  b.SetFilename(kTable);
  b.SetValue("ID", id);
  b.SetValue("CAPTION", caption);
  std::vector<int64_t> ids;
  for (auto& d : items) ids.push_back(d.assignee_id);
  const auto names = svc.OfficialNames(ids);
  for (size_t i = 0; i < items.size(); ++i) {
    const Dossier& d = items[i];
    auto* row = b.AddSectionDictionary("DOSSIER");
    row->SetValue("CODE", d.code);
    row->SetValue("URL", Url(d.code));
    row->SetValue("APPLICANT", d.applicant.name);
    row->SetValue("PROCEDURE", d.procedure_name);
    row->SetValue("STATE", StateText(d.state));
    row->SetValue("RECEIVED", When(d.received_at));
    row->SetValue("DUE", When(d.due_at));
    auto it = names.find(d.assignee_id);
    row->SetValue("ASSIGNEE", it == names.end() ? std::string() : it->second);
    if (urgency[i] == Urgency::kLate) row->ShowSection("LATE");
    if (urgency[i] == Urgency::kDueSoon) row->ShowSection("DUE_SOON");
  }
}

// ---- desk home ----

Response Home(Context& ctx, Service& svc) {
  const auth::Principal& p = *ctx.user;
  const QueueCounts counts = svc.CountQueue(p);  // refuses those who do not work on dossiers
  PageView v(ctx, Text("desk.home_title"), kHome);
  auto& b = v.body();
  b.SetValue("TODAY", FormatDayMonthYear(ToLocal(Now()).date));
  b.SetIntValue("MINE", static_cast<long>(counts.mine));
  b.SetIntValue("DUE_SOON", static_cast<long>(counts.due_soon));
  b.SetIntValue("LATE", static_cast<long>(counts.late));
  for (State s : kOpenStates) {
    auto* row = b.AddSectionDictionary("STATE");
    row->SetValue("NAME", StateText(s));
    row->SetValue("VALUE", std::string(StateName(s)));
    auto it = counts.by_state.find(s);
    row->SetIntValue("COUNT", it == counts.by_state.end() ? 0 : static_cast<long>(it->second));
  }
  if (MayReceive(p)) b.ShowSection("CAN_RECEIVE");

  // My queue: the open dossiers assigned to me, the most urgent first.
  DossierQuery q;
  q.view = DossierView::kMine;
  q.limit = 200;
  auto mine = svc.ListDossiers(p, q).items;
  auto urgency = svc.UrgencyOf(mine);
  std::vector<size_t> order(mine.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::pair(Rank(urgency[a]), mine[a].due_at) < std::pair(Rank(urgency[b]), mine[b].due_at);
  });
  std::vector<Dossier> shown;
  std::vector<Urgency> shown_urgency;
  for (size_t i = 0; i < order.size() && i < kQueueShown; ++i) {
    shown.push_back(mine[order[i]]);
    shown_urgency.push_back(urgency[order[i]]);
  }
  if (shown.empty()) {
    b.ShowSection("NO_QUEUE");
  } else {
    DossierTable(*b.AddSectionDictionary("QUEUE"), "queue", Text("desk.queue_caption"), svc, shown, shown_urgency);
    if (counts.mine > static_cast<int64_t>(shown.size())) b.ShowSection("MORE_QUEUE");
  }
  // The late ones of my units, newest first (the queue's are above).
  DossierQuery late;
  late.view = DossierView::kLate;
  late.limit = 5;
  auto overdue = svc.ListDossiers(p, late).items;
  if (!overdue.empty()) {
    DossierTable(*b.AddSectionDictionary("OVERDUE"), "overdue", Text("desk.overdue_caption"), svc, overdue,
                 svc.UrgencyOf(overdue));
  }
  return v.render();
}

// ---- lists ----

Response List(Context& ctx, Service& svc, org::Service& org) {
  const auth::Principal& p = *ctx.user;
  DossierQuery q;
  q.view = Manages(p) ? DossierView::kAll : DossierView::kMine;
  if (auto view = ParseView(ctx.req.query_param("view"))) q.view = *view;
  q.state = ParseState(ctx.req.query_param("state"));
  if (auto id = http::ParseInt64(ctx.req.query_param("procedure")); id && *id > 0) q.procedure_id = id;
  q.unit_code = ctx.req.query_param("unit");
  q.q = ctx.req.query_param("q");
  if (auto after = http::ParseInt64(ctx.req.query_param("after")); after && *after > 0) q.after_id = *after;
  q.limit = kPageSize;

  PageView v(ctx, Text("desk.list_title." + std::string(ViewName(q.view))), kList);
  auto& b = v.body();
  int status = 200;
  DossierPage page;
  try {
    page = svc.ListDossiers(p, q);
  } catch (const AppError& e) {
    if (e.kind() != ErrorKind::kBadRequest) throw;
    v.ShowErrors(e);
    status = 400;
  }
  // The query string of this list without the cursor (tabs keep the filters, the pager the view too).
  auto query = [&](bool with_view) {
    std::string s;
    auto add = [&](const char* k, const std::string& val) {
      if (!val.empty()) s += std::string(s.empty() ? "?" : "&") + k + "=" + http::UrlEncode(val);
    };
    if (with_view) add("view", std::string(ViewName(q.view)));
    add("q", q.q);
    add("state", q.state ? std::string(StateName(*q.state)) : "");
    add("procedure", q.procedure_id ? std::to_string(*q.procedure_id) : "");
    add("unit", q.unit_code);
    return s;
  };
  for (DossierView view : {DossierView::kMine, DossierView::kDueSoon, DossierView::kLate, DossierView::kAll}) {
    auto* tab = b.AddSectionDictionary("TAB");
    tab->SetValue("LABEL", Text("desk.view." + std::string(ViewName(view))));
    std::string rest = query(false);
    tab->SetValue("URL",
                  "/desk/dossiers?view=" + std::string(ViewName(view)) + (rest.empty() ? "" : "&" + rest.substr(1)));
    if (view == q.view) tab->ShowSection("CURRENT");
  }
  b.SetValue("VIEW", std::string(ViewName(q.view)));
  if (q.state || q.procedure_id || !q.unit_code.empty()) b.ShowSection("FILTERED");
  b.SetValue("Q", q.q);
  for (const char* name : {"new", "received", "refused", "in_progress", "supplement_requested", "payment_required",
                           "withdrawn", "stopped", "result_ready", "returned"}) {
    auto* o = b.AddSectionDictionary("STATE");
    o->SetValue("VALUE", name);
    o->SetValue("LABEL", Text("desk.state." + std::string(name)));
    if (q.state && StateName(*q.state) == name) o->SetValue("SELECTED", "selected");
  }
  // Units the official works on, and the procedures that apply at them.
  std::vector<std::string> unit_codes;
  for (auto& u : org.ListUnits(p, TodayLocalIso())) {
    if (!auth::Covers(p, u.path, {Role::kAdmin, Role::kLeader, Role::kDesk, Role::kSpecialist})) continue;
    auto* o = b.AddSectionDictionary("UNIT");
    o->SetValue("VALUE", u.code);
    o->SetValue("LABEL", u.name + " (" + u.code + ")");
    if (u.code == q.unit_code) o->SetValue("SELECTED", "selected");
    unit_codes.push_back(u.code);
  }
  std::set<int64_t> listed;
  std::vector<Procedure> procedures;
  std::vector<std::string> at;  // the units whose applicable procedures are offered
  if (!q.unit_code.empty() && std::find(unit_codes.begin(), unit_codes.end(), q.unit_code) != unit_codes.end())
    at.push_back(q.unit_code);
  else
    for (auto& g : p.grants) at.push_back(g.unit_code);
  for (auto& code : at) {
    ProcedureQuery pq;
    pq.unit_code = code;
    pq.limit = 200;
    for (auto& proc : svc.SearchProcedures(&p, pq))
      if (listed.insert(proc.id).second) procedures.push_back(proc);
  }
  std::sort(procedures.begin(), procedures.end(), [](auto& a, auto& b) { return a.name < b.name; });
  for (auto& proc : procedures) {
    auto* o = b.AddSectionDictionary("PROCEDURE");
    o->SetIntValue("VALUE", static_cast<long>(proc.id));
    o->SetValue("LABEL", proc.name + " (" + proc.code + ")");
    if (q.procedure_id == proc.id) o->SetValue("SELECTED", "selected");
  }
  if (page.items.empty()) {
    b.ShowSection(q.after_id ? "NO_MORE" : "EMPTY");
  } else {
    DossierTable(*b.AddSectionDictionary("TABLE"), "dossiers", Text("desk.list_title." + std::string(ViewName(q.view))),
                 svc, page.items, svc.UrgencyOf(page.items));
  }
  // query(true) always holds the view, so it starts with "?".
  if (page.next_cursor)
    b.SetValueAndShowSection("NEXT", "/desk/dossiers" + query(true) + "&after=" + std::to_string(page.next_cursor),
                             "HAS_NEXT");
  if (q.after_id) b.SetValueAndShowSection("FIRST", "/desk/dossiers" + query(true), "HAS_FIRST");
  if (MayReceive(p)) b.ShowSection("CAN_RECEIVE");
  return v.render(status);
}

// ---- intake ----

// The unit the intake is for: `wanted` when it is one of `units`, else the first.
const org::Unit& PickUnit(const std::vector<org::Unit>& units, const std::string& wanted) {
  for (auto& u : units)
    if (u.code == wanted) return u;
  return units.front();
}

void UnitChoice(Dict& b, const std::vector<org::Unit>& units, const std::string& selected) {
  if (units.size() == 1) {
    b.SetValueAndShowSection("UNIT_NAME", units[0].name, "ONE_UNIT");
    b.SetValue("UNIT_CODE", units[0].code);
    return;
  }
  b.ShowSection("MANY_UNITS");
  for (auto& u : units) {
    auto* o = b.AddSectionDictionary("UNIT");
    o->SetValue("VALUE", u.code);
    o->SetValue("LABEL", u.name + " (" + u.code + ")");
    if (u.code == selected) o->SetValue("SELECTED", "selected");
  }
}

// Step 1: find the procedure (its results lead to step 2).
Response ChooseProcedure(Context& ctx, Service& svc, const std::vector<org::Unit>& units,
                         const std::string& unit_code) {
  PageView v(ctx, Text("desk.intake_title"), kChoose);
  auto& b = v.body();
  const std::string q = ctx.req.query_param("q");
  b.SetValue("Q", q);
  UnitChoice(b, units, unit_code);
  ProcedureQuery pq;
  pq.q = q;
  pq.unit_code = unit_code;
  pq.limit = 50;
  int status = 200;
  std::vector<Procedure> found;
  try {
    found = svc.SearchProcedures(ctx.user, pq);
  } catch (const AppError& e) {
    if (e.kind() != ErrorKind::kBadRequest) throw;
    v.ShowErrors(e);
    status = 400;
  }
  const std::string today = TodayLocalIso();
  std::erase_if(found, [&](const Procedure& p) {
    return !p.active || p.valid_from > today || (p.valid_to && *p.valid_to <= today);
  });
  for (auto& p : found) {
    auto* row = b.AddSectionDictionary("PROCEDURE");
    row->SetValue("NAME", p.name);
    row->SetValue("CODE", p.code);
    row->SetValue("FIELD", p.field);
    row->SetValue("LIMIT", LimitText(p, SameDayAt(p, unit_code)));
    row->SetValue("URL", "/desk/intake?procedure=" + std::to_string(p.id) + "&unit=" + http::UrlEncode(unit_code));
  }
  b.ShowSection(found.empty() ? "NO_RESULTS" : "HAS_RESULTS");
  b.ShowSection(q.empty() ? "NOT_SEARCHED" : "SEARCHED");
  return v.render(status);
}

// Step 2: the intake form for one procedure.
Response IntakeForm(Context& ctx, const Procedure& proc, const std::vector<org::Unit>& units, const IntakeInput& in,
                    const std::set<size_t>& ticked, const AppError* error) {
  PageView v(ctx, Text("desk.intake_title"), kIntake);
  auto& b = v.body();
  b.SetValue("PROCEDURE_NAME", proc.name);
  b.SetValue("PROCEDURE_CODE", proc.code);
  b.SetIntValue("PROCEDURE_ID", static_cast<long>(proc.id));
  b.SetValue("LIMIT", LimitText(proc, SameDayAt(proc, in.unit_code)));
  if (!proc.fees.empty()) b.SetValueAndShowSection("FEES", proc.fees, "HAS_FEES");
  if (!proc.result.empty()) b.SetValueAndShowSection("RESULT", proc.result, "HAS_RESULT");
  b.SetValue("CHANGE_URL", "/desk/intake?unit=" + http::UrlEncode(in.unit_code));
  UnitChoice(b, units, in.unit_code);
  for (size_t i = 0; i < proc.documents.size(); ++i) {
    const Document& d = proc.documents[i];
    auto* o = b.AddSectionDictionary("DOCUMENT");
    o->SetIntValue("INDEX", static_cast<long>(i));
    o->SetValue("NAME", d.name);
    o->SetValue("KIND", Text("desk.document_kind." + d.kind));
    o->SetIntValue("COUNT", static_cast<long>(d.count));
    if (ticked.count(i)) o->SetValue("CHECKED", "checked");
  }
  b.ShowSection(proc.documents.empty() ? "NO_DOCUMENTS" : "HAS_DOCUMENTS");
  b.SetValue("APPLICANT_NAME", in.applicant.name);
  b.SetValue("APPLICANT_ID_NUMBER", in.applicant.id_number);
  b.SetValue("APPLICANT_PHONE", in.applicant.phone);
  b.SetValue("APPLICANT_EMAIL", in.applicant.email);
  b.SetValue("APPLICANT_ADDRESS", in.applicant.address);
  b.SetValue("SUMMARY", in.summary);
  for (const char* m : {"at_desk", "post", "online"}) {
    auto* o = b.AddSectionDictionary("RETURN_METHOD");
    o->SetValue("VALUE", m);
    o->SetValue("LABEL", Text("desk.return_method." + std::string(m)));
    if (in.return_method == m) o->SetValue("SELECTED", "selected");
  }
  // The citizen's choice of notifications (features/notify); "none" = opted out.
  const std::string chosen = in.notify_opt_out ? "none" : in.notify_channel;
  for (const char* c : {"", "sms", "email", "zalo", "none"}) {
    auto* o = b.AddSectionDictionary("NOTIFY_CHANNEL");
    o->SetValue("VALUE", c);
    o->SetValue("LABEL", Text(std::string("desk.notify_channel.") + (*c ? c : "unit")));
    if (chosen == c) o->SetValue("SELECTED", "selected");
  }
  b.SetValue("CLIENT_KEY", in.client_key);
  if (error) v.ShowErrors(*error);
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

// ---- the dossier ----

// The forms that apply to a dossier: 01 and 06 always; 02-05 after what they record.
std::vector<std::string> FormsOf(const DossierDetail& detail) {
  std::set<Action> done;
  for (auto& e : detail.entries) done.insert(e.action);
  std::vector<std::string> out{"01"};
  if (done.count(Action::kRequestSupplement)) out.emplace_back("02");
  if (done.count(Action::kRefuse)) out.emplace_back("03");
  if (detail.apology) out.emplace_back("04");
  if (done.count(Action::kStop)) out.emplace_back("05");
  out.emplace_back("06");
  return out;
}

Response DossierPageView(Context& ctx, Service& svc, const DossierDetail& detail) {
  const Dossier& d = detail.dossier;
  PageView v(ctx, Text("desk.dossier_title", {{"code", d.code}}), kView);
  auto& b = v.body();
  std::vector<int64_t> ids{d.assignee_id, d.received_by};
  for (auto& h : detail.handovers) {
    ids.push_back(h.from_official);
    ids.push_back(h.to_official);
  }
  for (auto& e : detail.entries) ids.push_back(e.actor_id);
  if (detail.apology) ids.push_back(detail.apology->by);
  const auto names = svc.OfficialNames(ids);
  auto name = [&](int64_t id) {
    auto it = names.find(id);
    return it == names.end() ? std::string() : it->second;
  };
  std::optional<Procedure> proc;
  try {
    proc = svc.GetProcedure(ctx.user, d.procedure_id, d.procedure_version);
  } catch (const AppError&) {
    // withdrawn from the catalogue: the dossier still shows its name
  }

  b.SetValue("CODE", d.code);
  b.SetValue("URL", Url(d.code));
  b.SetValue("STATE", StateText(d.state));
  const Urgency urgency = svc.UrgencyOf({d}).front();
  if (urgency == Urgency::kLate) b.ShowSection("LATE");
  if (urgency == Urgency::kDueSoon) b.ShowSection("DUE_SOON");
  b.SetValue("PROCEDURE", d.procedure_name);
  b.SetValue("PROCEDURE_CODE", d.procedure_code);
  b.SetIntValue("PROCEDURE_VERSION", static_cast<long>(d.procedure_version));
  b.SetValue("APPLICANT", d.applicant.name);
  for (auto [key, value] : {std::pair{"ID_NUMBER", &d.applicant.id_number}, std::pair{"PHONE", &d.applicant.phone},
                            std::pair{"EMAIL", &d.applicant.email}, std::pair{"ADDRESS", &d.applicant.address}})
    if (!value->empty()) b.SetValueAndShowSection(key, *value, std::string("HAS_") + key);
  if (!d.summary.empty()) b.SetValueAndShowSection("SUMMARY", d.summary, "HAS_SUMMARY");
  for (auto& doc : d.documents) {
    auto* o = b.AddSectionDictionary("DOCUMENT");
    o->SetValue("NAME", doc.name);
    o->SetValue("KIND", Text("desk.document_kind." + doc.kind));
    o->SetIntValue("COUNT", static_cast<long>(doc.count));
  }
  if (d.documents.empty()) b.ShowSection("NO_DOCUMENTS");
  b.SetValue("RETURN_METHOD", Text("desk.return_method." + d.return_method));
  b.SetValue("RECEIVED", When(d.received_at));
  b.SetValue("RECEIVED_BY", name(d.received_by));
  b.SetValue("STARTS", When(d.starts_at));
  b.SetValue("DUE", When(d.due_at));
  if (!d.original_due_at.empty()) b.SetValueAndShowSection("ORIGINAL_DUE", When(d.original_due_at), "MOVED");
  b.SetValue("WARNING", When(d.warning_at));
  b.SetValue("SAME_DAY", Text(d.same_day ? "desk.yes" : "desk.no"));
  b.SetValue("ASSIGNEE", name(d.assignee_id));
  if (!d.paused_since.empty())
    b.SetValueAndShowSection("PAUSED_SINCE", When(d.paused_since), "PAUSED");
  else
    b.ShowSection("NOT_PAUSED");
  if (!d.completed_at.empty()) {
    b.SetValueAndShowSection("COMPLETED", When(d.completed_at), "HAS_COMPLETED");
    if (d.timeliness) b.SetValue("TIMELINESS", Text("desk.timeliness." + std::string(TimelinessName(*d.timeliness))));
  }
  if (!d.reason.empty()) b.SetValueAndShowSection("REASON", d.reason, "HAS_REASON");
  if (!d.returned_to.empty()) b.SetValueAndShowSection("RETURNED_TO", d.returned_to, "HAS_RETURNED_TO");
  if (!d.closed_at.empty()) b.SetValueAndShowSection("CLOSED", When(d.closed_at), "HAS_CLOSED");
  // "Mời đánh giá": the official's desk tablet shows this dossier (features/ratings decides and checks again).
  using auth::Role;
  if (auth::Covers(*ctx.user, d.unit_path, {Role::kAdmin, Role::kLeader, Role::kDesk, Role::kSpecialist}))
    b.ShowSection("INVITE_RATING");

  // What this official may do now; none offered that they could not submit.
  const auto actions = svc.ActionsFor(*ctx.user, d);
  for (Action a : actions) {
    auto* o = b.AddSectionDictionary("ACTION");
    o->SetValue("URL", Url(d.code) + "/actions/" + std::string(ActionName(a)));
    o->SetValue("LABEL", ActionTitle(a));
    if (a == Action::kRefuse || a == Action::kStop || a == Action::kWithdraw) o->SetValue("STYLE", "secondary");
  }
  b.ShowSection(actions.empty() ? "NO_ACTIONS" : "HAS_ACTIONS");

  for (const std::string& form : FormsOf(detail)) {
    auto* o = b.AddSectionDictionary("FORM");
    o->SetValue("URL", Url(d.code) + "/forms/" + form);
    o->SetValue("NUMBER", form);
    o->SetValue("NAME", Text("desk.form_name." + form));
  }

  for (auto& e : detail.entries) {
    auto* o = b.AddSectionDictionary("ENTRY");
    o->SetValue("AT", When(e.at));
    const std::string who = name(e.actor_id);
    o->SetValue("WHO", who.empty() ? e.actor : who);
    o->SetValue("WHAT", ActionTitle(e.action));
    o->SetValue("TO", StateText(e.to));
    o->SetValue("NOTE", e.note);
  }
  // Messages to the applicant (features/notify) and how their delivery went.
  for (auto& m : detail.messages) {
    auto* o = b.AddSectionDictionary("MESSAGE");
    o->SetValue("AT", When(m.created_at));
    o->SetValue("EVENT", Text("desk.notify_event." + m.event));
    o->SetValue("STATUS", Text("desk.notify_status." + m.status));
    o->SetValue("CHANNEL", m.channel.empty() ? "" : Text("desk.notify_channel." + m.channel));
    o->SetValue("SENT", m.sent_at.empty() ? "" : When(m.sent_at));
    o->SetValue("ERROR", m.status == "sent" ? "" : m.last_error);
  }
  if (!detail.messages.empty()) b.ShowSection("HAS_MESSAGES");
  for (auto& h : detail.handovers) {
    auto* o = b.AddSectionDictionary("HANDOVER");
    o->SetIntValue("STEP", static_cast<long>(h.step + 1));
    o->SetValue("STEP_NAME", h.step_name);
    o->SetValue("FROM", h.from_official ? name(h.from_official) : Text("desk.handover_intake"));
    o->SetValue("TO", name(h.to_official));
    o->SetValue("GIVEN", When(h.given_at));
    o->SetValue("RECEIVED", When(h.received_at));
    const bool known = proc && h.step >= 0 && h.step < static_cast<int64_t>(proc->steps.size());
    o->SetValue("BUDGET", known ? Text("desk.limit.hours", {{"n", std::to_string(proc->steps[h.step].hours)}}) : "");
    o->SetValue("DUE", When(h.due_at));
    o->SetValue("FINISHED", h.finished_at.empty() ? Text("desk.handover_open") : When(h.finished_at));
    if (h.timeliness) o->SetValue("RESULT", Text("desk.timeliness." + std::string(TimelinessName(*h.timeliness))));
  }
  if (detail.apology) {
    const Apology& a = *detail.apology;
    auto* o = b.AddSectionDictionary("APOLOGY");
    o->SetValue("REASON", a.reason);
    o->SetValue("PREVIOUS_DUE", When(a.previous_due_at));
    o->SetValue("NEW_DUE", When(a.new_due_at));
    o->SetValue("BY", name(a.by));
    o->SetValue("AT", When(a.at));
    if (!a.override_reason.empty()) o->SetValueAndShowSection("OVERRIDE", a.override_reason, "HAS_OVERRIDE");
  }

  v.ShowDone("desk.dossier_done.", {{"code", d.code}, {"due", When(d.due_at)}, {"assignee", name(d.assignee_id)}});
  if (ctx.req.query_param("done") == "received") b.ShowSection("JUST_RECEIVED");
  return v.render();
}

// ---- actions ----

// The page saying why the action cannot be taken (409): someone else changed
// the dossier first, or its state does not allow it any more.
Response ConflictPage(Context& ctx, const std::string& code, const std::string& message, bool stale) {
  PageView v(ctx, Text(stale ? "desk.stale_title" : "desk.conflict_title"), kConflict);
  v.body().SetValue("MESSAGE", message);
  v.body().SetValue("URL", Url(code));
  v.body().SetValue("CODE", code);
  return v.render(409);
}

// The form of one action (GET, and again with the errors of a refused POST).
// `version`: the dossier version the official saw (the hidden field).
Response ActionForm(Context& ctx, Service& svc, const DossierDetail& detail, Action a, const TransitionInput& in,
                    int64_t version, const AppError* error) {
  const Dossier& d = detail.dossier;
  const auto allowed = svc.ActionsFor(*ctx.user, d);
  if (std::find(allowed.begin(), allowed.end(), a) == allowed.end()) {
    std::string key = a == Action::kApology
                          ? ApologyRefusal(d, Now(), ParseUtc(d.warning_at).value_or(Now()), false, true)
                          : Refusal(d.state, a);
    if (key.empty()) key = "desk.bad_transition";
    return ConflictPage(
        ctx, d.code,
        Text(key, {{"state", StateText(d.state)}, {"action", Text("desk.action." + std::string(ActionName(a)))}}),
        false);
  }
  const std::string name(ActionName(a));
  PageView v(ctx, Text("desk.form." + name + ".title", {{"code", d.code}}), kAction);
  auto& b = v.body();
  b.SetValue("CODE", d.code);
  b.SetValue("URL", Url(d.code));
  b.SetValue("ACTION", Url(d.code) + "/actions/" + name);
  b.SetIntValue("VERSION", static_cast<long>(version));
  b.SetValue("APPLICANT", d.applicant.name);
  b.SetValue("PROCEDURE", d.procedure_name);
  b.SetValue("STATE", StateText(d.state));
  b.SetValue("DUE", When(d.due_at));
  b.SetValue("BUTTON", Text("desk.form." + name + ".button"));
  b.SetValueAndShowSection("LEAD", Text("desk.form." + name + ".lead"), "HAS_LEAD");
  switch (a) {
    case Action::kTransfer: {
      b.ShowSection("IS_TRANSFER");
      std::optional<Procedure> proc;
      try {
        proc = svc.GetProcedure(ctx.user, d.procedure_id, d.procedure_version);
      } catch (const AppError&) {
      }
      if (proc && !proc->steps.empty()) {
        auto* steps = b.AddSectionDictionary("HAS_STEPS");
        const int64_t chosen =
            in.step.value_or(std::min<int64_t>(d.step + 1, static_cast<int64_t>(proc->steps.size()) - 1));
        for (size_t i = 0; i < proc->steps.size(); ++i) {
          auto* o = steps->AddSectionDictionary("STEP");
          o->SetIntValue("VALUE", static_cast<long>(i));
          o->SetValue("LABEL", Text("desk.step_label", {{"n", std::to_string(i + 1)},
                                                        {"name", proc->steps[i].name},
                                                        {"handler", proc->steps[i].handler}}));
          if (static_cast<int64_t>(i) == chosen) o->SetValue("SELECTED", "selected");
        }
      }
      for (auto& o : svc.Colleagues(*ctx.user, d.code)) {
        auto* row = b.AddSectionDictionary("OFFICIAL");
        row->SetIntValue("VALUE", static_cast<long>(o.id));
        row->SetValue("LABEL", o.position.empty() ? o.full_name : o.full_name + " – " + o.position);
        if (in.to_official == o.id) row->SetValue("SELECTED", "selected");
      }
      break;
    }
    case Action::kReturn:
      b.ShowSection("IS_RETURN");
      b.SetValue("RETURNED_TO", in.returned_to);
      break;
    case Action::kApology:
      b.ShowSection("IS_APOLOGY");
      b.ShowSection("HAS_REASON");
      b.ShowSection("REASON_REQUIRED");
      v.DateInput("NEW_DUE_DATE", "new_due_date", Text("desk.field_new_due_date"), Text("desk.hint_new_due_date"),
                  in.new_due_date);
      if (svc.ApologyNeedsOverride(d)) {
        b.ShowSection("NEEDS_OVERRIDE");
        b.SetValue("WARNING", When(d.warning_at));
        b.SetValue("OVERRIDE_REASON", in.override_reason);
      }
      break;
    case Action::kRequestSupplement:
    case Action::kRefuse:
    case Action::kStop:
      b.ShowSection("HAS_REASON");
      b.ShowSection("REASON_REQUIRED");
      break;
    default:
      b.ShowSection("HAS_REASON");  // an optional note
      b.ShowSection("REASON_OPTIONAL");
      break;
  }
  if (a != Action::kTransfer && a != Action::kReturn) {
    b.SetValue("REASON", in.reason);
    b.SetValue("REASON_LABEL", Text("desk.form." + name + ".reason"));
    b.SetValue("REASON_HINT", Text("desk.form." + name + ".reason_hint"));
  }
  if (error) v.ShowErrors(*error);
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

Action ActionParam(const Context& ctx) {
  auto a = ParseAction(ctx.req.params.at("action"));
  if (!a || *a == Action::kReceive) throw NotFound("desk.bad_action");
  return *a;
}

}  // namespace

void RegisterDossiersPages(http::App& app, Service& svc, org::Service& org) {
  app.page("GET", "/desk", http::Access::kUser, [&svc](Context& ctx) { return Home(ctx, svc); });

  app.page("GET", "/desk/dossiers", http::Access::kUser, [&svc, &org](Context& ctx) { return List(ctx, svc, org); });

  app.page("GET", "/desk/intake", http::Access::kUser, [&svc](Context& ctx) {
    if (!MayReceive(*ctx.user)) throw Forbidden();
    const auto units = svc.IntakeUnits(*ctx.user);
    if (units.empty()) throw Forbidden();
    const org::Unit& unit = PickUnit(units, ctx.req.query_param("unit"));
    auto id = http::ParseInt64(ctx.req.query_param("procedure"));
    if (!id || *id <= 0) return ChooseProcedure(ctx, svc, units, unit.code);
    Procedure proc;
    try {
      proc = svc.GetProcedure(ctx.user, *id);
    } catch (const AppError& e) {
      if (e.kind() != ErrorKind::kNotFound) throw;
      return ChooseProcedure(ctx, svc, units, unit.code);
    }
    IntakeInput in;
    in.procedure_id = proc.id;
    in.unit_code = unit.code;
    in.return_method = "at_desk";
    in.client_key = auth::RandomToken(16);  // a double-click or a retried POST receives once
    return IntakeForm(ctx, proc, units, in, {}, nullptr);
  });

  app.page("POST", "/desk/intake", http::Access::kUser, [&svc](Context& ctx) {
    if (!MayReceive(*ctx.user)) throw Forbidden();
    const auto units = svc.IntakeUnits(*ctx.user);
    if (units.empty()) throw Forbidden();
    const auto form = ctx.req.form();
    auto get = [&](const char* k) { return http::FormValue(form, k); };
    auto id = http::ParseInt64(get("procedure_id"));
    if (!id || *id <= 0) throw NotFound("desk.procedure_not_found");
    const Procedure proc = svc.GetProcedure(ctx.user, *id);
    IntakeInput in;
    in.procedure_id = proc.id;
    in.unit_code = get("unit_code").empty() ? units[0].code : get("unit_code");  // the service authorises it
    in.applicant = {get("applicant.name"), get("applicant.id_number"), get("applicant.phone"), get("applicant.email"),
                    get("applicant.address")};
    in.summary = get("summary");
    in.return_method = get("return_method");
    in.client_key = get("client_key");
    in.notify_channel = get("notify_channel");
    if (in.notify_channel == "none") {
      in.notify_opt_out = true;
      in.notify_channel.clear();
    }
    std::set<size_t> ticked;
    for (auto& [key, value] : ctx.req.form_all()) {
      if (key != "document") continue;
      auto i = http::ParseInt64(value);
      if (i && *i >= 0 && *i < static_cast<int64_t>(proc.documents.size()) && ticked.insert(*i).second)
        in.documents.push_back(proc.documents[static_cast<size_t>(*i)]);
    }
    try {
      auto res = svc.Receive(*ctx.user, in);
      return Response::Redirect(Url(res.detail.dossier.code) + "?done=received");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return IntakeForm(ctx, proc, units, in, ticked, &e);
    }
  });

  app.page("GET", "/desk/dossiers/{code}", http::Access::kUser, [&svc](Context& ctx) {
    return DossierPageView(ctx, svc, svc.GetDossier(*ctx.user, ctx.req.params.at("code")));
  });

  app.page("GET", "/desk/dossiers/{code}/actions/{action}", http::Access::kUser, [&svc](Context& ctx) {
    const Action a = ActionParam(ctx);
    const auto detail = svc.GetDossier(*ctx.user, ctx.req.params.at("code"));
    TransitionInput in;
    in.action = a;
    return ActionForm(ctx, svc, detail, a, in, detail.dossier.version, nullptr);
  });

  app.page("POST", "/desk/dossiers/{code}/actions/{action}", http::Access::kUser, [&svc](Context& ctx) {
    const Action a = ActionParam(ctx);
    const std::string& code = ctx.req.params.at("code");
    const auto form = ctx.req.form();
    auto get = [&](const char* k) { return http::FormValue(form, k); };
    TransitionInput in;
    in.action = a;
    in.expected_version = http::ParseInt64(get("version"));
    in.reason = get("reason");
    in.to_official = http::ParseInt64(get("to_official"));
    in.step = http::ParseInt64(get("step"));
    in.returned_to = get("returned_to");
    in.new_due_date = render::DateFromForm(form, "new_due_date");
    in.override_reason = get("override_reason");
    try {
      if (!in.expected_version) throw BadInput("error.bad_number", "version");
      svc.Apply(*ctx.user, code, in);
      return Response::Redirect(Url(code) + "?done=" + std::string(ActionName(a)));
    } catch (const AppError& e) {
      if (e.kind() == ErrorKind::kConflict)
        return ConflictPage(ctx, code, Text(e.key(), e.args()), e.key() == "desk.stale_version");
      if (e.kind() != ErrorKind::kBadRequest) throw;
      const auto detail = svc.GetDossier(*ctx.user, code);
      return ActionForm(ctx, svc, detail, a, in, in.expected_version.value_or(detail.dossier.version), &e);
    }
  });
}

}  // namespace fg::desk
