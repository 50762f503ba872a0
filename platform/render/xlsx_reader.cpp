#include "platform/render/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <memory>

namespace fg::render::xlsx {

namespace {

// ---- the archive ----
struct Archive {
  zip_t* z = nullptr;
  ~Archive() {
    if (z) zip_discard(z);
  }
};

void Open(Archive& a, std::string_view bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) throw ReadError("zip source");
  a.z = zip_open_from_source(src, ZIP_RDONLY, &err);
  zip_error_fini(&err);
  if (!a.z) {
    zip_source_free(src);
    throw ReadError("not a zip archive");
  }
}

// The part's bytes; nullopt-like empty + false when the archive has no such part.
bool ReadPart(Archive& a, const std::string& name, std::string& out) {
  const zip_int64_t index = zip_name_locate(a.z, name.c_str(), 0);
  if (index < 0) return false;
  zip_file_t* f = zip_fopen_index(a.z, static_cast<zip_uint64_t>(index), 0);
  if (!f) throw ReadError("cannot open " + name);
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(f, zip_fclose);
  out.clear();
  char buf[65536];
  for (;;) {
    const zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) throw ReadError("cannot read " + name);
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > kMaxPartBytes) throw ReadError(name + " is too large");
  }
  return true;
}

// ---- XML ----
std::string_view Local(const char* name) {  // "x:c" -> "c"
  std::string_view n(name);
  auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* Attr(const char** attrs, std::string_view local) {
  for (size_t i = 0; attrs[i]; i += 2)
    if (Local(attrs[i]) == local) return attrs[i + 1];
  return nullptr;
}

// Nothing may unwind through expat's C frames: each callback runs inside
// Guard, which keeps the first exception (a limit, bad_alloc), stops the
// parser, and Parse rethrows it once expat has returned.
struct Handlers {
  std::function<void(std::string_view, const char**)> start;
  std::function<void(std::string_view)> end;
  std::function<void(std::string_view)> text;
  XML_Parser parser = nullptr;
  std::exception_ptr error;
  template <class F>
  void Guard(F&& f) {
    if (error) return;
    try {
      f();
    } catch (...) {
      error = std::current_exception();
      XML_StopParser(parser, XML_FALSE);
    }
  }
};

void Parse(const std::string& xml, Handlers& h) {
  std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreate("UTF-8"), XML_ParserFree);
  if (!parser) throw ReadError("xml parser");
  h.parser = parser.get();
  XML_SetUserData(parser.get(), &h);
  XML_SetElementHandler(
      parser.get(),
      [](void* u, const XML_Char* name, const XML_Char** attrs) {
        auto* hh = static_cast<Handlers*>(u);
        if (hh->start) hh->Guard([&] { hh->start(Local(name), attrs); });
      },
      [](void* u, const XML_Char* name) {
        auto* hh = static_cast<Handlers*>(u);
        if (hh->end) hh->Guard([&] { hh->end(Local(name)); });
      });
  XML_SetCharacterDataHandler(parser.get(), [](void* u, const XML_Char* s, int len) {
    auto* hh = static_cast<Handlers*>(u);
    if (hh->text) hh->Guard([&] { hh->text(std::string_view(s, static_cast<size_t>(len))); });
  });
  const auto status = XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  if (h.error) std::rethrow_exception(h.error);
  if (status == XML_STATUS_ERROR)
    throw ReadError(std::string("malformed XML: ") + XML_ErrorString(XML_GetErrorCode(parser.get())));
}

// ---- the workbook's parts ----
// The first sheet's part name from xl/workbook.xml and its relationships.
std::string FirstSheetPart(Archive& a) {
  std::string xml, rid;
  if (ReadPart(a, "xl/workbook.xml", xml)) {
    Handlers h;
    h.start = [&](std::string_view name, const char** attrs) {
      if (name == "sheet" && rid.empty())
        if (const char* id = Attr(attrs, "id")) rid = id;
    };
    Parse(xml, h);
  }
  std::string target;
  if (!rid.empty() && ReadPart(a, "xl/_rels/workbook.xml.rels", xml)) {
    Handlers h;
    h.start = [&](std::string_view name, const char** attrs) {
      if (name != "Relationship") return;
      const char* id = Attr(attrs, "Id");
      const char* t = Attr(attrs, "Target");
      if (id && t && rid == id) target = t;
    };
    Parse(xml, h);
  }
  if (target.empty()) return "xl/worksheets/sheet1.xml";
  if (target.front() == '/') return target.substr(1);
  return "xl/" + target;
}

