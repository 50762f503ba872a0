// The procedure catalogue's pages (list and search, a procedure with its
// versions, the form for a new procedure and for a new version, activation,
// same-day registration, CSV import and export) and the unit's dossier-code
// settings. Handlers parse and render; the service decides and authorises.
#include <algorithm>
#include <cctype>

#include "features/desk/procedures_csv.h"
#include "features/desk/routes.h"
#include "platform/auth/crypto.h"
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

constexpr const char* kTemplates = "features/desk/templates/";
constexpr size_t kMaxDocumentRows = 50, kMaxStepRows = 20, kBlankRows = 3;
const char* const kLevels[] = {"commune", "district", "province", "central"};
const char* const kKinds[] = {"original", "copy", "certified_copy"};

std::string Tpl(const char* name) { return std::string(kTemplates) + name; }

bool IsAdmin(const Context& ctx) { return auth::HasRole(*ctx.user, Role::kAdmin); }

// Pages only administrators can use answer 403 to others instead of offering a form.
void RequireAdmin(const Context& ctx) {
  if (!IsAdmin(ctx)) throw Forbidden();
}

int64_t IdParam(const Context& ctx) {
  if (auto id = ctx.req.id_param("id")) return *id;
  throw NotFound("desk.procedure_not_found");
}

std::string Url(int64_t id, const std::string& rest = "") { return "/desk/procedures/" + std::to_string(id) + rest; }

// ---- words ----

std::string LimitText(Limit unit, int64_t amount) {
  if (unit == Limit::kSameDay) return Text("desk.limit_text.same_day");
  return Text(unit == Limit::kHours ? "desk.limit_text.hours" : "desk.limit_text.days",
              {{"n", std::to_string(amount)}});
}

// A step's budget: whole working days when it is some, else hours.
std::string BudgetText(int64_t hours) {
  if (hours <= 0) return Text("desk.budget_none");
  if (hours % 8 == 0) return Text("desk.limit_text.days", {{"n", std::to_string(hours / 8)}});
  return Text("desk.limit_text.hours", {{"n", std::to_string(hours)}});
}

std::string UnitName(org::Service& org, const std::string& code) {
  auto u = org.PublicUnit(code);
  return u ? u->name : code;
}

// Units in force that `ctx.user` covers with one of `roles`, depth first.
std::vector<org::Unit> UnitsCovered(const Context& ctx, org::Service& org, std::initializer_list<Role> roles) {
  auto units = org.ListUnits(*ctx.user, TodayLocalIso());
  std::erase_if(units, [&](const org::Unit& u) { return !auth::Covers(*ctx.user, u.path, roles); });
  std::sort(units.begin(), units.end(), [](const org::Unit& a, const org::Unit& b) { return a.path < b.path; });
  return units;
}

void UnitOptions(ctemplate::TemplateDictionary& d, const char* section, const std::vector<org::Unit>& units,
                 const std::string& selected) {
  for (auto& u : units) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", u.code);
    o->SetValue("LABEL", u.name + " (" + u.code + ")");
    if (u.code == selected) o->SetValue("SELECTED", "selected");
  }
}

// The unit a staff page starts from: the official's first grant.
std::string HomeUnit(const Context& ctx) {
  return ctx.user->grants.empty() ? std::string() : ctx.user->grants.front().unit_code;
}

// The same problems, each message naming its field in words (the item's
// number for documents and steps), for the summary and beside the fields.
AppError Worded(const AppError& e) {
  Problems p;
  for (auto& fp : e.problems()) p.add(FieldProblem{fp.field, "desk.text", {{"text", ProblemText(fp)}}});
  try {
    p.raise_if_any();
  } catch (const AppError& worded) {
    return worded;
  }
  return e;
}

// ---- the form ----

struct FormState {
  ProcedureInput in;
  std::string version;                       // the version the edit started from
  std::vector<std::string> step_units;       // "hours" | "days", per step row as typed
  std::vector<std::string> step_amounts;     // as typed (a bad number is shown again)
  std::vector<std::string> document_counts;  // as typed
  std::string limit_amount;                  // as typed
  size_t document_rows = 0, step_rows = 0;   // rows to show (blank ones included)
};

// A whole number as typed; "" -> nullopt; anything else -> -1, which the
// service refuses naming the field.
std::optional<int64_t> Amount(const std::string& typed) {
  const std::string t = text::Trim(typed);
  if (t.empty()) return std::nullopt;
  return http::ParseInt64(t).value_or(-1);
}

