#include "features/desk/procedures_csv.h"

#include <algorithm>
#include <map>
#include <set>

#include "features/org/csv.h"
#include "platform/http/message.h"
#include "platform/render/messages.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

// `s` split at each `sep` not escaped by a backslash; escapes are kept.
std::vector<std::string> SplitEscaped(std::string_view s, char sep) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      out.back() += s.substr(i, 2);
      ++i;
    } else if (s[i] == sep) {
      out.emplace_back();
    } else {
      out.back() += s[i];
    }
  }
  return out;
}

// "\x" -> "x", then trimmed.
std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) ++i;
    out += s[i];
  }
  return text::Trim(out);
}

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == '|') out += '\\';
    out += c;
  }
  return out;
}

// The items of a cell, each as its parts (blank items, as after a last ";", skipped).
std::vector<std::vector<std::string>> Items(std::string_view cell) {
  std::vector<std::vector<std::string>> out;
  for (auto& item : SplitEscaped(cell, ';')) {
    if (text::Trim(item).empty()) continue;
    std::vector<std::string> parts;
    for (auto& part : SplitEscaped(item, '|')) parts.push_back(Unescape(part));
    out.push_back(std::move(parts));
  }
  return out;
}

// A whole number cell ("" -> nullopt); otherwise a problem.
std::optional<int64_t> Number(std::string_view cell, const std::string& field, Problems& problems) {
  const std::string t = text::Trim(cell);
  if (t.empty()) return std::nullopt;
  auto v = http::ParseInt64(t);
  if (!v) problems.add(BadInput("error.bad_number", field));
  return v;
}

std::string DocumentKind(const std::string& written) {
  const std::string folded = text::Fold(written);
  if (folded == "original" || folded == "ban chinh") return "original";
  if (folded == "copy" || folded == "ban sao") return "copy";
  if (folded == "certified copy" || folded == "ban sao chung thuc" || folded == "ban sao co chung thuc")
    return "certified_copy";
  return written;  // ValidateProcedure refuses it, naming the item
}

// A cell as written to the file (see WriteProceduresCsv).
void Cell(std::string& out, std::string_view s) {
  if (!s.empty() && (s.front() == '=' || s.front() == '+' || s.front() == '-' || s.front() == '@')) {
    org::AppendCsvField(out, "\t" + std::string(s));
    return;
  }
  org::AppendCsvField(out, s);
}

// The line (1-based, as a spreadsheet numbers rows) of each record that is not
// empty, in order: the records the CSV reader reports (it skips empty lines).
// A line break inside quotes belongs to its cell.
std::vector<int64_t> RecordLines(std::string_view text) {
  std::vector<int64_t> out;
  int64_t line = 1;
  size_t length = 0;  // of the current record
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted || (c != '\n' && c != '\r')) {
      ++length;
      continue;
    }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (length) out.push_back(line);
    ++line;
    length = 0;
  }
  if (length) out.push_back(line);
  return out;
}

// As rules.h LimitName (not linked here: this file stays free of the calendar engine, for the fuzzer).
const char* LimitText(Limit l) {
  switch (l) {
    case Limit::kDays: return "days";
    case Limit::kHours: return "hours";
    case Limit::kSameDay: return "same_day";
  }
  return "days";
}

const std::set<std::string>& Known() {
  static const std::set<std::string> known(ProcedureCsvColumns().begin(), ProcedureCsvColumns().end());
  return known;
}

// "documents[2].kind" -> {"documents", 2, "kind"}; index -1 when the field is no item.
struct ItemField {
  std::string column;
  int64_t index = -1;
  std::string part;
};
ItemField SplitField(std::string_view field) {
  ItemField f;
  const size_t open = field.find('[');
  f.column = std::string(field.substr(0, open));
  if (open == std::string_view::npos) return f;
  const size_t close = field.find(']', open);
  if (close == std::string_view::npos) return f;
  f.index = http::ParseInt64(field.substr(open + 1, close - open - 1)).value_or(-1);
  if (close + 1 < field.size() && field[close + 1] == '.') f.part = std::string(field.substr(close + 2));
  return f;
}

}  // namespace

const std::vector<std::string>& ProcedureCsvColumns() {
  static const std::vector<std::string> columns = {"unit_code",  "code",         "name",   "field",        "level",
                                                   "limit_unit", "limit_amount", "cutoff", "online_level", "fees",
                                                   "result",     "documents",    "steps",  "legal_basis",  "valid_from",
                                                   "valid_to",   "active"};
  return columns;
}

std::string FormatDocuments(const std::vector<Document>& docs) {
  std::string out;
  for (auto& d : docs) {
    if (!out.empty()) out += "; ";
    out += Escape(d.name) + "|" + Escape(d.kind) + "|" + std::to_string(d.count);
  }
  return out;
}

