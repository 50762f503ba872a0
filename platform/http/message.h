// HTTP request and response as features see them: plain structs, no Beast.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/text/text.h"

namespace fg::http {

struct Request {
  std::string method;                                        // upper case
  std::string target;                                        // as received: path?query
  std::string path;                                          // decoded path, without the query
  std::string query;                                         // raw query string, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_addr;
  std::string request_id;
  std::map<std::string, std::string> params;  // path parameters from the route

  // Sets `target` and splits it into the decoded `path` (decoded once, here
  // only) and the raw `query`.
  void set_target(std::string_view raw_target);
  // Adds a header as received; its name is stored in lower case.
  void add_header(std::string_view name, std::string_view value);

  std::string_view header(std::string_view lower_name) const;
  std::string cookie(std::string_view name) const;
  std::string query_param(std::string_view name) const;  // decoded, "" if absent
  // The path parameter `name` as a positive integer id; nullopt if it is not one.
  std::optional<int64_t> id_param(std::string_view name) const;
  bool has_query_param(std::string_view name) const;
  // The form fields of an application/x-www-form-urlencoded or a
  // multipart/form-data body (a file field's value is the file's content),
  // decoded (a repeated key keeps the last value). The body is parsed once,
  // on first use (the CSRF check reads the form before its handler does).
  std::map<std::string, std::string> form() const;
  const std::multimap<std::string, std::string>& form_all() const;

 private:
  mutable std::optional<std::multimap<std::string, std::string>> form_;
};

// The value of `key` in a decoded form, "" if absent.
std::string FormValue(const std::map<std::string, std::string>& form, std::string_view key);

// A whole string of decimal digits (optionally signed) that fits int64_t; nullopt otherwise.
using text::ParseInt64;

// Whether the request's If-None-Match names `etag` (strong or weak form, one of
// a list, or "*"; RFC 9110 13.1.2, weak comparison).
bool NoneMatchHits(const Request& req, std::string_view etag);

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // A body shared with a kept copy of the page (features/public/page_cache.h),
  // written from there and never copied; `body` is then empty. Read the bytes
  // sent with bytes().
  std::shared_ptr<const std::string> shared_body;

  std::string_view bytes() const { return shared_body ? std::string_view(*shared_body) : std::string_view(body); }

  static Response Text(int status, std::string body, std::string type = "text/plain; charset=utf-8");
  static Response Redirect(std::string location, int status = 303);
  // 200 with a file the browser shows ("inline") under the name `filename` if saved.
  static Response InlineFile(std::string body, std::string type, const std::string& filename);
  // 200 with a file the browser saves ("attachment") as `filename` (ASCII).
  static Response Attachment(std::string body, std::string type, const std::string& filename);
  void set_header(std::string name, std::string value);
  std::string_view header(std::string_view name) const;
};

struct CookieOptions {
  bool http_only = true;
  int max_age = -1;  // -1: session cookie; 0: delete
};
std::string SetCookieValue(std::string_view name, std::string_view value, const CookieOptions& o = {});
// Behind TLS (configuration key cookie_secure): every cookie gets `Secure`.
void SetSecureCookies(bool on);

// Whether `target` (already decoded) is a path on this site, safe as a redirect
// Location: one leading "/" (not "//" nor "/\\"), no backslash, no control characters.
bool IsLocalPath(std::string_view target);

// Percent-decoding; `plus_is_space` for form bodies and query strings.
std::string UrlDecode(std::string_view s, bool plus_is_space = true);
std::string UrlEncode(std::string_view s);
std::multimap<std::string, std::string> ParseUrlEncoded(std::string_view s);
// The parts of a multipart/form-data body (RFC 7578) by their field name; a
// file's part holds the file's bytes. Parts without a name are skipped; a
// malformed body yields the parts read before the fault.
std::multimap<std::string, std::string> ParseMultipart(std::string_view body, std::string_view boundary);
// The boundary parameter of a multipart/form-data Content-Type; "" for any other type.
std::string MultipartBoundary(std::string_view content_type);

}  // namespace fg::http