FormState FromForm(const std::multimap<std::string, std::string>& all) {
  std::map<std::string, std::string> f;
  for (auto& [k, v] : all) f[k] = v;
  auto get = [&](const std::string& k) { return http::FormValue(f, k); };
  FormState s;
  ProcedureInput& in = s.in;
  in.unit_code = get("unit_code");
  in.code = get("code");
  in.name = get("name");
  in.field = get("field");
  in.level = get("level");
  in.limit_unit = get("limit_unit");
  s.limit_amount = get("limit_amount");
  in.limit_amount = Amount(s.limit_amount);
  in.cutoff = get("cutoff");
  in.fees = get("fees");
  in.result = get("result");
  in.legal_basis = get("legal_basis");
  in.online_level = Amount(get("online_level"));
  in.valid_from = render::DateFromForm(f, "valid_from");
  in.valid_to = render::DateFromForm(f, "valid_to");
  s.version = get("version");
  // Rows in their order; empty ones are left out (the form always shows a few blank rows).
  for (size_t i = 0; i < kMaxDocumentRows; ++i) {
    const std::string at = "documents[" + std::to_string(i) + "].";
    const std::string name = get(at + "name"), count = get(at + "count");
    if (text::Trim(name).empty() && text::Trim(count).empty()) continue;
    in.documents.push_back({name, get(at + "kind"), Amount(count).value_or(1)});
    s.document_counts.push_back(count);
  }
  for (size_t i = 0; i < kMaxStepRows; ++i) {
    const std::string at = "steps[" + std::to_string(i) + "].";
    const std::string name = get(at + "name"), handler = get(at + "handler"), amount = get(at + "hours");
    if (text::Trim(name).empty() && text::Trim(handler).empty() && text::Trim(amount).empty()) continue;
    const std::string unit = get(at + "hours_unit") == "days" ? "days" : "hours";
    int64_t hours = Amount(amount).value_or(0);
    if (unit == "days" && hours > 0) hours = hours > calendar::kMaxHours / 8 ? -1 : hours * 8;
    in.steps.push_back({name, get(at + "handler"), hours});
    s.step_units.push_back(unit);
    s.step_amounts.push_back(amount);
  }
  // As many rows as were shown (at least the filled ones and a few blank ones).
  auto shown = [&](const char* key) -> size_t {
    const auto n = http::ParseInt64(get(key));
    return n && *n > 0 && *n <= 100 ? static_cast<size_t>(*n) : 0;
  };
  s.document_rows = std::min(kMaxDocumentRows, std::max(in.documents.size() + kBlankRows, shown("document_rows")));
  s.step_rows = std::min(kMaxStepRows, std::max(in.steps.size() + kBlankRows, shown("step_rows")));
  if (get("more") == "documents") s.document_rows = std::min(kMaxDocumentRows, s.document_rows + kBlankRows);
  if (get("more") == "steps") s.step_rows = std::min(kMaxStepRows, s.step_rows + kBlankRows);
  return s;
}

FormState FromProcedure(const Procedure& p) {
  FormState s;
  s.in = InputOf(p);
  s.version = std::to_string(p.version);
  s.limit_amount = p.limit == Limit::kSameDay ? "" : std::to_string(p.limit_amount);
  for (auto& d : p.documents) s.document_counts.push_back(std::to_string(d.count));
  for (auto& st : p.steps) {
    const bool days = st.hours > 0 && st.hours % 8 == 0;
    s.step_units.emplace_back(days ? "days" : "hours");
    s.step_amounts.push_back(std::to_string(days ? st.hours / 8 : st.hours));
  }
  s.document_rows = std::min(kMaxDocumentRows, p.documents.size() + kBlankRows);
  s.step_rows = std::min(kMaxStepRows, p.steps.size() + kBlankRows);
  return s;
}

void Options(ctemplate::TemplateDictionary& d, const char* section, const std::vector<std::string>& values,
             const std::string& prefix, const std::string& selected) {
  for (auto& v : values) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", v);
    o->SetValue("LABEL", Text(prefix + v));
    if (v == selected) o->SetValue("SELECTED", "selected");
  }
}

// The message of `field` (if any) beside a row's input: ROW_<PART>_INVALID,
// ROW_<PART>_ERROR (not <PART>_...: a row would see the form's own markers).
void RowError(ctemplate::TemplateDictionary& row, const std::map<std::string, std::string>& errors,
              const std::string& field, const std::string& part) {
  auto it = errors.find(field);
  if (it == errors.end()) return;
  std::string marker = "ROW_" + part;
  std::transform(marker.begin(), marker.end(), marker.begin(), [](unsigned char c) { return std::toupper(c); });
  row.SetValue(marker + "_ERROR", it->second);
  row.ShowSection(marker + "_INVALID");
}

struct FormContext {
  const Procedure* existing = nullptr;      // editing this one (the current version)
  const AppError* error = nullptr;          // shown in the form
  std::vector<std::string> conflict_notes;  // fields the person changed, on a stale edit
};