std::string FormatSteps(const std::vector<Step>& steps) {
  std::string out;
  for (auto& s : steps) {
    if (!out.empty()) out += "; ";
    out += Escape(s.name) + "|" + Escape(s.handler) + "|" + std::to_string(s.hours);
  }
  return out;
}

std::vector<Document> ParseDocuments(std::string_view cell, Problems& problems) {
  std::vector<Document> out;
  for (auto& parts : Items(cell)) {
    const std::string at = "documents[" + std::to_string(out.size()) + "]";
    if (parts.size() > 3) problems.add(BadInput("desk.csv_item_parts", at, {{"parts", "tên|loại bản|số lượng"}}));
    Document d;
    d.name = parts[0];
    d.kind = parts.size() > 1 ? DocumentKind(parts[1]) : "";
    d.count = (parts.size() > 2 ? Number(parts[2], at + ".count", problems) : std::nullopt).value_or(1);
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<Step> ParseSteps(std::string_view cell, Problems& problems) {
  std::vector<Step> out;
  for (auto& parts : Items(cell)) {
    const std::string at = "steps[" + std::to_string(out.size()) + "]";
    if (parts.size() > 3)
      problems.add(BadInput("desk.csv_item_parts", at, {{"parts", "tên bước|người thực hiện|số giờ"}}));
    Step s;
    s.name = parts[0];
    s.handler = parts.size() > 1 ? parts[1] : "";
    s.hours = (parts.size() > 2 ? Number(parts[2], at + ".hours", problems) : std::nullopt).value_or(0);
    out.push_back(std::move(s));
  }
  return out;
}

std::string WriteProceduresCsv(const std::vector<Procedure>& procedures) {
  std::string out = "\xEF\xBB\xBF";
  const auto& columns = ProcedureCsvColumns();
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i) out += ',';
    org::AppendCsvField(out, columns[i]);
  }
  out += "\r\n";
  for (auto& p : procedures) {
    const std::string cells[] = {p.unit_code,
                                 p.code,
                                 p.name,
                                 p.field,
                                 p.level,
                                 LimitText(p.limit),
                                 std::to_string(p.limit_amount),
                                 p.cutoff,
                                 std::to_string(p.online_level),
                                 p.fees,
                                 p.result,
                                 FormatDocuments(p.documents),
                                 FormatSteps(p.steps),
                                 p.legal_basis,
                                 p.valid_from,
                                 p.valid_to.value_or(""),
                                 p.active ? "true" : "false"};
    static_assert(std::size(cells) == 17);
    for (size_t i = 0; i < std::size(cells); ++i) {
      if (i) out += ',';
      Cell(out, cells[i]);
    }
    out += "\r\n";
  }
  return out;
}

