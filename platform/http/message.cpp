#include "platform/http/message.h"

#include <atomic>

#include <algorithm>
#include <cctype>

namespace fg::http {

void Request::set_target(std::string_view raw_target) {
  target = std::string(raw_target);
  size_t q = target.find('?');
  path = UrlDecode(std::string_view(target).substr(0, q), false);
  query = q == std::string::npos ? std::string() : target.substr(q + 1);
}

void Request::add_header(std::string_view name, std::string_view value) {
  std::string lower(name);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  headers.emplace_back(std::move(lower), std::string(value));
}

std::string_view Request::header(std::string_view lower_name) const {
  for (auto& [k, v] : headers)
    if (k == lower_name) return v;
  return {};
}

std::string Request::cookie(std::string_view name) const {
  std::string_view c = header("cookie");
  while (!c.empty()) {
    size_t semi = c.find(';');
    std::string_view part = c.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    c.remove_prefix(semi + 1);
  }
  return {};
}

std::string FormValue(const std::map<std::string, std::string>& form, std::string_view key) {
  auto it = form.find(std::string(key));
  return it == form.end() ? std::string() : it->second;
}

std::optional<int64_t> Request::id_param(std::string_view name) const {
  auto it = params.find(std::string(name));
  if (it == params.end()) return std::nullopt;
  auto v = ParseInt64(it->second);
  if (!v || *v <= 0) return std::nullopt;
  return v;
}

std::string Request::query_param(std::string_view name) const {
  auto all = ParseUrlEncoded(query);
  auto it = all.find(std::string(name));
  return it == all.end() ? std::string() : it->second;
}

bool Request::has_query_param(std::string_view name) const {
  return ParseUrlEncoded(query).count(std::string(name)) > 0;
}

std::map<std::string, std::string> Request::form() const {
  std::map<std::string, std::string> out;
  for (auto& [k, v] : form_all()) out[k] = v;
  return out;
}

const std::multimap<std::string, std::string>& Request::form_all() const {
  if (!form_) {
    const std::string boundary = MultipartBoundary(header("content-type"));
    form_ = boundary.empty() ? ParseUrlEncoded(body) : ParseMultipart(body, boundary);
  }
  return *form_;
}

bool NoneMatchHits(const Request& req, std::string_view etag) {
  std::string_view inm = req.header("if-none-match");
  while (!inm.empty()) {
    const size_t comma = inm.find(',');
    std::string_view tag = inm.substr(0, comma);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    if (comma == std::string_view::npos) break;
    inm.remove_prefix(comma + 1);
  }
  return false;
}

namespace {

// RFC 6266: a plain ASCII name (one "_" for each other character), and the
// name as it is (RFC 8187, UTF-8) when that differs.
Response File(std::string body, std::string type, const char* disposition, const std::string& filename) {
  Response r = Response::Text(200, std::move(body), std::move(type));
  std::string ascii;
  for (unsigned char c : filename) {
    if (c >= 0x80 && c < 0xC0) continue;  // a UTF-8 continuation byte: its character has its "_"
    ascii += c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '/' ? '_' : static_cast<char>(c);
  }
  std::string value = std::string(disposition) + "; filename=\"" + ascii + "\"";
  if (ascii != filename) {
    std::string encoded;
    for (char c : UrlEncode(filename)) encoded += c == '/' ? std::string("%2F") : std::string(1, c);
    value += "; filename*=UTF-8''" + encoded;
  }
  r.set_header("Content-Disposition", value);
  return r;
}

}  // namespace

Response Response::InlineFile(std::string body, std::string type, const std::string& filename) {
  return File(std::move(body), std::move(type), "inline", filename);
}

Response Response::Attachment(std::string body, std::string type, const std::string& filename) {
  return File(std::move(body), std::move(type), "attachment", filename);
}

Response Response::Text(int status, std::string body, std::string type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.content_type = std::move(type);
  return r;
}

Response Response::Redirect(std::string location, int status) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

void Response::set_header(std::string name, std::string value) {
  for (auto& [k, v] : headers)
    if (k == name) {
      v = std::move(value);
      return;
    }
  headers.emplace_back(std::move(name), std::move(value));
}

std::string_view Response::header(std::string_view name) const {
  for (auto& [k, v] : headers)
    if (k == name) return v;
  return {};
}

namespace {
std::atomic<bool> g_secure_cookies{false};
}

void SetSecureCookies(bool on) { g_secure_cookies = on; }

std::string SetCookieValue(std::string_view name, std::string_view value, const CookieOptions& o) {
  std::string s(name);
  s += '=';
  s += value;
  s += "; Path=/; SameSite=Lax";
  if (o.http_only) s += "; HttpOnly";
  if (g_secure_cookies) s += "; Secure";
  if (o.max_age >= 0) s += "; Max-Age=" + std::to_string(o.max_age);
  return s;
}

bool IsLocalPath(std::string_view target) {
  if (target.empty() || target[0] != '/' || (target.size() > 1 && target[1] == '/')) return false;
  // Browsers read a backslash as "/" and drop tabs and line breaks: "/<TAB>/evil.com" is "//evil.com".
  return std::none_of(target.begin(), target.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return c == '\\' || u < 0x20 || u == 0x7f;
  });
}