Response ProcedureForm(Context& ctx, org::Service& org, const FormState& s, const FormContext& fc) {
  const ProcedureInput& in = s.in;
  const bool is_new = !fc.existing;
  PageView v(
      ctx, is_new ? Text("desk.procedure_new_title") : Text("desk.procedure_edit_title", {{"name", fc.existing->name}}),
      Tpl("procedures_form.tpl"));
  auto& b = v.body();
  b.ShowSection(is_new ? "IS_NEW" : "IS_EDIT");
  b.SetValue("ACTION", is_new ? "/desk/procedures/new" : Url(fc.existing->id, "/edit"));
  b.SetValue("CANCEL", is_new ? "/desk/procedures" : Url(fc.existing->id));
  if (is_new) {
    UnitOptions(b, "UNIT", UnitsCovered(ctx, org, {Role::kAdmin}), in.unit_code);
    b.SetValue("CODE", in.code);
  } else {
    b.SetValue("CODE", fc.existing->code);
    b.SetValue("UNIT_NAME", UnitName(org, fc.existing->unit_code));
    b.SetValue("VERSION", s.version);
    b.SetIntValue("NEXT_VERSION", fc.existing->version + 1);
  }
  b.SetValue("NAME", in.name);
  b.SetValue("FIELD", in.field);
  Options(b, "LEVEL", {std::begin(kLevels), std::end(kLevels)}, "desk.level.", in.level.empty() ? "commune" : in.level);
  Options(b, "LIMIT_UNIT", {"days", "hours", "same_day"}, "desk.limit_unit.",
          in.limit_unit.empty() ? "days" : in.limit_unit);
  b.SetValue("LIMIT_AMOUNT", s.limit_amount);
  b.SetValue("CUTOFF", in.cutoff.empty() ? "15:00" : in.cutoff);
  Options(b, "ONLINE_LEVEL", {"0", "1", "2"}, "desk.online_level.",
          in.online_level ? std::to_string(*in.online_level) : "0");
  b.SetValue("FEES", in.fees);
  b.SetValue("RESULT", in.result);
  b.SetValue("LEGAL_BASIS", in.legal_basis);
  v.DateInput("VALID_FROM_DATE", "valid_from", Text("desk.procedure_field.valid_from_label"),
              Text("desk.hint_valid_from"), in.valid_from);
  v.DateInput("VALID_TO_DATE", "valid_to", Text("desk.procedure_field.valid_to_label"), Text("desk.hint_valid_to"),
              in.valid_to);

  std::optional<AppError> worded;
  std::map<std::string, std::string> errors;  // by field: what rows show beside their inputs
  if (fc.error) {
    worded = Worded(*fc.error);
    for (auto& fp : worded->problems()) errors.emplace(fp.field, render::Text(fp.key, fp.args));
  }
  b.SetIntValue("DOCUMENT_ROWS", static_cast<long>(s.document_rows));
  for (size_t i = 0; i < s.document_rows; ++i) {
    auto* row = b.AddSectionDictionary("DOCUMENT");
    const std::string at = "documents[" + std::to_string(i) + "]";
    row->SetIntValue("I", static_cast<long>(i));
    row->SetIntValue("N", static_cast<long>(i + 1));
    row->SetValue("ID", render::FieldId(at));
    const bool filled = i < in.documents.size();
    row->SetValue("NAME", filled ? in.documents[i].name : "");
    row->SetValue("COUNT", filled ? s.document_counts[i] : "");
    Options(*row, "KIND", {std::begin(kKinds), std::end(kKinds)}, "desk.kind.",
            filled && !in.documents[i].kind.empty() ? in.documents[i].kind : "original");
    for (const char* part : {"name", "kind", "count"}) RowError(*row, errors, at + "." + part, part);
  }
  b.SetIntValue("STEP_ROWS", static_cast<long>(s.step_rows));
  for (size_t i = 0; i < s.step_rows; ++i) {
    auto* row = b.AddSectionDictionary("STEP");
    const std::string at = "steps[" + std::to_string(i) + "]";
    row->SetIntValue("I", static_cast<long>(i));
    row->SetIntValue("N", static_cast<long>(i + 1));
    row->SetValue("ID", render::FieldId(at));
    const bool filled = i < in.steps.size();
    row->SetValue("NAME", filled ? in.steps[i].name : "");
    row->SetValue("HANDLER", filled ? in.steps[i].handler : "");
    row->SetValue("HOURS", filled ? s.step_amounts[i] : "");
    Options(*row, "HOURS_UNIT", {"hours", "days"}, "desk.limit_unit.", filled ? s.step_units[i] : "hours");
    for (const char* part : {"name", "handler", "hours"}) RowError(*row, errors, at + "." + part, part);
  }
  b.ShowSection(s.document_rows >= kMaxDocumentRows ? "DOCUMENTS_FULL" : "CAN_ADD_DOCUMENTS");
  b.ShowSection(s.step_rows >= kMaxStepRows ? "STEPS_FULL" : "CAN_ADD_STEPS");
  if (!fc.conflict_notes.empty()) {
    auto* c = b.AddSectionDictionary("CONFLICT");
    for (auto& field : fc.conflict_notes) {
      auto* item = c->AddSectionDictionary("CHANGED");
      item->SetValue("LABEL", text::UpperFirst(Text("desk.procedure_field." + field)));
    }
  }
  if (worded) v.ShowErrors(*worded);
  return v.render(fc.error ? http::StatusOf(fc.error->kind()) : 200);
}