ProceduresCsv ReadProceduresCsv(std::string_view text) {
  const std::map<std::string, std::string> limits = {{"max", "1 MB"}, {"rows", std::to_string(kMaxCsvRows)}};
  if (text.size() > kMaxCsvBytes) throw AppError(ErrorKind::kTooLarge, "desk.csv_too_large", "csv", limits);
  std::string_view body = text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  const std::string_view first = body.substr(0, body.find('\n'));
  const char delimiter =
      first.find(',') == std::string_view::npos && first.find(';') != std::string_view::npos ? ';' : ',';
  std::vector<std::vector<std::string>> rows;
  try {
    rows = org::ParseCsv(text, delimiter);
  } catch (const AppError& e) {
    throw WithField(e, "csv");
  }
  auto blank = [](const std::vector<std::string>& r) {
    return std::all_of(r.begin(), r.end(), [](const std::string& c) { return text::Trim(c).empty(); });
  };
  std::vector<int64_t> lines = RecordLines(body);
  if (lines.size() != rows.size()) {  // not expected; then rows are numbered as read
    lines.clear();
    for (size_t i = 0; i < rows.size(); ++i) lines.push_back(static_cast<int64_t>(i) + 1);
  }
  while (!rows.empty() && blank(rows.back())) rows.pop_back();
  if (rows.empty()) throw BadInput("desk.csv_empty", "csv");
  if (rows.size() - 1 > kMaxCsvRows) throw AppError(ErrorKind::kTooLarge, "desk.csv_too_large", "csv", limits);

  ProceduresCsv out;
  std::set<std::string> seen;
  for (auto& cell : rows.front()) {
    std::string name = text::Trim(cell);
    if (!Known().count(name)) throw BadInput("desk.csv_unknown_column", "csv", {{"column", name}});
    if (!seen.insert(name).second) throw BadInput("desk.csv_repeated_column", "csv", {{"column", name}});
    out.columns.push_back(std::move(name));
  }
  if (!seen.count("unit_code") || !seen.count("code")) throw BadInput("desk.csv_header", "csv");

  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& cells = rows[r];
    if (blank(cells)) continue;
    const int64_t line = lines[r];
    Problems problems;
    if (cells.size() > out.columns.size())
      problems.add(FieldProblem{"", "desk.csv_extra_cells", {{"columns", std::to_string(out.columns.size())}}});
    CsvRow row;
    row.line = line;
    ProcedureInput& in = row.in;
    for (size_t c = 0; c < out.columns.size(); ++c) {
      const std::string& column = out.columns[c];
      const std::string cell = c < cells.size() ? cells[c] : std::string();
      if (column == "unit_code")
        in.unit_code = text::Trim(cell);
      else if (column == "code")
        in.code = text::Trim(cell);
      else if (column == "name")
        in.name = cell;
      else if (column == "field")
        in.field = cell;
      else if (column == "level")
        in.level = text::Trim(cell);
      else if (column == "limit_unit")
        in.limit_unit = text::Trim(cell);
      else if (column == "limit_amount")
        in.limit_amount = Number(cell, column, problems);
      else if (column == "cutoff")
        in.cutoff = text::Trim(cell);
      else if (column == "online_level")
        in.online_level = Number(cell, column, problems);
      else if (column == "fees")
        in.fees = cell;
      else if (column == "result")
        in.result = cell;
      else if (column == "documents")
        in.documents = ParseDocuments(cell, problems);
      else if (column == "steps")
        in.steps = ParseSteps(cell, problems);
      else if (column == "legal_basis")
        in.legal_basis = cell;
      else if (column == "valid_from")
        in.valid_from = IsoFromDayMonthYear(text::Trim(cell));
      else if (column == "valid_to")
        in.valid_to = IsoFromDayMonthYear(text::Trim(cell));
      else if (column == "active") {
        const std::string v = text::Fold(cell);
        if (v == "true" || v == "1" || v == "co")
          in.active = true;
        else if (v == "false" || v == "0" || v == "khong")
          in.active = false;
        else if (!v.empty() || !text::Trim(cell).empty())
          problems.add(BadInput("desk.csv_bad_active", "active"));
      }
    }
    if (!problems.empty()) {
      try {
        problems.raise_if_any();
      } catch (const AppError& e) {
        for (auto& fp : e.problems()) out.problems.push_back({line, fp});
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

ProcedureInput Overlay(ProcedureInput base, const ProcedureInput& row, const std::vector<std::string>& columns) {
  for (auto& column : columns) {
    if (column == "unit_code")
      base.unit_code = row.unit_code;
    else if (column == "code")
      base.code = row.code;
    else if (column == "name")
      base.name = row.name;
    else if (column == "field")
      base.field = row.field;
    else if (column == "level")
      base.level = row.level;
    else if (column == "limit_unit")
      base.limit_unit = row.limit_unit;
    else if (column == "limit_amount")
      base.limit_amount = row.limit_amount;
    else if (column == "cutoff")
      base.cutoff = row.cutoff;
    else if (column == "online_level")
      base.online_level = row.online_level;
    else if (column == "fees")
      base.fees = row.fees;
    else if (column == "result")
      base.result = row.result;
    else if (column == "documents")
      base.documents = row.documents;
    else if (column == "steps")
      base.steps = row.steps;
    else if (column == "legal_basis")
      base.legal_basis = row.legal_basis;
    else if (column == "valid_from" && !row.valid_from.empty())
      base.valid_from = row.valid_from;
    else if (column == "valid_to")
      base.valid_to = row.valid_to;
    else if (column == "active" && row.active)
      base.active = row.active;
  }
  return base;
}

std::string ColumnOf(std::string_view field) { return SplitField(field).column; }

std::string ProblemText(const FieldProblem& fp) {
  const ItemField f = SplitField(fp.field);
  std::string key = "desk.procedure_field." + f.column;
  if (f.index >= 0) key += "." + (f.part.empty() ? std::string("item") : f.part);
  auto args = fp.args;
  const std::string n = std::to_string(f.index + 1);
  if (render::HasText(key)) args["field"] = render::Text(key, {{"n", n}});
  std::string sentence = text::UpperFirst(render::Text(fp.key, args));
  // A message that does not name its field says which item it is about.
  if (f.index >= 0 && render::Text(fp.key).find("{field}") == std::string::npos)
    sentence = render::Text("desk.procedure_field." + f.column + ".prefix", {{"n", n}}) + sentence;
  return sentence;
}

}  // namespace fg::desk