std::string Unescape(const std::string& s);

// Which cell formats (the s= of a cell, an index into cellXfs) show numbers as
// percentages: the built-in formats 9 (0%) and 10 (0.00%), or a custom one
// whose code has a % outside quotes.
std::vector<bool> PercentStyles(Archive& a) {
  std::vector<bool> out;
  std::string xml;
  if (!ReadPart(a, "xl/styles.xml", xml)) return out;
  std::map<int, bool> custom;  // numFmtId -> percent
  bool in_xfs = false;
  Handlers h;
  h.start = [&](std::string_view name, const char** attrs) {
    if (name == "numFmt") {
      const char* id = Attr(attrs, "numFmtId");
      const char* code = Attr(attrs, "formatCode");
      if (!id || !code) return;
      bool quoted = false, percent = false;
      for (const char* c = code; *c; ++c) {
        if (*c == '"')
          quoted = !quoted;
        else if (*c == '\\' && c[1])
          ++c;
        else if (*c == '%' && !quoted)
          percent = true;
      }
      custom[std::atoi(id)] = percent;
    } else if (name == "cellXfs") {
      in_xfs = true;
    } else if (in_xfs && name == "xf") {
      if (out.size() >= 65536) throw ReadError("too many cell formats");
      const char* id = Attr(attrs, "numFmtId");
      const int n = id ? std::atoi(id) : 0;
      auto it = custom.find(n);
      out.push_back(n == 9 || n == 10 || (it != custom.end() && it->second));
    }
  };
  h.end = [&](std::string_view name) {
    if (name == "cellXfs") in_xfs = false;
  };
  Parse(xml, h);
  return out;
}

std::vector<std::string> SharedStrings(Archive& a) {
  std::vector<std::string> out;
  std::string xml;
  if (!ReadPart(a, "xl/sharedStrings.xml", xml)) return out;
  bool in_t = false;
  int phonetic = 0;  // <rPh> runs are readings, not text
  Handlers h;
  h.start = [&](std::string_view name, const char**) {
    if (name == "si")
      out.emplace_back();
    else if (name == "rPh")
      ++phonetic;
    else if (name == "t")
      in_t = phonetic == 0 && !out.empty();
  };
  h.end = [&](std::string_view name) {
    if (name == "t")
      in_t = false;
    else if (name == "rPh")
      --phonetic;
  };
  h.text = [&](std::string_view s) {
    if (!in_t) return;
    if (out.back().size() + s.size() > kMaxCellBytes) throw ReadError("a text over the cell limit");
    out.back().append(s);
  };
  Parse(xml, h);
  for (auto& t : out) t = Unescape(t);
  return out;
}

// "C12" -> column 2 (A = 0); -1 when malformed.
int ColumnOf(const char* ref) {
  int col = 0, letters = 0;
  for (; ref[letters] >= 'A' && ref[letters] <= 'Z'; ++letters) {
    col = col * 26 + (ref[letters] - 'A' + 1);
    if (col > 16384) return -1;
  }
  return letters == 0 ? -1 : col - 1;
}

// OOXML's escape of characters XML cannot hold (`_x000D_` for a carriage
// return; `_x005F_` for a literal underscore before such a sequence).
std::string Unescape(const std::string& s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned code = 0;
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
        std::from_chars(s.data() + i + 2, s.data() + i + 6, code, 16).ptr == s.data() + i + 6) {
      if (code < 0x80) {
        out += static_cast<char>(code);
      } else {  // UTF-8 of a BMP code point
        if (code < 0x800) {
          out += static_cast<char>(0xC0 | (code >> 6));
        } else {
          out += static_cast<char>(0xE0 | (code >> 12));
          out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        }
        out += static_cast<char>(0x80 | (code & 0x3F));
      }
      i += 6;
    } else {
      out += s[i];
    }
  }
  return out;
}