namespace {
int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(c | 0x20);  // either case
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}
}  // namespace

std::string UrlDecode(std::string_view s, bool plus_is_space) {
  // Written in place into a string of the input's size (the output is never
  // longer): a form's Vietnamese text is mostly escapes, two or three a letter.
  std::string out(s.size(), '\0');
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%' && i + 2 < s.size()) {
      const int hi = HexDigit(s[i + 1]);
      const int lo = HexDigit(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out[n++] = static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    out[n++] = c;
  }
  out.resize(n);
  return out;
}

std::string UrlEncode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::multimap<std::string, std::string> ParseUrlEncoded(std::string_view s) {
  std::multimap<std::string, std::string> out;
  while (!s.empty()) {
    size_t amp = s.find('&');
    std::string_view part = s.substr(0, amp);
    if (!part.empty()) {
      size_t eq = part.find('=');
      if (eq == std::string_view::npos)
        out.emplace(UrlDecode(part), "");
      else
        out.emplace(UrlDecode(part.substr(0, eq)), UrlDecode(part.substr(eq + 1)));
    }
    if (amp == std::string_view::npos) break;
    s.remove_prefix(amp + 1);
  }
  return out;
}

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value of parameter `name` in a header value such as
// `form-data; name="x"; filename="y"` or `multipart/form-data; boundary=z`.
std::string HeaderParam(std::string_view value, std::string_view name) {
  size_t at = 0;
  while ((at = value.find(';', at)) != std::string_view::npos) {
    ++at;
    while (at < value.size() && (value[at] == ' ' || value[at] == '\t')) ++at;
    const size_t eq = value.find('=', at);
    if (eq == std::string_view::npos) return {};
    if (Lower(value.substr(at, eq - at)) != name) continue;
    std::string_view rest = value.substr(eq + 1);
    if (!rest.empty() && rest.front() == '"') {
      const size_t close = rest.find('"', 1);
      return std::string(rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
    }
    return std::string(rest.substr(0, rest.find(';')));
  }
  return {};
}

}  // namespace

std::string MultipartBoundary(std::string_view content_type) {
  std::string type = Lower(content_type.substr(0, content_type.find(';')));
  type.erase(0, type.find_first_not_of(' '));
  type.erase(type.find_last_not_of(' ') + 1);
  if (type != "multipart/form-data") return {};
  std::string b = HeaderParam(content_type, "boundary");
  while (!b.empty() && b.back() == ' ') b.pop_back();
  return b.size() <= 70 ? b : std::string();  // RFC 2046: 1 to 70 characters
}

std::multimap<std::string, std::string> ParseMultipart(std::string_view body, std::string_view boundary) {
  std::multimap<std::string, std::string> out;
  if (boundary.empty()) return out;
  const std::string delimiter = "--" + std::string(boundary);
  const std::string next = "\r\n" + delimiter;
  size_t at = body.find(delimiter);
  if (at == std::string_view::npos) return out;
  at += delimiter.size();
  while (at + 2 <= body.size()) {
    if (body.substr(at, 2) == "--") break;  // the closing delimiter
    if (body.substr(at, 2) != "\r\n") break;
    at += 2;
    const size_t head_end = body.find("\r\n\r\n", at);
    if (head_end == std::string_view::npos) break;
    std::string name;
    bool named = false;
    for (std::string_view head = body.substr(at, head_end - at); !head.empty();) {
      const size_t eol = head.find("\r\n");
      const std::string_view line = head.substr(0, eol);
      const size_t colon = line.find(':');
      if (colon != std::string_view::npos && Lower(line.substr(0, colon)) == "content-disposition") {
        const std::string_view value = line.substr(colon + 1);
        named = value.find("name=") != std::string_view::npos;
        name = HeaderParam(value, "name");
      }
      if (eol == std::string_view::npos) break;
      head.remove_prefix(eol + 2);
    }
    const size_t content = head_end + 4;
    const size_t end = body.find(next, content);
    if (end == std::string_view::npos) break;
    if (named && !name.empty()) out.emplace(std::move(name), std::string(body.substr(content, end - content)));
    at = end + next.size();
  }
  return out;
}

}  // namespace fg::http