// The fields of `typed` that differ from `started` as a person sees them
// (spaces around text and line-break styles aside), valid or not.
std::vector<std::string> TypedChanges(const ProcedureInput& started, const ProcedureInput& typed) {
  auto same = [](const std::string& a, const std::string& b) {
    auto norm = [](const std::string& x) {
      std::string t = text::Trim(x);
      std::erase(t, '\r');
      return t;
    };
    return norm(a) == norm(b);
  };
  std::vector<std::string> out;
  auto add = [&](bool differs, const char* field) {
    if (differs) out.emplace_back(field);
  };
  add(!same(started.name, typed.name), "name");
  add(!same(started.field, typed.field), "field");
  add(!same(started.level, typed.level), "level");
  const bool same_day = same(typed.limit_unit, "same_day");  // its amount is not asked for
  add(!same(started.limit_unit, typed.limit_unit) ||
          (!same_day && started.limit_amount.value_or(0) != typed.limit_amount.value_or(0)),
      "limit");
  add(!same(started.cutoff, typed.cutoff), "cutoff");
  add(started.online_level.value_or(0) != typed.online_level.value_or(0), "online_level");
  add(!same(started.fees, typed.fees), "fees");
  add(!same(started.result, typed.result), "result");
  add(!std::equal(started.documents.begin(), started.documents.end(), typed.documents.begin(), typed.documents.end(),
                  [&](const Document& a, const Document& b) {
                    return same(a.name, b.name) &&
                           (a.kind.empty() ? "original" : a.kind) == (b.kind.empty() ? "original" : b.kind) &&
                           a.count == b.count;
                  }),
      "documents");
  add(!std::equal(started.steps.begin(), started.steps.end(), typed.steps.begin(), typed.steps.end(),
                  [&](const Step& a, const Step& b) {
                    return same(a.name, b.name) && same(a.handler, b.handler) && a.hours == b.hours;
                  }),
      "steps");
  add(!same(started.legal_basis, typed.legal_basis), "legal_basis");
  add(!same(started.valid_from, typed.valid_from), "valid_from");
  add(!same(started.valid_to, typed.valid_to), "valid_to");
  return out;
}

// ---- the procedure ----

void FillProcedure(ctemplate::TemplateDictionary& b, org::Service& org, const Procedure& p) {
  b.SetValue("CODE", p.code);
  b.SetValue("NAME", p.name);
  b.SetValue("FIELD", p.field);
  b.SetValue("UNIT_NAME", UnitName(org, p.unit_code));
  b.SetValue("UNIT_CODE", p.unit_code);
  b.SetValue("LEVEL", Text("desk.level." + p.level));
  b.SetValue("LIMIT", LimitText(p.limit, p.limit_amount));
  b.SetValue("CUTOFF", p.cutoff);
  b.SetValue("ONLINE_LEVEL", Text("desk.online_level." + std::to_string(p.online_level)));
  b.SetValue("FEES", p.fees.empty() ? Text("desk.not_given") : p.fees);
  b.SetValue("RESULT", p.result.empty() ? Text("desk.not_given") : p.result);
  b.SetValue("LEGAL_BASIS", p.legal_basis.empty() ? Text("desk.not_given") : p.legal_basis);
  b.SetValue("VALIDITY", p.valid_to ? Text("desk.valid_between",
                                           {{"from", DisplayDate(p.valid_from)}, {"to", DisplayDate(*p.valid_to)}})
                                    : Text("desk.valid_since", {{"from", DisplayDate(p.valid_from)}}));
  b.SetIntValue("VERSION", p.version);
  b.SetValue("STATUS", Text(p.active ? "desk.active" : "desk.inactive"));
  b.ShowSection(p.active ? "ACTIVE" : "INACTIVE");
  for (auto& d : p.documents) {
    auto* row = b.AddSectionDictionary("DOCUMENT");
    row->SetValue("NAME", d.name);
    row->SetValue("KIND", Text("desk.kind." + d.kind));
    row->SetIntValue("COUNT", d.count);
  }
  b.ShowSection(p.documents.empty() ? "NO_DOCUMENTS" : "HAS_DOCUMENTS");
  for (auto& s : p.steps) {
    auto* row = b.AddSectionDictionary("STEP");
    row->SetValue("NAME", s.name);
    row->SetValue("HANDLER", s.handler.empty() ? Text("desk.not_given") : s.handler);
    row->SetValue("BUDGET", BudgetText(s.hours));
  }
  b.ShowSection(p.steps.empty() ? "NO_STEPS" : "HAS_STEPS");
  for (auto& code : p.same_day_units) {
    auto* row = b.AddSectionDictionary("SAME_DAY_UNIT");
    row->SetValue("NAME", UnitName(org, code));
    row->SetValue("CODE", code);
  }
  b.ShowSection(p.same_day_units.empty() ? "NO_SAME_DAY" : "HAS_SAME_DAY");
}

// Whether the user may register same-day resolution somewhere the procedure applies.
bool MaySetSameDay(const Context& ctx, const Procedure& p) {
  for (auto& g : ctx.user->grants) {
    if (g.role != Role::kAdmin && g.role != Role::kLeader) continue;
    // A grant on the owner's subtree, or above it.
    if (g.unit_path.rfind(p.unit_path, 0) == 0 || p.unit_path.rfind(g.unit_path, 0) == 0) return true;
  }
  return false;
}