// A number cell's value in its shortest round-trip form ("0.25", not "0.25000000000000000").
std::string NumberText(const std::string& v) {
  double d = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || p != v.data() + v.size()) return v;
  char buf[64];
  auto [end, ec2] = std::to_chars(buf, buf + sizeof buf, d);
  if (ec2 != std::errc()) return v;
  return std::string(buf, end);
}

// A number shown as a percentage, as it is shown: 0.955 -> "95.5%".
std::string PercentText(const std::string& v) {
  double d = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || p != v.data() + v.size()) return v;
  // Rounded to 10 decimals first: 0.955 x 100 is 95.49999999999999 in binary.
  const double percent = std::round(d * 100 * 1e10) / 1e10;
  return NumberText(std::to_string(percent)) + "%";
}

}  // namespace

std::vector<std::vector<std::string>> ReadFirstSheet(std::string_view bytes) {
  Archive a;
  Open(a, bytes);
  const auto shared = SharedStrings(a);
  const auto percent = PercentStyles(a);
  std::string xml;
  if (!ReadPart(a, FirstSheetPart(a), xml)) throw ReadError("no sheet");

  std::vector<std::vector<std::string>> rows;
  size_t total = 0;         // bytes of text returned (a shared string may be named by many cells)
  size_t row = 0;           // 1-based number of the current <row>
  int col = -1;             // the current cell's column
  std::string type, value;  // the current cell's t= and text
  bool as_percent = false;  // its format shows a percentage
  bool in_value = false, in_inline = false, in_cell = false;
  Handlers h;
  h.start = [&](std::string_view name, const char** attrs) {
    if (name == "row") {
      const char* r = Attr(attrs, "r");
      size_t n = 0;
      if (r) std::from_chars(r, r + std::strlen(r), n);
      row = n > row ? n : row + 1;
      col = -1;
    } else if (name == "c") {
      const char* r = Attr(attrs, "r");
      const int c = r ? ColumnOf(r) : col + 1;
      col = c < 0 ? col + 1 : c;
      const char* t = Attr(attrs, "t");
      type = t ? t : "n";
      const char* style = Attr(attrs, "s");
      const size_t xf = style ? static_cast<size_t>(std::atoi(style)) : 0;
      as_percent = xf < percent.size() && percent[xf];
      value.clear();
      in_cell = true;
    } else if ((in_cell && name == "v") || (in_inline && name == "t")) {  // a value, or an inline string's text
      in_value = true;
    } else if (in_cell && name == "is") {
      in_inline = true;
    }
  };
  h.end = [&](std::string_view name) {
    if (name == "v" || name == "t") {
      in_value = false;
    } else if (name == "is") {
      in_inline = false;
    } else if (name == "c") {
      in_cell = false;
      if (row == 0 || col < 0 || static_cast<size_t>(col) >= kMaxColumns || value.empty()) return;
      std::string text;
      if (type == "s") {
        size_t i = 0;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), i);
        if (ec == std::errc() && i < shared.size()) text = shared[i];
      } else if (type == "b") {
        text = value == "1" ? "TRUE" : "FALSE";
      } else if (type == "n") {
        text = as_percent ? PercentText(value) : NumberText(value);
      } else {  // str, inlineStr, e
        text = Unescape(value);
      }
      if (text.empty()) return;
      if (row > kMaxRows) throw TooManyRows();
      if ((total += text.size()) > kMaxPartBytes) throw ReadError("the cells' text over the limit");
      if (rows.size() < row) rows.resize(row);
      auto& cells = rows[row - 1];
      if (cells.size() <= static_cast<size_t>(col)) cells.resize(static_cast<size_t>(col) + 1);
      cells[static_cast<size_t>(col)] = std::move(text);
    }
  };
  h.text = [&](std::string_view s) {
    if (!in_value) return;
    if (value.size() + s.size() > kMaxCellBytes) throw ReadError("a cell over the limit");
    value.append(s);
  };
  Parse(xml, h);
  return rows;
}

}  // namespace fg::render::xlsx
