#include "platform/http/message.h"

#include <atomic>

#include <algorithm>
#include <cctype>
#include <charconv>

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

std::optional<int64_t> ParseInt64(std::string_view s) {
  int64_t v = 0;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, v);
  if (s.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return v;
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
  for (auto& [k, v] : ParseUrlEncoded(body)) out[k] = v;
  return out;
}

std::multimap<std::string, std::string> Request::form_all() const { return ParseUrlEncoded(body); }

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

std::string UrlDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += c;
    }
  }
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

}  // namespace fg::http
