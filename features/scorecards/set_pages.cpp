// Criteria set pages: /cham-diem/bo-tieu-chi/{id} (the tree, its downloads,
// and for the owner's administrators while no assessment uses it: the editor),
// /cham-diem/bo-tieu-chi/{id}/dong (a line edited or added, one at a time),
// /cham-diem/bo-tieu-chi/{id}/thong-tin (name, recognition rule),
// /cham-diem/bo-tieu-chi/{id}/bang-tinh (every line replaced from the
// spreadsheet the page downloads), /cham-diem/bo-tieu-chi/{id}/phien-ban-moi
// (a new version to edit) and /cham-diem/nhap-bo-tieu-chi (a new set from a
// JSON or XLSX file). The spreadsheet is the editor's rows (lines.h), its
// method, rule and evidence cells in words, so that it comes back as it went.
#include <utf8proc.h>
#include <boost/json.hpp>

#include <cstdlib>
#include <memory>
#include <set>
#include <sstream>

#include "features/desk/stats.h"
#include "features/scorecards/json.h"
#include "features/scorecards/lines.h"
#include "features/scorecards/page_parts.h"
#include "features/scorecards/routes.h"
#include "features/scorecards/rules.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/render/pdf.h"
#include "platform/render/xlsx.h"
#include "platform/render/xlsx_reader.h"
#include "platform/text/text.h"

