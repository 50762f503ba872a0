#include "platform/text/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <memory>

#include "platform/errors.h"

namespace fg::text {

std::optional<int64_t> ParseInt64(std::string_view s) {
  int64_t v = 0;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, v);
  if (s.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return v;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::string Cut(std::string_view s, size_t max_chars) {
  size_t count = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      if (count == max_chars) break;
      ++count;
    }
  }
  if (i < s.size()) return std::string(s.substr(0, i)) + "...";
  return std::string(s);
}

std::optional<size_t> Length(std::string_view s, bool multiline) {
  size_t n = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  for (utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size()); left > 0; ++n) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
    if (len < 0) return std::nullopt;
    const bool control = cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
    if (control && cp != '\t' && !(multiline && (cp == '\n' || cp == '\r'))) return std::nullopt;
    p += len;
    left -= len;
  }
  return n;
}

bool NfcStable(char32_t cp) {
  return cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x2027) || cp == 0x20AB || cp == 0x20AC;
}

std::optional<std::string> Nfc(std::string_view s) {
  // Codes, phone numbers, e-mail addresses and most Vietnamese text typed on
  // a phone or a PC are valid UTF-8 of NFC-stable code points: returned as
  // they are, without utf8proc's decomposition, recomposition and allocations.
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    if (*p < 0x80) {
      ++p;
      --left;
      continue;
    }
    utf8proc_int32_t cp;
    const utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
    if (len < 0 || !NfcStable(static_cast<char32_t>(cp))) break;
    p += len;
    left -= len;
  }
  if (left == 0) return std::string(s);
  // With an explicit length (not NUL-terminated): a NUL is kept, for Length() to refuse.
  utf8proc_uint8_t* raw = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &raw,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> out(raw, &std::free);
  if (n < 0) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(out.get()), static_cast<size_t>(n));
}

std::string Clean(std::string_view field, std::string_view s, size_t max_chars, bool required, bool multiline) {
  auto t = Nfc(Trim(s));  // invalid UTF-8 has no NFC form
  auto n = t ? Length(*t, multiline) : std::nullopt;
  if (!n) throw BadInput("error.bad_utf8", std::string(field));
  if (required && t->empty()) throw BadInput("error.required", std::string(field));
  if (*n > max_chars) throw BadInput("error.too_long", std::string(field), {{"max", std::to_string(max_chars)}});
  return std::move(*t);
}

std::string UpperFirst(std::string_view s) {
  utf8proc_int32_t cp;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                            static_cast<utf8proc_ssize_t>(s.size()), &cp);
  if (n <= 0) return std::string(s);
  utf8proc_uint8_t buf[4];
  auto m = utf8proc_encode_char(utf8proc_toupper(cp), buf);
  return std::string(reinterpret_cast<char*>(buf), static_cast<size_t>(m)) +
         std::string(s.substr(static_cast<size_t>(n)));
}

std::string Fold(std::string_view s) {
  utf8proc_uint8_t* raw = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &raw,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> mapped(raw, &std::free);
  if (n < 0) return {};
  std::string out;
  bool gap = false;
  const auto* p = mapped.get();
  for (utf8proc_ssize_t left = n; left > 0;) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
    if (len <= 0) break;
    p += len;
    left -= len;
    if (cp == 0x111) cp = 'd';  // đ (Đ case-folds to it) has no decomposition
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      if (gap && !out.empty()) out += ' ';
      gap = false;
      out += static_cast<char>(cp);
    } else {
      gap = true;
    }
  }
  return out;
}

std::string Phone(std::string_view field, std::string_view s) {
  std::string t = Clean(field, s, 32, false);
  size_t digits = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c >= '0' && c <= '9')
      ++digits;
    else if (!(c == ' ' || c == '.' || c == '-' || (c == '+' && i == 0)))
      throw BadInput("error.bad_phone", std::string(field));
  }
  if (!t.empty() && (digits < 8 || digits > 15)) throw BadInput("error.bad_phone", std::string(field));
  return t;
}

std::string Email(std::string_view field, std::string_view s) {
  std::string t = Clean(field, s, 254, false);
  if (t.empty()) return t;
  const size_t at = t.find('@');
  if (at == std::string::npos || at == 0 || at > 64 || t.find('@', at + 1) != std::string::npos)
    throw BadInput("error.bad_email", std::string(field));
  const std::string_view domain = std::string_view(t).substr(at + 1);
  if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos || t.find_first_of(" \t<>()[],;:\\\"") != std::string::npos)
    throw BadInput("error.bad_email", std::string(field));
  return t;
}

namespace {

// "-5", "+3", "-1.5", "-1,5": a number a spreadsheet may take as one.
bool PlainNumber(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  bool digits = false, separator = false;
  for (; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) {
      digits = true;
    } else if ((s[i] == '.' || s[i] == ',') && digits && !separator) {
      separator = true;
      digits = false;
    } else {
      return false;
    }
  }
  return digits;
}

}  // namespace

std::string CsvField(std::string_view s) {
  std::string guarded;
  if (!s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos && !PlainNumber(s)) {
    guarded = "'" + std::string(s);  // a spreadsheet shows it as text rather than running it
    s = guarded;
  }
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string FileName(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') out += c;
  return out;
}

}  // namespace fg::text