Response ProcedurePage(Context& ctx, Service& svc, org::Service& org, int64_t id) {
  std::optional<int64_t> version;
  if (ctx.req.has_query_param("version")) {
    version = http::ParseInt64(ctx.req.query_param("version"));
    if (!version || *version < 1) throw NotFound("desk.procedure_version_not_found");
  }
  const Procedure current = svc.GetProcedure(ctx.user, id);
  Procedure shown = current;
  if (version && *version != current.version) {
    try {
      shown = svc.GetProcedure(ctx.user, id, version);
    } catch (const AppError& e) {
      if (e.kind() == ErrorKind::kNotFound) throw NotFound("desk.procedure_version_not_found");
      throw;
    }
  }
  const bool old = shown.version != current.version;
  PageView v(ctx,
             old ? Text("desk.procedure_old_title", {{"name", shown.name}, {"version", std::to_string(shown.version)}})
                 : shown.name,
             Tpl("procedures_view.tpl"));
  auto& b = v.body();
  FillProcedure(b, org, shown);
  b.SetIntValue("ID", id);
  if (old) {
    b.ShowSection("OLD");
    b.SetIntValue("CURRENT_VERSION", current.version);
  } else {
    b.ShowSection("CURRENT");
  }
  const bool admin = auth::Covers(*ctx.user, current.unit_path, {Role::kAdmin});
  if (!old && (admin || MaySetSameDay(ctx, current))) {
    auto* actions = b.AddSectionDictionary("ACTIONS");
    actions->SetIntValue("ID", id);
    if (admin) {
      actions->ShowSection("CAN_EDIT");
      actions->ShowSection(current.active ? "CAN_DEACTIVATE" : "CAN_ACTIVATE");
    }
    if (MaySetSameDay(ctx, current)) actions->ShowSection("CAN_SAME_DAY");
  }
  for (auto& x : svc.ProcedureVersions(ctx.user, id)) {
    auto* row = b.AddSectionDictionary("VERSION_ROW");
    row->SetIntValue("ID", id);
    row->SetIntValue("VERSION", x.version);
    row->SetValue("AT", FormatLocal(x.created_at));
    row->SetValue("BY", x.created_by.empty() ? Text("desk.by_system") : x.created_by);
    if (x.version == current.version)
      row->ShowSection("IS_CURRENT");
    else if (x.version == shown.version)
      row->ShowSection("IS_SHOWN");
    else
      row->ShowSection("IS_OTHER");
  }
  std::map<std::string, std::string> args{
      {"name", current.name}, {"version", std::to_string(current.version)}, {"unit", Text("desk.the_unit")}};
  if (ctx.req.has_query_param("unit")) {
    const std::string unit = ctx.req.query_param("unit");
    if (std::all_of(unit.begin(), unit.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
      args["unit"] = UnitName(org, unit);
  }
  v.ShowDone("desk.procedure_done.", args);
  return v.render();
}

// ---- import ----

// The content's fingerprint: what a preview showed is what a confirmation
// writes. Line breaks as a browser's textarea sends them do not count.
std::string Digest(std::string_view csv) {
  std::string t;
  for (size_t i = 0; i < csv.size(); ++i) {
    if (csv[i] == '\r') {
      t += '\n';
      if (i + 1 < csv.size() && csv[i + 1] == '\n') ++i;
    } else {
      t += csv[i];
    }
  }
  if (t.rfind("\xEF\xBB\xBF", 0) == 0) t.erase(0, 3);
  t.erase(0, t.find_first_not_of('\n') == std::string::npos ? t.size() : t.find_first_not_of('\n'));
  return auth::Sha256Hex(t);
}

std::string KindName(ImportRow::Kind k) {
  switch (k) {
    case ImportRow::Kind::kCreate: return "create";
    case ImportRow::Kind::kUpdate: return "update";
    case ImportRow::Kind::kUnchanged: return "unchanged";
  }
  return "unchanged";
}

std::string ChangedText(const std::vector<std::string>& fields) {
  std::string out;
  for (auto& f : fields) out += (out.empty() ? "" : ", ") + Text("desk.procedure_field." + f);
  return out;
}

Response ImportPage(Context& ctx, const std::string& csv, const ImportReport* report, const AppError* error,
                    const std::string& notice_key = "") {
  PageView v(ctx, Text("desk.import_title"), Tpl("procedures_import.tpl"));
  auto& b = v.body();
  b.SetValue("CSV", csv);
  b.SetValue("COLUMNS", [] {
    std::string s;
    for (auto& c : ProcedureCsvColumns()) s += (s.empty() ? "" : ",") + c;
    return s;
  }());
  if (!notice_key.empty()) b.SetValueAndShowSection("NOTICE", Text(notice_key), "HAS_NOTICE");
  int status = 200;
  if (error) {
    v.ShowErrors(WithField(*error, "csv"));
    status = http::StatusOf(error->kind());
  }
  if (report) {
    auto* r = b.AddSectionDictionary("REPORT");
    r->SetIntValue("CREATED", report->created);
    r->SetIntValue("UPDATED", report->updated);
    r->SetIntValue("UNCHANGED", report->unchanged);
    for (auto& row : report->rows) {
      auto* d = r->AddSectionDictionary("ROW");
      d->SetIntValue("LINE", row.line);
      d->SetValue("UNIT_CODE", row.unit_code);
      d->SetValue("CODE", row.code);
      d->SetValue("NAME", row.name);
      d->SetValue("WHAT", Text("desk.import_kind." + KindName(row.kind)));
      if (!row.changed.empty()) d->SetValueAndShowSection("CHANGED", ChangedText(row.changed), "HAS_CHANGED");
    }
    if (!report->rows.empty()) r->ShowSection("HAS_ROWS");
    if (report->problems.empty()) r->ShowSection("COUNTS");
    if (!report->problems.empty()) {
      // One summary line linking to the list, which names every row and column.
      v.ShowErrors(BadInput("desk.import_problems", "problems", {{"count", std::to_string(report->problems.size())}}));
      auto* list = r->AddSectionDictionary("PROBLEMS");
      list->SetIntValue("COUNT", static_cast<long>(report->problems.size()));
      for (auto& cp : report->problems) {
        auto* d = list->AddSectionDictionary("PROBLEM");
        d->SetIntValue("LINE", cp.line);
        const std::string column = ColumnOf(cp.problem.field);
        d->SetValue("COLUMN", column.empty() ? Text("desk.import_whole_row") : column);
        d->SetValue("MESSAGE", ProblemText(cp.problem));
      }
      status = report->forbidden ? 403 : 400;
    } else if (report->created + report->updated == 0) {
      r->ShowSection("NOTHING_TO_DO");
    } else {
      auto* c = b.AddSectionDictionary("CONFIRM");  // beside the form's buttons
      c->SetValue("DIGEST", Digest(csv));
      c->SetIntValue("CREATED", report->created);
      c->SetIntValue("UPDATED", report->updated);
    }
  }
  return v.render(status);
}

// ---- settings ----

Response SettingsPage(Context& ctx, Service& svc, org::Service& org, const std::string& unit_code,
                      const std::string& typed, const AppError* error) {
  PageView v(ctx, Text("desk.settings_title"), Tpl("procedures_settings.tpl"));
  auto& b = v.body();
  const auto units = UnitsCovered(ctx, org, {});
  UnitOptions(b, "UNIT", units, unit_code);
  if (!unit_code.empty()) {
    try {
      const AgencySettings s = svc.GetAgencySettings(*ctx.user, unit_code);
      auto* d = b.AddSectionDictionary("SETTINGS");
      d->SetValue("UNIT_NAME", s.unit_name);
      d->SetValue("UNIT_CODE", s.unit_code);
      d->SetValue("UNIT_URL", http::UrlEncode(s.unit_code));
      d->SetValue("NEXT_CODE", s.next_code);
      d->SetValue("AGENCY_CODE", error ? typed : s.agency_code);
      if (s.agency_code.empty())
        d->ShowSection("NO_AGENCY_CODE");
      else
        d->SetValueAndShowSection("CURRENT_AGENCY_CODE", s.agency_code, "HAS_AGENCY_CODE");
      d->ShowSection(s.can_edit ? "CAN_EDIT" : "READ_ONLY");
      v.ShowDone("desk.settings_done.", {{"unit", s.unit_name}});
    } catch (const AppError& e) {
      if (e.kind() != ErrorKind::kBadRequest) throw;
      v.ShowErrors(Worded(e));
      return v.render(400);
    }
  }
  if (error) v.ShowErrors(Worded(*error));
  return v.render(error ? http::StatusOf(error->kind()) : 200);
}

}  // namespace

void RegisterProceduresPages(http::App& app, Service& svc, org::Service& org) {
  // The catalogue: search (diacritics and case ignored), filtered to what applies at a unit.
  app.page("GET", "/desk/procedures", http::Access::kUser, [&svc, &org](Context& ctx) {
    const std::string q = ctx.req.query_param("q");
    const std::string unit = ctx.req.has_query_param("unit") ? ctx.req.query_param("unit") : HomeUnit(ctx);
    PageView v(ctx, Text("desk.procedures_title"), Tpl("procedures_list.tpl"));
    auto& b = v.body();
    b.SetValue("Q", q);
    UnitOptions(b, "UNIT", UnitsCovered(ctx, org, {}), unit);
    if (IsAdmin(ctx)) b.ShowSection("ADMIN");
    std::string export_url = "/desk/procedures.csv?q=" + http::UrlEncode(q) + "&unit=" + http::UrlEncode(unit);
    b.SetValue("EXPORT_URL", export_url);
    std::vector<Procedure> found;
    int status = 200;
    try {
      found = svc.SearchProcedures(ctx.user, {q, unit, true, 200});
    } catch (const AppError& e) {
      if (e.kind() != ErrorKind::kBadRequest) throw;
      v.ShowErrors(Worded(e));
      status = 400;
    }
    if (!unit.empty()) b.SetValueAndShowSection("UNIT_NAME", UnitName(org, unit), "AT_UNIT");
    for (auto& p : found) {
      auto* row = b.AddSectionDictionary("PROCEDURE");
      row->SetIntValue("ID", p.id);
      row->SetValue("CODE", p.code);
      row->SetValue("NAME", p.name);
      row->SetValue("FIELD", p.field);
      row->SetValue("LIMIT", LimitText(p.limit, p.limit_amount));
      row->SetValue("ONLINE_LEVEL", Text("desk.online_level." + std::to_string(p.online_level)));
      if (!unit.empty() && std::count(p.same_day_units.begin(), p.same_day_units.end(), unit))
        row->ShowSection("SAME_DAY");
      row->ShowSection(p.active ? "ACTIVE" : "INACTIVE");
    }
    b.SetIntValue("COUNT", static_cast<long>(found.size()));
    b.ShowSection(found.empty() ? "NONE" : found.size() >= 200 ? "MANY" : "SOME");
    std::map<std::string, std::string> args;
    for (const char* k : {"created", "updated"}) {
      const std::string n = ctx.req.query_param(k);
      const bool number = !n.empty() && n.size() < 6 &&
                          std::all_of(n.begin(), n.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
      args[k] = number ? n : "0";
    }
    v.ShowDone("desk.procedures_done.", args);
    return v.render(status);
  });

  app.page("GET", "/desk/procedures.csv", http::Access::kUser, [&svc](Context& ctx) {
    ProcedureQuery q{ctx.req.query_param("q"), ctx.req.query_param("unit"), true, 0};
    return Response::Attachment(WriteProceduresCsv(svc.ExportProcedures(ctx.user, q)), "text/csv; charset=utf-8",
                                "thu-tuc-hanh-chinh.csv");
  });

  app.page("GET", "/desk/procedures/new", http::Access::kUser, [&org](Context& ctx) {
    RequireAdmin(ctx);
    FormState s;
    s.in.unit_code = HomeUnit(ctx);
    s.in.valid_from = TodayLocalIso();
    s.document_rows = s.step_rows = kBlankRows;
    return ProcedureForm(ctx, org, s, {});
  });

  app.page("POST", "/desk/procedures/new", http::Access::kUser, [&svc, &org](Context& ctx) {
    RequireAdmin(ctx);
    const auto& form = ctx.req.form_all();
    FormState s = FromForm(form);
    if (form.count("more")) return ProcedureForm(ctx, org, s, {});
    try {
      const Procedure p = svc.CreateProcedure(*ctx.user, s.in);
      return Response::Redirect(Url(p.id, "?done=created"));
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return ProcedureForm(ctx, org, s, {nullptr, &e, {}});
    }
  });

  app.page("GET", "/desk/procedures/import", http::Access::kUser, [](Context& ctx) {
    RequireAdmin(ctx);
    return ImportPage(ctx, "", nullptr, nullptr);
  });

  // Preview (a dry run) or confirm: the same content as the preview showed, written in one transaction.
  app.page("POST", "/desk/procedures/import", http::Access::kUser, [&svc](Context& ctx) {
    RequireAdmin(ctx);
    const auto form = ctx.req.form();
    const std::string file = http::FormValue(form, "file");
    const std::string csv = file.empty() ? http::FormValue(form, "csv") : file;
    const bool confirm = http::FormValue(form, "action") == "confirm";
    const bool same = confirm && http::FormValue(form, "digest") == Digest(csv);
    try {
      ImportReport report = svc.ImportProcedures(*ctx.user, csv, !same);
      if (report.written)
        return Response::Redirect("/desk/procedures?done=imported&created=" + std::to_string(report.created) +
                                  "&updated=" + std::to_string(report.updated));
      return ImportPage(ctx, csv, &report, nullptr, confirm && !same ? "desk.import_changed" : "");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e) && e.kind() != ErrorKind::kTooLarge) throw;
      return ImportPage(ctx, csv.size() > kMaxCsvBytes ? "" : csv, nullptr, &e);
    }
  });

  app.page("GET", "/desk/procedures/{id}", http::Access::kUser,
           [&svc, &org](Context& ctx) { return ProcedurePage(ctx, svc, org, IdParam(ctx)); });

  app.page("GET", "/desk/procedures/{id}/edit", http::Access::kUser, [&svc, &org](Context& ctx) {
    const Procedure p = svc.GetProcedure(ctx.user, IdParam(ctx));
    if (!auth::Covers(*ctx.user, p.unit_path, {Role::kAdmin})) throw Forbidden();
    return ProcedureForm(ctx, org, FromProcedure(p), {&p, nullptr, {}});
  });

  // A new version. The form carries the version it started from: when someone
  // saved another meanwhile, nothing is written and the form shows theirs.
  app.page("POST", "/desk/procedures/{id}/edit", http::Access::kUser, [&svc, &org](Context& ctx) {
    const int64_t id = IdParam(ctx);
    const Procedure before = svc.GetProcedure(ctx.user, id);
    if (!auth::Covers(*ctx.user, before.unit_path, {Role::kAdmin})) throw Forbidden();
    const auto& form = ctx.req.form_all();
    FormState s = FromForm(form);
    s.in.unit_code = before.unit_code;
    s.in.code = before.code;
    if (form.count("more")) return ProcedureForm(ctx, org, s, {&before, nullptr, {}});
    const auto expected = http::ParseInt64(s.version);
    try {
      svc.PatchProcedure(*ctx.user, id, [&](const Procedure& now) {
        if (!expected || *expected != now.version)
          throw AppError(ErrorKind::kConflict, "desk.procedure_stale", "", {{"version", std::to_string(now.version)}});
        ProcedureInput in = s.in;
        in.active = now.active;
        return in;
      });
      return Response::Redirect(Url(id, "?done=saved"));
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      if (e.key() != "desk.procedure_stale") return ProcedureForm(ctx, org, s, {&before, &e, {}});
      // Someone saved a version meanwhile: show theirs, and which fields this
      // person had changed from the version they started from.
      const Procedure now = svc.GetProcedure(ctx.user, id);
      std::vector<std::string> changed;
      try {
        changed = TypedChanges(InputOf(expected ? svc.GetProcedure(ctx.user, id, *expected) : before), s.in);
      } catch (const AppError&) {
        changed.clear();  // an unknown version: nothing to compare with
      }
      const auto versions = svc.ProcedureVersions(ctx.user, id);
      const std::string by = versions.empty() || versions.front().created_by.empty() ? Text("desk.by_system")
                                                                                     : versions.front().created_by;
      const AppError stale(ErrorKind::kConflict, "desk.procedure_stale", "",
                           {{"version", std::to_string(now.version)},
                            {"by", by},
                            {"at", versions.empty() ? "" : FormatLocal(versions.front().created_at)}});
      return ProcedureForm(ctx, org, FromProcedure(now), {&now, &stale, changed});
    }
  });

  // Activate / deactivate: a confirmation first (GET), then the change (POST ?set=on|off).
  app.page("GET", "/desk/procedures/{id}/active", http::Access::kUser, [&svc](Context& ctx) {
    const Procedure p = svc.GetProcedure(ctx.user, IdParam(ctx));
    if (!auth::Covers(*ctx.user, p.unit_path, {Role::kAdmin})) throw Forbidden();
    const bool on = ctx.req.has_query_param("set") ? ctx.req.query_param("set") == "on" : !p.active;
    const std::string key = on ? "desk.activate" : "desk.deactivate";
    return render::ConfirmPage(
        ctx, Text(key + "_title", {{"name", p.name}}), Text(key + "_question", {{"name", p.name}, {"code", p.code}}),
        Url(p.id, std::string("/active?set=") + (on ? "on" : "off")), Text(key + "_button"), Url(p.id));
  });

  app.page("POST", "/desk/procedures/{id}/active", http::Access::kUser, [&svc](Context& ctx) {
    const int64_t id = IdParam(ctx);
    bool on;
    if (ctx.req.has_query_param("set")) {
      on = ctx.req.query_param("set") == "on";
    } else {
      on = !svc.GetProcedure(ctx.user, id).active;
    }
    svc.SetProcedureActive(*ctx.user, id, on);
    return Response::Redirect(Url(id, on ? "?done=activated" : "?done=deactivated"));
  });

  // Same-day registration at a unit where the procedure applies (administrators and leaders of that unit).
  auto same_day_page = [&svc, &org](Context& ctx, const AppError* error, const std::string& selected) {
    const Procedure p = svc.GetProcedure(ctx.user, IdParam(ctx));
    auto units = UnitsCovered(ctx, org, {Role::kAdmin, Role::kLeader});
    std::erase_if(units, [&](const org::Unit& u) { return u.path.rfind(p.unit_path, 0) != 0; });
    if (units.empty()) throw Forbidden();
    PageView v(ctx, Text("desk.same_day_title", {{"name", p.name}}), Tpl("procedures_same_day.tpl"));
    auto& b = v.body();
    b.SetIntValue("ID", p.id);
    b.SetValue("NAME", p.name);
    b.SetValue("CODE", p.code);
    b.SetValue("LIMIT", LimitText(p.limit, p.limit_amount));
    UnitOptions(b, "UNIT", units, selected.empty() ? HomeUnit(ctx) : selected);
    for (auto& code : p.same_day_units) {
      auto* row = b.AddSectionDictionary("SAME_DAY_UNIT");
      row->SetValue("NAME", UnitName(org, code));
      row->SetValue("CODE", code);
    }
    b.ShowSection(p.same_day_units.empty() ? "NO_SAME_DAY" : "HAS_SAME_DAY");
    if (p.limit == Limit::kSameDay) b.ShowSection("ALWAYS_SAME_DAY");
    if (error) v.ShowErrors(Worded(*error));
    return v.render(error ? http::StatusOf(error->kind()) : 200);
  };
  app.page("GET", "/desk/procedures/{id}/same-day", http::Access::kUser,
           [same_day_page](Context& ctx) { return same_day_page(ctx, nullptr, ""); });
  app.page("POST", "/desk/procedures/{id}/same-day", http::Access::kUser, [&svc, same_day_page](Context& ctx) {
    const int64_t id = IdParam(ctx);
    const auto form = ctx.req.form();
    const std::string unit = http::FormValue(form, "unit_code");
    const bool on = http::FormValue(form, "on") != "0";
    try {
      svc.SetSameDay(*ctx.user, id, unit, on);
      return Response::Redirect(
          Url(id, std::string(on ? "?done=same_day_on" : "?done=same_day_off") + "&unit=" + http::UrlEncode(unit)));
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return same_day_page(ctx, &e, unit);
    }
  });

  // The prefix of the unit's dossier codes (its agency id).
  app.page("GET", "/desk/settings", http::Access::kUser, [&svc, &org](Context& ctx) {
    const std::string unit = ctx.req.has_query_param("unit") ? ctx.req.query_param("unit") : HomeUnit(ctx);
    return SettingsPage(ctx, svc, org, unit, "", nullptr);
  });

  app.page("POST", "/desk/settings", http::Access::kUser, [&svc, &org](Context& ctx) {
    const std::string unit = ctx.req.query_param("unit");
    const std::string typed = http::FormValue(ctx.req.form(), "agency_code");
    try {
      svc.SetAgencyCode(*ctx.user, unit, typed);
      return Response::Redirect("/desk/settings?unit=" + http::UrlEncode(unit) + "&done=saved");
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      const AppError shown = e.field() == "unit_code" ? WithField(e, "unit") : e;
      return SettingsPage(ctx, svc, org, unit, typed, &shown);
    }
  });
}

}  // namespace fg::desk