namespace fg::scorecards {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

constexpr size_t kMaxSetFileBytes = 2 << 20;

int64_t SetIdOrThrow(const Context& ctx) {
  auto id = ctx.req.id_param("id");
  if (!id) throw NotFound("scorecards.set_not_found");
  return *id;
}

// A form's value as typed, trimmed ("" when absent).
std::string FormValue(const std::map<std::string, std::string>& form, const std::string& k) {
  return text::Trim(http::FormValue(form, k));
}

std::string SetUrl(int64_t id) { return "/cham-diem/bo-tieu-chi/" + std::to_string(id); }

// ---- the spreadsheet ----
// Case-folded NFC, for matching words typed in a cell.
std::string Fold(const std::string& s) {
  utf8proc_uint8_t* out = nullptr;
  const auto n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  if (n < 0) return s;
  std::string r(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return text::Trim(r);
}

// The cells written in words: method, rule, evidence.
const std::map<std::string, std::vector<std::string>>& Words() {
  static const std::map<std::string, std::vector<std::string>> w{
      {"method", {"manual", "indicator", "survey"}}, {"rule", {"target", "bands", "penalty"}}, {"evidence", {"yes"}}};
  return w;
}

std::string WordOf(const std::string& code) { return Text("scorecards.word." + code); }

// A cell typed as a word ("Chấm tay") or a code ("manual") -> the code; anything else as typed.
std::string CodeOf(const std::string& field, const std::string& cell) {
  auto it = Words().find(field);
  if (it == Words().end() || cell.empty()) return cell;
  const std::string folded = Fold(cell);
  for (const auto& code : it->second)
    if (folded == Fold(WordOf(code)) || folded == code) return code;
  return cell;
}

bool NumericField(const std::string& f) {
  return f == "max" || f == "step" || f == "target" || f == "per" || f == "floor" || f == "min_volume";
}

render::xlsx::Sheet LinesSheet(const CriteriaSet& s) {
  namespace xlsx = render::xlsx;
  xlsx::Sheet sheet;
  sheet.name = Text("scorecards.sheet.name");
  sheet.title = s.name + " (" + Text("scorecards.sheet.version", {{"n", std::to_string(s.version)}}) + ")";
  sheet.subtitles = {Text("scorecards.sheet.how")};
  for (const auto& f : LineFields())
    sheet.columns.push_back({Text("scorecards.form." + f), f == "title" || f == "guidance" ? 50.0
                                                           : f == "evidence_what"          ? 30.0
                                                                                           : 12.0});
  for (auto r : RowsOf(s.criteria)) {
    std::vector<xlsx::Cell> cells;
    const bool top = r.parent.empty();
    for (const auto& f : LineFields()) {
      const std::string& v = FieldOf(r, f);
      if (v.empty())
        cells.push_back(xlsx::Cell::Empty());
      else if (NumericField(f)) {
        std::string dot = v;
        std::replace(dot.begin(), dot.end(), ',', '.');
        cells.push_back(xlsx::Cell::Number(std::strtod(dot.c_str(), nullptr), f == "min_volume" ? "0" : "0.00"));
      } else if (Words().count(f)) {
        cells.push_back(xlsx::Cell::Text(WordOf(v)));
      } else {
        cells.push_back(xlsx::Cell::Text(v, top && (f == "key" || f == "title")));
      }
    }
    sheet.rows.push_back(std::move(cells));
  }
  return sheet;
}

std::string SetFileName(const CriteriaSet& s, const std::string& ext) {
  return text::FileName("bo-tieu-chi-" + s.code + "-v" + std::to_string(s.version) + ext);
}

// Rows read from a spreadsheet, with the sheet's row number of each.
struct SheetRows {
  std::vector<LineRow> rows;
  std::vector<size_t> numbers;
};

// The rows under the header row (the first with the key and title columns'
// names); columns found by their names, in any order. 400 on "file".
SheetRows RowsFromSheet(std::string_view bytes) {
  std::vector<std::vector<std::string>> cells;
  try {
    cells = render::xlsx::ReadFirstSheet(bytes);
  } catch (const render::xlsx::TooManyRows&) {
    throw BadInput("scorecards.sheet_too_many_rows", "file",
                   {{"max", desk::FormatCount(static_cast<int64_t>(render::xlsx::kMaxRows))}});
  } catch (const render::xlsx::ReadError&) {
    throw BadInput("scorecards.sheet_unreadable", "file");
  }
  std::map<std::string, std::string> field_of_header;
  for (const auto& f : LineFields()) field_of_header[Fold(Text("scorecards.form." + f))] = f;
  for (size_t h = 0; h < cells.size(); ++h) {
    std::map<size_t, std::string> columns;
    for (size_t c = 0; c < cells[h].size(); ++c)
      if (auto it = field_of_header.find(Fold(cells[h][c])); it != field_of_header.end()) columns[c] = it->second;
    bool key = false, title = false;
    for (const auto& [c, f] : columns) key = key || f == "key", title = title || f == "title";
    if (!key || !title) continue;
    SheetRows out;
    for (size_t r = h + 1; r < cells.size(); ++r) {
      LineRow row;
      for (const auto& [c, f] : columns)
        if (c < cells[r].size()) FieldOf(row, f) = CodeOf(f, cells[r][c]);
      out.rows.push_back(std::move(row));
      out.numbers.push_back(r + 1);
    }
    return out;
  }
  throw BadInput("scorecards.sheet_no_header", "file",
                 {{"key", Text("scorecards.form.key")}, {"title", Text("scorecards.form.title")}});
}

// The problems of rows[i].<field> as sentences naming the sheet's row and
// column; any other problem as its message.
std::vector<std::string> SheetProblems(const AppError& e, const SheetRows& sheet) {
  std::vector<std::string> out;
  for (const auto& p : e.problems()) {
    const std::string message = Text(p.key, p.args);
    size_t i = 0;
    const auto close = p.field.find("].");
    if (p.field.starts_with("rows[") && close != std::string::npos &&
        std::sscanf(p.field.c_str(), "rows[%zu]", &i) == 1 && i < sheet.rows.size()) {
      const std::string field = p.field.substr(close + 2);
      out.push_back(Text("scorecards.sheet.problem", {{"row", std::to_string(sheet.numbers[i])},
                                                      {"key", sheet.rows[i].key},
                                                      {"column", Text("scorecards.form." + field)},
                                                      {"message", message}}));
    } else {
      out.push_back(message);
    }
  }
  if (out.empty()) out.push_back(Text(e.key(), e.args()));
  return out;
}

// ---- a generic form: fields in a loop (set_form.tpl) ----
struct Field {
  enum Kind { kInput, kTextarea, kSelect, kCheckbox, kFile };
  std::string name{};
  Kind kind = kInput;
  std::string value{};
  std::vector<std::pair<std::string, std::string>> options{};  // value, text
  std::string inputmode{};
};

struct Form {
  std::string title, lead, action, submit;
  bool multipart = false;
  std::vector<Field> fields;
};

// Renders `form`; the problems of `err` beside their fields, any other (a
// problem of another line) in the summary as a sentence.
// `messages`: problems worded already (a sheet's cells), in the summary too (400).
Response RenderForm(Context& ctx, const Form& form, const std::string& back, const AppError* err,
                    const std::function<void(ctemplate::TemplateDictionary&)>& extra = {},
                    const std::vector<std::string>& messages = {}) {
  PageView v(ctx, form.title, "features/scorecards/templates/set_form.tpl");
  for (const auto& m : messages) v.ShowError(m);
  std::map<std::string, std::string> errors;
  if (err) {
    Problems own;
    for (const auto& p : err->problems()) {
      const bool here =
          std::any_of(form.fields.begin(), form.fields.end(), [&](const Field& f) { return f.name == p.field; });
      if (here) {
        own.add(p);
        errors.emplace(p.field, Text(p.key, p.args));
      } else {
        const std::string message = Text(p.key, p.args);
        size_t i = 0;
        if (std::sscanf(p.field.c_str(), "rows[%zu]", &i) == 1)
          v.ShowError(Text("scorecards.other_line_problem", {{"message", message}}));
        else
          v.ShowError(message);
      }
    }
    if (err->problems().empty()) v.ShowError(Text(err->key(), err->args()));
    try {
      own.raise_if_any();
    } catch (const AppError& mine) {
      v.ShowErrors(mine);
    }
  }
  auto& b = v.body();
  b.SetValue("TITLE", form.title);
  b.SetValue("LEAD", form.lead);
  b.SetValue("BACK", back);
  b.SetValue("ACTION", form.action);
  b.SetValue("SUBMIT", form.submit);
  if (form.multipart) b.ShowSection("MULTIPART");
  for (const auto& f : form.fields) {
    auto* d = b.AddSectionDictionary("FIELD");
    d->SetValue("ID", render::FieldId(f.name));
    d->SetValue("NAME", f.name);
    d->SetValue("LABEL", Text("scorecards.form." + f.name));
    const std::string hint_key = "scorecards.form_hint." + f.name;
    std::string described;
    if (render::HasText(hint_key)) {
      d->SetValueAndShowSection("HINT", Text(hint_key), "HAS_HINT");
      described = render::FieldId(f.name) + "-hint";
    }
    if (auto it = errors.find(f.name); it != errors.end()) {
      d->SetValueAndShowSection("ERROR", it->second, "INVALID");
      described += (described.empty() ? "" : " ") + render::FieldId(f.name) + "-error";
    }
    if (!described.empty()) d->SetValueAndShowSection("DESCRIBEDBY", described, "DESCRIBED");
    d->SetValue("VALUE", f.value);
    switch (f.kind) {
      case Field::kInput:
        d->ShowSection("INPUT");
        if (!f.inputmode.empty()) d->SetValueAndShowSection("INPUTMODE", f.inputmode, "HAS_INPUTMODE");
        break;
      case Field::kTextarea: d->ShowSection("TEXTAREA"); break;
      case Field::kFile: d->ShowSection("FILE"); break;
      case Field::kCheckbox:
        d->ShowSection("CHECKBOX");
        if (!f.value.empty()) d->ShowSection("CHECKED");
        break;
      case Field::kSelect:
        d->ShowSection("SELECT");
        for (const auto& [value, label] : f.options) {
          auto* o = d->AddSectionDictionary("OPTION");
          o->SetValue("VALUE", value);
          o->SetValue("TEXT", label);
          if (value == f.value) o->ShowSection("SELECTED");
        }
        break;
    }
  }
  if (extra) extra(b);
  return v.render(err ? http::StatusOf(err->kind()) : messages.empty() ? 200 : 400);
}

// The code offered for a copy: the set's own when the caller administers its
// owner; a template's code, or another unit's, cannot be versioned by the
// caller's unit, so its copy is offered "<code>-<unit>" in the
// code's alphabet ([a-z0-9_-], 30 characters at most).
std::string CopyCode(const CriteriaSet& s, const std::vector<const auth::Grant*>& admin) {
  for (const auto* g : admin)
    if (g->unit_id == s.unit_id) return s.code;  // the unit's own: its next version
  const std::string& unit_code = admin.front()->unit_code;
  std::string suffix;
  for (char ch : Fold(unit_code)) suffix += (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ? ch : '-';
  std::string code = s.code + "-" + suffix;
  return code.substr(0, 30);
}

// ---- /cham-diem/bo-tieu-chi/{id} ----
void AddRows(ctemplate::TemplateDictionary& b, const Criterion& c, int depth, bool may_edit) {
  auto* row = b.AddSectionDictionary("ROW");
  row->SetValue("KEY", c.key);
  row->SetValue("TITLE", c.title);
  row->SetIntValue("DEPTH", depth);
  row->SetValue("MAX", FormatPoints(c.max));
  if (c.leaf()) {
    row->ShowSection("LEAF");
    row->SetValue("METHOD", MethodText(c));
    if (c.evidence_required) row->SetValueAndShowSection("EVIDENCE", c.evidence_what, "HAS_EVIDENCE");
    if (!c.guidance.empty()) row->SetValueAndShowSection("GUIDANCE", c.guidance, "HAS_GUIDANCE");
  } else {
    row->ShowSection("GROUP");
  }
  if (may_edit) {
    row->ShowSection("EDIT");
    if (depth < static_cast<int>(kMaxDepth)) row->ShowSection("MAY_ADD_CHILD");
  }
  for (const auto& ch : c.children) AddRows(b, ch, depth + 1, may_edit);
}

// `messages`: problems worded already (a sheet's cells, another line's), shown instead of err's.
Response SetPage(Context& ctx, Service& svc, const std::map<std::string, std::string>& typed = {},
                 const AppError* err = nullptr, const std::vector<std::string>& messages = {}) {
  auto s = svc.GetSet(*ctx.user, SetIdOrThrow(ctx));
  PageView v(ctx, s.name, "features/scorecards/templates/set.tpl");
  v.ShowDone("scorecards.done.");
  for (const auto& m : messages) v.ShowError(m);
  if (err && messages.empty()) v.ShowErrors(*err);
  auto& b = v.body();
  b.SetIntValue("ID", s.id);
  b.SetValue("NAME", s.name);
  b.SetIntValue("VERSION", s.version);
  b.SetValue("DESCRIPTION", s.description);
  if (s.sample) b.ShowSection("SAMPLE");
  if (s.frozen) b.ShowSection("FROZEN");
  Points max = 0;
  for (const auto& c : s.criteria) max += c.max;
  b.SetValue("MAX", FormatPoints(max));
  b.SetValue("RULE", Text("scorecards.recognition_rule", {{"min", FormatPoints(s.recognition.min_total)},
                                                          {"share", FormatPoints(s.recognition.min_share_bp)}}));
  if (!s.recognition.disqualifiers.empty()) b.ShowSection("HAS_DQ");
  for (const auto& d : s.recognition.disqualifiers) b.AddSectionDictionary("DISQUALIFIER")->SetValue("TITLE", d.title);
  b.SetIntValue("MIN_VOLUME", s.min_volume);
  const bool may_edit = svc.MayEditSet(*ctx.user, s);
  for (const auto& c : s.criteria) AddRows(b, c, 1, may_edit);
  if (may_edit) {
    b.ShowSection("MAY_EDIT");
    if (s.criteria.size() < kMaxTop) b.ShowSection("MAY_ADD_TOP");
  }
  const auto admin = AdminGrants(*ctx.user);
  if (!may_edit && !admin.empty()) {
    auto* f = b.AddSectionDictionary("VERSION_FORM");
    const std::string unit = typed.count("unit") ? typed.at("unit") : admin.front()->unit_code;
    for (const auto* g : admin) {
      auto* o = f->AddSectionDictionary("UNIT_OPTION");
      o->SetValue("CODE", g->unit_code);
      o->SetValue("NAME", g->unit_name);
      if (g->unit_code == unit) o->ShowSection("SELECTED");
    }
    // A template's code stays the template's: its copy is offered a code of the unit's own.
    const std::string code = CopyCode(s, admin);
    f->SetValue("CODE_VALUE", typed.count("code") ? typed.at("code") : code);
    if (err)
      for (const auto& p : err->problems())
        if (p.field == "code" || p.field == "unit")
          f->SetValueAndShowSection(p.field == "code" ? "CODE_ERROR" : "UNIT_ERROR", Text(p.key, p.args),
                                    p.field == "code" ? "CODE_INVALID" : "UNIT_INVALID");
  }
  return v.render(err ? http::StatusOf(err->kind()) : 200);
}

// ---- /cham-diem/bo-tieu-chi/{id}/dong ----
std::vector<std::pair<std::string, std::string>> Choices(const std::string& field) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& code : Words().at(field)) out.emplace_back(code, Text("scorecards.choice." + code));
  return out;
}

// The form of a line: its row's fields; a criterion with children only names itself.
Form LineForm(const CriteriaSet& s, const LineRow& row, bool group, const std::string& action, bool adding) {
  Form f;
  f.title = adding ? Text("scorecards.line_add_title") : Text("scorecards.line_edit_title", {{"key", row.key}});
  f.lead = adding ? (row.parent.empty() ? Text("scorecards.line_add_top", {{"set", s.name}})
                                        : Text("scorecards.line_add_under", {{"parent", row.parent}}))
                  : (group ? Text("scorecards.line_group_lead", {{"max", row.max}}) : "");
  f.action = action;
  f.submit = Text(adding ? "scorecards.line_add_submit" : "scorecards.line_save_submit");
  auto add = [&](const std::string& name, Field::Kind kind, std::string inputmode = "") {
    LineRow copy = row;
    Field fd{name, kind, FieldOf(copy, name), {}, std::move(inputmode)};
    if (kind == Field::kSelect) fd.options = Choices(name);
    f.fields.push_back(std::move(fd));
  };
  add("key", Field::kInput);
  add("title", Field::kTextarea);
  if (!group) {
    add("max", Field::kInput, "decimal");
    add("method", Field::kSelect);
    add("step", Field::kInput, "decimal");
    add("indicator", Field::kInput);
    add("rule", Field::kSelect);
    add("target", Field::kInput, "decimal");
    add("bands", Field::kInput);
    add("per", Field::kInput, "decimal");
    add("floor", Field::kInput, "decimal");
    add("min_volume", Field::kInput, "numeric");
    add("evidence", Field::kCheckbox);
    add("evidence_what", Field::kInput);
  }
  add("guidance", Field::kTextarea);
  return f;
}

// The line asked for (?key=, editing) or a new one (?parent=, adding).
struct LineTarget {
  CriteriaSet set;
  std::string key;  // "" = adding
  LineRow row;
  bool group = false;
};

LineTarget TargetOf(Context& ctx, Service& svc) {
  LineTarget t;
  t.set = svc.EditableSet(*ctx.user, SetIdOrThrow(ctx));
  t.key = ctx.req.query_param("key");
  if (t.key.empty()) {
    t.row.parent = ctx.req.query_param("parent");
    if (!t.row.parent.empty() && !Find(t.set, t.row.parent)) throw NotFound("scorecards.line_not_found");
    t.row.method = "manual";
    t.row.step = "0,25";
    return t;
  }
  const Criterion* c = Find(t.set, t.key);
  if (!c) throw NotFound("scorecards.line_not_found");
  t.group = !c->leaf();
  for (const auto& r : RowsOf(t.set.criteria))
    if (r.key == t.key) t.row = r;
  return t;
}

std::string DeleteUrl(int64_t set_id, const std::string& key) {
  return SetUrl(set_id) + "/dong/xoa?key=" + http::UrlEncode(key);
}

std::string LineAction(const LineTarget& t) {
  return SetUrl(t.set.id) + "/dong?" +
         (t.key.empty() ? "parent=" + http::UrlEncode(t.row.parent) : "key=" + http::UrlEncode(t.key));
}

Response LinePage(Context& ctx, LineTarget& t, const AppError* err = nullptr) {
  const bool adding = t.key.empty();
  Form f = LineForm(t.set, t.row, t.group, LineAction(t), adding);
  return RenderForm(ctx, f, SetUrl(t.set.id), err, [&](ctemplate::TemplateDictionary& b) {
    if (adding) return;
    auto* d = b.AddSectionDictionary("DELETE");
    d->SetValue("HREF", DeleteUrl(t.set.id, t.key));
    d->SetValue("KEY", t.key);
  });
}

Response PostLine(Context& ctx, Service& svc) {
  LineTarget t = TargetOf(ctx, svc);
  const auto form = ctx.req.form();
  LineRow typed = t.row;
  for (const auto& f : LineFields()) {
    if (f == "parent") continue;
    if (t.group && f != "key" && f != "title" && f != "guidance") continue;
    FieldOf(typed, f) = FormValue(form, f);
  }
  if (!t.group && !typed.evidence.empty()) typed.evidence = "yes";  // a ticked box
  try {
    svc.SaveLine(*ctx.user, t.set.id, t.key, typed);
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    t.row = typed;
    return LinePage(ctx, t, &e);
  }
  return Response::Redirect(SetUrl(t.set.id) + "?done=" + (t.key.empty() ? "line_added" : "line_saved"));
}

// A line's removal: asked first (GET), done on the same address (POST).
Response ConfirmDeleteLine(Context& ctx, Service& svc) {
  const auto s = svc.EditableSet(*ctx.user, SetIdOrThrow(ctx));
  const std::string key = ctx.req.query_param("key");
  const Criterion* c = Find(s, key);
  if (!c) throw NotFound("scorecards.line_not_found");
  return render::ConfirmPage(
      ctx, Text("scorecards.line_delete_title", {{"key", key}}),
      Text(c->leaf() ? "scorecards.line_delete" : "scorecards.line_delete_group", {{"key", key}, {"title", c->title}}),
      DeleteUrl(s.id, key), Text("scorecards.line_delete_button"), SetUrl(s.id) + "/dong?key=" + http::UrlEncode(key));
}

Response PostDeleteLine(Context& ctx, Service& svc) {
  const int64_t id = SetIdOrThrow(ctx);
  const std::string key = ctx.req.query_param("key");
  try {
    svc.RemoveLine(*ctx.user, id, key);
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    std::vector<std::string> messages;  // the set's problems after the removal: no field of this page
    for (const auto& p : e.problems()) messages.push_back(Text(p.key, p.args));
    if (messages.empty()) messages.push_back(Text(e.key(), e.args()));
    return SetPage(ctx, svc, {}, &e, messages);
  }
  return Response::Redirect(SetUrl(id) + "?done=line_removed");
}

// ---- /cham-diem/bo-tieu-chi/{id}/thong-tin ----
std::string DisqualifierLines(const CriteriaSet& s) {
  std::string out;
  for (const auto& d : s.recognition.disqualifiers) out += (out.empty() ? "" : "\n") + d.title;
  return out;
}

Form InfoForm(const CriteriaSet& s, const std::map<std::string, std::string>& typed) {
  auto value = [&](const std::string& k, const std::string& def) { return typed.count(k) ? typed.at(k) : def; };
  Form f;
  f.title = Text("scorecards.info_title");
  f.lead = Text("scorecards.info_lead", {{"set", s.name}, {"version", std::to_string(s.version)}});
  f.action = SetUrl(s.id) + "/thong-tin";
  f.submit = Text("scorecards.line_save_submit");
  f.fields = {{"name", Field::kInput, value("name", s.name)},
              {"description", Field::kTextarea, value("description", s.description)},
              {"min_total", Field::kInput, value("min_total", FormatPoints(s.recognition.min_total)), {}, "decimal"},
              {"min_share", Field::kInput, value("min_share", FormatPoints(s.recognition.min_share_bp)), {}, "decimal"},
              {"disqualifiers", Field::kTextarea, value("disqualifiers", DisqualifierLines(s))},
              {"set_min_volume", Field::kInput, value("set_min_volume", std::to_string(s.min_volume)), {}, "numeric"}};
  return f;
}

Response PostInfo(Context& ctx, Service& svc) {
  const CriteriaSet old = svc.EditableSet(*ctx.user, SetIdOrThrow(ctx));
  const auto form = ctx.req.form();
  std::map<std::string, std::string> typed;
  for (const auto& k : {"name", "description", "min_total", "min_share", "disqualifiers", "set_min_volume"})
    typed[k] = FormValue(form, k);
  CriteriaSet s = old;
  try {
    Problems p;
    s.name = typed["name"];
    s.description = typed["description"];
    s.recognition.min_total = p.check([&] { return ParsePoints("min_total", typed["min_total"]); });
    std::string share = typed["min_share"];
    if (!share.empty() && share.back() == '%') share = text::Trim(share.substr(0, share.size() - 1));
    s.recognition.min_share_bp = p.check([&] { return ParsePoints("min_share", share); });
    auto volume = text::ParseInt64(typed["set_min_volume"]);
    if (!volume) p.add(BadInput("scorecards.number_format", "set_min_volume"));
    s.min_volume = volume.value_or(0);
    // One condition a line; a title kept keeps its key (flags refer to keys).
    s.recognition.disqualifiers.clear();
    std::set<std::string> used;
    size_t n = 0;
    std::istringstream lines(typed["disqualifiers"]);
    for (std::string line; std::getline(lines, line);) {
      const std::string title = text::Trim(line);
      if (title.empty()) continue;
      std::string key;
      for (const auto& d : old.recognition.disqualifiers)
        if (d.title == title && !used.count(d.key)) key = d.key;
      while (key.empty() || used.count(key)) key = "dk" + std::to_string(++n);
      used.insert(key);
      s.recognition.disqualifiers.push_back({key, title});
    }
    if (!p.empty()) {  // the set's own checks too, so that every error shows at once
      p.check([&] { ValidateSet(s); });
      p.raise_if_any();
    }
    svc.UpdateSet(*ctx.user, old.id, s, &old);
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    const AppError named = WithFieldsRenamed(e, [](const std::string& f) -> std::string {
      if (f == "recognition.min_total") return "min_total";
      if (f == "recognition.min_share") return "min_share";
      if (f.starts_with("recognition.disqualifiers")) return "disqualifiers";
      if (f == "min_volume") return "set_min_volume";
      return f;
    });
    return RenderForm(ctx, InfoForm(old, typed), SetUrl(old.id), &named);
  }
  return Response::Redirect(SetUrl(old.id) + "?done=info_saved");
}

// ---- /cham-diem/bo-tieu-chi/{id}/bang-tinh and /phien-ban-moi ----
Response PostSheet(Context& ctx, Service& svc) {
  const int64_t id = SetIdOrThrow(ctx);
  svc.EditableSet(*ctx.user, id);  // who first, before reading the file
  const auto form = ctx.req.form();
  const std::string bytes = http::FormValue(form, "file");
  SheetRows sheet;
  try {
    if (bytes.empty()) throw BadInput("scorecards.file_required", "file");
    sheet = RowsFromSheet(bytes);
    svc.ReplaceLines(*ctx.user, id, sheet.rows);
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    const auto problems = e.problems();
    const bool rows =
        std::any_of(problems.begin(), problems.end(), [](const FieldProblem& p) { return p.field != "file"; });
    return SetPage(ctx, svc, {}, &e, rows ? SheetProblems(e, sheet) : std::vector<std::string>{});
  }
  return Response::Redirect(SetUrl(id) + "?done=sheet_imported");
}

Response PostNewVersion(Context& ctx, Service& svc) {
  const int64_t id = SetIdOrThrow(ctx);
  const auto form = ctx.req.form();
  std::map<std::string, std::string> typed{{"unit", FormValue(form, "unit")}, {"code", FormValue(form, "code")}};
  try {
    if (typed["unit"].empty()) throw BadInput("scorecards.owner_required", "unit");
    const auto s = svc.NewVersion(*ctx.user, id, typed["unit"], typed["code"]);
    return Response::Redirect(SetUrl(s.id) + "?done=versioned");
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    return SetPage(ctx, svc, typed, &e);
  }
}

// ---- /cham-diem/nhap-bo-tieu-chi ----
Form ImportForm(const auth::Principal& p, const std::map<std::string, std::string>& typed) {
  auto value = [&](const std::string& k) { return http::FormValue(typed, k); };
  Form f;
  f.title = Text("scorecards.import_title");
  f.lead = Text("scorecards.import_lead");
  f.action = "/cham-diem/nhap-bo-tieu-chi";
  f.submit = Text("scorecards.import_submit");
  f.multipart = true;
  Field unit{"unit", Field::kSelect, value("unit")};
  for (const auto* g : AdminGrants(p)) unit.options.emplace_back(g->unit_code, g->unit_name);
  f.fields = {unit,
              {"file", Field::kFile},
              {"set_code", Field::kInput, value("set_code")},
              {"set_name", Field::kInput, value("set_name")}};
  return f;
}

Response ImportPage(Context& ctx) {
  if (AdminGrants(*ctx.user).empty()) throw Forbidden();
  return RenderForm(ctx, ImportForm(*ctx.user, {}), "/cham-diem", nullptr);
}

Response PostImport(Context& ctx, Service& svc) {
  const auto admin = AdminGrants(*ctx.user);
  if (admin.empty()) throw Forbidden();
  const auto form = ctx.req.form();
  std::map<std::string, std::string> typed{{"unit", FormValue(form, "unit")},
                                           {"set_code", FormValue(form, "set_code")},
                                           {"set_name", FormValue(form, "set_name")}};
  // Who first, before the file is read: an administrator covering the unit.
  if (!typed["unit"].empty()) {
    try {
      svc.AuthoriseImport(*ctx.user, typed["unit"]);
    } catch (const AppError& e) {
      if (e.kind() != ErrorKind::kBadRequest) throw;
      return RenderForm(ctx, ImportForm(*ctx.user, typed), "/cham-diem", &e);
    }
  }
  const std::string bytes = http::FormValue(form, "file");
  SheetRows sheet;
  try {
    Problems p;
    if (typed["unit"].empty()) p.add(BadInput("scorecards.owner_required", "unit"));
    if (bytes.empty()) p.add(BadInput("scorecards.file_required", "file"));
    const bool xlsx = bytes.starts_with("PK\x03\x04");
    if (xlsx && typed["set_code"].empty()) p.add(BadInput("scorecards.code_required", "set_code"));
    if (xlsx && typed["set_name"].empty()) p.add(BadInput("error.required", "set_name"));
    p.raise_if_any();
    CriteriaSet in;
    if (xlsx) {
      sheet = RowsFromSheet(bytes);
      in.code = typed["set_code"];
      in.name = typed["set_name"];
      in.recognition.min_total = 0;  // set on the set's page once the lines are in
      in = WithRows(in, sheet.rows);
    } else {
      try {
        in = SetFromJsonText(bytes);
      } catch (const AppError& e) {
        if (e.key() == "error.bad_json") throw BadInput("scorecards.file_type", "file");
        throw;  // a value of the file at fault: named by its path in the summary
      }
      if (!typed["set_code"].empty()) in.code = typed["set_code"];
      if (!typed["set_name"].empty()) in.name = typed["set_name"];
    }
    const auto s = svc.ImportSet(*ctx.user, typed["unit"], in);
    return Response::Redirect(SetUrl(s.id) + "?done=imported");
  } catch (const AppError& e) {
    if (!render::ShownInForm(e)) throw;
    const AppError named = WithFieldsRenamed(e, [](const std::string& f) -> std::string {
      return f == "code" ? "set_code" : f == "name" ? "set_name" : f;
    });
    const auto problems = e.problems();
    const bool rows = std::any_of(problems.begin(), problems.end(),
                                  [](const FieldProblem& p) { return p.field.starts_with("rows"); });
    if (!rows) return RenderForm(ctx, ImportForm(*ctx.user, typed), "/cham-diem", &named);
    // The sheet's problems, each a sentence naming its row and column (WithRows raises them alone).
    return RenderForm(ctx, ImportForm(*ctx.user, typed), "/cham-diem", nullptr, {}, SheetProblems(e, sheet));
  }
}

}  // namespace

void RegisterSetPages(http::App& app, const std::shared_ptr<Service>& svc) {
  app.page("GET", "/cham-diem/nhap-bo-tieu-chi", http::Access::kUser, [](Context& ctx) { return ImportPage(ctx); });
  app.page("POST", "/cham-diem/nhap-bo-tieu-chi", http::Access::kUser,
           [svc](Context& ctx) { return PostImport(ctx, *svc); });
  app.allow_body("POST", "/cham-diem/nhap-bo-tieu-chi", kMaxSetFileBytes + 64 * 1024);
  app.page("GET", "/cham-diem/bo-tieu-chi/{id}", http::Access::kUser,
           [svc](Context& ctx) { return SetPage(ctx, *svc); });
  // The set to download: JSON (the import format, GET /api/v1/scorecards/sets/{id}) and the spreadsheet.
  app.page("GET", "/cham-diem/bo-tieu-chi/{id}/bo-tieu-chi.json", http::Access::kUser, [svc](Context& ctx) {
    const auto s = svc->GetSet(*ctx.user, SetIdOrThrow(ctx));
    return Response::Attachment(boost::json::serialize(ToJson(s)), "application/json", SetFileName(s, ".json"));
  });
  app.page("GET", "/cham-diem/bo-tieu-chi/{id}/bo-tieu-chi.xlsx", http::Access::kUser, [svc](Context& ctx) {
    const auto s = svc->GetSet(*ctx.user, SetIdOrThrow(ctx));
    const auto sheet = LinesSheet(s);
    return Response::Attachment(
        render::pdf::Pool(render::pdf::Lane::kExport).run([&] { return render::xlsx::Write(sheet); }),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SetFileName(s, ".xlsx"));
  });
  app.page("GET", "/cham-diem/bo-tieu-chi/{id}/dong", http::Access::kUser, [svc](Context& ctx) {
    auto t = TargetOf(ctx, *svc);
    return LinePage(ctx, t);
  });
  app.page("POST", "/cham-diem/bo-tieu-chi/{id}/dong", http::Access::kUser,
           [svc](Context& ctx) { return PostLine(ctx, *svc); });
  app.page("GET", "/cham-diem/bo-tieu-chi/{id}/dong/xoa", http::Access::kUser,
           [svc](Context& ctx) { return ConfirmDeleteLine(ctx, *svc); });
  app.page("POST", "/cham-diem/bo-tieu-chi/{id}/dong/xoa", http::Access::kUser,
           [svc](Context& ctx) { return PostDeleteLine(ctx, *svc); });
  app.page("GET", "/cham-diem/bo-tieu-chi/{id}/thong-tin", http::Access::kUser, [svc](Context& ctx) {
    const auto s = svc->EditableSet(*ctx.user, SetIdOrThrow(ctx));
    return RenderForm(ctx, InfoForm(s, {}), SetUrl(s.id), nullptr);
  });
  app.page("POST", "/cham-diem/bo-tieu-chi/{id}/thong-tin", http::Access::kUser,
           [svc](Context& ctx) { return PostInfo(ctx, *svc); });
  app.page("POST", "/cham-diem/bo-tieu-chi/{id}/bang-tinh", http::Access::kUser,
           [svc](Context& ctx) { return PostSheet(ctx, *svc); });
  app.allow_body("POST", "/cham-diem/bo-tieu-chi/{id}/bang-tinh", kMaxSetFileBytes + 64 * 1024);
  app.page("POST", "/cham-diem/bo-tieu-chi/{id}/phien-ban-moi", http::Access::kUser,
           [svc](Context& ctx) { return PostNewVersion(ctx, *svc); });
}

}  // namespace fg::scorecards
